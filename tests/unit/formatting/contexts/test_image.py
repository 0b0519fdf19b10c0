"""images, history and search rows: docker/cli's formatter tests (image_test.go, formatter_history_test.go,
formatter_search_test.go) on our contexts."""
from __future__ import annotations

import io
import time
from types import SimpleNamespace

import pytest

from pydock.cli.listing import Listing
from pydock.formatting.contexts import history, image, search

DIGEST = "sha256:cbbf2f9a99b47fc460d422812b6a5adff7dfee951d8fa2e4a98caa0382cfbdbf"
DAY_AGO = int(time.time()) - 86400
IMAGES = [
    {"Id": "imageID1", "RepoTags": ["image:tag1"], "RepoDigests": [f"image@{DIGEST}"], "Created": DAY_AGO},
    {"Id": "imageID2", "RepoTags": ["image:tag2"], "Created": image.GO_ZERO_TIME},
    {"Id": "imageID3", "RepoTags": [], "RepoDigests": [], "Created": DAY_AGO},
]


def fake_env(config=None):
    return SimpleNamespace(config=config or {}, stderr=io.StringIO(), stdout=io.StringIO(),
                           stdout_is_tty=lambda: False, environ={})


def listing(fmt: str, *, quiet=False, digest=False) -> str:
    """What `images` prints in a pipe (the command's own steps, over our rows)."""
    out = Listing(fake_env(), image.spec(digest), image.with_digest_column(fmt, digest), quiet=quiet)
    rows = image.image_rows(IMAGES, digest=digest, format_has_digest="{{.Digest}}" in out.format())
    return out.text(rows)


@pytest.mark.parametrize("fmt, quiet, digest, expected", [
    ("table", False, False, "REPOSITORY   TAG       IMAGE ID   CREATED        SIZE\n"
                            "image        tag1      imageID1   24 hours ago   0B\n"
                            "image        tag2      imageID2   N/A            0B\n"
                            "<none>       <none>    imageID3   24 hours ago   0B\n"),
    ("table {{.Repository}}", False, False, "REPOSITORY\nimage\nimage\n<none>\n"),
    ("table {{.Repository}}", False, True, f"REPOSITORY   DIGEST\nimage        {DIGEST}\nimage        <none>\n"
                                           "<none>       <none>\n"),
    ("table {{.Repository}}", True, False, "REPOSITORY\nimage\nimage\n<none>\n"),
    ("table {{.Digest}}", True, False, f"DIGEST\n{DIGEST}\n<none>\n<none>\n"),
    ("table", True, False, "imageID1\nimageID2\nimageID3\n"),
    ("table", False, True, "REPOSITORY   TAG       DIGEST" + " " * 68 + "IMAGE ID   CREATED        SIZE\n"
                           f"image        tag1      {DIGEST}   imageID1   24 hours ago   0B\n"
                           "image        tag2      <none>" + " " * 68 + "imageID2   N/A            0B\n"
                           "<none>       <none>    <none>" + " " * 68 + "imageID3   24 hours ago   0B\n"),
    ("table", True, True, "imageID1\nimageID2\nimageID3\n"),
    ("raw", True, False, "image_id: imageID1\nimage_id: imageID2\nimage_id: imageID3\n"),
    ("{{.Repository}}", False, False, "image\nimage\n<none>\n"),
    ("{{.Repository}}", False, True, "image\nimage\n<none>\n"),
])
def test_image_listing(fmt, quiet, digest, expected):
    assert listing(fmt, quiet=quiet, digest=digest) == expected


def test_image_rows_for_several_tags_digests_and_repositories():
    summary = {"Id": "sha256:" + "1" * 64, "RepoTags": ["a:1", "b:2", "a:3", "127.0.0.1:5000/c:x"],
               "RepoDigests": [f"a@{DIGEST}", f"d@{DIGEST}", "bad@@"]}
    show = lambda rows: [(r.Repository(), r.Tag(), r.Digest()) for r in rows]  # noqa: E731
    assert show(image.image_rows([summary])) == [("a", "1", "<none>"), ("a", "3", "<none>"), ("b", "2", "<none>"),
                                                 ("127.0.0.1:5000/c", "x", "<none>"), ("d", "<none>", "")]
    assert show(image.image_rows([summary], digest=True)) == [
        ("a", "1", DIGEST), ("a", "3", DIGEST), ("b", "2", "<none>"), ("127.0.0.1:5000/c", "x", "<none>"),
        ("d", "<none>", DIGEST)]
    assert image.image_rows([summary], trunc=True)[0].ID() == "111111111111"
    assert image.image_rows([summary], trunc=False)[0].ID() == "sha256:" + "1" * 64


def test_a_custom_table_gains_the_digest_column():
    assert image.with_digest_column("table {{.ID}}", True) == "table {{.ID}}\t{{.Digest}}"
    assert image.with_digest_column("table {{.Digest}}", True) == "table {{.Digest}}"
    assert image.with_digest_column("table {{.ID}}", False) == "table {{.ID}}"
    assert image.with_digest_column("table", True) == "table"
    assert Listing(fake_env(), image.spec(True), "{{.ID}}", quiet=True).format() == "{{.ID}}"  # -q keeps it


def test_images_format_from_config_unless_quiet():
    env = fake_env({"imagesFormat": "table {{.Tag}}"})
    assert Listing(env, image.spec(), "", quiet=False).format() == "table {{.Tag}}"
    assert Listing(env, image.spec(), "", quiet=True).format() == "{{.ID}}"


def test_image_json_fields():
    row = image.image_rows([{**IMAGES[0], "Size": 1985569, "Containers": -1, "SharedSize": -1}])[0]
    assert row.to_json_dict() == {
        "Containers": "N/A", "CreatedAt": row.CreatedAt(), "CreatedSince": "24 hours ago", "Digest": "<none>",
        "ID": "imageID1", "Repository": "image", "SharedSize": "N/A", "Size": "1.99MB", "Tag": "tag1",
        "UniqueSize": "N/A", "VirtualSize": "1.986MB"}


LAYERS = [
    {"Id": "imageID1", "Created": DAY_AGO, "CreatedBy": "/bin/bash ls && npm i && npm run test && karma -c "
     "karma.conf.js start && npm start && more commands here && the list goes on", "Size": 183, "Comment": "Hi",
     "Tags": ["image:tag2"]},
    {"Id": "<missing>", "Created": 0, "CreatedBy": "a\tb", "Size": 4500000, "Comment": ""},
]


@pytest.mark.parametrize("human, trunc, fields", [
    (True, True, ("imageID1", "24 hours ago", "/bin/bash ls && npm i && npm run test && kar…", "183B", "Hi")),
    (False, False, ("imageID1", None, LAYERS[0]["CreatedBy"], "183", "Hi")),
])
def test_history_context(human, trunc, fields):
    row = history.HistoryContext(LAYERS[0], trunc=trunc, human=human)
    assert row.ID() == fields[0]
    assert row.CreatedSince() == (fields[1] or row.CreatedAt())
    assert (row.CreatedBy(), row.Size(), row.Comment()) == fields[2:]
    old = history.HistoryContext(LAYERS[1])
    assert (old.CreatedSince(), old.CreatedBy(), old.Size(), old.ID()) == ("N/A", "a b", "4.5MB", "<missing>")


def test_history_formats():
    assert Listing(fake_env(), history.spec(True), "table").format() == history.DEFAULT_TABLE
    assert Listing(fake_env(), history.spec(False), "").format() == history.NON_HUMAN_TABLE
    assert Listing(fake_env(), history.spec(False), "table", quiet=True).format() == "{{.ID}}"
    assert Listing(fake_env(), history.spec(True), "{{.Size}}", quiet=True).format() == "{{.Size}}"


def test_search_rows():
    results = [{"name": "result1", "description": "Official build\nline two", "star_count": 5000,
                "is_official": True},
               {"name": "result2", "description": "Not official " * 5, "star_count": 5, "is_official": False}]
    rows = [search.SearchContext(r) for r in results]
    text = Listing(fake_env(), search.spec(), "").text(rows)
    assert text == ("NAME      DESCRIPTION                                     STARS     OFFICIAL\n"
                    "result1   Official build line two                         5000      [OK]\n"
                    "result2   Not official Not official Not official Not o…   5         \n")
    assert rows[0].to_json_dict() == {"Description": "Official build line two", "IsOfficial": "true",
                                      "Name": "result1", "StarCount": "5000"}
    assert rows[1].IsOfficial() == "" and Listing(fake_env(), search.spec(), "table").format() == search.DEFAULT_TABLE


@pytest.mark.parametrize("digest", [False, True])
def test_the_plain_default_table_is_what_the_template_prints(digest):
    from pydock.formatting.writer import render_listing_text

    spec = image.spec(digest)
    rows = image.image_rows(IMAGES, digest=digest, format_has_digest=digest)
    templated = render_listing_text(rows, fmt=spec.default_table, headers=spec.headers,
                                    default_format=spec.default_table)
    assert spec.plain_table(rows) == templated and "N/A" in templated
