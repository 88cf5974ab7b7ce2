"""Lethe: an Orthanc-compatible DICOM server focused on anonymization and modification."""

__version__ = "0.1.0"
NAME = "Lethe"
