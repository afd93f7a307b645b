"""Ingest: read articles from files, folders, JSON and mappings into :class:`~tomtat.core.model.Article`."""
from tomtat.ingest.raw import RawArticle, raw_from_mapping
from tomtat.ingest.readers import (SUPPORTED_SUFFIXES, ArticleInput, article_from_mapping, build_articles,
                                   first_paragraph_as_lead, parse_text, read_inputs, read_paths)

__all__ = ["ArticleInput", "RawArticle", "read_inputs", "read_paths", "article_from_mapping", "raw_from_mapping",
           "build_articles", "first_paragraph_as_lead", "parse_text", "SUPPORTED_SUFFIXES"]
