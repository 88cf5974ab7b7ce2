"""Waiting for a job through the REST API, as a client polls it."""

from __future__ import annotations

import time
from typing import Any


def wait_for_job(client: Any, job_id: str, timeout: float = 60.0) -> dict:
    """The job's JSON once it ended (``Success`` or ``Failure``), polling ``GET /jobs/{id}``
    with ``client`` (an httpx client or a TestClient); AssertionError after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/jobs/{job_id}").json()
        if job["State"] in ("Success", "Failure"):
            return job
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not end within {timeout} s")
