"""The DICOM network steps: C-STORE received from DCMTK's storescu (one association, and
four at once), and ``/modalities/{m}/store`` of every study to a storescp.

The receiving steps run on empty storage (right after ``delete``) and empty it again
afterwards, outside the timing. The sending step's storescp (``--ignore``: it receives and
throws away) and the storescu run with ``TCP_NODELAY`` (DCMTK's switch for it): without it,
DCMTK waits for delayed acknowledgements, and every server would measure 40 ms an instance
of waiting. The steps
need DCMTK (``apt-get install -y dcmtk``); without it they fail with a message saying so.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from benchmarks.servers import free_port
from benchmarks.steps import Run, StepFailed

RECEIVER_AET = "BENCHSCP"


def _require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        raise StepFailed(f"{program} is not installed (apt-get install -y dcmtk)")
    return found


def _storescu(run: Run, threads: int) -> list[float]:
    storescu = _require("storescu")
    files = [str(path) for path in run.dataset.files]
    port = str(run.server.dicom_port)

    def send(part: int) -> subprocess.CompletedProcess:
        return subprocess.run([storescu, "-aet", "BENCHSCU", "127.0.0.1", port,
                               *files[part::threads]], capture_output=True, text=True,
                              env={**os.environ, "TCP_NODELAY": "1"})

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        done = list(pool.map(send, range(threads)))
    elapsed = time.perf_counter() - start
    for result in done:
        if result.returncode != 0 or "E: " in result.stderr:
            raise StepFailed(f"{run.server.label}: storescu failed: {result.stderr[-500:]}")
    stored = run.get_json("/instances")
    if len(stored) != len(files):
        raise StepFailed(f"{run.server.label}: {len(stored)} instances stored by C-STORE, "
                         f"{len(files)} sent")
    for study in run.get_json("/studies"):  # empty again, untimed
        run.client.delete(f"/studies/{study}")
    return [elapsed]


def cstore_one_association(run: Run) -> list[float]:
    return _storescu(run, 1)


def cstore_four_associations(run: Run) -> list[float]:
    return _storescu(run, 4)


def modality_store(run: Run) -> list[float]:
    """``/modalities/bench/store`` of every study (one synchronous job) to a storescp."""
    storescp = _require("storescp")
    port = free_port()
    receiver = subprocess.Popen([storescp, "-aet", RECEIVER_AET, "--ignore", str(port)],
                                env={**os.environ, "TCP_NODELAY": "1"},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, receiver)
        answer = run.client.put("/modalities/bench", json=[RECEIVER_AET, "127.0.0.1", port])
        if answer.status_code != 200:
            raise StepFailed(f"{run.server.label}: PUT /modalities/bench answered "
                             f"{answer.status_code}")
        start = time.perf_counter()
        sent = run.post("/modalities/bench/store", {"Resources": run.originals.studies})
        elapsed = time.perf_counter() - start
    finally:
        receiver.terminate()
        receiver.wait()
    count = sent.json().get("InstancesCount")
    if count != len(run.originals.instances) or sent.json().get("FailedInstancesCount"):
        raise StepFailed(f"{run.server.label}: {count} instances sent, "
                         f"{len(run.originals.instances)} expected")
    return [elapsed]


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StepFailed("storescp did not start")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise StepFailed(f"storescp did not listen on port {port}")
