"""Office address, office type and branches, from contact blocks (footers and headers count).

Address: schema.org `address`; then a labelled address (地址：…, "Address: …", an "Our Address"
heading followed by its lines); then a line that is an address on its own. Project and plant
addresses (项目地址, 厂址) rank below the office. Office type follows `keywords/contact.py`: cues in
the address itself first, then what the address label or the site says (门店地址, storefront,
实体店; a village address of a site with workshops is a factory).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.needles import NeedleSet, find_all, lowered
from prospect_intel.core.structured import as_text
from prospect_intel.core.terms import Gated, Started, words_alternation
from prospect_intel.core.text import fold

from .common import SiteContext, evidence, load, site_pages
from .keywords import contact as words
from .listlines import and_list
from .names import common_nouns_only, lower_words, name_key

OFFICE_TYPES = ("industrial_park", "office_tower", "residential", "factory", "shop_street")
_STOP = r"(?=\s*(?:电话|手机|传真|邮编|邮箱|网址|E-?mail|QQ|联系人|联系电话|服务热线|热线|Tel|Phone|Fax|\||\n|$))"
# A line ending with a building's name after its house number: 上海市闸北恒丰路299号隆宇国际商务大厦.
_ZH_BUILDING_LINE = re.compile(r"^[\u4e00-\u9fa5]{2,7}(?:省|市|县|区)[\u4e00-\u9fa5\d\-－()（）A-Za-z#]{1,30}\d+号"
                               r"[\u4e00-\u9fa5A-Za-z\d]{1,20}(?:大厦|广场|中心|大楼|城|苑)$")
# (a space inside, as in "201 号"; a side and more floors after a 、: 第二层北、第三层)
_ZH_LINE = re.compile(r"^[\u4e00-\u9fa5]{2,7}(?:省|市|县|区)[\u4e00-\u9fa5\d\-－()（）A-Za-z# ]{4,50}"
                      r"(?:号|园|村|室|楼|层|栋|幢|座|区|镇|路|街|道|巷|弄)[东南西北]?(?:[、，,][\u4e00-\u9fa5\d]{1,6}(?:室|楼|层))*"
                      r"(?:[（(][^)）]{1,30}[)）])?$")
_EN_STREET = re.compile(
    r"\b\d{1,6}[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'.-]*\s+){1,5}(?:Rd|Road|St|Street|Ave|Avenue|"
    r"Dr|Drive|Blvd|Boulevard|Way|Lane|Ln|Hwy|Highway|Pkwy|Parkway|Ct|Court|Pl|Place|Cir|Circle)"
    r"\.?(?:,?\s+(?:Suite|Ste|Unit|#)\s*[\w-]+)?,?\s+(?:[A-Z][\w.]*\s*){1,3},?\s+[A-Z]{2}\.?\s+\d{5}"
    r"|\b\d{1,6}[A-Z]?\s+(?:[A-Z][\w'.-]*\s+){1,5}(?:Rd|Road|St|Street|Ave|Avenue|Dr|Drive|Blvd|Way|"
    r"Lane|Ln|Hwy)\b\.?,\s*[A-Z][\w\s.]+,\s*[A-Z]{2}\b[^\n]{0,12}")
_LOCATED = Started.of_words(words.LOCATED_SUBJECTS,
                            r"(?:{words})(?:位于|坐落于|地处|地址位于|设在)([^，,。；;\n]{4,40})")
_CONTACT_LINE = re.compile(r"^\s*(?:tel|phone|fax|e-?mail|mobile|call|main office|sales|office hours|"
                           r"hours|opening|电话|手机|传真|邮箱|网址|营业时间)\b.*[:：]", re.IGNORECASE)
# A line opening with the next contact item's label ("Phone", "E-mail", "Name: …", "Contact Us",
# "Follow us", "Directions"), with or without a colon: an address under its heading ends there.
_NEXT_ITEM_LINE = re.compile(r"^\s*(?:tel|telephone|phone|mobile|cell|fax|e-?mail|whatsapp|name|contact|"
                             r"follow\s+us|directions?|get\s+in\s+touch|opening\s+hours|hours|website)\b",
                             re.IGNORECASE)
_POSTAL = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b|"
                     r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{6}\b\.?\s*$|Postal Code:?\s*\d+")
_STREET_WORD = re.compile(r"\b(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln|Way|Drive|Dr\.?|House|"
                          r"Court|Suite|Unit|Floor|Building|Blvd|Highway|Nagar|Marg|Plaza|Tower)\b")
_DIGIT = re.compile(r"\d")  # both street patterns need one: most lines are spared them
# Whole-site cues, tried on every page: gated on their words, most pages hold none.
_SHOP_SITE = Gated.of_words(words.SHOP_SITE_WORDS, flags=re.IGNORECASE, longest_first=False)
_WORKSHOP = Gated.of_words(words.WORKSHOP_WORDS, flags=re.IGNORECASE)
_OWN_PLANT = Gated.of_words(words.OWN_PLANT_WORDS, flags=re.IGNORECASE)
_RURAL = re.compile(r"[\u4e00-\u9fa5]{1,4}(?:村|镇|乡)(?![\u4e00-\u9fa5]*(?:小区|花园))")
_FLOOR = re.compile(r"号\s*\d{1,2}\s*(?:楼|层|F)(?:之\d+|\d{2,4}室?)?|\d{1,2}\s*(?:楼|层)\s*\d{3,4}\s*室")
# "Unit H8, Halesfield 19": British and Irish business and industrial estates number their units
# (an office block's unit comes with a floor, which is a stronger cue and read first).
_EN_UNIT = re.compile(r"\bunits?\s+[A-Z]?\d+[A-Z]?\b", re.IGNORECASE)
# A tower block's letter with its room (B座2406室), or after a commercial building's name (商厦A座).
_TOWER_BLOCK = re.compile(r"[A-Za-z]\s*座\s*\d{3,5}|(?:厦|中心|广场|大楼)\s*[A-Za-z]\s*座")
_FLAT = re.compile(r"\d+\s*(?:栋|幢|号楼)\s*(?:\d+\s*单元)?\s*\d{3,4}\s*(?:号|室)")
# A name does not reach back past a conjunction (温州办事处和宁波办事处 names two).
_BRANCH = Gated.of_words(words.BRANCH_WORDS, r"((?:(?![和及与])[\u4e00-\u9fa5]){2,8}(?:{words}))", longest=11)
_BRANCH_SKIP = re.compile(
    r"^(?:各地|全国|多家|各|其|该|一家|\d+家|家|各省|下属|旗下|设立|成立|拥有|包括|以及|和|及|并设|"
    r"并|由|负责|在|另设|设有|设|与|当地|下设|若干|多个|数个|\d+个)+"
)
_BRANCH_VERB = re.compile(r"设有|设立|成立|由|负责|当地|营业部$")
# Where a branch's name cannot reach back past: a particle or word that ends the clause before it
# (自立经营权的|全资分公司, 个连续亏损三年的|分公司) or the company it belongs to (…有限公司|西安北三环分公司).
_BRANCH_NAME_START = re.compile(r"^.*(?:的|了|个|是|为|将|被|把|之|其|这|那|任何|每|公司|集团|全资|控股|下属)")
_EN_OFFICES = Started.of_words(words.EN_OFFICE_NOUNS, r"\b(?:{words})\s+in\s+((?:[A-Z][\w.]+(?:\s[A-Z][\w.]+)?"
                               r"(?:,\s+|\s+and\s+))+(?:and\s+)?[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)")
# A line that opens with a branch's name, its place then its kind ("Hyderabad Branch: 12 MG Road",
# "Leeds Regional Office"): the name as printed; the company's own head office is no branch, nor is
# a form's "Select Branch" or a place of words the site prints in lower case.
_EN_BRANCH_LINE = re.compile(
    rf"^[ \t]*((?!(?:{'|'.join(words.EN_BRANCH_LINE['not_places'])})\b)([A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*){{0,2}})"
    rf"[ \t]+(?:{words_alternation(words.EN_BRANCH_LINE['kinds'])}))[ \t]*(?:[:：–—-]|$)", re.MULTILINE)
# A "Branches" or "Our Locations" heading over a short list of place names, one a line ("Branches /
# Jeddah / Khobar") or on one line between bars ("Bangalore | Mangalore | Kasaragod").
_EN_BRANCH_HEADING = re.compile(r"(?:our\s+)?(?:branches|branch\s+offices|locations|offices)\s*:?", re.IGNORECASE)
_PLACE_BARS = re.compile(r"\s+[|·•]\s+")
_PLACE_LINE = re.compile(r"[A-Z][\w.'-]*(?:,?\s+(?:[A-Z][\w.'-]*|of|and|&)){0,3}")


_LABEL_LEAD = 10  # characters before an address label read with it ("Postal" of "Postal Address")


@cache
def _labels() -> tuple[Started, re.Pattern[str], re.Pattern[str]]:
    table = load("contact")["address"]
    zh, en = words_alternation(table["zh"]), words_alternation(table["en"])
    inline = Started(re.compile(rf"({zh})\s*[:：]\s*([^\n]{{4,80}}?){_STOP}"
                                rf"|(?<![A-Za-z])({en})\s*:\s*([^\n]{{6,120}})", re.IGNORECASE),
                     [*table["zh"], *table["en"]])
    heading = re.compile(rf"^(?:our\s+|office\s+|company\s+)?(?:{en}|{zh})s?\s*:?$", re.IGNORECASE)
    not_office = re.compile("|".join(map(re.escape, table["not_office"])), re.IGNORECASE)
    return inline, heading, not_office


@cache
def _heading_then_street_pattern() -> re.Pattern[str]:
    """An English address heading with the address's first line after it ("Head Office 21
    Aurora Drive,"): the line from its house number on."""
    en = words_alternation(load("contact")["address"]["en"])
    return re.compile(rf"^(?:our\s+|office\s+|company\s+)?(?:{en})s?\s*:?\s+(\d{{1,5}}[A-Za-z]?\s+\S.*)$",
                      re.IGNORECASE)


def office_address(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found: list[Evidence] = []
    by_url = {p.url: p for p in pages}
    for url, org in ctx.structured:
        raw = org.get("address")
        address = as_text(raw[0] if isinstance(raw, list) and raw else raw)
        if address and url in by_url:
            found.append(Evidence("office_address", address, "high", url, address[:120],
                                  "schema.org"))
    inline, heading, not_office = _labels()
    for page in site_pages(pages):
        labelled = list(inline.finditer(page.folded)) if page.role != "cases" else []
        if page.role == "cases":
            continue  # project sites, not the office
        base = "high" if page.role == "contact" else "medium"
        if len(labelled) >= 4:  # a list of offices or stores: the first, most often the head office
            labelled, base = labelled[:1], "low"
        for match in labelled:
            label = match.group(1) or match.group(3)
            start = match.start(2) if match.group(2) else match.start(4)
            value = _cut_at_next_label(page.text[start:match.end()]).strip()
            if value.endswith(",") and ctx.lang != "zh":  # "Registered Office: 1st Floor, Shed No. 7," and on
                value = ", ".join((value.rstrip(" ,"), *_continued(page.text, match.end())))
            value = value.strip(" ,，。;；|")
            if not _address_like(value):
                continue
            label_start = match.start(1) if match.group(1) else match.start(3)
            before = page.folded[max(0, label_start - _LABEL_LEAD):label_start]  # "Postal Address"
            conf = "low" if not_office.search(before + label) else base
            found.append(evidence("office_address", value, conf, page, (match.start(), match.end()),
                                  f"labelled {label!r}"))
        for match in _LOCATED.finditer(page.folded):
            found.append(evidence("office_address", page.text[match.start(1):match.end(1)],
                                  "low", page, match.span(), "located-at sentence"))
        lines = page.text.split("\n")
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        for index in _candidate_lines(page.folded, starts, ctx.lang):
            line, offset = lines[index], starts[index]
            if heading.match(line.strip()):
                value = _after_heading(lines, index)
                if value and _address_like(value):
                    found.append(Evidence("office_address", value, lower_of(base), page.url,
                                          f"{line.strip()} {value}"[:120], "heading then address"))
            elif ctx.lang != "zh" and (started := _heading_then_street(lines, index)):
                found.append(Evidence("office_address", started, lower_of(base), page.url, started[:120],
                                      "heading then address"))
            elif ctx.lang != "zh" and (joined := _street_then_postcode(lines, index)):
                found.append(evidence("office_address", joined[0], "medium", page, (offset, offset + joined[1]),
                                      "address-shaped lines"))
            elif _ZH_LINE.match(line) or _ZH_BUILDING_LINE.match(line) or \
                    (ctx.lang != "zh" and _en_address_line(line)):
                street = _EN_STREET.search(line) if ctx.lang != "zh" else None
                value, spanned = (street.group(0), len(line)) if street else _with_house_number(lines, index)
                found.append(evidence("office_address", value.strip(), "medium" if ctx.lang != "zh"
                                      else "low", page, (offset, offset + spanned),
                                      "address-shaped line"))
    return found


# A Chinese address broken after its road (新石北路<br>399号振新工业园E座…): the next line opens
# with the house number.
_ROAD_END = re.compile(r"[路街道巷弄]\s*$")
_HOUSE_NUMBER = re.compile(r"\d{1,5}\s*(?:号|號)")


def _with_house_number(lines: list[str], index: int) -> tuple[str, int]:
    """The address line, joined to the next when the road's house number starts that one, and
    how many characters of the page text it spans."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if _ROAD_END.search(line) and _HOUSE_NUMBER.match(following.strip()) and len(following.strip()) <= 40:
        return f"{line.rstrip()}{following.strip()}", len(line) + 1 + len(following)
    return line, len(line)


# Every line the line tests can take holds one of these: an address heading's label (any case),
# 省/市/县/区 (_ZH_LINE), or a street word (both English street patterns, case as written).
_ZH_LINE_MARKS = ("省", "市", "县", "区")
_STREET_WORDS = re.compile(r"Rd|Road|St|Ave|Dr|Blvd|Boulevard|Way|Lane|Ln|Hwy|Highway|Pkwy|Parkway|Ct|"
                           r"Court|Pl|Cir|House|Suite|Unit|Floor|Building|Nagar|Marg|Tower")


@cache
def _heading_needles() -> NeedleSet:
    table = load("contact")["address"]
    return NeedleSet([fold(term).lower() for term in (*table["zh"], *table["en"])])


def _candidate_lines(folded: str, starts: list[int], lang: str) -> list[int]:
    """Indexes of the lines an address heading or an address-shaped line could be on, in order:
    the per-line patterns run on those only (a page has hundreds of lines, a few of them these).
    Looked for in the folded text (the page's keyword pass has read it already): folding keeps
    offsets and only adds occurrences (電話 → 电话, ｓｔ → st), so no line is missed."""
    hay = lowered(folded)
    if hay is None:  # lower() would move offsets: try every line
        return list(range(len(starts)))
    positions = [at for found in _heading_needles().starts(hay).values() for at in found]
    for mark in _ZH_LINE_MARKS:  # single characters: not worth a place in the shared pass
        positions += find_all(folded, mark)
    if lang != "zh":
        positions += [match.start() for match in _STREET_WORDS.finditer(folded)]
    return sorted({bisect_right(starts, at) - 1 for at in positions})


# A labelled address often shares its line with the next contact item ("…1806室 总机：0755-…").
_NEXT_LABEL = re.compile(
    r"\s*[|｜/]?\s*(?:总机|电话|手机|传真|邮编|邮政编码|邮箱|电子邮件|网址|联系人|QQ|热线|服务热线|客服"
    r"|Tel|Phone|Fax|E-?mail|Mobile|Zip|Postcode|Web)\s*[:：]", re.IGNORECASE)


def _cut_at_next_label(value: str) -> str:
    match = _NEXT_LABEL.search(value, 1)
    return value[:match.start()] if match else value


def _address_like(value: str) -> bool:
    """Not an e-mail, URL, phone number or a sentence; not what a page prints where an address
    was left out (a form's next field "Message:", the menu, the ICP line, a masked value)."""
    return 4 <= len(value) <= 160 and not re.search(r"@|https?:|www\.", value) \
        and not re.fullmatch(r"[\d\s\-+()/.,]+", value) and value.count(". ") < 2 \
        and not _NOT_ADDRESS.search(value) and not _EN_CLAUSE.match(value)


# A field label ending the value, a phone number with its country code, the site's menu or ICP line,
# a masked value, places between bars ("Bangalore | Mangalore | Kasaragod": a list of locations).
_NOT_ADDRESS = re.compile(r"[:：]$|\+\d{1,3}[\s-]?\d{6,}|\bcall\s+us\b|关于我们|联系我们|网站首页|ICP|备案号|\*{3,}"
                          r"|^[^\d|]+(?:\s[|｜]\s[^\d|]+){2,}$", re.IGNORECASE)
# An English clause, not an address: a lower-case start and six words without a digit.
_EN_CLAUSE = re.compile(r"[a-z][a-z'-]*(?:\s+[A-Za-z'-]+,?){5}(?!.*\d)")


# "Pickering, Ontario": a town and its region, not a company's name ("Acme Systems, Inc.").
_PLACE_WITH_REGION = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2},\s+"
                                r"(?!(?:Inc|Ltd|LLC|Limited|Corp|Co|PLC|LLP|Pvt)\b)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}")


def _after_heading(lines: list[str], index: int) -> str:
    """The address lines under an "Our Address" / "Head office" heading, name line skipped."""
    parts: list[str] = []
    for line in lines[index + 1:index + 6]:
        if _CONTACT_LINE.match(line) or _NEXT_ITEM_LINE.match(line) or len(line) > 140:
            break
        if parts and _PLACE_WITH_REGION.fullmatch(parts[-1]) and _PLACE_WITH_REGION.fullmatch(line.strip(" ,")):
            break  # a list of locations, one a line: the first is the address
        parts.append(line.strip(" ,"))
        if _POSTAL.search(line) or (len(parts) == 1 and "," in line and _POSTAL.search(
                " ".join(lines[index + 2:index + 3]) or "") is None and len(line) > 40):
            break
    if len(parts) > 1 and not _DIGIT.search(parts[0]):
        parts = parts[1:]  # "Northgate Access Systems Ltd" above the street lines
    return ", ".join(p for p in parts if p)


def _continued(text: str, end: int) -> list[str]:
    """The lines an address broken after a comma goes on with, up to its postcode (at most
    three, none a contact line)."""
    parts: list[str] = []
    for line in text[end:].split("\n", 4)[1:4]:
        if not line.strip() or len(line) > 100 or _CONTACT_LINE.match(line) or _NEXT_LABEL.match(line):
            break
        parts.append(line.strip(" ,"))
        if _POSTAL.search(line) or not line.rstrip().endswith(","):
            break
    return parts


def _heading_then_street(lines: list[str], index: int) -> str:
    """An address that starts on its heading's line ("Head Office 21 Aurora Drive," then "1st
    Floor, Liberty Life Building", "Umhlanga Ridge, 4301."): the rest of the line and the lines
    under it, up to the postcode."""
    inline = _heading_then_street_pattern().match(lines[index].strip())
    if not inline or not _STREET_WORD.search(inline.group(1)):
        return ""
    rest = _after_heading(lines, index) if not _POSTAL.search(inline.group(1)) else ""
    value = ", ".join(part for part in (inline.group(1).strip(" ,"), rest) if part)
    return value if _address_like(value) else ""


def _street_then_postcode(lines: list[str], index: int) -> tuple[str, int] | None:
    """A street line whose postcode is on the line or two after it ("Unit A1 Ayjay House, 23
    Greenway" / "Bedwas, Caerphilly · CF83 8DW · UK"): the lines joined, and the characters of
    page text they span. None when the line is an address on its own or no postcode follows."""
    line = lines[index]
    if len(line) > 80 or not _DIGIT.search(line) or not _STREET_WORD.search(line) or _en_address_line(line):
        return None
    for end in (index + 1, index + 2):
        if end >= len(lines) or len(lines[end]) > 80 or _CONTACT_LINE.match(lines[end]):
            return None
        if _POSTAL.search(lines[end]):
            parts = [part.strip(" ,") for part in lines[index:end + 1]]
            return ", ".join(p for p in parts if p), sum(len(part) + 1 for part in lines[index:end + 1]) - 1
    return None


def _en_address_line(line: str) -> bool:
    """A street address with a number, or a line with a postcode and a street word."""
    return len(line) <= 140 and _DIGIT.search(line) is not None and (bool(_EN_STREET.search(line)) or (
        bool(_POSTAL.search(line)) and bool(_STREET_WORD.search(line))))


def lower_of(confidence: str) -> str:
    return "medium" if confidence == "high" else "low"


def office_type(address: Evidence | None, pages: Sequence[ParsedPage],
                ctx: SiteContext) -> list[Evidence]:
    """Office type of the chosen address (the dispatcher passes its pick); without one, what the
    pages say of the premises (LABELLING: the address words first, then the pages)."""
    if address is None:
        return _premises_in_pages(pages)
    cues = load("contact")["office_type"]
    text = fold(f"{address.value} {address.method.split(' | ')[0]}")
    lowered = text.lower()
    for kind, units in cues["own_units"].items():
        for cue in units:
            if _has_cue(cue, text, lowered):
                return [Evidence("office_type", kind, "medium", address.source_url, address.snippet,
                                 f"the unit's own designation {cue!r}")]
    matched = {cue for kind in OFFICE_TYPES for cue in cues[kind] if _has_cue(cue, text, lowered)}
    for kind in OFFICE_TYPES:
        for cue in cues[kind]:
            if cue in matched and not any(cue != longer and cue in longer for longer in matched):
                if kind == "residential" and not _residential_ok(cue, text):
                    continue
                if kind == "factory" and cue == "村" and not _site_has(pages, _WORKSHOP):
                    kind = "residential"  # a village address of a site without workshops (LABELLING: 村)
                return [Evidence("office_type", kind, "medium", address.source_url,
                                 address.snippet, f"address cue {cue!r}")]
    home = _english_home(text, pages) if ctx.lang != "zh" else None
    if home:
        return [Evidence("office_type", "residential", "low", address.source_url,
                         address.snippet, home)]
    if ctx.lang != "zh" and _EN_UNIT.search(text):
        return [Evidence("office_type", "industrial_park", "low", address.source_url,
                         address.snippet, "unit number (Unit H8): a unit of a business or industrial estate")]
    if _TOWER_BLOCK.search(text):
        return [Evidence("office_type", "office_tower", "low", address.source_url,
                         address.snippet, "tower block letter and room (B座2406室)")]
    if _FLOOR.search(text) and not _FLAT.search(text):
        return [Evidence("office_type", "office_tower", "low", address.source_url,
                         address.snippet, "floor number in a street building (8楼 / 8樓之3)")]
    if _FLAT.search(text):
        return [Evidence("office_type", "residential", "low", address.source_url,
                         address.snippet, "flat number (栋/单元 + room) without a tower name")]
    if _RURAL.search(text) and _site_has(pages, _WORKSHOP):
        return [Evidence("office_type", "factory", "low", address.source_url, address.snippet,
                         "village address of a site with workshops")]
    in_pages = _premises_in_pages(pages)
    if in_pages:
        return [replace(in_pages[0], source_url=address.source_url, snippet=address.snippet,
                        method=f"no premises in the address, and {in_pages[0].method}")]
    return [Evidence("office_type", "unknown", "low", address.source_url, address.snippet,
                     "no office-type cue in the address")]


def _premises_in_pages(pages: Sequence[ParsedPage]) -> list[Evidence]:
    """The premises the pages describe: a shop (实体店, "visit our store"), or the company's own
    plant (厂区, "our factory"); low confidence, the sentence as the snippet."""
    for kind, pattern, why in (("shop_street", _SHOP_SITE, "the site speaks of its shop / storefront"),
                               ("factory", _OWN_PLANT, "the site describes its own plant (厂区, our factory)")):
        if found := _first_match(pages, pattern):
            return [evidence("office_type", kind, "low", found[0], found[1].span(), why)]
    return []


@cache
def _english_cues() -> tuple[re.Pattern[str], re.Pattern[str], Gated]:
    table = load("contact")["english_residential"]
    units = "|".join(map(re.escape, sorted(table["units"], key=len, reverse=True)))
    streets = "|".join(map(re.escape, table["streets"]))
    unit = re.compile(rf"\b(?:{units})\s*(?:no\.?\s*)?\d+[a-z]?\b", re.IGNORECASE)
    street = re.compile(rf"\b\d+[a-z]?,?\s+(?:[A-Z][\w'-]*\s+){{1,3}}(?:{streets})\b", re.IGNORECASE)
    phrases = Gated.of_words(table["site_phrases"], flags=re.IGNORECASE)
    return unit, street, phrases


def _english_home(text: str, pages: Sequence[ParsedPage]) -> str | None:
    """Why an English address reads as a home (Flat 3, 12 Oak Close, a home office), or None."""
    unit, street, phrases = _english_cues()
    for pattern, why in ((unit, "flat / apartment number"), (street, "house number on a "
                                                            "residential street (Close, Gardens)")):
        match = pattern.search(text)
        if match:
            return f"{why}: {match.group(0)!r}"
    said = next((m for p in pages if not p.is_article and "home" in (lowered(p.folded) or p.folded.lower())
                 for m in [phrases.search(p.folded)] if m), None)
    return f"the site says it is run from home: {said.group(0)!r}" if said else None


def _has_cue(cue: str, text: str, lowered: str) -> bool:
    """Chinese cues as substrings; Latin ones as whole words (no a-z either side) of `lowered`."""
    if cue[:1].isascii() and cue[:1].isalpha():
        return _has_word(cue.lower(), lowered)
    return cue in text


def _has_word(word: str, text: str) -> bool:
    """`re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text)`, without a pattern per word."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and "a" <= text[at - 1] <= "z") and not (end < len(text) and "a" <= text[end] <= "z"):
            return True
        at = text.find(word, at + 1)
    return False


def _residential_ok(cue: str, text: str) -> bool:
    """Single-character compound suffixes (苑, 庭, 府) only count with a flat-style unit."""
    return len(cue) > 1 or bool(_FLAT.search(text))


def _site_has(pages: Sequence[ParsedPage], pattern: Gated) -> bool:
    return _first_match(pages, pattern) is not None


def _first_match(pages: Sequence[ParsedPage], pattern: Gated) -> tuple[ParsedPage, re.Match[str]] | None:
    """The first page (articles apart) where `pattern` matches, with its match."""
    return next(((page, match) for page in pages if not page.is_article
                 and (match := pattern.search(page.folded))), None)


def _owner_prefix(name: str, page: ParsedPage) -> bool:
    """"安视捷温州办事处" repeats the company's short name; the plain "温州办事处" is kept."""
    return bool(re.match(r"[\u4e00-\u9fa5]{2,4}(?=[\u4e00-\u9fa5]{2}(?:办事处|分公司))", name)) \
        and len(name) > 7


def _branch_name(found: str) -> str:
    """The branch's own name in `found` (…有限公司西安北三环分公司 -> 西安北三环分公司)."""
    word = next(w for w in sorted(words.BRANCH_WORDS, key=len, reverse=True) if found.endswith(w))
    return _BRANCH_NAME_START.sub("", found[:-len(word)]) + word


def _listed_under_heading(page: ParsedPage,
                          site_lower: Callable[[], frozenset[str]]) -> list[tuple[str, tuple[int, int]]]:
    """The place names listed one a line under a "Branches" heading, up to the first line that
    is not one: a place's name holds a word the site never prints in lower case (Jeddah), a
    menu's items do not (Contact Us, Access Control)."""
    lines = page.text.split("\n")
    found = []
    offset = 0
    for index, line in enumerate(lines):
        if _EN_BRANCH_HEADING.fullmatch(line.strip()):
            start = offset + len(line) + 1
            following = lines[index + 1:index + 9]
            barred = _PLACE_BARS.split(following[0].strip()) if following else []
            for item in barred if len(barred) > 1 else following:
                if not _PLACE_LINE.fullmatch(item.strip()) or len(item.strip()) > 30 or \
                        _NEXT_ITEM_LINE.match(item) or common_nouns_only(item, site_lower()):
                    break
                found.append((item.strip(), (start, start + len(item))))
                start += len(item) + 1
        offset += len(line) + 1
    return found


def branches(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    names: dict[str, tuple[ParsedPage, tuple[int, int]]] = {}
    site_lower = cache(lambda: lower_words(page.text for page in pages))
    for page in site_pages(pages):
        for match in _BRANCH.finditer(page.folded):
            name = _BRANCH_SKIP.sub("", _branch_name(match.group(1)))
            if len(name) >= 4 and not re.match(r"^(?:分公司|办事处|子公司)", name) \
                    and not _BRANCH_VERB.search(name) and not _owner_prefix(name, page):
                shown = page.text[match.end(1) - len(name):match.end(1)]  # 台中辦事處 as printed
                names.setdefault(shown, (page, match.span()))
        for match in _EN_OFFICES.finditer(page.folded):
            for part in and_list(match.group(1)):
                names.setdefault(part.rstrip("."), (page, match.span()))  # the sentence's full stop
        for match in _EN_BRANCH_LINE.finditer(page.folded):
            if not common_nouns_only(match.group(2), site_lower()):  # "Select Branch" is a form's
                names.setdefault(match.group(1), (page, match.span(1)))
        for name, span in _listed_under_heading(page, site_lower):
            names.setdefault(name, (page, span))
        for name, span in _office_blocks(page)[1:]:  # the first block is the head office
            if not _HEAD_OFFICE.search(name):
                names.setdefault(name, (page, span))
    if not names:
        return []
    page, span = next(iter(names.values()))
    return [evidence("branches", list(names), "medium", page, span,
                     f"{len(names)} branch name(s)")]


def _office_blocks(page: ParsedPage) -> list[tuple[str, tuple[int, int]]]:
    """The names of a page's office blocks, in order: where three or more labelled addresses stand
    each under its office's name (北京赞同 / 电话：… / 地址：…), the short line above each block's
    contact lines. A list of offices opens with the head office."""
    if page.role == "cases":
        return []  # the addresses of projects, each under its client's name
    inline = _labels()[0]
    starts = [page.text.rfind("\n", 0, match.start()) + 1 for match in inline.finditer(page.folded)]
    if len(starts) < _OFFICE_BLOCKS:
        return []
    found = []
    for start in starts:
        end = start - 1
        for _ in range(_BLOCK_LINES):
            begin = page.text.rfind("\n", 0, max(end, 0)) + 1
            line = page.text[begin:end].strip()
            if not _CONTACT_LINE.match(line):
                if _OFFICE_NAME.fullmatch(line):
                    found.append((line, (begin, end)))
                break
            end = begin - 1
    return found if len(found) >= _OFFICE_BLOCKS else []


_OFFICE_BLOCKS = 3  # labelled addresses on a page that make it a list of offices
_HEAD_OFFICE = re.compile(r"总部|总公司|head\s+office|headquarters|main\s+office|registered\s+office", re.IGNORECASE)
_BLOCK_LINES = 3  # contact lines looked through above a block's address for its name
# An office's name on a line of its own: a few Chinese characters or capitalised words, no digit,
# no label.
_OFFICE_NAME = re.compile(r"[\u4e00-\u9fa5]{2,12}|[A-Z][\w&.'-]*(?:[ \t][A-Z][\w&.'-]*){0,3}")


def without_head_office(found: Evidence, address: Evidence | None) -> Evidence | None:
    """The branches less the head office's own place: an "Our Locations" list names the head
    office too ("Pickering, Ontario" over the address "… Pickering, Ontario"). None when no
    other is left (the dispatcher passes its pick of each)."""
    office = name_key(str(address.value)) if address else ""
    kept = [name for name in found.value if not (office and name_key(name) in office)]
    if len(kept) == len(found.value):
        return found
    return replace(found, value=kept, snippet=kept[0],
                   method=f"{len(kept)} branch name(s); the head office's place left out") \
        if kept else None
