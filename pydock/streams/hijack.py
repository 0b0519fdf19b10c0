"""A hijacked connection (attach, exec start): a raw two-way byte stream after HTTP 101."""
from __future__ import annotations

import socket


class HijackedStream:
    """Wraps the network stream httpcore hands over after `101 UPGRADED`.

    Reads go through the network stream, so bytes h11 had already buffered after the 101 come
    first and are not lost.
    """

    def __init__(self, response, network_stream):
        self._response = response
        self._stream = network_stream
        self._write_closed = False

    def read(self, max_bytes: int = 65536) -> bytes:
        try:
            return self._stream.read(max_bytes, timeout=None)
        except Exception as exc:  # the engine closed the connection
            if _is_closed_error(exc):
                return b""
            raise

    def chunks(self, max_bytes: int = 65536):
        while True:
            data = self.read(max_bytes)
            if not data:
                return
            yield data

    def write(self, data: bytes) -> None:
        self._stream.write(data, timeout=None)

    def close_write(self) -> None:
        """Half-close: tell the engine stdin ended while we keep reading output."""
        if self._write_closed:
            return
        self._write_closed = True
        half_closer = self._stream.get_extra_info("pydock_half_close")
        if half_closer is not None:
            half_closer.shutdown_write()
            return
        sock = self._stream.get_extra_info("socket")
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def shutdown(self) -> None:
        """Stop both directions now: wakes a reader blocked in another thread."""
        sock = self._stream.get_extra_info("socket")
        if sock is None:
            self.close()
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            self._response.close()


def _is_closed_error(exc: Exception) -> bool:
    name = type(exc).__name__
    return name in ("ReadError", "ConnectionResetError", "BrokenPipeError") or isinstance(exc, OSError)
