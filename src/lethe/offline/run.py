"""An offline run: one parsed request applied to every input file, in worker processes.

The engine is the server's (:func:`lethe.dicom.modify_file.modify_file`, or
:func:`lethe.dicom.proof.modify_file_verified` with ``Verify``), with the same context
(:class:`~lethe.dicom.engine.ModificationContext`: a keyed mapper, Lethe's name and version), so
that a run with a project key writes byte for byte what a server with the same key stores.
Without a key, the run draws one (as a server draws one per job), keeps it in its state folder
until the run is complete, so that a resumed run gives the same pseudonyms, then forgets it.

Where outputs go: an anonymization writes ``DST/<StudyInstanceUID>/<SeriesInstanceUID>/
<SOPInstanceUID>.dcm`` (new UIDs: no source name, which may hold a patient's name, reaches the
output); a modification keeps each file's name (its path under the source). Each output is
written under a temporary name, then renamed.

Resuming: ``DST/.lethe-state/`` holds the request, the key of a keyless run and a journal of
the inputs done. A run that finds it skips the inputs already done (a request that differs is
refused); a run that completes removes it.

Workers take the inputs in batches of up to :data:`BATCH_FILES` (fewer when the run is short,
so that every worker gets several), which keeps the main process and the pipes between the
processes nearly idle; an input is recorded as done when its batch is. Memory stays flat: each
worker holds one input at a time (a file's pixel data is copied by the kernel or in chunks, never
held whole; a ZIP member is read whole), and at most :data:`WINDOW_PER_WORKER` batches per
worker are in flight.
"""

from __future__ import annotations

import gc
import io
import itertools
import json
import multiprocessing
import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from lethe import NAME, __version__
from lethe.dicom.engine import ModificationContext
from lethe.dicom.modify_file import modify_file
from lethe.dicom.part10 import read_header
from lethe.dicom.plan import plan_instance
from lethe.dicom.proof import modify_file_verified
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import TagDictionary
from lethe.dicom.uids import UidMapper
from lethe.errors import LetheError
from lethe.offline.sources import STATE_FOLDER, SourceFile

BATCH_FILES = 16
BATCHES_PER_WORKER = 4  # a short run is cut so that each worker gets at least this many
WINDOW_PER_WORKER = 2
STATE_VERSION = 1


@dataclass(frozen=True)
class RunSettings:
    """What an offline run is asked to do.

    ``body`` is the JSON body of the equivalent REST request (``DicomVersion``, ``Options``,
    ``Keep``, ``Replace``, ``DryRun``, ``Verify``...); ``secret`` the project secret (None:
    a key drawn for this run); ``key_label`` how the report names the key (never the
    secret).
    """

    anonymize: bool
    body: dict[str, Any]
    secret: str | None
    key_label: str
    uid_root: str = "2.25"
    jobs: int = 1
    dictionary: dict[str, Any] = field(default_factory=dict)
    load_private_dictionary: bool = True

    def tags(self) -> TagDictionary:
        """The tag dictionary of the run (the configuration's ``Dictionary``)."""
        return TagDictionary.from_config(self.dictionary, self.load_private_dictionary)


@dataclass(frozen=True)
class Outcome:
    """What became of one input: ``status`` is ``written``, ``planned``, ``refused`` (the
    request or Verify refused it), ``not-dicom`` or ``failed``; ``output`` the output name;
    ``detail`` the reason (never a value of the file)."""

    name: str
    status: str
    size: int
    output: str | None = None
    detail: str | None = None
    plan: dict[str, Any] | None = None


@dataclass
class _Worker:
    request: ModificationRequest
    context: ModificationContext
    destination: Path
    folders: set[Path] = field(default_factory=set)  # output folders known to exist
    temporaries: Iterator[int] = field(default_factory=itertools.count)


_worker: _Worker | None = None


def _init_worker(settings: RunSettings, key: bytes, destination: str) -> None:
    """Set up a worker process (or the main process of a one-worker run)."""
    global _worker
    request = ModificationRequest.parse(settings.body, anonymize=settings.anonymize,
                                        tags=settings.tags())
    mapper = UidMapper(key, settings.uid_root)
    context = ModificationContext(mapper, None, f"{NAME} {__version__}", pseudonyms=True)
    _worker = _Worker(request, context, Path(destination))


def _process_batch(batch: list[SourceFile]) -> list[Outcome]:
    """Apply the request to each input of ``batch``, in order (the task of a worker)."""
    return [_process(source) for source in batch]


def _process(source: SourceFile) -> Outcome:
    """Apply the request to one input and write its output (or plan it)."""
    worker = _worker
    assert worker is not None, "worker not initialised"
    try:
        stream: BinaryIO = (open(source.path, "rb") if source.member is None  # noqa: SIM115
                            else io.BytesIO(source.read()))
    except (OSError, KeyError) as exc:
        return Outcome(source.name, "failed", source.size, detail=f"cannot read: {exc}")
    with stream:
        preamble = stream.read(132)
        stream.seek(0)
        if len(preamble) < 132 or preamble[128:132] != b"DICM":
            return Outcome(source.name, "not-dicom", source.size, detail="not a DICOM file")
        return _apply(worker, source, stream)


def _apply(worker: _Worker, source: SourceFile, stream: BinaryIO) -> Outcome:
    request = worker.request
    temporary = worker.destination / f".lethe-{os.getpid()}-{next(worker.temporaries)}.tmp"
    try:
        if request.dry_run:
            plan = plan_instance(read_header(stream).dataset, request, worker.context)
            return Outcome(source.name, "planned", source.size, plan=plan.as_json())
        with open(temporary, "wb") as out:
            if request.verify:
                dataset = modify_file_verified(stream, out, request, worker.context,
                                               allow_burned_in=request.allow_burned_in)
            else:
                dataset = modify_file(stream, out, request, worker.context)
    except LetheError as exc:
        temporary.unlink(missing_ok=True)
        return Outcome(source.name, "refused", source.size, detail=exc.details)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    name = _output_name(source, dataset, request.anonymize)
    target = worker.destination / name
    if target.parent not in worker.folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        worker.folders.add(target.parent)
    os.replace(temporary, target)
    return Outcome(source.name, "written", source.size, output=name)


def _output_name(source: SourceFile, dataset: Any, anonymize: bool) -> str:
    if not anonymize:
        return source.name
    parts = [str(dataset.get(tag).value if dataset.get(tag) is not None else "") or "unknown"
             for tag in (0x0020000D, 0x0020000E, 0x00080018)]
    return f"{parts[0]}/{parts[1]}/{parts[2]}.dcm"


class RunState:
    """The state folder of a run in ``destination`` (see the module docstring)."""

    def __init__(self, destination: Path, settings: RunSettings) -> None:
        self.folder = destination / STATE_FOLDER
        self.settings = settings
        self._journal: io.TextIOWrapper | None = None

    def open(self) -> tuple[bytes, set[str]]:
        """Start or resume: the run's key and the names already done.

        Raises
        ------
        ValueError
            When the folder holds an unfinished run of another request.
        """
        described = {"Version": STATE_VERSION, "Anonymize": self.settings.anonymize,
                     "Body": self.settings.body, "Key": self.settings.key_label,
                     "UidRoot": self.settings.uid_root}
        request_file = self.folder / "request.json"
        done: set[str] = set()
        if request_file.exists():
            if json.loads(request_file.read_text(encoding="utf-8")) != described:
                raise ValueError(f"{self.folder.parent} holds an unfinished run of another "
                                 f"request: finish it, or remove {self.folder} to start anew")
            journal = self.folder / "journal"
            if journal.exists():
                done = set(journal.read_text(encoding="utf-8").splitlines())
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            request_file.write_text(json.dumps(described, sort_keys=True), encoding="utf-8")
        key = self._key()
        self._journal = open(self.folder / "journal", "a", encoding="utf-8")  # noqa: SIM115
        return key, done

    def _key(self) -> bytes:
        if self.settings.secret is not None:
            from lethe.dicom.pseudonyms import key_from_secret

            return key_from_secret(self.settings.secret)
        key_file = self.folder / "key"
        if key_file.exists():
            return bytes.fromhex(key_file.read_text(encoding="ascii"))
        key = secrets.token_bytes(32)
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as out:
            out.write(key.hex())
        return key

    def done(self, names: list[str]) -> None:
        """Record that the inputs ``names`` are done (flushed at once)."""
        assert self._journal is not None
        self._journal.write("".join(name + "\n" for name in names))
        self._journal.flush()

    def close(self, complete: bool) -> None:
        """Close the journal; a complete run removes the state folder (and its key)."""
        if self._journal is not None:
            self._journal.close()
        if complete:
            shutil.rmtree(self.folder, ignore_errors=True)


def run(settings: RunSettings, sources: list[SourceFile], destination: Path,
        progress: Callable[[Outcome], None] | None = None) -> tuple[list[Outcome], int]:
    """Apply ``settings`` to ``sources``, writing into ``destination``.

    Parameters
    ----------
    settings : RunSettings
        The request and how to run it.
    sources : list of SourceFile
        The inputs (:func:`lethe.offline.sources.find_sources`).
    destination : pathlib.Path
        The output folder (created if needed).
    progress : callable, optional
        Called with each outcome as it arrives (in completion order).

    Returns
    -------
    (list of Outcome, int)
        The outcome of each input processed now, and how many inputs were skipped because
        an earlier, interrupted run had done them.

    Raises
    ------
    lethe.errors.LetheError
        When the request itself is invalid (nothing is written).
    ValueError
        When ``destination`` holds an unfinished run of another request.
    """
    ModificationRequest.parse(settings.body, anonymize=settings.anonymize,
                              tags=settings.tags())  # fail early
    destination.mkdir(parents=True, exist_ok=True)
    dry_run = bool(settings.body.get("DryRun"))
    state = None if dry_run else RunState(destination, settings)
    if state is not None:
        key, done = state.open()
    else:
        key, done = secrets.token_bytes(32), set()
    todo = [source for source in sources if source.name not in done]
    outcomes: list[Outcome] = []

    def record(batch: list[Outcome]) -> None:
        outcomes.extend(batch)
        if state is not None:
            state.done([outcome.name for outcome in batch])
        if progress is not None:
            for outcome in batch:
                progress(outcome)

    complete = False
    try:
        if settings.jobs <= 1:
            _init_worker(settings, key, str(destination))
            for source in todo:
                record([_process(source)])
        else:
            _run_pool(settings, key, destination, todo, record)
        complete = True
    finally:
        if state is not None:
            state.close(complete)
    return outcomes, len(sources) - len(todo)


def _run_pool(settings: RunSettings, key: bytes, destination: Path, todo: list[SourceFile],
              record: Callable[[list[Outcome]], None]) -> None:
    window = WINDOW_PER_WORKER * settings.jobs
    batches = _batches(todo, settings.jobs)
    # Workers are forked (the command line has no other thread): they start with the engine
    # loaded. Python's advice for a fork without exec: what they inherit (modules, the
    # engine's tables) leaves the collector's view, so that their collections neither copy
    # nor scan it (nor does the interpreter's exit).
    gc.freeze()
    with ProcessPoolExecutor(settings.jobs, multiprocessing.get_context("fork"),
                             initializer=_init_worker,
                             initargs=(settings, key, str(destination))) as pool:
        pending: set[Future[list[Outcome]]] = set()
        position = 0
        while position < len(batches) or pending:
            while position < len(batches) and len(pending) < window:
                pending.add(pool.submit(_process_batch, batches[position]))
                position += 1
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                record(future.result())


def _batches(todo: list[SourceFile], jobs: int) -> list[list[SourceFile]]:
    """``todo`` cut into batches of at most :data:`BATCH_FILES` inputs, and small enough that
    each of the ``jobs`` workers gets :data:`BATCHES_PER_WORKER` of them when it can."""
    size = max(1, min(BATCH_FILES, -(-len(todo) // (jobs * BATCHES_PER_WORKER))))
    return [todo[start:start + size] for start in range(0, len(todo), size)]


def elapsed_since(start: float) -> float:
    """Seconds since ``start`` (``time.monotonic()``)."""
    return time.monotonic() - start
