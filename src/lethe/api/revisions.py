"""Revisions of metadata and attachments, as HTTP headers (Orthanc 1.9.2).

A metadata or an attachment has a revision, 0 when it is created and one more at each
change. Answers about it carry ``ETag: "<revision>-<MD5 of the content>"``. A client
states what it last saw in ``If-Match`` (a ``PUT`` or ``DELETE`` is then refused, 409,
unless that is still the current revision and content) or ``If-None-Match`` (a ``GET`` is
then answered 304 when nothing changed). With ``CheckRevisions``, a ``PUT`` over an
existing value and every ``DELETE`` must have ``If-Match``.
"""

from __future__ import annotations

import re

from starlette.requests import Request

from lethe.errors import ErrorCode, LetheError, out_of_range
from lethe.store.index import Revision


def etag(revision: int, md5: str) -> str:
    """Orthanc's ETag of a metadata or an attachment: the revision and the MD5 of the
    content."""
    return f'"{revision}-{md5}"'


def revision_header(request: Request, header: str) -> Revision | None:
    """The revision named in ``If-Match`` or ``If-None-Match`` (``"3-<MD5>"``, quotes
    optional), or None without the header; 400 naming the header and its value when it is
    not such a revision."""
    value = request.headers.get(header)
    if value is None:
        return None
    text = value.strip().strip('"')
    revision, dash, md5 = text.partition("-")
    if not dash or not re.fullmatch(r"-?[0-9]{1,18}", revision):
        raise out_of_range(f'the "{header}" HTTP header should contain the ETag (revision '
                           f'followed by MD5 hash), but found: {value}')
    return int(revision), md5


def write_revision(request: Request) -> Revision | None:
    """The revision a ``PUT`` states (``If-Match``): with ``CheckRevisions`` and no header,
    a revision that matches no existing value (a first ``PUT`` only is accepted)."""
    stated = revision_header(request, "If-Match")
    if stated is None and request.app.state.config.CheckRevisions:
        return -1, ""
    return stated


def delete_revision(request: Request) -> Revision | None:
    """The revision a ``DELETE`` states (``If-Match``); 409 when ``CheckRevisions`` asks for
    one and there is none."""
    stated = revision_header(request, "If-Match")
    if stated is None and request.app.state.config.CheckRevisions:
        raise LetheError(ErrorCode.REVISION,
                         'HTTP header "If-Match" is missing, as "CheckRevisions" is "true"')
    return stated


def not_modified(request: Request, revision: int, md5: str) -> bool:
    """Whether ``If-None-Match`` names this revision and MD5 (answer 304)."""
    return revision_header(request, "If-None-Match") == (revision, md5)
