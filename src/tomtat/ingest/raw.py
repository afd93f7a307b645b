"""What a reader found, before normalization and cleaning, and the check of an article
given as a mapping (JSON object, API call): every problem names its field."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from tomtat.core.errors import InputError

TEXT_FIELDS = ("text", "raw_text")
OPTIONAL_FIELDS = ("id", "title", "anchor_text", "lead", "published", "source", "url")


@dataclass(frozen=True)
class RawArticle:
    """What a reader found, before normalization and cleaning."""

    text: str
    title: str = ""
    lead: str = ""
    published: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    id: str | None = None


def raw_from_mapping(values: Mapping[str, Any], *, source: str, line: int | None = None) -> RawArticle:
    """Validate one JSON article object; every problem names the field."""
    if not isinstance(values, Mapping):
        raise InputError(f"expected a JSON object for an article, got {type(values).__name__}", source=source, line=line)
    text = None
    for name in TEXT_FIELDS:
        if name in values:
            if not isinstance(values[name], str):
                raise InputError(f"must be a string, got {type(values[name]).__name__}", source=source, line=line,
                                 field_name=name)
            text = values[name]
            break
    if text is None:
        raise InputError("article has no 'text' (or 'raw_text') field", source=source, line=line, field_name="text")
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = values.get(name)
        if (value is not None and not isinstance(value, (str, int))) or isinstance(value, bool):
            raise InputError(f"must be a string, got {type(value).__name__}", source=source, line=line, field_name=name)
        fields[name] = None if value is None else str(value)
    if not text.strip() and not (fields["anchor_text"] or fields["lead"] or "").strip():
        raise InputError("article text is empty", source=source, line=line, field_name="text")
    return RawArticle(
        text=text,
        title=fields["title"] or "",
        lead=fields["anchor_text"] or fields["lead"] or "",
        published=fields["published"],
        source=fields["source"],
        url=fields["url"],
        path=None,
        id=fields["id"],
    )
