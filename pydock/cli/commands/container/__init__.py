"""`pydock container …`: one module per family of commands."""
