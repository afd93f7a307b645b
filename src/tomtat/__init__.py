"""tomtat (tóm tắt): faithful, non-redundant extractive summaries of Vietnamese news clusters.

    >>> import tomtat
    >>> result = tomtat.summarize(["bai1.txt", "bai2.txt"], tomtat.Options(syllables=150))
    >>> result.text, result.sentences[0].article_id

Importing the package loads nothing heavy; models and resources load when first used.
"""
from tomtat.core.errors import InputError, OptionsError, TomtatError
from tomtat.core.model import Article, Summary, SummarySentence
from tomtat.core.options import Options
from tomtat.story.summarizer import Summarizer, summarize

__version__ = "0.1.0"
__all__ = ["summarize", "Summarizer", "Options", "Summary", "SummarySentence", "Article",
           "TomtatError", "InputError", "OptionsError", "__version__"]
