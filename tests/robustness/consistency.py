"""Does the index agree with the storage area? Helpers for the crash, soak and fuzz tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

TMP_SUFFIX = ".tmp"


def storage_files(storage: Path) -> dict[str, Path]:
    """The complete files of a storage area, by UUID (temporary files left out)."""
    return {p.name: p for p in storage.glob("??/??/*")
            if p.is_file() and not p.name.endswith(TMP_SUFFIX)}


def temporary_files(storage: Path) -> list[Path]:
    """Files left half-written in a storage area."""
    return sorted(storage.glob("??/??/*" + TMP_SUFFIX))


def indexed_files(client: httpx.Client) -> dict[str, str]:
    """Instance ID -> file UUID, for every instance the server lists."""
    answer = client.get("/instances", params={"expand": ""})
    answer.raise_for_status()
    return {instance["ID"]: instance["FileUuid"] for instance in answer.json()}


def disagreements(client: httpx.Client, storage: Path) -> list[str]:
    """What differs between the index (as served) and the storage area; empty when they agree.

    Call it while no job runs and no upload is in flight.
    """
    on_disk = storage_files(storage)
    indexed = indexed_files(client)
    problems = [f"instance {i} has no file {u}" for i, u in indexed.items() if u not in on_disk]
    referenced = set(indexed.values())
    problems += [f"file {u} belongs to no instance" for u in on_disk if u not in referenced]
    return problems


def lethe_check(config: Path) -> subprocess.CompletedProcess:
    """``lethe check --config config``, which only reads (a server may be running)."""
    lethe = Path(sys.executable).with_name("lethe")
    return subprocess.run([str(lethe), "check", "--config", str(config)], capture_output=True,
                          text=True, timeout=120)
