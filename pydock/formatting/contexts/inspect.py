"""`inspect` output as docker/cli's inspect package writes it.

Without --format, the engine's own bytes are joined into an array and run through Go's
json.Indent (four spaces): key order, escapes and numbers stay exactly as the engine sent them.
`--format json` is json.Compact of the same array. A template runs over docker's Go types first
(inspect_types), then over the engine's JSON (json.Number numbers, missingkey=error), as docker
falls back to it.
"""
from __future__ import annotations

import json

_SPACE = b" \t\r\n"


def go_indent(src: bytes, indent: bytes = b"    ") -> bytes:
    """encoding/json.Indent with an empty prefix: whitespace outside strings is replaced."""
    out = bytearray()
    depth = 0
    need_indent = False  # just opened an object or array: indent before the next token
    in_string = escaped = False
    for byte in src:
        ch = bytes((byte,))
        if in_string:
            out += ch
            if escaped:
                escaped = False
            elif ch == b"\\":
                escaped = True
            elif ch == b'"':
                in_string = False
            continue
        if ch in _SPACE:
            continue
        if need_indent and ch not in b"]}":
            need_indent = False
            depth += 1
            out += b"\n" + indent * depth
        if ch == b'"':
            in_string = True
            out += ch
        elif ch in b"[{":
            out += ch
            need_indent = True
        elif ch == b",":
            out += b",\n" + indent * depth
        elif ch == b":":
            out += b": "
        elif ch in b"]}":
            if need_indent:  # an empty array or object stays on one line
                need_indent = False
            else:
                depth -= 1
                out += b"\n" + indent * depth
            out += ch
        else:
            out += ch
    return bytes(out)


def go_compact(src: bytes) -> bytes:
    """encoding/json.Compact: drop whitespace outside strings."""
    out = bytearray()
    in_string = escaped = False
    for byte in src:
        if in_string:
            out.append(byte)
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
            out.append(byte)
        elif bytes((byte,)) not in _SPACE:
            out.append(byte)
    return bytes(out)


def json_array(raws: list[bytes], compact: bool = False) -> bytes:
    """What docker prints for the inspected objects without a template (with a final newline)."""
    if not raws:
        return b"[]\n"
    joined = b"[" + b",".join(raws) + b"]"
    return (go_compact(joined) if compact else go_indent(joined)) + b"\n"


class TemplateInspector:
    """Runs one template per object; collects the text docker writes at the end (Flush)."""

    def __init__(self, template, raw_fallback: bool = True):
        self.template = template
        self.raw_fallback = raw_fallback  # False: docker has only its Go type (`volume inspect`)
        self.chunks: list[str] = []

    def add(self, raw: bytes, kind: str = "") -> None:
        """docker's TemplateInspector.Inspect: the template runs on the object's Go type first; if that
        fails, it runs again on the raw JSON (numbers as json.Number, missingkey=error), and only that
        second error is reported. Without `raw_fallback` (`volume inspect`), the first error is.

        Raises TemplateExecError (docker reports `template parsing error: …`) or ValueError for JSON
        that does not decode (`unable to read inspect data: …`).
        """
        from ...golang.json import decode_use_number
        from .inspect_types import typed_object

        typed = typed_object(kind, json.loads(raw))
        if typed is not None:
            try:
                self.chunks.append(self.template.execute(typed) + "\n")
                return
            except ValueError:
                if not self.raw_fallback:
                    raise
        self.chunks.append(self.template.execute(decode_use_number(raw), missingkey="error") + "\n")

    def text(self) -> str:
        return "".join(self.chunks) or "\n"


def parse_inspect_format(fmt: str):
    """None for the JSON outputs, else the parsed template. Raises TemplateParseError."""
    if fmt in ("", "json"):
        return None
    from ...golang.template import parse
    from .inspect_types import json_funcs

    return parse(fmt, funcs=json_funcs())
