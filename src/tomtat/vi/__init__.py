"""Vietnamese language knowledge: syllables, normalization, letters, openers, dates, word lists."""
