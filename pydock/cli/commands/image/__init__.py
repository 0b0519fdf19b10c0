"""`pydock image …`: one module per family of commands (listing, build, archives, lifecycle, search)."""
