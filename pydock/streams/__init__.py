"""Byte streams from the engine: multiplexed frames, JSON progress, hijacked connections."""
