"""The Python front end of the hooks: modules named in ``PythonScripts``.

A module defines any of these functions (the events of Orthanc's Lua callbacks, in Python's
spelling); Lethe calls those it finds. ``api`` is a :class:`RestApi`: the REST API in
process, whose instances stored have the origin ``Plugins``.

Events (queued, run one at a time on the hooks' thread, never blocking an upload):

- ``initialize(api)``, ``finalize(api)``: at start-up and shutdown;
- ``on_stored_instance(api, instance_id, tags, metadata, origin)``: ``tags`` the instance's
  simplified tags, ``metadata`` its metadata, ``origin`` Orthanc's origin table
  (``RequestOrigin``: ``RestApi``, ``DicomProtocol``, ``Lua``, ``Plugins``...);
- ``on_stable_patient``, ``on_stable_study``, ``on_stable_series(api, resource_id, tags,
  metadata)``: ``tags`` the resource's main tags;
- ``on_deleted_<level>(api, resource_id)``, ``on_updated_<level>(api, resource_id)``;
- ``on_job_submitted``, ``on_job_success``, ``on_job_failure(api, job_id)``;
- ``on_heart_beat(api)`` (every ``LuaHeartBeatPeriod`` seconds).

Filters (inline, on the thread of the request or the association; keep them fast):

- ``received_instance_filter(tags, origin, info) -> bool``: False refuses the instance;
- ``incoming_http_request_filter(method, uri, ip, username, headers) -> bool``: False is a 403;
- ``incoming_find_request_filter(query, origin) -> dict``: the C-FIND query to run;
- ``incoming_worklist_request_filter(query, origin) -> dict``: the worklist C-FIND query to
  run (``query`` as Lua's: ``{"gggg,eeee": text}``, a sequence as a list of such items);
- ``incoming_cstore_instance_filter(tags, origin, info) -> int``: for an instance received
  by C-STORE (after ``received_instance_filter``): 0 stores it, any other number is the
  DIMSE status answered and nothing is stored (Lua: ``ReceivedCStoreInstanceFilter``);
- ``outgoing_cstore_instance_filter(tags, destination) -> bool``: False skips an instance
  about to be sent by C-STORE (``destination``: ``RemoteAet``, ``RemoteIp``).

``api`` also offers ``api.set_stable_status(resource_id, stable)`` (Orthanc's
``SetStableStatus``, of its Python plugin and of Lua).

A function that raises is logged (its message only) and, for a filter, accepts.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from lethe.hooks.dispatcher import Event, EventName, ServerApi, describe_error

log = logging.getLogger(__name__)


_NAMES = {"ReceivedCStoreInstanceFilter": "incoming_cstore_instance_filter",
          "OutgoingCStoreInstanceFilter": "outgoing_cstore_instance_filter"}
STATUS_FILTERS = frozenset({"ReceivedCStoreInstanceFilter"})


def python_name(name: str) -> str:
    """The Python spelling of a callback: ``OnStableStudy`` -> ``on_stable_study``
    (``ReceivedCStoreInstanceFilter`` -> ``incoming_cstore_instance_filter``, the name
    of Orthanc's Python plugin)."""
    return _NAMES.get(name) or re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class RestError(Exception):
    """An in-process REST call answered with an error status."""

    def __init__(self, method: str, uri: str, status: int, body: bytes) -> None:
        super().__init__(f"{method} {uri}: HTTP {status}")
        self.status = status
        self.body = body


class RestApi:
    """The REST API in process, for Python hooks. Bodies may be bytes, a string or a JSON
    value; answers are parsed JSON when they are JSON, bytes otherwise."""

    def __init__(self, server: ServerApi) -> None:
        self._server = server

    def call(self, method: str, uri: str, body: Any = b"",
             headers: dict[str, str] | None = None) -> Any:
        """Call ``method uri``; the answer (JSON parsed); raises :class:`RestError` unless
        the status is 2xx."""
        if isinstance(body, str):
            data = body.encode("utf-8")
        elif isinstance(body, bytes | bytearray):
            data = bytes(body)
        else:
            data = json.dumps(body).encode("utf-8")
        status, answer = self._server.rest(method, uri, data, headers, origin="Plugins")
        if not 200 <= status < 300:
            raise RestError(method, uri, status, answer)
        if answer[:1] in (b"{", b"[") or answer.strip() in (b"true", b"false", b"null"):
            try:
                return json.loads(answer)
            except ValueError:
                pass
        return answer

    def get(self, uri: str, headers: dict[str, str] | None = None) -> Any:
        """``GET uri``."""
        return self.call("GET", uri, b"", headers)

    def post(self, uri: str, body: Any = b"", headers: dict[str, str] | None = None) -> Any:
        """``POST uri`` with ``body``."""
        return self.call("POST", uri, body, headers)

    def put(self, uri: str, body: Any = b"", headers: dict[str, str] | None = None) -> Any:
        """``PUT uri`` with ``body``."""
        return self.call("PUT", uri, body, headers)

    def delete(self, uri: str, headers: dict[str, str] | None = None) -> Any:
        """``DELETE uri``."""
        return self.call("DELETE", uri, b"", headers)

    def set_stable_status(self, resource_id: str, stable: bool) -> bool:
        """Orthanc's ``SetStableStatus``: make a patient, study or series stable now (its
        ``on_stable_<level>`` follows) or unstable again; whether its status changed.
        Raises :class:`~lethe.errors.LetheError` for an unknown resource or an instance."""
        return self._server.set_stable_status(resource_id, bool(stable))


class PythonFrontEnd:
    """The modules of ``PythonScripts`` (see the module's docstring)."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self.modules: list[ModuleType] = []
        self._api: RestApi | None = None

    def handles(self, name: str) -> bool:
        """True if a module defines the function of callback ``name``."""
        attribute = python_name(name)
        return any(callable(getattr(m, attribute, None)) for m in self.modules)

    def start(self, server: ServerApi) -> None:
        """Import the modules (one that fails is logged and skipped), call ``initialize``."""
        self._api = RestApi(server)
        for number, path in enumerate(self.paths):
            try:
                self.modules.append(_load(path, number))
            except Exception as exc:  # noqa: BLE001 - the other modules still load
                log.error("Python script %s failed: %s", path, describe_error(exc))
        self._each("initialize", self._api)

    def stop(self) -> None:
        """Call ``finalize``."""
        if self._api is not None:
            self._each("finalize", self._api)

    def deliver(self, event: Event, server: ServerApi) -> None:
        """Call each module's function of ``event``; the first that raises stops it."""
        api = self._api or RestApi(server)
        arguments: tuple[Any, ...] = () if event.name is EventName.HEART_BEAT else \
            (event.subject, *server.event_arguments(event))
        attribute = python_name(event.name.value)
        for module in self.modules:
            function = getattr(module, attribute, None)
            if callable(function):
                function(api, *arguments)

    def filter(self, name: str, *args: Any) -> Any:
        """Run the filter ``name`` of each module: a predicate's conjunction, or the query
        rewritten by each in turn."""
        attribute = python_name(name)
        if name in STATUS_FILTERS:  # the first status that is not 0
            statuses = (f(*args) for m in self.modules
                        if callable(f := getattr(m, attribute, None)))
            return next((s for s in statuses if s != 0), 0)
        answer: Any = True if name.endswith(("InstanceFilter", "HttpRequestFilter")) else \
            args[0]
        for module in self.modules:
            function = getattr(module, attribute, None)
            if not callable(function):
                continue
            if answer is True or answer is False:
                if not function(*args):
                    return False
            else:
                answer = function(answer, *args[1:])
        return answer

    def _each(self, attribute: str, *args: Any) -> None:
        for module in self.modules:
            function = getattr(module, attribute, None)
            if callable(function):
                try:
                    function(*args)
                except Exception as exc:  # noqa: BLE001
                    log.error("Python %s failed: %s", attribute, describe_error(exc))


def _load(path: str, number: int) -> ModuleType:
    name = f"lethe_hooks_{number}_{re.sub(r'[^0-9A-Za-z_]', '_', Path(path).stem)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} is not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
