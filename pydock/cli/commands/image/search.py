"""search: the engine's registry search (docker/cli's registry/search.go)."""
from __future__ import annotations

import click

from ...base import DockerCommand
from ...output import print_line
from ..container.common import GoInt, filter_option
from .listing import write_rows

AUTOMATED_WARNING = ('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will '
                     "not yield any results in future.")


@click.command("search", cls=DockerCommand, usage="search [OPTIONS] TERM", nargs=("exact", 1),
               help="Search Docker Hub for images")
@filter_option("-f", "--filter")
@click.option("--format", "fmt", default="", metavar="string", help="Pretty-print search using a Go template")
@click.option("--limit", type=GoInt(), default=0, metavar="int", help="Max number of search results")
@click.option("--no-trunc", is_flag=True, help="Don't truncate output")
@click.argument("term", nargs=-1)
@click.pass_obj
def search(env, filters, fmt, limit, no_trunc, term):
    from ....formatting.contexts import search as ctx
    from ....opts.filters import parse_filters
    from ..container.pulling import encoded_auth

    wanted = parse_filters(filters)
    if "is-automated" in wanted:
        print_line(env.stderr, AUTOMATED_WARNING)
    results = env.api.images.search(term[0], limit=limit, filters=wanted,
                                    auth=encoded_auth(env, search_index(term[0])))
    write_rows(env, [ctx.SearchContext(r, trunc=not no_trunc) for r in results], ctx.search_format(fmt), ctx.HEADERS)


def search_index(term: str) -> str:
    """registry.ParseSearchIndexInfo: the registry a search term names ("docker.io" for Docker Hub)."""
    first, slash, _ = term.partition("/")
    if not slash or ("." not in first and ":" not in first and first != "localhost"):
        return "docker.io"
    return "docker.io" if first == "index.docker.io" else first
