"""The completion kinds that live outside the tree: engine objects (one quick request each, bounded
by about a second) and contexts (read from the store, no engine call).

`Lookup(globals_, environ)` is resolve's `lookup(kind, prefix)`: `globals_` maps the root flags given on
the command line (`--host`, `--context`, `--config`, `--tls…`) to their values, so the engine asked is
the one the completed command would talk to. Any failure — no engine, a slow one, a refusal, a wrong
DOCKER_HOST, a broken config.json — answers None: a TAB offers nothing and never prints an error.
"""
from __future__ import annotations

import io

TIMEOUT = 0.8  # seconds, for each step of the engine request (run.DEADLINE bounds them all)
STACK_LABEL = "com.docker.stack.namespace"
CONTAINER_STATES = {
    "container": None,
    "container:running": ["running"],
    "container:live": ["running", "paused"],
    "container:removable": ["created", "exited", "dead"],
    "container:stopped": ["created", "exited", "dead"],
    "container:paused": ["paused"],
}


class Lookup:
    """Answers `(kind, prefix)` with [(value, description)], or None when nothing can be offered."""

    def __init__(self, globals_: dict, environ):
        self.globals = globals_
        self.environ = environ

    def __call__(self, kind: str, prefix: str):
        try:
            return self._answer(kind)
        except Exception:  # completion never fails in the user's face
            return None

    def _answer(self, kind: str):
        if kind == "context":  # the store alone: no engine, no environment to build
            from ...config import default_config_dir
            from ...config.contexts import list_contexts

            return list_contexts(self.globals.get("--config") or default_config_dir(self.environ))
        return candidates(self._env().api, kind)

    def _env(self):
        from ..env import CLIEnv, GlobalOptions

        g = self.globals
        options = GlobalOptions(hosts=tuple(filter(None, [g.get("--host")])), context=g.get("--context"),
                                config_dir=g.get("--config"), tls=bool(g.get("--tls")),
                                tlsverify=True if g.get("--tlsverify") else None, tlscacert=g.get("--tlscacert"),
                                tlscert=g.get("--tlscert"), tlskey=g.get("--tlskey"))
        quiet = io.StringIO()
        return CLIEnv(options, stdin=io.StringIO(), stdout=quiet, stderr=quiet, environ=self.environ,
                      quick_timeout=TIMEOUT)


def candidates(api, kind: str) -> list[tuple[str, str]]:
    """(name, description) of every object of `kind` (a cli.flags COMPLETE_KINDS engine kind) that
    `api` (an api.client.APIClient) lists; raises what the API raises, KeyError for another kind.
    Completion offers these, and suggestions (cli/suggest.py) pick the nearest among them."""
    if kind in CONTAINER_STATES or kind == "cp-path":
        return _containers(api, CONTAINER_STATES.get(kind))
    return _FETCH[kind](api)


def _containers(api, states):
    rows = api.containers.list(all=True, filters={"status": states} if states else None)
    return [(row["Names"][0].lstrip("/"), f"{_short_image(row.get('Image', ''))} · {row.get('Status', '')}")
            for row in rows if row.get("Names")]


def _short_image(image: str) -> str:
    """An image named by its ID as `ps` shows it (12 hex digits), any other reference as it is."""
    return image[7:19] if image.startswith("sha256:") else image


def _images(api):
    """repo:tag of every tagged image (no dangling or intermediate IDs), newest first."""
    rows = sorted(api.images.list(), key=lambda r: -(r.get("Created") or 0))
    return [(tag, row.get("Id", "")[7:19]) for row in rows for tag in row.get("RepoTags") or []
            if tag != "<none>:<none>"]


def _networks(api):
    return sorted((row["Name"], row.get("Driver", "")) for row in api.networks.list())


def _network_names(api):
    return [c for c in _networks(api) if c[0] not in ("bridge", "host", "none")]


def _volumes(api):
    return sorted((row["Name"], row.get("Driver", "")) for row in api.volumes.list().get("Volumes") or [])


def _spec_names(rows):
    return sorted(((row.get("Spec") or {}).get("Name", ""), row.get("ID", "")[:12]) for row in rows)


def _nodes(api):
    return sorted(((row.get("Description") or {}).get("Hostname", ""),
                   f"{row.get('ID', '')[:12]} {(row.get('Spec') or {}).get('Role', '')}") for row in api.nodes.list())


def _stacks(api):
    names = {((row.get("Spec") or {}).get("Labels") or {}).get(STACK_LABEL) for row in api.services.list()}
    return sorted((name, "") for name in names if name)


def _tasks(api):
    return sorted((row.get("ID", ""), (row.get("Status") or {}).get("State", "")) for row in api.tasks.list())


_FETCH = {
    "image": _images,
    "network": _networks,
    "network-mode": _network_names,
    "volume": _volumes,
    "node": _nodes,
    "service": lambda api: _spec_names(api.services.list()),
    "secret": lambda api: _spec_names(api.secrets.list()),
    "config": lambda api: _spec_names(api.configs.list()),
    "stack": _stacks,
    "task": _tasks,
    "object": lambda api: [*_containers(api, None), *_images(api), *_networks(api), *_volumes(api)],
}
