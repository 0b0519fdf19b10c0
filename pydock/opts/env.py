"""-e/--env, --env-file, -l/--label and --label-file, as docker reads them."""
from __future__ import annotations

import os
from typing import Callable, Mapping

from . import OptError

_WHITESPACE = " \t"


def validate_env(value: str, environ: Mapping[str, str] = os.environ) -> str:
    """-e FOO=bar stays; -e FOO takes FOO's value from our environment when it is set."""
    key, eq, _ = value.partition("=")
    if not key:
        raise OptError(f"invalid environment variable: {value}")
    if eq:
        return value
    if key in environ:
        return f"{key}={environ[key]}"
    return value


def validate_label(value: str) -> str:
    key = value.partition("=")[0].lstrip(_WHITESPACE)
    if not key:
        raise OptError(f"invalid label '{value}': empty name")
    if any(c in key for c in _WHITESPACE):
        raise OptError(f"label '{key}' contains whitespaces")
    return value


def parse_kv_file(path: str, lookup: Callable[[str], str | None] | None = None) -> list[str]:
    """docker's kvfile.Parse: KEY=VALUE lines; `KEY` alone looks KEY up (when lookup is given)."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise OptError(f"open {path}: {_os_error_text(exc)}") from None
    try:
        return _parse_kv_lines(raw, lookup)
    except OptError as exc:
        raise OptError(f"invalid env file ({path}): {exc}") from None


def _parse_kv_lines(raw: bytes, lookup) -> list[str]:
    lines: list[str] = []
    raw_lines = raw.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    for number, line_bytes in enumerate(raw_lines, start=1):
        if line_bytes.endswith(b"\r"):
            line_bytes = line_bytes[:-1]
        try:
            text = line_bytes.decode("utf-8")
        except UnicodeDecodeError:
            shown = "[" + " ".join(str(b) for b in line_bytes) + "]"
            raise OptError(f"invalid utf8 bytes at line {number}: {shown}") from None
        if number == 1:
            text = text.removeprefix("\ufeff")
        line = text.lstrip()
        if not line or line.startswith("#"):
            continue
        key, eq, _ = line.partition("=")
        if not key:
            raise OptError(f"no variable name on line '{line}'")
        if any(c in key for c in _WHITESPACE):
            raise OptError(f"variable '{key}' contains whitespaces")
        if eq:
            lines.append(line)
        elif lookup is not None:
            value = lookup(line)
            if value is not None:
                lines.append(f"{key}={value}")
    return lines


def _os_error_text(exc: OSError) -> str:
    """Go's syscall error text: "no such file or directory", "permission denied" …"""
    import errno

    if exc.errno == errno.EISDIR:
        return "is a directory"
    return (exc.strerror or str(exc)).lower()


def read_kv_env_strings(files, overrides, environ: Mapping[str, str] = os.environ) -> list[str]:
    """Env files first (values of bare keys from our environment), then -e values."""
    out: list[str] = []
    for path in files:
        out.extend(parse_kv_file(path, environ.get))
    return out + list(overrides)


def read_kv_strings(files, overrides) -> list[str]:
    """Label files first, then -l values; bare keys in files are dropped."""
    out: list[str] = []
    for path in files:
        out.extend(parse_kv_file(path))
    return out + list(overrides)


def kv_to_map(values) -> dict[str, str]:
    """["a=1", "b"] -> {"a": "1", "b": ""}; later keys win."""
    result: dict[str, str] = {}
    for value in values:
        key, _, val = value.partition("=")
        result[key] = val
    return result


def kv_to_map_with_none(values) -> dict[str, str | None]:
    """["a=1", "b"] -> {"a": "1", "b": None}: distinguishes FOO= from a bare FOO."""
    result: dict[str, str | None] = {}
    for value in values:
        key, eq, val = value.partition("=")
        result[key] = val if eq else None
    return result


PROXY_KEYS = (("HTTP_PROXY", "httpProxy"), ("HTTPS_PROXY", "httpsProxy"), ("NO_PROXY", "noProxy"),
              ("FTP_PROXY", "ftpProxy"), ("ALL_PROXY", "allProxy"))


def with_proxy_env(env_values, proxies: Mapping | None, daemon_host: str) -> list[str]:
    """config.json "proxies" become environment variables unless -e already set them."""
    merged = kv_to_map_with_none(env_values)
    proxies = proxies or {}
    config = proxies.get(daemon_host) if daemon_host in proxies else proxies.get("default")
    for upper, json_key in PROXY_KEYS:
        value = (config or {}).get(json_key) or ""
        if value:
            merged.setdefault(upper, value)
            merged.setdefault(upper.lower(), value)
    return [key if value is None else f"{key}={value}" for key, value in merged.items()]
