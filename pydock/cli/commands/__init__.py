"""The commands, one module (or package) per command group; shared helpers live beside cli/base.py."""
