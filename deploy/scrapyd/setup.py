"""The egg `scrapyd-deploy` uploads: no code, only the entry point naming the settings module.

Scrapyd runs each job as `scrapy crawl` in its own Python environment, where prospect-intel is
installed with its dependencies; an egg of the whole package would be a zip that its data files
(rubrics, message catalogues) cannot be read from, and would carry none of the dependencies.
"""
from setuptools import setup

setup(
    name="prospect-scrapyd",
    version="1.0",
    packages=[],
    entry_points={"scrapy": ["settings = prospect_intel.app.scrapy_settings"]},
)
