"""``lethe pseudonyms export|import --config F --key NAME FILE``: the pseudonym register of a
key (:mod:`lethe.store.pseudonyms`) to a file, or merged from one, without a server.

The index of the configuration is opened beside the server that owns it, if one runs
(:meth:`Store.open_for_reading`): the register's rows are the only ones written, and no
file of the storage area depends on them. Whoever may read the configuration and the index
may read the register: the credentials of ``PseudonymRegister.Users`` guard the HTTP
routes only.

Exit codes: 0 done; 1 an import refused (an entry contradicts the register: nothing was
imported); 2 a file, a document or a configuration that cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lethe.config import load_config
from lethe.store.pseudonyms import RegisterConflict, export_chunks, parse_document

if TYPE_CHECKING:
    from lethe.store.store import Store


def add_commands(commands: Any) -> None:
    """Add ``lethe pseudonyms`` to the sub-commands of the ``lethe`` parser."""
    parser = commands.add_parser(
        "pseudonyms", help="export or import the pseudonym register of a key")
    parser.add_argument("action", choices=["export", "import"])
    parser.add_argument("file", help="the JSON file written or read (export: - for the "
                                     "standard output)")
    parser.add_argument("--config", required=True, help="Orthanc-style JSON configuration "
                        "file (its index holds the register)")
    parser.add_argument("--key", required=True, help="the name of the pseudonymization key")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from lethe.store.store import Store

    config = load_config(args.config)
    try:
        store = Store.open_for_reading(config)
    except FileNotFoundError as exc:
        print(f"lethe: no register to {args.action}: {exc}", file=sys.stderr)
        return 2
    try:
        return (_export if args.action == "export" else _import)(store, args.key, args.file)
    finally:
        store.close()


def _export(store: Store, key_name: str, file: str) -> int:
    chunks = export_chunks(key_name, store.export_pseudonyms(key_name))
    if file == "-":
        sys.stdout.writelines(chunks)
        return 0
    count = 0
    with Path(file).open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(chunk)
            count += 1
    print(f"{max(count - 2, 0)} entries of key {key_name!r} written to {file}")
    return 0


def _import(store: Store, key_name: str, file: str) -> int:
    try:
        entries = parse_document(json.loads(Path(file).read_text(encoding="utf-8")), key_name)
    except OSError as exc:
        print(f"lethe: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return 2
    except ValueError as exc:  # JSON errors too
        print(f"lethe: {file}: {exc}", file=sys.stderr)
        return 2
    try:
        counts = store.import_pseudonyms(key_name, entries)
    except RegisterConflict as exc:
        print(f"lethe: nothing was imported: {exc}", file=sys.stderr)
        return 1
    print(f"key {key_name!r}: {counts.added} entries added, {counts.known} already known, "
          f"{counts.completed} completed")
    return 0
