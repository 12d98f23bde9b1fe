"""Benchmarks for the factcheck pipeline: ``python -m benchmarks.run`` (or ``make bench``)."""
