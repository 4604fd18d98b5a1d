"""Performance benchmarks (issue 6): a generated mock web, bare Scrapy vs the full pipeline,
extraction alone and the store at queue scale. Run `python -m bench` or `make bench`; results
and method in docs/benchmarks.md."""
