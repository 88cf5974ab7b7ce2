"""The Lua front end of the hooks: Orthanc's Lua scripting, on lupa's Lua 5.3 (Orthanc's).

One interpreter runs every script of ``LuaScripts`` and of ``POST /tools/execute-script``,
guarded by one lock, as in Orthanc (the callbacks run in mutual exclusion; a callback defined
twice is the last one loaded). Before the scripts, ``toolbox.lua`` (this package) is loaded:
``PrintRecursive`` and the "job" functions (``SendToModality``, ``SendToPeer``, ``Delete``,
``ModifyInstance``, ``CallSystem``), which record operations that run once the callback
returns, as a job (:class:`OperationsJob`), as in Orthanc.

The functions offered to scripts: ``print`` (the log, and the answer of execute-script),
``RestApiGet/Post/Put/Delete(uri, [body], [builtin], [headers])`` (the answer, or nil on an
error; ``RestApiDelete`` true or nil), ``ParseJson``, ``DumpJson(value, [keepStrings])``,
``GetOrthancConfiguration``, ``HttpGet/Post/Put/Delete``, ``SetHttpCredentials``,
``SetHttpTimeout``, ``GenerateDicomUid(level)``, ``GetCurrentTime()``,
``SetStableStatus(resourceId, stable)`` (Orthanc 1.12.9).

Containment: a callback or a script running longer than :attr:`LuaFrontEnd.time_limit`
seconds of Lua code is stopped with an error (a hook counts instructions); a filter waits at
most :data:`FILTER_WAIT` seconds for the interpreter, then accepts with an error in the log.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import math
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from lupa import lua53

from lethe.errors import ErrorCode, LetheError
from lethe.hooks.dispatcher import Event, EventName, ServerApi, describe_error
from lethe.hooks.server import run_for_caller
from lethe.jobs.job import Job, JobControl

log = logging.getLogger(__name__)

FILTER_WAIT = 10.0  # seconds a filter waits for the interpreter before accepting
QUERY_FILTERS = frozenset({"IncomingFindRequestFilter", "IncomingWorklistRequestFilter",
                           "OutgoingFindRequestFilter"})
STATUS_FILTERS = frozenset({"ReceivedCStoreInstanceFilter"})  # they answer a DIMSE status
CALLBACKS = frozenset({*(e.value for e in EventName), *QUERY_FILTERS, *STATUS_FILTERS,
                       "Initialize", "Finalize", "ReceivedInstanceFilter",
                       "IncomingHttpRequestFilter", "OutgoingCStoreInstanceFilter"})


class ScriptTimeout(Exception):
    """A Lua callback ran longer than its time limit."""


class LuaFrontEnd:
    """The interpreter, its lock and the functions it offers (see the module's docstring).

    Parameters
    ----------
    scripts:
        Paths of the scripts to load at :meth:`start` (``LuaScripts``).
    time_limit:
        Seconds of Lua code one callback or script may run (0: no limit).
    """

    def __init__(self, scripts: list[str], time_limit: float = 60.0) -> None:
        self.scripts = scripts
        self.time_limit = time_limit
        self._lock = threading.RLock()
        self._server: ServerApi | None = None
        self._output: list[str] | None = None
        self._deadline = math.inf
        self._defined: frozenset[str] = frozenset()
        self._http_credentials: tuple[str, str] | None = None
        self._http_timeout = 10.0
        self.lua = lua53.LuaRuntime(encoding=None, unpack_returned_tuples=True,
                                    register_eval=False)
        g = self.lua.globals()
        self._tonumber = g.tonumber
        self._tostring = g.tostring
        functions = {
            "print": self._print, "RestApiGet": self._rest_get, "RestApiPost": self._rest_post,
            "RestApiPut": self._rest_put, "RestApiDelete": self._rest_delete,
            "ParseJson": self._parse_json, "DumpJson": self._dump_json,
            "GetOrthancConfiguration": self._configuration,
            "HttpGet": self._http_get, "HttpPost": self._http_post, "HttpPut": self._http_put,
            "HttpDelete": self._http_delete, "SetHttpCredentials": self._set_credentials,
            "SetHttpTimeout": self._set_timeout, "GenerateDicomUid": self._generate_uid,
            "GetCurrentTime": self._current_time, "SetStableStatus": self._set_stable,
            "_LetheCheckTime": self._check_time}
        for name, function in functions.items():
            g[name.encode()] = function
        self._install_hook = self.lua.eval(
            b"function() debug.sethook(function() _LetheCheckTime() end, '', 10000) end")
        toolbox = resources.files("lethe.hooks").joinpath("toolbox.lua").read_bytes()
        self._execute(toolbox, "toolbox")

    # --- FrontEnd -----------------------------------------------------------------------
    def handles(self, name: str) -> bool:
        """True if the scripts define the callback ``name`` (as of the last script run: no
        wait for the interpreter)."""
        return name in self._defined

    def _refresh_defined(self) -> None:
        """Note which callbacks are defined (the lock held)."""
        g = self.lua.globals()
        self._defined = frozenset(name for name in CALLBACKS
                                  if lua53.lua_type(g[name.encode()]) == "function")

    def start(self, server: ServerApi) -> None:
        """Load ``LuaScripts`` (a script that fails is logged and skipped), run
        ``Initialize``."""
        self._server = server
        for path in self.scripts:
            try:
                code = Path(path).read_bytes()
            except OSError as exc:
                log.error("Lua script %s cannot be read: %s", path, exc.strerror)
                continue
            try:
                with self._lock:
                    self._execute(code, Path(path).name)
            except Exception as exc:  # noqa: BLE001 - the other scripts still load
                log.error("Lua script %s failed: %s", path, describe_error(exc))
        with self._lock:
            self._refresh_defined()
        self._call_if_defined("Initialize")

    def stop(self) -> None:
        """Run ``Finalize``."""
        self._call_if_defined("Finalize")

    def deliver(self, event: Event, server: ServerApi) -> None:
        """Run the callback of ``event``, then submit the operations it recorded
        (``SendToModality``, ``Delete``...) as a job."""
        arguments = server.event_arguments(event)
        with self._lock:
            self._call("_InitializeJob")
            self._call(event.name.value, event.subject, *arguments)
            operations = to_json(self._call("_AccessJob"), keep_strings=True,
                                 tonumber=self._tonumber)
        if isinstance(operations, list) and operations:
            submit_operations(operations, server)

    def filter(self, name: str, *args: Any) -> Any:
        """Run the filter ``name`` (inline); a predicate's boolean, the JSON value a
        query filter returns, or the number a status filter returns."""
        def work() -> Any:
            answer = self._call(name, *args)
            if name in QUERY_FILTERS:
                return to_json(answer, keep_strings=True, tonumber=self._tonumber)
            if name in STATUS_FILTERS:  # a Lua number; 0xA700.0 is 0xA700
                if isinstance(answer, float) and answer.is_integer():
                    return int(answer)
                return answer
            if not isinstance(answer, bool):
                raise TypeError(f"{name} must return a boolean")
            return answer

        @contextlib.contextmanager
        def lock() -> Iterator[None]:
            if not self._lock.acquire(timeout=FILTER_WAIT):
                raise TimeoutError("the Lua interpreter is busy")
            try:
                yield
            finally:
                self._lock.release()
        return run_for_caller(work, lock)

    # --- execute-script -----------------------------------------------------------------
    def execute(self, code: bytes) -> bytes:
        """Run ``code`` (``POST /tools/execute-script``); what it printed. Raises
        :class:`LetheError` (Cannot execute a Lua command) if the script fails."""
        with self._lock:
            self._output = []
            try:
                self._execute(code, "line")
            except Exception as exc:  # noqa: BLE001 - the client gets the message
                raise LetheError(ErrorCode.CANNOT_EXECUTE_LUA, describe_error(exc)) from None
            finally:
                output, self._output = self._output, None
                self._refresh_defined()
        return "".join(line + "\n" for line in output).encode("utf-8")

    # --- running Lua ----------------------------------------------------------------------
    def _call_if_defined(self, name: str) -> None:
        try:
            with self._lock:
                if lua53.lua_type(self.lua.globals()[name.encode()]) == "function":
                    self._call(name)
        except Exception as exc:  # noqa: BLE001
            log.error("Lua %s failed: %s", name, describe_error(exc))

    def _execute(self, code: bytes, name: str) -> Any:
        return self._guarded(lambda: self.lua.execute(code, name=name))

    def _call(self, name: str, *args: Any) -> Any:
        function = self.lua.globals()[name.encode()]
        if lua53.lua_type(function) != "function":
            raise LookupError(f"{name} is not a Lua function")
        converted = [self.to_lua(a) for a in args]
        return self._guarded(lambda: function(*converted))

    def _guarded(self, run: Any) -> Any:
        """Run Lua code under the time limit (re-entrant calls keep the outer deadline)."""
        outer = self._deadline
        if outer == math.inf and self.time_limit > 0:
            self._deadline = time.monotonic() + self.time_limit
            self._install_hook()
        try:
            return run()
        finally:
            self._deadline = outer

    def _check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise ScriptTimeout(f"the Lua code ran longer than {self.time_limit:g} seconds")

    def to_lua(self, value: Any) -> Any:
        """A JSON value as Lua has it (Orthanc's ``PushJson``): objects and arrays as tables,
        strings as Lua strings, null as nil."""
        if isinstance(value, str):
            return value.encode("utf-8")
        if isinstance(value, dict):
            return self.lua.table_from({str(k).encode("utf-8"): self.to_lua(v)
                                        for k, v in value.items() if v is not None})
        if isinstance(value, list | tuple):
            table = self.lua.table()
            for i, item in enumerate(value, 1):
                table[i] = self.to_lua(item)
            return table
        return value

    # --- functions offered to scripts -------------------------------------------------------
    def _print(self, *args: Any) -> None:
        text = ", ".join(_text(self._tostring(a)) for a in args)
        log.warning("Lua says: %s", text)
        if self._output is not None:
            self._output.append(text)

    def _parse_json(self, text: Any = None) -> Any:
        if not isinstance(text, bytes | str):
            return None
        try:
            return self.to_lua(json.loads(text))
        except ValueError:
            return None

    def _dump_json(self, value: Any = None, keep_strings: Any = False) -> bytes:
        return dump_json(to_json(value, keep_strings=bool(keep_strings),
                                 tonumber=self._tonumber))

    def _configuration(self) -> Any:
        return self.to_lua(self._api().configuration())

    def _api(self) -> ServerApi:
        if self._server is None:
            raise RuntimeError("the REST API is not available yet")
        return self._server

    def _rest(self, method: str, uri: Any, body: Any, headers: Any) -> bytes | None:
        name = "RestApi" + method.capitalize()
        if not isinstance(uri, bytes):
            log.error("Lua: Bad parameters to %s()", name)
            return None
        text = uri.decode("utf-8", "replace")
        try:
            status, answer = self._api().rest(
                method, text, _bytes(body), _headers(headers, self._tonumber))
        except Exception as exc:  # noqa: BLE001 - the script gets nil, as in Orthanc
            log.error("Lua: %s", describe_error(exc))
            status, answer = 500, b""
        if status == 200:
            return answer
        log.error("Lua: Error in %s() for URI: %s", name, text)
        return None

    def _rest_get(self, uri: Any = None, builtin: Any = None, headers: Any = None) -> Any:
        return self._rest("GET", uri, b"", headers)

    def _rest_post(self, uri: Any = None, body: Any = b"", builtin: Any = None,
                   headers: Any = None) -> Any:
        return self._rest("POST", uri, body, headers)

    def _rest_put(self, uri: Any = None, body: Any = b"", builtin: Any = None,
                  headers: Any = None) -> Any:
        return self._rest("PUT", uri, body, headers)

    def _rest_delete(self, uri: Any = None, builtin: Any = None, headers: Any = None) -> Any:
        return True if self._rest("DELETE", uri, b"", headers) is not None else None

    def _http(self, method: str, url: Any, body: Any, headers: Any) -> bytes | None:
        if not isinstance(url, bytes):
            return None
        request = urllib.request.Request(url.decode("utf-8", "replace"), method=method,
                                         data=_bytes(body) if method in ("POST", "PUT")
                                         else None,
                                         headers=_headers(headers, self._tonumber))
        if self._http_credentials is not None:
            token = base64.b64encode(":".join(self._http_credentials).encode()).decode()
            request.add_header("Authorization", "Basic " + token)
        try:
            with urllib.request.urlopen(request, timeout=self._http_timeout) as response:
                return bytes(response.read())
        except (urllib.error.URLError, OSError, ValueError) as exc:
            log.error("Lua: Error in Http%s(): %s", method.capitalize(), exc)
            return None

    def _http_get(self, url: Any = None, headers: Any = None) -> Any:
        return self._http("GET", url, b"", headers)

    def _http_post(self, url: Any = None, body: Any = b"", headers: Any = None) -> Any:
        return self._http("POST", url, body, headers)

    def _http_put(self, url: Any = None, body: Any = b"", headers: Any = None) -> Any:
        return self._http("PUT", url, body, headers)

    def _http_delete(self, url: Any = None, headers: Any = None) -> Any:
        return True if self._http("DELETE", url, b"", headers) is not None else None

    def _set_stable(self, resource: Any = None, stable: Any = None) -> bool:
        """``SetStableStatus(resourceId, stable)``: whether the status changed; a Lua error
        for an unknown resource or an instance."""
        if not isinstance(resource, bytes) or not isinstance(stable, bool):
            raise ValueError("Bad parameters to SetStableStatus()")
        return self._api().set_stable_status(resource.decode("utf-8", "replace"), stable)

    def _set_credentials(self, username: Any = None, password: Any = None) -> None:
        if isinstance(username, bytes) and isinstance(password, bytes):
            self._http_credentials = (username.decode(), password.decode())

    def _set_timeout(self, seconds: Any = None) -> None:
        if isinstance(seconds, int | float) and seconds > 0:
            self._http_timeout = float(seconds)

    def _generate_uid(self, level: Any = None) -> Any:
        """A new UID under ``UidRoot`` for ``level`` (default: instance), as
        ``/tools/generate-uid`` makes it."""
        name = level if isinstance(level, bytes) else b"instance"
        return self._rest("GET", b"/tools/generate-uid?level=" + name.lower(), b"", None)

    def _current_time(self) -> bytes:
        return datetime.now(UTC).strftime("%Y%m%dT%H%M%S").encode()


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "<No conversion to string>" if value is None else str(value)


def _bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if value is None or isinstance(value, bool):
        return b""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, int | float):
        return str(value).encode()
    return b""


def _headers(value: Any, tonumber: Any) -> dict[str, str]:
    if lua53.lua_type(value) != "table":
        return {}
    parsed = to_json(value, keep_strings=True, tonumber=tonumber)
    if not isinstance(parsed, dict):
        return {}
    return {str(k).lower(): str(v) for k, v in parsed.items()}


def to_json(value: Any, *, keep_strings: bool, tonumber: Any) -> Any:
    """A Lua value as JSON, as Orthanc's ``GetJson`` converts it: a table whose keys are
    1, 2... in order is an array, another table an object (keys as strings); unless
    ``keep_strings``, numbers and strings that read as numbers are numbers (integers when
    whole), otherwise they are strings."""
    kind = lua53.lua_type(value)
    if kind == "table":
        items: dict[str, Any] = {}
        is_array = True
        for size, (key, item) in enumerate(value.items(), 1):
            name = _key_text(key)
            items[name] = to_json(item, keep_strings=keep_strings, tonumber=tonumber)
            if not (name.isdigit() and int(name) == size):
                is_array = False
        if is_array:
            return [items[str(i)] for i in range(1, len(items) + 1)]
        return dict(sorted(items.items()))
    if value is None or kind is not None:  # functions, userdata: null
        return None
    if isinstance(value, bool):
        return value
    if not keep_strings:
        number = tonumber(value) if isinstance(value, bytes | int | float) else None
        if isinstance(number, int | float):
            truncated = int(number) if math.isfinite(number) else None
            if truncated is not None and abs(number - truncated) <= 2.220446049250313e-16:
                return truncated
            return float(number)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else f"{value:.1f}"
    return str(value)


def _key_text(key: Any) -> str:
    if isinstance(key, bytes):
        return key.decode("utf-8", "replace")
    if isinstance(key, float):
        return f"{key:.1f}" if key.is_integer() else repr(key)
    return str(key)


def dump_json(value: Any) -> bytes:
    """Compact JSON with sorted keys, as Orthanc's ``DumpJson`` writes it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False,
                      sort_keys=True).encode("utf-8")


# --- the operations of the toolbox's job functions ------------------------------------------
class OperationsJob(Job):
    """The operations one callback recorded (``SendToModality``, ``Delete``...), as the job
    Orthanc submits for them (type ``SequenceOfOperations``, description ``Lua``): run in
    order, each on its ``Resource`` or, when that is empty, on what the previous one produced
    (a modified instance). An operation that fails fails the job; nothing is undone."""

    job_type = "SequenceOfOperations"

    def __init__(self, operations: list[dict[str, Any]], server: ServerApi) -> None:
        self._operations = operations
        self._server = server
        self._position = 0
        self._previous = ""

    def run(self, control: JobControl) -> None:
        while self._position < len(self._operations):
            control.checkpoint()
            operation = self._operations[self._position]
            kind = str(operation.get("Operation"))
            resource = operation.get("Resource") or self._previous
            if not resource:
                raise LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS,
                                 f"Lua {kind}: no resource to work on")
            try:
                self._previous = _run_operation(kind, str(resource), operation, self._server)
            except LetheError:
                raise
            except Exception as exc:  # noqa: BLE001 - the job fails with the message
                raise LetheError(ErrorCode.INTERNAL_ERROR,
                                 f"Lua {kind}: {describe_error(exc)}") from None
            self._position += 1
            control.set_progress(self._position / len(self._operations))

    def content(self) -> dict:
        return {"Description": "Lua", "CountOperations": len(self._operations)}

    def rollback(self) -> None:
        """Nothing: an operation done (a C-STORE, a deletion) stays done, as in Orthanc."""

    def reset(self) -> None:
        self._position, self._previous = 0, ""


def submit_operations(operations: list[Any], server: ServerApi) -> None:
    """Submit the operations a callback recorded as one :class:`OperationsJob`."""
    valid = [op for op in operations if isinstance(op, dict)]
    if valid:
        server.submit_job(OperationsJob(valid, server))


def _checked(server: ServerApi, method: str, uri: str, body: bytes = b"") -> bytes:
    status, answer = server.rest(method, uri, body)
    if status != 200:
        raise RuntimeError(f"{method} {uri} answered {status}")
    return answer


def _run_operation(kind: str, resource: str, operation: dict[str, Any],
                   server: ServerApi) -> str:
    if kind == "delete":
        _checked(server, "DELETE", f"/instances/{resource}")
        return ""
    if kind == "store-scu":
        body: dict[str, Any] = {"Resources": [resource], "Synchronous": True}
        if operation.get("LocalAet"):
            body["LocalAet"] = operation["LocalAet"]
        _checked(server, "POST", f"/modalities/{operation.get('Modality')}/store",
                 json.dumps(body).encode())
        return resource
    if kind == "store-peer":
        _checked(server, "POST", f"/peers/{operation.get('Peer')}/store",
                 json.dumps({"Resources": [resource], "Synchronous": True}).encode())
        return resource
    if kind == "modify":
        request: dict[str, Any] = {"Force": True}
        if isinstance(operation.get("Replace"), dict):
            request["Replace"] = operation["Replace"]
        if isinstance(operation.get("Remove"), list | dict):
            remove = operation["Remove"]
            request["Remove"] = list(remove.values()) if isinstance(remove, dict) else remove
        if operation.get("RemovePrivateTags"):
            request["RemovePrivateTags"] = True
        modified = _checked(server, "POST", f"/instances/{resource}/modify",
                            json.dumps(request).encode())
        stored = json.loads(_checked(server, "POST", "/instances", modified))
        return str(stored["ID"])
    if kind == "call-system":
        data = _checked(server, "GET", f"/instances/{resource}/file")
        arguments = operation.get("Arguments") or []
        if isinstance(arguments, dict):
            arguments = list(arguments.values())
        with tempfile.NamedTemporaryFile(suffix=".dcm") as file:
            file.write(data)
            file.flush()
            subprocess.run([str(operation.get("Command")), *map(str, arguments), file.name],
                           check=True, timeout=600)
        return resource
    raise ValueError(f"unknown operation {kind!r}")
