"""github.com/fvbommel/sortorder's NaturalLess, which docker sorts names and ports with."""
from __future__ import annotations

from functools import cmp_to_key
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def _digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def natural_less(s1: str, s2: str) -> bool:
    """True when s1 sorts before s2: runs of digits compare as numbers ("a2" < "a10"), the rest
    byte by byte; with equal numbers, fewer leading zeros first."""
    i = j = 0
    while i < len(s1) and j < len(s2):
        d1, d2 = _digit(s1[i]), _digit(s2[j])
        if d1 != d2:
            return d1
        if not d1:
            if s1[i] != s2[j]:
                return s1[i] < s2[j]
            i, j = i + 1, j + 1
            continue
        while i < len(s1) and s1[i] == "0":
            i += 1
        while j < len(s2) and s2[j] == "0":
            j += 1
        nz1, nz2 = i, j
        while i < len(s1) and _digit(s1[i]):
            i += 1
        while j < len(s2) and _digit(s2[j]):
            j += 1
        if i - nz1 != j - nz2:
            return i - nz1 < j - nz2
        if s1[nz1:i] != s2[nz2:j]:
            return s1[nz1:i] < s2[nz2:j]
        if nz1 != nz2:
            return nz1 < nz2
    return len(s1) < len(s2)


def natural_cmp(a: str, b: str) -> int:
    """natural_less as a cmp function (-1, 0, 1)."""
    return -1 if natural_less(a, b) else (1 if natural_less(b, a) else 0)


def natural_sorted(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """`items` sorted by NaturalLess on key(item) (stable)."""
    return sorted(items, key=cmp_to_key(lambda a, b: natural_cmp(key(a), key(b))))
