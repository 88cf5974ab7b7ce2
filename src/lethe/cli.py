"""Lethe's command line: ``lethe serve``, ``lethe check``, and the offline commands on the same
engine (``lethe anonymize``, ``lethe modify``: :mod:`lethe.offline`)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import socket
import sys

from lethe import NAME, __version__
from lethe.config import ConfigError, load_config
from lethe.offline.command import add_commands as add_offline_commands
from lethe.register_command import add_commands as add_register_commands
from lethe.store.index import IndexUnavailable

GIL_SWITCH_INTERVAL = 0.0005  # seconds (Python's default: 0.005)
LISTEN_BACKLOG = 2048  # uvicorn's default
SETTLE_SECONDS = 10.0
"""``lethe check``: files without index rows written more recently are not counted (an
upload or a job output is indexed moments after its file is complete)."""

log = logging.getLogger("lethe")


def _serve(args: argparse.Namespace) -> int:
    """Bind the HTTP port, open the store as its owner, then serve. A port that cannot be
    bound, or a storage that another process owns, is reported in one line before anything
    is touched or logged as listening (exit code 1)."""
    import uvicorn

    from lethe.api.app import create_app
    from lethe.jobs.pool import skip_read_validation
    from lethe.store.lock import FolderInUse

    config = load_config(args.config)
    host = "0.0.0.0" if config.RemoteAccessAllowed else config.HttpBindAddress
    if not config.RemoteAccessAllowed and host == "0.0.0.0":
        host = "127.0.0.1"
    try:
        sock = _listening_socket(host, config.HttpPort)
    except OSError as exc:
        print(f"lethe: {_bind_failure(exc, host, config.HttpPort)}", file=sys.stderr)
        return 1
    with sock:
        try:
            app = create_app(config, dicom_listener=True)
        except FolderInUse as exc:
            print(f"lethe: not started: {exc}", file=sys.stderr)
            return 1
        except ValueError as exc:  # a malformed "Dictionary" entry, for example
            raise ConfigError(str(exc)) from None
        # The event loop hands requests to threads that hold the GIL for long stretches
        # (index work, the pool's feeder); a shorter switch interval than Python's 5 ms
        # keeps a request from waiting that long for the interpreter.
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        skip_read_validation()  # the instance routes run the engine here, as the workers do
        app.state.pool.warm_up()
        log.info("%s %s listening on http://%s:%d", NAME, __version__, host, config.HttpPort)
        # proxy_headers off: as Orthanc, Lethe ignores X-Forwarded-For (a local client could
        # otherwise claim any address, in the remote-access rule and in RemoteIP).
        server = uvicorn.Server(uvicorn.Config(
            app, host=host, port=config.HttpPort, log_level=args.log_level,
            access_log=args.log_level == "debug", timeout_keep_alive=30, proxy_headers=False,
            backlog=LISTEN_BACKLOG))
        app.state.shutdown = lambda restart: _stop(server, app, restart)  # /tools/shutdown, reset
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: uvicorn shut down already
            server.run(sockets=[sock])
    if getattr(app.state, "restart", False):  # /tools/reset: the same command again
        log.warning("restarting, as POST /tools/reset asked")
        os.execv(sys.executable, [sys.executable, *sys.argv])
    return 0 if server.started else 1


def _stop(server: object, app: object, restart: bool) -> None:
    """Stop serving as Ctrl-C does (the store is closed, jobs are stopped); with
    ``restart``, then start again (``POST /tools/reset``)."""
    app.state.restart = restart  # type: ignore[attr-defined]
    server.should_exit = True  # type: ignore[attr-defined]


def _listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` as uvicorn binds one, and listening: the port is
    Lethe's from now on, and a client that connects before the server is ready waits for
    it. Raises ``OSError``."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(LISTEN_BACKLOG)
    except BaseException:
        sock.close()
        raise
    return sock


def _bind_failure(exc: OSError, host: str, port: int) -> str:
    """Why ``host:port`` cannot be bound, naming the configuration key to change."""
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} is already in use (HttpPort)"
    if exc.errno == errno.EACCES:
        return f"port {port} needs privileges that this process does not have (HttpPort)"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"address {host} is not one of this machine's (HttpBindAddress)"
    return f"cannot listen on {host}:{port} (HttpBindAddress, HttpPort): {exc.strerror}"


def _check(args: argparse.Namespace) -> int:
    """Compare the index and the storage area, and report (exit code 1 when they
    disagree). Without ``--repair`` it only reads, beside a running server or not; with
    ``--repair`` it first removes what the start-up of a server removes, which only the
    owner of the storage may do: it is refused while a server runs."""
    from lethe.store.lock import FolderInUse
    from lethe.store.store import Store

    config = load_config(args.config)
    try:
        store = (Store.open(config, exclusive=True) if args.repair
                 else Store.open_for_reading(config))
    except FolderInUse as exc:
        print(f"lethe: check --repair refused: {exc} (without --repair, lethe check only "
              "reads and may run beside it)", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"lethe: nothing to check: {exc}", file=sys.stderr)
        return 2
    try:
        orphans, missing = store.check(0.0 if args.repair else SETTLE_SECONDS)
        pending, temporary = store.pending_outputs(), store.temporary_files()
    finally:
        store.close()
    print(f"files without index rows: {len(orphans)}")
    print(f"index rows without files: {len(missing)}")
    print(f"outputs of unfinished jobs: {len(pending)}")
    print(f"temporary files: {len(temporary)}")
    for uuid in sorted(orphans):
        print(f"file without index row: {uuid}")
    for uuid in sorted(missing):
        print(f"index row without file: {uuid}")
    if not args.repair:
        print(f"Nothing was changed. Files written in the last {SETTLE_SECONDS:g} s are not "
              "counted as without index rows: an upload or a job output is indexed moments "
              "after its file is complete. While a server runs, temporary files are writes "
              "in progress and outputs of unfinished jobs belong to running jobs; the next "
              "start-up of a server, or lethe check --repair while none runs, removes them "
              "(but the outputs of saved jobs that resume) and the files without index "
              "rows.")
    return 1 if orphans or missing else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``lethe`` command."""
    parser = argparse.ArgumentParser(prog="lethe", description=f"{NAME} DICOM server")
    parser.add_argument("--version", action="version", version=f"{NAME} {__version__}")
    parser.add_argument("--log-level", default="info",
                        choices=["critical", "error", "warning", "info", "debug"])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the REST server")
    serve.add_argument("--config", help="Orthanc-style JSON configuration file")
    serve.set_defaults(run=_serve)
    check = commands.add_parser(
        "check", help="compare the index and the storage area, changing nothing")
    check.add_argument("--config", help="Orthanc-style JSON configuration file")
    check.add_argument("--repair", action="store_true",
                       help="first remove what an interrupted run left, as a server's "
                            "start-up does (refused while a server runs)")
    check.set_defaults(run=_check)
    add_offline_commands(commands)  # lethe anonymize, lethe modify
    add_register_commands(commands)  # lethe pseudonyms export|import
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``lethe`` command."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.run(args)
    except ConfigError as exc:
        print(f"lethe: configuration error: {exc}", file=sys.stderr)
        return 2
    except IndexUnavailable as exc:
        print(f"lethe: cannot open the index: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
