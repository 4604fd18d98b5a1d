"""Headcount and the sales / technical staff split, as the site claims them (capital: capital.py).

Headcount is an int, or [min, max] for ranges (人员规模：50-99人) with max None for "more than"
(员工200余人, "over 100 employees"). Sub-groups (技术人员15人, 外聘员工) are not the headcount.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.structured import as_text
from prospect_intel.core.terms import Gated, Started, led_by, words_alternation
from prospect_intel.core.text import NUMBER, parse_int, sentence_bounds

from .common import SiteContext, evidence, site_pages
from .dates import EN_NUMBER, EN_NUMBER_FIRST, _count
from .keywords import headcount as words

_MORE = r"(余|多|多名|以上|\+)?"
_ZH_RANGE = Started.of_words(words.ZH_RANGE_LABELS, r"(?:{words})\s*[:：]?\s*(" + NUMBER
                              + r")\s*(?:-|~|～|—|至|到)\s*(" + NUMBER + r")\s*人")


def _in_order(words_: Sequence[str]) -> str:
    """The escaped alternation of `words_` in their order; words apart by spaces or tabs."""
    return "|".join(r"[ \t]+".join(map(re.escape, word.split())) for word in words_)


_ZH = words.ZH_TOTAL
_ZH_TOTAL = Gated(re.compile(
    rf"({_in_order(_ZH['not_staff'])})?(?:{_in_order(_ZH['qualifiers'])})?\s*(?:{_in_order(_ZH['nouns'])})"
    rf"(?:{_in_order(_ZH['measures'])})?\s*(?:{_in_order(_ZH['verbs'])})?\s*[:：]?\s*(" + NUMBER
    + r")\s*" + _MORE + r"\s*(?:名|人|位)(以上|左右)?"), _ZH["gate"], longest=60)
_ZH_SIZE_AFTER = Started.of_words(words.ZH_SIZE_LABELS, r"(?:{words})\s*[:：]?\s*(" + NUMBER + r")\s*" + _MORE
                                   + r"\s*人")
# 一支35人的团队 (a team of 35); 一支30人的施工队伍 is a sub-group (see _SUBGROUP).
_ZH_TEAM = Gated.of_words(words.ZH_TEAM, r"(?:{words})\s*(" + NUMBER + r")\s*(余|多)?\s*(?:人|名)(?:左右)?的"
                         r"([^。，,；;\n]{0,8}?)(?:团队|队伍)")
_SUBGROUP = re.compile(r"技术|销售|研发|管理|工程|施工|安装|售后|设计|生产|外聘|兼职|临时")
# Led by a qualifier (over, more than, nearly, about...) or a number: digits or z/o/t/f/s/e/n words.
_EN = words.EN_TOTAL
_EN_TOTAL = Gated(led_by(
    EN_NUMBER_FIRST + "oman",
    rf"(?:({words_alternation(_EN['qualifiers'], False)})[ \t]+)?(" + EN_NUMBER + r"|\d[\d,]*)"
    rf"[ \t]*(\+)?[ \t]*(?:(?:{words_alternation(_EN['adjectives'], False)})[ \t]+)?"
    rf"({words_alternation(_EN['nouns'], False)})\b", re.IGNORECASE),
    _EN["gate"], longest=100, after=len(" members"))
_OF = words.EN_TEAM_OF
_EN_TEAM = Gated(re.compile(rf"\b(?:a[ \t]+)?team[ \t]+of[ \t]+"
                            rf"(?:({words_alternation(_OF['qualifiers'], False)})[ \t]+)?("
                            + EN_NUMBER + r"|\d+)[ \t]*(\+)?(?:[ \t]+(?:\w+[ \t]+){0,2}?"
                            rf"(?:{_in_order(_OF['nouns'])})"
                            r"|(?=[ \t]*(?:[.,;!]|$)))",  # bare "a team of 35." at a sentence end
                            re.IGNORECASE | re.MULTILINE),
                 _OF["gate"], longest=120)
_EN_FORCE = Started.of_words(words.EN_FORCE_NOUNS, r"\b(?:{words})[ \t]+of[ \t]+(?:"
                             rf"({words_alternation(_OF['qualifiers'], False)})[ \t]+)?(" + EN_NUMBER
                             + r"|\d[\d,]*)[ \t]*(\+)?(?![\d,]*[ \t]*(?:%|years?|sq|square))", re.IGNORECASE)
_EN_PEOPLE_STRONG = Gated(led_by(EN_NUMBER_FIRST, r"\b()(" + EN_NUMBER + r"|\d[\d,]*)[ \t]*(\+)?[ \t]+(?:"
                                 + words_alternation(words.EN_PEOPLE_STRONG) + r")[ \t]+strong\b", re.IGNORECASE),
                          ("strong",))
# "Employees: 10-50", "Company size: 11-50 employees", "Employees: 500+"; and a bare
# "10-50 employees", found from the noun and read backwards (_EN_BARE_RANGE on the text before).
_EN_SIZE = Started(re.compile(
    rf"\b(?:{_in_order(words.EN_SIZE_LABELS)})[ \t]*:[ \t]*(\d[\d,]*)(?:[ \t]*(?:-|to)[ \t]*(\d[\d,]*))?(\+)?"
    r"(?![\d,]*[ \t]*(?:years?|yrs|%))", re.IGNORECASE),
    tuple(dict.fromkeys(label.split()[0] for label in words.EN_SIZE_LABELS)))
_EN_RANGE_NOUN = Started.of_words(words.EN_RANGE_NOUNS, r"(?<=[ \t])(?:{words})\b", re.IGNORECASE)
_EN_BARE_RANGE = re.compile(r"(?<![\d-])(\d[\d,]*)[ \t]*(?:-|to)[ \t]*(\d[\d,]*)[ \t]+$")
# "Our 12-strong team", "a twelve-strong workforce".
_EN_STRONG = Gated(led_by(EN_NUMBER_FIRST, r"\b()(" + EN_NUMBER + r"|\d+)()[- ](?:" + words_alternation(words.EN_STRONG)
                          + r")[ \t]+(?:\w+[ \t]+)?(?:team|workforce|staff|crew)\b", re.IGNORECASE), words.EN_STRONG)
_EN_EMPLOYS = Started.of_words(words.EN_EMPLOYS, r"\b(?:{words})[ \t]+(?:("
                               + words_alternation((*_EN["qualifiers"], *words.EN_EMPLOYS_QUALIFIERS), False)
                               + r")[ \t]+)?("
                               + EN_NUMBER + r"|\d[\d,]*)[ \t]*(\+)?[ \t]+(?:(?:"
                               + words_alternation(_EN["adjectives"], False) + r")[ \t]+)?(?:"
                               + words_alternation(words.EN_EMPLOYS_NOUNS, False) + r")\b", re.IGNORECASE)
# A counter widget: "200 +" on a line of its own, "Team members" on the next, its noun qualified by
# up to two words either side ("Certified Engineers", "Guards Deployed").
_COUNTER = Gated.of_words(words.COUNTER_LABELS, r"^[ \t]*(\d[\d,]*)[ \t]*(\+)?[ \t]*\n[ \t]*((?:[a-z-]+[ \t]+){0,2}"
                          r"(?:{words})(?:[ \t]+[a-z-]+){0,2})[ \t]*$", re.IGNORECASE | re.MULTILINE)
_COUNTER_NOT_OURS = re.compile(rf"\b(?:{words_alternation(words.COUNTER_NOT_OURS, False)})\b", re.IGNORECASE)
# 公司目前超过300人: the company as the subject of a count with no staff noun.
_ZH_COMPANY = Started.of_words(words.ZH_COMPANY, r"(?:{words})(?:目前|现在|现有|现|已经|已)?(?:拥有|共有|有)?"
                               r"(超过|逾|近|约)?(" + NUMBER + r")\s*(余|多)?\s*(?:名|人)(以上|左右)?(?![次口])")
# A group of the company's staff: its head noun, then its count (施工人员二十余人, 顾问已达到10人以上), or
# its count, then the group (100多人的研发团队).
_ZH_GROUP_AFTER = Gated.of_words(words.ZH_GROUP_HEADS, r"(?:{words})[^。，,；;！!？?\n\d]{0,8}?(" + NUMBER
                                 + r")\s*(余|多|以上|\+)?\s*(?:名|人|位)(以上|左右)?(?![次口])", longest=40)
_ZH_GROUP_BEFORE = Gated.of_words(words.ZH_GROUP_HEADS, r"(" + NUMBER + r")\s*(余|多)?\s*(?:名|人|位)(以上|左右)?的"
                                  r"[^。，,；;！!？?\n\d]{0,8}?(?:{words})", longest=40)
# "20+ certified engineers", "over 40 technicians": a group counted as at least so many.
_EN_GROUP = Gated.of_words(words.EN_GROUP_HEADS, r"\b(?:(over|more[ \t]+than)[ \t]+)?(\d[\d,]*)[ \t]*(\+)?[ \t]+"
                           r"(?:[a-z-]+[ \t]+){0,2}?(?:{words})\b", re.IGNORECASE, longest=60)
_CLAUSE_START = re.compile(r"[。，,；;！!？?\n]")
_EN_SKIP = re.compile(r"(?:serv\w*|train\w*|help\w*|protect\w*|clients?|customers?)[ \t]+(?:\w+[ \t]+)?$"
                      r"|\bup[ \t]+to[ \t]+$"  # "teams of up to 200 employees": a capacity
                      r"|\bfor[ \t]+$", re.IGNORECASE)  # "time attendance for 80 staff": whom a project serves
# A sentence addressed to the reader counts the reader's staff: "a platform that grows with your
# team — from 10 to 10,000 employees".
_YOUR = re.compile(r"\byour\b", re.IGNORECASE)


def _others_people(text: str, start: int, end: int) -> bool:
    """Whether an English count is of others' people: those the company serves, trains or protects
    ("served 3000+ clients", "trained 500+ engineers", "for 80 staff"), a capacity ("up to 200"),
    the reader's."""
    return bool(_EN_SKIP.search(text[max(0, start - 30):start])) or _addressed_to_reader(text, start, end)


def _addressed_to_reader(text: str, start: int, end: int) -> bool:
    return _YOUR.search(text, *sentence_bounds(text, start, end)) is not None


def _said_over(lead: str) -> bool:
    """Whether the words before a Chinese total's number say "more than" (员工超过200人)."""
    return any(verb in lead for verb in _ZH["over"])


def _value(low: int, more: str | bool | None, qualifier: str | None = None) -> Any:
    if more or (qualifier and qualifier.lower() in ("over", "more than")):
        return [low, None]
    return low


def headcount(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found = _structured_headcount(pages, ctx)
    for page in site_pages(pages, articles=True):
        base = "high" if page.role in ("about", "home") and not page.is_article else "medium"
        if page.is_article:
            base = "low"
        found += _zh_headcount(page, base)
        found += _en_headcount(page, base)
        found += _counters(page)
    if not found:  # no total stated: the groups a page counts, added up, are a lower bound
        found += _staff_groups(pages)
    return found


def _counters(page: ParsedPage) -> list[Evidence]:
    found = []
    for match in _COUNTER.finditer(page.folded):
        count = parse_int(match.group(1))
        if count and count < 500_000 and not _COUNTER_NOT_OURS.search(match.group(3)):
            found.append(evidence("headcount", _value(count, match.group(2)), "medium", page, match.span(),
                                  "counter widget"))
    return found


def _staff_groups(pages: Sequence[ParsedPage]) -> list[Evidence]:
    """The company's staff groups counted on one page (施工人员二十余人; 100多人的研发团队，40余人的
    销售队伍), added up as "at least" (LABELLING: parts add up); subsets (其中…) left out."""
    for page in site_pages(pages):
        if page.role not in ("about", "home"):
            continue
        counts: dict[tuple[int, int], int] = {}
        for span, count in _group_counts(page.folded):
            if count < 100_000 and not any(s < span[1] and span[0] < e for s, e in counts):
                counts[span] = count
        if counts:
            spans = sorted(counts)
            return [evidence("headcount", [sum(counts.values()), None], "medium", page,
                             (spans[0][0], spans[-1][1]), "sum of stated staff groups", ("inferred",))]
    return []


def _group_counts(text: str) -> Iterator[tuple[tuple[int, int], int]]:
    """The staff groups a text counts: Chinese ones not opened by 其中; English ones stated as a
    lower bound ("20+", "over 40"), not others' people ("trained 500+ engineers")."""
    for pattern in (_ZH_GROUP_AFTER, _ZH_GROUP_BEFORE):
        for match in pattern.finditer(text):
            count = parse_int(match.group(1))
            if count and not _subset(text, match.start()):
                yield match.span(), count
    for match in _EN_GROUP.finditer(text):
        count = parse_int(match.group(2))
        if count and (match.group(1) or match.group(3)) and not _others_people(text, *match.span()):
            yield match.span(), count


def _subset(text: str, start: int) -> bool:
    """Whether a clause opened by 其中 / 包括 comes before `start` in its sentence: every count after
    it is a part of the group before it (现有人才210人，其中高级工程师15人，中级工程师31人)."""
    sentence, _ = sentence_bounds(text, start, start)
    clauses = (sentence, *(m.end() for m in _CLAUSE_START.finditer(text, sentence, start)))
    return any(text.startswith(word, clause) for clause in clauses for word in words.ZH_SUBSET)


def _zh_headcount(page: ParsedPage, base: str) -> list[Evidence]:
    found = []
    for match in _ZH_RANGE.finditer(page.folded):
        low, high = parse_int(match.group(1)), parse_int(match.group(2))
        if low is not None and high is not None and 0 < low < high < 1_000_000:
            found.append(evidence("headcount", [low, high], base, page, match.span(), "zh-range"))
    for pattern in (_ZH_TOTAL, _ZH_SIZE_AFTER, _ZH_TEAM):
        for match in pattern.finditer(page.folded):
            if pattern is _ZH_TOTAL and (match.group(1) or _SUBGROUP.search(
                    page.folded[max(0, match.start() - 4):match.start()]) or _subset(page.folded, match.start())):
                continue  # a group's count, or a part opened by 其中 (其中主体员工108人)
            if pattern is _ZH_TEAM and _SUBGROUP.search(match.group(3)):
                continue  # 一支30人的施工队伍: the installers, not the company
            number_group = 2 if pattern is _ZH_TOTAL else 1
            count = parse_int(match.group(number_group))
            if not count or count > 500_000:
                continue
            more = match.group(number_group + 1) or (pattern is _ZH_TOTAL and (
                match.group(4) == "以上" or _said_over(page.folded[match.start():match.start(2)])))
            found.append(evidence("headcount", _value(count, more), base, page, match.span(),
                                  "zh-team" if pattern is _ZH_TEAM else "zh-total"))
    for match in _ZH_COMPANY.finditer(page.folded):
        count = parse_int(match.group(2))
        if count and count < 500_000:
            more = match.group(3) or match.group(4) == "以上" or match.group(1) in ("超过", "逾")
            found.append(evidence("headcount", _value(count, more), base, page, match.span(), "zh-company"))
    return found


def _en_headcount(page: ParsedPage, base: str) -> list[Evidence]:
    found = []
    ranges = []
    for span, low_text, high_text, more, conf in _en_sizes(page.folded, base):
        if _others_people(page.folded, *span):
            continue
        low, high = parse_int(low_text), parse_int(high_text) if high_text else None
        if not low or low > 500_000 or (high is not None and not low < high < 1_000_000):
            continue
        value = [low, high] if high else _value(low, more)
        ranges.append(span)
        found.append(evidence("headcount", value, conf, page, span, "en-size"))
    for pattern in (_EN_TOTAL, _EN_TEAM, _EN_EMPLOYS, _EN_STRONG, _EN_FORCE, _EN_PEOPLE_STRONG):
        for match in pattern.finditer(page.folded):
            if _others_people(page.folded, *match.span()) or any(s <= match.start() < e for s, e in ranges):
                continue
            count = _count(match.group(2).replace(",", ""))  # every pattern: (qualifier, count, "+")
            if not count or count > 500_000:
                continue
            value = _value(count, match.group(3), match.group(1))
            bare = pattern is _EN_TOTAL and not match.group(1) or \
                pattern is _EN_TEAM and not match.group(0)[-1].isalpha()  # "a team of 35."
            conf = "medium" if bare or pattern in (_EN_FORCE, _EN_PEOPLE_STRONG) else base  # new: not yet earned
            found.append(evidence("headcount", value, conf, page, match.span(), "en-total"))
    return found


def _en_sizes(text: str, base: str) -> list[tuple[tuple[int, int], str, str | None, str | None, str]]:
    """(span, low, high, "+", confidence) of labelled sizes and bare "10-50 employees" ranges."""
    found = [(m.span(), m.group(1), m.group(2), m.group(3), base) for m in _EN_SIZE.finditer(text)]
    for noun in _EN_RANGE_NOUN.finditer(text):
        bare = _EN_BARE_RANGE.search(text, max(0, noun.start() - 30), noun.start())
        if bare and not any(s <= bare.start() < e for (s, e), *_ in found):
            found.append(((bare.start(), noun.end()), bare.group(1), bare.group(2), None, "medium"))
    return found


def _structured_headcount(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found = []
    by_url = {p.url: p for p in pages}
    for url, org in ctx.structured:
        raw = org.get("numberOfEmployees")
        if raw is None or url not in by_url:
            continue
        if isinstance(raw, dict) and ("minValue" in raw or "maxValue" in raw):
            low, high = parse_int(str(raw.get("minValue", ""))), raw.get("maxValue")
            value: Any = [low, parse_int(str(high)) if high is not None else None]
        else:  # 45, "45", {"value": 45}, "10-50", "50+"
            value = _count_text(as_text(raw))
        if value and value != [None, None]:
            found.append(Evidence("headcount", value, "high", url,
                                  f"numberOfEmployees: {as_text(raw)}", "schema.org"))
    return found


def _count_text(text: str) -> Any:
    span = re.fullmatch(r"\s*(\d[\d,]*)\s*(?:-|–|to)\s*(\d[\d,]*)\s*", text)
    if span:
        return [parse_int(span.group(1)), parse_int(span.group(2))]
    more = re.fullmatch(r"\s*(\d[\d,]*)\s*\+\s*", text)
    return [parse_int(more.group(1)), None] if more else parse_int(text)


_STAFF = {
    "sales_staff": [
        Gated.of_words(words.SALES["zh"], r"(?:{words})\s*(?:有|共)?\s*(" + NUMBER + r")\s*(?:名|人|位)",
                       required=words.SALES["zh_gate"]),
        Gated(led_by(EN_NUMBER_FIRST, r"\b(" + EN_NUMBER + r"|\d+)[ \t]+(?:sales[ \t]+(?:"
                     + words_alternation(words.SALES["en"]) + r")|salespeople)\b", re.IGNORECASE),
              words.SALES["en_gate"], longest=60)],
    "tech_staff": [
        Gated.of_words(words.TECH["zh"], r"(?<!级)(?:{words})\s*(?:有|共)?\s*(" + NUMBER + r")\s*(?:名|人|位)",
                       required=words.TECH["zh_gate"]),
        Gated(led_by(EN_NUMBER_FIRST, r"\b(" + EN_NUMBER + r"|\d+)[ \t]+(?:(?:field|service|installation)[ \t]+)?"
                     r"(?:" + words_alternation(words.TECH["en"]) + r")\b(?![ \t]*(?:&|and)[ \t]+\w+[ \t]+staff)",
                     re.IGNORECASE), words.TECH["en"], longest=60)],
}


def staff_split(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """sales_staff and tech_staff where the site states them (销售人员18人, "18 engineers")."""
    found = []
    for page in site_pages(pages):
        if page.role not in ("about", "home", "other"):
            continue
        for name, patterns in _STAFF.items():
            for pattern in patterns:
                for match in pattern.finditer(page.folded):
                    count = _count(match.group(1))
                    if count and count < 10_000:
                        found.append(evidence(name, count, "medium", page, match.span(),
                                              "stated staff split"))
    return found
