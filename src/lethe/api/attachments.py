"""The attachments of patients, studies, series and instances (``/{level}/{id}/attachments``).

An attachment is a file of the storage area attached to a resource, named by its content
type: ``dicom`` (1) for the DICOM file of an instance, and user attachments numbered from
1024 to 65535, which ``UserContentType`` may name. Only user attachments can be written or
deleted (403 otherwise, as Orthanc).

Revisions (``ETag``): each answer about an attachment carries ``"<revision>-<MD5>"``; a
``PUT`` or ``DELETE`` with ``If-Match`` is refused (409) unless it names the current
revision and MD5, and with ``CheckRevisions`` a ``PUT`` over an existing attachment, or a
``DELETE``, must have ``If-Match``. A ``GET`` whose ``If-None-Match`` names the current
revision is answered 304. The same rules apply to metadata (:mod:`lethe.api.revisions`).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from starlette.convertors import register_url_convertor
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body
from lethe.api.resources import store_of
from lethe.api.responses import file_response, json_response, text_response
from lethe.api.revisions import delete_revision, etag, not_modified, write_revision
from lethe.api.routing import WordsConvertor
from lethe.api.threads import run_in_thread
from lethe.errors import ErrorCode, LetheError, unknown_resource
from lethe.store.model import Attachment, Level
from lethe.store.store import Store

DICOM = 1
FIRST_USER = 1024
LAST_USER = 65535
BUILTIN_NAMES = {1: "dicom", 2: "dicom-as-json", 3: "dicom-until-pixel-data"}
"""Orthanc's names of its own content types."""
LEVEL_BY_PLURAL = {level.plural: level for level in Level}
OPERATIONS = ("compress", "compressed-data", "compressed-md5", "compressed-size", "data",
              "info", "is-compressed", "md5", "size", "uncompress", "verify-md5")
"""What ``GET .../attachments/{name}`` lists (Orthanc 1.12), those needing an MD5 only
when the attachment has one."""


class ContentTypes:
    """The names of the content types: Orthanc's own and those of ``UserContentType``
    (``"name": number`` or ``"name": [number, "MIME type"]``)."""

    def __init__(self, user: dict[str, Any]) -> None:
        self._numbers = {name: number for number, name in BUILTIN_NAMES.items()}
        self._names = dict(BUILTIN_NAMES)
        self._mime = {DICOM: "application/dicom", 2: "application/json"}
        for name, entry in user.items():
            number = entry[0] if isinstance(entry, list) else entry
            self._numbers[name] = number
            self._names.setdefault(number, name)
            if isinstance(entry, list) and len(entry) > 1:
                self._mime[number] = entry[1]

    def number(self, name: str) -> int:
        """The content type that ``name`` (a name, or a number) stands for; 404 naming it
        when it is neither (Orthanc's ``InexistentItem``)."""
        if name in self._numbers:
            return self._numbers[name]
        if re.fullmatch(r"-?[0-9]{1,9}", name):
            return int(name)
        raise LetheError(ErrorCode.INEXISTENT_ITEM, f'unknown attachment "{name}" (declare '
                         "it in UserContentType, or use a number from 1024 to 65535)")

    def name(self, number: int) -> str:
        """How listings name the content type ``number``: its name, else the number."""
        return self._names.get(number, str(number))

    def mime(self, number: int) -> str:
        """The media type of the data of an attachment of type ``number``."""
        return self._mime.get(number, "application/octet-stream")


def content_types(request: Request) -> ContentTypes:
    """The content types of the running app (built once from its configuration)."""
    state = request.app.state
    found = getattr(state, "content_types", None)
    if found is None:
        found = state.content_types = ContentTypes(state.config.UserContentType)
    return found


def _target(request: Request) -> tuple[Store, str, int]:
    """The store, the resource ID and the content type of an attachment route; 404 for an
    unknown resource or one of another level."""
    store = store_of(request)
    level = LEVEL_BY_PLURAL[request.path_params["level"]]
    rid = request.path_params["id"]
    store.resource(rid, level)
    return store, rid, content_types(request).number(request.path_params["name"])


def _is_user(content_type: int) -> bool:
    return FIRST_USER <= content_type <= LAST_USER


def _forbidden(content_type: int) -> LetheError:
    return LetheError(ErrorCode.FORBIDDEN_ACCESS, f"attachment {content_type} is not a user "
                      f"attachment (from {FIRST_USER} to {LAST_USER}): it cannot be changed")


def _found(store: Store, rid: str, content_type: int) -> Attachment:
    attachment = store.attachment(rid, content_type)
    if attachment is None:
        raise unknown_resource(f"no attachment {content_type}")
    return attachment


# --- routes -----------------------------------------------------------------
async def list_attachments(request: Request) -> Response:
    """``GET /{level}/{id}/attachments``: the names of the attachments of a resource;
    ``?full``: name -> content type."""
    names = content_types(request)

    def work() -> list | dict:
        store = store_of(request)
        level = LEVEL_BY_PLURAL[request.path_params["level"]]
        rid = request.path_params["id"]
        store.resource(rid, level)
        found = [a.content_type for a in store.attachments(rid)]
        if "full" in request.query_params:
            return {names.name(number): number for number in found}
        return [names.name(number) for number in found]
    return json_response(await run_in_thread(work))


async def attachment_get(request: Request) -> Response:
    """``GET /{level}/{id}/attachments/{name}[/{operation}]``."""
    operation = request.path_params.get("operation", "")

    def work() -> tuple[Attachment, Response | None]:
        store, rid, content_type = _target(request)
        attachment = _found(store, rid, content_type)
        if not_modified(request, attachment.revision, attachment.md5):
            return attachment, Response(status_code=304)
        return attachment, _describe(request, store, attachment, operation)
    attachment, answer = await run_in_thread(work)
    assert answer is not None
    answer.headers["ETag"] = etag(attachment.revision, attachment.md5)
    return answer


def _describe(request: Request, store: Store, attachment: Attachment,
              operation: str) -> Response:
    """The answer of one read-only operation on ``attachment`` (in a worker thread)."""
    if operation == "":
        has_md5 = bool(attachment.md5)
        listed = [op for op in OPERATIONS if has_md5 or op not in
                  ("compressed-md5", "md5", "verify-md5")]
        return json_response(listed)
    if operation in ("data", "compressed-data"):
        raw = operation == "compressed-data"
        fp = store.open_attachment(attachment, compressed_data=raw)
        mime = ("application/octet-stream" if raw
                else content_types(request).mime(attachment.content_type))
        suffix = ".dcm" if attachment.content_type == DICOM and not raw else ""
        headers = None if raw else {
            "Content-Disposition": f'filename="{attachment.uuid}{suffix}"'}
        return file_response(fp, mime, headers=headers)
    if operation in ("md5", "compressed-md5"):
        md5 = attachment.md5 if operation == "md5" else attachment.compressed_md5
        if not md5:
            raise unknown_resource(f"the attachment {attachment.content_type} has no MD5 "
                                   "(StoreMD5ForAttachments was false when it was stored)")
        return text_response(md5)
    if operation == "size":
        return text_response(str(attachment.size))
    if operation == "compressed-size":
        return text_response(str(attachment.compressed_size))
    if operation == "is-compressed":
        return text_response("1" if attachment.compressed else "0")
    return json_response({"CompressedMD5": attachment.compressed_md5,
                          "CompressedSize": attachment.compressed_size,
                          "ContentType": attachment.content_type,
                          "UncompressedMD5": attachment.md5,
                          "UncompressedSize": attachment.size,
                          "Uuid": attachment.uuid})


async def attachment_put(request: Request) -> Response:
    """``PUT /{level}/{id}/attachments/{name}``: attach the body as a user attachment."""
    store, rid, content_type = await run_in_thread(_target, request)
    if not _is_user(content_type):
        raise _forbidden(content_type)
    expected = write_revision(request)
    data = await read_body(request)
    new = await run_in_thread(store.put_attachment, rid, content_type, data, expected)
    md5 = new.md5 or hashlib.md5(data).hexdigest()
    return json_response({}, headers={"ETag": etag(new.revision, md5)})


async def attachment_delete(request: Request) -> Response:
    """``DELETE /{level}/{id}/attachments/{name}``: remove a user attachment."""
    store, rid, content_type = await run_in_thread(_target, request)
    if not _is_user(content_type):
        raise _forbidden(content_type)
    expected = delete_revision(request)
    if not await run_in_thread(store.delete_attachment, rid, content_type, expected):
        raise unknown_resource(f"no attachment {content_type}")
    return text_response("")


async def attachment_post(request: Request) -> Response:
    """``POST .../attachments/{name}/compress``, ``/uncompress`` and ``/verify-md5``."""
    operation = request.path_params["operation"]

    def work() -> dict:
        store, rid, content_type = _target(request)
        if operation == "verify-md5":
            _verify(store, _found(store, rid, content_type))
        elif store.change_compression(rid, content_type, operation == "compress") is None:
            raise unknown_resource(f"no attachment {content_type}")
        return {}
    return json_response(await run_in_thread(work))


def _verify(store: Store, attachment: Attachment) -> None:
    """Check the file of ``attachment`` against its MD5s (of the file as stored, then of
    its content); 400 naming which differs, 404 when it has no MD5."""
    if not attachment.md5 or not attachment.compressed_md5:
        raise unknown_resource(f"the attachment {attachment.content_type} has no MD5 to "
                               "verify")
    with store.open_attachment(attachment, compressed_data=True) as fp:
        stored = _md5_of(fp)
    if stored != attachment.compressed_md5:
        raise LetheError(ErrorCode.CORRUPTED_FILE, "the file of the attachment has not the "
                         "MD5 the index recorded", http_status=400)
    if attachment.compressed:
        with store.open_attachment(attachment) as fp:
            content = _md5_of(fp)
        if content != attachment.md5:
            raise LetheError(ErrorCode.CORRUPTED_FILE, "the content of the attachment has "
                             "not the MD5 the index recorded", http_status=400)


def _md5_of(fp: Any) -> str:
    digest = hashlib.md5()
    while chunk := fp.read(1024 * 1024):
        digest.update(chunk)
    return digest.hexdigest()


_WRITES = ("compress", "uncompress", "verify-md5")
register_url_convertor("attachment_read",
                       WordsConvertor(*(op for op in OPERATIONS if op not in _WRITES)))
register_url_convertor("attachment_write", WordsConvertor(*_WRITES))

ATTACHMENT = "/{level:level}/{id}/attachments/{name}"
routes = [
    Route("/{level:level}/{id}/attachments", list_attachments, methods=["GET"]),
    Route(ATTACHMENT, attachment_get, methods=["GET"]),
    Route(ATTACHMENT, attachment_put, methods=["PUT"]),
    Route(ATTACHMENT, attachment_delete, methods=["DELETE"]),
    Route(ATTACHMENT + "/{operation:attachment_read}", attachment_get, methods=["GET"]),
    Route(ATTACHMENT + "/{operation:attachment_write}", attachment_post, methods=["POST"]),
]
