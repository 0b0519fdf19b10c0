"""Command groups (`pydock container …`): declarations only."""
from ..base import LazyGroup
from ..registry import CONTAINER_ALIASES, CONTAINER_COMMANDS, SYSTEM_COMMANDS

container = LazyGroup("container", lazy=CONTAINER_COMMANDS, hidden_aliases=CONTAINER_ALIASES,
                      usage="container", help="Manage containers")

system = LazyGroup("system", lazy=SYSTEM_COMMANDS, usage="system", help="Manage Docker")
