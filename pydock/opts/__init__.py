"""Option value parsers shared by run, create, exec, update and service commands.

Each parser takes the string a user typed and returns plain data for the Engine API, or raises
OptError with docker's wording. Nothing here knows about click or prints.
"""


class OptError(ValueError):
    """A value docker would refuse; str() is docker's message."""
