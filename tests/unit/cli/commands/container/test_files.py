"""commit (cp and export are tested against the real engine): the request it sends."""
from __future__ import annotations

from tests.unit.cli.commands.container.harness import query


def test_commit_query(run, httpx_mock):
    from pydock.cli.commands.container.files import commit

    httpx_mock.add_response(method="POST", json={"Id": "sha256:abc"})
    out = run(commit, "-m", "msg", "-a", "me", "-c", "ENV A=1", "-c", "CMD x", "--pause=false", "c1", "img")
    request = httpx_mock.get_request()
    assert out == "sha256:abc\n"
    assert request.url.path == "/v1.41/commit"
    assert request.url.params.get_list("changes") == ["ENV A=1", "CMD x"]
    assert query(request) | {"changes": None} == {
        "container": "c1", "repo": "docker.io/library/img", "tag": "latest", "comment": "msg", "author": "me",
        "pause": "0", "changes": None}
