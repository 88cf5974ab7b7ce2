"""The DCMTK dictionary tables (package data) and their generator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lethe.dicom import dcmtk_dictionary as dcmtk

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path("/usr/share/libdcmtk17")


def test_tables_are_read_from_the_package_data() -> None:
    standard, private = dcmtk.tables()
    assert standard[0x00100010] == ("PN", "PatientName")
    assert private[("SIEMENS CSA HEADER", 0x00290010)] == ("OB", "CSAImageHeaderInfo")
    assert dcmtk.STANDARD_RANGES[-1] == ((0x0009, 0xFFFF, "o"), (0x0010, 0x00FF, "u"),
                                         "LO", "PrivateCreator")
    assert dcmtk.PRIVATE_RANGES[0] == ((0x7001, 0x70FF, "o"), "DLX_ANNOT_01", 0x04,
                                       "ST", "TextAnnotation")


@pytest.mark.skipif(not (SOURCE / "dicom.dic").is_file(),
                    reason="DCMTK's dictionary is not installed (apt-get install -y libdcmtk17)")
def test_tables_are_what_the_generator_makes_of_dcmtk_files() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_dcmtk_dictionary.py"), "--check",
         "--source", str(SOURCE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
