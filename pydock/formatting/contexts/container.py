"""`ps` rows: docker/cli's formatter.ContainerContext over one /containers/json entry."""
from __future__ import annotations

from ...golang.strconv import go_quote
from ..displayutils import ellipsis, truncate_id
from .base import Context, ListingSpec, go_nil_map, go_value

DEFAULT_TABLE = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
RAW_FORMAT = ("container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\n"
              "state: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\n"
              "labels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n")
RAW_QUIET_FORMAT = "container_id: {{.ID}}"

HEADERS = {
    "ID": "CONTAINER ID", "Names": "NAMES", "Image": "IMAGE", "Command": "COMMAND", "CreatedAt": "CREATED AT",
    "RunningFor": "CREATED", "Ports": "PORTS", "State": "STATE", "Status": "STATUS", "Size": "SIZE",
    "Labels": "LABELS", "Mounts": "MOUNTS", "LocalVolumes": "LOCAL VOLUMES", "Networks": "NETWORKS",
    "Platform": "PLATFORM",
}


def spec(size: bool = False) -> ListingSpec:
    """docker's NewContainerFormat: with -s (or a template reading .Size) the tables gain a SIZE column."""
    return ListingSpec(context=ContainerContext, headers=HEADERS, config_key="psFormat",
                       default_table=DEFAULT_TABLE + ("\t{{.Size}}" if size else ""),
                       raw_format=RAW_FORMAT + ("size: {{.Size}}\\n" if size else ""),
                       raw_quiet_format=RAW_QUIET_FORMAT, quiet_beats_custom=True, warn_quiet_with_format=True,
                       precheck=True)


class ContainerContext(Context):
    """One container of `ps` (a /containers/json entry); `trunc` is false with --no-trunc.
    Records in fields_used whether .Size was read (docker's FieldsUsed, for ps's precheck)."""

    go_type_name = "*formatter.ContainerContext"
    json_fields = ("Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names",
                   "Networks", "Platform", "Ports", "RunningFor", "Size", "State", "Status")

    def __init__(self, summary: dict | None = None, trunc: bool = True, now: float | None = None):
        self.c = summary or {}
        self.trunc = trunc
        self.now = now
        self.fields_used: set[str] = set()

    def go_fields(self) -> list[tuple[str, object]]:
        # FieldsUsed stays nil in the contexts of rows (docker fills it for its precheck only)
        return [("trunc", self.trunc), ("c", go_value("container.Summary", self.c)), ("FieldsUsed", go_nil_map())]

    def ID(self) -> str:  # noqa: N802 - Go's field names
        ident = self.c.get("Id") or ""
        return truncate_id(ident) if self.trunc else ident

    def Names(self) -> str:  # noqa: N802
        names = [name[1:] for name in self.c.get("Names") or []]
        if self.trunc:
            for name in names:
                if "/" not in name:  # a link's name (/other/alias) is not the container's own
                    names = [name]
                    break
        return ",".join(names)

    def Image(self) -> str:  # noqa: N802
        image = self.c.get("Image") or ""
        if not image:
            return "<no image>"
        if self.trunc:
            if truncate_id(self.c.get("ImageID") or "") == truncate_id(image):
                return truncate_id(image)
            short = _familiar_without_digest(image)
            if short is not None:
                return short
        return image

    def Command(self) -> str:  # noqa: N802
        command = self.c.get("Command") or ""
        return go_quote(ellipsis(command, 20) if self.trunc else command)

    def CreatedAt(self) -> str:  # noqa: N802
        from ..units import go_time_string

        return go_time_string(self.c.get("Created") or 0)

    def RunningFor(self) -> str:  # noqa: N802
        from ..units import running_for

        return running_for(self.c.get("Created") or 0, self.now)

    def Platform(self):  # noqa: N802
        descriptor = self.c.get("ImageManifestDescriptor") or {}
        platform = descriptor.get("platform")
        if not platform:
            from ...golang.fmt import TypedNil

            return TypedNil("*formatter.Platform")
        return _Platform(platform)

    def Ports(self) -> str:  # noqa: N802
        return displayable_ports(self.c.get("Ports") or [])

    def State(self) -> str:  # noqa: N802
        return self.c.get("State") or ""

    def Status(self) -> str:  # noqa: N802
        return self.c.get("Status") or ""

    def Size(self) -> str:  # noqa: N802
        from ..units import human_size_with_precision

        self.fields_used.add("Size")
        rw = human_size_with_precision(float(self.c.get("SizeRw") or 0), 3)
        root = self.c.get("SizeRootFs") or 0
        return f"{rw} (virtual {human_size_with_precision(float(root), 3)})" if root > 0 else rw

    def Labels(self) -> str:  # noqa: N802
        labels = self.c.get("Labels")
        if not labels:
            return ""
        return ",".join(sorted(f"{k}={v}" for k, v in labels.items()))

    def Label(self, name: str) -> str:  # noqa: N802
        return (self.c.get("Labels") or {}).get(name, "")

    def Mounts(self) -> str:  # noqa: N802
        names = []
        for mount in self.c.get("Mounts") or []:
            name = mount.get("Name") or mount.get("Source") or ""
            names.append(ellipsis(name, 15) if self.trunc else name)
        return ",".join(names)

    def LocalVolumes(self) -> str:  # noqa: N802
        return str(sum(1 for m in self.c.get("Mounts") or [] if m.get("Driver") == "local"))

    def Networks(self) -> str:  # noqa: N802
        settings = self.c.get("NetworkSettings") or {}
        return ",".join((settings.get("Networks") or {}).keys())


class _Platform:
    """formatter.Platform: prints as platforms.FormatAll ("linux/arm64/v8")."""

    go_type_name = "*formatter.Platform"

    def __init__(self, platform: dict):
        self.p = platform

    def __str__(self) -> str:
        parts = [self.p.get("os") or "unknown", self.p.get("architecture") or "unknown"]
        if self.p.get("variant"):
            parts.append(self.p["variant"])
        text = "/".join(parts)
        if self.p.get("os.version"):
            text += f"({self.p['os.version']})"
        return text

    def to_json_dict(self) -> dict:
        return dict(self.p)


def _familiar_without_digest(image: str) -> str | None:
    """The image name without its digest, as docker shows it (None when it does not parse)."""
    from ...opts.reference import parse_normalized_named

    try:
        ref = parse_normalized_named(image)
    except ValueError:
        return None
    return ref.familiar_name + (f":{ref.tag}" if ref.tag else "")


# -- ports ----------------------------------------------------------------------------------

def _join_host_port(host: str, port) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _port_key(port: dict):
    return (port.get("PrivatePort") or 0, port.get("IP") or "", port.get("PublicPort") or 0, port.get("Type") or "")


def displayable_ports(ports: list[dict]) -> str:
    """formatter.DisplayablePorts: "0.0.0.0:80->80/tcp, 9000-9002/udp", ranges compacted."""
    groups: dict[str, list[int]] = {}
    order: list[str] = []
    result: list[str] = []
    host_mappings: list[str] = []
    for port in sorted(ports, key=_port_key):
        private, public = port.get("PrivatePort") or 0, port.get("PublicPort") or 0
        key = port.get("Type") or ""
        ip = port.get("IP") or ""
        if ip:
            if public != private:
                host_mappings.append(f"{_join_host_port(ip, public)}->{private}/{port.get('Type') or ''}")
                continue
            key = f"{ip}/{key}"
        group = groups.get(key)
        if group is None:
            groups[key] = [private, private]
            order.append(key)
            continue
        if private == group[1] + 1:
            group[1] = private
            continue
        result.append(_form_group(key, *group))
        groups[key] = [private, private]
    result.extend(_form_group(key, *groups[key]) for key in order)
    return ", ".join(result + host_mappings)


def _form_group(key: str, first: int, last: int) -> str:
    parts = key.split("/")
    kind, ip = parts[0], ""
    if len(parts) > 1:
        ip, kind = parts[0], parts[1]
    group = str(first) if first == last else f"{first}-{last}"
    if ip:
        group = f"{_join_host_port(ip, group)}->{group}"
    return f"{group}/{kind}"


SPEC = spec(size=False)
