"""Registry credentials as docker keeps them: config.json's `auths`, or a credential helper.

Follows docker/cli cli/config/configfile (GetCredentialsStore, GetAuthConfig), cli/config/credentials
(fileStore, nativeStore) and docker-credential-helpers/client (the helper protocol).

An auth config is a plain dict with the Engine API's keys (username, password, auth, email,
serveraddress, identitytoken, registrytoken). Keys of config.json's `auths` are registry addresses;
Docker Hub's is INDEX_SERVER. `config` is a ConfigFile (.get(key), .data, .save(), .path).

- A registry's store: credHelpers[host] if set, else credsStore if set (a `docker-credential-<name>`
  program on PATH, spoken to over stdin/stdout), else config.json's auths ("file store").
- Secrets go to a helper on its stdin, never in its arguments, and are never printed.
"""
from __future__ import annotations

import base64
import json

INDEX_SERVER = "https://index.docker.io/v1/"
DEFAULT_DOMAIN = "docker.io"
HELPER_PREFIX = "docker-credential-"
TOKEN_USERNAME = "<token>"  # a helper's Username when its Secret is an identity token
NOT_FOUND_MESSAGE = "credentials not found in native keychain"

# Go's field order of types.AuthConfig: the order keys are written in X-Registry-Auth and on disk
AUTH_FIELDS = ("username", "password", "auth", "email", "serveraddress", "identitytoken", "registrytoken")
_SAVED_FIELDS = ("auth", "email", "identitytoken", "registrytoken")  # what SaveToWriter keeps

UNENCRYPTED_WARNING = ("\nWARNING! Your credentials are stored unencrypted in '{path}'.\n"
                       "Configure a credential helper to remove this warning. See\n"
                       "https://docs.docker.com/go/credential-store/\n")


class CredentialsError(Exception):
    """A credential helper failed; str() is docker's message for it."""


# -- names -----------------------------------------------------------------------------------------

def auth_config_key(domain: str) -> str:
    """getAuthConfigKey: Docker Hub's key for docker.io (and index.docker.io), else the host[:port]."""
    return INDEX_SERVER if domain in (DEFAULT_DOMAIN, "index.docker.io") else domain


def convert_to_hostname(address: str) -> str:
    """ConvertToHostname: "https://127.0.0.1:5001/v2/" -> "127.0.0.1:5001"; "host/path" -> "host"."""
    if "://" in address:
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(address)
            host = parts.hostname
            port = parts.port
        except ValueError:
            host, port = None, None
        if host:
            if ":" in host:  # an IPv6 literal, bracketed again as net.JoinHostPort does
                host = f"[{host}]"
            return f"{host}:{port}" if port is not None else host
    return address.split("/", 1)[0]


def _helper_for(config, server: str) -> str:
    """getConfiguredCredentialStore: credHelpers[server] beats credsStore; "" means config.json."""
    helpers = config.get("credHelpers") or {}
    if server and server in helpers:
        return helpers[server]
    return config.get("credsStore") or ""


# -- encoding --------------------------------------------------------------------------------------

def encode_auth_config(auth: dict) -> str:
    """registry.EncodeAuthConfig: URL-safe base64 of the JSON, empty fields left out, Go's key order.

    {} -> "e30=" (what docker sends when it has no credentials)."""
    ordered = {key: auth[key] for key in AUTH_FIELDS if auth.get(key)}
    return base64.urlsafe_b64encode(json.dumps(ordered, separators=(",", ":")).encode()).decode()


def encode_user_password(username: str, password: str) -> str:
    """encodeAuth: the `auth` value of config.json, base64 of "user:password" ("" for neither)."""
    if not username and not password:
        return ""
    return base64.b64encode(f"{username}:{password}".encode()).decode()


def _decoded_entry(key: str, entry: dict) -> dict:
    """An `auths` entry as docker holds it after loading: user and password decoded from `auth`,
    serveraddress = the key. A malformed `auth` (docker warned about it on load and keeps nothing
    usable) gives no credentials: {}."""
    auth = {name: entry[name] for name in AUTH_FIELDS if isinstance(entry.get(name), str) and entry[name]}
    encoded = auth.pop("auth", "")
    if encoded:
        try:
            raw = base64.b64decode(encoded.replace("\r", "").replace("\n", ""), validate=True)
            user, sep, password = raw.decode("utf-8", "replace").partition(":")
        except ValueError:
            return {}
        if not sep or not user:
            return {}
        auth["username"], auth["password"] = user, password.strip("\x00")
    auth["serveraddress"] = key
    return auth


# -- stores ----------------------------------------------------------------------------------------

class FileStore:
    """Credentials kept in config.json's `auths` (docker's fileStore)."""

    def __init__(self, config):
        self.config = config

    def _auths(self) -> dict:
        auths = self.config.get("auths")
        return auths if isinstance(auths, dict) else {}

    def get(self, server: str) -> dict:
        """The credentials stored for `server`, also under a legacy key ("https://host/v1/"); {} if none."""
        auths = self._auths()
        if server in auths:
            return _decoded_entry(server, auths[server] or {})
        for key, entry in auths.items():
            if convert_to_hostname(key) == server:
                return _decoded_entry(key, entry or {})
        return {}

    def get_all(self) -> dict[str, dict]:
        return {key: _decoded_entry(key, entry or {}) for key, entry in self._auths().items()}

    def store(self, auth: dict) -> bool:
        """Save `auth` under its serveraddress (config.json written 0600 through temp-and-rename).

        Returns True when a password was written in plain text (docker then warns once); False when
        nothing changed (the file is left alone) or no password was stored."""
        server = auth.get("serveraddress", "")
        wanted = {name: auth[name] for name in AUTH_FIELDS if auth.get(name) and name != "auth"}
        wanted["serveraddress"] = server
        if server in self._auths() and self.get(server) == wanted:
            return False
        entry = {"auth": encode_user_password(auth.get("username", ""), auth.get("password", ""))}
        entry.update({name: auth[name] for name in _SAVED_FIELDS[1:] if auth.get(name)})
        entry = {name: value for name, value in entry.items() if value}
        self._write({**self._auths(), server: entry})
        return bool(auth.get("password"))

    def erase(self, server: str) -> None:
        """Remove the entry for `server`; the file is not touched when there is none."""
        auths = self._auths()
        if server not in auths:
            return
        self._write({key: value for key, value in auths.items() if key != server})

    def _write(self, auths: dict) -> None:
        self.config.data["auths"] = dict(sorted(auths.items()))
        self.config.save()


class NativeStore:
    """Credentials kept by a `docker-credential-<helper>` program (docker's nativeStore); config.json
    keeps only an empty entry (and an email, if any) for each registry."""

    def __init__(self, config, helper: str):
        self.helper = helper
        self.program = HELPER_PREFIX + helper
        self.files = FileStore(config)

    def get(self, server: str) -> dict:
        """The helper's credentials for `server` ({} and the file's email if it has none).

        Raises CredentialsError when the helper fails otherwise."""
        auth = self.files.get(server)
        found = self._get_from_helper(server)
        for name in ("username", "password", "identitytoken", "serveraddress"):
            auth.pop(name, None)
            if found.get(name):
                auth[name] = found[name]
        return auth

    def _get_from_helper(self, server: str) -> dict:
        code, out = self._run("get", server.encode())
        if code != 0:
            text = out.decode("utf-8", "replace")
            if text.strip() == NOT_FOUND_MESSAGE:
                return {}
            raise _helper_error("getting", code, out, self.program)
        try:
            data = json.loads(out)
        except ValueError as exc:
            raise CredentialsError(f"error getting credentials - err: {exc}, out: ``") from None
        if not isinstance(data, dict):
            return {}
        user, secret = data.get("Username") or "", data.get("Secret") or ""
        if user == TOKEN_USERNAME:
            return {"identitytoken": secret, "serveraddress": server}
        return {"username": user, "password": secret, "serveraddress": server}

    def get_all(self) -> dict[str, dict]:
        code, out = self._run("list", b"unused")
        if code != 0:
            raise _helper_error("listing", code, out, self.program)
        try:
            servers = json.loads(out) or {}
        except ValueError as exc:
            raise CredentialsError(f"error listing credentials - err: {exc}, out: ``") from None
        files = self.files.get_all()
        result = {}
        for server in servers:
            auth = dict(files.get(server) or {})
            auth.update({k: v for k, v in self._get_from_helper(server).items() if k != "serveraddress"})
            auth.setdefault("serveraddress", server)
            result[server] = auth
        return result

    def store(self, auth: dict) -> bool:
        """Hand the credentials to the helper, then keep an empty entry in config.json. Never a
        plain-text password, so never docker's warning (returns False)."""
        creds = {"ServerURL": auth.get("serveraddress", ""), "Username": auth.get("username", ""),
                 "Secret": auth.get("password", "")}
        if auth.get("identitytoken"):
            creds["Username"], creds["Secret"] = TOKEN_USERNAME, auth["identitytoken"]
        code, out = self._run("store", (json.dumps(creds, separators=(",", ":")) + "\n").encode())
        if code != 0:
            raise _helper_error("storing", code, out, self.program)
        rest = {k: v for k, v in auth.items() if k not in ("username", "password", "identitytoken")}
        self.files.store(rest)
        return False

    def erase(self, server: str) -> None:
        code, out = self._run("erase", server.encode())
        if code != 0:
            raise _helper_error("erasing", code, out, self.program)
        self.files.erase(server)

    def _run(self, action: str, data: bytes) -> tuple[int, bytes]:
        """Run the helper with `action` as its only argument and `data` on stdin; its stderr is ours,
        as docker leaves it. Returns (exit status, stdout); -1 when the program cannot be started."""
        import subprocess

        try:
            proc = subprocess.run([self.program, action], input=data, stdout=subprocess.PIPE)
        except FileNotFoundError:
            return -1, b""
        except PermissionError:
            return -2, b""
        return proc.returncode, proc.stdout


def _helper_error(verb: str, code: int, out: bytes, program: str) -> CredentialsError:
    """docker-credential-helpers/client's error for a helper that failed: "error <verb> credentials -
    err: <why>, out: `<its stdout>`"; two known answers of the helper replace <why> (isValidCredsMessage)."""
    text = out.decode("utf-8", "replace").strip()
    if text in ("no credentials server URL", "no credentials username"):
        why = text
    elif code == -1:
        why = f'exec: "{program}": executable file not found in $PATH'
    elif code == -2:
        why = f"fork/exec {program}: permission denied"
    elif code < 0:
        import signal

        name = signal.strsignal(-code) or str(-code)
        why = f"signal: {name[:1].lower()}{name[1:]}"
    else:
        why = f"exit status {code}"
    return CredentialsError(f"error {verb} credentials - err: {why}, out: `{text}`")


def credentials_store(config, server: str):
    """GetCredentialsStore: the store docker uses for `server` (a NativeStore or the FileStore)."""
    helper = _helper_for(config, server)
    return NativeStore(config, helper) if helper else FileStore(config)


def get_auth_config(config, server: str) -> dict:
    """GetAuthConfig: the credentials stored for `server` ({} when none). Raises CredentialsError when
    a helper fails."""
    return credentials_store(config, server).get(server)


def resolve_auth_config(config, domain: str) -> dict:
    """ResolveAuthConfig: the credentials for a registry ("docker.io", "127.0.0.1:5001"), errors
    ignored as docker ignores them for pull and push ({} then)."""
    try:
        return get_auth_config(config, auth_config_key(domain))
    except CredentialsError:
        return {}


def encoded_auth(config, registry: str) -> str:
    """X-Registry-Auth for `registry` ("docker.io", "127.0.0.1:5000"): URL-safe base64 of the JSON
    stored for it ({"username","password","serveraddress"} or {"identitytoken","serveraddress"}),
    else of "{}" as docker sends. Never raises: a malformed entry or a failing helper sends "{}"."""
    return encode_auth_config(resolve_auth_config(config, registry))


def default_auth_config(config, server: str, *, check_store: bool, is_default: bool) -> dict:
    """GetDefaultAuthConfig: what `login` starts from — the stored credentials of `server` (its host
    name unless it is Docker Hub) when `check_store`, never an identity token. Raises
    CredentialsError (the dict docker would hold is on the error's `auth`)."""
    if not is_default:
        server = convert_to_hostname(server)
    auth: dict = {}
    if check_store:
        try:
            auth = get_auth_config(config, server)
        except CredentialsError as exc:
            exc.auth = {"serveraddress": server}
            raise
    auth = {**auth, "serveraddress": server}
    auth.pop("identitytoken", None)
    return auth


def store_credentials(config, auth: dict) -> bool:
    """storeCredentials: save `auth` in its registry's store. Returns True when docker's
    unencrypted-password warning is due. Raises CredentialsError("Error saving credentials: …")."""
    try:
        return credentials_store(config, auth.get("serveraddress", "")).store(auth)
    except (CredentialsError, OSError) as exc:
        raise CredentialsError(f"Error saving credentials: {exc}") from None


def erase_credentials(config, server: str) -> None:
    """Erase `server`'s credentials from its store. Raises CredentialsError or OSError."""
    credentials_store(config, server).erase(server)


def stored_auths(config) -> dict:
    """config.json's auths as docker saves them: per registry, only the encoded secret and tokens
    ("auth", "email", "identitytoken", "registrytoken") that are set."""
    kept = {}
    for key, entry in (config.get("auths") or {}).items():
        entry = entry or {}
        kept[key] = {name: entry[name] for name in _SAVED_FIELDS if entry.get(name)}
    return kept


def hub_username(config) -> str:
    """The user logged in to Docker Hub ("" when none), as `docker info` shows it."""
    return FileStore(config).get(INDEX_SERVER).get("username", "")


def all_auth_configs(config) -> dict[str, dict]:
    """GetAllCredentials: every stored login keyed by registry ({"127.0.0.1:5000": {"username",
    "password", "serveraddress"}}): the default store's (credsStore, else config.json), then each
    credHelpers registry's from its helper. `build` sends them in X-Registry-Config so that FROM can
    pull private images; as docker's build does, a failing store or helper only leaves its logins out."""
    try:
        auths = dict(credentials_store(config, "").get_all())
    except CredentialsError:
        auths = {}
    for host in config.get("credHelpers") or {}:
        try:
            auths[host] = get_auth_config(config, host)
        except CredentialsError:
            continue
    return auths
