"""sortorder.NaturalLess, as docker sorts network and volume names and port lines."""
from __future__ import annotations

from pydock.golang.sortorder import natural_less, natural_sorted


def test_digit_runs_compare_as_numbers():
    assert natural_sorted(["network-10-foo", "network-2-foo", "network-1-foo"]) == [
        "network-1-foo", "network-2-foo", "network-10-foo"]


def test_fewer_leading_zeros_first_and_digits_before_letters():
    assert natural_sorted(["a01", "a1", "a001", "ab", "a2"]) == ["a1", "a01", "a001", "a2", "ab"]
    assert natural_less("1a", "a") and not natural_less("a", "1a")


def test_only_ascii_digits_are_numbers():
    assert natural_sorted(["x٣", "x2"]) == ["x2", "x٣"]  # an Arabic-Indic three is a letter to Go


def test_a_key_picks_the_name():
    assert natural_sorted([{"Name": "v10"}, {"Name": "v9"}], key=lambda v: v["Name"]) == [{"Name": "v9"},
                                                                                          {"Name": "v10"}]
