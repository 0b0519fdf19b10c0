"""Command groups (`pydock container …`): declarations only."""
from ..base import LazyGroup
from ..registry import (CONTAINER_ALIASES, CONTAINER_COMMANDS, NETWORK_ALIASES, NETWORK_COMMANDS, VOLUME_ALIASES,
                        VOLUME_COMMANDS)

container = LazyGroup("container", lazy=CONTAINER_COMMANDS, hidden_aliases=CONTAINER_ALIASES,
                      usage="container", help="Manage containers")
network = LazyGroup("network", lazy=NETWORK_COMMANDS, hidden_aliases=NETWORK_ALIASES, usage="network",
                    help="Manage networks")
volume = LazyGroup("volume", lazy=VOLUME_COMMANDS, hidden_aliases=VOLUME_ALIASES, usage="volume COMMAND",
                   help="Manage volumes")
