"""Option value parsers shared by run, create, exec, update and service commands.

Each parser takes the string a user typed and returns plain data for the Engine API, or raises
OptError with docker's wording. Nothing here knows about click or prints.
"""


from ..golang.strconv import NumError

# One class for docker's option errors and the Go strconv errors its parsers pass on, so that a
# parser catches both with `except OptError`; str() is the message docker prints.
OptError = NumError
