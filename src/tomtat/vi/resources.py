"""Language resources are plain text files in ``tomtat/resources``, read when an object needs them."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Iterable

from tomtat.vi.normalize import fix_tone_placement


def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a resource file, stripped."""
    text = resources.files("tomtat").joinpath("resources").joinpath(name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def read_sections(lines: Iterable[str], source: str) -> dict[str, list[str]]:
    """The lines of a file in ``[section]`` parts, by section name."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            out.setdefault(current, [])
        elif current is None:
            raise ValueError(f"{source}: pattern before any [section]: {line!r}")
        else:
            out[current].append(line)
    return out


def alternation(items: Iterable[str]) -> str:
    """``items`` as a regex alternation, each escaped, the longest first: a regex takes the
    first alternative that matches, so a listed phrase must come before its own prefix."""
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


# Cached per process: files in the installed package never change while it runs, and
# lru_cache is thread-safe for this read-only use (no module state is filled by hand).
@cache
def lines(name: str) -> tuple[str, ...]:
    return read_lines(name)


@cache
def full_line_pattern(name: str) -> re.Pattern[str]:
    """One case-insensitive regex matching a whole line that any of the file's patterns matches
    (one alternation: a line is tested in one C-level call, not one per pattern)."""
    return re.compile("^(?:" + "|".join(f"(?:{p})" for p in lines(name)) + ")$", re.IGNORECASE)


@cache
def _pyvi_words() -> frozenset[str]:
    """Lowercased words of pyvi's word list (pyvi is already a dependency, for the official
    scorer), each in both tone placements: pyvi writes about a thousand of them the old way
    ("tỉnh uỷ", "hoà bình"); text is read with the modern one ("Tỉnh ủy")."""
    spec = find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / "words.txt"
    if not path.is_file():
        return frozenset()
    words = {w for w in (line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()) if w}
    return frozenset(words | {fix_tone_placement(w) for w in words})


@cache
def vietnamese_words() -> frozenset[str]:
    """Lowercased multi-syllable words of pyvi's word list: used to tell where a capitalized
    word ends ("Chỉ huy", "Kinh tế")."""
    return frozenset(w for w in _pyvi_words() if " " in w)


@cache
def vietnamese_syllables() -> frozenset[str]:
    """Lowercased one-syllable words of pyvi's word list ("theo", "sau", "còn"; also name
    syllables such as "lan", "hùng"): a capitalized one opening a sentence may be capitalized
    only because it opens it."""
    return frozenset(w for w in _pyvi_words() if " " not in w)
