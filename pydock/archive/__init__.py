"""Tar archives for `cp`: go-archive's copy rules."""
