"""build (image build): the classic builder, as `DOCKER_BUILDKIT=0 docker build` (docker/cli's image/build.go).

The context (a directory honouring .dockerignore, or stdin) is streamed to POST /build while docker's
"Sending build context to Docker daemon" line counts it; the engine's messages are then printed as
they arrive ("Step 1/3 : …", "Successfully built …"). A failing step ends the command with the
step's error and its code.
"""
from __future__ import annotations

import os

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import GoValue, argument, option
from ...output import write_flushed
from ...trust import refuse_content_trust


def _tag(value: str) -> str:
    from ....opts.reference import parse_normalized_named

    parse_normalized_named(value)
    return value


TAG = GoValue(_tag, "list")


# for the manual page (cli/manpages.py); --help shows neither
BUILD_DESCRIPTION = (
    "Builds an image with the engine's classic builder (as DOCKER_BUILDKIT=0 docker build) from a "
    "Dockerfile and a build context. The context is a local directory (files matched by its .dockerignore "
    "are left out), \"-\" for a tar archive or a lone Dockerfile on stdin, a URL of a tarball or Dockerfile "
    "(downloaded by pydock), or a git repository (cloned with the local git: "
    "https://host/repo.git#ref:subdir, git@host:repo, github.com/…).\n\n"
    "The context is sent to the engine while its size is counted, then each step's output is printed as "
    "it comes. -t names the image (repeatable), -f picks another Dockerfile, --build-arg sets its ARGs "
    "and --target stops at a stage. With -q only the new image's ID is printed; --iidfile writes it to a "
    "file.")
BUILD_EXAMPLES = [  # (what it does, command line)
    ("Build the current directory and tag the result", "pydock build -t app:1 ."),
    ("Another Dockerfile, with a build argument",
     "pydock build -f docker/Dockerfile.prod --build-arg VERSION=2 -t app:2 ."),
    ("Build from a git repository, branch v2, subdirectory docker",
     "pydock build -t app:2 'https://example.com/app.git#v2:docker'"),
    ("A Dockerfile on stdin, without a context", "pydock build -t tools - < Dockerfile"),
    ("Print only the image ID, for a script", "id=$(pydock build -q .)"),
]


@click.command("build", cls=DockerCommand, usage="build [OPTIONS] PATH | URL | -", nargs=("exact", 1),
               description=BUILD_DESCRIPTION, examples=BUILD_EXAMPLES)
@option("--add-host", kind="add-host", help='Add a custom host-to-IP mapping ("host:ip")')
@option("--build-arg", kind="env", help="Set build-time variables")
@option("--cache-from", kind="strings", help="Images to consider as cache sources", complete="image")
@option("--cgroup-parent", default="", help='Set the parent cgroup for the "RUN" instructions during build')
@option("--compress", kind="bool", help="Compress the build context using gzip")
@option("--cpu-period", kind="int64", default=0, help="Limit the CPU CFS (Completely Fair Scheduler) period")
@option("--cpu-quota", kind="int64", default=0, help="Limit the CPU CFS (Completely Fair Scheduler) quota")
@option("-c", "--cpu-shares", kind="int64", default=0, help="CPU shares (relative weight)")
@option("--cpuset-cpus", default="", help="CPUs in which to allow execution (0-3, 0,1)")
@option("--cpuset-mems", default="", help="MEMs in which to allow execution (0-3, 0,1)")
@option("--disable-content-trust", kind="optbool", help="Skip image verification (default true)")
@option("-f", "--file", "dockerfile", default="", help='Name of the Dockerfile (Default is "PATH/Dockerfile")',
        complete="file")
@option("--force-rm", kind="bool", help="Always remove intermediate containers")
@option("--iidfile", default="", help="Write the image ID to the file", complete="file")
@option("--isolation", default="", help="Container isolation technology")
@option("--label", kind="label", help="Set metadata for an image")
@option("-m", "--memory", kind="bytes", default=0, help="Memory limit")
@option("--memory-swap", kind="swap", default=0,
        help="Swap limit equal to memory plus swap: -1 to enable unlimited swap")
@option("--network", default="default", api_version="1.25", complete="network-mode",
        help="Set the networking mode for the RUN instructions during build")
@option("--no-cache", kind="bool", help="Do not use cache when building the image")
@option("--platform", default=None, api_version="1.38", help="Set platform if server is multi-platform capable",
        complete="platform")
@option("--pull", kind="bool", help="Always attempt to pull a newer version of the image")
@option("-q", "--quiet", kind="bool", help="Suppress the build output and print image ID on success")
@option("--rm", kind="bool", default=True,
        help="Remove intermediate containers after a successful build (default true)")
@option("--security-opt", kind="strings", help="Security options")
@option("--shm-size", kind="bytes", default=0, help='Size of "/dev/shm"')
@option("--squash", kind="bool", hidden=True, api_version="1.25", experimental=True,
        help="Squash newly built layers into a single new layer")
@option("-t", "--tag", "tags", kind="list", type=TAG, help='Name and optionally a tag in the "name:tag" format')
@option("--target", default="", help="Set the target build stage to build.")
@option("--ulimit", kind="ulimit", help="Ulimit options (default [])")
@argument("context", complete=["dir"])
@click.pass_obj
def build(env, context, **o):
    if o["platform"] is None:
        o["platform"] = env.environ.get("DOCKER_DEFAULT_PLATFORM", "")
    run_build(env, context[0], o)


def run_build(env, context: str, o: dict) -> None:
    """runBuild: prepare the context, send it, print the engine's messages (or only the ID with -q).
    A git clone made for the context is removed however the build ends."""
    cleanups: list = []
    try:
        _run_build(env, context, o, cleanups)
    finally:
        for cleanup in reversed(cleanups):
            cleanup()


def _run_build(env, context: str, o: dict, cleanups: list) -> None:
    from ....archive.buildcontext import ContextError, gzip_chunks

    dockerfile, quiet = o["dockerfile"], o["quiet"]
    if dockerfile == "-" and context == "-":
        raise StatusError("invalid argument: can't use stdin for both build context and dockerfile", FAILURE)
    if o["iidfile"]:
        _remove_iidfile(o["iidfile"])
    progress = _ProgressOutput(env, quiet)
    try:
        body, rel_dockerfile = prepare_context(env, context, dockerfile, progress.write, cleanups)
    except ContextError as exc:
        if quiet and _is_url(context) and str(exc).startswith(PREPARE):
            write_flushed(env.stderr, progress.buffered + "\n")  # docker's Fprintln of its progress buffer
        raise StatusError(str(exc), FAILURE) from None
    refuse_content_trust(env, o["disable_content_trust"])  # docker would resolve FROM's tags through Notary
    if o["compress"]:
        body = gzip_chunks(body)
    options = build_options(env, o, rel_dockerfile)
    try:
        image_id = _send(env, body, options, progress)
    except ContextError as exc:  # found while the context was streaming
        raise StatusError(str(exc), FAILURE) from None
    except _BuildFailed as failure:
        if quiet:
            write_flushed(env.stderr, progress.buffered + failure.output)
        raise StatusError(failure.message, failure.status) from None
    if o["iidfile"]:
        if not image_id:
            raise StatusError(f"Server did not provide an image ID. Cannot write {o['iidfile']}", FAILURE)
        _write_iidfile(o["iidfile"], image_id)


class _BuildFailed(Exception):
    def __init__(self, message: str, status: int, output: str = ""):
        super().__init__(message)
        self.message, self.status, self.output = message, status, output


def _send(env, body, options, progress) -> str:
    """POST /build and show its stream; returns the image ID (the aux message's, or the -q output)."""
    import io

    from ....config.credentials import all_auth_configs
    from ....streams.jsonstream import json_objects
    from ....streams.progress import JSONMessageError, display_stream
    from ....transport.errors import DockerError

    image_id = ""

    def aux(message: dict) -> None:
        nonlocal image_id
        result = message.get("aux")
        if isinstance(result, dict) and result.get("ID"):
            image_id = result["ID"]

    quiet = progress.quiet
    out = io.StringIO() if quiet else env.stdout
    on_terminal = not quiet and env.stdout_is_tty()
    try:
        with env.api.build.build(progress.wrap(body), options, auth_configs=all_auth_configs(env.config)) as response:
            try:
                display_stream(json_objects(response.iter_raw()), lambda text: write_flushed(out, text),
                               is_terminal=on_terminal, width=lambda: _width(env), aux=aux)
            except JSONMessageError as exc:
                raise _BuildFailed(exc.message, exc.code or FAILURE, out.getvalue() if quiet else "") from None
    except DockerError as exc:
        if quiet:
            write_flushed(env.stderr, progress.buffered)
        raise StatusError(str(exc), FAILURE) from None
    if quiet:
        image_id = out.getvalue()
        write_flushed(env.stdout, image_id)
    return image_id


def _width(env) -> int:
    from ....streams.tty import terminal_size

    try:
        return terminal_size(env.stdout.fileno())[1] or 200
    except (AttributeError, OSError, ValueError):
        return 200


class _ProgressOutput:
    """The upload's "Sending build context to Docker daemon  3.584kB" line: only its last state in
    a pipe, updated every 512kB (at most every 100ms) on a terminal; kept aside with -q."""

    ACTION = "Sending build context to Docker daemon"
    EVERY = 512 * 1024

    def __init__(self, env, quiet: bool):
        self.env, self.quiet = env, quiet
        self.on_terminal = not quiet and env.stdout_is_tty()
        self.buffered = ""

    def write(self, text: str) -> None:
        """Progress text: to stdout, or kept aside with -q (docker's progBuff)."""
        if self.quiet:
            self.buffered += text
        else:
            write_flushed(self.env.stdout, text)

    def _line(self, current: int) -> str:
        from ....streams.progress import human_size

        return f"{self.ACTION} {human_size(current):>8}\r"

    def wrap(self, chunks):
        import time

        current = last_update = 0
        last_shown = None
        for chunk in chunks:
            current += len(chunk)
            if self.on_terminal and current - last_update > self.EVERY:
                now = time.monotonic()
                if last_shown is None or now - last_shown >= 0.1:
                    self.write(self._line(current))
                    last_shown = now
                last_update = current
            yield chunk
        self.write(self._line(current) + "\r\n")


PREPARE = "unable to prepare context: "


def prepare_context(env, context: str, dockerfile: str, write=None, cleanups: list | None = None):
    """(tar chunks, Dockerfile name in the tar) for stdin ("-"), a directory, a git repository
    (cloned with the local git; its removal is added to `cleanups`) or a URL (downloaded, its
    progress shown through `write`), in docker's order of checks; ContextError as docker words it."""
    from ....archive import buildcontext as bc
    from ....archive import remotecontext as remote

    stdin = getattr(env.stdin, "buffer", env.stdin)
    cleanups = cleanups if cleanups is not None else []
    if context == "-":
        try:
            return bc.context_from_reader(stdin, dockerfile)
        except bc.ContextError as exc:
            raise bc.ContextError(f"{PREPARE}{exc}") from None
    if os.path.exists(context):  # isLocalDir comes before the URL forms
        return bc.directory_context(context, dockerfile, stdin.read if dockerfile == "-" else None,
                                    log=lambda message: _log_error(env, message))
    if remote.is_git_url(context):
        try:
            clone = remote.clone_git_context(context, dockerfile)
        except bc.ContextError as exc:
            raise bc.ContextError(f"{PREPARE}{exc}") from None
        cleanups.append(clone.remove)
        data = stdin.read() if dockerfile == "-" else None
        return bc.tar_directory(clone.context_dir, clone.dockerfile, data, from_stdin=dockerfile == "-",
                               log=lambda message: _log_error(env, message))
    if remote.is_url(context):
        try:
            body, rel = remote.context_from_url(write or (lambda text: write_flushed(env.stdout, text)), context,
                                                dockerfile, _stdin_width(env), cleanups)
        except bc.ContextError as exc:
            raise bc.ContextError(f"{PREPARE}{exc}") from None
        if dockerfile == "-":
            return bc.add_dockerfile(body, stdin.read())
        return body, rel
    raise bc.ContextError(f'{PREPARE}path "{context}" not found')


def _log_error(env, message: str) -> None:
    """A logrus error line on stderr, as go-archive logs a file it leaves out of the context."""
    from ....golang.logrus import text_line

    write_flushed(env.stderr, text_line("error", message) + "\n")


def _is_url(context: str) -> bool:
    """urlutil.IsURL of a context that is not a local path."""
    from ....archive.remotecontext import is_url

    return context != "-" and not os.path.exists(context) and is_url(context)


def _stdin_width(env) -> int:
    """The width docker's download progress bar assumes: that of a terminal on stdin (jsonmessage's
    JSONProgress asks file descriptor 0), else 200."""
    from ....streams.tty import terminal_size

    try:
        return terminal_size(env.stdin.fileno())[1] or 200
    except (AttributeError, OSError, ValueError):
        return 200


def build_options(env, o: dict, dockerfile: str):
    """imageBuildOptions: the flags as the API's BuildOptions (build args with config.json's proxies)."""
    from ....api.build import BuildOptions
    from ....opts.env import kv_to_map, kv_to_map_with_none, with_proxy_env

    buildargs = kv_to_map_with_none(with_proxy_env(o["build_arg"], env.config.get("proxies"), _daemon_host(env)))
    return BuildOptions(
        tags=list(o["tags"]), dockerfile=dockerfile, buildargs=buildargs, labels=kv_to_map(o["label"]),
        target=o["target"], quiet=o["quiet"], nocache=o["no_cache"], rm=o["rm"], forcerm=o["force_rm"],
        pull=o["pull"], squash=o["squash"], network_mode=o["network"], platform=o["platform"],
        extra_hosts=list(o["add_host"]), security_opt=list(o["security_opt"]),
        cache_from=list(o["cache_from"]), isolation=o["isolation"], memory=o["memory"],
        memswap=o["memory_swap"], shm_size=o["shm_size"], cpu_shares=o["cpu_shares"], cpu_period=o["cpu_period"],
        cpu_quota=o["cpu_quota"], cpuset_cpus=o["cpuset_cpus"], cpuset_mems=o["cpuset_mems"],
        cgroup_parent=o["cgroup_parent"], ulimits=list(o["ulimit"]))


def _daemon_host(env) -> str:
    try:
        return env.api.system.daemon_host
    except Exception:  # a bad host is reported when the engine is first used
        return ""


def _remove_iidfile(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        from ....golang.oserror import path_error

        raise StatusError(f"Removing image ID file: {path_error('remove', path, exc)}", FAILURE) from None


def _write_iidfile(path: str, image_id: str) -> None:
    try:
        with open(path, "w") as handle:
            handle.write(image_id)
    except OSError as exc:
        from ....golang.oserror import path_error

        raise StatusError(path_error("open", path, exc), FAILURE) from None
