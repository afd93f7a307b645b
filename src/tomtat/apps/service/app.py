"""The HTTP service: a FastAPI app over :class:`tomtat.Summarizer`, with limits and typed JSON errors.

This module holds the routes; beside it are the error answers (:mod:`~tomtat.apps.service.errors`),
the reading of requests (:mod:`~tomtat.apps.service.requests`) and the work itself
(:mod:`~tomtat.apps.service.work`). Articles come only from the request (JSON objects or uploaded
files, read from memory): nothing in a request ever names a path on the server. Work runs in worker
processes (:mod:`~tomtat.apps.service.workers`), each request bounded by
``ServiceConfig.timeout_seconds``: past it, the process doing the work is killed and replaced, so
abandoned work never keeps a core busy. Large requests have their own, lower-priority processes,
so they cannot starve ordinary ones.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Callable

import anyio
import anyio.to_thread
from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tomtat import __version__
from tomtat.core.errors import TomtatError
from tomtat.apps.service.config import ServiceConfig
from tomtat.apps.service.errors import (ERROR_RESPONSES, ServiceError, error_response, failure_payload,
                                        service_error_from, tomtat_error_response, too_many_articles,
                                        unparsable_body, validation_response)
from tomtat.apps.service.limits import BodySizeLimit, SecurityHeaders
from tomtat.apps.service.requests import build_options, parse_options_field, request_chars, upload_name
from tomtat.apps.service.schemas import BatchIn, BatchOut, ClusterIn, FeatureOut, HealthOut, SummaryOut, VersionOut
from tomtat.apps.service.work import warm_up, work_batch, work_cluster, work_files
from tomtat.apps.service.workers import ProcessWorkers, WorkerLost, WorkFailed, WorkTimeout

STATIC = Path(__file__).resolve().parents[2] / "static"


def create_app(config: ServiceConfig | None = None) -> FastAPI:
    config = config or ServiceConfig()
    ordinary = ProcessWorkers(config.workers, name="tomtat-worker", warm_up=warm_up, failure=failure_payload)
    large = ProcessWorkers(config.large_workers, name="tomtat-large-worker", nice=10, warm_up=warm_up,
                           failure=failure_payload)
    # Threads only wait for a worker's answer; the work itself is in the processes.
    waiters = anyio.CapacityLimiter(8 * (config.workers + config.large_workers) + 16)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        for pool in (ordinary, large):
            pool.start()
        await anyio.to_thread.run_sync(lambda: all(pool.wait_ready() for pool in (ordinary, large)))
        try:
            yield
        finally:
            for pool in (ordinary, large):
                pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="tomtat",
        version=__version__,
        description=("Faithful extractive summaries of clusters of Vietnamese news articles, with the source of "
                     "every sentence. Errors are JSON objects naming the field that was wrong. Limits: "
                     + ", ".join(f"{k}={v}" for k, v in config.to_dict().items())),
    )
    app.state.config = config
    app.state.workers = {"ordinary": ordinary, "large": large}
    app.add_middleware(BodySizeLimit, max_bytes=config.max_body_bytes, read_timeout=config.read_timeout_seconds)
    app.add_middleware(SecurityHeaders)

    # ---- errors ---------------------------------------------------------------------------------
    @app.exception_handler(ServiceError)
    async def _service_error(_: Request, exc: ServiceError) -> JSONResponse:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return validation_response(exc.errors())

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # the body could not be parsed at all
            return unparsable_body(request, str(exc.detail))
        messages = {404: "no such endpoint; see /docs", 405: "method not allowed for this endpoint"}
        return error_response(exc.status_code, f"E{exc.status_code}", "HTTPError",
                              messages.get(exc.status_code, str(exc.detail)), headers=getattr(exc, "headers", None))

    @app.exception_handler(TomtatError)
    async def _tomtat_error(_: Request, exc: TomtatError) -> JSONResponse:
        return tomtat_error_response(exc)

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> JSONResponse:  # a bug, not bad input
        return error_response(500, "E500", "InternalError", f"internal error ({type(exc).__name__}); please report it")

    # ---- work -----------------------------------------------------------------------------------
    async def run_bounded(func: Callable[..., Any], *args: Any, size: int) -> Any:
        """``func(*args)`` in a worker process (the large lane past ``large_request_chars``), time-bounded."""
        pool = large if size > config.large_request_chars else ordinary
        timeout = config.timeout_seconds
        try:
            # the outer bound only frees this request; the worker's own deadline kills the process
            with anyio.fail_after(timeout + 5):
                return await anyio.to_thread.run_sync(lambda: pool.call(func, args, timeout), limiter=waiters,
                                                      abandon_on_cancel=True)
        except (TimeoutError, WorkTimeout):
            raise ServiceError(503, "E503", f"the request took longer than {timeout:g} s (timeout_seconds) and "
                               "was stopped; send fewer or shorter articles", field="timeout_seconds",
                               message_vi="Yêu cầu xử lý quá lâu; hãy gửi ít bài hoặc bài ngắn hơn.",
                               error="Timeout") from None
        except WorkerLost:
            raise ServiceError(503, "E503", "the worker process doing this request ended (out of memory?); "
                               "try again with fewer or shorter articles", field=None, error="WorkerLost") from None
        except WorkFailed as failed:
            raise service_error_from(failed.payload) from None

    # ---- endpoints ------------------------------------------------------------------------------
    @app.get("/health", response_model=HealthOut, tags=["service"])
    async def health() -> dict[str, Any]:
        """Liveness: the service is up and answering."""
        return {"status": "ok"}

    @app.get("/version", response_model=VersionOut, tags=["service"])
    async def version() -> dict[str, Any]:
        """The package version and the limits in force."""
        return {"name": "tomtat", "version": __version__, "limits": config.to_dict()}

    @app.post("/summarize", response_model=SummaryOut, responses=ERROR_RESPONSES, tags=["summaries"])
    async def summarize(body: ClusterIn) -> JSONResponse:
        """Summarize one cluster given as JSON articles. Sentences carry `start`/`end` offsets into their
        article's cleaned `text`, which is included."""
        return JSONResponse(await run_bounded(work_cluster, body.articles, body.options, config,
                                              size=request_chars(body.articles)))

    @app.post("/summarize/files", response_model=SummaryOut, responses=ERROR_RESPONSES, tags=["summaries"])
    async def summarize_files(
        files: list[UploadFile] = File(..., description="article files: .txt, .html, .htm, .json, .jsonl"),  # noqa: B008
        options: str | None = Form(None, description='summary options as a JSON object, e.g. {"sentences": 3}'),
    ) -> JSONResponse:
        """Summarize one cluster given as uploaded files (read from memory, never from the server's disk)."""
        opts_in = parse_options_field(options)
        if len(files) > config.max_articles:
            raise too_many_articles(len(files), config, "files")
        uploads = [(upload_name(f.filename, i), await f.read()) for i, f in enumerate(files)]
        return JSONResponse(await run_bounded(work_files, uploads, opts_in, config,
                                              size=sum(len(data) for _, data in uploads)))

    @app.post("/batch", response_model=BatchOut, responses=ERROR_RESPONSES, tags=["summaries"])
    async def batch(body: BatchIn) -> JSONResponse:
        """Summarize many clusters; a bad cluster gets an `error` in its place, the others are still summarized."""
        if len(body.clusters) > config.max_clusters:
            raise ServiceError(422, "E422", f"{len(body.clusters)} clusters; the limit is {config.max_clusters} "
                               "(max_clusters)", field="clusters",
                               message_vi=f"Quá nhiều cụm: tối đa {config.max_clusters}.", error="LimitExceeded")
        build_options(body.options, "")  # a bad option fails the whole request
        size = sum(request_chars(cluster.articles) for cluster in body.clusters)
        return JSONResponse(await run_bounded(work_batch, body.clusters, body.options, config, size=size))

    def part_endpoint(name: str) -> Callable[..., Any]:
        async def endpoint(body: ClusterIn) -> JSONResponse:
            result = await run_bounded(work_cluster, body.articles, body.options, config,
                                       size=request_chars(body.articles))
            return JSONResponse({"articles": result["articles"], name: result[name]})
        return endpoint

    for name, doc in (("timeline", "The cluster's events in date order, each pointing back to its sentences."),
                      ("entities", "The people, places and organizations named, with their roles and articles.")):
        app.post(f"/{name}", response_model=FeatureOut, responses=ERROR_RESPONSES, tags=["summaries"],
                 summary=name.capitalize(), description=doc)(part_endpoint(name))

    # ---- the page -------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
