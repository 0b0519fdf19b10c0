"""The Engine API as plain Python calls: one module per object kind, plain data in and out."""
