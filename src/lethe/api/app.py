"""The Starlette application: routes, error handlers and the security middleware."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware

from lethe.api import (
    archives,
    attachments,
    changes,
    deidentify,
    find,
    images,
    instances,
    jobs,
    legacy_find,
    lua,
    modalities,
    modify,
    peers,
    pseudonyms,
    reconstruct,
    resources,
    settings,
    system,
    tools,
    web,
    worklists,
)
from lethe.api import tags as tag_routes
from lethe.api.errors import InternalErrorMiddleware, http_error_handler, lethe_error_handler
from lethe.api.metrics import Metrics, MetricsMiddleware
from lethe.api.routing import IndexedRouter
from lethe.api.security import SecurityMiddleware
from lethe.api.threads import run_in_thread
from lethe.api.uris import UriNormalizationMiddleware
from lethe.config import Config
from lethe.dicom.tags import TagDictionary
from lethe.errors import LetheError
from lethe.hooks import EventName, HookServer, hooks_from_config
from lethe.jobs.cluster import start_saved_jobs
from lethe.jobs.engine import JobEngine
from lethe.jobs.persistence import saved_jobs
from lethe.jobs.pool import WorkerPool
from lethe.jobs.rehearsal import rehearse
from lethe.network.service import DicomNetwork
from lethe.store.store import Store

log = logging.getLogger(__name__)


def create_app(config: Config, store: Store | None = None, *,
               dicom_listener: bool = False) -> Starlette:
    """The Lethe REST application for ``config``, opening its store unless given (which
    raises :class:`~lethe.store.lock.FolderInUse` when another process owns it). The store
    is closed, and its folders released, when the application shuts down.

    With ``dicom_listener`` (what ``lethe serve`` asks), the DICOM listener starts and stops
    with the application when ``DicomServerEnabled``; an embedded application (tests, tools)
    binds no DICOM port unless asked. A port that cannot be bound fails the start-up."""
    # a bad entry fails before the store opens
    tags = TagDictionary.from_config(config.Dictionary, config.LoadPrivateDictionary)
    network = DicomNetwork.from_config(config)  # as does a bad DICOM setting
    store = store or Store.open(config)
    pool = WorkerPool(config.WorkerProcesses, channels=True)
    journal = saved_jobs(config, store, pool, tags)  # SaveJobs
    engine = JobEngine(config.ConcurrentJobs, config.JobsHistorySize, journal)
    network.attach(store, pool, engine)
    hooks, lua_front_end = hooks_from_config(config)  # LuaScripts, PythonScripts
    if hooks.active:  # OnJobSubmitted, OnJobSuccess, OnJobFailure
        engine.on_job_event = lambda name, job_id: hooks.notify(EventName(name), job_id)
        store.deleted_listener = lambda level, rid: hooks.notify_change("Deleted", level, rid)
    network.hooks = hooks  # ReceivedInstanceFilter, IncomingFindRequestFilter

    @asynccontextmanager
    async def lifespan(app: Starlette):
        await pool.serve_channels()
        # The instance routes run the engine in this process, from threads: a first thread
        # hop (which starts the first request thread) and a first use of the engine, before requests.
        await run_in_thread(rehearse)
        cluster = await run_in_thread(start_saved_jobs, engine, journal, store)
        if dicom_listener:
            try:
                await run_in_thread(network.start)
            except OSError as exc:
                log.error("cannot listen for DICOM on %s:%d (DicomBindAddress, DicomPort): %s",
                          network.settings.bind_address, network.settings.port, exc.strerror)
                raise
        hook_server = None
        if hooks.active:
            hook_server = HookServer(app, asyncio.get_running_loop(), store, config, hooks, tags,
                                     engine)
            await run_in_thread(hooks.start, hook_server, config.LuaHeartBeatPeriod)
            hook_server.watch_changes()
        yield
        if hook_server is not None:
            hook_server.stop()
            await run_in_thread(hooks.stop)  # Finalize, which may call the REST API
        network.stop()  # no association uses the store once it closes
        if cluster is not None:
            cluster.stop()  # claims nothing more
        engine.shutdown(timeout=10)  # before the store closes: rollbacks use it
        pool.shutdown()
        store.close()

    metrics = Metrics(config.MetricsEnabled)
    routes = (instances.routes + modify.routes + deidentify.routes + system.routes + jobs.routes
                + reconstruct.routes + modalities.routes + legacy_find.routes + peers.routes
                + archives.routes + images.routes + changes.routes + find.routes + tag_routes.routes
                + attachments.routes + tools.routes + settings.routes + lua.routes
                + pseudonyms.routes
              + resources.routes + web.routes + worklists.routes)
    app = Starlette(
        middleware=[Middleware(UriNormalizationMiddleware),
                    Middleware(MetricsMiddleware, metrics=metrics),
                    Middleware(SecurityMiddleware, config=config),
                    Middleware(lua.HttpFilterMiddleware, dispatcher=hooks),
                    Middleware(InternalErrorMiddleware)],
        exception_handlers={LetheError: lethe_error_handler,
                            HTTPException: http_error_handler},
    )
    app.router = IndexedRouter(routes, lifespan=lifespan)
    app.state.config = config
    app.state.metrics = metrics
    app.state.store = store
    app.state.jobs = engine
    app.state.pool = pool
    app.state.network = network
    app.state.tags = tags
    app.state.hooks = hooks
    app.state.lua = lua_front_end
    app.state.parsed_requests = modify.ParsedRequestCache()
    return app
