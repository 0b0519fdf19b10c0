"""Command groups (`pydock container …`): declarations only."""
from ..base import LazyGroup
from ..registry import CONTAINER_ALIASES, CONTAINER_COMMANDS, IMAGE_ALIASES, IMAGE_COMMANDS

container = LazyGroup("container", lazy=CONTAINER_COMMANDS, hidden_aliases=CONTAINER_ALIASES,
                      usage="container", help="Manage containers")
image = LazyGroup("image", lazy=IMAGE_COMMANDS, hidden_aliases=IMAGE_ALIASES, usage="image",
                  help="Manage images")
