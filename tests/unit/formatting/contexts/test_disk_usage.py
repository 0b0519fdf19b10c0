"""`system df` contexts as docker/cli's formatter/disk_usage.go computes them."""
from __future__ import annotations

import json

import pytest

from pydock.formatting.contexts import disk_usage as du
from pydock.formatting.contexts.buildcache import BuildCacheContext, sort_records
from pydock.formatting.contexts.image import ImageContext
from pydock.golang.template import TemplateExecError, parse
from pydock.golang.template.funcs import json_funcs


def row(rows, kind):
    return next(r for r in rows if r.Type() == kind)


@pytest.mark.parametrize("reclaimable, total, expected", [
    (1986000, 3972000, "1.986MB (50%)"), (5, 38, "5B (13%)"), (0, 0, "0B"), (7, 0, "7B"),
    (-2000, 1000, "-2000B (-200%)"), (-1, 3, "-1B (-33%)"), (999, 1000, "999B (99%)"),
])
def test_percentages_truncate_as_go_integer_division(reclaimable, total, expected):
    assert du._with_percent(reclaimable, total) == expected


def test_summary_rows():
    usage = {
        "LayersSize": 10_000_000,
        "Images": [{"Containers": 2, "Size": 4_000_000, "SharedSize": 1_000_000},
                   {"Containers": 0, "Size": 5_000_000, "SharedSize": 0},
                   {"Containers": 1, "Size": -1, "SharedSize": 0}],  # unknown size: not counted as used
        "Containers": [{"State": "running", "SizeRw": 10}, {"State": "paused", "SizeRw": 20},
                       {"State": "exited", "SizeRw": 30}, {"State": "created"}, {"State": "dead", "SizeRw": 1}],
        "Volumes": [{"UsageData": {"RefCount": 1, "Size": 100}}, {"UsageData": {"RefCount": 0, "Size": 300}},
                    {"UsageData": {"RefCount": 0, "Size": -1}}],
        "BuildCache": [{"InUse": True, "Shared": False, "Size": 1000}, {"InUse": False, "Shared": True, "Size": 50},
                       {"InUse": False, "Shared": False, "Size": 500}],
    }
    rows = du.summary_rows(usage)
    assert [r.Type() for r in rows] == ["Images", "Containers", "Local Volumes", "Build Cache"]
    table = [(r.TotalCount(), r.Active(), r.Size(), r.Reclaimable()) for r in rows]
    assert table == [("3", "2", "10MB", "7MB (70%)"), ("5", "2", "61B", "31B (50%)"), ("3", "1", "400B", "300B (75%)"),
                     ("3", "1", "1.5kB", "500B")]
    assert rows[0].to_json_dict() == {"Active": "2", "Reclaimable": "7MB (70%)", "Size": "10MB", "TotalCount": "3",
                                      "Type": "Images"}
    assert du.summary_rows({})[3].Size() == "0B"


def test_verbose_image_rows_show_the_first_tag_only():
    images = [{"Id": "sha256:" + "1" * 64, "RepoTags": ["docker.io/library/alpine:3", "alpine:latest"]},
              {"Id": "sha256:" + "2" * 64, "RepoTags": ["<none>:<none>"], "RepoDigests": ["<none>@<none>"]},
              {"Id": "sha256:" + "3" * 64, "RepoTags": [], "RepoDigests": ["busybox@sha256:" + "b" * 64]},
              {"Id": "sha256:" + "4" * 64, "RepoTags": ["Not:A:Reference"]}]  # docker leaves it out
    rows = du.verbose_rows({"Images": images}, trunc=True)["Images"]
    assert [(r.Repository(), r.Tag(), r.ID()) for r in rows] == [
        ("alpine", "3", "111111111111"), ("<none>", "<none>", "222222222222"), ("<none>", "<none>", "333333333333")]
    assert du.verbose_rows({"Images": images}, trunc=False)["Images"][0].ID() == "sha256:" + "1" * 64


def test_verbose_sections_are_dockers():
    sections = du.verbose_sections({"BuildCache": [{"Size": 2048, "Shared": False}, {"Size": 1, "Shared": True}]})
    assert [(title, spec.default_table.split("\t")[0]) for title, spec, _ in sections] == [
        ("Images space usage:\n\n", "table {{.Repository}}"), ("\nContainers space usage:\n\n", "table {{.ID}}"),
        ("\nLocal Volumes space usage:\n\n", "table {{.Name}}"), ("\nBuild cache usage: 2.048kB\n\n", "table {{.ID}}")]


def test_custom_verbose_template_runs_on_the_whole_usage():
    details = du.details({"Images": [{"Id": "sha256:" + "1" * 64, "RepoTags": ["a:b"]}]}, trunc=False)
    template = parse("{{json .}}", funcs=json_funcs())
    assert list(json.loads(template.execute(details))) == ["Images", "Containers", "Volumes", "BuildCache"]
    with pytest.raises(TemplateExecError) as info:
        parse("{{.Foo}}").execute(details)
    assert str(info.value).endswith("can't evaluate field Foo in type *formatter.diskUsageContext")


def test_build_cache_records():
    records = [{"ID": "b" * 20, "LastUsedAt": "2024-01-02T00:00:00Z"}, {"ID": "c" * 20, "LastUsedAt": None},
               {"ID": "a" * 20, "LastUsedAt": "2024-01-02T00:00:00Z"},
               {"ID": "d" * 20, "LastUsedAt": "2023-01-01T00:00:00Z"}]
    assert [r["ID"][0] for r in sort_records(records)] == ["c", "d", "a", "b"]  # never used first, then by time, ID
    record = {"ID": "k" * 25, "InUse": True, "Shared": True, "Parent": "p" * 25, "Parents": ["x", "y"],
              "CreatedAt": "2024-01-02T03:04:05.5Z", "LastUsedAt": None, "UsageCount": 3, "Size": 1234567}
    context = BuildCacheContext(record, trunc=True, now=1704164645.5 + 3 * 86400)
    assert (context.ID(), context.Parent(), context.InUse(), context.Shared(), context.Size()) == \
        ("kkkkkkkkkkkk*", "pppppppppppp", "true", "true", "1.23MB")  # docker 28 never sees "Parents"
    assert (context.CreatedAt(), context.CreatedSince(), context.LastUsedAt(), context.LastUsedSince()) == \
        ("2024-01-02 03:04:05.5 +0000 UTC", "3 days ago", "", "")
    assert BuildCacheContext({"ID": "k", " Parents": ["x", "y"]}, trunc=False).Parent() == "x, y"


def test_image_sizes_and_unknowns():
    image = ImageContext({"Size": 1985598, "SharedSize": -1, "Containers": -1})
    assert (image.Size(), image.VirtualSize(), image.SharedSize(), image.UniqueSize(), image.Containers()) == \
        ("1.99MB", "1.986MB", "N/A", "N/A", "N/A")
    image = ImageContext({"Size": 1985598, "SharedSize": 1985569, "Containers": 2})
    assert (image.SharedSize(), image.UniqueSize(), image.Containers()) == ("1.986MB", "29B", "2")
