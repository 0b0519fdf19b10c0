"""`system df`: docker/cli's formatter.DiskUsageContext (cli/command/formatter/disk_usage.go)
over GET /system/df.

The summary is a listing of four rows (Images, Containers, Local Volumes, Build Cache) with the
fields Type, TotalCount, Active, Size and Reclaimable. `-v` shows four tables instead (images,
containers, volumes, build cache), or runs a custom template once over a struct whose fields
Images, Containers, Volumes and BuildCache are lists of row contexts.
"""
from __future__ import annotations

from ...golang.structs import GoSlice
from ...golang.types import Field, Schema
from ..units import human_size
from .base import Context, ListingSpec, go_pointers

DEFAULT_TABLE = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}"
RAW_FORMAT = ("type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\n"
              "reclaimable: {{.Reclaimable}}\n")
HEADERS = {"Type": "TYPE", "TotalCount": "TOTAL", "Active": "ACTIVE", "Size": "SIZE", "Reclaimable": "RECLAIMABLE"}

IMAGE_TABLE = ("table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t"
               "{{.UniqueSize}}\t{{.Containers}}")
CONTAINER_TABLE = ("table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t"
                   "{{.Status}}\t{{.Names}}")
VOLUME_TABLE = "table {{.Name}}\t{{.Links}}\t{{.Size}}"
BUILD_CACHE_TABLE = ("table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t"
                     "{{.UsageCount}}\t{{.Shared}}")

_ACTIVE_STATES = ("running", "paused", "restarting")


def _with_percent(reclaimable: int, total: int) -> str:
    """"1.5MB (50%)": Go's integer division (toward zero) for the percentage."""
    if total > 0:
        percent = abs(reclaimable * 100) // total * (1 if reclaimable >= 0 else -1)
        return f"{human_size(float(reclaimable), 4)} ({percent}%)"
    return human_size(float(reclaimable), 4)


class _Usage(Context):
    json_fields = ("Active", "Reclaimable", "Size", "TotalCount", "Type")
    kind = ""

    def __init__(self, items: list[dict] | None = None):
        self.items = items or []
        self.nil = items is None  # the engine sent null: Go's slice is nil ({{printf "%#v" .}} shows it)

    def Type(self) -> str:  # noqa: N802 - Go's field names
        return self.kind

    def TotalCount(self) -> str:  # noqa: N802
        return str(len(self.items))


class ImagesUsage(_Usage):
    go_type_name = "*formatter.diskUsageImagesContext"
    kind = "Images"

    def __init__(self, images: list[dict] | None = None, layers_size: int = 0):
        super().__init__(images)
        self.total = layers_size

    def go_fields(self) -> list[tuple[str, object]]:
        return [("totalSize", self.total), ("images", go_pointers("image.Summary", self.items, nil=self.nil))]

    def Active(self) -> str:  # noqa: N802
        return str(sum(1 for i in self.items if (i.get("Containers") or 0) > 0))

    def Size(self) -> str:  # noqa: N802
        return human_size(float(self.total), 4)

    def Reclaimable(self) -> str:  # noqa: N802
        used = sum(i.get("Size", 0) - i.get("SharedSize", 0) for i in self.items
                   if i.get("Containers") and i.get("Size", 0) != -1 and i.get("SharedSize", 0) != -1)
        return _with_percent(self.total - used, self.total)


class ContainersUsage(_Usage):
    go_type_name = "*formatter.diskUsageContainersContext"
    kind = "Containers"

    def go_fields(self) -> list[tuple[str, object]]:
        return [("containers", go_pointers("container.Summary", self.items, nil=self.nil))]

    def Active(self) -> str:  # noqa: N802
        return str(sum(1 for c in self.items if c.get("State") in _ACTIVE_STATES))

    def Size(self) -> str:  # noqa: N802
        return human_size(float(sum(c.get("SizeRw") or 0 for c in self.items)), 4)

    def Reclaimable(self) -> str:  # noqa: N802
        total = sum(c.get("SizeRw") or 0 for c in self.items)
        reclaimable = sum(c.get("SizeRw") or 0 for c in self.items if c.get("State") not in _ACTIVE_STATES)
        return _with_percent(reclaimable, total)


class VolumesUsage(_Usage):
    go_type_name = "*formatter.diskUsageVolumesContext"
    kind = "Local Volumes"

    def go_fields(self) -> list[tuple[str, object]]:
        return [("volumes", go_pointers("volume.Volume", self.items, nil=self.nil))]

    def _usage(self):
        for volume in self.items:
            usage = volume.get("UsageData") or {}
            yield usage.get("Size", 0), usage.get("RefCount", 0)

    def Active(self) -> str:  # noqa: N802
        return str(sum(1 for _, refs in self._usage() if refs > 0))

    def Size(self) -> str:  # noqa: N802
        return human_size(float(sum(size for size, _ in self._usage() if size != -1)), 4)

    def Reclaimable(self) -> str:  # noqa: N802
        sizes = [(size, refs) for size, refs in self._usage() if size != -1]
        total = sum(size for size, _ in sizes)
        return _with_percent(sum(size for size, refs in sizes if refs == 0), total)


class BuilderUsage(_Usage):
    go_type_name = "*formatter.diskUsageBuilderContext"
    kind = "Build Cache"

    def go_fields(self) -> list[tuple[str, object]]:
        return [("builderSize", builder_size(self.items)),
                ("buildCache", go_pointers("build.CacheRecord", self.items, nil=self.nil))]

    def Active(self) -> str:  # noqa: N802
        return str(sum(1 for record in self.items if record.get("InUse")))

    def Size(self) -> str:  # noqa: N802
        return human_size(float(builder_size(self.items)), 4)

    def Reclaimable(self) -> str:  # noqa: N802
        in_use = sum(r.get("Size") or 0 for r in self.items if r.get("InUse") and not r.get("Shared"))
        return human_size(float(builder_size(self.items) - in_use), 4)


def builder_size(records: list[dict]) -> int:
    """The build cache's size as docker counts it: records that are not shared."""
    return sum(r.get("Size") or 0 for r in records if not r.get("Shared"))


SPEC = ListingSpec(context=ImagesUsage, default_table=DEFAULT_TABLE, headers=HEADERS, raw_format=RAW_FORMAT)


def summary_rows(usage: dict) -> list[_Usage]:
    """The four rows of `system df` from the engine's /system/df answer."""
    return [ImagesUsage(usage.get("Images"), usage.get("LayersSize") or 0),
            ContainersUsage(usage.get("Containers")), VolumesUsage(usage.get("Volumes")),
            BuilderUsage(usage.get("BuildCache"))]


# -- -v ------------------------------------------------------------------------------------------

DETAILS = Schema("*formatter.diskUsageContext", (Field("Images", "raw"), Field("Containers", "raw"),
                                                Field("Volumes", "raw"), Field("BuildCache", "raw")))


def verbose_rows(usage: dict, *, trunc: bool) -> dict[str, list]:
    """Row contexts for each section: {"Images": [...], "Containers": [...], "Volumes": [...], "BuildCache": [...]}."""
    from .buildcache import BuildCacheContext, sort_records
    from .container import ContainerContext
    from .image import ImageContext
    from .volume import VolumeContext

    rows = {
        "Images": [row for image in usage.get("Images") or [] if (row := _image_row(image, trunc)) is not None],
        "Containers": [ContainerContext({**c, "SizeRootFs": 0}, trunc=trunc) for c in usage.get("Containers") or []],
        "Volumes": [VolumeContext(v) for v in usage.get("Volumes") or []],
        "BuildCache": [BuildCacheContext(r, trunc=trunc) for r in sort_records(usage.get("BuildCache") or [])],
    }
    contexts = {"Images": ImageContext, "Containers": ContainerContext, "Volumes": VolumeContext,
                "BuildCache": BuildCacheContext}  # diskUsageContext's []*formatter.imageContext, …
    return {key: GoSlice(items, "[]" + contexts[key].go_type_name) for key, items in rows.items()}


def _image_row(image: dict, trunc: bool):
    """The first tag as repository and tag (<none> for a dangling image); None for an unparsable tag."""
    from .image import ImageContext, is_dangling

    repo = tag = "<none>"
    tags = image.get("RepoTags") or []
    if tags and not is_dangling(image):
        from ...opts.reference import parse_normalized_named

        try:
            ref = parse_normalized_named(tags[0])
        except ValueError:
            return None  # docker skips the image
        if ref.tag:
            repo, tag = ref.familiar_name, ref.tag
    return ImageContext(image, repo=repo, tag=tag, trunc=trunc)


def verbose_raw_format() -> str:
    """NewDiskUsageFormat("raw", true): one block per object, each with its kind first."""
    from . import buildcache, container, image

    return ("{{range .Images}}type: Image\n" + image.RAW_FORMAT_WITH_DIGEST + "\n{{end -}}\n"
            "{{range .Containers}}type: Container\n" + container.spec(size=True).raw_format + "\n{{end -}}\n"
            "{{range .Volumes}}type: Volume\n" + "name: {{.Name}}\\ndriver: {{.Driver}}\\n" + "\n{{end -}}\n"
            "{{range .BuildCache}}type: Build Cache\n" + buildcache.RAW_FORMAT + "\n{{end -}}")


def verbose_sections(usage: dict) -> list[tuple[str, ListingSpec, list]]:
    """The -v tables: (title, listing spec, rows) for each section, in docker's order."""
    from . import buildcache, container, image, volume

    rows = verbose_rows(usage, trunc=True)
    cache = f"\nBuild cache usage: {human_size(float(builder_size(usage.get('BuildCache') or [])), 4)}\n\n"
    sections = [("Images space usage:\n\n", image.ImageContext, IMAGE_TABLE, image.HEADERS, "Images"),
                ("\nContainers space usage:\n\n", container.ContainerContext, CONTAINER_TABLE, container.HEADERS,
                 "Containers"),
                ("\nLocal Volumes space usage:\n\n", volume.VolumeContext, VOLUME_TABLE, volume.HEADERS, "Volumes"),
                (cache, buildcache.BuildCacheContext, BUILD_CACHE_TABLE, buildcache.HEADERS, "BuildCache")]
    return [(title, ListingSpec(context, table, headers), rows[key])
            for title, context, table, headers, key in sections]


def details(usage: dict, *, trunc: bool):
    """The *formatter.diskUsageContext a custom -v template runs on."""
    return DETAILS.build(None, **verbose_rows(usage, trunc=trunc))
