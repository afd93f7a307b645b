"""Apps: the command line, the HTTP service, and the batch engines (local process pool, Ray)."""
