"""Brands a site lists by its structure: logo walls and name strips captioned as brands.

A list (see `core.captioned`) names brands when its caption says so: the nearest class or id
word of the list and its ancestors (`brands-bar`, `partners__track`) or, failing those, its
heading ("Brands We Install", "合作品牌"); a client word met first (`trust-logos`, "What our
clients say") makes it a client list instead. Its names are taken when the list is confirmed
as brands: it holds a brand of the built-in table, or it is a wall of logo images captioned by
its markup. So a brand nobody put in the table is found where the site shows it among its brands.
A logo wall most of whose names are makers of the table is a brand list whatever its caption says
("Trusted by industry leaders" over Honeywell, HID and Axis); a logo wall under a heading that
says "brands" in the word is one too. In text: a sentence or line that lists the brands sold
("brands such as A, B and C", 代理品牌：A、B、C, 代理A、B等品牌) and the maker a company is appointed
for ("authorised dealer of A", "A Gold Partner", A授权经销商).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.terms import Started
from prospect_intel.core.text import collapse

from .captions import attribute_caption, caption, heading_caption, names_brands
from .keywords import brands as words

_PART = re.compile(r"\s+[—–-]\s+|\s*[|｜]\s*")  # "Samsung — authorised partner"
_LOGO_WORD = re.compile(r"(?i)(?<![a-z])logos?(?![a-z])|标志|商标")
_PLACEHOLDER = re.compile(rf"(?i)(?:{'|'.join(map(re.escape, words.PLACEHOLDER_WORDS))})s?\s*[\d.]*")
_LETTERS = re.compile(r"[A-Za-z]{2}|[\u4e00-\u9fff]")
_CREDENTIAL_TAIL = re.compile(rf"(?i)\s+(?:(?:{'|'.join(words.CREDENTIAL_WORDS)})\s+)?"
                              rf"(?:{'|'.join(words.CREDENTIAL_ROLES)})$")
_BODY = re.compile(rf"(?i)\b(?:{'|'.join(w for w in words.BODY_WORDS if w.isascii())})\b|"
                   + "|".join(w for w in words.BODY_WORDS if not w.isascii()))
# One word boundary before the alternation, not one per word: a line is scanned ten times faster.
_PROSE_CUE = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words.PROSE_CUES if w.isascii()) + r")\b|"
                        + "|".join(re.escape(w) for w in words.PROSE_CUES if not w.isascii()))


# A Latin name: capitalised words (CP Plus, TP-Link, Alarm.com); and a list of two or more of them.
_EN_WORD = r"[A-Z0-9](?:[\w&+-]|\.(?=\w))*"  # a full stop inside (Alarm.com), not at the end
_EN_NAME = rf"{_EN_WORD}(?:\s{_EN_WORD}){{0,3}}"
_EN_LIST = re.compile(rf"{_EN_NAME}(?:\s*,\s*(?:(?:and|&)\s+)?{_EN_NAME})+(?:,?\s+(?:and|&)\s+{_EN_NAME})?")
# The word "brands" opening the list that follows: "brands (A, B, C)", "brands such as A, B and C",
# "Brands we carry: A, B, C".
_INTRODUCED = re.compile(r"(?i)\bbrands(?:\s+we\s+(?:carry|sell|stock|supply|install|distribute|represent|offer))?"
                         r"\s*(?:\(|:|,?\s+(?:such\s+as|like|including|include)\s+)\s*")
# "keys for all major brands (Ford, Chevy, …)": examples of what it serves, not brands it sells.
_ANY_BRAND = re.compile(r"(?i)\b(?:all|any|most|every|other)\b[\w\s-]{0,20}$")
_JOINED = re.compile(r"\s(?:and|&)\s")
_EN_SPLIT = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")


def prose_brands(page: ParsedPage, known: Callable[[str], bool], own: str) -> Iterator[str]:
    """Names listed in a sentence about the brands the company sells ("We use premium brands
    like CP Plus, Hikvision, and Dahua"), or on the line after a "Brands:" caption, when the
    list holds a brand of the table. Latin names only: a Chinese sentence has no word breaks
    to tell where its first and last names start and end."""
    lines = page.text.split("\n")
    for index, line in enumerate(lines):
        if "," not in line and " and " not in line and " & " not in line:
            continue  # no list of two or more names (tested first, as plain substrings: most lines have none)
        captioned = index > 0 and len(lines[index - 1]) <= 30 and heading_caption(lines[index - 1]) == "brand"
        if not captioned and not _PROSE_CUE.search(line):
            continue
        introduced = {m.end() for m in _INTRODUCED.finditer(line) if not _ANY_BRAND.search(line, 0, m.start())}
        for match in _EN_LIST.finditer(line):
            parts = _EN_SPLIT.split(match.group(0))
            names = [n for n in map(_clean, parts) if n]
            joined = len(parts) >= 3 or _JOINED.search(match.group(0))
            # "A, B" alone is a clause; a list the word "brands" opens needs no brand of the table
            if len(names) >= 2 and joined and (match.start() in introduced or any(map(known, names))):
                yield from (n for n in names if n.lower() != own)


# A brand the company is appointed for: "authorized dealer for Schneider Electric", "the sole
# distributor for RELIABILITY POWER SYSTEMS", "a proud dealership of HikVision", "海康威视授权经销商".
_APPOINTED_EN = Started(re.compile(
    r"(?i:authori[sz]ed|official|exclusive|sole|approved|certified)\s+(?i:dealers?|distributors?|resellers?|"
    rf"installers?|partners?|agents?)\s+(?i:for|of)\s+(?:the\s+)?({_EN_NAME})(?:\s+(?:and|&)\s+({_EN_NAME}))?"
    rf"|(?i:dealership)\s+of\s+({_EN_NAME})"),
    ("authorised", "authorized", "official", "exclusive", "sole", "approved", "certified", "dealership"))
# The maker, then a partner level: "a Sentrex Gold Partner". Found by its level words, the name read
# in the words before them (a pattern led by a name is tried at every capital of the page).
_PARTNER_LEVEL = Started(re.compile(r"(?<=\s)(?i:gold|silver|platinum|premier|elite)\s+(?i:partner|dealer|reseller)\b"),
                         ("gold", "silver", "platinum", "premier", "elite"))
_NAME_BEFORE = re.compile(rf"(?<![\w-])({_EN_NAME})\s+$")
_LEVEL_REACH = 60  # characters before the level words a maker's name may start
_ZH_TAIL = "|".join(words.ZH_PRODUCT_TAILS)
_APPOINTED_ZH = re.compile(r"(?:^|[为是，,、。\s])((?:(?![为是的])[\u4e00-\u9fffA-Za-z]){2,8}?)"
                           rf"(?:{_ZH_TAIL})?(?:品牌)?的?(?:官方)?授权(?:一级|总|区域)?(?:代理商|经销商|服务商|代理|经销)")
# 代理品牌：A、B、C (to 等 or the sentence's end); 代理A、B等品牌.
_ZH_CAPTIONED = re.compile(rf"(?:{'|'.join(words.ZH_BRAND_CAPTION_VERBS)})品牌(?:主要)?(?:有|包括|如)?\s*[:：]?\s*"
                           r"([^。；;！!？?\n]{2,200}?)(?:等|。|；|;|！|!|？|\?|\n|$)")
_ZH_BEFORE_DENG = re.compile(rf"(?:{'|'.join(words.ZH_BRAND_VERBS)})(?:销售|经销)?([^。；;！!？?\n，,等]{{2,120}}?)"
                             r"等(?:国内外|国际|国内|知名|一线|多个|众多)*(?:品牌|厂家)")
_ZH_PART = re.compile(r"[、，,/／|｜]|\s{2,}|及|和")
_ZH_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}|[A-Za-z][\w&.+-]*(?:\s[A-Za-z][\w&.+-]*){0,2})"
                      r"(?:\s*[（(][^）)]{1,20}[）)])?$")


def appointed_brands(page: ParsedPage, own: str) -> Iterator[str]:
    """Brands the site says it is an authorised dealer, distributor or agent for."""
    text = page.text
    english = _APPOINTED_EN.finditer(text)  # tried only where its opening words are printed
    chinese = _APPOINTED_ZH.finditer(text) if "授权" in text else ()  # the patterns cost a scan a page
    levels = (found for level in _PARTNER_LEVEL.finditer(text)
              if (found := _NAME_BEFORE.search(text, max(0, level.start() - _LEVEL_REACH), level.start())))
    for match in (*english, *chinese, *levels):
        for name in map(_clean, filter(None, match.groups())):
            if name and name.lower() != own:
                yield name


def chinese_brand_lines(page: ParsedPage, own: str) -> Iterator[str]:
    """Brands a Chinese line names as those the company deals in: 代理品牌：A、B、C; 代理A、B等品牌.
    Two names or more, each a short name (two to six characters, or a Latin name), product words
    set aside."""
    if "品牌" not in page.text:
        return
    for pattern in (_ZH_CAPTIONED, _ZH_BEFORE_DENG):
        for match in pattern.finditer(page.text):
            parts = [re.sub(rf"(?:{_ZH_TAIL})+$", "", part.strip(" :：")).strip()
                     for part in _ZH_PART.split(match.group(1))]
            names = [name for part in parts if _ZH_NAME.match(part) and (name := _clean(part))]
            if len(names) >= 2:  # a list: one "name" alone may be a phrase (代理品牌：欢迎来电咨询)
                yield from (name for name in names if name.lower() != own)


def listed_brands(page: ParsedPage, known: Callable[[str], bool], own: str) -> Iterator[str]:
    """Names of the brand lists of a page, as printed (cleaned of "logo" and taglines); `known`
    tells a brand of the built-in table, `own` is the site's own name (lower case)."""
    for found in page.lists:
        names = [n for n in map(_clean, found.names) if n and n.lower() != own]
        if caption(found) != "brand":
            if found.images and makers_wall(names, known):
                yield from names  # "Trusted by industry leaders" over Honeywell, HID, Axis: its lines
            continue
        if names and (any(map(known, names)) or (found.images and (
                attribute_caption(found) == "brand" or names_brands(found.heading)))):
            yield from names


def makers_wall(names: Sequence[str], known: Callable[[str], bool]) -> bool:
    """Whether most of a logo wall's names are makers of the brand table (`known`: Hikvision,
    Cisco, HID): the lines the company carries, whatever its caption calls them, so neither a
    client wall nor another caption's list."""
    return len(names) >= 3 and sum(map(known, names)) * 2 > len(names)


def _clean(name: str) -> str:
    """A brand name from a list item: the part before a tagline, without the word "logo" or
    the company's standing with the maker; '' for a placeholder, an accreditation body, a model
    number or a phrase."""
    name = collapse(_LOGO_WORD.sub(" ", _PART.split(name, maxsplit=1)[0])).strip(" :：,，")
    name = _CREDENTIAL_TAIL.sub("", name)  # "Paxton registered installer": the maker
    if not _LETTERS.search(name) or _PLACEHOLDER.fullmatch(name) or _BODY.search(name):
        return ""  # a placeholder; an accreditation body or scheme
    tokens = name.split()
    if all(re.search(r"\d", t) for t in tokens):
        return ""  # a model number (DS-K1T671M), a figure (10+)
    lower = [t for t in tokens if t[0].islower() and t not in words.NAME_CONNECTORS]
    if len(tokens) > 5 or (lower and len(tokens) > 1):
        return ""  # a phrase ("All major brands serviced"), not a name
    return name
