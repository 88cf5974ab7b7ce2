"""Lethe's command line: ``lethe serve`` and offline commands on the same engine."""

from __future__ import annotations

import argparse
import logging
import sys

from lethe import NAME, __version__
from lethe.config import ConfigError, load_config

GIL_SWITCH_INTERVAL = 0.0005  # seconds (Python's default: 0.005)

log = logging.getLogger("lethe")


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from lethe.api.app import create_app

    config = load_config(args.config)
    try:
        app = create_app(config)
    except ValueError as exc:  # a malformed "Dictionary" entry, for example
        raise ConfigError(str(exc)) from None
    # The event loop hands requests to threads that hold the GIL for long stretches (index
    # work, the pool's feeder); a shorter switch interval than Python's 5 ms keeps a request
    # from waiting that long for the interpreter.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    host = "0.0.0.0" if config.RemoteAccessAllowed else config.HttpBindAddress
    if not config.RemoteAccessAllowed and host == "0.0.0.0":
        host = "127.0.0.1"
    app.state.pool.warm_up()
    log.info("%s %s listening on http://%s:%d", NAME, __version__, host, config.HttpPort)
    # proxy_headers off: as Orthanc, Lethe ignores X-Forwarded-For (a local client could
    # otherwise claim any address, in the remote-access rule and in RemoteIP).
    uvicorn.run(app, host=host, port=config.HttpPort, log_level=args.log_level,
                access_log=args.log_level == "debug", timeout_keep_alive=30,
                proxy_headers=False)
    return 0


def _check(args: argparse.Namespace) -> int:
    from lethe.store.store import Store

    store = Store.open(load_config(args.config))
    orphan_files, missing_files = store.check()
    print(f"files without index rows: {len(orphan_files)}")
    print(f"index rows without files: {len(missing_files)}")
    store.close()
    return 1 if orphan_files or missing_files else 0


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
    check = commands.add_parser("check", help="compare the index and the storage area")
    check.add_argument("--config", help="Orthanc-style JSON configuration file")
    check.set_defaults(run=_check)
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


if __name__ == "__main__":
    sys.exit(main())
