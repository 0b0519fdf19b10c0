"""config.json: read once as docker 28 reads it, written atomically with mode 0600 (following a symlink).

A file docker cannot read or parse is not fatal: docker prints `WARNING: Error <why>` and goes on
with what it could read. `ConfigFile.warning` holds that <why>, in docker's words.
"""
from __future__ import annotations

import os

FILENAME = "config.json"
_STRING_FIELDS = ("psFormat", "imagesFormat", "networksFormat", "pluginsFormat", "volumesFormat", "statsFormat",
                  "detachKeys", "credsStore", "serviceInspectFormat", "servicesFormat", "tasksFormat", "secretFormat",
                  "configFormat", "nodesFormat", "experimental", "currentContext")


def config_file_type():
    """docker 28's configfile.ConfigFile, as its JSON names the fields (built when a file is read)."""
    from ..golang.jsondecode import Struct

    auth = Struct("types.AuthConfig", dict.fromkeys(
        ("username", "password", "auth", "email", "serveraddress", "identitytoken", "registrytoken"), "string"))
    proxy = Struct("configfile.ProxyConfig", dict.fromkeys(
        ("httpProxy", "httpsProxy", "noProxy", "ftpProxy", "allProxy"), "string"))
    return Struct("configfile.ConfigFile", {
        "auths": ("map", auth), "HttpHeaders": ("map", "string"), **dict.fromkeys(_STRING_FIELDS, "string"),
        "credHelpers": ("map", "string"), "pruneFilters": ("slice", "string"), "proxies": ("map", proxy),
        "cliPluginsExtraDirs": ("slice", "string"), "plugins": ("map", ("map", "string")),
        "aliases": ("map", "string"), "features": ("map", "string"),
    })


class ConfigFile:
    def __init__(self, directory: str, data: dict | None = None, warning: str | None = None):
        self.directory = directory
        self.data: dict[str, object] = data if data is not None else {}
        self.warning = warning

    @property
    def path(self) -> str:
        return os.path.join(self.directory, FILENAME)

    @classmethod
    def load(cls, directory: str) -> "ConfigFile":
        """The file's settings; a missing or empty file is an empty configuration."""
        path = os.path.join(directory, FILENAME)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except FileNotFoundError:
            return cls(directory)
        except IsADirectoryError:  # Go opens a directory, then fails to read it
            return cls(directory, warning=f"parsing config file ({path}): read {path}: is a directory")
        except OSError as exc:
            return cls(directory, warning=f"loading config file: open {path}: {_os_text(exc)}")
        from ..golang.jsondecode import GoJSONError, decode

        try:
            data, error = decode(raw, config_file_type(), whole=False)
        except GoJSONError as exc:
            return cls(directory, warning=f"parsing config file ({path}): {exc}")
        error = error or _auth_error(data.get("auths"))
        return cls(directory, data, f"parsing config file ({path}): {error}" if error else None)

    def get(self, key: str, default=None):
        value = self.data.get(key)
        return default if value in (None, "") else value

    def save(self) -> None:
        """Write the file through a temporary file beside it (mode 0600) renamed into place, as docker's
        ConfigFile.Save. Raises ConfigSaveError, whose str() is Go's ("mkdir /x: not a directory",
        "open /x/config.json123: permission denied")."""
        import json

        target = os.path.realpath(self.path)
        directory = os.path.dirname(target)
        _make_dirs(directory)
        fd, tmp = _create_temp(directory, os.path.basename(target))
        try:
            with os.fdopen(fd, "w") as f:
                json.dump(self.data, f, indent="\t")
            os.chmod(tmp, 0o600)
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise ConfigSaveError(f"rename {tmp} {target}: {_os_text(exc)}") from None
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise


class ConfigSaveError(OSError):
    """config.json could not be written; str() is Go's *fs.PathError text."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _make_dirs(directory: str) -> None:
    """os.MkdirAll(directory, 0700): Go names the component that is in the way (a file) or that failed."""
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
    except OSError as exc:
        blocker = directory
        while blocker and not os.path.lexists(blocker):
            blocker = os.path.dirname(blocker)
        if blocker and not os.path.isdir(blocker):
            raise ConfigSaveError(f"mkdir {blocker}: not a directory") from None
        raise ConfigSaveError(f"mkdir {exc.filename or directory}: {_os_text(exc)}") from None


def _create_temp(directory: str, base: str) -> tuple[int, str]:
    from ..golang.oserror import create_temp, path_error

    try:
        return create_temp(directory, base)
    except OSError as exc:
        raise ConfigSaveError(path_error("open", exc.filename, exc)) from None


def _os_text(exc: OSError) -> str:
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def _auth_error(auths) -> str | None:
    """docker decodes every `auth` (base64 of user:password) as it loads the file."""
    for entry in (auths or {}).values():
        encoded = (entry or {}).get("auth") or ""
        if not encoded:
            continue
        offset = _base64_error(encoded.encode("utf-8", "surrogateescape"))
        if offset is not None:
            return f"illegal base64 data at input byte {offset}"
        import base64

        user, sep, _ = base64.b64decode(encoded.replace("\r", "").replace("\n", "")).partition(b":")
        if not sep or not user:
            return "Invalid auth configuration file"
    return None


_BASE64 = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


def _base64_error(src: bytes) -> int | None:
    """Where Go's base64.StdEncoding.Decode reports corrupt input (CorruptInputError), or None."""
    si, n = 0, len(src)
    while True:
        j = 0  # characters of this 4-character quantum read so far
        while j < 4:
            if si == n:
                return None if j == 0 else si - j
            c = src[si]
            si += 1
            if c in _BASE64:
                j += 1
                continue
            if c in b"\r\n":
                continue
            if c != 0x3D or j < 2:  # not "=", or padding too early
                return si - 1
            if j == 2:  # "==" is needed
                si = _skip_newlines(src, si)
                if si == n:
                    return n
                if src[si] != 0x3D:
                    return si - 1
                si += 1
            si = _skip_newlines(src, si)
            return si if si < n else None


def _skip_newlines(src: bytes, si: int) -> int:
    while si < len(src) and src[si] in b"\r\n":
        si += 1
    return si
