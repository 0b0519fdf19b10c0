"""`pydock image …`: one module per family of commands (listing, build, archive, lifecycle, search;
distribution: pull and push)."""
