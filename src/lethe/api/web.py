"""Routes of the web interface: its static files at ``/ui/``, and the redirects of ``/`` and of
Orthanc Explorer's ``/app/explorer.html`` to it.

The files come from the package (``lethe/web/static``); the interface only calls the REST API.
These routes sit behind the same middleware as the REST API (remote access, authentication)."""

from __future__ import annotations

import functools
import json
from importlib.resources import files

from pydicom.datadict import DicomDictionary
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

STATIC = files("lethe.web") / "static"


async def _to_ui(request: Request) -> RedirectResponse:
    """``/`` and ``/app/explorer.html``: to the interface (Orthanc answers ``/`` likewise)."""
    return RedirectResponse("/ui/", status_code=307)


async def _index(request: Request) -> FileResponse:
    """``/ui/`` (``/ui`` once the URI middleware drops the final slash): the page itself. Its
    links to scripts and styles are absolute, so both spellings load them."""
    return FileResponse(str(STATIC / "index.html"), headers={"Cache-Control": "no-cache"})


@functools.cache
def _keywords() -> bytes:
    """Keywords of pydicom's dictionary, not retired, sorted: the completion of tag names."""
    names = sorted(entry[4] for entry in DicomDictionary.values()
                   if entry[4] and entry[3] != "Retired")
    return json.dumps(names, separators=(",", ":")).encode()


async def _keyword_list(request: Request) -> Response:
    """``/ui/keywords.json``: the tag names offered by the modification form."""
    return Response(_keywords(), media_type="application/json",
                    headers={"Cache-Control": "max-age=86400"})


routes = [
    Route("/", _to_ui, methods=["GET", "HEAD"]),
    Route("/app/explorer.html", _to_ui, methods=["GET", "HEAD"]),
    Route("/ui", _index, methods=["GET", "HEAD"]),
    Route("/ui/keywords.json", _keyword_list, methods=["GET", "HEAD"]),
    Mount("/ui", app=StaticFiles(directory=str(STATIC), html=True), name="ui"),
]
