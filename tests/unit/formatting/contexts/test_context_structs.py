"""`{{.}}` on a listing row: the row's context printed as docker's Go struct (values seen in docker 28.2.2)."""
from __future__ import annotations

from pydock.formatting.contexts.buildcache import BuildCacheContext
from pydock.formatting.contexts.container import ContainerContext
from pydock.formatting.contexts.disk_usage import summary_rows
from pydock.formatting.contexts.history import HistoryContext
from pydock.formatting.contexts.image import ImageContext
from pydock.formatting.contexts.network import NetworkContext
from pydock.formatting.contexts.search import SearchContext
from pydock.formatting.contexts.stats import StatsContext, StatsEntry
from pydock.formatting.contexts.volume import VolumeContext
from pydock.golang.template import parse


def render(text: str, data) -> str:
    return parse(text).execute(data)


NETWORK = {"Name": "bridge", "Id": "2c5c6409df2e", "Created": "2026-11-30T10:52:38.283631747Z", "Scope": "local",
           "Driver": "bridge", "EnableIPv6": False,
           "IPAM": {"Driver": "default", "Options": None,
                    "Config": [{"Subnet": "172.17.0.0/16", "Gateway": "172.17.0.1"}]},
           "Internal": False, "Attachable": False, "Ingress": False, "ConfigFrom": {"Network": ""},
           "ConfigOnly": False, "Containers": {}, "Options": {"b": "2", "a": "1"}, "Labels": {}}


def test_a_network_row_prints_its_struct_and_time_without_its_string_method():
    """Values inside an unexported field print without String(): time.Time shows {wall ext loc}."""
    row = NetworkContext(NETWORK)
    assert render("{{.}}", row) == (
        "{{<nil>} true {bridge 2c5c6409df2e {283631747 63931632758 <nil>} local bridge false false "
        "{default map[] [{172.17.0.0/16  172.17.0.1 map[]}]} false false false {} false map[] map[a:1 b:2] map[] [] "
        "map[]}}")
    assert render('{{printf "%v" .}}', row).startswith("&{{<nil>} true {bridge ")
    assert render('{{printf "%T" .}}', row) == "*network.networkContext"
    assert render('{{printf "%#v" .}}', row).startswith(
        '&network.networkContext{HeaderContext:formatter.HeaderContext{Header:interface {}(nil)}, trunc:true, '
        'n:network.Inspect{Name:"bridge", ID:"2c5c6409df2e", Created:time.Time{wall:0x10e7e083, ext:63931632758, '
        'loc:(*time.Location)(nil)}, Scope:"local"')  # strings stay quoted after the hexadecimal wall
    assert render("{{.Name}} {{.CreatedAt}}", row) == "bridge 2026-11-30 10:52:38.283631747 +0000 UTC"


def test_container_row():
    summary = {"Id": "43e56918e802", "Names": ["/romantic_bartik"], "Image": "busybox", "ImageID": "sha256:6ac6",
               "Command": "sh -c 'echo hi'", "Created": 1796036042, "Ports": [{"PrivatePort": 80, "Type": "tcp"}],
               "Labels": {"z": "1", "a": "2"}, "State": "exited", "Status": "Exited (0) 1 second ago",
               "HostConfig": {"NetworkMode": "default"}, "NetworkSettings": {"Networks": {}}, "Mounts": []}
    assert render("{{.}}", ContainerContext(summary, trunc=False)) == (
        "{{<nil>} false {43e56918e802 [/romantic_bartik] busybox sha256:6ac6 <nil> sh -c 'echo hi' 1796036042 "
        "[{ 80 0 tcp}] 0 0 map[a:2 z:1] exited Exited (0) 1 second ago {default map[]} 0xc000010000 []} map[]}")
    assert '{NetworkMode:"default", Annotations:map[string]string(nil)}' in \
        render('{{printf "%#v" .}}', ContainerContext(summary))


def test_image_history_volume_and_search_rows():
    image = {"Containers": -1, "Created": 1796036042, "Id": "sha256:de79", "Labels": None, "ParentId": "",
             "RepoDigests": ["<none>@<none>"], "RepoTags": ["<none>:<none>"], "SharedSize": -1, "Size": 5,
             "VirtualSize": 5}
    assert render("{{.}}", ImageContext(image, "<none>", "<none>", "<none>")) == \
        "{{<nil>} true {-1 1796036042 sha256:de79 map[]  <nil> [] [<none>@<none>] [<none>:<none>] -1 5 5} " \
        "<none> <none> <none>}"
    item = {"Comment": "Imported from -", "Created": 1796025375, "CreatedBy": "", "Id": "sha256:2588", "Size": 9,
            "Tags": ["alpine:latest"]}
    assert render("{{.}}", HistoryContext(item)) == \
        "{{<nil>} true true {Imported from - 1796025375  sha256:2588 9 [alpine:latest]}}"
    volume = {"CreatedAt": "2026-11-30T10:58:58Z", "Driver": "local", "Labels": {"k": "v"}, "Mountpoint": "/m",
              "Name": "v1", "Options": None, "Scope": "local"}
    assert render("{{.}}", VolumeContext(volume)) == \
        "{{<nil>} {<nil> 2026-11-30T10:58:58Z local map[k:v] /m v1 map[] local map[] <nil>}}"
    result = {"name": "alpine", "description": "d", "star_count": 3, "is_official": True}
    assert render("{{.}}", SearchContext(result)) == "{{<nil>} true false {3 true alpine false d}}"


def test_build_cache_stats_and_disk_usage_rows():
    assert render("{{.}}", BuildCacheContext({"ID": "x"})) == "{{<nil>} true 0xc000010000}"
    entry = StatsEntry("1f06676e010a", "/elated", "1f06676e010a6a97", cpu_percentage=0.5, memory_limit=2.5276502016e10)
    assert render("{{.}}", StatsContext(entry)) == \
        "{{<nil>} {1f06676e010a /elated 1f06676e010a6a97 0.5 0 2.5276502016e+10 0 0 0 0 0 0 false} linux true}"
    images, containers, volumes, cache = summary_rows({"Images": [{}, {}], "LayersSize": 7, "Containers": [],
                                                       "Volumes": [{}], "BuildCache": None})
    assert [render("{{.}}", row) for row in (images, containers, volumes, cache)] == [
        "{{<nil>} 7 [0xc000010000 0xc000010000]}", "{{<nil>} []}", "{{<nil>} [0xc000010000]}", "{{<nil>} 0 []}"]
    assert render('{{printf "%#v" .}}', cache).endswith("buildCache:[]*build.CacheRecord(nil)}")
    assert render('{{printf "%#v" .}}', containers).endswith("containers:[]*container.Summary{}}")
