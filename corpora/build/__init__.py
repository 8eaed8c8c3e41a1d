"""Builders for the generated example and fixture files (run make_examples.py)."""
