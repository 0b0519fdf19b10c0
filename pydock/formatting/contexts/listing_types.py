"""The API types docker's listing contexts hold, declared as docker/cli v28.2.2 vendors them.

A listing row's context is a Go struct (formatter.ContainerContext{HeaderContext, trunc, c container.Summary,
FieldsUsed}); `{{.}}` prints it with fmt, so the summary inside it must have docker's fields in docker's order.
The inspect declarations (container.MountPoint, network.Inspect, volume.Volume, v1.Descriptor, …) are reused.
"""
from __future__ import annotations

from functools import lru_cache

# container.Summary's HostConfig is an anonymous struct in Go: declared under a name here, it is renamed
# to its Go type literal once parsed (what %#v writes).
ANONYMOUS = {"container.summaryHostConfig": 'struct { NetworkMode string "json:\\",omitempty\\""; '
                                            'Annotations map[string]string "json:\\",omitempty\\"" }'}
LISTING_TYPES = """
type container.Summary struct {
    ID                      string `json:"Id"`
    Names                   []string
    Image                   string
    ImageID                 string
    ImageManifestDescriptor *v1.Descriptor `json:"ImageManifestDescriptor,omitempty"`
    Command                 string
    Created                 int64
    Ports                   []container.Port
    SizeRw                  int64 `json:",omitempty"`
    SizeRootFs              int64 `json:",omitempty"`
    Labels                  map[string]string
    State                   container.ContainerState
    Status                  string
    HostConfig              container.summaryHostConfig
    NetworkSettings         *container.NetworkSettingsSummary
    Mounts                  []container.MountPoint
}
type container.summaryHostConfig struct {
    NetworkMode string            `json:",omitempty"`
    Annotations map[string]string `json:",omitempty"`
}
type container.Port struct {
    IP          string `json:"IP,omitempty"`
    PrivatePort uint16 `json:"PrivatePort"`
    PublicPort  uint16 `json:"PublicPort,omitempty"`
    Type        string `json:"Type"`
}
type container.NetworkSettingsSummary struct {
    Networks map[string]*network.EndpointSettings
}
type image.Summary struct {
    Containers  int64             `json:"Containers"`
    Created     int64             `json:"Created"`
    ID          string            `json:"Id"`
    Labels      map[string]string `json:"Labels"`
    ParentID    string            `json:"ParentId"`
    Descriptor  *v1.Descriptor    `json:"Descriptor,omitempty"`
    Manifests   []image.ManifestSummary `json:"Manifests,omitempty"`
    RepoDigests []string          `json:"RepoDigests"`
    RepoTags    []string          `json:"RepoTags"`
    SharedSize  int64             `json:"SharedSize"`
    Size        int64             `json:"Size"`
    VirtualSize int64             `json:"VirtualSize,omitempty"`
}
type image.HistoryResponseItem struct {
    Comment   string   `json:"Comment"`
    Created   int64    `json:"Created"`
    CreatedBy string   `json:"CreatedBy"`
    ID        string   `json:"Id"`
    Size      int64    `json:"Size"`
    Tags      []string `json:"Tags"`
}
type build.CacheRecord struct {
    ID          string
    Parent      string   `json:"Parent,omitempty"`
    Parents     []string `json:" Parents,omitempty"`
    Type        string
    Description string
    InUse       bool
    Shared      bool
    Size        int64
    CreatedAt   time.Time
    LastUsedAt  *time.Time
    UsageCount  int
}
type registry.SearchResult struct {
    StarCount   int    `json:"star_count"`
    IsOfficial  bool   `json:"is_official"`
    Name        string `json:"name"`
    IsAutomated bool   `json:"is_automated"`
    Description string `json:"description"`
}
"""


@lru_cache(maxsize=None)
def types():
    """The TypeSet of the listing types and the inspect types they use (parsed once)."""
    from ...golang.types import TypeSet
    from . import inspect_types as i

    types = TypeSet(i.CONTAINER_TYPES + i.IMAGE_TYPES + i.NETWORK_TYPES + i.VOLUME_TYPES + LISTING_TYPES)
    for name, literal in ANONYMOUS.items():
        gotype = types.resolve(name)
        gotype.name = gotype.schema.type_name = literal
    return types


def decode(type_name: str, raw):
    """The engine's JSON decoded into one of these types, as docker's client decodes it."""
    return types().decode(type_name, raw)
