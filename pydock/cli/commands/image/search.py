"""search: the engine's registry search (docker/cli's registry/search.go)."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...flags import argument, filter_option, format_option, no_trunc_option, option
from ...output import print_line

AUTOMATED_WARNING = ('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will '
                     "not yield any results in future.")

# the filters Docker Hub's search takes
SEARCH_FILTERS = {"is-automated": ("true", "false"), "is-official": ("true", "false"), "stars": None}


@click.command("search", cls=DockerCommand, usage="search [OPTIONS] TERM", nargs=("exact", 1))
@filter_option("-f", "--filter", complete=SEARCH_FILTERS)
@format_option(help="Pretty-print search using a Go template")
@option("--limit", kind="int", default=0, help="Max number of search results")
@no_trunc_option("Don't truncate output")
@argument("term")
@click.pass_obj
def search(env, filters, fmt, limit, no_trunc, term):
    from ....config.credentials import encoded_auth
    from ....formatting.contexts import search as ctx
    from ....opts.filters import parse_filters
    from ...listing import Listing

    wanted = parse_filters(filters)
    if "is-automated" in wanted:
        print_line(env.stderr, AUTOMATED_WARNING)
    results = env.api.images.search(term[0], limit=limit, filters=wanted,
                                    auth=encoded_auth(env.config, search_index(term[0])))
    Listing(env, ctx.spec(), fmt).write(ctx.SearchContext(r, trunc=not no_trunc) for r in results)


def search_index(term: str) -> str:
    """registry.ParseSearchIndexInfo: the registry a search term names ("docker.io" for Docker Hub)."""
    first, slash, _ = term.partition("/")
    if not slash or ("." not in first and ":" not in first and first != "localhost"):
        return "docker.io"
    return "docker.io" if first == "index.docker.io" else first
