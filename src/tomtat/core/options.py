"""One options object: the single home of every setting and tuned value.

Each field of :class:`Options` is declared once with :func:`setting`: its default, its kind,
its bounds and its help text. The Python API uses the dataclass as it is; the CLI flags
(``tomtat.apps.commands.common``) and the HTTP service's request schema
(``tomtat.apps.service.schemas``) are generated from these declarations, so a value tuned
in a benchmark is changed here and nowhere else.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Mapping

from tomtat.core.errors import OptionsError

ORDERS = ("auto", "source", "date", "score", "chronological")
# The rankers' names (the table itself is tomtat.summarize.rankers.RANKERS, checked to match).
RANKER_NAMES = ("default", "learned", "unsupervised", "centroid", "lead")
SELECTORS = ("coverage", "mmr")

# Groups, in the order the CLI's --help shows them.
LENGTH, SUMMARY, TUNING = "length", "summary", "tuning"


def setting(default: Any, kind: type, help: str, *, group: str = TUNING, minimum: float | None = None,
            maximum: float | None = None, above: float | None = None, choices: tuple[str, ...] | None = None,
            metavar: str | None = None) -> Any:
    """A field of :class:`Options` with what the CLI and the service need to know about it.

    ``minimum``/``maximum`` are inclusive bounds, ``above`` an exclusive lower bound.
    """
    meta = {"kind": kind, "help": help, "group": group, "minimum": minimum, "maximum": maximum, "above": above,
            "choices": choices, "metavar": metavar}
    return dataclasses.field(default=default, metadata=meta)

LAYOUTS = ("story", "flat")


@dataclass(frozen=True, kw_only=True)
class Options:
    """How to summarize. Immutable: derive a new one with :meth:`replace`.

    Length: give at most one of ``syllables``, ``sentences`` or ``ratio``; with none the
    length is predicted from the cluster (see ``auto_*``).
    """

    # -- length
    syllables: int | None = setting(None, int, "summary length in syllables", group=LENGTH, minimum=1,
                                    maximum=100_000, metavar="N")
    sentences: int | None = setting(None, int, "summary length in sentences", group=LENGTH, minimum=1,
                                    maximum=10_000, metavar="N")
    ratio: float | None = setting(None, float, "summary length as a share of the cluster, in (0, 1]", group=LENGTH,
                                  above=0, maximum=1, metavar="R")
    # -- what the summary is made of
    order: str = setting("auto", str, "sentence order: auto (by date when all articles have one, else source), "
                         "source, date, score, chronological (by the date of the event each sentence reports)",
                         group=SUMMARY, choices=ORDERS)
    ranker: str = setting("default", str, "sentence ranker: default (= learned), unsupervised, centroid, lead",
                          group=SUMMARY, choices=RANKER_NAMES)
    layout: str = setting("story", str, "story: the sentences grouped into events in time order where known, each "
                          "opened by its date; flat: one paragraph in --order (an order other than auto implies flat)",
                          group=SUMMARY, choices=LAYOUTS)
    introductions_first: bool = setting(
        True, bool, "in the story layout, a sentence that introduces a person (\"Chủ tịch Kim Jong-un\") or gives an "
        "organization's short form (\"... (VietinBank)\") comes before one of the same event that names them short "
        "(\"ông Kim\", \"VietinBank\"); off: the event's lede-first order alone, ~1 ms a "
        "cluster less (the entity rules read the summary's sentences)", group=SUMMARY)
    selector: str = setting("coverage", str, "sentence selection: coverage (the most weighted syllable bigrams "
                            "within the length) or mmr (maximal marginal relevance)", group=SUMMARY,
                            choices=SELECTORS)
    strict: bool = setting(False, bool, "any bad input file or line is fatal", group=SUMMARY)
    trim: bool = setting(True, bool, "remove photo notes, credits, outlet attributions, press-interview preambles "
                         "and dangling openers from the chosen sentences (the whole source sentence stays in "
                         "source_text)", group=SUMMARY)
    # -- tuned values (chosen with the benchmarks; see the README)
    redundancy: float = setting(0.4, float, "weight of novelty against score in selection (MMR)", minimum=0,
                                maximum=1, metavar="W")
    duplicate_sentence_threshold: float = setting(
        0.8, float, "a candidate sentence at or above this cosine to a chosen one is never taken", minimum=0, maximum=1)
    containment_threshold: float = setting(
        0.5, float, "a candidate with this share of its syllable bigrams inside a chosen sentence (or holding that "
        "share of one) is never taken", minimum=0, maximum=1)
    same_fact_containment: float = setting(
        1.0, float, "two sentences stating one counted thing ('14 tháng tù') with a capitalized word in common are one "
        "fact from this share of the shorter one's syllable bigrams in the other (1: off, the default; 0.2 leaves "
        "out more repeats at some ROUGE)", minimum=0, maximum=1)
    duplicate_article_threshold: float = setting(
        0.08, float, "4-syllable shingle containment at which an article is another's copy", minimum=0, maximum=1)
    length_overshoot: float = setting(0.1, float, "a sentence may end the summary this share past the budget",
                                      minimum=0, maximum=1)
    min_sentence_syllables: int = setting(12, int, "shorter sentences are not chosen while others are left",
                                          minimum=1, maximum=1000)
    long_sentence_syllables: int = setting(90, int, "longer sentences get long_sentence_penalty", minimum=1,
                                           maximum=100_000)
    long_sentence_penalty: float = setting(0.3, float, "score penalty (on the 0-1 scale) of a long sentence",
                                           minimum=0, maximum=1)
    selection_pool: int = setting(300, int, "only this many best-scored sentences are considered", minimum=1,
                                  maximum=100_000)
    # Coverage selection; chosen by leave-one-corpus-out validation (training/loco.py, the worse
    # of AbMuSu-train -> ViMs training part and ViMs training part -> AbMuSu validation).
    coverage_temperature: float = setting(0.5, float, "coverage: a bigram weighs the sum of exp((score - best) / "
                                          "temperature) over the sentences using it", above=0, maximum=100)
    coverage_cost_exponent: float = setting(0.8, float, "coverage: greedy gain is divided by the sentence's "
                                            "syllables to this power", minimum=0, maximum=2)
    coverage_weights: str = setting("learned", str, "coverage: how a bigram is weighed: learned (the concept model, "
                                    "with the learned ranker) or scores (the sum above)", choices=("learned", "scores"))
    coverage_pool: int = setting(60, int, "coverage: only this many best-scored sentences are considered",
                                 minimum=1, maximum=100_000)
    duplicate_article_min_shared: int = setting(
        12, int, "two articles share at least this many 4-syllable shingles to be copies (stock phrases reach 8)",
        minimum=1, maximum=100_000)
    same_day_similarity: float = setting(
        0.3, float, "two outlets' sentences on the same day at this cosine tell one fact: the lower-scored goes",
        minimum=0, maximum=1)
    # Off by default: on the ViMs training part it costs 0.005-0.007 ROUGE-2 (docs/summary-quality.md).
    lede_repeat_similarity: float = setting(
        1.0, float, "two outlets' ledes (a sapo's sentences and the body's first two) on the same day at this "
        "cosine tell one fact: the lower-scored goes (fewer repeats, less ROUGE; 0.15 reads well; at or above "
        "--same-day-similarity it adds nothing)",
        minimum=0, maximum=1)
    event_window_days: int = setting(3, int, "days this far apart are one happening in the story's events",
                                     minimum=0, maximum=366)
    # The unsupervised ranker (ranker "unsupervised"): its terms' weights against the centroid
    # similarity's 1.0, tuned on AbMuSu train and confirmed on validation (benchmarks/abmusu.py).
    unsupervised_position_weight: float = setting(0.35, float, "unsupervised ranker: weight of 1/sqrt(1 + "
                                                  "position in the article)", minimum=-10, maximum=10)
    unsupervised_support_weight: float = setting(0.0, float, "unsupervised ranker: weight of the support from the "
                                                 "other articles", minimum=-10, maximum=10)
    unsupervised_title_weight: float = setting(0.2, float, "unsupervised ranker: weight of the similarity to the "
                                               "article's title", minimum=-10, maximum=10)
    # Negative on purpose: on AbMuSu train the sapo's sentences are teasers that restate the
    # title; the references retell the facts of the body (train R2 0.295 -> 0.322 at -0.3).
    unsupervised_lead_weight: float = setting(-0.3, float, "unsupervised ranker: weight of being in the lead "
                                              "paragraph (sapo)", minimum=-10, maximum=10)
    # The length a human writes: training/fit_length.py on AbMuSu train + the ViMs training part
    # (log-log slope 0.30 +- 0.03; level: half of those references are longer). The earlier 340
    # with a square-root growth was about twice the references' length.
    auto_reference_syllables: int = setting(195, int, "default length for a cluster of auto_reference_cluster "
                                            "syllables", minimum=1, maximum=100_000)
    auto_reference_cluster: int = setting(2000, int, "cluster size (syllables) the reference length is for",
                                          minimum=1, maximum=10_000_000)
    auto_exponent: float = setting(0.30, float, "the default length grows as the cluster size to this power",
                                   minimum=0, maximum=1)
    # Below the reference size the length shrinks more slowly than it grows above it:
    # training/cross_fit_length.py, out of sample on both training parts, found a summary much
    # shorter than the usual human length costs small clusters ROUGE-2 (worse part 0.3275 at
    # 0.30, 0.3306 at 0.10, 0.3298 at 0; median length 209 -> 211 against 200).
    auto_exponent_below: float = setting(0.1, float, "the power the default length shrinks by for clusters "
                                         "smaller than auto_reference_cluster (0: the reference length, "
                                         "still at most half the cluster)", minimum=0, maximum=1)
    auto_min_syllables: int = setting(60, int, "shortest default length", minimum=1, maximum=100_000)
    auto_max_syllables: int = setting(400, int, "longest default length", minimum=1, maximum=100_000)

    def __post_init__(self) -> None:
        given = [n for n in ("syllables", "sentences", "ratio") if getattr(self, n) is not None]
        if len(given) > 1:
            raise OptionsError(f"give only one length option, got {', '.join(given)}", field_name=given[1])
        for f in dataclasses.fields(self):
            check_setting(f, getattr(self, f.name))

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> Options:
        """Build from untrusted input (JSON, CLI): unknown names and wrong types are errors;
        a ``None`` value means "the default"."""
        return _from_mapping(cls, values)

    def replace(self, **changes: Any) -> Options:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def changed(self) -> dict[str, Any]:
        """The settings that differ from their defaults."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if getattr(self, f.name) != f.default}


@dataclass(frozen=True, kw_only=True)
class GroupOptions:
    """How ``tomtat group`` groups articles into stories (see :mod:`tomtat.story.group`)."""

    threshold: float = setting(0.10, float, "TF-IDF cosine every two articles of a story must reach (chosen on "
                               "AbMuSu train)", minimum=0, maximum=1, metavar="T")
    link_threshold: float = setting(0.05, float, "pairs below this cosine are never compared further (blocking; "
                                    "capped at threshold)", minimum=0, maximum=1)
    min_df: int = setting(2, int, "a term must occur in this many articles to count", minimum=1, maximum=1_000_000)
    max_df: float = setting(0.05, float, "a term in more than this share of the articles does not count",
                            minimum=0, maximum=1)
    duplicate_threshold: float = setting(0.5, float, "Jaccard of syllable 3-gram shingles for a near-identical copy",
                                         minimum=0, maximum=1)

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            check_setting(f, getattr(self, f.name))

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> GroupOptions:
        return _from_mapping(cls, values)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def check_setting(f: dataclasses.Field[Any], value: Any) -> None:
    """Raise :class:`OptionsError` naming the field when ``value`` does not fit its declaration."""
    meta = f.metadata
    if value is None and f.default is None:
        return
    kind = meta["kind"]
    if kind is bool:
        if not isinstance(value, bool):
            raise OptionsError(f"must be true or false, got {value!r}", field_name=f.name)
        return
    if kind is str:
        if not isinstance(value, str) or (meta["choices"] and value not in meta["choices"]):
            known = ", ".join(meta["choices"] or ())
            raise OptionsError(f"must be one of {known}, got {value!r}", field_name=f.name)
        return
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise OptionsError(f"must be a whole number, got {value!r}", field_name=f.name)
    elif not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise OptionsError(f"must be a number, got {value!r}", field_name=f.name)
    low, high, above = meta["minimum"], meta["maximum"], meta["above"]
    if (low is not None and value < low) or (high is not None and value > high) or (above is not None and value <= above):
        lower = f"({above}" if above is not None else f"[{low}" if low is not None else "(-inf"
        upper = f"{high}]" if high is not None else "inf)"
        raise OptionsError(f"must be in {lower}, {upper}, got {value!r}", field_name=f.name)


def _from_mapping(cls: Any, values: Mapping[str, Any] | None) -> Any:
    values = dict(values or {})
    known = {f.name for f in dataclasses.fields(cls)}
    for name in values:
        if name not in known:
            raise OptionsError(f"unknown option; known: {', '.join(sorted(known))}", field_name=str(name))
    return cls(**{k: v for k, v in values.items() if v is not None})


# The defaults as an object, for the parts (selector, deduplicator) that take them one by one:
# their values live in the declarations above and nowhere else.
DEFAULTS = Options()
