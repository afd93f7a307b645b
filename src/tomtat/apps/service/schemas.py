"""Request and response shapes: the OpenAPI description is generated from these."""
from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from tomtat.core.options import Options


# Bounds of the short fields (the long ones, text and lead, are bounded by ``max_article_chars``).
MAX_TITLE_CHARS = 1_000
MAX_SHORT_CHARS = 200
MAX_URL_CHARS = 2_000
MAX_ID_CHARS = 200


class ArticleIn(BaseModel):
    """One article. ``text`` (or ``raw_text``) is required; the rest is optional."""

    model_config = ConfigDict(extra="forbid", strict=True)

    text: str | None = Field(None, description="the article body")
    raw_text: str | None = Field(None, description="the article body (AbMuSu name); used when `text` is absent")
    title: str | None = Field(None, max_length=MAX_TITLE_CHARS)
    anchor_text: str | None = Field(None, description="the lead paragraph (sapo); at most `max_article_chars`")
    published: str | None = Field(None, max_length=MAX_SHORT_CHARS,
                                  description="publication date, ISO 8601 or dd/mm/yyyy")
    source: str | None = Field(None, max_length=MAX_SHORT_CHARS, description="outlet name")
    url: str | None = Field(None, max_length=MAX_URL_CHARS)
    id: str | None = Field(None, max_length=MAX_ID_CHARS, description="article id; derived when absent")


def _settings_model(name: str, cls: type, doc: str) -> type[BaseModel]:
    """A request model with one optional field per setting of ``cls``, generated from its
    declarations (:func:`tomtat.core.options.setting`): absent means the library's default."""
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        meta = f.metadata
        kind: Any = Literal[meta["choices"]] if meta["choices"] else meta["kind"]
        default = "" if f.default is None else f" (default: {json.dumps(f.default)})"
        fields[f.name] = (kind | None, Field(None, ge=meta["minimum"], le=meta["maximum"], gt=meta["above"],
                                             description=meta["help"] + default))
    model: type[BaseModel] = create_model(name, __config__=ConfigDict(extra="forbid", strict=True), __doc__=doc,
                                          **fields)
    return model


if TYPE_CHECKING:  # the checker sees a plain model; the fields are generated below
    class OptionsIn(BaseModel):
        pass
else:
    OptionsIn = _settings_model("OptionsIn", Options, "Summary options (the library's tomtat.Options); give at most "
                                "one length option. Generated from tomtat.core.options.")


class ClusterIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    articles: list[ArticleIn] = Field(..., description="the articles of one cluster (one topic)")
    options: OptionsIn | None = None


class BatchClusterIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str | None = Field(None, max_length=200)
    articles: list[ArticleIn]


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    clusters: list[BatchClusterIn]
    options: OptionsIn | None = Field(None, description="options for every cluster")


# ---- responses -------------------------------------------------------------------------------

class ErrorOut(BaseModel):
    """Every 4xx/5xx answer. ``field`` names what was wrong (``articles.1.text``, ``options.ratio``, ``body``)."""

    code: str
    error: str
    message: str
    field: str | None = None
    message_vi: str | None = None


class RemovedOut(BaseModel):
    text: str
    reason: str


class SentenceOut(BaseModel):
    text: str
    article_id: str
    sentence_index: int
    start: int = Field(..., description="character offset into the article's cleaned `text`")
    end: int
    score: float
    source_text: str = Field(..., description="the whole source sentence; `text` may leave parts of it out")
    removed: list[RemovedOut] = Field(default_factory=list,
                                      description="the parts of `source_text` left out of `text`, with why")


class ArticleOut(BaseModel):
    id: str
    title: str
    path: str | None = Field(None, description="always null in the service")
    source: str | None
    url: str | None
    published: str | None
    duplicate_of: str | None
    sentences: int
    lead: str = Field("", description="the sapo (lead paragraph) as read, '' when none; `text` starts with it")
    removed: list[RemovedOut]
    text: str = Field(..., description="the normalized, cleaned text the offsets refer to")


class DuplicateOut(BaseModel):
    article: str
    duplicate_of: str
    similarity: float


class CohesionOut(BaseModel):
    unrelated: list[str] = Field(..., description="ids of articles that look like another story")
    similarity: dict[str, float] = Field(..., description="each article's best TF-IDF cosine to another article")
    threshold: float = Field(..., description="below this an article counts as unrelated")


class EventOut(BaseModel):
    """One event of the story: a date label and the summary sentences (indexes) that tell it."""

    label: str = Field(..., description='the date as Vietnamese readers write it: "12/3/2024", "tháng 7/2018", '
                                        '"16–18/7 (năm chưa rõ)", "Chưa rõ thời điểm" (undated, beside dated events; '
                                        '"" when the whole summary is undated)')
    date: str | None = Field(None, description="2018-07-12, 2018-07, 2019, --07-12 (year unknown) or null")
    precision: Literal["day", "month", "year", "range", "unknown"]
    sentences: list[int] = Field(..., description="indexes into `sentences`, in reading order")
    articles: list[str] = []
    year_from: int | None = Field(None, description="year unknown, but not before this one")
    date_end: str | None = None


class AbbreviationOut(BaseModel):
    """What an abbreviation of the summary stands for."""

    short: str = Field(..., description='as the summary writes it: "NTD", "NN&PTNT"')
    full: str = Field(..., description='spelled out: "người tiêu dùng"')
    article_id: str | None = Field(None, description="the article whose text defines it; null: the list of common "
                                                     "abbreviations")
    start: int | None = Field(None, description="the definition's span in that article's text")
    end: int | None = None


class SummaryOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    summary: str
    sentences: list[SentenceOut]
    articles: list[ArticleOut]
    duplicates: list[DuplicateOut]
    order: str
    budget_syllables: int
    warnings: list[str]
    headline: str | None = Field(None, description="suggested headline: the most central article title "
                                 "(extractive); null when no article has a title")
    cohesion: CohesionOut | None = None
    events: list[EventOut] = []
    abbreviations: list[AbbreviationOut] = []


class BatchItemOut(BaseModel):
    id: str
    summary: SummaryOut | None = None
    error: ErrorOut | None = None


class BatchOut(BaseModel):
    results: list[BatchItemOut]


class FeatureOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    articles: list[ArticleOut]
    timeline: Any = None
    entities: Any = None


class HealthOut(BaseModel):
    status: Literal["ok"]


class VersionOut(BaseModel):
    name: str
    version: str
    limits: dict[str, int | float]
