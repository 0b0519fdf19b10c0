"""Per-object contexts (docker/cli's formatter.*Context): the fields `--format` can use, and each
listable kind's ListingSpec (base.py: Context, ListingSpec; container, stats; inspect for `inspect`;
system, version_text, info_text for version/info)."""
