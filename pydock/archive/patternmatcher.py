""".dockerignore patterns as moby/patternmatcher (v0.6) and its ignorefile reader apply them.

    matcher = PatternMatcher(["**/*.log", "!keep.log", "/build"])   # raises PatternError when a pattern is bad
    matcher.matches_or_parent_matches("src/debug.log")               # True: excluded
    read_ignorefile(b"# comment\\n/build\\n")                          # ["build"]

A pattern is Go's filepath.Match syntax plus `**` (any number of directories, even none); `!`
re-includes what an earlier pattern excluded; the last pattern that matches decides. Paths are
slash-separated and relative to the context. POSIX only (no Windows separators).
"""
from __future__ import annotations

import re
import warnings

from .paths import clean

ERR_BAD_PATTERN = "syntax error in pattern"  # Go's filepath.ErrBadPattern
_ESCAPED = set(".+()|{}$")  # regexp specials with no meaning in filepath.Match

EXACT, PREFIX, SUFFIX, REGEXP = "exact", "prefix", "suffix", "regexp"


class PatternError(ValueError):
    """A pattern docker refuses; str() is its message ("syntax error in pattern", …)."""


class Pattern:
    """One cleaned pattern: how it matches (exact, prefix, suffix or a regexp) and whether it is a `!` exception."""

    def __init__(self, cleaned: str, exclusion: bool):
        self.cleaned = cleaned
        self.exclusion = exclusion
        self.dirs = cleaned.split("/")
        self.match_type: str | None = None
        self.regexp_source: str | None = None  # the Go regexp, as patternmatcher builds it
        self._regexp: re.Pattern | None = None

    def __str__(self) -> str:
        return self.cleaned

    def match(self, path: str) -> bool:
        """Raises PatternError when the pattern cannot be compiled (found on first use, as docker does)."""
        if self.match_type is None:
            self.compile()
        if self.match_type == EXACT:
            return path == self.cleaned
        if self.match_type == PREFIX:
            return path.startswith(self.cleaned[:-2])
        if self.match_type == SUFFIX:
            suffix = self.cleaned[2:]
            if path.endswith(suffix):
                return True
            return suffix.startswith("/") and path == suffix[1:]  # **/foo matches "foo"
        return self._regexp.match(path) is not None

    def compile(self) -> None:
        """Pattern.compile: decide the match type; build the regexp when one is needed."""
        source, kind = "^", EXACT
        text = self.cleaned
        i, n, first = 0, len(text), True
        while i < n:
            ch = text[i]
            i += 1
            if ch == "*":
                if i < n and text[i] == "*":
                    i += 1
                    if i < n and text[i] == "/":  # treat **/ as **
                        i += 1
                    if i >= n:  # ** at the end matches everything below, as .gitignore
                        if kind == EXACT:
                            kind = PREFIX
                        else:
                            source += ".*"
                            kind = REGEXP
                    else:
                        source += "(.*/)?"
                        kind = REGEXP
                    if first:
                        kind = SUFFIX
                else:
                    source += "[^/]*"
                    kind = REGEXP
            elif ch == "?":
                source += "[^/]"
                kind = REGEXP
            elif ch in _ESCAPED:
                source += "\\" + ch
            elif ch == "\\":
                if i < n:
                    source += "\\" + text[i]
                    i += 1
                    kind = REGEXP
                else:
                    source += "\\"
            elif ch in "[]":
                source += ch
                kind = REGEXP
            else:
                source += ch
            first = False
        if kind == REGEXP:
            source += "$"
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # Python's "possible nested set" on "[["
                    self._regexp = re.compile(source[:-1] + r"\Z")  # Go's $ is the end of the text
            except re.error:
                raise PatternError(ERR_BAD_PATTERN) from None
            self.regexp_source = source
        self.match_type = kind


class PatternMatcher:
    """patternmatcher.PatternMatcher over a list of patterns (as read from .dockerignore).

    Raises PatternError for a lone "!" (`illegal exclusion pattern: "!"`) or a pattern Go's
    filepath.Match refuses ("syntax error in pattern").
    """

    def __init__(self, patterns):
        self.patterns: list[Pattern] = []
        self.exclusions = False
        for text in patterns:
            text = text.strip()
            if not text:
                continue
            text = clean(text)
            exclusion = text.startswith("!")
            if exclusion:
                if len(text) == 1:
                    raise PatternError('illegal exclusion pattern: "!"')
                text = text[1:]
                self.exclusions = True
            filepath_match(text, ".")  # only for its syntax check
            self.patterns.append(Pattern(text, exclusion))

    def matches(self, path: str) -> bool:
        """The deprecated Matches (still used to keep the Dockerfile and .dockerignore): only the
        parent directory as deep as the pattern is checked."""
        matched = False
        parent = _dir(path)
        parent_dirs = parent.split("/")
        for pattern in self.patterns:
            if pattern.exclusion != matched:
                continue
            match = pattern.match(path)
            if not match and parent != "." and len(pattern.dirs) <= len(parent_dirs):
                try:
                    match = pattern.match("/".join(parent_dirs[:len(pattern.dirs)]))
                except PatternError:
                    match = False
            if match:
                matched = not pattern.exclusion
        return matched

    def matches_or_parent_matches(self, path: str) -> bool:
        """True when `path` (slash-separated, relative) or one of its parents is excluded."""
        matched = False
        parent = _dir(path)
        parent_dirs = parent.split("/")
        for pattern in self.patterns:
            if pattern.exclusion != matched:
                continue
            match = pattern.match(path)
            if not match and parent != ".":
                match = self._any_parent(pattern, parent_dirs)
            if match:
                matched = not pattern.exclusion
        return matched

    def matches_using_parent_results(self, path: str, parent_info: list[bool] | None = None,
                                     ) -> tuple[bool, list[bool]]:
        """MatchesUsingParentResults: the answer for `path` and the per-pattern results to hand to its
        children. `parent_info` is what the parent directory's call returned (None: unknown)."""
        if parent_info and len(parent_info) != len(self.patterns):
            raise PatternError("wrong number of values in parentMatched")
        matched = False
        info = [False] * len(self.patterns)
        for index, pattern in enumerate(self.patterns):
            match = bool(parent_info) and parent_info[index]
            if not match:
                if pattern.exclusion != matched:
                    continue
                match = pattern.match(path)
                if not match and not parent_info:
                    parent = _dir(path)
                    if parent != ".":
                        match = self._any_parent(pattern, parent.split("/"))
            info[index] = match
            if match:
                matched = not pattern.exclusion
        return matched, info

    @staticmethod
    def _any_parent(pattern: Pattern, parent_dirs: list[str]) -> bool:
        for i in range(len(parent_dirs)):
            try:
                if pattern.match("/".join(parent_dirs[:i + 1])):
                    return True
            except PatternError:  # docker ignores the error on parents (the path itself reported it)
                return False
        return False


def matches(path: str, patterns) -> bool:
    """patternmatcher.Matches (deprecated, one parent level): "." never matches."""
    matcher = PatternMatcher(patterns)
    path = clean(path)
    return False if path == "." else matcher.matches(path)


def matches_or_parent_matches(path: str, patterns) -> bool:
    matcher = PatternMatcher(patterns)
    path = clean(path)
    return False if path == "." else matcher.matches_or_parent_matches(path)


def _dir(path: str) -> str:
    """filepath.Dir."""
    head = path[:path.rfind("/") + 1]
    return clean(head) if head else "."


def read_ignorefile(data: bytes | str | None) -> list[str]:
    """ignorefile.ReadAll: a BOM dropped, `#` comment lines skipped, each pattern trimmed and cleaned,
    a leading "/" removed (also after "!")."""
    if data is None:
        return []
    if isinstance(data, bytes):
        data = data.decode("utf-8", "surrogateescape")
    excludes = []
    for number, line in enumerate(_scanner_lines(data)):
        if number == 0 and line.startswith("\ufeff"):
            line = line[1:]
        if line.startswith("#"):
            continue
        line = line.strip()
        if not line:
            continue
        invert = line.startswith("!")
        if invert:
            line = line[1:].strip()
        if line:
            line = clean(line)
            if len(line) > 1 and line.startswith("/"):
                line = line[1:]
        excludes.append("!" + line if invert else line)
    return excludes


def _scanner_lines(text: str) -> list[str]:
    """bufio.ScanLines: split on \\n, drop one trailing \\r, no empty last line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


# -- Go's filepath.Match (used by docker only to check a pattern's syntax) -----------------------

def filepath_match(pattern: str, name: str) -> bool:
    """path/filepath.Match on POSIX; raises PatternError("syntax error in pattern")."""
    while pattern:
        star, chunk, pattern = _scan_chunk(pattern)
        if star and chunk == "":
            return "/" not in name  # a trailing * matches the rest unless it has a /
        rest, ok = _match_chunk(chunk, name)
        if ok and (not rest or pattern):
            name = rest
            continue
        if star:
            matched = False
            i = 0
            while i < len(name) and name[i] != "/":
                rest, ok = _match_chunk(chunk, name[i + 1:])
                if ok and not (not pattern and rest):
                    name, matched = rest, True
                    break
                i += 1
            if matched:
                continue
        while pattern:  # the rest of the pattern must still be well-formed
            _, chunk, pattern = _scan_chunk(pattern)
            _match_chunk(chunk, "")
        return False
    return not name


def _scan_chunk(pattern: str) -> tuple[bool, str, str]:
    star = False
    while pattern.startswith("*"):
        pattern, star = pattern[1:], True
    in_range, i = False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            if i + 1 < len(pattern):
                i += 1
        elif ch == "[":
            in_range = True
        elif ch == "]":
            in_range = False
        elif ch == "*" and not in_range:
            break
        i += 1
    return star, pattern[:i], pattern[i:]


def _match_chunk(chunk: str, s: str) -> tuple[str, bool]:
    failed = False
    while chunk:
        if not failed and not s:
            failed = True
        ch = chunk[0]
        if ch == "[":
            r = ""
            if not failed:
                r, s = s[0], s[1:]
            chunk = chunk[1:]
            negated = chunk.startswith("^")
            if negated:
                chunk = chunk[1:]
            match, nrange = False, 0
            while True:
                if chunk.startswith("]") and nrange > 0:
                    chunk = chunk[1:]
                    break
                lo, chunk = _get_esc(chunk)
                hi = lo
                if chunk[0] == "-":
                    hi, chunk = _get_esc(chunk[1:])
                if not failed and lo <= r <= hi:
                    match = True
                nrange += 1
            if match == negated:
                failed = True
        elif ch == "?":
            if not failed:
                if s[0] == "/":
                    failed = True
                s = s[1:]
            chunk = chunk[1:]
        else:
            if ch == "\\":
                chunk = chunk[1:]
                if not chunk:
                    raise PatternError(ERR_BAD_PATTERN)
            if not failed:
                if chunk[0] != s[0]:
                    failed = True
                s = s[1:]
            chunk = chunk[1:]
    return ("", False) if failed else (s, True)


def _get_esc(chunk: str) -> tuple[str, str]:
    if not chunk or chunk[0] in "-]":
        raise PatternError(ERR_BAD_PATTERN)
    if chunk[0] == "\\":
        chunk = chunk[1:]
        if not chunk:
            raise PatternError(ERR_BAD_PATTERN)
    r, rest = chunk[0], chunk[1:]
    if not rest:
        raise PatternError(ERR_BAD_PATTERN)
    return r, rest
