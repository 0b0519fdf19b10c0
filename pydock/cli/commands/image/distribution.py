"""pull and push: declarations, then docker's runPull / runPush (cli/command/image/pull.go, push.go)."""
from __future__ import annotations

from contextlib import ExitStack, contextmanager
from functools import partial

import click

from ...base import DockerCommand
from ...errors import FAILURE, StatusError
from ...flags import argument, option
from ...output import print_line, print_note
from ...trust import refuse_content_trust

PUSH_PLATFORM_NOTE = ("Using --platform pushes only the specified platform manifest of a multi-platform image "
                      "index.\nOther components, like attestations, will not be included.\nTo push the complete "
                      "multi-platform image, remove the --platform flag.\n")


# for the manual page (cli/manpages.py); --help shows neither
PULL_DESCRIPTION = (
    "Downloads an image, or with -a every tag of a repository, from its registry through the engine, "
    "showing each layer's progress (only the final reference with -q). A name without a registry is "
    "looked up on Docker Hub, and one without a tag means :latest; @DIGEST pins an exact content.\n\n"
    "Credentials come from config.json or the credential helper docker stored them with, so a login by "
    "either pydock or docker serves both. When the registry refuses the pull for want of credentials, "
    "pydock asks for them (docker's \"Login prior to pull\") and tries once more.")
PULL_EXAMPLES = [  # (what it does, command line)
    ("Pull the latest alpine from Docker Hub", "pydock pull alpine"),
    ("A given tag from a private registry", "pydock pull registry.example.com:5000/team/app:1.4"),
    ("Every tag of a repository", "pydock pull -a busybox"),
    ("An exact content, by digest", "pydock pull alpine@sha256:<digest>"),
    ("A platform other than the engine's", "pydock pull --platform linux/arm64 alpine"),
]


@click.command("pull", cls=DockerCommand, usage="pull [OPTIONS] NAME[:TAG|@DIGEST]", nargs=("exact", 1),
               description=PULL_DESCRIPTION, examples=PULL_EXAMPLES)
@option("-a", "--all-tags", kind="bool", help="Download all tagged images in the repository")
@option("--disable-content-trust", kind="optbool", help="Skip image verification (default true)")
@option("--platform", help="Set platform if server is multi-platform capable", default=None, complete="platform")
@option("-q", "--quiet", kind="bool", help="Suppress verbose output")
@argument("name", nargs=1, complete="image")
@click.pass_obj
def pull(env, name, all_tags, disable_content_trust, platform, quiet):
    ref = _named(env, name, all_tags, quiet)
    if not ref.digest:
        refuse_content_trust(env, disable_content_trust)
    if platform is None:
        platform = env.environ.get("DOCKER_DEFAULT_PLATFORM", "")
    request = partial(env.api.images.pull, ref.name, None if all_tags else ref.api_tag,
                      platform=platform.lower() or None)
    with login_retry(env, ref.domain, "pull", request) as response:
        show_progress(response, env.stdout, quiet=quiet)
    print_line(env.stdout, ref.string())


# for the manual page (cli/manpages.py); --help shows neither
PUSH_DESCRIPTION = (
    "Uploads a local image to the registry its name designates (Docker Hub when the name has no registry "
    "part), showing each layer's progress. Tag the image with the registry's name first (pydock tag). -a "
    "pushes every tag of the repository; layers the registry already has are not sent again.\n\n"
    "The credentials used are those stored by pydock login or docker login (config.json or a credential "
    "helper).")
PUSH_EXAMPLES = [  # (what it does, command line)
    ("Tag a local image for a private registry and push it",
     "pydock tag app:1 registry.example.com:5000/team/app:1 && pydock push registry.example.com:5000/team/app:1"),
    ("Push every tag of a repository", "pydock push -a registry.example.com:5000/team/app"),
    ("Push without the progress bars", "pydock push -q registry.example.com:5000/team/app:1"),
]


@click.command("push", cls=DockerCommand, usage="push [OPTIONS] NAME[:TAG]", nargs=("exact", 1),
               description=PUSH_DESCRIPTION, examples=PUSH_EXAMPLES)
@option("-a", "--all-tags", kind="bool", help="Push all tags of an image to the repository")
@option("--disable-content-trust", kind="optbool", help="Skip image signing (default true)")
@option("--platform", default="", api_version="1.46", complete="platform",
        help="Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be "
             "pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]'"
             ": Explicit platform (eg. linux/amd64)")
@option("-q", "--quiet", kind="bool", help="Suppress verbose output")
@argument("name", nargs=1, complete="image")
@click.pass_obj
def push(env, name, all_tags, disable_content_trust, platform, quiet):
    platform_json = _push_platform(env, platform) if platform else None
    ref = _named(env, name, all_tags, quiet)
    if ref.digest:
        raise StatusError("cannot push a digest reference", FAILURE)
    refuse_content_trust(env, disable_content_trust)
    request = partial(env.api.images.push, ref.familiar_name, None if all_tags else ref.tag, platform=platform_json)
    with login_retry(env, ref.domain, "push", request) as response:
        show_progress(response, env.stdout, quiet=quiet)
    if quiet:
        print_line(env.stdout, ref.string())


@contextmanager
def login_retry(env, domain: str, action: str, request):
    """The moby client's ImagePull/ImagePush with docker's PrivilegeFunc: `request(auth=…)` (a
    streaming context manager) with the stored credentials of `domain`; when the engine answers 401,
    once more with credentials asked for (cli.commands.login.login_prior_to). Engines before 23.0
    answer 500 for a registry's refusal: then there is no second try, as with docker."""
    from ....config.credentials import encoded_auth
    from ....transport.errors import EngineError
    from ..login import login_prior_to

    with ExitStack() as stack:
        try:
            response = stack.enter_context(request(auth=encoded_auth(env.config, domain)))
        except EngineError as exc:
            if exc.status != 401:
                raise
            response = stack.enter_context(request(auth=login_prior_to(env, domain, action)))
        yield response


def _named(env, name: str, all_tags: bool, quiet: bool):
    """The reference to pull or push, as docker checks it; a name alone gets :latest (said on stdout)."""
    from ....opts import OptError
    from ....opts.reference import parse_normalized_named

    try:
        ref = parse_normalized_named(name)
    except OptError as exc:
        raise StatusError(str(exc), FAILURE) from None
    if all_tags and not ref.name_only:
        raise StatusError("tag can't be used with --all-tags/-a", FAILURE)
    if not all_tags and ref.name_only:
        ref = ref.with_default_tag()
        if not quiet:
            print_line(env.stdout, f"Using default tag: {ref.tag}")
    return ref


def _push_platform(env, platform: str) -> str:
    """--platform of push (the command base has checked the engine speaks API 1.46): the platform as
    JSON, once docker could parse it; its note on stdout."""
    import json

    from ....opts import OptError
    from ....opts.platform import parse_platform

    try:
        spec = parse_platform(platform)
    except (OptError, ValueError) as exc:
        env.stderr.write(f"Invalid platform {platform}")
        raise StatusError(str(exc), FAILURE) from None
    print_note(env.stdout, PUSH_PLATFORM_NOTE, terminal=env.stdout_is_tty())
    os_name, _, rest = spec.partition("/")
    architecture, _, variant = rest.partition("/")
    fields = {"architecture": architecture, "os": os_name, "variant": variant}
    return json.dumps({key: value for key, value in fields.items() if value}, separators=(",", ":"))


def show_progress(response, out, *, quiet: bool = False) -> None:
    """Display the JSON progress messages of `response` on `out` (docker's lines in a pipe, live
    per-layer lines on a terminal); an error in the stream ends the command with its message, exit 1."""
    from ....golang.time import format_rfc3339_nano_fixed
    from ....streams.jsonstream import json_objects
    from ....streams.progress import JSONMessageError, display

    try:
        display(json_objects(response.iter_raw()), None if quiet else out, aux=lambda jm: None,
                timestamp=format_rfc3339_nano_fixed)
    except JSONMessageError as exc:
        raise StatusError(str(exc), FAILURE) from None
