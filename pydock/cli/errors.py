"""Exit statuses and the errors that carry them, decided in one place.

Nothing deep in the code exits the process: a command raises StatusError(message, status) and
cli.main prints the message (one line per failure) on stderr and exits with the status.
"""
from __future__ import annotations

SUCCESS = 0
FAILURE = 1
TEMPLATE_ERROR = 64  # a --format that does not parse in inspect, version and info
FLAG_ERROR = 125  # also: the engine or client failed in `run`
CANNOT_INVOKE = 126
NOT_FOUND = 127
INTERRUPTED = 130


class StatusError(Exception):
    """End the command with `status`, printing `message` (if any) on stderr."""

    def __init__(self, message: str = "", status: int = FAILURE):
        super().__init__(message)
        self.message = message
        self.status = status


class UsageFailure(StatusError):
    """A command-line mistake, printed with the command's usage line as docker does."""

    def __init__(self, message: str, command_path: str, usage: str, status: int, verb: str = "Run",
                 typed: str = "", candidates: tuple[str, ...] = ()):
        super().__init__(message, status)
        self.command_path = command_path
        self.usage = usage
        self.verb = verb
        # an unknown command or flag and the words that were possible there (cli/suggest.py's hint)
        self.typed = typed
        self.candidates = candidates

    def render(self) -> str:
        lines = [self.message, ""]
        if self.usage:
            lines += [f"Usage:  {self.usage}", ""]
        lines.append(f"{self.verb} '{self.command_path} --help' for more information")
        return "\n".join(lines)


def template_error(exc: Exception, status: int = FAILURE) -> StatusError:
    """A --format that failed to parse or run (TemplateParseError/TemplateExecError, both ValueError):
    docker's `template parsing error: <Go's message>`, exit 1 for listings, TEMPLATE_ERROR (64) where
    inspect, version and info refuse a template that does not parse."""
    from ..golang.template import template_parsing_error

    return StatusError(template_parsing_error(exc), status)
