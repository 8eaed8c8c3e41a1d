"""opi: write and review agreements for public-private innovation partnerships."""

__version__ = "0.1.0"
