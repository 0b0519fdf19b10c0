"""The command line: base.py (docker-like click commands), the toolkit (flags, batch, listing, inspect), registry.py and commands/."""
