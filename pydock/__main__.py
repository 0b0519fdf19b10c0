"""`python -m pydock`. SIGINT and SIGTERM are caught before anything else is imported (with the
builtin _signal, the cheapest way): a signal while the CLI loads must end it as docker does, with
128+signal and no traceback."""
import _signal

_early: list[int] = []


def _on_early_termination(signum, frame):
    _early.append(signum)
    if len(_early) == 1:
        raise KeyboardInterrupt(signum)


for _signum in (_signal.SIGINT, _signal.SIGTERM):
    _signal.signal(_signum, _on_early_termination)
try:
    from .streams.signals import catch_termination

    catch_termination(_early)
    from .cli.main import main

    main()
except KeyboardInterrupt as exc:  # while loading; main() handles its own
    import sys

    from .streams.signals import settle_for_exit

    settle_for_exit()
    sys.exit(getattr(exc, "status", 128 + (_early[0] if _early else _signal.SIGINT)))
