"""The process entry point (`python -m pydock` and the `pydock` script): SIGINT and SIGTERM are caught
before anything else is imported, with the builtin _signal (the cheapest way), so that a signal while
the CLI loads ends it as docker does: 128+signal, no traceback."""
import _signal


def main() -> None:
    """Run the CLI; never returns (sys.exit with the command's status)."""
    import sys

    if sys.argv[1:2] in (["__complete"], ["__completeNoDesc"]):  # a TAB: answered without click
        from .cli.completion.run import main as complete

        complete(sys.argv[2:], descriptions=sys.argv[1] == "__complete")
    early: list[int] = []

    def on_early_termination(signum, frame):
        early.append(signum)
        if len(early) == 1:
            raise KeyboardInterrupt(signum)

    for signum in (_signal.SIGINT, _signal.SIGTERM):
        _signal.signal(signum, on_early_termination)
    try:
        from .streams.signals import catch_termination

        catch_termination(early)
        from .cli.main import main as cli_main

        cli_main()
    except KeyboardInterrupt as exc:  # while loading; cli_main() handles its own
        import sys

        from .streams.signals import settle_for_exit

        settle_for_exit()
        sys.exit(getattr(exc, "status", 128 + (early[0] if early else _signal.SIGINT)))
