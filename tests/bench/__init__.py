"""Smoke runs of the benchmarks and equivalence checks of the extractors' speed-ups."""
