"""Limits of the HTTP service: one frozen object, from defaults, environment or ``tomtat serve`` flags."""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Mapping

from tomtat.core.errors import OptionsError
from tomtat.ingest.language import MIN_VIETNAMESE_SHARE


@dataclass(frozen=True, kw_only=True)
class ServiceConfig:
    """Every limit the service enforces; each is answered with a 4xx JSON error naming the field."""

    max_body_bytes: int = 2_000_000        # whole request body
    max_articles: int = 50                 # articles in one cluster
    max_article_chars: int = 100_000       # characters in one article's text
    max_clusters: int = 20                 # clusters in one batch request
    min_vietnamese_share: float = MIN_VIETNAMESE_SHARE     # share of words with a Vietnamese letter for text to count as Vietnamese
    timeout_seconds: float = 30.0          # a request's work (queueing included) is bounded by this; past it
                                           # the worker process doing it is killed and replaced
    workers: int = 2                       # worker processes for ordinary requests
    large_workers: int = 1                 # worker processes, at lower CPU priority, for large requests
    large_request_chars: int = 50_000      # a request with more text characters than this is large
    read_timeout_seconds: float = 15.0     # a client must send its request head, and each part of its body,
                                           # within this; the whole body within 4x this

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise OptionsError(f"must be a positive number, got {value!r}", field_name=f.name)
            if f.type == "int" and not isinstance(value, int):
                raise OptionsError(f"must be a whole number, got {value!r}", field_name=f.name)
        if self.min_vietnamese_share > 1:
            raise OptionsError("must be in (0, 1]", field_name="min_vietnamese_share")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> "ServiceConfig":
        """Read ``TOMTAT_MAX_BODY_BYTES`` etc.; explicit ``overrides`` (not None) win."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            key = "TOMTAT_" + f.name.upper()
            if key in environ:
                raw = environ[key]
                try:
                    values[f.name] = int(raw) if f.type == "int" else float(raw)
                except ValueError:
                    raise OptionsError(f"environment variable {key} is not a number: {raw!r}",
                                       field_name=f.name) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)
