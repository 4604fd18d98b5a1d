"""Phone and fax numbers: landlines with area codes, 400/800 numbers, mobiles, extensions, 总机.

A digit run is a phone number when a phone label precedes it on the same line (电话, 手机, 热线,
总机, Tel, Call ...) or when its shape alone says so (11-digit Chinese mobile, 400-xxx-xxxx,
0571-85369138, +country numbers, (586) 339-5370). Anything after an ICP / 备案 / 公网安备 /
postcode / QQ / model / licence label is never a phone. Numbers are normalised to one string per
line: Chinese style for +86 numbers (0571-85369138, 400-843-5559, 13023091972), international
format otherwise (+1 586-339-5370); the same line printed twice is kept once.
"""
from __future__ import annotations

import dataclasses
import re
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

import phonenumbers
from babel import Locale

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.needles import NeedleSet, lowered, matches_at
from prospect_intel.core.structured import as_text
from prospect_intel.core.terms import Gated

from .common import SiteContext, alternation, distinct_confirmed, evidence, site_pages
from .keywords import phones as phone_words
from .phonenorm import is_placeholder, key_of, normalise

__all__ = ["fax_numbers", "key_of", "normalise", "phone_numbers", "region_of", "scan"]

_CANDIDATE = re.compile(
    r"(?<![\w.+])(?<![0-9A-Za-z_.+-]-)(\(?\+\s?\d{1,3}\)?[\s.-]?)?(\(?\d[\d \t().-]{5,18}\d)"
    r"(?:\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,5}))?(?![\w-])", re.IGNORECASE)
# Where a candidate can start: its first character, not after a word character, dot or plus, nor
# after a hyphen that follows one of them or a digit (a product code, a range); a hyphen after a
# Chinese word separates ("杨女士-18280349423"). The pattern's own lookbehind, tested after the
# character so that the search skips through the text to the next one instead of trying every
# position.
_CANDIDATE_START = re.compile(r"[+(\d](?<![\w.+].)(?<![0-9A-Za-z_.+-]-.)")
# The same with ASCII digits only: a plain character set is tested three times faster than the
# Unicode digit category, and a page printing no other digit (most of them) needs no more.
_ASCII_CANDIDATE_START = re.compile(r"[+(0-9](?<![\w.+].)(?<![0-9A-Za-z_.+-]-.)")
_LABEL_WINDOW = 40
_LABEL_LINE = 20  # characters: a line above that is a label alone ("传真：", "Fax Lines"), not a sentence
# A calendar date (news lists print hundreds) is never a phone number, labelled or not.
_DATE = re.compile(r"(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])")
# Nor is an IPv4 address (127.0.0.10, 192.168.1.200): four dot-separated numbers of 0-255 written
# without leading zeros (a Belgian 02.123.45.67 has one).
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?:{_OCTET}\.){{3}}{_OCTET}")


@dataclass(frozen=True)
class _Hit:
    number: str
    key: str
    kind: str  # phone | fax | both
    labelled: bool
    page: ParsedPage
    span: tuple[int, int]


_TLD_REGION = {"cn": "CN", "mo": "MO", "uk": "GB", "in": "IN", "ng": "NG", "ke": "KE", "sa": "SA", "ca": "CA",
               "au": "AU", "nz": "NZ", "za": "ZA", "ae": "AE", "sg": "SG", "my": "MY", "hk": "HK",
               "tw": "TW", "de": "DE", "fr": "FR", "pk": "PK", "ph": "PH", "gh": "GH", "us": "US"}
_COUNTRY_CODE = Gated(re.compile(r"(?<![\w+])\+\s?(\d{1,3})\)?[\s.-]?\(?\d"), ("+",), longest=10)


def region_of(pages: Sequence[ParsedPage], lang: str) -> str:
    """Default region for numbers printed without +country: language, TLD, then +codes seen."""
    host = urlsplit(pages[0].url).hostname or "" if pages else ""
    tld = host.rsplit(".", 1)[-1]
    if tld in _TLD_REGION and (lang != "zh" or tld in ("tw", "hk", "mo", "sg", "my")):
        return _TLD_REGION[tld]
    if lang == "zh":
        return "CN"
    codes: Counter[str] = Counter()
    for page in pages:
        for match in _COUNTRY_CODE.finditer(page.folded):
            region = phonenumbers.region_code_for_country_code(int(match.group(1)))
            if region != "ZZ":
                codes[region] += 1
    return codes.most_common(1)[0][0] if codes else _named_country(pages) or "US"


def _named_country(pages: Sequence[ParsedPage]) -> str:
    """The country the pages name most (an address's "Gauteng, South Africa", "Kenya"), as a
    region code: where no TLD or +code tells, a number's trunk 0 is read as that country's."""
    names = _country_names()
    counts: Counter[str] = Counter()
    for page in pages:
        if page.role not in ("home", "contact", "about"):
            continue  # where the address is printed (the name pattern costs ~1 ms a page)
        counts.update(names[m.group(0)] for m in _country_pattern().finditer(page.text))
    return counts.most_common(1)[0][0] if counts else ""


@cache
def _country_names() -> dict[str, str]:
    """English country name -> region code, from Babel's territory names (CLDR) for the regions
    the phone library knows (its own geocoder would hold ~100 MB of prefix data for this)."""
    names = dict(phone_words.COUNTRY_SHORT_NAMES)
    for region, name in Locale("en").territories.items():
        if region in phonenumbers.SUPPORTED_REGIONS and len(name) > 3 \
                and name not in phone_words.AMBIGUOUS_COUNTRY_NAMES:
            names.setdefault(name, region)
    return names


@cache
def _country_pattern() -> re.Pattern[str]:
    names = sorted(_country_names(), key=len, reverse=True)  # longest first: "Papua New Guinea"
    return re.compile(rf"(?<!New )\b(?:{'|'.join(map(re.escape, names))})\b")  # not New Mexico



def phone_numbers(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    return _collect(pages, ctx, "phone")


def fax_numbers(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    return _collect(pages, ctx, "fax")


def _collect(pages: Sequence[ParsedPage], ctx: SiteContext, want: str) -> list[Evidence]:
    field = "phone_numbers" if want == "phone" else "fax_numbers"
    region, site_hits = _site_hits(pages, ctx)
    hits = [h for h in site_hits if h.kind in (want, "both")]
    hits += _structured(pages, ctx, region, want)
    if not hits:
        return []
    # High only when every number is labelled and confirmed: on the contact page or on 2+ pages.
    seen, confirmed = distinct_confirmed(hits, lambda h: h.key, lambda h: h.labelled)
    first = next(iter(seen.values()))
    values = [h.number for h in seen.values()]
    confidence = "high" if confirmed and want == "phone" else "medium"
    method = f"{len(values)} distinct number(s) from {len({h.page.url for h in hits})} page(s)"
    if any(h.span[0] < 0 for h in hits):
        method += " (schema.org data included)"
    if first.span[0] < 0:  # a schema.org number the visible text does not print
        return [Evidence(field, values, confidence, first.page.url, first.number, method)]
    return [evidence(field, values, confidence, first.page, first.span, method)]


def _structured(pages: Sequence[ParsedPage], ctx: SiteContext, region: str, want: str) -> list[_Hit]:
    """schema.org `telephone` / `faxNumber`: labelled numbers, found again in the text if printed."""
    prop = "telephone" if want == "phone" else "faxNumber"
    by_url = {p.url: p for p in pages}
    hits = []
    for url, org in ctx.structured:
        page = by_url.get(url)
        values = org.get(prop)
        if page is None or not values:
            continue
        for raw in values if isinstance(values, list) else [values]:
            found = normalise(as_text(raw), region, ctx.lang, True) if as_text(raw) else None
            if found is not None:
                at = page.folded.find(as_text(raw))
                span = (at, at + len(as_text(raw))) if at >= 0 else (-1, -1)
                hits.append(_Hit(*found, want, True, page, span))
    return hits


_recent = threading.local()  # per thread: (key, pages, region, hits) of the last site read


def _site_hits(pages: Sequence[ParsedPage], ctx: SiteContext) -> tuple[str, list[_Hit]]:
    """The site's default region and every number of its pages. Phones and faxes come from one
    reading: the last site's (keyed on the very page objects, which the entry keeps alive) is
    kept for the second call."""
    key = (tuple(map(id, pages)), ctx.lang)
    cached = getattr(_recent, "site", None)
    if cached is None or cached[0] != key:
        region = region_of(pages, ctx.lang)
        read: dict[tuple, _Reading | None] = {}  # footers print the same lines on every page
        hits = [h for page in site_pages(pages) for h in scan(page, ctx, region, read)]
        cached = (key, pages, region, hits)
        _recent.site = cached
    return cached[2], cached[3]


# How a candidate reads: (kind, labelled, its numbers as (raw, offset in the candidate, normalised)).
_Reading = tuple[str, bool, list[tuple[str, int, tuple[str, str]]]]


def scan(page: ParsedPage, ctx: SiteContext, region: str = "",
         read: dict[tuple, _Reading | None] | None = None) -> list[_Hit]:
    """Every phone/fax number on one page, with its kind and whether a label named it.
    `read`: readings of candidates already met on the site's other pages, keyed on all that a
    reading depends on (the line up to the candidate, the two lines above, the candidate)."""
    hits = []
    text = page.folded
    read = {} if read is None else read
    for match in _candidates(text):
        if _DATE.fullmatch(match.group(0)) or _IPV4.fullmatch(match.group(0)) or \
                _NUMBERED_COMPANY.match(text, match.end()):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        region = region or region_of([page], ctx.lang)
        key = (text[line_start:match.start()], _lines_above(text, line_start), match.group(0), region,
               ctx.lang)
        if key not in read:
            read[key] = _read(*key)
        reading = read[key]
        if reading is None:
            continue
        kind, labelled, numbers = reading
        for raw, offset, normalised in numbers:
            start = match.start() + offset
            hits.append(_Hit(*normalised, kind, labelled, page, (start, start + len(raw))))
    return _carry_area_codes(hits, text)


# A numbered company's name after its number ("1373399 Ontario Inc.", "2345678 Alberta Ltd."): the
# province or a word, then the company word.
_NUMBERED_COMPANY = re.compile(r"[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}(?:Inc|Ltd|Limited|Corp|Corporation|LLC)\b")


def _read(line: str, above: tuple[str, ...], candidate: str, region: str, lang: str) -> _Reading | None:
    """How a candidate printed after `line` (its line up to it) reads; None: not a phone (a
    trap label before it, or a branch office's line)."""
    labels = alternation("phones", "labels", "phone")
    faxes = alternation("phones", "labels", "fax")
    traps = alternation("phones", "labels", "trap")
    kind, labelled = _label_kind(line[-_LABEL_WINDOW:], labels, faxes, traps)
    if not labelled and not line.strip() and above and len(above[0].strip()) <= _LABEL_LINE:
        kind, labelled = _label_kind(above[0], labels, faxes, traps)  # "传真：" / "Fax Lines" on its own line
    if not labelled and _LISTED_AFTER.search(line):
        labelled = True  # "0866-2523197, 9440753197": listed after a number, read as one like it
    if not labelled and not line.strip() and len(above) == 2 and _NUMBER_LINE.fullmatch(above[0].strip()) \
            and len(above[1].strip()) <= _LABEL_LINE:
        kind, labelled = _label_kind(above[1], labels, faxes, traps)  # "Contact" / 0540130082 / 0532116548
    if kind == "trap" or _branch_line(line, above) or _other_body_line(line) or _other_body_block(above):
        return None
    return kind, labelled, _split(candidate, region, lang, labelled)


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """What `_CANDIDATE.finditer(text)` yields, tried only where a candidate can start."""
    starts = _CANDIDATE_START if _other_digits(text) else _ASCII_CANDIDATE_START
    return matches_at(_CANDIDATE, text, (start.start() for start in starts.finditer(text)))


def _other_digits(text: str) -> bool:
    """Whether `text` holds a decimal digit other than 0-9 (٣, ३, 𝟑): asked of the shared
    keyword pass, which looks for them too."""
    if text.isascii():
        return False
    hay = lowered(text)
    return hay is None or bool(_other_digit_needles().starts(hay))


@cache
def _other_digit_needles() -> NeedleSet:
    """Every character outside ASCII that `\\d` matches (Unicode category Nd; none lies above
    U+1FFFF), built on first use: a scan of the planes costs a few hundredths of a second."""
    planes = "".join(map(chr, range(0x80, 0x20000)))
    return NeedleSet(re.findall(r"\d", planes))


_LIST_SEPARATOR = re.compile(r"\s*[、,，/;；]\s*")
_NUMBER_LINE = re.compile(r"\+?[\d \t().-]{7,20}")  # a line holding only a number
# The line before a candidate ends with a number of phone length and a list separator.
_LISTED_AFTER = re.compile(r"\d[\d \t().-]{5,18}\d[ \t]*[,，、/][ \t]*$")
_WITH_AREA = re.compile(r"(0\d{2,3})-(\d{7,8})(?:-\d+)?")


def _carry_area_codes(hits: list[_Hit], text: str) -> list[_Hit]:
    """0571-88886666、88886667: a local number listed right after a landline shares its area code
    (same length of local part, only a list separator between them)."""
    for index in range(1, len(hits)):
        previous, hit = hits[index - 1], hits[index]
        area = _WITH_AREA.fullmatch(previous.number)
        if area and re.fullmatch(r"\d{7,8}", hit.number) and len(hit.number) == len(area.group(2)) \
                and _LIST_SEPARATOR.fullmatch(text, previous.span[1], hit.span[0]):
            number = f"{area.group(1)}-{hit.number}"
            hits[index] = dataclasses.replace(hit, number=number, key=number.replace("-", "")
                                              .lstrip("0"))
    return hits


def _split(raw: str, region: str, lang: str, labelled: bool) -> list[tuple]:
    """The candidate as one number, else the longest runs of its space-separated parts that are.

    Numbers the phone library accepts are looked for first, in the whole and in its parts, so a
    "+1 313-555-0142 42" (the phone run into a house number) gives the phone; a printed form the
    library rejects is kept as printed only when nothing else is found. A template's number
    (01234 567 890) gives nothing, not its parts."""
    if is_placeholder(raw):
        return []
    found = _split_once(raw, region, lang, labelled, True)
    if all(normalise(text, region, lang, labelled, False) for text, _, _ in found):
        return found  # nothing kept as printed: the strict reading is the same (and cheap to check)
    return _split_once(raw, region, lang, labelled, False) or found


def _split_once(raw: str, region: str, lang: str, labelled: bool, lenient: bool) -> list[tuple]:
    whole = normalise(raw, region, lang, labelled, lenient)
    if whole is not None:
        return [(raw, 0, whole)]
    parts = [(m.group(0), m.start()) for m in re.finditer(r"\S+", raw)]
    found, index = [], 0
    while index < len(parts) and len(parts) > 1:
        for width in (4, 3, 2, 1):
            chunk = parts[index:index + width]
            if len(chunk) < width:
                continue
            text = raw[chunk[0][1]:chunk[-1][1] + len(chunk[-1][0])]
            result = normalise(text, region, lang, labelled, lenient)
            if result is not None:
                found.append((text, chunk[0][1], result))
                index += width
                break
        else:
            index += 1
    return found


# "Leeds office" is a branch's; "Our Office", "Registered Office" are the company's own.
_BRANCH_MARK = re.compile(r"办事处|分公司|分部|分厂|分店|子公司|branch|(?<!head )(?<!main )\b"
                          r"(?!(?:our|registered|corporate|principal|central|the|your|home|contact|post)\b)"
                          r"\w+ office\b", re.IGNORECASE)
_HEAD_MARK = re.compile(r"总部|总公司|head office|headquarters|main office", re.IGNORECASE)
_NUMBER_RUN = re.compile(r"\d[\d\s-]{6,}\d")  # a line above holding a number is no heading


def _lines_above(text: str, line_start: int) -> tuple[str, ...]:
    """The (up to) two lines above the line starting at `line_start`, nearest first."""
    above = []
    end = line_start - 1
    for _ in range(2):
        if end <= 0:
            break
        prev_start = text.rfind("\n", 0, end) + 1
        above.append(text[prev_start:end])
        end = prev_start - 1
    return tuple(above)


# A public body or an association whose own contact block a page prints (the licensing council's
# address and telephone on a taxi firm's terms page), unless the line speaks for the company too.
_OTHER_BODY = re.compile(r"\b(?:council|authority|ministry|government|police|association|federation)\b|"
                         r"协会|政府|公安|管理局|委员会", re.IGNORECASE)
_OWN_VOICE = re.compile(r"\b(?:us|our|we)\b|我们|我司|本公司", re.IGNORECASE)


def _other_body_line(line: str) -> bool:
    """A number printed in another organisation's contact block: its line (up to the number)
    names a public body or an association, and does not speak in the company's voice after it
    ("…escalate to our licensing authority: Lewes District Council, … Telephone: 01273 471600")."""
    named = list(_OTHER_BODY.finditer(line))
    return bool(named) and not _OWN_VOICE.search(line, named[-1].end())


def _other_body_block(above: Sequence[str]) -> bool:
    """A number in another organisation's contact block whose name heads it a line or two above
    ("Information Commissioner's Office (ICO) — UK Supervisory Authority" / "Website: ico.org.uk" /
    "Helpline: 0303 123 1113")."""
    return any(_other_body_line(previous) for previous in _block_lines(above, 80))


def _block_lines(above: Sequence[str], longest: int) -> Iterator[str]:
    """The lines above a number (nearest first) that can head its block: up to one longer than
    `longest` or holding a number, which is another block's."""
    for previous in above:
        if len(previous) > longest or _NUMBER_RUN.search(previous):
            return
        yield previous


def _branch_line(line: str, above: Sequence[str]) -> bool:
    """A number printed for a branch office: its line (up to the number) names one, or a short
    heading line one or two lines above does ("上海分公司", "Leeds office")."""
    if _BRANCH_MARK.search(line) and not _HEAD_MARK.search(line):
        return True
    for previous in _block_lines(above, 60):
        if _BRANCH_MARK.search(previous):
            return not _HEAD_MARK.search(previous)
    return False


def _label_kind(before: str, labels: re.Pattern[str], faxes: re.Pattern[str],
                traps: re.Pattern[str]) -> tuple[str, bool]:
    """Nearest label wins (trap, fax or phone); 电话/传真 printed together means both."""
    best: tuple[int, str] = (-1, "phone")
    for kind, pattern in (("phone", labels), ("fax", faxes), ("trap", traps)):
        for found in pattern.finditer(before):
            if found.end() > best[0] or (found.end() == best[0] and kind == "trap"):
                best = (found.end(), kind)
    if best[0] < 0:
        return "phone", False
    if best[1] == "fax" and labels.search(before[max(0, best[0] - 12):best[0]]) \
            and not re.search(r"\d", before[best[0]:]):
        return "both", True
    return best[1], True
