"""One CSV record read as Go's encoding/csv reads it (strict quotes), with its error messages."""
from __future__ import annotations

from . import OptError

_QUOTE, _COMMA = ord('"'), ord(",")


def _error(column: int, what: str) -> OptError:
    return OptError(f"parse error on line 1, column {column}: {what}")


def csv_fields(value: str) -> list[str]:
    """The fields of `value`; columns in messages are 1-based byte positions, as Go reports them."""
    if value == "":
        raise OptError("EOF")
    data = value.encode()
    fields: list[str] = []
    pos = 0
    while True:
        if pos < len(data) and data[pos] == _QUOTE:
            field, pos = _quoted(data, pos + 1)
        else:
            end = data.find(b",", pos)
            end = len(data) if end < 0 else end
            quote = data.find(b'"', pos, end)
            if quote >= 0:
                raise _error(quote + 1, 'bare " in non-quoted-field')
            field, pos = data[pos:end], end
        fields.append(field.decode(errors="surrogateescape"))
        if pos >= len(data):
            return fields
        pos += 1  # the comma


def _quoted(data: bytes, pos: int) -> tuple[bytes, int]:
    """A quoted field starting after its opening quote: (its bytes, the position after its closing quote)."""
    field = bytearray()
    while True:
        close = data.find(b'"', pos)
        if close < 0:
            raise _error(len(data) + 1, 'extraneous or missing " in quoted-field')
        field += data[pos:close]
        after = data[close + 1:close + 2]
        if after == b'"':
            field += b'"'
            pos = close + 2
        elif after in (b"", b","):
            return bytes(field), close + 1
        else:
            raise _error(close + 1, 'extraneous or missing " in quoted-field')


def string_slice(value: str) -> list[str]:
    """One value of a pflag StringSlice flag (`--subnet a,b`): its CSV fields; "" gives none."""
    return csv_fields(value) if value else []
