"""The letter classes of tomtat.vi.letters agree with Unicode's \\p{Lu} / \\p{Ll}."""
from __future__ import annotations

import re
import unicodedata

import regex

from tomtat.vi import letters


def test_upper_and_lower_are_unicode_cases() -> None:
    assert all(unicodedata.category(ch) == "Lu" for ch in letters.UPPER)
    assert all(unicodedata.category(ch) == "Ll" for ch in letters.LOWER)
    assert not set(letters.UPPER) & set(letters.LOWER)
    # regex's tables may be of a newer Unicode than this Python's; on Vietnamese they agree
    assert all(regex.fullmatch(r"\p{Lu}", ch) for ch in letters.VIETNAMESE_UPPER)
    assert all(regex.fullmatch(r"\p{Ll}", ch) for ch in letters.VIETNAMESE_LOWER)


def test_vietnamese_letters_are_all_there() -> None:
    # 12 vowels (a ă â e ê i o ô ơ u ư y) x 6 tones + đ + the 16 other consonants + f j w z
    assert len(set(letters.VIETNAMESE_LOWER)) == 12 * 6 + 1 + 16 + 4
    assert set(letters.VIETNAMESE_LOWER) <= set(letters.LOWER)
    assert set(letters.VIETNAMESE_UPPER) <= set(letters.UPPER)
    for word in ("ông", "ấy", "đã", "ở", "đó", "Ờ", "Ỹ"):
        assert word[0] in letters.VIETNAMESE_LOWER + letters.VIETNAMESE_UPPER


def test_the_range_that_was_wrong_is_not_used() -> None:
    capital = re.compile(letters.upper_class())
    for lower in ("ông", "ấy", "đã", "ở", "đó"):
        assert not capital.match(lower), lower
    for upper in ("Ông", "Ấy", "Đã", "Ở", "Đó", "Nga"):
        assert capital.match(upper), upper


def test_vietnamese_marks() -> None:
    assert letters.has_vietnamese_mark("người") and letters.has_vietnamese_mark("đi")
    assert not letters.has_vietnamese_mark("minister")
