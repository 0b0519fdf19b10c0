"""Per-object contexts (docker/cli's formatter.*Context): the fields `--format` can use, and each
object's default output (container, inspect, stats; system for version/info, version_text, info_text)."""
