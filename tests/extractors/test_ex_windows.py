"""Every gated, windowed or started pattern of the extractors finds exactly what its full pattern
finds.

`terms.Gated(..., longest=N)` scans only the windows around its required literals; the promise
holds only if no match is longer than N and every match holds one of the literals.
`terms.Started` tries its pattern only where one of its literals is printed; the promise holds
only if every match starts with one of them. All of this is checked here, for every such pattern
in the extractors and the crawler (found by walking their pattern registries, `patterns.py`, so
a new one is covered without being listed here), on the mock web, the fixture sites, the saved real sites
and texts built to sit on window edges.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from bench.extraction import mock_sites, real_sites
from prospect_intel.core.decoding import decode_html
from prospect_intel.core.document import parse_page
from prospect_intel.core.models import PageDoc
from prospect_intel.core.needles import _CASE_ODDITIES
from prospect_intel.core.terms import LED_BY, Gated, Started
from prospect_intel.crawler import patterns as crawler_patterns
from prospect_intel.extractors import patterns as extractor_patterns

ROOT = Path(__file__).resolve().parents[2]
REALSITES = ROOT.parent / "shared" / "realsites"


def _gated_patterns() -> list[tuple[str, Gated | Started]]:
    return [(name, pattern) for name, pattern in extractor_patterns.every_pattern() + crawler_patterns.every_pattern()
            if isinstance(pattern, (Gated, Started))]


@functools.cache  # parsed once per process: every parametrised case reads the same pages
def _texts() -> tuple[str, ...]:
    docs = [doc for site in mock_sites(8, pages_per_site=15) for doc in site]
    for file in sorted((ROOT / "tests" / "fixtures" / "sites").glob("*/files/**/*")):
        if file.is_file() and file.read_bytes().lstrip()[:1] == b"<":
            docs.append(PageDoc(f"http://x/{file.name}", "about", decode_html(file.read_bytes()).text))
    if REALSITES.is_dir():
        docs += [doc for site in real_sites(REALSITES) for doc in site]
    texts = [parse_page(doc).folded for doc in docs]
    edge = ["公司成立于2009年，" * 3, "x" * 500 + "成立于2009年", "员工" + "1," * 6 + "000人",
            "Founded in 1998. " * 40, "We have 15 years of experience installing access control. " * 5,
            "a team of 35", "ſince 2001", "İnstalling access control since 2006", ""]
    return (*texts, *edge)


GATED = _gated_patterns()


def test_the_walk_finds_the_windowed_and_started_patterns():
    assert sum(1 for _, g in GATED if isinstance(g, Gated) and g._windows is not None) >= 10
    assert sum(1 for _, g in GATED if isinstance(g, Started)) >= 10


@pytest.mark.parametrize("name, gated", GATED, ids=[name for name, _ in GATED])
def test_same_matches_as_the_full_pattern(name, gated):
    for text in _texts():
        full = [m.span() for m in gated.pattern.finditer(text)]
        assert [m.span() for m in gated.finditer(text)] == full
        if _CASE_ODDITIES.search(text):
            continue  # lower() moves offsets there: the patterns scan the whole text instead
        for start, end in full:
            assert _anchored(text, start, end, gated), (name, text[start:end])


def _anchored(text: str, start: int, end: int, gated: Gated | Started) -> bool:
    """The match holds a required literal, close enough to both of its ends when windowed, or
    starts with one of the literals of a started pattern."""
    match = text[start:end].lower()
    if isinstance(gated, Started):
        return any(match.startswith(literal) for literal in gated.literals)
    if not any(needle in match for needle in gated.required):
        return False
    for needle in gated.anchors:
        at = match.find(needle)
        while at >= 0:
            if gated._windows is None or (at <= gated._windows.before and
                                          end - (start + at + len(needle)) <= gated._windows.after):
                return True
            at = match.find(needle, at + 1)
    return False


LED = [(name, gated.pattern) for name, gated in GATED if gated.pattern.pattern.startswith(LED_BY)]


def test_the_walk_finds_the_patterns_led_by_their_first_characters():
    assert len(LED) >= 6


@pytest.mark.parametrize("name, pattern", LED, ids=[name for name, _ in LED])
def test_a_pattern_led_by_its_first_characters_finds_what_it_finds_without_them(name, pattern):
    head = pattern.pattern.index("])(?:")
    plain = re.compile(pattern.pattern[head + len("])(?:"):-1], pattern.flags)
    for text in _texts():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
