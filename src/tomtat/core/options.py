"""One options object, built the same way by the Python API, the CLI and the HTTP service."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping

from tomtat.core.errors import OptionsError

ORDERS = ("auto", "source", "date", "score", "chronological")


@dataclass(frozen=True, kw_only=True)
class Options:
    """How to summarize. Immutable: derive a new one with :meth:`replace`.

    Length: give at most one of ``syllables``, ``sentences`` or ``ratio``; with none the
    length is predicted from the cluster (AbMuSu references are about 10% of the cluster).

    ``trim``: remove photo notes, credits, trailing outlet attributions and dangling
    connective openers from the chosen sentences (see :mod:`tomtat.trim`); the whole source
    sentence stays in each sentence's ``source_text``.
    """

    syllables: int | None = None
    sentences: int | None = None
    ratio: float | None = None
    order: str = "auto"
    ranker: str = "default"
    redundancy: float = 0.4
    duplicate_article_threshold: float = 0.08  # shingle containment, see dedup.py
    duplicate_sentence_threshold: float = 0.8
    strict: bool = False
    trim: bool = True

    def __post_init__(self) -> None:
        given = [n for n in ("syllables", "sentences", "ratio") if getattr(self, n) is not None]
        if len(given) > 1:
            raise OptionsError(f"give only one length option, got {', '.join(given)}", field_name=given[1])
        for name in ("syllables", "sentences"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise OptionsError(f"must be a whole number >= 1, got {value!r}", field_name=name)
        if self.ratio is not None and (not _is_number(self.ratio) or not 0 < self.ratio <= 1):
            raise OptionsError(f"must be a number in (0, 1], got {self.ratio!r}", field_name="ratio")
        if self.order not in ORDERS:
            raise OptionsError(f"must be one of {', '.join(ORDERS)}, got {self.order!r}", field_name="order")
        for name in ("redundancy", "duplicate_article_threshold", "duplicate_sentence_threshold"):
            value = getattr(self, name)
            if not _is_number(value) or not 0 <= value <= 1:
                raise OptionsError(f"must be a number in [0, 1], got {value!r}", field_name=name)
        for name in ("strict", "trim"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"must be true or false, got {getattr(self, name)!r}", field_name=name)
        if not isinstance(self.ranker, str):
            raise OptionsError(f"must be a ranker name, got {self.ranker!r}", field_name="ranker")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> "Options":
        """Build from untrusted input (JSON, CLI): unknown names and wrong types are errors."""
        values = dict(values or {})
        known = {f.name for f in dataclasses.fields(cls)}
        for name in values:
            if name not in known:
                raise OptionsError(f"unknown option; known: {', '.join(sorted(known))}", field_name=str(name))
        return cls(**{k: v for k, v in values.items() if v is not None or k in ("syllables", "sentences", "ratio")})

    def replace(self, **changes: Any) -> "Options":
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, kw_only=True)
class GroupOptions:
    """How ``tomtat group`` groups articles into stories (see :mod:`tomtat.group`).

    ``threshold``: the TF-IDF cosine every two articles of a story must reach (chosen on
    AbMuSu train); ``link_threshold``: pairs below it are never compared further (blocking,
    capped at ``threshold``); ``min_df``/``max_df``: features kept; ``duplicate_threshold``:
    MinHash Jaccard of 3-gram shingles for a near-identical copy.
    """

    threshold: float = 0.10
    link_threshold: float = 0.05
    min_df: int = 2
    max_df: float = 0.05
    duplicate_threshold: float = 0.5  # MinHash Jaccard over 3-gram shingles
    num_perm: int = 64
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("threshold", "link_threshold", "max_df", "duplicate_threshold"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
                raise OptionsError(f"must be a number in [0, 1], got {value!r}", field_name=name)
        for name in ("min_df", "num_perm"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise OptionsError(f"must be a whole number >= 1, got {value!r}", field_name=name)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> "GroupOptions":
        values = dict(values or {})
        known = {f.name for f in dataclasses.fields(cls)}
        for name in values:
            if name not in known:
                raise OptionsError(f"unknown option; known: {', '.join(sorted(known))}", field_name=str(name))
        return cls(**{k: v for k, v in values.items() if v is not None})


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
