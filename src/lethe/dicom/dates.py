"""Date shifting (Retain Longitudinal Temporal Information with Modified Dates, PS3.15 E.3.6).

Every date of one patient moves by the same whole number of days, the patient's shift
(:meth:`lethe.dicom.uids.UidMapper.date_shift_days`: derived from the key and the original
PatientID). A whole number of days is what keeps every interval exact: between two dates, two
date-times, a date and a date-time, across studies and at any depth, whatever the precision of
each value. So times of day (TM) are kept as they are, and the time part and the UTC offset of
a date-time (DT) are kept; the pairs of a date and a time (StudyDate and StudyTime...) and
combined date-times stay consistent with each other.

Values are shifted in the form they were written in:

* DA ``YYYYMMDD``, and the ACR-NEMA form ``YYYY.MM.DD``; a range ``A-B`` (either end may be
  empty) has each end shifted;
* DT ``YYYY[MM[DD[HH[MM[SS[.F]]]]]][&ZZXX]``: a value without its month or day is shifted from
  the first month or day, then written with its own precision;
* several values (``\\``) are shifted one by one; padding spaces are dropped.

A value that is not a valid date in these forms cannot be shifted: :func:`shift_value`
answers None, and the caller empties the element (an unshifted date would identify).
"""

from __future__ import annotations

import datetime as dt
import re

_DA = re.compile(r"(\d{4})(\.?)(\d{2})\2(\d{2})")
_DT = re.compile(r"(\d{4})(\d{2})?(\d{2})?(\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,6})?)?)?)?"
                 r"([+-]\d{4})?")


def shift_date(text: str, days: int) -> str | None:
    """The DA value ``text`` moved by ``days`` (same form), or None if it is no date."""
    match = _DA.fullmatch(text)
    if match is None:
        return None
    year, dot, month, day = match.groups()
    moved = _moved(int(year), int(month), int(day), days)
    if moved is None:
        return None
    return f"{moved.year:04d}{dot}{moved.month:02d}{dot}{moved.day:02d}"


def shift_datetime(text: str, days: int) -> str | None:
    """The DT value ``text`` moved by ``days`` (same precision, time and offset kept), or None
    if it is no date-time."""
    match = _DT.fullmatch(text)
    if match is None:
        return None
    year, month, day, time, offset = match.groups()
    if day is not None and month is None:
        return None
    moved = _moved(int(year), int(month or 1), int(day or 1), days)
    if moved is None:
        return None
    shifted = f"{moved.year:04d}"
    if month is not None:
        shifted += f"{moved.month:02d}"
    if day is not None:
        shifted += f"{moved.day:02d}"
    return shifted + (time or "") + (offset or "")


def shift_value(vr: str, value: str, days: int) -> str | None:
    """The text value of a DA or DT element moved by ``days``: each of its values, each end of
    a range; other VRs (TM included) are returned as they are. None if one value cannot be
    shifted.

    Parameters
    ----------
    vr : str
        The element's VR.
    value : str
        Its whole text value (values separated by ``\\``).
    days : int
        The patient's shift.

    Returns
    -------
    str or None
        The shifted text, without padding; None when a value is not a valid date.
    """
    if vr not in ("DA", "DT"):
        return value
    shift = shift_date if vr == "DA" else shift_datetime
    out = []
    for item in value.split("\\"):
        item = item.strip(" \x00")
        if not item:
            out.append("")
            continue
        ends = item.split("-", 1) if vr == "DA" else _dt_range(item)
        moved = [shift(end, days) if end else "" for end in ends]
        if any(m is None for m in moved):
            return None
        out.append("-".join(m or "" for m in moved))
    return "\\".join(out)


def _dt_range(item: str) -> list[str]:
    """The ends of a DT range; a single DT (whose UTC offset may hold a ``-``) is one end."""
    if _DT.fullmatch(item):
        return [item]
    for index, char in enumerate(item):
        if char == "-" and (index == 0 or _DT.fullmatch(item[:index])):
            return [item[:index], item[index + 1:]]
    return [item]


def _moved(year: int, month: int, day: int, days: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) + dt.timedelta(days=days)
    except (ValueError, OverflowError):
        return None
