"""moby/patternmatcher's own test cases (patternmatcher_test.go, ignorefile_test.go), run on ours."""
from __future__ import annotations

import pytest

from pydock.archive import patternmatcher as pm
from pydock.archive.patternmatcher import PatternError, PatternMatcher


def _parents(text: str) -> list[str]:
    parent = pm._dir(text)
    if parent == ".":
        return []
    dirs = parent.split("/")
    return ["/".join(dirs[:i + 1]) for i in range(len(dirs))]


@pytest.mark.parametrize("file, patterns, expected", [
    ("fileutils.go", ["*"], True),                                   # TestWildcardMatches
    ("fileutils.go", ["*.go"], True),                                # TestPatternMatches
    ("fileutils.go", ["!fileutils.go", "*.go"], True),               # ...PatternBefore
    ("docs/README.md", ["docs", "!docs/README.md"], False),          # ...FolderExclusions
    ("docs/README.md", ["docs/", "!docs/README.md"], False),         # ...FolderWithSlashExclusions
    ("docs/README.md", ["docs/*", "!docs/README.md"], False),        # ...FolderWildcardExclusions
    ("fileutils.go", ["*.go", "!fileutils.go"], False),              # ...PatternAfter
    (".", ["*.go"], False),                                          # ...WholeDirectory
    ("/any/path/there", [], False),                                  # TestMatchesWithNoPatterns
])
def test_deprecated_matches(file, patterns, expected):
    assert pm.matches(file, patterns) is expected


@pytest.mark.parametrize("patterns, message", [
    (["!"], 'illegal exclusion pattern: "!"'),     # TestSingleExclamationError
    (["["], "syntax error in pattern"),            # TestMatchesWithMalformedPatterns
])
def test_bad_patterns(patterns, message):
    with pytest.raises(PatternError, match=message):
        pm.matches("fileutils.go", patterns)


MATCHES = [
    ("**", "file", True), ("**", "file/", True), ("**/", "file", True), ("**/", "file/", True),
    ("**", "/", True), ("**/", "/", True), ("**", "dir/file", True), ("**/", "dir/file", True),
    ("**", "dir/file/", True), ("**/", "dir/file/", True), ("**/**", "dir/file", True),
    ("**/**", "dir/file/", True), ("dir/**", "dir/file", True), ("dir/**", "dir/file/", True),
    ("dir/**", "dir/dir2/file", True), ("dir/**", "dir/dir2/file/", True), ("**/dir", "dir", True),
    ("**/dir", "dir/file", True), ("**/dir2/*", "dir/dir2/file", True), ("**/dir2/*", "dir/dir2/file/", True),
    ("**/dir2/**", "dir/dir2/dir3/file", True), ("**/dir2/**", "dir/dir2/dir3/file/", True),
    ("**file", "file", True), ("**file", "dir/file", True), ("**/file", "dir/file", True),
    ("**file", "dir/dir/file", True), ("**/file", "dir/dir/file", True), ("**/file*", "dir/dir/file", True),
    ("**/file*", "dir/dir/file.txt", True), ("**/file*txt", "dir/dir/file.txt", True),
    ("**/file*.txt", "dir/dir/file.txt", True), ("**/file*.txt*", "dir/dir/file.txt", True),
    ("**/**/*.txt", "dir/dir/file.txt", True), ("**/**/*.txt2", "dir/dir/file.txt", False),
    ("**/*.txt", "file.txt", True), ("**/**/*.txt", "file.txt", True), ("a**/*.txt", "a/file.txt", True),
    ("a**/*.txt", "a/dir/file.txt", True), ("a**/*.txt", "a/dir/dir/file.txt", True),
    ("a/*.txt", "a/dir/file.txt", False), ("a/*.txt", "a/file.txt", True), ("a/*.txt**", "a/file.txt", True),
    ("a[b-d]e", "ae", False), ("a[b-d]e", "ace", True), ("a[b-d]e", "aae", False), ("a[^b-d]e", "aze", True),
    (".*", ".foo", True), (".*", "foo", False), ("abc.def", "abcdef", False), ("abc.def", "abc.def", True),
    ("abc.def", "abcZdef", False), ("abc?def", "abcZdef", True), ("abc?def", "abcdef", False),
    ("a\\\\", "a\\", True), ("**/foo/bar", "foo/bar", True), ("**/foo/bar", "dir/foo/bar", True),
    ("**/foo/bar", "dir/dir2/foo/bar", True), ("abc/**", "abc", False), ("abc/**", "abc/def", True),
    ("abc/**", "abc/def/ghi", True), ("**/.foo", ".foo", True), ("**/.foo", "bar.foo", False),
    ("a(b)c/def", "a(b)c/def", True), ("a(b)c/def", "a(b)c/xyz", False), ("a.|)$(}+{bc", "a.|)$(}+{bc", True),
    ("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
     "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", True),
    ("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", True),
    ("a\\*b", "a*b", True),
]
MULTI = [
    (["**", "!util/docker/web"], "util/docker/web/foo", False),
    (["**", "!util/docker/web", "util/docker/web/foo"], "util/docker/web/foo", True),
    (["**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"],
     "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", False),
    (["**", "!dist/*.whl"], "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", False),
]
ALL = [([p], t, e) for p, t, e in MATCHES] + MULTI


@pytest.mark.parametrize("patterns, text, expected", ALL)
def test_matches_or_parent_matches(patterns, text, expected):
    assert PatternMatcher(patterns).matches_or_parent_matches(text) is expected


@pytest.mark.parametrize("patterns, text, expected", ALL)
def test_matches_using_parent_results(patterns, text, expected):
    matcher = PatternMatcher(patterns)
    info = None
    for parent in _parents(text):
        _, info = matcher.matches_using_parent_results(parent, info)
    assert matcher.matches_using_parent_results(text, info)[0] is expected


@pytest.mark.parametrize("patterns, text, expected", ALL)
def test_matches_using_parent_results_no_context(patterns, text, expected):
    assert PatternMatcher(patterns).matches_using_parent_results(text, None)[0] is expected


def test_clean_patterns():
    assert len(PatternMatcher(["docs", "config"]).patterns) == 2
    assert len(PatternMatcher(["docs", "config", ""]).patterns) == 2
    assert PatternMatcher(["docs", "!docs/README.md"]).exclusions
    assert PatternMatcher(["docs", "  !docs/README.md"]).exclusions
    assert PatternMatcher(["docs", "!docs/README.md  "]).exclusions


# Go's filepath.Match tests, through Matches (TestMatch)
FILEPATH = [
    ("abc", "abc", True, None), ("*", "abc", True, None), ("*c", "abc", True, None), ("a*", "a", True, None),
    ("a*", "abc", True, None), ("a*", "ab/c", True, None), ("a*/b", "abc/b", True, None),
    ("a*/b", "a/c/b", False, None), ("a*b*c*d*e*/f", "axbxcxdxe/f", True, None),
    ("a*b*c*d*e*/f", "axbxcxdxexxx/f", True, None), ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", False, None),
    ("a*b*c*d*e*/f", "axbxcxdxexxx/fff", False, None), ("a*b?c*x", "abxbbxdbxebxczzx", True, None),
    ("a*b?c*x", "abxbbxdbxebxczzy", False, None), ("ab[c]", "abc", True, None), ("ab[b-d]", "abc", True, None),
    ("ab[e-g]", "abc", False, None), ("ab[^c]", "abc", False, None), ("ab[^b-d]", "abc", False, None),
    ("ab[^e-g]", "abc", True, None), ("a\\*b", "a*b", True, None), ("a\\*b", "ab", False, None),
    ("a?b", "a☺b", True, None), ("a[^a]b", "a☺b", True, None), ("a???b", "a☺b", False, None),
    ("a[^a][^a][^a]b", "a☺b", False, None), ("[a-ζ]*", "α", True, None), ("*[a-ζ]", "A", False, None),
    ("a?b", "a/b", False, None), ("a*b", "a/b", False, None), ("[\\]a]", "]", True, None),
    ("[\\-]", "-", True, None), ("[x\\-]", "x", True, None), ("[x\\-]", "-", True, None),
    ("[x\\-]", "z", False, None), ("[\\-x]", "x", True, None), ("[\\-x]", "-", True, None),
    ("[\\-x]", "a", False, None),
    ("[]a]", "]", False, "bad"), ("[-]", "-", False, "bad"), ("[x-]", "x", False, "bad"),
    ("[x-]", "-", False, "bad"), ("[x-]", "z", False, "bad"), ("[-x]", "x", False, "bad"),
    ("[-x]", "-", False, "bad"), ("[-x]", "a", False, "bad"), ("\\", "a", False, "bad"),
    ("[a-b-c]", "a", False, "bad"), ("[", "a", False, "bad"), ("[^", "a", False, "bad"),
    ("[^bc", "a", False, "bad"), ("a[", "a", False, "bad"), ("a[", "ab", False, "bad"),
    ("*x", "xxx", True, None),
]


@pytest.mark.parametrize("pattern, name, expected, error", FILEPATH)
def test_match(pattern, name, expected, error):
    if error:
        with pytest.raises(PatternError, match="syntax error in pattern"):
            pm.matches(name, [pattern])
    else:
        assert pm.matches(name, [pattern]) is expected


@pytest.mark.parametrize("pattern, kind, regexp", [
    ("*", "regexp", "^[^/]*$"), ("file*", "regexp", "^file[^/]*$"), ("*file", "regexp", "^[^/]*file$"),
    ("a*/b", "regexp", "^a[^/]*/b$"), ("**", "suffix", None), ("**/**", "regexp", "^(.*/)?.*$"),
    ("dir/**", "prefix", None), ("**/dir", "suffix", None), ("**/dir2/*", "regexp", "^(.*/)?dir2/[^/]*$"),
    ("**/dir2/**", "regexp", "^(.*/)?dir2/.*$"), ("**file", "suffix", None),
    ("**/file*txt", "regexp", "^(.*/)?file[^/]*txt$"), ("**/**/*.txt", "regexp", "^(.*/)?(.*/)?[^/]*\\.txt$"),
    ("a[b-d]e", "regexp", "^a[b-d]e$"), (".*", "regexp", "^\\.[^/]*$"), ("abc.def", "exact", None),
    ("abc?def", "regexp", "^abc[^/]def$"), ("**/foo/bar", "suffix", None), ("a(b)c/def", "exact", None),
    ("a.|)$(}+{bc", "exact", None), ("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "exact", None),
])
def test_compile(pattern, kind, regexp):
    compiled = pm.Pattern(pm.clean(pattern), False)
    compiled.compile()
    assert (compiled.match_type, compiled.regexp_source) == (kind, regexp)


def test_malformed_pattern_fails_on_every_call():
    matcher = PatternMatcher(["[Local-Only]/"])
    for _ in range(2):
        with pytest.raises(PatternError, match="syntax error in pattern"):
            matcher.matches_or_parent_matches("x")


def test_read_ignorefile():
    assert pm.read_ignorefile(None) == []
    content = "test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! "
    assert pm.read_ignorefile(content) == ["test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path",
                                           "!", "!"]


def test_read_ignorefile_bom_crlf_and_cleaning():
    data = "\ufeff# c\r\n  ./a//b/../c/  \r\n/\r\n".encode()
    assert pm.read_ignorefile(data) == ["a/c", "/"]
