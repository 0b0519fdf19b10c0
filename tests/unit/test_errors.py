"""pydock.errors: docker-py's names, one class hierarchy with the transport's errors."""
from __future__ import annotations

import pydock.errors as errors
from pydock.transport import errors as transport


def test_docker_py_names_are_the_transports_classes():
    assert errors.DockerException is transport.DockerError
    assert errors.APIError is transport.EngineError
    assert errors.NotFound is transport.NotFound and errors.ImageNotFound is transport.ImageNotFound
    for name in ("APIError", "NotFound", "ImageNotFound", "ContainerError", "BuildError", "ImageLoadError",
                 "InvalidArgument", "InvalidVersion"):
        assert issubclass(getattr(errors, name), errors.DockerException), name
    assert issubclass(errors.ImageNotFound, errors.NotFound) and issubclass(errors.NotFound, errors.APIError)


def test_status_and_message_pick_the_class():
    assert type(transport.error_for_status(404, "No such container: x")) is errors.NotFound
    assert type(transport.error_for_status(404, "No such image: a:b")) is errors.ImageNotFound
    assert type(transport.error_for_status(404, "manifest unknown: repository does not exist")) is \
        errors.ImageNotFound
    assert type(transport.error_for_status(409, "in use")) is transport.Conflict
    error = transport.error_for_status(500, "boom")
    assert type(error) is errors.APIError and error.is_server_error() and not error.is_client_error()
    assert str(error) == "Error response from daemon: boom"


def test_container_error_and_build_error():
    error = errors.ContainerError("c", 3, "false", "alpine", b"bad\n")
    assert str(error) == "Command 'false' in image 'alpine' returned non-zero exit status 3: b'bad\\n'"
    assert str(errors.ContainerError("c", 1, "x", "alpine", None)).endswith("exit status 1")
    build = errors.BuildError("failed", [{"stream": "x"}])
    assert (build.msg, build.build_log) == ("failed", [{"stream": "x"}])
    assert str(errors.create_unexpected_kwargs_error("run", {"b": 1, "a": 2})) == \
        "run() got unexpected keyword arguments 'a', 'b'"
