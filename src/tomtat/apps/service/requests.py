"""Reading a request into raw articles and options: JSON articles, uploaded files, the options field.

Every check names the field it is about (``articles.2.text``, ``files.0``, ``options.sentences``)
and every long value is bounded by the service's limits. Pure functions: they run in worker processes.
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Sequence

from pydantic import ValidationError

from tomtat.core.errors import InputError, OptionsError, Problems
from tomtat.core.options import Options
from tomtat.ingest import RawArticle, parse_text, raw_from_mapping
from tomtat.ingest.decode import decode_bytes
from tomtat.ingest.language import looks_vietnamese
from tomtat.apps.service.config import ServiceConfig
from tomtat.apps.service.errors import ServiceError, too_many_articles, validation_response
from tomtat.apps.service.schemas import MAX_ID_CHARS, MAX_SHORT_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS, ArticleIn, OptionsIn

UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
MAX_UPLOAD_NAME_CHARS = 255
TEXT_FIELDS = ("text", "raw_text", "anchor_text")  # bounded by max_article_chars; the short fields by the schema


def request_chars(articles: Sequence[ArticleIn]) -> int:
    return sum(len(value) for a in articles for value in a.model_dump(exclude_none=True).values()
               if isinstance(value, str))


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
