"""Core: the data model, the options object and the typed errors every layer shares."""
