"""The summarizing stages: split → cluster (dedup, vectors) → features/scorer → rank → select → order → trim, composed by :mod:`tomtat.summarize.pipeline`."""
