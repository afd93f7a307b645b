"""The service's error answers: one JSON shape (code, error, message, field, message_vi) for every status.

Errors raised in worker processes travel back as plain dicts (:func:`failure_payload`) and become
:class:`ServiceError` again in the server (:func:`service_error_from`).
"""
from __future__ import annotations

from typing import Any, Sequence

from fastapi.responses import JSONResponse
from starlette.requests import Request

from tomtat.core.errors import TomtatError
from tomtat.apps.service.config import ServiceConfig
from tomtat.apps.service.schemas import ErrorOut

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


def unparsable_body(request: Request, detail: str) -> JSONResponse:
    """FastAPI's bare 400s: a JSON body too deeply nested, or multipart data it cannot read."""
    if "multipart" in detail.lower() or "multipart" in request.headers.get("content-type", ""):
        return error_response(400, "E400", "InvalidUpload", "the uploaded form cannot be read: a part header "
                              "(e.g. a file name) longer than 4 KB, or malformed multipart data", "files",
                              "Không đọc được tệp gửi lên (tên tệp quá dài hoặc dữ liệu hỏng).")
    return error_response(400, "E400", "InvalidJSON", "the body cannot be parsed as JSON (nested too deeply?)",
                          "body", "Nội dung gửi lên không phải JSON hợp lệ.")


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


def too_many_articles(count: int, config: ServiceConfig, field: str) -> ServiceError:
    return ServiceError(422, "E422", f"{count} articles; the limit is {config.max_articles} (max_articles)",
                        field=field, message_vi=f"Quá nhiều bài: tối đa {config.max_articles} bài một lần.",
                        error="LimitExceeded")
