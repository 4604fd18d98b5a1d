"""Signs of life: whether the company still looks after its site.

The site answers (`site_status`; the crawl's failures give the other values, app/analysis.py),
the newest dated item on it (news and case dates), the copyright year, the ICP filing number and
the registry number its footer prints, and a hiring section. A site whose newest dated list is
years old has its other fields flagged `stale` (extractors/site.py).

Dates are read by their shape: numeric ones (2024-03-12, 2024年3月12日) and those with an English
month name ("12 March 2024", "March 12th, 2024", "Sept. 2023"), the month from the keyword table.
dateparser read the same spans alike but at about 5 ms a date on the real sites (its own regex
compilation), against microseconds here: docs/architecture.md.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.registry_numbers import credit_code_valid, printed_numbers
from prospect_intel.core.terms import Gated, Started

from .common import SiteContext, evidence
from .keywords import copyright, vitality

# The fields this module yields: they describe the site itself, so a stale site does not flag them.
FIELDS = ("site_status", "latest_dated_item", "copyright_year", "icp_number", "printed_registry_id", "hiring")
EARLIEST_DATE = dt.date(1995, 1, 1)  # before company sites: a founding date, not news
DATED_LIST = 3  # dates on one page that make it a dated list (news, cases), not a passing date

_COPYRIGHT = Started.of_words(copyright.MARKS, r"(?:{words})[^\n]{0,60}?((?:19|20)\d\d)"
                                               r"(?:\s{0,8}[-–~]\s{0,8}((?:19|20)\d\d))?", re.IGNORECASE)
_COPYRIGHT_LINE = re.compile("|".join(re.escape(m) for m in copyright.MARKS), re.IGNORECASE)
# 京ICP备12345678号-1: a province's short name, ICP备 (filing) or ICP证 (licence), the number.
_ICP = re.compile(r"([\u4e00-\u9fff])\s?ICP\s?([备证])\s?(?:字\s?)?(?:第\s?)?(\d{5,10})\s?号(?:\s?-\s?(\d{1,3}))?",
                  re.IGNORECASE)
_REGISTRY_LABEL = Gated.of_words(vitality.REGISTRY_LABELS, flags=re.IGNORECASE)
FOOTER = 800  # how much of a page's end is its footer
_NUMERIC_DATE = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:\s?([-/.])\s?|年)(\d{1,2})(?:\s?\2\s?|月)(\d{1,2})(?![\d.])")
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)年(\d{1,2})月(?!\d)")
_MONTH_NUMBER = {word: number for number, words in vitality.MONTHS.items() for word in words}
_NAMED_DATE = Gated.of_words(
    tuple(_MONTH_NUMBER), r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>{words})\.?"
    r"(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE, longest=30)
_HIRING_GATE = Gated.of_words(vitality.HIRING, flags=re.IGNORECASE)
_HIRING_WORDS = frozenset(word.lower() for word in vitality.HIRING)
_HIRING_PATHS = frozenset(vitality.HIRING_PATHS)
_PATH_WORDS = re.compile(r"[a-z]+(?:-us)?")
LABEL_LENGTH = 25  # longer than a link label: prose, not a hiring section's link
NAV_LINE_LENGTH = 200  # a navigation bar printed on one line, its labels split by bars or wide gaps
_NAV_SPLIT = re.compile(r"\s*[|｜·•/]\s*|\s{2,}")


def copyright_years(page: ParsedPage) -> list[int]:
    """The years of the page's copyright lines ("© 2015-2024 …" gives 2015 and 2024)."""
    return [year for _span, years in _copyright_lines(page.folded) for year in years]


@lru_cache(maxsize=256)  # a site's pages: read for the dispatcher's context and for copyright_year
def _copyright_lines(folded: str) -> tuple[tuple[tuple[int, int], tuple[int, ...]], ...]:
    """(span, years) of each copyright line of a page's folded text."""
    return tuple((m.span(), tuple(int(y) for y in m.groups() if y)) for m in _COPYRIGHT.finditer(folded))


def site_status(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """`answers` from the first page with text, `certificate_expired` when its TLS certificate
    had expired at the crawl (the crawl's failures are read in app/analysis)."""
    for page in pages:
        if page.text.strip():
            expires = page.page.tls_expires
            if expires and expires < ctx.crawled_at.isoformat():
                return [evidence("site_status", "certificate_expired", "high", page, (0, min(len(page.text), 80)),
                                 f"the site answered on {ctx.crawled_at.isoformat()}, but its TLS certificate "
                                 f"expired on {expires}: nobody renews it")]
            return [evidence("site_status", "answers", "high", page, (0, min(len(page.text), 80)),
                             f"the site answered on {ctx.crawled_at.isoformat()} with a page of text")]
    return []


def copyright_year(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """The newest copyright year printed, not after the crawl's year."""
    found = []
    for page in pages:
        for span, printed in _copyright_lines(page.folded):
            years = [year for year in printed if year <= ctx.crawled_at.year]
            if years:
                found.append(evidence("copyright_year", max(years), "high", page, span,
                                      "the latest year of the copyright line"))
    newest = max((item.value for item in found), default=None)
    return [item for item in found if item.value == newest]


def icp_number(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """The ICP filing (备案) or licence (许可证) number: 粤ICP备12345678号-1."""
    found = []
    for page in pages:
        match = _ICP.search(page.text)
        if match:
            province, kind, number, suffix = match.groups()
            value = f"{province}ICP{kind}{number}号" + (f"-{suffix}" if suffix else "")
            found.append(evidence("icp_number", value, "high", page, match.span(), "ICP number printed on the page"))
    return found


def printed_registry_id(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """The unified social credit code (its check character right, or labelled as one) or the
    UK company number the site prints."""
    found = []
    for page in pages:
        offset, text = _registry_part(page.text)
        for kind, number, (start, end) in printed_numbers(text):
            start, end = start + offset, end + offset
            if kind == "credit_code" and not credit_code_valid(number):
                if not _REGISTRY_LABEL.search(page.text[max(0, start - 20):start]):
                    continue
                found.append(evidence("printed_registry_id", number, "low", page, (start, end),
                                      "labelled as a credit code, but its check character is wrong"))
                continue
            method = ("unified social credit code, check character right" if kind == "credit_code"
                      else "company number after the words that introduce it")
            found.append(evidence("printed_registry_id", number, "high", page, (start, end), method))
            break
    return found


def _registry_part(text: str) -> tuple[int, str]:
    """Where a page prints its registry number: after a label that names one, or in its footer
    (the last FOOTER characters); (offset, text) of that part."""
    label = _REGISTRY_LABEL.search(text)
    if label is not None:
        return label.start(), text[label.start():]
    start = max(0, len(text) - FOOTER)
    return start, text[start:]


def latest_dated_item(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """The newest date printed in the site's content (page furniture and copyright lines aside;
    nothing after the crawl date). `high` on a dated list or an article, `medium` otherwise.
    Every date is read cheaply; only the newest ones are placed and checked."""
    chrome = _chrome_lines(pages)
    found: list[tuple[dt.date, bool, int]] = []
    counts: Counter[int] = Counter()
    for index, page in enumerate(pages):
        for day, has_day in _page_dates(page.text):
            if EARLIEST_DATE <= day <= ctx.crawled_at:
                found.append((day, has_day, index))
                counts[index] += 1
    for day, has_day, index in sorted(set(found), reverse=True):
        page = pages[index]
        span = _placed(page.text, day, chrome)
        if span is None:
            continue
        confidence = "high" if counts[index] >= DATED_LIST or page.is_article else "medium"
        value = day.isoformat() if has_day else day.isoformat()[:7]
        return [evidence("latest_dated_item", value, confidence, page, span,
                         f"the newest date in the site's content ({counts[index]} dates on its page)")]
    return []


def hiring(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """A hiring page kept by the crawl (its path or title), else a hiring link's label (a short
    line of its own, as navigation prints it)."""
    for page in pages:
        path_words = set(_PATH_WORDS.findall(urlsplit(page.url).path.lower()))
        if path_words & _HIRING_PATHS or _names_hiring(page.title):
            return [evidence("hiring", True, "high", page, (0, min(len(page.text), 80)),
                             "a hiring page: its address or title")]
    for page in pages:
        if not _HIRING_GATE.may_match(page.text):
            continue
        for line in page.line_set:
            if len(line) <= NAV_LINE_LENGTH and any(
                    len(label) <= LABEL_LENGTH and label.lower() in _HIRING_WORDS for label in _NAV_SPLIT.split(line)):
                start = page.text.find(line)
                return [evidence("hiring", True, "medium", page, (start, start + len(line)),
                                 "a hiring section's link label")]
    return []


def _names_hiring(title: str) -> bool:
    lowered = title.lower()
    return any(word in lowered for word in _HIRING_WORDS if len(word) > 3 or not word.isascii())


def _chrome_lines(pages: Sequence[ParsedPage]) -> frozenset[str]:
    """Lines printed on more than half of three or more pages: headers and footers (a script's
    "today is …" clock among them), not content."""
    if len(pages) < 3:
        return frozenset()
    counts = Counter(line for page in pages for line in page.line_set)
    return frozenset(line for line, n in counts.items() if n * 2 > len(pages))


def _page_dates(text: str) -> Iterator[tuple[dt.date, bool]]:
    """(date, whether it names the day) of every date in `text`, read without placing it."""
    for year, _sep, month, day in _NUMERIC_DATE.findall(text):
        found = _date(int(year), int(month), int(day))
        if found:
            yield found, True
    for year, month in _YEAR_MONTH.findall(text):
        found = _date(int(year), int(month), 1)
        if found:
            yield found, False
    for match in _NAMED_DATE.finditer(text):
        found, has_day = _named(match)
        if found:
            yield found, has_day


def _placed(text: str, wanted: dt.date, chrome: frozenset[str]) -> tuple[int, int] | None:
    """The span of a date `wanted` in `text` outside chrome and copyright lines, if any."""
    matches = [*_NUMERIC_DATE.finditer(text), *_YEAR_MONTH.finditer(text), *_NAMED_DATE.finditer(text)]
    for match in matches:
        if _read(match) != wanted:
            continue
        start, end = match.span()
        line_end = text.find("\n", end)
        line = text[text.rfind("\n", 0, start) + 1:len(text) if line_end < 0 else line_end]
        if line not in chrome and not _COPYRIGHT_LINE.search(line):
            return start, end
    return None


def _read(match: re.Match[str]) -> dt.date | None:
    if match.re is _NUMERIC_DATE:
        return _date(int(match[1]), int(match[3]), int(match[4]))
    if match.re is _YEAR_MONTH:
        return _date(int(match[1]), int(match[2]), 1)
    return _named(match)[0]


def _named(match: re.Match[str]) -> tuple[dt.date | None, bool]:
    day = match["day"] or match["day2"]
    return _date(int(match["year"]), _MONTH_NUMBER[match["month"].lower()], int(day or 1)), day is not None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
