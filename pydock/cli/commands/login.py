"""login and logout: declarations, then docker's runLogin / runLogout (cli/command/registry/login.go,
logout.go, cli/command/registry.go). Credentials go through config/credentials.py; none is ever
printed, and a password given on the command line only earns docker's warning."""
from __future__ import annotations

import click

from ..base import DockerCommand
from ..errors import FAILURE, StatusError
from ..flags import argument, option
from ..output import logrus_line, print_line, print_note, write_flushed

DEFAULT_NAMESPACE = "docker.io"
REGISTER_SUGGEST = ("Log in with your Docker ID or email address to push and pull images from Docker Hub. "
                    "If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.")
PAT_SUGGEST = ("You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT "
               "grants better security and is required for organizations using SSO. Learn more at "
               "https://docs.docker.com/go/access-tokens/")
PAT_NOTE = ("A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit "
            "\x1b[4mhttps://app.docker.com/settings\x1b[0m\n\n")
NOT_A_TTY = "Error: Cannot perform an interactive login from a non TTY device"


# for the manual page (cli/manpages.py); --help shows neither
LOGIN_DESCRIPTION = (
    "Logs in to a registry (Docker Hub when SERVER is not given): the engine checks the credentials, or "
    "pydock itself when the engine cannot be reached, and they are stored as docker stores them, in the "
    "credential helper config.json names (credsStore, credHelpers) or else in config.json's auths. pulls, "
    "pushes and builds then use them, from pydock and docker alike.\n\n"
    "Without -u and -p pydock asks for them on the terminal, offering the stored user name. "
    "--password-stdin reads the password from stdin, which keeps it out of the shell's history and the "
    "process list; -p on the command line is insecure and warned about. Credentials already stored are "
    "tried first.")
LOGIN_EXAMPLES = [  # (what it does, command line)
    ("Log in to Docker Hub, asked for the user and password", "pydock login"),
    ("A private registry, the password from a file",
     "pydock login -u ci-bot --password-stdin registry.example.com < password.txt"),
    ("From an environment variable in a CI job",
     "echo \"$REGISTRY_TOKEN\" | pydock login -u ci-bot --password-stdin registry.example.com"),
    ("Log out again", "pydock logout registry.example.com"),
]


@click.command("login", cls=DockerCommand, usage="login [OPTIONS] [SERVER]", nargs=("max", 1),
               help="Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
               description=LOGIN_DESCRIPTION, examples=LOGIN_EXAMPLES)
@option("-p", "--password", help="Password or Personal Access Token (PAT)", default=None)
@option("--password-stdin", kind="bool", help="Take the Password or Personal Access Token (PAT) from stdin")
@option("-u", "--username", help="Username", default=None)
@argument("server", nargs=1)
@click.pass_obj
def login(env, server, password, password_stdin, username):
    from ...config.credentials import INDEX_SERVER, CredentialsError, default_auth_config

    user, secret = _checked_flags(env, username, password, password_stdin)
    address = server if server and server != DEFAULT_NAMESPACE else INDEX_SERVER
    error = None
    try:
        auth = default_auth_config(env.config, address, check_store=not user and not secret,
                                   is_default=address == INDEX_SERVER)
    except CredentialsError as exc:
        error, auth = exc, exc.auth
    message = None
    if error is None and auth.get("username") and auth.get("password"):
        message, error = _login_with_stored_credentials(env, auth)
    if error is not None or not auth.get("username") or not auth.get("password"):
        message = _login_user(env, user, secret, auth.get("username", ""), auth["serveraddress"])
    if message:
        print_line(env.stdout, message)


@click.command("logout", cls=DockerCommand, usage="logout [SERVER]", nargs=("max", 1),
               help="Log out from a registry.\nIf no server is specified, the default is defined by the daemon.")
@argument("server", nargs=1)
@click.pass_obj
def logout(env, server):
    from ...config.credentials import INDEX_SERVER, CredentialsError, convert_to_hostname, erase_credentials

    address, hostname = server or INDEX_SERVER, server or INDEX_SERVER
    addresses = [address]
    if server:  # the forms older clients saved a registry under
        hostname = convert_to_hostname(server)
        addresses += [hostname, f"http://{hostname}", f"https://{hostname}"]
    print_line(env.stdout, f"Removing login credentials for {hostname}")
    errors = {}
    for key in addresses:
        try:
            erase_credentials(env.config, key)
        except (CredentialsError, OSError) as exc:
            errors[key] = exc
    if len(errors) == len(addresses):
        write_flushed(env.stderr, "WARNING: could not erase credentials:\n" +
                      "".join(f"{key}: {exc}\n" for key, exc in errors.items()))


def _checked_flags(env, username, password, password_stdin) -> tuple[str, str]:
    """verifyLoginFlags and verifyLoginOptions: (user, password) once the flags are consistent."""
    if password_stdin:
        if password is not None:
            raise StatusError("conflicting options: cannot specify both --password and --password-stdin", FAILURE)
        if username is None:
            raise StatusError("the --password-stdin option requires --username to be set", FAILURE)
    if username is not None and username == "":
        raise StatusError("username is empty", FAILURE)
    if password is not None and password == "":
        raise StatusError("password is empty", FAILURE)
    user, secret = username or "", password or ""
    if secret:
        print_line(env.stderr, "WARNING! Using --password via the CLI is insecure. Use --password-stdin.")
    if password_stdin:
        stream = getattr(env.stdin, "buffer", env.stdin)
        data = stream.read()
        secret = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        secret = secret.removesuffix("\n").removesuffix("\r")
    return user, secret


def _login_with_stored_credentials(env, auth: dict) -> tuple[str, Exception | None]:
    """Try the credentials already stored; (the engine's status, the error if they did not work)."""
    from ...transport.errors import EngineError

    write_flushed(env.stderr, "Authenticating with existing credentials..." +
                  (f" [Username: {auth['username']}]" if auth.get("username") else "") + "\n")
    prog = click.get_current_context().find_root().info_name
    print_note(env.stderr, f"To login with a different account, run '{prog} logout' followed by '{prog} login'",
               terminal=_is_tty(env.stderr))
    write_flushed(env.stderr, "\n\n")
    response, error = {}, None
    try:
        response = env.api.system.auth(auth)
    except EngineError as exc:
        error = exc
        print_line(env.stderr, "Stored credentials invalid or expired" if exc.status == 401
                   else f"Login did not succeed, error: {exc}")
    if response.get("IdentityToken"):
        auth = {**auth, "password": "", "identitytoken": response["IdentityToken"]}
    _store(env, auth)
    return response.get("Status", ""), error


def _login_user(env, user: str, secret: str, default_user: str, address: str) -> str:
    """Ask for what is missing (on a terminal only), log in through the engine, store the result."""
    if (not user or not secret) and not env.stdin_is_tty():
        raise StatusError(NOT_A_TTY, FAILURE)
    auth = prompt_for_credentials(env, user, secret, default_user, address)
    response = _login_with_registry(env, auth)
    if response.get("IdentityToken"):
        auth = {**auth, "password": "", "identitytoken": response["IdentityToken"]}
    _store(env, auth)
    return response.get("Status", "")


def _login_with_registry(env, auth: dict) -> dict:
    """POST /auth through the engine; when the engine cannot be reached, straight to the registry
    (docker's loginClientSide)."""
    from ...transport.errors import DaemonUnreachable

    try:
        return env.api.system.auth(auth)
    except DaemonUnreachable:
        from ...transport.registry import RegistryLoginError, login

        try:
            status, token = login(auth, log=lambda level, message, fields: _log(env, level, message, fields))
        except RegistryLoginError as exc:
            raise StatusError(str(exc), FAILURE) from None
        return {"Status": status, "IdentityToken": token}


def _log(env, level: str, message: str, fields: dict) -> None:
    """What moby's registry code logs while the CLI logs in by itself: each endpoint tried (debug) and
    each that failed (info, "Error logging in to endpoint, trying next endpoint"). docker prints the
    info lines by default, with the endpoint as a Go struct holding a pointer address and a
    timestamp: noise no script reads (the last error is the command's message anyway) and that no
    other program can reproduce. pydock prints them only when asked for details (-D, --log-level
    debug), in logrus's text format, the endpoint as its URL."""
    if env.options.log_level not in ("debug", "trace"):
        return
    print_line(env.stderr, logrus_line(level, message, **fields))


def _store(env, auth: dict) -> None:
    from ...config.credentials import UNENCRYPTED_WARNING, CredentialsError, store_credentials

    try:
        warn = store_credentials(env.config, auth)
    except CredentialsError as exc:
        raise StatusError(str(exc), FAILURE) from None
    if warn:
        print_line(env.stderr, UNENCRYPTED_WARNING.format(path=env.config.path))


def login_prior_to(env, domain: str, action: str) -> str:
    """RegistryAuthenticationPrivilegedFunc: what pull and push send again after the engine answered
    401 — "Login prior to <action>:", then docker's prompts for a username (the stored one as the
    default) and a password, the X-Registry-Auth of the answer. Nothing is stored.

    As docker 28 does, the prompts read stdin whatever it is, and speak of Docker Hub (its key is
    what docker passes to them); the credentials sent are for `domain`'s registry. With stdin not a
    terminal the password cannot be read without echo: docker's "inappropriate ioctl for device",
    exit 1, once the username line is read (at end of input docker waits forever; pydock takes an
    empty answer). Raises StatusError."""
    from ...config.credentials import (
        INDEX_SERVER,
        CredentialsError,
        auth_config_key,
        default_auth_config,
        encode_auth_config,
    )

    write_flushed(env.stdout, f"\nLogin prior to {action}:\n")
    key = auth_config_key(domain)
    try:
        stored = default_auth_config(env.config, key, check_store=True, is_default=key == INDEX_SERVER)
    except CredentialsError as exc:
        write_flushed(env.stderr, f"Unable to retrieve stored credentials for {INDEX_SERVER}, error: {exc}.\n")
        stored = exc.auth
    auth = prompt_for_credentials(env, "", "", stored.get("username", ""), INDEX_SERVER)
    return encode_auth_config({**auth, "serveraddress": key})


def prompt_for_credentials(env, user: str, secret: str, default_user: str, address: str) -> dict:
    """PromptUserForCredentials: the username (default: the stored one) and a password read without
    echo; prompts on stdout, as docker writes them."""
    from ...config.credentials import INDEX_SERVER

    user = user.strip()
    if not user:
        if address == INDEX_SERVER:
            print_line(env.stdout, REGISTER_SUGGEST)
            if (env.environ.get("DOCKER_CLI_HINTS") or "true").lower() not in ("false", "0", "f"):
                write_flushed(env.stdout, PAT_SUGGEST + "\n\n")
        default_user = default_user.strip()
        user = _read_line(env, f"Username ({default_user}): " if default_user else "Username: ") or default_user
        if not user:
            raise StatusError("Error: Non-null Username Required", FAILURE)
    secret = secret.strip()
    if not secret:
        restore = _disable_echo(env)  # first, as docker's DisableInputEcho: stdin must be a terminal
        try:
            if address == INDEX_SERVER:
                print_note(env.stderr, PAT_NOTE, terminal=_is_tty(env.stderr))
            secret = _read_line(env, "Password: ")
        finally:
            restore()
        write_flushed(env.stdout, "\n")
        if not secret:
            raise StatusError("Error: Password Required", FAILURE)
    return {"username": user, "password": secret, "serveraddress": address}


def _read_line(env, prompt: str) -> str:
    """prompt.ReadInput: the prompt on stdout, one line from stdin, trimmed.

    Ctrl-C ends the line and the command quietly with status 0: docker's PromptForInput prints a
    newline and returns ErrPromptTerminated, an errdefs.Cancelled error its main does not report."""
    write_flushed(env.stdout, prompt)
    try:
        return env.stdin.readline().strip()
    except KeyboardInterrupt:
        write_flushed(env.stdout, "\n")
        raise StatusError("", 0) from None


def _disable_echo(env):
    """prompt.DisableInputEcho: echo off on stdin's terminal; returns the function that restores it.
    Not a terminal: Go's ENOTTY text, exit 1."""
    import termios

    try:
        fd = env.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError, AttributeError):
        raise StatusError("inappropriate ioctl for device", FAILURE) from None
    quiet = list(saved)
    quiet[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    return lambda: termios.tcsetattr(fd, termios.TCSANOW, saved)


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
