"""The command line: base.py (docker-like click commands), the toolkit (flags, batch, listing,
inspect), registry.py (the table of commands) and commands/ (one module or package per group)."""
