"""Reconstruction routes: the main tags of the index read again from the stored files.

``POST /{patients|studies|series|instances}/{id}/reconstruct`` reads every instance
below the resource again and replaces the main tags that each gives its own resource and
its ancestors. As in Orthanc (whose walk of the children visits the last ones first), the
first instance received, of the first series received, of the first study received, is
read last, and so gives its tags to its series, study and patient.
``LimitToThisLevelMainDicomTags`` (Orthanc 1.12.4) reads only the first instance of that
walk (the last one received, of the last series) and replaces only the main tags of the
resource itself. ``POST /tools/reconstruct`` reads every study so, in the order the
studies were received (a patient's last study gives the patient's tags).
``ReconstructFiles`` also rewrites the size and MD5 of each file's attachment: Lethe has
no ingest transcoding and no storage compression, so the stored files are already what a
new store would write and are left as they are.

Each answers an empty ``text/plain`` body, as Orthanc does.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_json
from lethe.api.resources import LEVEL_BY_PLURAL, store_of
from lethe.api.threads import run_in_thread
from lethe.errors import bad_file_format
from lethe.store.model import Level
from lethe.store.store import Store

RECONSTRUCT_FILES = "ReconstructFiles"
LIMIT_TO_THIS_LEVEL = "LimitToThisLevelMainDicomTags"


async def _options(request: Request, *fields: str) -> dict[str, bool]:
    """The Boolean ``fields`` of the body (false when absent; an empty body is allowed)."""
    body: Any = await read_json(request, allow_empty=True)
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object")
    options = {}
    for field in fields:
        value = body.get(field, False)
        if not isinstance(value, bool):
            raise bad_file_format(f"The field {field} must contain a Boolean")
        options[field] = value
    return options


def _orthanc_order(store: Store, resource_id: str) -> list[str]:
    """The instances below a resource in the order Orthanc reads them: its depth-first walk
    takes the last child first, so this is the tree order reversed."""
    return store.instances_of(resource_id, tree_order=True)[::-1]


async def reconstruct_resource(request: Request) -> Response:
    """``POST /{level}/{id}/reconstruct``."""
    level = LEVEL_BY_PLURAL[request.path_params["level"]]
    options = await _options(request, RECONSTRUCT_FILES, LIMIT_TO_THIS_LEVEL)
    store = store_of(request)

    def work() -> None:
        store.resource(request.path_params["id"], level)  # 404 for an unknown ID
        order = _orthanc_order(store, request.path_params["id"])
        if options[LIMIT_TO_THIS_LEVEL]:
            store.rebuild_main_tags(order[:1], (level,))
        else:
            store.rebuild_main_tags(order, files=options[RECONSTRUCT_FILES])
    await run_in_thread(work)
    return Response(b"", media_type="text/plain")


async def reconstruct_all(request: Request) -> Response:
    """``POST /tools/reconstruct``: every study, one index transaction each."""
    options = await _options(request, RECONSTRUCT_FILES)
    store = store_of(request)

    def work() -> None:
        for study_id in store.list_ids(Level.STUDY):
            store.rebuild_main_tags(_orthanc_order(store, study_id),
                                    files=options[RECONSTRUCT_FILES])
    await run_in_thread(work)
    return Response(b"", media_type="text/plain")


routes = [
    Route("/{level:level}/{id}/reconstruct", reconstruct_resource, methods=["POST"]),
    Route("/tools/reconstruct", reconstruct_all, methods=["POST"]),
]
