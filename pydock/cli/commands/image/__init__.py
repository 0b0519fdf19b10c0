"""`pydock image …`: one module per family of commands (listing, build, archives, lifecycle, search)."""
from __future__ import annotations


def require_api(ctx, env, versions: dict[str, str]) -> None:
    """docker's "version" flag annotations: a flag the engine is too old for fails, exit 1.

    `versions` maps a parameter name to the API version it needs ({"platform": "1.48"}).
    """
    from click.core import ParameterSource

    from ...errors import FAILURE, StatusError

    for param in ctx.command.params:
        needed = versions.get(param.name)
        if needed and ctx.get_parameter_source(param.name) == ParameterSource.COMMANDLINE \
                and not env.transport.version_at_least(needed):
            flag = [o for o in param.opts if o.startswith("--")][0]
            raise StatusError(f'"{flag}" requires API version {needed}, but the Docker daemon API version is '
                              f"{env.transport.api_version}", FAILURE)
