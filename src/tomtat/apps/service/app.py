"""The HTTP service: a FastAPI app over :class:`tomtat.Summarizer`, with limits and typed JSON errors.

Articles come only from the request (JSON objects or uploaded files, read from memory):
nothing in a request ever names a path on the server. Work runs in worker processes
(:mod:`tomtat.service.workers`), each request bounded by ``ServiceConfig.timeout_seconds``:
past it, the process doing the work is killed and replaced, so abandoned work never keeps a
core busy. Large requests have their own, lower-priority processes, so they cannot starve
ordinary ones.
"""
from __future__ import annotations

import json
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, AsyncIterator, Callable, Sequence

import anyio
import anyio.to_thread
from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from tomtat import __version__
from tomtat.core.errors import EmptyInputError, InputError, OptionsError, Problems, TomtatError
from tomtat.ingest.decode import decode_bytes
from tomtat.ingest.language import looks_vietnamese
from tomtat.ingest import RawArticle, build_articles, parse_text, raw_from_mapping
from tomtat.core.options import Options
from tomtat.story.editorial import editorial_extras
from tomtat.story.summarizer import Summarizer
from tomtat.apps.service.config import ServiceConfig
from tomtat.apps.service.limits import BodySizeLimit, SecurityHeaders
from tomtat.apps.service.schemas import (MAX_ID_CHARS, MAX_SHORT_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS, ArticleIn, BatchIn, BatchOut, ClusterIn, ErrorOut, FeatureOut, HealthOut, OptionsIn,
                      SummaryOut, VersionOut)
from tomtat.apps.service.workers import ProcessWorkers, WorkerLost, WorkFailed, WorkTimeout

STATIC = Path(__file__).resolve().parents[2] / "static"
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
MAX_UPLOAD_NAME_CHARS = 255
TEXT_FIELDS = ("text", "raw_text", "anchor_text")  # bounded by max_article_chars; the short fields by the schema

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "the body is not valid JSON (or a form field is not)"},
    413: {"model": ErrorOut, "description": "the body is larger than `max_body_bytes`"},
    422: {"model": ErrorOut, "description": "a field is missing, has a wrong type or value, or breaks a limit"},
    503: {"model": ErrorOut, "description": "the work took longer than `timeout_seconds` (and was stopped)"},
}


class ServiceError(Exception):
    """An answer other than 200, with the field it is about."""

    def __init__(self, status: int, code: str, message: str, *, field: str | None = None,
                 message_vi: str | None = None, error: str = "InvalidRequest") -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field, self.message_vi = status, code, message, field, message_vi
        self.error = error

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "error": self.error, "message": self.message, "field": self.field,
                "message_vi": self.message_vi}

    def response(self) -> JSONResponse:
        return error_response(self.status, self.code, self.error, self.message, self.field, self.message_vi)


def error_response(status: int, code: str, error: str, message: str, field: str | None = None,
                   message_vi: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"code": code, "error": error, "message": message, "field": field, "message_vi": message_vi}
    return JSONResponse(body, status_code=status, headers=headers)


@lru_cache(maxsize=64)
def _summarizer(options: Options) -> Summarizer:
    """Summarizers are stateless between calls and safe to share across threads."""
    return Summarizer(options)


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


# ---- work (module-level so worker processes can run it) ----------------------------------------------

def warm_up() -> None:
    """Run once in each new worker: load the model and build the default summarizer."""
    _summarizer(Options())


def work_cluster(articles: Sequence[ArticleIn], options: OptionsIn | None, config: ServiceConfig,
                 prefix: str = "") -> dict[str, Any]:
    opts = build_options(options, prefix)
    raws = [raw_from_request(a, i, config, prefix) for i, a in enumerate(articles_checked(articles, config, prefix))]
    return summarize_raws(raws, opts, prefix)


def work_files(uploads: Sequence[tuple[str, bytes]], options: OptionsIn | None, config: ServiceConfig) -> dict[str, Any]:
    opts = build_options(options, "")
    raws: list[RawArticle] = []
    for i, (name, data) in enumerate(uploads):
        raws.extend(raws_from_upload(name, data, i, config))
    if len(raws) > config.max_articles:
        raise too_many_articles(len(raws), config, "files")
    return summarize_raws(raws, opts, "")


def work_batch(clusters: Sequence[Any], options: OptionsIn | None, config: ServiceConfig) -> dict[str, Any]:
    results = []
    for i, cluster in enumerate(clusters):
        cid = cluster.id if cluster.id is not None else str(i)
        try:
            results.append({"id": cid, "summary": work_cluster(cluster.articles, options, config, f"clusters.{i}.")})
        except ServiceError as exc:
            results.append({"id": cid, "error": exc.to_dict()})
    return {"results": results}


def request_chars(articles: Sequence[ArticleIn]) -> int:
    return sum(len(value) for a in articles for value in a.model_dump(exclude_none=True).values()
               if isinstance(value, str))


def failure_payload(exc: BaseException) -> dict[str, Any] | None:
    """In the worker: an error as a picklable dict; None for a bug (answered 500, details kept out)."""
    if isinstance(exc, ServiceError):
        return {"status": exc.status, **exc.to_dict()}
    if isinstance(exc, TomtatError):
        field = getattr(exc, "field_name", None)
        return {"status": 422, "code": exc.code, "error": type(exc).__name__, "message": exc.message,
                "field": field, "message_vi": None}
    return None


def service_error_from(payload: dict[str, Any]) -> ServiceError:
    if "bug" in payload:
        return ServiceError(500, "E500", f"internal error ({payload['bug']}); please report it", error="InternalError")
    return ServiceError(int(payload["status"]), payload["code"], payload["message"], field=payload.get("field"),
                        message_vi=payload.get("message_vi"), error=payload["error"])


def unparsable_body(request: Request, detail: str) -> JSONResponse:
    """FastAPI's bare 400s: a JSON body too deeply nested, or multipart data it cannot read."""
    if "multipart" in detail.lower() or "multipart" in request.headers.get("content-type", ""):
        return error_response(400, "E400", "InvalidUpload", "the uploaded form cannot be read: a part header "
                              "(e.g. a file name) longer than 4 KB, or malformed multipart data", "files",
                              "Không đọc được tệp gửi lên (tên tệp quá dài hoặc dữ liệu hỏng).")
    return error_response(400, "E400", "InvalidJSON", "the body cannot be parsed as JSON (nested too deeply?)",
                          "body", "Nội dung gửi lên không phải JSON hợp lệ.")


# ---- helpers (pure, run in worker processes) --------------------------------------------------------

def validation_response(errors: Sequence[Any]) -> JSONResponse:
    first: dict[str, Any] = dict(errors[0]) if errors else {"type": "value_error", "loc": ("body",), "msg": "invalid request"}
    kind = str(first.get("type", ""))
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "form")]
    field = ".".join(loc) or "body"
    if kind == "json_invalid":
        ctx = first.get("ctx") or {}
        return error_response(400, "E400", "InvalidJSON", f"the body is not valid JSON: {ctx.get('error', first.get('msg'))}",
                              "body", "Nội dung gửi lên không phải JSON hợp lệ.")
    if kind == "extra_forbidden":
        what = "option" if loc[:1] == ["options"] or (len(loc) > 1 and loc[-2] == "options") else "field"
        return error_response(422, "E422", "UnknownField", f"unknown {what} '{loc[-1] if loc else field}'", field,
                              f"Trường không được hỗ trợ: {field}.")
    if kind == "missing":
        return error_response(422, "E422", "MissingField", "this field is required", field,
                              f"Thiếu trường bắt buộc: {field}.")
    return error_response(422, "E422", "InvalidField", str(first.get("msg", "invalid value")), field,
                          f"Giá trị không hợp lệ ở trường {field}.")


def tomtat_error_response(exc: TomtatError, prefix: str = "") -> JSONResponse:
    field = getattr(exc, "field_name", None)
    return error_response(422, exc.code, type(exc).__name__, exc.message, f"{prefix}{field}" if field else None)


def parse_options_field(raw: str | None) -> OptionsIn | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ServiceError(400, "E400", f"not valid JSON: {exc.msg} (column {exc.colno})", field="options",
                           message_vi="Tùy chọn không phải JSON hợp lệ.", error="InvalidJSON") from None
    except RecursionError:
        raise ServiceError(400, "E400", "not valid JSON: nested too deeply", field="options",
                           message_vi="Tùy chọn không phải JSON hợp lệ.", error="InvalidJSON") from None
    if not isinstance(value, dict):
        raise ServiceError(422, "E422", "must be a JSON object", field="options", error="InvalidOption",
                           message_vi="Tùy chọn phải là một đối tượng JSON.")
    try:
        return OptionsIn.model_validate(value)
    except ValidationError as exc:
        response = validation_response([{**e, "loc": ("options", *e["loc"])} for e in exc.errors()])
        body = json.loads(bytes(response.body))
        raise ServiceError(response.status_code, body["code"], body["message"], field=body["field"],
                           message_vi=body["message_vi"], error=body["error"]) from None


def build_options(options: OptionsIn | None, prefix: str) -> Options:
    try:
        return Options.from_mapping(options.model_dump(exclude_none=True) if options else {})
    except OptionsError as exc:
        raise ServiceError(422, exc.code, exc.message, field=f"{prefix}options.{exc.field_name}",
                           message_vi=f"Tùy chọn không hợp lệ: {exc.field_name}.", error="InvalidOption") from None


def too_many_articles(count: int, config: ServiceConfig, field: str) -> ServiceError:
    return ServiceError(422, "E422", f"{count} articles; the limit is {config.max_articles} (max_articles)",
                        field=field, message_vi=f"Quá nhiều bài: tối đa {config.max_articles} bài một lần.",
                        error="LimitExceeded")


def articles_checked(articles: Sequence[ArticleIn], config: ServiceConfig, prefix: str) -> Sequence[ArticleIn]:
    if not articles:
        raise ServiceError(422, "E422", "no articles; give at least one", field=f"{prefix}articles",
                           message_vi="Hãy dán ít nhất một bài báo.", error="EmptyInput")
    if len(articles) > config.max_articles:
        raise too_many_articles(len(articles), config, f"{prefix}articles")
    return articles


def check_length(value: str, limit: int, name: str, field: str) -> None:
    if len(value) > limit:
        raise ServiceError(422, "E422", f"{len(value)} characters; the limit is {limit} ({name})", field=field,
                           message_vi=f"Quá dài: tối đa {limit} ký tự.", error="LimitExceeded")


def check_text(text: str, lead: str, config: ServiceConfig, field: str, lead_field: str | None = None) -> None:
    check_length(text, config.max_article_chars, "max_article_chars", field)
    check_length(lead, config.max_article_chars, "max_article_chars", lead_field or field)
    if not (text.strip() or lead.strip()):
        raise ServiceError(422, "E422", "article text is empty", field=field, message_vi="Bài báo trống.", error="EmptyText")
    if not looks_vietnamese(f"{lead}\n{text}", config.min_vietnamese_share):
        raise ServiceError(422, "E422", "the text does not look Vietnamese (too few words with Vietnamese "
                           "letters; min_vietnamese_share)", field=field,
                           message_vi="Văn bản không giống tiếng Việt.", error="NotVietnamese")


def raw_from_request(article: ArticleIn, index: int, config: ServiceConfig, prefix: str) -> RawArticle:
    where = f"{prefix}articles.{index}"
    values = article.model_dump(exclude_none=True)
    text_field = "raw_text" if "raw_text" in values and "text" not in values else "text"
    for name in TEXT_FIELDS:  # every long field is bounded, used or not
        check_length(values.get(name, ""), config.max_article_chars, "max_article_chars", f"{where}.{name}")
    check_text(values.get(text_field, ""), values.get("anchor_text", ""), config, f"{where}.{text_field}",
               f"{where}.anchor_text")
    try:
        return raw_from_mapping(values, source=where)
    except InputError as exc:
        raise ServiceError(422, exc.code, exc.reason, field=f"{where}.{exc.field_name or 'text'}",
                           error=type(exc).__name__) from None


def upload_name(filename: str | None, index: int) -> str:
    """Only the last component of the client's file name is kept: it is a label, never a path."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name.strip()
    if len(name) > MAX_UPLOAD_NAME_CHARS:
        raise ServiceError(400, "E400", f"the file name has {len(name)} characters; the limit is "
                           f"{MAX_UPLOAD_NAME_CHARS}", field=f"files.{index}",
                           message_vi="Tên tệp quá dài.", error="InvalidUpload")
    return name or f"file{index}.txt"


def raws_from_upload(name: str, data: bytes, index: int, config: ServiceConfig) -> list[RawArticle]:
    field = f"files.{index}"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ServiceError(422, "E422", f"'{name}': not one of {', '.join(UPLOAD_SUFFIXES)}", field=field,
                           message_vi=f"Tệp '{name}' không được hỗ trợ (chỉ .txt, .html, .json).",
                           error="UnsupportedFile")
    if not data.strip():
        raise ServiceError(422, "E422", f"'{name}' is empty", field=field, message_vi=f"Tệp '{name}' trống.", error="EmptyText")
    try:
        text, _ = decode_bytes(data, source=name)
        raws = parse_text(text, name, suffix, Problems(strict=True))
    except InputError as exc:
        raise ServiceError(422, exc.code, str(exc.message), field=field,
                           message_vi=f"Không đọc được tệp '{name}'.", error=type(exc).__name__) from None
    stem = PurePosixPath(name).stem
    out = []
    for n, raw in enumerate(raws):
        check_text(raw.text, raw.lead, config, field)
        for value, limit in ((raw.title, MAX_TITLE_CHARS), (raw.id or "", MAX_ID_CHARS),
                             (raw.published or "", MAX_SHORT_CHARS), (raw.source or "", MAX_SHORT_CHARS),
                             (raw.url or "", MAX_URL_CHARS)):
            check_length(value, limit, "a field of an uploaded article", field)
        wanted = raw.id or (stem if len(raws) == 1 else f"{stem}-{n + 1}")
        out.append(RawArticle(**{**raw.__dict__, "path": None, "id": wanted}))
    return out


def summarize_raws(raws: Sequence[RawArticle], options: Options, prefix: str) -> dict[str, Any]:
    problems = Problems(strict=False)
    articles = build_articles(list(raws), problems)
    if not articles:
        raise ServiceError(422, EmptyInputError.code, "no article text left after removing scraped junk",
                           field=f"{prefix}articles", message_vi="Không còn nội dung sau khi làm sạch.",
                           error="EmptyInput")
    try:
        summary = _summarizer(options).summarize_articles(articles, warnings=[str(w) for w in problems.warnings])
    except TomtatError as exc:
        field = getattr(exc, "field_name", None)
        raise ServiceError(422, exc.code, exc.message, field=f"{prefix}{field}" if field else f"{prefix}articles",
                           error=type(exc).__name__) from None
    return {**summary.to_dict(include_text=True), **editorial_extras(articles)}
