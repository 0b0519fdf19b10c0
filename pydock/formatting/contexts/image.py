"""`images` rows: docker/cli's formatter.ImageContext (formatter/image.go) over /images/json entries.

    listing = Listing(env, image.spec(digest), image.with_digest_column(source, digest), quiet=quiet)
    listing.write(image_rows(summaries, trunc=True, digest=digest, format_has_digest=...))

An image gives one row per (repository, tag) — per digest too when digests are shown — and a
dangling image one `<none>` row. docker walks repositories in Go's random map order; here they keep
the order of the engine's RepoTags (then RepoDigests), so the output is stable.
"""
from __future__ import annotations

from ..displayutils import truncate_id
from .base import Context, ListingSpec, go_value

DEFAULT_TABLE = ("table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}"
                 "\t{{.Size}}")
DEFAULT_TABLE_WITH_DIGEST = ("table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t"
                             "{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}")
RAW_FORMAT = ("repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\n"
              "virtual_size: {{.Size}}\n")
RAW_FORMAT_WITH_DIGEST = ("repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\n"
                          "created_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n")
RAW_QUIET_FORMAT = "image_id: {{.ID}}"
QUIET_FORMAT = "{{.ID}}"
GO_ZERO_TIME = -62135596800  # time.Time{}.Unix(): January 1, year 1

HEADERS = {
    "ID": "IMAGE ID", "Repository": "REPOSITORY", "Tag": "TAG", "Digest": "DIGEST", "CreatedSince": "CREATED",
    "CreatedAt": "CREATED AT", "Size": "SIZE", "Containers": "CONTAINERS", "VirtualSize": "SIZE",
    "SharedSize": "SHARED SIZE", "UniqueSize": "UNIQUE SIZE",
}


def spec(digest: bool = False) -> ListingSpec:
    """docker's NewImageFormat for cli.listing: --digests gives the tables and raw format a digest;
    -q keeps a custom format (images ignore -q then)."""
    return ListingSpec(context=ImageContext, headers=HEADERS, config_key="imagesFormat",
                       default_table=DEFAULT_TABLE_WITH_DIGEST if digest else DEFAULT_TABLE,
                       raw_format=RAW_FORMAT_WITH_DIGEST if digest else RAW_FORMAT, raw_quiet_format=RAW_QUIET_FORMAT,
                       quiet_format=QUIET_FORMAT, quiet_beats_custom=False,
                       plain_table=_plain_table_with_digest if digest else _plain_table)


def _plain_table(rows: list["ImageContext"], digest: bool = False) -> str:
    """The default table without the template engine: what its `{{if .CreatedSince}}…{{else}}N/A{{end}}`
    prints, laid out by the tabwriter."""
    from ..plain import plain

    header = "REPOSITORY\tTAG\t" + ("DIGEST\t" if digest else "") + "IMAGE ID\tCREATED\tSIZE"
    texts = ["\t".join([row.Repository(), row.Tag(), *([row.Digest()] if digest else []), row.ID(),
                         row.CreatedSince() or "N/A", row.Size()]) for row in rows]
    return plain(header, texts)


def _plain_table_with_digest(rows: list["ImageContext"]) -> str:
    return _plain_table(rows, digest=True)


def with_digest_column(source: str, digest: bool) -> str:
    """A custom table format gets a DIGEST column with --digests, unless it shows .Digest already."""
    if source.startswith("table") and source != "table" and digest and "{{.Digest}}" not in source:
        return source + "\t{{.Digest}}"
    return source


def is_dangling(image: dict) -> bool:
    tags, digests = image.get("RepoTags") or [], image.get("RepoDigests") or []
    if not tags and not digests:
        return True
    return tags == ["<none>:<none>"] and digests == ["<none>@<none>"]


def image_rows(images: list[dict], *, trunc: bool = True, digest: bool = False,
               format_has_digest: bool = False, now: float | None = None) -> list["ImageContext"]:
    """formatter.imageFormat: the rows of a listing, in the engine's order of images."""
    rows = []
    for image in images:
        if is_dangling(image):
            rows.append(ImageContext(image, "<none>", "<none>", "<none>", trunc=trunc, now=now))
            continue
        for repo, tag, dgst in _tagged_and_digests(image, digest, digest or format_has_digest):
            rows.append(ImageContext(image, repo, tag, dgst, trunc=trunc, now=now))
    return rows


def _tagged_and_digests(image: dict, show_digest: bool, need_digest: bool) -> list[tuple[str, str, str]]:
    from ...opts.reference import parse_normalized_named

    repo_tags: dict[str, list[str]] = {}
    repo_digests: dict[str, list[str]] = {}
    for text in image.get("RepoTags") or []:
        try:
            ref = parse_normalized_named(text)
        except ValueError:
            continue
        if ref.tag:
            repo_tags.setdefault(ref.familiar_name, []).append(ref.tag)
    for text in image.get("RepoDigests") or []:
        try:
            ref = parse_normalized_named(text)
        except ValueError:
            continue
        if ref.digest:
            repo_digests.setdefault(ref.familiar_name, []).append(ref.digest)
    out = []
    for repo, tags in repo_tags.items():
        digests = repo_digests.pop(repo, [])
        if not need_digest:
            digests = []
        for tag in tags:
            if not digests:
                out.append((repo, tag, "<none>"))
            out.extend((repo, tag, dgst) for dgst in digests)
    for repo, digests in repo_digests.items():
        if show_digest:
            out.extend((repo, "<none>", dgst) for dgst in digests)
        else:
            out.append((repo, "<none>", ""))
    return out


class ImageContext(Context):
    """One row of `images`: an image summary with the repository, tag and digest it is shown under."""

    go_type_name = "*formatter.imageContext"
    json_fields = ("Containers", "CreatedAt", "CreatedSince", "Digest", "ID", "Repository", "SharedSize", "Size",
                   "Tag", "UniqueSize", "VirtualSize")

    def __init__(self, image: dict | None = None, repo: str = "", tag: str = "", digest: str = "", *,
                 trunc: bool = True, now: float | None = None):
        self.i = image or {}
        self.repo, self.tag, self.digest = repo, tag, digest
        self.trunc, self.now = trunc, now

    def go_fields(self) -> list[tuple[str, object]]:
        return [("trunc", self.trunc), ("i", go_value("image.Summary", self.i)), ("repo", self.repo),
                ("tag", self.tag), ("digest", self.digest)]

    def ID(self) -> str:  # noqa: N802 - Go's field names
        ident = self.i.get("Id") or ""
        return truncate_id(ident) if self.trunc else ident

    def Repository(self) -> str:  # noqa: N802
        return self.repo

    def Tag(self) -> str:  # noqa: N802
        return self.tag

    def Digest(self) -> str:  # noqa: N802
        return self.digest

    def CreatedSince(self) -> str:  # noqa: N802
        from ..units import running_for

        created = self.i.get("Created") or 0
        if created == GO_ZERO_TIME:  # time.Time's zero: no date to speak of
            return ""
        return running_for(created, self.now)

    def CreatedAt(self) -> str:  # noqa: N802
        from ..units import go_time_string

        return go_time_string(self.i.get("Created") or 0)

    def Size(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        return human_size_with_precision(float(self.i.get("Size") or 0), 3)

    def Containers(self) -> str:  # noqa: N802
        count = self.i.get("Containers", -1)
        return "N/A" if count == -1 else str(count)

    def VirtualSize(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        return human_size_with_precision(float(self.i.get("Size") or 0), 4)

    def SharedSize(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        shared = self.i.get("SharedSize", -1)
        return "N/A" if shared == -1 else human_size_with_precision(float(shared), 4)

    def UniqueSize(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        size, shared = self.i.get("Size", -1), self.i.get("SharedSize", -1)
        if size == -1 or shared == -1:
            return "N/A"
        return human_size_with_precision(float(size - shared), 4)
