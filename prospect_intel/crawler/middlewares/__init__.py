"""Downloader middlewares of the prospect crawler, one per file."""
