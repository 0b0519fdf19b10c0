"""Click commands that parse and fail like docker's (cobra/pflag) commands."""
from __future__ import annotations

import importlib

import click

from . import registry
from .errors import FAILURE, FLAG_ERROR, StatusError, UsageFailure
from .flags import DockerOption, feature_annotations  # noqa: F401 - the declarations commands import from here

CONTEXT_SETTINGS = {"help_option_names": ["--help"], "max_content_width": 100}


def parse_go_bool(flag: str, value: str) -> bool:
    from ..golang.strconv import parse_bool

    try:
        return parse_bool(value)
    except ValueError as exc:
        raise flag_error(f'invalid argument "{value}" for "{flag}" flag: {exc}') from None


class _FlagError(click.UsageError):
    """A pflag-style message that is printed as is."""


def flag_error(message: str) -> click.UsageError:
    return _FlagError(message)


def flag_display(param: click.Parameter) -> str:
    """`-m, --memory` or `--time`, as pflag names a flag in messages."""
    shorts = [o for o in param.opts if not o.startswith("--")]
    longs = [o for o in param.opts if o.startswith("--")]
    if shorts and longs:
        return f"{shorts[0]}, {longs[0]}"
    return (longs or shorts)[0]


HELP_REQUESTED = "pydock.help_requested"


def _deprecated_help(ctx, _param, value) -> None:
    if value and not ctx.resilient_parsing:
        for _ in range(ctx.meta.pop(_EARLIER_H_NOTES, 0) + 1):
            _deprecation_note(ctx)
        _help_requested(ctx, _param, value)


def _deprecation_note(ctx) -> None:
    # docker parses its top-level flags in a flag set of its own, whose notes go to stderr;
    # a command's flag set writes them to stdout
    click.echo("Flag shorthand -h has been deprecated, use --help", err=ctx.parent is None)


def _help_requested(ctx, _param, value) -> None:
    if not value or ctx.resilient_parsing:
        return
    if ctx.parent is None:  # the root: the help of the command named after the flags (LazyGroup.parse_args)
        ctx.meta[HELP_REQUESTED] = True
        return
    from .output import print_help

    print_help(ctx.get_help())
    ctx.exit(0)


def with_help_printer(option):
    """click's --help option of a command or group, printing through output.print_help (a failed write
    to stdout reported on stderr, exit 0, as cobra does) instead of click.echo."""
    if option is not None:
        option.callback = _show_help
    return option


def _show_help(ctx, _param, value) -> None:
    if value and not ctx.resilient_parsing:
        from .output import print_help

        print_help(ctx.get_help())
        ctx.exit(0)


def add_deprecated_help_shorthand(command: click.Command) -> None:
    """cobra still takes -h for --help (with a warning: on stderr for `pydock -h`, on stdout for a command)
    where no flag of the command owns -h."""
    if not any("-h" in p.opts for p in command.params):
        command.params.append(click.Option(["-h"], is_flag=True, expose_value=False, is_eager=True, hidden=True,
                                           callback=_deprecated_help))


# -- feature annotations (docker's cobra/pflag annotations, checked as cmd/docker/docker.go does) -----

class EngineDetails:
    """docker's versionDetails, asked lazily: nothing is sent to the engine unless an annotation needs it.

    `tolerant` (for --help, a flag error, a group's command list) makes an engine that cannot be
    reached look as docker's CLI then sees it: our own API version, no ping headers.
    """

    def __init__(self, env, tolerant: bool = False):
        self.env = env
        self.tolerant = tolerant
        self._version: str | None = None
        self._ping = None

    def current_version(self) -> str:
        """The negotiated API version ("1.41")."""
        if self._version is None:
            try:
                self._version = self.env.api.system.api_version
            except Exception:
                if not self.tolerant:
                    raise
                self._version = self.env.api.system.current_version
        return self._version

    def _headers(self):
        if self._ping is None:
            try:
                self._ping = self.env.api.system.ping()
            except Exception:
                if not self.tolerant:
                    raise
                self._ping = {}
        return self._ping

    def os_type(self) -> str:
        return self._headers().get("OSType") or ""

    def has_experimental(self) -> bool:
        return (self._headers().get("Docker-Experimental") or "").lower() == "true"

    def swarm_status(self) -> tuple[str, bool] | None:
        """(node state, control available) from /_ping's Swarm header ("inactive", "active/manager" …);
        None when the engine does not send it (before API 1.42)."""
        value = self._headers().get("Swarm")
        if not value:
            return None
        state, _, role = value.partition("/")
        return state, role == "manager"


def hidden_by_features(notes: dict[str, str], details: EngineDetails) -> bool:
    """hideUnsupportedFeatures for one command or flag: what --help leaves out for this engine."""
    if "experimental" in notes and not details.has_experimental():
        return True
    if "ostype" in notes and details.os_type() and notes["ostype"] != details.os_type():
        return True
    if "swarm" in notes:
        status = details.swarm_status()
        if status is not None and ((notes["swarm"] == "manager" and not status[1])
                                   or (notes["swarm"] == "active" and status[0] == "inactive")):
            return True
    return "version" in notes and _older(details.current_version(), notes["version"])


def _older(version: str, than: str) -> bool:
    def parts(text: str) -> tuple[int, ...]:
        return tuple(int(p) for p in text.split(".") if p.isdigit())
    return parts(version) < parts(than)


def unsupported_command(ctx: click.Context, details: EngineDetails) -> str | None:
    """areSubcommandsSupported: the command's and its parents' annotations; docker's message or None."""
    path = ctx.command_path
    for current in (c.command for c in _lineage(ctx)):
        notes = getattr(current, "annotations", None) or {}
        if "version" in notes and _older(details.current_version(), notes["version"]):
            return (f"{path} requires API version {notes['version']}, but the Docker daemon API version is "
                    f"{details.current_version()}")
        if "ostype" in notes and details.os_type() and notes["ostype"] != details.os_type():
            return (f"{path} is only supported on a Docker daemon running on {notes['ostype']}, but the Docker "
                    f"daemon is running on {details.os_type()}")
        if "experimental" in notes and not details.has_experimental():
            return f"{path} is only supported on a Docker daemon with experimental features enabled"
    return None


def _lineage(ctx: click.Context):
    while ctx is not None:
        yield ctx
        ctx = ctx.parent


def unsupported_flags(ctx: click.Context, details: EngineDetails) -> list[str]:
    """areFlagsSupported: one message per flag given on the command line that the engine cannot honour,
    flags in pflag's (name) order."""
    from click.core import ParameterSource

    given = [p for p in ctx.command.params if getattr(p, "annotations", None)
             and ctx.get_parameter_source(p.name) == ParameterSource.COMMANDLINE]
    errors = []
    for param in sorted(given, key=lambda p: _long_name(p).lstrip("-")):
        notes, flag = param.annotations, _long_name(param)
        if "version" in notes and _older(details.current_version(), notes["version"]):
            errors.append(f'"{flag}" requires API version {notes["version"]}, but the Docker daemon API version '
                          f'is {details.current_version()}')
            continue
        if "ostype" in notes and details.os_type() and notes["ostype"] != details.os_type():
            errors.append(f'"{flag}" is only supported on a Docker daemon running on {notes["ostype"]}, but the '
                          f'Docker daemon is running on {details.os_type()}')
            continue
        if "experimental" in notes and not details.has_experimental():
            errors.append(f'"{flag}" is only supported on a Docker daemon with experimental features enabled')
    return errors


def _long_name(param: click.Parameter) -> str:
    return next((o for o in param.opts if o.startswith("--")), param.opts[0])


def check_supported(ctx: click.Context) -> None:
    """docker's isSupported, run before a command's function: the command (and its groups) first, then
    its flags; exit 1 with docker's message(s)."""
    if not any(getattr(c.command, "annotations", None) for c in _lineage(ctx)) and \
            not any(getattr(p, "annotations", None) for p in ctx.command.params):
        return
    details = EngineDetails(ctx.find_root().obj)
    message = unsupported_command(ctx, details)
    errors = [message] if message else unsupported_flags(ctx, details)
    if errors:
        raise StatusError("\n".join(errors), FAILURE)


def _annotated(ctx: click.Context) -> bool:
    return any(getattr(c.command, "annotations", None) for c in _lineage(ctx))


def help_refusal(ctx: click.Context) -> str | None:
    """What docker's help function prints instead of the help of a command the engine cannot run
    (isSupported's message, on stdout, exit 0); None to show the help."""
    if not _annotated(ctx) or ctx.find_root().obj is None:
        return None
    return unsupported_command(ctx, EngineDetails(ctx.find_root().obj, tolerant=True))


def _help_wanted(command: click.Command, args: list[str]) -> bool:
    words = args[:args.index("--")] if "--" in args else args
    owns_h = any("-h" in p.opts for p in command.params if p.name != "help" and p.expose_value)
    return "--help" in words or (not owns_h and "-h" in words)


def refuse_unsupported_early(ctx: click.Context, command: click.Command, args: list[str]) -> None:
    """docker checks a command's annotations before its flags and arguments are judged (its flag-error
    function and pre-run): `volume update --bogus` on an old engine reports the API version, exit 1.
    A request for help is left to the help function (help_refusal)."""
    if not _annotated(ctx) or ctx.find_root().obj is None or _help_wanted(command, args):
        return
    message = unsupported_command(ctx, EngineDetails(ctx.find_root().obj, tolerant=True))
    if message:
        raise StatusError(message, FAILURE)


class DockerCommand(click.Command):
    """A command with docker's argument rules, `--flag=false` booleans, error text and feature checks.

    `usage` is the usage line after the program name; `nargs` is a rule:
    ("none",), ("min", n), ("max", n), ("exact", n) or ("range", lo, hi). A command cli.registry names
    (by its "module:function" `target`) takes its summary (`short_help`, and `help` unless the command
    gives a longer text) and its feature annotations from there, and must not declare them again (a
    ValueError when it is built). `annotations` (see `feature_annotations()`) and those of its options
    (DockerOption, cli.flags.option's api_version=, os_type=, experimental=) are checked against the
    engine before the command runs.
    `description` (paragraphs of plain text) and `examples` (a list of (what it does, command line))
    are for the manual page (cli/manpages.py); --help stays docker's and shows neither.
    """

    def __init__(self, *args, usage: str = "", nargs: tuple = ("any",), interspersed: bool = True,
                 annotations: dict[str, str] | None = None, description: str = "",
                 examples: list[tuple[str, str]] | None = None, **kwargs):
        kwargs.setdefault("context_settings", {})
        kwargs["context_settings"] = {**CONTEXT_SETTINGS, **kwargs["context_settings"]}
        if not interspersed:
            kwargs["context_settings"]["allow_interspersed_args"] = False
        if nargs[0] != "any":
            # The rule decides how many arguments are fine (docker's words, exit 1), not click:
            # extra ones are counted, not refused, and no argument is required on its own.
            kwargs["context_settings"]["allow_extra_args"] = True
        super().__init__(*args, **kwargs)
        add_deprecated_help_shorthand(self)
        self.docker_usage = usage
        self.nargs_rule = nargs
        self.annotations = dict(annotations or {})
        self.target = f"{self.callback.__module__}:{self.callback.__name__}" if self.callback else ""
        self._take_registry_entry()
        self.description = description
        self.examples = list(examples or [])
        if nargs[0] != "any":
            for param in self.params:
                if isinstance(param, click.Argument):
                    param.required = False

    def _take_registry_entry(self) -> None:
        """The summary and annotations cli.registry declares for this command (see the class docstring)."""
        if self.callback is not None and self.help is self.callback.__doc__:
            self.help = None  # click's default help is the function's docstring, written for readers of the code
        entry = registry.command_entry(self.target) if self.target else None
        if entry is None:
            return
        summary, features = entry
        if self.annotations:
            raise ValueError(f"{self.target}: its annotations are declared in cli.registry, not on the command")
        if self.help == summary or self.short_help is not None:
            raise ValueError(f"{self.target}: its summary is declared in cli.registry, not on the command")
        self.short_help = summary
        self.help = self.help or summary
        self.annotations = features

    def parse_args(self, ctx, args):
        refuse_unsupported_early(ctx, self, args)
        rest = parse_pflag_style(super().parse_args, ctx, self, args, ctx.allow_interspersed_args)
        check_nargs(ctx, self)
        return rest

    def invoke(self, ctx):
        check_supported(ctx)
        return super().invoke(ctx)

    def get_help_option(self, ctx):
        return with_help_printer(super().get_help_option(ctx))

    def get_help(self, ctx):
        from .help import command_help

        refusal = help_refusal(ctx)
        if refusal:
            return refusal
        return command_help(ctx, self, registry.aliases_of(self.target, ctx.find_root().info_name),
                            self._shown_params(ctx))

    def _shown_params(self, ctx):
        """hideUnsupportedFeatures for flags: those the engine cannot honour stay out of --help (the
        engine is asked only when some flag carries an annotation)."""
        annotated = [p for p in self.params if getattr(p, "annotations", None)]
        if not annotated or ctx.find_root().obj is None:
            return self.params
        details = EngineDetails(ctx.find_root().obj, tolerant=True)
        hidden = {id(p) for p in annotated if hidden_by_features(p.annotations, details)}
        return [p for p in self.params if id(p) not in hidden]


def parse_pflag_style(parse, ctx, command, args, interspersed: bool) -> list[str]:
    """click's `parse(ctx, args)` after pflag's `--flag=false` rewriting, failing with pflag's words."""
    try:
        args, false_flags, occurrences = rewrite_bool_flags(command, list(args), interspersed, ctx)
        ctx.meta[_EARLIER_H_NOTES] = _earlier_h_notes(command, false_flags, occurrences)
        rest = parse(ctx, args)
    except click.UsageError as exc:
        raise translate_usage_error(exc, ctx, command) from None
    exposed = {p.name for p in command.params if p.expose_value}
    for name in false_flags:
        if name in exposed:
            ctx.params[name] = False
    for _ in range(ctx.meta.pop(_EARLIER_H_NOTES, 0)):  # -h ended false: no callback wrote them
        _deprecation_note(ctx)
    return rest


_EARLIER_H_NOTES = "pydock.earlier_h_notes"


def _earlier_h_notes(command, false_flags: list[str], occurrences: dict[str, int]) -> int:
    """pflag notes a deprecated shorthand at each occurrence, whatever its value (`-h -h=false`: twice),
    once the whole command line parsed: the notes -h's callback (run only when -h ends true) does not write."""
    for param in command.params:
        if param.callback is _deprecated_help and param.name in occurrences:
            return occurrences[param.name] - (param.name not in false_flags)
    return 0


def positional_count(ctx, command) -> int:
    total = len(ctx.args)  # arguments no parameter took (allowed only under a rule)
    for param in command.params:
        if isinstance(param, click.Argument):
            value = ctx.params.get(param.name)
            if isinstance(value, (list, tuple)):
                total += len(value)
            elif value is not None:
                total += 1
    return total


def check_nargs(ctx, command) -> None:
    rule = command.nargs_rule
    n = positional_count(ctx, command)
    kind = rule[0]
    path = ctx.command_path
    plural = lambda k: "argument" if k == 1 else "arguments"  # noqa: E731
    prog = ctx.find_root().info_name
    message, verb = None, "Run"
    if kind == "none" and n:
        message = f"{prog}: '{path}' accepts no arguments"
    elif kind == "min" and n < rule[1]:
        message, verb = f"{prog}: '{path}' requires at least {rule[1]} {plural(rule[1])}", "See"
    elif kind == "max" and n > rule[1]:
        # docker 28 really says "SRun" here (cli.RequiresMaxArgs)
        message, verb = f"{prog}: '{path}' requires at most {rule[1]} {plural(rule[1])}", "SRun"
    elif kind == "exact" and n != rule[1]:
        message = f"{prog}: '{path}' requires {rule[1]} {plural(rule[1])}"
    elif kind == "range" and not rule[1] <= n <= rule[2]:
        message = f"{prog}: '{path}' requires at least {rule[1]} and at most {rule[2]} arguments"
    if message:
        raise UsageFailure(message, path, usage_line(ctx, command), FAILURE, verb)


def usage_line(ctx, command) -> str:
    usage = getattr(command, "docker_usage", "") or command.name
    parent = ctx.parent.command_path + " " if ctx.parent else ""
    return f"{parent}{usage}".strip() if ctx.parent else f"{ctx.info_name} {usage}"


def translate_usage_error(exc: click.UsageError, ctx, command) -> UsageFailure:
    """Turn click's wording into pflag's, exit 125."""
    if isinstance(exc, _FlagError):
        message = exc.message
    elif isinstance(exc, click.NoSuchOption):
        name = exc.option_name
        message = f"unknown flag: {name}" if name.startswith("--") else \
            f"unknown shorthand flag: '{name[1:2]}' in {name}"
    elif isinstance(exc, click.BadOptionUsage) and "requires an argument" in exc.message:
        name = exc.option_name
        message = f"flag needs an argument: {name}" if name.startswith("--") else \
            f"flag needs an argument: '{name[1:2]}' in {name}"
    elif isinstance(exc, click.BadParameter) and exc.param is not None:
        from ..golang.strconv import go_quote

        value = getattr(exc, "pydock_value", None)
        shown = f"{go_quote(value)} " if value is not None else ""
        message = f"invalid argument {shown}for \"{flag_display(exc.param)}\" flag: {exc.message}"
    else:
        message = exc.format_message()
    failure = UsageFailure(message, ctx.command_path, usage_line(ctx, command), FLAG_ERROR)
    if isinstance(exc, click.NoSuchOption):
        failure.typed, failure.candidates = exc.option_name, _flag_words(command, ctx)
    return failure


def _flag_words(command, ctx) -> tuple[str, ...]:
    """Every flag name the command takes (its --help too), for cli/suggest.py; hidden ones stay out."""
    index = _option_index(command, ctx)
    return tuple(sorted(name for name, (param, _) in index.items() if not param.hidden or name == "--help"))


def _option_index(command, ctx=None):
    """Map each option string to (param, takes_value); with `ctx`, the help option too (cobra's --help
    is a bool flag like any other: `--help=false` is accepted and means no help)."""
    index = {}
    params = list(command.params)
    if ctx is not None:
        help_option = command.get_help_option(ctx)
        if help_option is not None:
            params.append(help_option)
    for param in params:
        if isinstance(param, click.Option):
            takes_value = not (param.is_flag or param.count)
            for opt in param.opts + param.secondary_opts:
                index[opt] = (param, takes_value)
    return index


def rewrite_bool_flags(command, args: list[str], interspersed: bool,
                       ctx=None) -> tuple[list[str], list[str], dict[str, int]]:
    """pflag accepts `--rm=false`, `-d=false`, `--help=false` and `-m=VALUE`; click does not. Rewrite
    them before parsing.

    Returns the arguments for click, the names of bool flags whose last setting was false and how many
    times each bool flag was given (pflag notes a deprecated shorthand at each occurrence). As in
    pflag the last setting wins: `--help --help=false` runs the command, so a flag that ends false is
    dropped from the arguments (click's eager --help would act on an earlier occurrence).
    """
    index = _option_index(command, ctx)
    out: list[str] = []
    bools: dict[str, bool] = {}
    emitted: list[tuple[int, str]] = []  # (position in out, param name) of each bool flag set true
    occurrences: dict[str, int] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            out.append(arg)
            out.extend(args[i:])
            break
        if arg.startswith("--"):
            name, eq, value = arg.partition("=")
            param, takes_value = index.get(name, (None, False))
            if param is not None and not takes_value:
                bools[param.name] = parse_go_bool(flag_display(param), value) if eq else True
                occurrences[param.name] = occurrences.get(param.name, 0) + 1
                if bools[param.name]:
                    emitted.append((len(out), param.name))
                    out.append(name)
                continue
            out.append(arg)
            if param is not None and takes_value and not eq and i < len(args):
                out.append(args[i])
                i += 1
            continue
        if arg.startswith("-") and len(arg) > 1:
            parts, pending = _rewrite_short_cluster(arg, index, bools, occurrences)
            for part in parts:
                param, takes_value = index.get(part, (None, True))
                if param is not None and not takes_value:
                    emitted.append((len(out), param.name))
                out.append(part)
            if pending and i < len(args):
                out.append(args[i])
                i += 1
            continue
        out.append(arg)
        if not interspersed:
            out.extend(args[i:])
            break
    false_flags = [name for name, value in bools.items() if not value]
    dropped = {pos for pos, name in emitted if name in false_flags}
    return [arg for pos, arg in enumerate(out) if pos not in dropped], false_flags, occurrences


def _rewrite_short_cluster(arg: str, index, bools: dict[str, bool],
                           occurrences: dict[str, int]) -> tuple[list[str], bool]:
    """pflag's reading of a cluster like `-dit`, `-d=false`, `-m512m` or `-m=512m`.

    Returns click-ready arguments and whether the last flag takes its value from the next argument.
    """
    out: list[str] = []
    pos = 1
    while pos < len(arg):
        flag = "-" + arg[pos]
        param, takes_value = index.get(flag, (None, False))
        with_eq = len(arg) - pos > 2 and arg[pos + 1] == "="
        if param is None:
            out.append("-" + arg[pos:])  # click reports the unknown flag
            return out, False
        if takes_value:
            value = arg[pos + 2:] if with_eq else arg[pos + 1:]
            out.append(flag + value)
            return out, not value
        occurrences[param.name] = occurrences.get(param.name, 0) + 1
        if with_eq:
            bools[param.name] = parse_go_bool(flag_display(param), arg[pos + 2:])
            if bools[param.name]:
                out.append(flag)
            return out, False
        bools[param.name] = True
        out.append(flag)
        pos += 1
    return out, False


def load_target(target: str) -> click.Command:
    """The command at "module:attr", imported now."""
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


class LazyGroup(click.Group):
    """A group whose commands are loaded only when used: name -> (loader, summary), the loader being
    "module:attr" or a callable returning the command (cli.loader builds these tables from cli.registry).
    """

    def __init__(self, *args, lazy: dict[str, tuple] | None = None, usage: str = "",
                 hidden_aliases: dict[str, str] | None = None, annotations: dict[str, str] | None = None,
                 features: dict[str, dict[str, str]] | None = None, lenient: bool = False, **kwargs):
        kwargs.setdefault("context_settings", CONTEXT_SETTINGS)
        kwargs.setdefault("no_args_is_help", False)  # only flags left (`--help=false`, `-D`): invoke() shows help
        super().__init__(*args, **kwargs)
        self.annotations = dict(annotations or {})
        self.features = dict(features or {})  # command name -> its annotations, known without importing it
        self.lenient = lenient  # alone or before an unknown word: help on stdout, exit 0 (cobra's completion)
        add_deprecated_help_shorthand(self)
        self.lazy = lazy or {}
        self.aliases = hidden_aliases or {}
        self.docker_usage = usage

    def list_commands(self, ctx):
        return sorted(set(self.lazy) | set(self.commands))

    def get_command(self, ctx, name):
        name = self.aliases.get(name, name)
        if name in self.commands:
            return self.commands[name]
        if name not in self.lazy:
            return None
        loader, _ = self.lazy[name]
        command = loader() if callable(loader) else load_target(loader)
        self.commands[name] = command
        return command

    def get_help(self, ctx):
        from .help import group_help

        refusal = help_refusal(ctx) if ctx.parent is not None else None
        if refusal:  # `network --help` on an engine older than the group: docker's message instead
            return refusal
        # cobra never lists its help command (Command.IsAvailableCommand), docker hides `completion`
        rows = [(name, help_text) for name, (_, help_text) in sorted(self.lazy.items())
                if ctx.parent is not None or name not in registry.UNLISTED_TOP]
        if self.features and ctx.find_root().obj is not None:
            details = EngineDetails(ctx.find_root().obj, tolerant=True)
            rows = [(name, text) for name, text in rows
                    if not hidden_by_features(self.features.get(name, {}), details)]
        sections = registry.root_sections([name for name, _ in rows]) if ctx.parent is None else None
        return group_help(ctx, self, rows, sections).rstrip("\n")  # click's --help adds the newline

    def invoke(self, ctx):
        if not ctx._protected_args and not ctx.args:
            self._help_without_command(ctx)
        return super().invoke(ctx)

    def _help_without_command(self, ctx):
        """A group named alone: its help on stderr (exit 0); docker's refusal (exit 1) when the engine
        is older than the group's annotations allow."""
        if ctx.parent is not None and help_refusal(ctx):
            raise StatusError(help_refusal(ctx), FAILURE)
        if self.lenient:
            from .output import print_help

            print_help(self.get_help(ctx))
            ctx.exit(0)
        click.echo(self.get_help(ctx), err=True)
        ctx.exit(0)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        command = self.get_command(ctx, name)
        if command is None:
            if name.startswith("-"):
                raise translate_usage_error(click.NoSuchOption(name), ctx, self)
            if self.lenient:
                self._help_without_command(ctx)
            refusal = help_refusal(ctx) if ctx.parent is not None and not _help_wanted(self, args[1:]) else None
            if refusal:  # docker judges the group's annotations before the unknown word and its flags
                raise StatusError(refusal, FAILURE)
            self._parse_own_flags(ctx, args[1:])
            prog = ctx.find_root().info_name
            usage = usage_line(ctx, self) if ctx.parent else ""
            raise UsageFailure(f"{prog}: unknown command: {ctx.command_path} {name}", ctx.command_path,
                               usage, FAILURE, typed=name, candidates=self.command_words())
        return self.aliases.get(name, name), command, args[1:]

    def command_words(self) -> dict[str, str]:
        """Every word a command of this group answers to (names, aliases, shortcuts) -> the command's name,
        cobra's help command aside: what an unknown word may have meant (cli/suggest.py)."""
        words = {name: name for name in set(self.lazy) | set(self.commands)}
        words.update((alias, target) for alias, target in self.aliases.items() if target in words)
        words.pop("help", None)
        return words

    def _parse_own_flags(self, ctx, rest: list[str]) -> None:
        """Cobra parses the group's flags before it finds no such subcommand: `system bogus --help`
        prints the group's help (exit 0), `system bogus --x` fails on the flag."""
        if "--" in rest:
            rest = rest[:rest.index("--")]
        flags = [arg for arg in rest if arg.startswith("-") and arg != "-"]
        if flags:
            self.parse_args(ctx, flags)

    def parse_args(self, ctx, args):
        if not args:  # docker prints help on stderr then, and on stdout for --help
            self._help_without_command(ctx)
        rest = parse_pflag_style(super().parse_args, ctx, self, args, False)
        if ctx.meta.get(HELP_REQUESTED):
            # `pydock --help container ls`: the help of the command the words name, whatever follows
            command_ctx, _ = find_command(ctx, list(ctx._protected_args) + list(ctx.args))
            from .output import print_help

            print_help(command_ctx.command.get_help(command_ctx))
            ctx.exit(0)
        return rest

    def get_help_option(self, ctx):
        """The root's --help waits for the words after it (see parse_args); a group's prints its help."""
        if ctx.parent is not None:
            return with_help_printer(super().get_help_option(ctx))
        if getattr(self, "_root_help_option", None) is None:
            self._root_help_option = click.Option(["--help"], is_flag=True, expose_value=False, is_eager=True,
                                                  hidden=True, callback=_help_requested)
        return self._root_help_option


def find_command(root_ctx: click.Context, words: list[str]) -> tuple[click.Context, list[str]]:
    """cobra's Command.Find: descend through groups while a word names a subcommand (aliases too);
    returns the context of the command reached (for its help) and the words it did not use."""
    command_ctx = root_ctx
    while words and isinstance(command_ctx.command, click.Group):
        group = command_ctx.command
        sub = group.get_command(command_ctx, words[0])
        if sub is None:
            break
        name = getattr(group, "aliases", {}).get(words[0], words[0])
        command_ctx = click.Context(sub, info_name=name, parent=command_ctx)
        words = words[1:]
    return command_ctx, words
