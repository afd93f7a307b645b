"""The options object is the one home of every setting: the CLI flags and the service schema
are generated from it, and parts passed in never silently override it."""
from __future__ import annotations

import argparse
import dataclasses

import pytest

from tomtat.apps.commands.common import add_summary_options, options_from_args
from tomtat.apps.service.schemas import OptionsIn
from tomtat.core.errors import OptionsError
from tomtat.core.options import DEFAULTS, RANKER_NAMES, GroupOptions, Options
from tomtat.story.summarizer import Summarizer
from tomtat.summarize.budget import syllable_budget
from tomtat.summarize.dedup import ArticleDeduplicator
from tomtat.summarize.rankers import RANKERS
from tomtat.summarize.select import CoverageSelector, MMRSelector


def _parse(*argv: str) -> Options:
    parser = argparse.ArgumentParser()
    add_summary_options(parser)
    return options_from_args(parser.parse_args(list(argv)))


def test_every_setting_is_a_cli_flag_and_a_service_field() -> None:
    parser = argparse.ArgumentParser()
    add_summary_options(parser)
    flags = {a.dest for a in parser._actions}
    names = {f.name for f in dataclasses.fields(Options)}
    assert names <= flags
    assert names == set(OptionsIn.model_fields)


def test_no_flag_means_the_dataclass_default() -> None:
    assert _parse() == Options()


def test_a_tuned_value_set_on_the_cli_reaches_the_parts() -> None:
    options = _parse("--selector", "mmr", "--containment-threshold", "0.7", "--redundancy", "0.2", "--no-trim",
                     "--auto-reference-syllables", "150", "--duplicate-article-threshold", "0.3")
    assert (options.containment_threshold, options.redundancy, options.trim) == (0.7, 0.2, False)
    summarizer = Summarizer(options)
    assert isinstance(summarizer.selector, MMRSelector)
    assert summarizer.selector.containment_threshold == 0.7 and summarizer.selector.redundancy == 0.2
    assert syllable_budget(options, 2000) == 150
    coverage = Summarizer(_parse("--coverage-temperature", "2", "--coverage-pool", "9")).selector
    assert isinstance(coverage, CoverageSelector) and (coverage.temperature, coverage.pool) == (2.0, 9)


def test_the_unsupervised_rankers_weights_are_options() -> None:
    from tomtat.summarize.rankers import CentroidPositionRanker

    assert Summarizer(Options(ranker="unsupervised")).ranker == CentroidPositionRanker()
    ranker = Summarizer(_parse("--ranker", "unsupervised", "--unsupervised-lead-weight", "0",
                               "--unsupervised-title-weight", "0.5")).ranker
    assert isinstance(ranker, CentroidPositionRanker) and (ranker.lead_weight, ranker.title_weight) == (0.0, 0.5)
    assert ranker.position_weight == DEFAULTS.unsupervised_position_weight
    with pytest.raises(OptionsError) as error:
        Summarizer(Options(unsupervised_lead_weight=0.1), ranker=CentroidPositionRanker())
    assert error.value.field_name == "unsupervised_lead_weight"


def test_service_schema_takes_bounds_from_the_declaration() -> None:
    assert OptionsIn.model_validate({"containment_threshold": 0.7}).model_dump(exclude_none=True) == \
        {"containment_threshold": 0.7}
    with pytest.raises(ValueError):
        OptionsIn.model_validate({"redundancy": 2})
    with pytest.raises(ValueError):
        OptionsIn.model_validate({"order": "sideways"})


def test_the_parts_take_their_defaults_from_the_options() -> None:
    selector = MMRSelector()
    assert selector.redundancy == DEFAULTS.redundancy
    assert selector.containment_threshold == DEFAULTS.containment_threshold
    assert ArticleDeduplicator().threshold == DEFAULTS.duplicate_article_threshold
    assert MMRSelector.from_options(Options()) == MMRSelector()


def test_a_part_passed_in_refuses_options_it_would_ignore() -> None:
    with pytest.raises(OptionsError) as error:
        Summarizer(Options(redundancy=0.1), selector=MMRSelector())
    assert error.value.field_name == "redundancy"
    Summarizer(Options(syllables=100), selector=MMRSelector())  # length is not the selector's


def test_ranker_names_match_the_table() -> None:
    assert set(RANKERS) == set(RANKER_NAMES)


@pytest.mark.parametrize("values, field", [({"redundancy": 1.5}, "redundancy"), ({"selection_pool": 0}, "selection_pool"),
                                           ({"ratio": 0}, "ratio"), ({"trim": "no"}, "trim"),
                                           ({"auto_exponent": float("nan")}, "auto_exponent"),
                                           ({"syllables": 10, "ratio": 0.1}, "ratio")])
def test_bad_values_name_their_field(values, field) -> None:
    with pytest.raises(OptionsError) as error:
        Options.from_mapping(values)
    assert error.value.field_name == field


def test_group_options_are_declared_the_same_way() -> None:
    with pytest.raises(OptionsError):
        GroupOptions(threshold=2)
    assert GroupOptions.from_mapping({"threshold": 0.2}).threshold == 0.2


def test_the_default_length_grows_with_a_large_cluster_and_shrinks_more_slowly_below_it() -> None:
    options = Options()
    level = options.auto_reference_syllables
    assert syllable_budget(options, options.auto_reference_cluster) == level
    assert syllable_budget(options, 8000) == int(level * 4 ** options.auto_exponent)  # grows above
    # below it the length shrinks more slowly than it grows above
    assert syllable_budget(options, 900) == int(level * 0.45 ** options.auto_exponent_below)
    assert int(level * 0.45 ** 0.3) < syllable_budget(options, 900) < level
    assert syllable_budget(Options(auto_exponent_below=0), 900) == level
    assert syllable_budget(options, 300) == 150  # yet never more than half a small cluster
    assert syllable_budget(Options(auto_exponent_below=0.3), 900) == int(level * 0.45 ** 0.3)  # as before
    assert syllable_budget(Options(syllables=120), 900) == 120  # an asked length is kept
