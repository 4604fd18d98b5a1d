"""Every keyword data module is registered, says what it holds and carries a version."""
import importlib
import pkgutil

import pytest

import prospect_intel.crawler.keywords as crawler_keywords
import prospect_intel.extractors.keywords as extractor_keywords

PACKAGES = (extractor_keywords, crawler_keywords)
TABLES = [table for package in PACKAGES for table in package.TABLES.values()]


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_every_data_module_of_a_keywords_package_is_registered(package):
    modules = {importlib.import_module(f"{package.__name__}.{info.name}")
               for info in pkgutil.iter_modules(package.__path__)}
    assert modules == {table.module for table in package.TABLES.values()}


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_a_table_names_its_concept_languages_and_version(table):
    assert table.module.__doc__ and table.concept and table.languages
    assert set(table.languages) <= {"zh", "en"}
    assert isinstance(table.version, int)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_word_lists_are_tuples_of_non_empty_strings(table):
    data = {name: value for name, value in vars(table.module).items() if name.isupper() and name != "VERSION"}
    lists = [v for value in data.values() for v in _lists(value)]
    assert lists and not any(isinstance(v, list) for v in lists)
    words = [item for v in lists for item in v if not isinstance(item, dict)]
    assert words and all(isinstance(word, str) and word for word in words)


def _lists(value):
    if isinstance(value, (tuple, list)):
        yield value
        for item in value:
            yield from _lists(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _lists(item)
