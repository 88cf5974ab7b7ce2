"""Date shifting: values in every form, and exact intervals over a generated multi-study patient
(dates at top level, in nested sequences and in private tags)."""

from __future__ import annotations

import copy
import datetime as dt
import warnings

import pytest
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from lethe.dicom.dates import shift_date, shift_datetime, shift_value
from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.dicom.uids import MAX_DATE_SHIFT_DAYS, MIN_DATE_SHIFT_DAYS, UidMapper

KEY = b"test_dates key"
MODIFIED = {"Options": ["RetainLongitudinalModifiedDates"], "KeepPrivateTags": True}


@pytest.mark.parametrize(("vr", "value", "days", "shifted"), [
    ("DA", "20200301", -1, "20200229"),
    ("DA", "2020.03.01", -1, "2020.02.29"),
    ("DA", "20200101-20200131", -10, "20191222-20200121"),
    ("DA", "-20200131", 1, "-20200201"),
    ("DA", "20200101\\20210101", 365, "20201231\\20220101"),
    ("DA", "20200101 ", 1, "20200102"),
    ("DT", "20200301123000.5+0100", -1, "20200229123000.5+0100"),
    ("DT", "20200301120000-0500", -1, "20200229120000-0500"),
    ("DT", "2020", -1, "2019"),
    ("DT", "202003", -1, "202002"),
    ("DT", "20200101-20200102", 1, "20200102-20200103"),
    ("TM", "235959", -400, "235959"),
    ("DA", "", 3, ""),
])
def test_values_are_shifted_in_their_own_form(vr: str, value: str, days: int,
                                              shifted: str) -> None:
    assert shift_value(vr, value, days) == shifted


@pytest.mark.parametrize("value", ["2020", "20201301", "notadate", "20200230", "00010101"])
def test_values_that_are_no_dates_cannot_be_shifted(value: str) -> None:
    assert shift_value("DA", value, -1) is None


def test_date_time_forms() -> None:
    assert shift_date("19991231", 1) == "20000101"
    assert shift_datetime("19991231235959.123456", 1) == "20000101235959.123456"
    assert shift_datetime("1999", 400) == "2000"  # from its first day: 2000-02-05


def test_the_shift_is_per_patient_keyed_and_in_range() -> None:
    mapper = UidMapper(KEY)
    shifts = {mapper.date_shift_days(f"P{n}") for n in range(200)}
    assert all(-MAX_DATE_SHIFT_DAYS <= s <= -MIN_DATE_SHIFT_DAYS for s in shifts)
    assert len(shifts) > 150  # patients get different shifts
    assert mapper.date_shift_days(" P1 ") == UidMapper(KEY).date_shift_days("P1")
    assert UidMapper(b"another key").date_shift_days("P1") != mapper.date_shift_days("P1")


def study(patient_id: str, number: int, day: dt.date) -> Dataset:
    """One instance of a study of the patient: dates at top level, nested and private."""
    ds = Dataset()
    ds.PatientID = patient_id
    ds.PatientName = "Doe^John"
    ds.StudyInstanceUID = f"1.2.826.0.1.3680043.8.498.1.{number}"
    ds.SeriesInstanceUID = f"1.2.826.0.1.3680043.8.498.2.{number}"
    ds.SOPInstanceUID = f"1.2.826.0.1.3680043.8.498.3.{number}"
    ds.StudyDate = day.strftime("%Y%m%d")
    ds.StudyTime = "101500"
    ds.SeriesDate = (day + dt.timedelta(days=1)).strftime("%Y%m%d")
    ds.AcquisitionDateTime = (day + dt.timedelta(days=2)).strftime("%Y%m%d") + "083000.25"
    ds.InstanceCreationDate = day.strftime("%Y%m%d")
    item = Dataset()
    item.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.8.498.9"
    item.ObservationDateTime = (day - dt.timedelta(days=30)).strftime("%Y%m%d%H%M%S")
    inner = Dataset()
    inner.Date = (day - dt.timedelta(days=400)).strftime("%Y%m%d")
    item.AnatomicRegionSequence = Sequence([inner])
    ds.ReferencedImageSequence = Sequence([item])
    block = ds.private_block(0x0041, "LETHE TEST", create=True)
    block.add_new(0x01, "DA", (day + dt.timedelta(days=3)).strftime("%Y%m%d"))
    return ds


def dates_of(ds: Dataset, prefix: str = "") -> dict[str, dt.date]:
    """Every DA/DT value of ``ds`` at any depth, by path."""
    found = {}
    for element in ds:
        path = f"{prefix}{element.tag:08x}"
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                found.update(dates_of(item, f"{path}[{index}]."))
        elif element.VR in ("DA", "DT") and element.value:
            found[path] = dt.date(int(element.value[:4]), int(element.value[4:6]),
                                  int(element.value[6:8]))
    return found


def test_intervals_of_a_multi_study_patient_are_kept_exactly() -> None:
    days = [dt.date(2015, 2, 28), dt.date(2016, 2, 29), dt.date(2021, 12, 31)]
    sources = [study("PAT-DATES", n, day) for n, day in enumerate(days)]
    request = ModificationRequest.parse(MODIFIED, anonymize=True, tags=DEFAULT_TAGS)
    before: list[dt.date] = []
    after: list[dt.date] = []
    for n, source in enumerate(sources):  # each study in its own job: one key, one shift
        output = copy.deepcopy(source)
        apply(output, request, ModificationContext(UidMapper(KEY), f"Anonymized{n}"))
        old, new = dates_of(source), dates_of(output)
        assert set(old) == set(new) and len(old) == 7  # top, nested twice, private
        before += [old[path] for path in sorted(old)]
        after += [new[path] for path in sorted(old)]
        assert output.StudyTime == "101500"  # a whole number of days: times are kept
        assert output.AcquisitionDateTime.endswith("083000.25")
    shift = UidMapper(KEY).date_shift_days("PAT-DATES")
    assert all(a - b == dt.timedelta(days=shift) for a, b in zip(after, before, strict=True))
    intervals = {(i, j): before[j] - before[i] for i in range(len(before))
                 for j in range(len(before))}
    assert all(after[j] - after[i] == gap for (i, j), gap in intervals.items())


def test_a_date_that_cannot_be_shifted_is_emptied_and_kept_dates_are_not_shifted() -> None:
    ds = study("P2", 1, dt.date(2020, 1, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydicom warns of the invalid date
        ds.StudyDate = "20201341"
    request = ModificationRequest.parse({**MODIFIED, "Keep": ["SeriesDate"]}, anonymize=True,
                                        tags=DEFAULT_TAGS)
    source = copy.deepcopy(ds)
    apply(ds, request, ModificationContext(UidMapper(KEY), "Anonymized1"))
    assert ds.StudyDate == ""
    assert ds.SeriesDate == source.SeriesDate


def test_full_dates_keep_dates_and_no_option_removes_them() -> None:
    ds = study("P3", 1, dt.date(2020, 1, 1))
    source = copy.deepcopy(ds)
    request = ModificationRequest.parse({"Options": ["RetainLongitudinalFullDates"]},
                                        anonymize=True, tags=DEFAULT_TAGS)
    apply(ds, request, ModificationContext(UidMapper(KEY), "Anonymized1"))
    assert (ds.StudyDate, ds.SeriesDate) == (source.StudyDate, source.SeriesDate)
    assert ds.LongitudinalTemporalInformationModified == "UNMODIFIED"
    plain = copy.deepcopy(source)
    apply(plain, ModificationRequest.parse({}, anonymize=True, tags=DEFAULT_TAGS),
          ModificationContext(UidMapper(KEY), "Anonymized1"))
    assert plain.StudyDate == "" and "SeriesDate" not in plain
