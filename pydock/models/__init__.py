"""The docker-py-shaped Python API: one module per kind, each a Model and a Collection (docker-py's models/).

DockerClient (pydock.client) holds one Collection per kind: `client.containers`, `client.images`,
`client.networks`, `client.volumes`. Collections create, get and list Models; a Model's `attrs` is
the engine's data for the object, and its methods act on it. Everything goes through pydock.api.
"""
