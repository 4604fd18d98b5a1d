"""The pattern registries (extractors/patterns.py, crawler/patterns.py) find every keyword pattern.

A scan of every module of core, crawler and extractors (attributes, and what each cached builder
without parameters returns) must find no Gated, Started or TermAlternation the registries miss,
and every cached builder of the extractors that makes patterns or keyword sets must be declared
in `BUILT_LATER` (so `prepare()` builds it).
"""
from __future__ import annotations

import inspect

import pytest

import prospect_intel.core as core
import prospect_intel.crawler as crawler
import prospect_intel.extractors as extractors
from prospect_intel.core.patternwalk import modules_of, patterns_in
from prospect_intel.crawler import patterns as crawler_patterns
from prospect_intel.extractors import patterns as extractor_patterns

MODULES = [module for package in (core, crawler, extractors) for module in modules_of(package)]
_BUILDS = ("Gated", "Started", "TermAlternation", "NeedleSet")


def _cached_functions():
    for module in MODULES:
        for name, value in vars(module).items():
            if callable(value) and hasattr(value, "cache_info") and getattr(value, "__module__", "") == module.__name__:
                yield module, name, value


def _no_parameters(function) -> bool:
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
               for p in inspect.signature(function).parameters.values())


def _scan() -> dict[int, str]:
    found = {}
    for module in MODULES:
        for name, value in vars(module).items():
            for where, pattern in patterns_in(value):
                found.setdefault(id(pattern), f"{module.__name__}.{name}{where}")
    for module, name, function in _cached_functions():
        if _no_parameters(function):
            for where, pattern in patterns_in(function()):
                found.setdefault(id(pattern), f"{module.__name__}.{name}(){where}")
    return found


def test_the_registries_find_every_pattern_a_scan_of_the_modules_finds():
    walked = {id(p) for _, p in extractor_patterns.every_pattern() + crawler_patterns.every_pattern()}
    missed = [name for key, name in _scan().items() if key not in walked]
    assert not missed
    assert len(walked) >= 58


@pytest.mark.parametrize("module, name, function",
                         [c for c in _cached_functions() if c[0].__name__.startswith(extractors.__name__)],
                         ids=lambda v: getattr(v, "__name__", None) if callable(v) else None)
def test_every_builder_of_patterns_or_keyword_sets_is_declared(module, name, function):
    declared = {builder for builder, _ in extractor_patterns.BUILT_LATER}
    returns = str(inspect.signature(function).return_annotation)
    if _no_parameters(function) or any(kind in returns for kind in _BUILDS):
        assert function in declared, f"{module.__name__}.{name} is not in extractors.patterns.BUILT_LATER"
