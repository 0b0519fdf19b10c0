"""logrus TextFormatter lines, as docker's libraries log on stderr."""
from __future__ import annotations

from pydock.golang.logrus import text_line


def test_a_message_with_spaces_is_quoted_and_the_time_is_rfc3339(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    assert text_line("error", "Can't add file /x/sock to tar: archive/tar: sockets not supported", 0) == (
        'time="1970-01-01T00:00:00Z" level=error msg="Can\'t add file /x/sock to tar: archive/tar: sockets not '
        'supported"')


def test_bare_values_stay_bare_and_others_are_go_quoted(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert text_line("warning", "plain-word_1.2/x@y", 0) == 'time="1970-01-01T09:00:00+09:00" level=warning ' \
                                                           'msg=plain-word_1.2/x@y'
    assert text_line("info", 'a "b"\n', 0).endswith('msg="a \\"b\\"\\n"')
