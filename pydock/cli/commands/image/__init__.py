"""The image commands: one module per family (distribution: pull and push)."""
