"""How long the summary should be, in syllables."""
from __future__ import annotations

from tomtat.core.options import Options


def syllable_budget(options: Options, cluster_syllables: int) -> int:
    """The asked length, or with none the default: ``auto_reference_syllables`` at a cluster of
    ``auto_reference_cluster`` syllables, growing as the cluster's size to ``auto_exponent``
    (and shrinking as it to ``auto_exponent_below``, by default more slowly), within
    ``auto_min_syllables``..``auto_max_syllables``, and no more than half a small cluster
    unless that is under ``auto_min_syllables``.
    (The values and how they were chosen: docs/summary-quality.md, "Summary length".)"""
    if options.syllables is not None:
        return options.syllables
    if options.ratio is not None:
        return max(1, round(options.ratio * cluster_syllables))
    low = options.auto_min_syllables
    if cluster_syllables <= 0:
        return low
    size = cluster_syllables / options.auto_reference_cluster
    auto = options.auto_reference_syllables * size ** (options.auto_exponent if size >= 1 else options.auto_exponent_below)
    return int(max(min(low, cluster_syllables), min(options.auto_max_syllables, auto, max(low, cluster_syllables // 2))))
