"""Extraction alone: pages/s on one core, against the floor of parsing the same pages with lxml.

Pages come from `../shared/realsites` (when present) and from the mock web. Each site's pages
go through `extract_site` once (parse, every extractor, choice, cross-checks) and, separately,
through `lxml.html.document_fromstring` and nothing else; the ratio is extraction / parse. A third
pass runs `parse_page` alone (parse, visible text, markup, no extractor): its ratio is the part of
the extraction budget spent before any extractor runs.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import phonenumbers

from bench.mockweb import render, site
from bench.pages import page_role
from prospect_intel.core.document import parse_page
from prospect_intel.core.models import PageDoc
from prospect_intel.extractors import extract_site, prepare
from prospect_intel.extractors.phonenorm import normalise

CRAWLED_AT = dt.date(2026, 11, 23)
_ROLES = {"home": "home", "about": "about", "contact": "contact"}
_SECTION_ROLES = {"products": "products", "cases": "cases", "news": "other"}


@dataclass(frozen=True)
class ExtractionResult:
    corpus: str
    sites: int
    pages: int
    megabytes: float
    extract_s: float
    parse_s: float
    pages_s: float = 0.0  # `parse_page` alone: parse, visible text, markup; no extractor

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.extract_s if self.extract_s else 0.0

    @property
    def parse_pages_per_s(self) -> float:
        return self.pages / self.parse_s if self.parse_s else 0.0

    @property
    def ratio(self) -> float:
        return self.extract_s / self.parse_s if self.parse_s else 0.0

    @property
    def pages_ratio(self) -> float:
        """`parse_page` alone / bare parse: what the extractors start from."""
        return self.pages_s / self.parse_s if self.parse_s else 0.0


def mock_sites(count: int, pages_per_site: int = 30, seed: int = 6) -> list[list[PageDoc]]:
    sites = []
    for index in range(count * 2):
        s = site(seed, index)
        if s.kind != "ok":
            continue
        docs = []
        for path in s.paths()[:pages_per_site]:
            reply = render(s, path)
            role, section, _ = page_role(s, path)
            role = _ROLES.get(role) or _SECTION_ROLES.get(section, "other")
            docs.append(
                PageDoc(f"http://{s.host}{path}", role, reply.body.decode("gbk" if s.encoding == "gbk" else "utf-8"))
            )
        sites.append(docs)
        if len(sites) == count:
            break
    return sites


def real_sites(folder: Path) -> list[list[PageDoc]]:
    sites = []
    for manifest in sorted(folder.glob("manifest_*.json")):
        for entry in json.loads(manifest.read_text()):
            root = folder / entry["slug"]
            encoding = "gb18030" if entry.get("encoding", "utf-8").lower() in ("gbk", "gb2312", "gb18030") else "utf-8"
            docs = []
            for number, rel in enumerate(entry["pages"]):
                path = root / rel
                if path.is_file():
                    role = "home" if number == 0 else "other"
                    docs.append(PageDoc(f"http://{entry['slug']}.example/{rel}", role,
                                        path.read_bytes().decode(encoding, "replace")))
            if docs:
                sites.append(docs)
    return sites


def measure(corpus: str, sites: list[list[PageDoc]], repeat: int = 1) -> ExtractionResult:
    """CPU seconds of `extract_site` and of a bare parse over the same pages. An untimed warm-up
    runs first (`_warm_up`): it pays the costs paid once per process, without warming any cache
    of the measured pages' own names and numbers."""
    pages = [doc for docs in sites for doc in docs]
    size = sum(len(doc.html.encode("utf-8")) for doc in pages) / 2**20
    _warm_up()
    started = time.process_time()
    for _ in range(repeat):
        for docs in sites:
            extract_site(docs, crawled_at=CRAWLED_AT)
    extract_s = time.process_time() - started
    started = time.process_time()
    for _ in range(repeat):
        for doc in pages:
            lxml.html.document_fromstring(doc.html)
    parse_s = time.process_time() - started
    started = time.process_time()
    for _ in range(repeat):
        for doc in pages:
            parse_page(doc)
    pages_s = time.process_time() - started
    return ExtractionResult(corpus, len(sites), len(pages) * repeat, size, extract_s, parse_s, pages_s)


def _warm_up() -> None:
    """Costs paid once per process, not per page: the phone library's metadata patterns of every
    region and number type (compiled on the first number of that region and type it checks; a
    night's crawl meets them early), then patterns and tables built on first use (eight sites of
    another mock web, then `prepare()` for the tables they do not reach). No measured page's own
    name or number is looked at. The phone library goes first: its thousands of patterns pass
    through the `re` module's cache of 512, and the sites after it put the extractors' own
    patterns back there, as a crawl's first sites do."""
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in _NUMBER_TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                _warm_number(example, region)
    for docs in _warm_up_sites():
        extract_site(docs, crawled_at=CRAWLED_AT)
    prepare()  # the tables the warm-up sites did not reach (English home-office cues...)


_NUMBER_TYPES = tuple(getattr(phonenumbers.PhoneNumberType, name) for name in (
    "FIXED_LINE", "MOBILE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER",
    "PAGER", "UAN", "VOICEMAIL"))


def _warm_number(example: phonenumbers.PhoneNumber, region: str) -> None:
    phonenumbers.is_valid_number(example)
    phonenumbers.region_code_for_number(example)
    for style in (phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL):
        normalise(phonenumbers.format_number(example, style), region, "en", True)


def _warm_up_sites() -> list[list[PageDoc]]:
    """Eight sites of mock seed 99, Chinese and English, every page role (the measured mock web
    uses seed 6): most patterns and tables are built on their first use."""
    return mock_sites(8, seed=99)


def run(realsites: Path | None, mock_count: int) -> list[ExtractionResult]:
    results = []
    if realsites and realsites.is_dir():
        results.append(measure("realsites", real_sites(realsites)))  # once: no cache warmed by a repeat
    results.append(measure("mock web", mock_sites(mock_count)))
    return results
