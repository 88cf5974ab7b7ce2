"""The fuzzing harness shared by ``test_fuzz_dicom.py`` and ``tools/fuzz_dicom.py``.

:class:`FuzzTarget` sends one hostile file to a running Lethe server, and
when the server stores it, reads it back through every instance route,
modifies and anonymizes it (instance routes and a series-level anonymize
job), then deletes what was created. Every answer must be a 2xx, or a 4xx
carrying Orthanc's JSON error body; a 5xx, a malformed error, a timeout (a
hang), a dead server, or a stored file that does not come back byte for
byte are problems. :func:`peak_memory` reads the server's peak resident
memory (its own and its worker processes') from ``/proc``; :func:`limit_memory`
caps it.
"""

from __future__ import annotations

import contextlib
import resource
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.robustness.dicom_mutations import Chooser

ERROR_FIELDS = ("HttpError", "HttpStatus", "Message", "Method", "OrthancError",
                "OrthancStatus", "Uri")
# What the modify and anonymize routes receive, chosen per input.
MODIFY_BODIES = (
    {"Replace": {"PatientName": "Zoë^Δημήτρης", "StudyDescription": "日本語"}},
    {"Remove": ["StudyDescription", "ReferencedImageSequence"], "RemovePrivateTags": True},
    {"Replace": {"ReferencedImageSequence[*].ReferencedSOPInstanceUID": "1.2.3"}},
    {"Replace": {"InstitutionName": "\u202eevil\u0000"}, "Force": True},
    {"Transcode": "1.2.840.10008.1.2"},
    {"Keep": ["SOPInstanceUID"], "Force": True},
)
ANONYMIZE_BODIES = (
    {},
    {"KeepPrivateTags": True, "DicomVersion": "2017c"},
    {"Keep": ["StudyDescription", "ReferencedImageSequence"]},
    {"Replace": {"PatientName": "Ünïcödé"}, "Remove": ["InstitutionName"]},
)
READ_ROUTES = ("", "/file", "/tags", "/tags?simplify", "/tags?short", "/simplified-tags",
               "/header", "/content", "/content/0010-0010", "/content/0008-1140/0",
               "/metadata?expand", "/statistics", "/series", "/study", "/patient")


@dataclass
class FuzzTarget:
    """A running server under fuzzing, and what it answered so far."""

    url: str
    timeout: float = 30.0
    statuses: Counter = field(default_factory=Counter)
    requests: int = 0
    stored: int = 0

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.url, timeout=self.timeout)

    def close(self) -> None:
        self.client.close()

    def exercise(self, data: bytes, chooser: Chooser) -> list[str]:
        """Send ``data`` and, if it is stored, work on it; return the problems seen."""
        problems: list[str] = []
        answer = self._call(problems, "POST", "/instances", content=data)
        if answer is None or answer.status_code != 200:
            return problems
        body = answer.json()
        if not isinstance(body, dict) or "ID" not in body:
            return problems + [f"POST /instances: unexpected answer {body!r:.200}"]
        self.stored += 1
        instance, series = body["ID"], body["ParentSeries"]
        try:
            self._read_back(problems, instance, data if body["Status"] == "Success" else None)
            self._call(problems, "POST", f"/instances/{instance}/modify",
                       json=chooser.choice(MODIFY_BODIES))
            self._call(problems, "POST", f"/instances/{instance}/anonymize",
                       json=chooser.choice(ANONYMIZE_BODIES))
            job = self._call(problems, "POST", f"/series/{series}/anonymize",
                             json=chooser.choice(ANONYMIZE_BODIES))
            if job is not None and job.status_code == 200:
                self._call(problems, "DELETE", f"/patients/{job.json()['PatientID']}")
        finally:
            self._call(problems, "DELETE", f"/instances/{instance}")
        gone = self._call(problems, "GET", f"/instances/{instance}")
        if gone is not None and gone.status_code != 404:
            problems.append(f"instance {instance} still answers {gone.status_code} after DELETE")
        return problems

    def _read_back(self, problems: list[str], instance: str, sent: bytes | None) -> None:
        for route in READ_ROUTES:
            answer = self._call(problems, "GET", f"/instances/{instance}{route}")
            if route == "/file" and answer is not None and sent is not None \
                    and answer.status_code == 200 and answer.content != sent:
                problems.append(f"GET /instances/{instance}/file: not the bytes sent "
                                f"({len(answer.content)} bytes back, {len(sent)} sent)")

    def _call(self, problems: list[str], method: str, path: str,
              **kwargs) -> httpx.Response | None:
        """One request; its problems appended. None when no answer came."""
        self.requests += 1
        try:
            answer = self.client.request(method, path, **kwargs)
        except httpx.TimeoutException:
            problems.append(f"{method} {path}: no answer within {self.timeout} s")
            return None
        except httpx.TransportError as exc:
            problems.append(f"{method} {path}: connection failed ({type(exc).__name__})")
            return None
        self.statuses[answer.status_code] += 1
        problem = answer_problem(answer)
        if problem:
            problems.append(f"{method} {path}: {problem}")
        if answer.status_code >= 500:  # the server closes the connection after a 500
            self.client.close()
            self.client = httpx.Client(base_url=self.url, timeout=self.timeout)
        return answer


def answer_problem(answer: httpx.Response) -> str | None:
    """What is wrong with an answer: a 5xx, or a 4xx without Orthanc's error body."""
    status = answer.status_code
    if status >= 500:
        return f"{status} {answer.text[:300]!r}"
    if status < 400:
        return None
    try:
        body = answer.json()
    except ValueError:
        return f"{status} without a JSON body: {answer.text[:100]!r}"
    if not isinstance(body, dict) or any(k not in body for k in ERROR_FIELDS):
        return f"{status} without Orthanc's error fields: {body!r:.200}"
    if body["HttpStatus"] != status or not answer.headers.get("content-type", "")\
            .startswith("application/json"):
        return f"{status} with a mismatched error body or type: {body!r:.200}"
    return None


def limit_memory(pid: int, limit: int) -> None:
    """Cap the address space of the running process ``pid`` (and of the processes it
    starts later) at ``limit`` bytes, so that a runaway allocation fails with MemoryError
    inside the server instead of calling the machine's OOM killer."""
    resource.prlimit(pid, resource.RLIMIT_AS, (limit, limit))


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (worker pools included)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):  # the task ended meanwhile
                queue += [int(c) for c in (task / "children").read_text().split()]
    return found


def peak_memory(pid: int) -> int:
    """The largest peak resident size (VmHWM, bytes) among ``pid`` and its descendants."""
    peak = 0
    for process in descendants(pid):
        try:
            status = Path(f"/proc/{process}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) * 1024)
    return peak
