"""Metrics of the running server, for ``/tools/metrics-prometheus``.

:class:`Metrics` keeps the counters that the server updates as it works: HTTP requests (how
many, how long, how many at once), by :class:`MetricsMiddleware`. The values that the index
and the job engine already know (instances, disk size, jobs by state, the last change) are
read when the metrics are asked for. ``MetricsEnabled`` (and ``PUT /tools/metrics``) turns
the collection off: the middleware then counts nothing, and the answer is empty, as in
Orthanc.

The text is Prometheus's exposition format as Orthanc writes it: one ``name value
timestamp`` line per metric (timestamp in milliseconds), Orthanc's ``orthanc_*`` names
first, then Lethe's own ``lethe_*`` counters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MEGABYTE = 1024 * 1024


class Metrics:
    """The counters of one server; every method may be called from any thread."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self.requests = 0
        self.active = 0
        self.duration_sum = 0.0  # seconds
        self.duration_max = 0.0
        self.last_duration = 0.0
        self.errors = 0  # answers 4xx and 5xx
        self.by_method: dict[str, int] = {}

    def begin(self) -> None:
        """A request starts."""
        with self._lock:
            self.active += 1

    def end(self, method: str, status: int, seconds: float) -> None:
        """A request ended with ``status`` after ``seconds``."""
        with self._lock:
            self.active -= 1
            self.requests += 1
            self.duration_sum += seconds
            self.duration_max = max(self.duration_max, seconds)
            self.last_duration = seconds
            self.errors += status >= 400
            self.by_method[method] = self.by_method.get(method, 0) + 1

    @property
    def up_time(self) -> int:
        """Seconds since the server started."""
        return int(time.monotonic() - self.started)

    def request_lines(self) -> list[tuple[str, float]]:
        """The request metrics, ``(name, value)``."""
        with self._lock:
            lines: list[tuple[str, float]] = [
                ("orthanc_rest_api_active_requests", self.active),
                ("orthanc_rest_api_duration_ms", round(self.last_duration * 1000)),
                ("lethe_http_requests_total", self.requests),
                ("lethe_http_request_errors_total", self.errors),
                ("lethe_http_request_duration_seconds_sum", round(self.duration_sum, 6)),
                ("lethe_http_request_duration_seconds_count", self.requests),
                ("lethe_http_request_duration_seconds_max", round(self.duration_max, 6)),
            ]
            lines += [(f'lethe_http_requests_total{{method="{method}"}}', count)
                      for method, count in sorted(self.by_method.items())]
        return lines


def prometheus_text(lines: Iterable[tuple[str, float]]) -> str:
    """The exposition text of ``(name, value)`` lines, stamped with the time now."""
    stamp = int(time.time() * 1000)
    out = []
    for name, value in lines:
        shown = repr(float(value)) if isinstance(value, float) and not value.is_integer() \
            else str(int(value))
        out.append(f"{name} {shown} {stamp}\n")
    return "".join(out)


class MetricsMiddleware:
    """ASGI middleware counting the HTTP requests and their duration in ``metrics``."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.metrics.enabled:
            await self.app(scope, receive, send)
            return
        status = 500
        start = time.perf_counter()

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)
        self.metrics.begin()
        try:
            await self.app(scope, receive, recording_send)
        finally:
            self.metrics.end(scope.get("method", ""), status, time.perf_counter() - start)
