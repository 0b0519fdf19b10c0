import pytest

from pydock.opts import OptError
from pydock.opts.csvline import csv_fields
from pydock.opts.gpus import parse_gpu_request


@pytest.mark.parametrize("value, fields", [
    ("a,b", ["a", "b"]), ('"a,b",c', ["a,b", "c"]), ('"a""b"', ['a"b']), ("a,", ["a", ""]), ('"a",', ["a", ""]),
])
def test_csv_fields(value, fields):
    assert csv_fields(value) == fields


@pytest.mark.parametrize("value, message", [
    ("", "EOF"),
    ('"a', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'),
    ('x,"a"b,c', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'),
    ('type=bind,a"b', 'parse error on line 1, column 12: bare " in non-quoted-field'),
    (' "a"', 'parse error on line 1, column 2: bare " in non-quoted-field'),
])
def test_csv_errors_read_like_go(value, message):
    with pytest.raises(OptError, match="^" + message.replace('"', '.') + "$"):
        csv_fields(value)


@pytest.mark.parametrize("value, request_", [
    ("all", {"Driver": "", "Count": -1, "DeviceIDs": None, "Capabilities": [["gpu"]], "Options": {}}),
    ("all,2", {"Driver": "", "Count": 2, "DeviceIDs": None, "Capabilities": [["gpu"]], "Options": {}}),
    ('"device=0,1"', {"Driver": "", "Count": 0, "DeviceIDs": ["0", "1"], "Capabilities": [["gpu"]], "Options": {}}),
    ("driver=nvidia,capabilities=compute",
     {"Driver": "nvidia", "Count": 1, "DeviceIDs": None, "Capabilities": [["compute", "gpu"]], "Options": {}}),
    ('"options=a=1,b"', {"Driver": "", "Count": 1, "DeviceIDs": None, "Capabilities": [["gpu"]],
                         "Options": {"a": "1", "b": ""}}),
])
def test_gpu_requests(value, request_):
    assert parse_gpu_request(value) == request_


@pytest.mark.parametrize("value, message", [
    ("x", 'invalid count (x): value must be either "all" or an integer: invalid syntax'),
    ("count=all,count=1", "gpu request key 'count' can be specified only once"),
    ("bogus=1", "unexpected key 'bogus' in 'bogus=1'"),
])
def test_gpu_request_errors(value, message):
    with pytest.raises(OptError) as info:
        parse_gpu_request(value)
    assert str(info.value) == message
