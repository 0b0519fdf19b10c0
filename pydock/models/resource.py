"""Model and Collection: the bases of every kind in the Python API (docker-py's models/resource.py)."""
from __future__ import annotations


class Model:
    """One object on the engine. `attrs` is its data as the engine returned it (inspect, or a list
    entry for a sparse list); `reload()` fetches it again."""

    id_attribute = "Id"

    def __init__(self, attrs: dict | None = None, client=None, collection: "Collection | None" = None):
        self.client = client
        self.collection = collection
        self.attrs = attrs if attrs is not None else {}

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}: {self.short_id}>"

    def __eq__(self, other) -> bool:
        return isinstance(other, self.__class__) and self.id == other.id

    def __hash__(self) -> int:
        return hash(f"{self.__class__.__name__}:{self.id}")

    @property
    def id(self) -> str | None:
        """The object's ID (a volume's is its name)."""
        return self.attrs.get(self.id_attribute)

    @property
    def short_id(self) -> str:
        """The ID truncated to 12 characters."""
        return self.id[:12]

    def reload(self) -> None:
        """Load this object from the engine again and replace `attrs`. Raises NotFound once it is gone."""
        self.attrs = self.collection.get(self.id).attrs


class Collection:
    """All objects of one kind on the engine; subclasses set `model`."""

    model: type[Model] = Model

    def __init__(self, client=None):
        self.client = client

    def __call__(self, *args, **kwargs):
        raise TypeError(f"'{self.__class__.__name__}' object is not callable. You might be trying to use the "
                        "old (pre-2.0) API - use pydock.api.client.APIClient if so.")

    def list(self):
        raise NotImplementedError

    def get(self, key):
        raise NotImplementedError

    def create(self, attrs=None):
        raise NotImplementedError

    def prepare_model(self, attrs) -> Model:
        """A Model of this collection's kind for `attrs` (a dict, or a Model to adopt)."""
        if isinstance(attrs, Model):
            attrs.client = self.client
            attrs.collection = self
            return attrs
        if isinstance(attrs, dict):
            return self.model(attrs=attrs, client=self.client, collection=self)
        raise TypeError(f"Can't create {self.model.__name__} from {attrs}")

    @property
    def api(self):
        """The engine API (pydock.api.client.APIClient) this collection talks through."""
        return self.client.api


class CancellableStream:
    """An iterator over a streaming answer (events, stats, logs, attach) that may be closed from another
    thread, ending the iteration (docker-py's types.CancellableStream).

    `items` yields the values; `cancel` stops the stream (it must wake a reader blocked in `items`).
    Errors while reading propagate (StreamInterrupted when the engine goes away), unless closed first.
    """

    def __init__(self, items, cancel):
        self._items = iter(items)
        self._cancel = cancel
        self._closed = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed:
            raise StopIteration
        try:
            return next(self._items)
        except StopIteration:
            self._closed = True
            raise
        except Exception:
            if self._closed:
                raise StopIteration from None
            raise

    next = __next__

    def close(self) -> None:
        """Stop the stream; a pending or later next() ends the iteration."""
        if not self._closed:
            self._closed = True
            self._cancel()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def response_stream(context, read) -> CancellableStream:
    """A CancellableStream over a streaming request: `context` is what api/ returns for one (a context
    manager yielding the response), `read(response)` turns the response into values."""
    from ..transport.client import interrupt

    response = context.__enter__()
    values = read(response)  # now: a reader may look at the headers before the body is read
    done = []

    def finish(exc_info=(None, None, None)):
        if not done:
            done.append(True)
            return context.__exit__(*exc_info)
        return False

    def items():
        try:
            yield from values
        except BaseException as exc:
            if not finish((type(exc), exc, exc.__traceback__)):
                raise
        else:
            finish()

    def cancel():
        interrupt(response)
        try:
            finish()
        except Exception:  # the stream was cut on purpose
            pass

    return CancellableStream(items(), cancel)


def lines(chunks):
    """Bytes chunks -> one bytes line each (with its newline), as the engine writes JSON streams."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line + b"\n"
    if pending:
        yield pending
