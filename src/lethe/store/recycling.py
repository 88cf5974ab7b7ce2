"""Storage limits: ``MaximumStorageSize``, ``MaximumPatientCount`` and ``MaximumStorageMode``.

As in Orthanc, the limits are checked in the transaction that stores an instance (or a
user attachment), once it is indexed: the storage is over its limits when the files of the
index take more than ``MaximumStorageSize`` bytes on disk (compressed sizes), or when there
are more than ``MaximumPatientCount`` patients. Then, in ``Recycle`` mode, the patients
least recently given an instance are deleted, one at a time, until the storage is within
its limits again; the patient of the new instance, and the protected patients
(``PUT /patients/{id}/protected``), are never recycled. When no patient is left to
recycle, or in ``Reject`` mode, the new instance is refused (``FullStorage``, HTTP 507)
and nothing of it is indexed. A recycled patient is deleted as ``DELETE /patients/{id}``
deletes it: its index rows in the transaction, its files after the commit.

The SQL lives in :mod:`lethe.store.sqlindex`; this module holds the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MEGABYTE = 1024 * 1024


class StorageMode(Enum):
    """``MaximumStorageMode``: what a full storage does with a new instance."""

    RECYCLE = "Recycle"
    REJECT = "Reject"


@dataclass(frozen=True)
class StorageLimits:
    """The limits of a storage area; 0 means no limit."""

    max_size: int = 0
    """Bytes on disk (``MaximumStorageSize`` is in megabytes)."""
    max_patients: int = 0
    mode: StorageMode = StorageMode.RECYCLE

    @classmethod
    def from_config(cls, max_size_mb: int, max_patients: int, mode: str) -> StorageLimits:
        """The limits of Orthanc's configuration keys (``mode`` is checked by the
        configuration: ``Recycle`` or ``Reject``)."""
        return cls(max_size_mb * MEGABYTE, max_patients, StorageMode(mode))

    @property
    def active(self) -> bool:
        """Whether there is any limit to check."""
        return self.max_size > 0 or self.max_patients > 0

    def exceeded(self, disk_size: int, patients: int) -> bool:
        """Whether a storage of ``disk_size`` bytes and ``patients`` patients is over the
        limits."""
        return ((self.max_size > 0 and disk_size > self.max_size)
                or (self.max_patients > 0 and patients > self.max_patients))

    def describe(self, disk_size: int, patients: int) -> str:
        """Which limit a storage of ``disk_size`` bytes and ``patients`` patients is over:
        the details of a ``FullStorage`` error."""
        if self.max_size > 0 and disk_size > self.max_size:
            return (f"the storage would take {disk_size} bytes, more than "
                    f"MaximumStorageSize ({self.max_size // MEGABYTE} MB)")
        return (f"there would be {patients} patients, more than MaximumPatientCount "
                f"({self.max_patients})")
