"""The command line: base.py (docker-like click commands), the toolkit (flags, batch, listing,
inspect), registry.py (the table of commands, plain data), loader.py (the lazy groups built from it) and
commands/ (one module or package per group)."""
