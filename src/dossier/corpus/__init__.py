"""Corpus passes: pure functions over all documents at once (no I/O)."""
