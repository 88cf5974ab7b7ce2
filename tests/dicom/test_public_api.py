"""The public API of ``lethe.dicom``: the names it exports, and the README's example as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pydicom
import pytest
from pydicom import examples

import lethe
import lethe.dicom
from lethe.dicom import engine, modify_file, profiles, request, residual, tags, uids

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_example() -> str:
    """The Python code block of the README's "Python API" section."""
    text = README.read_text(encoding="utf-8")
    _, found, rest = text.partition("\n## Python API\n")
    assert found, "README.md has no 'Python API' section"
    section = rest.split("\n## ", 1)[0]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "README.md: no Python code block under 'Python API'"
    return match.group(1)


def test_every_exported_name_exists() -> None:
    assert len(set(lethe.dicom.__all__)) == len(lethe.dicom.__all__)
    for name in lethe.dicom.__all__:
        assert getattr(lethe.dicom, name) is not None, name
    assert set(lethe.dicom.__all__) <= set(dir(lethe.dicom))


def test_star_import_gives_every_exported_name() -> None:
    namespace: dict[str, object] = {}
    exec("from lethe.dicom import *", namespace)
    assert set(lethe.dicom.__all__) <= namespace.keys()


def test_exported_names_are_the_objects_of_their_modules() -> None:
    assert lethe.dicom.ModificationRequest is request.ModificationRequest
    assert lethe.dicom.ModificationContext is engine.ModificationContext
    assert lethe.dicom.apply is engine.apply
    # Importing the module lethe.dicom.modify_file does not hide the function.
    assert lethe.dicom.apply_to_file is modify_file.modify_file
    assert lethe.dicom.load_profile is profiles.load_profile
    assert lethe.dicom.find_residual_identity is residual.find_residual_identity
    assert lethe.dicom.UidMapper is uids.UidMapper
    assert lethe.dicom.TagDictionary is tags.TagDictionary


@pytest.mark.parametrize("name", ["apply", "apply_to_file", "find_residual_identity",
                                  "load_profile", "ModificationRequest.parse",
                                  "UidMapper.map_uid", "TagDictionary.parse_tag"])
def test_exported_functions_state_their_contract(name: str) -> None:
    function: object = lethe.dicom
    for part in name.split("."):
        function = getattr(function, part)
    doc = function.__doc__ or ""
    assert "Parameters\n" in doc, name
    assert "Returns\n" in doc or "Raises\n" in doc, name


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        lethe.dicom.no_such_name  # noqa: B018


def test_import_loads_no_heavy_module() -> None:
    heavy = ("pydicom", "numpy", "PIL", "gdcm")
    code = f"import sys, lethe.dicom; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_package_declares_its_types() -> None:
    assert (Path(lethe.__file__).parent / "py.typed").is_file()


def test_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(examples.get_path("ct"), tmp_path / "ct.dcm")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(readme_example(), str(README), "exec"), namespace)

    source = pydicom.dcmread(tmp_path / "ct.dcm")
    written = pydicom.dcmread(tmp_path / "ct-anonymized.dcm")
    dataset = namespace["dataset"]
    assert isinstance(dataset, pydicom.Dataset)
    profile = profiles.load_profile(profiles.DEFAULT_DICOM_VERSION)
    for anonymized in (dataset, written):
        assert anonymized.PatientName == "Anonymized1"
        assert anonymized.PatientID != source.PatientID
        assert anonymized.StudyInstanceUID != source.StudyInstanceUID
        assert anonymized.StudyDescription == source.StudyDescription  # kept
        assert "InstitutionName" not in anonymized
        leaks = residual.find_residual_identity(source, anonymized, profile)
        assert [leak.path for leak in leaks] == ["StudyDescription"]  # kept on request
    # One context: the data set and the file get the same new UIDs.
    assert dataset.StudyInstanceUID == written.StudyInstanceUID
    assert dataset.SOPInstanceUID == written.SOPInstanceUID
    assert written.PixelData == source.PixelData
