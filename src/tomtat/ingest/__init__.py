"""Ingest: read articles from files, folders, JSON and mappings into :class:`~tomtat.model.Article`."""
from .readers import ArticleInput, read_inputs, read_paths, article_from_mapping, SUPPORTED_SUFFIXES

__all__ = ["ArticleInput", "read_inputs", "read_paths", "article_from_mapping", "SUPPORTED_SUFFIXES"]
