"""The Starlette application: routes, error handlers and the security middleware."""

from __future__ import annotations

from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware

from lethe.api import instances, jobs, modify, resources, system
from lethe.api.errors import InternalErrorMiddleware, http_error_handler, lethe_error_handler
from lethe.api.security import SecurityMiddleware
from lethe.config import Config
from lethe.dicom.tags import TagDictionary
from lethe.errors import LetheError
from lethe.jobs.engine import JobEngine
from lethe.jobs.pool import WorkerPool
from lethe.jobs.rehearsal import rehearse
from lethe.store.store import Store


def create_app(config: Config, store: Store | None = None) -> Starlette:
    """The Lethe REST application for ``config`` (opening its store unless given)."""
    store = store or Store.open(config)
    engine = JobEngine(config.ConcurrentJobs, config.JobsHistorySize)
    pool = WorkerPool(config.WorkerProcesses, channels=True)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        await pool.serve_channels()
        # The instance routes run the engine in this process, from threads: a first thread
        # hop (which loads anyio's backend) and a first use of the engine, before requests.
        await run_in_threadpool(rehearse)
        yield
        engine.shutdown(timeout=10)  # before the store closes: rollbacks use it
        pool.shutdown()
        store.close()

    app = Starlette(
        routes=(instances.routes + modify.routes + system.routes + jobs.routes
                + resources.routes),
        middleware=[Middleware(SecurityMiddleware, config=config),
                    Middleware(InternalErrorMiddleware)],
        exception_handlers={LetheError: lethe_error_handler,
                            HTTPException: http_error_handler},
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.store = store
    app.state.jobs = engine
    app.state.pool = pool
    app.state.tags = TagDictionary.from_config(config.Dictionary)
    app.state.parsed_requests = modify.ParsedRequestCache()
    return app
