"""Derive Lethe's OpenAPI description from Orthanc's, keeping only what Lethe implements.

The routes and methods are enumerated from the application itself
(``create_app(...).routes``): a Starlette path such as ``/{level:level}/{id}``
is expanded into the concrete OpenAPI paths its convertors allow
(``/patients/{id}``, ``/studies/{id}``, ...). Each (path, method) that
Orthanc's description documents is copied from it; those it does not
document are reported and left out.

These changes are made to what is copied, so that the document describes
what Lethe (and Orthanc) answer:

- every operation documents its errors: a ``4XX`` response whose body is
  Orthanc's JSON error object (``HttpError``, ``HttpStatus``, ``OrthancStatus``...);
- ``GET /instances/{id}/content/{path}`` also answers ``application/json``
  (the list of tags or items when the path names a data set or a sequence,
  as Orthanc does although its description only lists the octet stream);
- ``GET /series/{id}/ordered-slices``: each item of ``SlicesShort`` is an array
  (instance ID, first frame, number of frames), not an object;
- the ``numpy`` routes answer ``application/octet-stream`` (a ``.npy`` file), as Orthanc
  does although its description says ``text/plain``;
- ``GET /system``: ``DatabaseBackendPlugin`` and ``StorageAreaPlugin`` may be
  ``null`` (their own descriptions say so; their declared type is only string);
- ``info`` names Lethe and its version, and ``servers`` is the server itself;
- Lethe's own request fields and operations are added (``tools/openapi_additions.py``).

Usage::

    python tools/make_openapi.py            # (re)write src/lethe/api/openapi.json
    python tools/make_openapi.py --check    # exit 1 if that file is not up to date
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from starlette.routing import Mount, Route

from lethe.api.routing import PARAMETER, WordsConvertor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.corpus import REFERENCE as REFERENCE_FOLDER  # noqa: E402
from tools.openapi_additions import add_lethe  # noqa: E402

REFERENCE = REFERENCE_FOLDER / "orthanc-openapi.json"
OUTPUT = ROOT / "src" / "lethe" / "api" / "openapi.json"
METHODS = ("get", "put", "post", "delete")

ERROR_SCHEMA = {
    "description": "Orthanc's error object; Details only when the error carries details",
    "type": "object",
    "required": ["HttpError", "HttpStatus", "Message", "Method", "OrthancError",
                 "OrthancStatus", "Uri"],
    "properties": {
        "HttpError": {"type": "string"},
        "HttpStatus": {"type": "integer", "minimum": 400, "maximum": 499},
        "Message": {"type": "string"},
        "Method": {"type": "string"},
        "OrthancError": {"type": "string"},
        "OrthancStatus": {"type": "integer"},
        "Uri": {"type": "string"},
        "Details": {"type": "string"},
    },
}
ERROR_RESPONSE = {
    "description": "Client error, as Orthanc reports it",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrthancError"}}},
}
CONTENT_LISTING = {"schema": {
    "description": "The tags of the data set, or the indexes of the sequence's items",
    "type": "array", "items": {"type": "string"}}}
NULLABLE_SYSTEM_FIELDS = ("DatabaseBackendPlugin", "StorageAreaPlugin")
SLICES_SHORT_ITEM = {"description": "[instance ID, first frame, number of frames]",
                     "type": "array"}


def route_paths(route: Route) -> list[str]:
    """The OpenAPI paths a Starlette route serves: one per word its choice convertors allow."""
    paths = [""]
    position = 0
    for match in PARAMETER.finditer(route.path):
        name, kind = match.group(1), match.group(2)
        literal = route.path[position:match.start()]
        words = _choice_words(route, name) if kind not in (None, "path", "str") else None
        pieces = [f"{{{name}}}"] if words is None else words
        paths = [p + literal + piece for p in paths for piece in pieces]
        position = match.end()
    return [p + route.path[position:] for p in paths]


def _choice_words(route: Route, name: str) -> list[str]:
    convertor = route.param_convertors[name]
    if not isinstance(convertor, WordsConvertor):
        raise ValueError(f"route {route.path}: cannot enumerate the values of {{{name}}}")
    return list(convertor.words)


def lethe_operations(routes: Iterable[object]) -> dict[str, set[str]]:
    """OpenAPI path -> lower-case methods (HEAD left out) of every route of the app."""
    operations: dict[str, set[str]] = {}
    for route in routes:
        if isinstance(route, Mount):  # static files (the web interface): no REST operation
            continue
        if not isinstance(route, Route):
            raise TypeError(f"unexpected route type: {route!r}")
        methods = {m.lower() for m in route.methods or ()} & set(METHODS)
        for path in route_paths(route):
            operations.setdefault(path, set()).update(methods)
    return operations


def derive(orthanc: dict, operations: dict[str, set[str]],
           version: str) -> tuple[dict, list[str]]:
    """Lethe's document, and the ``METHOD path`` of Lethe operations Orthanc does not document."""
    paths: dict[str, dict] = {}
    undocumented = []
    for path in sorted(operations):
        for method in sorted(operations[path]):
            operation = orthanc["paths"].get(path, {}).get(method)
            if operation is None:
                undocumented.append(f"{method.upper()} {path}")
                continue
            operation = copy.deepcopy(operation)
            operation["responses"].setdefault("4XX", ERROR_RESPONSE)
            paths.setdefault(path, {})[method] = operation
    _correct(paths)
    add_lethe(paths, operations, ERROR_RESPONSE)  # tools/openapi_additions.py
    document = {
        "openapi": orthanc["openapi"],
        "info": {"title": "Lethe API", "version": version,
                 "description": "The Orthanc REST routes that Lethe implements, derived from "
                                f"Orthanc's own description (Orthanc {orthanc['info']['version']})."},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": {"OrthancError": ERROR_SCHEMA}},
    }
    return document, undocumented


def _correct(paths: dict[str, dict]) -> None:
    """Where Orthanc's description contradicts what Orthanc answers (see the module docstring)."""
    content = paths.get("/instances/{id}/content/{path}", {}).get("get")
    if content is not None:
        content["responses"]["200"]["content"]["application/json"] = CONTENT_LISTING
    slices = paths.get("/series/{id}/ordered-slices", {}).get("get")
    if slices is not None:
        fields = slices["responses"]["200"]["content"]["application/json"]["schema"]
        fields["properties"]["SlicesShort"]["items"] = SLICES_SHORT_ITEM
    for path, methods in paths.items():
        if path.endswith("/numpy") and "get" in methods:  # documented as text/plain
            methods["get"]["responses"]["200"]["content"] = {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    system = paths.get("/system", {}).get("get")
    if system is not None:
        fields = system["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
        for name in NULLABLE_SYSTEM_FIELDS:
            fields[name]["nullable"] = True


def render(document: dict) -> str:
    """The document as written to disk (stable key order, one trailing newline)."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def build(reference: Path = REFERENCE) -> tuple[str, list[str]]:
    """The rendered document for the current app, and the undocumented operations."""
    from lethe import __version__
    from lethe.api.app import create_app
    from lethe.config import Config

    with tempfile.TemporaryDirectory() as storage:
        app = create_app(Config(StorageDirectory=storage))
        operations = lethe_operations(app.routes)
        app.state.store.close()
    orthanc = json.loads(reference.read_text(encoding="utf-8"))
    document, undocumented = derive(orthanc, operations, __version__)
    return render(document), undocumented


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE,
                        help="Orthanc's OpenAPI description (JSON)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write Lethe's")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the output file is not up to date")
    args = parser.parse_args(argv)
    if not args.reference.is_file():
        print(f"Orthanc's OpenAPI description not found at {args.reference} (it is in the folder "
              "'reference' beside LETHE_SAMPLES; or give --reference)", file=sys.stderr)
        return 2
    text, undocumented = build(args.reference)
    for operation in undocumented:
        print(f"not in Orthanc's description, left out: {operation}", file=sys.stderr)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is not up to date: run tools/make_openapi.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    count = sum(len(methods) for methods in json.loads(text)["paths"].values())
    print(f"wrote {args.output}: {count} operations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
