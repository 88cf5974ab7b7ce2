"""``lethe anonymize SRC DST`` and ``lethe modify SRC DST``: the command line of offline runs.

Both take what the REST routes take, as a JSON body in ``--request FILE`` (``Keep``,
``Replace``, ``Remove``...), and the common ones as flags: ``--profile`` (``DicomVersion``),
``--options`` (PS3.15 options), ``--dry-run``, ``--verify``, ``--allow-burned-in``. The key
comes from ``--key NAME`` (a key of ``PseudonymizationKeys`` in ``--config``) or
``--key-file F`` (a file holding the secret); without either, the run draws its own.
``--jobs N`` worker processes (default: one per core). Exit code 0 when every input was
written (or planned), 1 when some were refused or failed, 2 for a bad command.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from lethe.config import ConfigError, load_config
from lethe.errors import LetheError


def add_commands(commands: Any) -> None:
    """Add ``anonymize`` and ``modify`` to the ``lethe`` parser's sub-commands."""
    for name, text in (("anonymize", "anonymize DICOM files offline (folder, ZIP, DICOMDIR)"),
                       ("modify", "modify DICOM files offline (folder, ZIP, DICOMDIR)")):
        sub = commands.add_parser(name, help=text, description=__doc__.split("\n\n")[0])
        sub.add_argument("source", type=Path, help="a folder, a ZIP file or a DICOMDIR")
        sub.add_argument("destination", type=Path, help="the output folder")
        sub.add_argument("--request", type=Path,
                         help="JSON body of the REST request (Keep, Replace, Remove...)")
        if name == "anonymize":
            sub.add_argument("--profile", help="DicomVersion: 2008, 2017c, 2021b, 2023b")
            sub.add_argument("--options", nargs="+", default=None, metavar="OPTION",
                             help="PS3.15 options (RetainSafePrivate, "
                                  "RetainLongitudinalModifiedDates, ...; commas allowed)")
            sub.add_argument("--allow-burned-in", action="store_true",
                             help="with --verify, anonymize instances whose pixels may "
                                  "show text")
        sub.add_argument("--config", help="Orthanc-style configuration file "
                                          "(PseudonymizationKeys, UidRoot, Dictionary)")
        keys = sub.add_mutually_exclusive_group()
        keys.add_argument("--key", help="name of a key of PseudonymizationKeys in --config")
        keys.add_argument("--key-file", type=Path, help="file holding the project secret")
        sub.add_argument("--dry-run", action="store_true",
                         help="write nothing but the plan (lethe-plan.json) and the report")
        sub.add_argument("--verify", action="store_true",
                         help="check every output for identifying values of its source")
        sub.add_argument("--jobs", type=int, default=0,
                         help="worker processes (default 0: one per core)")
        sub.add_argument("--report", type=Path,
                         help="folder of lethe-report.json/.txt (default: DESTINATION)")
        sub.add_argument("--quiet", action="store_true", help="no progress line")
        sub.set_defaults(run=offline_command, anonymize=name == "anonymize")


def _body(args: argparse.Namespace) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if args.request is not None:
        loaded = json.loads(args.request.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise ValueError(f"{args.request}: the request must be a JSON object")
        body.update(loaded)
    if args.anonymize:
        if args.profile:
            body["DicomVersion"] = args.profile
        if args.options is not None:
            body["Options"] = [o for item in args.options for o in item.split(",") if o]
        if args.allow_burned_in:
            body["AllowBurnedInAnnotation"] = True
    if args.dry_run:
        body["DryRun"] = True
    if args.verify:
        body["Verify"] = True
    body.pop("PseudonymizationKey", None)  # the command line names its key with --key
    return body


def offline_command(args: argparse.Namespace) -> int:
    """Run ``lethe anonymize`` or ``lethe modify`` (see the module docstring)."""
    # Imported here: the engine (pydicom) is not needed to build the parser. The imports
    # create objects by the hundred thousand and free none: the collector pauses meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from lethe.dicom.profiles import DEFAULT_DICOM_VERSION
        from lethe.dicom.pseudonyms import read_key_file
        from lethe.offline.report import Progress, summary, write_report
        from lethe.offline.run import RunSettings, run
        from lethe.offline.sources import find_sources
    finally:
        if collecting:
            gc.enable()

    try:
        config = load_config(args.config)
        secret, label = None, "drawn for this run"
        if args.key is not None:
            secret = config.PseudonymizationKeys.get(args.key)
            if secret is None:
                raise ValueError(f"--key {args.key!r}: no such key in PseudonymizationKeys"
                                 f"{' of ' + args.config if args.config else ' (no --config)'}")
            label = f"{args.key} (configuration)"
        elif args.key_file is not None:
            secret, label = read_key_file(args.key_file), "from a key file"
        jobs = args.jobs or os.cpu_count() or 1
        settings = RunSettings(args.anonymize, _body(args), secret, label, config.UidRoot,
                               jobs, dict(config.Dictionary), config.LoadPrivateDictionary)
        sources = find_sources(args.source)
    except (ConfigError, ValueError, OSError) as exc:
        print(f"lethe: {exc}", file=sys.stderr)
        return 2
    progress = Progress(len(sources), sum(s.size for s in sources), enabled=not args.quiet)
    start = time.monotonic()
    try:
        outcomes, skipped = run(settings, sources, args.destination, progress)
    except LetheError as exc:
        print(f"lethe: bad request: {exc.details or exc.code.description}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"lethe: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        progress.finish()
        print("lethe: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    progress.finish()
    described = {"Command": "anonymize" if args.anonymize else "modify",
                 "Source": str(args.source), "Destination": str(args.destination),
                 "DicomVersion": (settings.body.get("DicomVersion", DEFAULT_DICOM_VERSION)
                                  if args.anonymize else None),
                 "Options": settings.body.get("Options"), "Key": label,
                 "DryRun": bool(args.dry_run), "Verify": bool(args.verify), "Jobs": jobs}
    report = summary(outcomes, skipped, time.monotonic() - start, described)
    paths = write_report(args.report or args.destination, report, outcomes)
    print(paths[1].read_text(encoding="utf-8"), end="")
    return 1 if report["Refused"] or report["Failed"] else 0
