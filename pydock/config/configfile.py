"""config.json: read once, written atomically with mode 0600 (following a symlink)."""
from __future__ import annotations

import json
import os
from typing import Any

from ..transport.errors import ConfigError

FILENAME = "config.json"


class ConfigFile:
    def __init__(self, directory: str, data: dict | None = None):
        self.directory = directory
        self.data: dict[str, Any] = data if data is not None else {}

    @property
    def path(self) -> str:
        return os.path.join(self.directory, FILENAME)

    @classmethod
    def load(cls, directory: str) -> "ConfigFile":
        path = os.path.join(directory, FILENAME)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except FileNotFoundError:
            return cls(directory)
        except OSError as exc:
            raise ConfigError(f"loading config file: {exc}") from None
        if not raw.strip():
            return cls(directory)
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise ConfigError(f"loading config file: {path}: {exc}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"loading config file: {path}: not a JSON object")
        return cls(directory, data)

    def get(self, key: str, default: Any = None) -> Any:
        value = self.data.get(key)
        return default if value in (None, "") else value

    def save(self) -> None:
        target = os.path.realpath(self.path)
        os.makedirs(os.path.dirname(target), mode=0o700, exist_ok=True)
        import tempfile  # only when saving: it costs a few ms at start-up

        fd, tmp = tempfile.mkstemp(prefix=".config.json", dir=os.path.dirname(target))
        try:
            with os.fdopen(fd, "w") as f:
                json.dump(self.data, f, indent="\t")
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
