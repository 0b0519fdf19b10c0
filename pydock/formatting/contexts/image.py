"""Image rows: docker/cli's formatter.imageContext (cli/command/formatter/image.go) over one
/images/json entry (or /system/df's Images), as `system df -v` shows them."""
from __future__ import annotations

from ..displayutils import truncate_id
from .base import Context

HEADERS = {
    "ID": "IMAGE ID", "Repository": "REPOSITORY", "Tag": "TAG", "Digest": "DIGEST", "CreatedSince": "CREATED",
    "CreatedAt": "CREATED AT", "Size": "SIZE", "Containers": "CONTAINERS", "VirtualSize": "SIZE",
    "SharedSize": "SHARED SIZE", "UniqueSize": "UNIQUE SIZE",
}
RAW_FORMAT = ("repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\n"
              "virtual_size: {{.Size}}\n")
RAW_FORMAT_WITH_DIGEST = ("repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\n"
                          "created_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n")


def is_dangling(image: dict) -> bool:
    """formatter.isDangling: no tags and no digests, or only <none>:<none> and <none>@<none>."""
    tags, digests = image.get("RepoTags") or [], image.get("RepoDigests") or []
    if not tags and not digests:
        return True
    return tags == ["<none>:<none>"] and digests == ["<none>@<none>"]


class ImageContext(Context):
    """One image; `repo`, `tag` and `digest` are the reference this row shows. `trunc` shortens the ID."""

    go_type_name = "*formatter.imageContext"
    json_fields = ("Containers", "CreatedAt", "CreatedSince", "Digest", "ID", "Repository", "SharedSize", "Size",
                   "Tag", "UniqueSize", "VirtualSize")

    def __init__(self, image: dict | None = None, *, repo: str = "", tag: str = "", digest: str = "",
                 trunc: bool = True, now: float | None = None):
        self.i = image or {}
        self.repo, self.tag, self.digest, self.trunc, self.now = repo, tag, digest, trunc, now

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

        return running_for(self.i.get("Created") or 0, self.now)

    def CreatedAt(self) -> str:  # noqa: N802
        from ..units import go_time_string

        return go_time_string(self.i.get("Created") or 0)

    def Size(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        return human_size_with_precision(float(self.i.get("Size") or 0), 3)

    def Containers(self) -> str:  # noqa: N802
        count = self.i.get("Containers", 0)
        return "N/A" if count == -1 else str(count or 0)

    def VirtualSize(self) -> str:  # noqa: N802 - deprecated in docker, equal to Size in go-units' precision
        from ..units import human_size

        return human_size(float(self.i.get("Size") or 0), 4)

    def SharedSize(self) -> str:  # noqa: N802
        from ..units import human_size

        shared = self.i.get("SharedSize", 0)
        return "N/A" if shared == -1 else human_size(float(shared or 0), 4)

    def UniqueSize(self) -> str:  # noqa: N802
        from ..units import human_size

        size, shared = self.i.get("Size", 0), self.i.get("SharedSize", 0)
        if size == -1 or shared == -1:
            return "N/A"
        return human_size(float((size or 0) - (shared or 0)), 4)
