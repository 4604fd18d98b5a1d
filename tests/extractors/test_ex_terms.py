"""The shared keyword pass (`needles.SHARED`) gives every needle set and window what its own scan
gives: long page texts are read from the one pass over all registered literals, short texts
(lines, sentences) are scanned by the set itself, and both must agree to the offset."""
from __future__ import annotations

import random
import re

import pytest

from bench.extraction import mock_sites
from prospect_intel.core.document import parse_page
from prospect_intel.core.needles import SHARED, CaseBlindLiterals, NeedleSet, SharedIndex, lowered
from prospect_intel.core.terms import Anchored, Started
from prospect_intel.extractors import extract_site

NEEDLES = ["门禁", "门禁系统", "禁系", "access control", "control", "ontro", "tel", "电话", "a", "aa"]


def _own_scan(needles: list[str], text: str) -> dict[int, list[int]]:
    """The plain reading: every start of every needle, overlapping ones included."""
    found: dict[int, list[int]] = {}
    for index, needle in enumerate(needles):
        starts = [at for at in range(len(text)) if text.startswith(needle, at)]
        if starts:
            found[index] = starts
    return found


def _page_texts() -> list[str]:
    return [parse_page(doc).folded.lower() for docs in mock_sites(3, pages_per_site=8) for doc in docs]


def test_long_texts_are_read_from_the_shared_pass_and_agree_with_a_plain_scan():
    needles = NEEDLES + ["门禁"]  # a needle listed twice answers for both indexes
    needle_set = NeedleSet(needles)
    texts = [t for t in _page_texts() if SHARED.serves(t)]
    assert texts, "the mock pages are long enough to use the shared pass"
    for text in texts:
        assert needle_set.starts(text) == _own_scan(needles, text)


def test_short_texts_are_scanned_by_the_set_itself_with_the_same_result():
    rng = random.Random(4)
    alphabet = "门禁系统电话 acontrl"
    needle_set = NeedleSet(NEEDLES)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        assert not SHARED.serves(text)
        assert needle_set.starts(text) == _own_scan(NEEDLES, text)


def test_windows_from_the_shared_pass_equal_windows_from_plain_finds():
    anchored = Anchored(re.compile("门禁|access control"), ["门禁", "access control"], 8, 8)
    for text in _page_texts():
        hay = lowered(text)
        spans = []
        for anchor in anchored.anchors:
            spans += [(max(0, at - 8), at + len(anchor) + 8 + Anchored._MARGIN)
                      for at in range(len(hay)) if hay.startswith(anchor, at)]
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        assert anchored.windows(text) == [(s, min(e, len(text))) for s, e in merged]


def test_literals_registered_after_a_text_was_scanned_are_found_in_it():
    index = SharedIndex()
    index.register(["alpha"])
    text = "alpha beta gamma " * 40
    assert set(index.starts(text)) == {"alpha"}
    index.register(["gamma"])
    assert index.starts(text)["gamma"][0] == 11


@pytest.mark.parametrize("text", ["İstanbul access control", "ſtaff", "plain text"])
def test_texts_that_lower_casing_would_shift_are_flagged(text):
    assert (lowered(text) is None) == (text != "plain text")


def test_case_blind_literals_find_what_a_search_of_the_lowered_text_finds():
    literals = ("ld+json", "itemscope", "typeof", "mailto")
    scanner = CaseBlindLiterals(literals)
    rng = random.Random(9)
    alphabet = list("mailtoMAILTOitemscopeITEMSCOPEtypeofTYPEOFld+jsonLD+JSON:<> ") + ["\u212a", "\u0130", "门"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 50)))
        hay = text.lower()
        if len(hay) != len(text):
            continue  # dotted capital I: offsets move (callers read such markup in full)
        expected = {lit: [at for at in range(len(hay)) if hay.startswith(lit, at)] for lit in literals}
        assert scanner.starts(text) == {lit: at for lit, at in expected.items() if at}


def test_case_blind_literals_refuse_literals_lower_casing_could_fake():
    for literal in ("kit", "taxi", "门禁"):
        with pytest.raises(ValueError):
            CaseBlindLiterals([literal])


def test_a_later_registration_leaves_the_dict_a_caller_holds_unchanged():
    index = SharedIndex()
    index.register(["alpha"])
    text = "alpha gamma " * 60
    held = index.starts(text)
    index.register(["gamma"])
    again = index.starts(text)
    assert set(held) == {"alpha"} and set(again) == {"alpha", "gamma"}
    assert again["alpha"] == held["alpha"] and index.starts(text) is again


def test_a_started_pattern_finds_what_a_search_finds_when_literals_nest_and_overlap():
    """公司地址 holds 地址: the longer label must win where it starts, the shorter one elsewhere;
    a failed try at one place must not hide a match starting inside it."""
    pattern = re.compile(r"(公司地址|地址)\s*[:：]\s*(\S{2,12})|(Address|Addr)\s*:\s*(\w+)", re.IGNORECASE)
    started = Started(pattern, ("公司地址", "地址", "address", "addr"))
    texts = ["公司地址：杭州市西湖区 地址:上海", "公司地址 地址：北京市", "ADDRESS: Leeds; addr: York",
             "地址地址：广州" * 60, "İstanbul address: Izmir", "no label here", ""]
    for text in texts:
        assert [m.span() for m in started.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert started.search("x 公司地址：杭州市西湖区").group(2) == "杭州市西湖区"


def test_a_page_texts_matches_kept_for_the_next_reading_are_its_own():
    from prospect_intel.extractors.mainline import ac_terms

    pattern = ac_terms()
    pages = [text for text in _page_texts() if len(text) >= SharedIndex.MIN_LENGTH][:6]
    expected = [[m.span() for m in pattern.full.finditer(text)] for text in pages]
    for _ in range(2):  # each page read twice in a row, then the next one
        for text, spans in zip(pages, expected):
            assert [m.span() for m in pattern.finditer(text)] == spans
            assert [m.span() for m in pattern.finditer(text)] == spans
    assert any(expected)


def test_a_started_pattern_with_required_words_skips_texts_without_them_and_finds_the_rest():
    pattern = re.compile(r"(?:拥有|有)\s*自己的\s*(?:工厂|车间)|our own (?:factory|plant)", re.IGNORECASE)
    started = Started(pattern, ("拥有", "有", "our own"), required=("工厂", "车间", "factory", "plant"))
    texts = ["我们有自己的工厂，拥有自己的车间", "有自己的办公室" * 80, "Our own factory" + "x" * 600,
             "有有有自己的工厂", "有自己的", ""]
    for text in texts:
        assert [m.span() for m in started.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert started.starts("有自己的办公室" * 80) == []


def test_prepare_builds_every_table_the_extractors_would_build_on_first_use():
    """After `prepare()`, extracting sites registers no literal the shared automaton lacks (a
    late table would rebuild it mid-crawl)."""
    from pathlib import Path

    from bench.extraction import real_sites
    from prospect_intel.extractors import prepare
    from prospect_intel.extractors.contact import _english_home

    prepare()
    batches = len(SHARED._batches)
    sites = mock_sites(6, pages_per_site=10)
    realsites = Path(__file__).resolve().parents[3] / "shared" / "realsites"
    if realsites.is_dir():
        sites += real_sites(realsites)
    for docs in sites:
        extract_site(docs, crawled_at=__import__("datetime").date(2026, 11, 23))
    pages = [parse_page(doc) for doc in sites[0]]
    _english_home("Flat 3, 12 Oak Close, Leeds", pages)  # the English home-office cues
    assert len(SHARED._batches) == batches


def test_patterns_none_of_whose_literals_a_page_holds_answer_at_once_and_the_rest_as_before():
    """A page text holding none of a pattern's literals (by the shared pass) yields no match
    without running the pattern; a page holding one runs it as before."""
    from prospect_intel.core.terms import Gated, TermAlternation

    terms = TermAlternation.of_terms(["视频监控", "video surveillance"], re.IGNORECASE)
    gated = Gated(re.compile(r"\d+\s*名员工"), ["员工"], longest=20)
    started = Started(re.compile(r"(?:公司地址|地址)\s*[:：]\s*(\S{2,12})"), ("公司地址", "地址"))
    without = "本公司专业从事门禁系统的安装与维护。" * 40
    holding = without + "我们有120名员工，公司地址：杭州市西湖区，提供Video Surveillance服务。"
    for pattern in (terms, gated, started):
        plain = pattern.full if isinstance(pattern, TermAlternation) else pattern.pattern
        assert SHARED.serves(without) and list(pattern.finditer(without)) == []
        spans = [m.span() for m in pattern.finditer(holding)]
        assert spans == [m.span() for m in plain.finditer(holding)] and spans
