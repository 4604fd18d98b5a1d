"""The extractors' keyword pre-checks (issue 6) find exactly what the full patterns find."""
from __future__ import annotations

import datetime as dt
import random
import re
from functools import cache
from pathlib import Path

import pytest

from bench.extraction import mock_sites, real_sites
from prospect_intel.core.document import ParsedPage, parse_page
from prospect_intel.core.terms import Gated, Started
from prospect_intel.crawler import patterns as crawler_patterns
from prospect_intel.extractors import contact, mainline, phones, products, profile, references
from prospect_intel.extractors import patterns as extractor_patterns
from prospect_intel.extractors.site import _context

REALSITES = Path(__file__).resolve().parents[3] / "shared" / "realsites"


@cache
def _sites() -> tuple[list[ParsedPage], ...]:
    sites = mock_sites(6, pages_per_site=12)
    if REALSITES.is_dir():
        sites += real_sites(REALSITES)
    return tuple([parse_page(doc) for doc in docs] for docs in sites)


@cache
def _texts() -> list[str]:
    texts = [page.folded for pages in _sites() for page in pages]
    return texts + [
        "ſtaff of 20 employees",
        "İnstallation of access control",
        "",
        "员工200余人",
        "COPYRIGHT © 2019-2024 (C) 2020",
        "本公司专业从事门禁系统12年，成立于2008年，公司地址：杭州市西湖区文三路100号",
        "ESTABLISHED IN 1998. Est. 2001; serving Leeds since 2003. Number of employees: 10-50",
    ]


def _patterns():
    """Every Gated, Started and TermAlternation, from the pattern registries, named by where it is
    declared (a term list's pattern text follows set order, which differs between processes)."""
    return extractor_patterns.every_pattern() + crawler_patterns.every_pattern()


@pytest.mark.parametrize("pattern", [pattern for _, pattern in _patterns()], ids=[name for name, _ in _patterns()])
def test_same_matches_as_the_full_pattern(pattern):
    full: re.Pattern[str] = pattern.pattern if isinstance(pattern, (Gated, Started)) else pattern.full
    for text in _texts():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in full.finditer(text)]


def test_brand_hits_unchanged_by_the_substring_check(monkeypatch):
    pages = [parse_page(doc) for docs in mock_sites(4, pages_per_site=10) for doc in docs]
    fast = [[(b.name, m.span()) for b, m in products.brand_hits(p, "") ] for p in pages]
    monkeypatch.setattr(products, "lowered", lambda text: None)  # forces the regex on every brand
    products._brand_hits.cache_clear()  # the pages' hits were kept: read them again
    slow = [[(b.name, m.span()) for b, m in products.brand_hits(p, "")] for p in pages]
    assert fast == slow and any(fast)


def test_office_addresses_unchanged_by_the_line_prefilter(monkeypatch):
    """The address line tests run only on lines holding a label, 省/市/县/区 or a street word."""
    contexts = [(pages, _context(pages, dt.date(2026, 11, 23))) for pages in _sites()]
    fast = [contact.office_address(pages, ctx) for pages, ctx in contexts]
    monkeypatch.setattr(contact, "_candidate_lines", lambda text, starts, lang: range(len(starts)))
    slow = [contact.office_address(pages, ctx) for pages, ctx in contexts]
    assert fast == slow and sum(map(len, fast)) > 10


def test_owner_lines_are_the_lines_the_mark_pattern_finds():
    for text in _texts():
        assert profile._owner_marked(text) == [line for line in text.split("\n")
                                               if profile._OWNER_MARK.search(line)]


def test_list_lines_are_the_lines_with_two_separators():
    from prospect_intel.extractors.listlines import SEPARATORS
    for text in [*_texts(), "a·b\n\nc、d/e\n|x|\n/", "一、二\n三|四|五"]:
        expected = [m.span() for m in re.finditer(r"[^\n]+", text)
                    if sum(map(m.group(0).count, SEPARATORS)) >= 2]
        assert [m.span() for m in references._TWO_SEPARATORS.finditer(text)] == expected


def test_phone_candidates_are_what_the_candidate_pattern_finds():
    rng = random.Random(3)
    alphabet = "0123456789 +-().#x转分机\n中aT_\t.,"
    generated = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(3000)]
    # digits other than 0-9 (Arabic-Indic, Devanagari, mathematical), in short and page-long texts
    other = alphabet + "٠١٢٣٤٥٦٧٨٩३४𝟑"
    generated += ["".join(rng.choice(other) for _ in range(rng.randrange(0, 900))) for _ in range(300)]
    generated += ["电话：" * 200 + "٠٥٥١٢٣٤٥٦٧", "Tel " * 200 + "+٩٧١ ٤ ٣٢١ ٤٥٦٧"]
    for text in [*_texts(), *generated]:
        assert [m.span() for m in phones._candidates(text)] == \
            [m.span() for m in phones._CANDIDATE.finditer(text)]
    assert any(phones._candidates("电话：" * 200 + "٠٥٥١٢٣٤٥٦٧"))


def test_the_other_digits_are_every_digit_outside_ascii():
    every = "".join(map(chr, range(0x110000)))
    assert set(phones._other_digit_needles()._indexes) == set(re.findall(r"\d", every)) - set("0123456789")
    assert phones._other_digits("٣") and phones._other_digits("Tel " * 200 + "𝟑")
    assert not phones._other_digits("电话：0571-88886666 " * 40)


def _plain_sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The plain reading of mainline's sentence bounds: each mark looked for on either side."""
    floor, ceiling = max(0, start - mainline.LIST_MAX), min(len(text), end + mainline.LIST_MAX)
    left, right = floor, ceiling
    for mark in mainline._ENDS:
        if text.rfind(mark, floor, start) >= 0:
            left = max(left, text.rfind(mark, floor, start) + len(mark))
        if text.find(mark, end, ceiling) >= 0:
            right = min(right, text.find(mark, end, ceiling) + len(mark))
    return left, right


def test_service_list_sentences_read_from_page_matches_as_from_the_sentence_alone():
    """listed_lines reads each sentence's terms from its page's matches (mainline._PageTerms)."""
    checked = 0
    for pages in _sites():
        hits = [(page, match) for page in pages for match in mainline.ac_terms().finditer(page.folded)]
        terms = mainline._PageTerms(hits)
        for page, match in hits:
            left, right = _plain_sentence_at(page.folded, match.start(), match.end())
            assert terms.sentence_at(page, match.start(), match.end()) == (left, right)
            if right - left > mainline.LIST_MAX:
                continue
            sentence = page.folded[left:right]
            other, ac, lead = terms.within(page, left, right)
            assert mainline._kinds_of(sentence, other, ac) == mainline._kinds(sentence)
            assert lead == bool(mainline._lead_ins().search(sentence))
            checked += 1
    assert checked > 100


def test_sentence_bounds_from_a_pages_marks_equal_the_plain_search():
    from types import SimpleNamespace

    rng = random.Random(5)
    for index in range(400):
        text = "".join(rng.choice("门禁ab .。;；!?\n") for _ in range(rng.randrange(1, 700)))
        page = SimpleNamespace(url=f"u{index}", folded=text)
        terms = mainline._PageTerms([])
        for _ in range(20):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randrange(1, 4))
            assert terms.sentence_at(page, start, end) == _plain_sentence_at(text, start, end)


def test_whole_word_cues_are_found_as_the_word_pattern_finds_them():
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(
            rng.choice(["home", "homes", "a", " ", "ho", "me", "-", "é", "1"]) for _ in range(rng.randrange(0, 12))
        )
        for word in ("home", "homes", "me"):
            expected = re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None
            assert contact._has_word(word, text) == expected


def test_phone_readings_kept_over_a_site_give_each_page_its_own_hits():
    """phones.scan reuses a candidate's reading on the site's other pages (footers repeat)."""
    reused = 0
    for pages in _sites():
        ctx = _context(pages, dt.date(2026, 11, 23))
        region = phones.region_of(pages, ctx.lang)
        read: dict = {}
        shared = [phones.scan(page, ctx, region, read) for page in pages]
        alone = [phones.scan(page, ctx, region) for page in pages]
        assert shared == alone
        reused += sum(len(hits) for hits in shared) - len(read)
    assert reused > 50


def test_and_lists_split_as_both_extractors_split_them_before():
    """Branch offices split at `,\\s*(?:and\\s+)?|\\s+and\\s+`, client lists at the same with `\\s*`
    before the comma; both then stripped the parts and dropped empty ones."""
    from prospect_intel.extractors.listlines import and_list

    plain = [re.compile(r",\s*(?:and\s+)?|\s+and\s+"), re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")]
    texts = ["Leeds, York and Hull", "Leeds , York ,and Hull", "A and, B", "A,, B and  and C",
             " Bath ,  Wells , ", "Sandown and Shanklin", "St Ives,and Truro", ""]
    for text in texts:
        for pattern in plain:
            assert and_list(text) == [p.strip() for p in pattern.split(text) if p.strip()]
    assert and_list("Leeds, York and Hull") == ["Leeds", "York", "Hull"]
