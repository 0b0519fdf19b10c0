"""Per-object row contexts (docker/cli's formatter.*Context): the fields `--format` can use."""
