"""Evaluation: the official AbMuSu ROUGE protocol."""
