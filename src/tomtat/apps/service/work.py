"""The work a request asks for, module-level so worker processes (:mod:`tomtat.apps.service.workers`) can run it."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Sequence

from tomtat.core.errors import EmptyInputError, Problems, TomtatError
from tomtat.core.options import Options
from tomtat.ingest import RawArticle, build_articles
from tomtat.story.editorial import editorial_extras
from tomtat.story.summarizer import Summarizer
from tomtat.apps.service.config import ServiceConfig
from tomtat.apps.service.errors import ServiceError, too_many_articles
from tomtat.apps.service.requests import articles_checked, build_options, raw_from_request, raws_from_upload
from tomtat.apps.service.schemas import ArticleIn, OptionsIn


@lru_cache(maxsize=64)
def _summarizer(options: Options) -> Summarizer:
    """Summarizers are stateless between calls and safe to share across threads."""
    return Summarizer(options)


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
