"""Whose statement a Chinese sentence makes: the company names the site's own titles print, and
another company named as the subject (a subsidiary's founding year or capital on its group's site,
or the group's on a subsidiary's)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.text import sentence_bounds

from .keywords import company_names

ZH_ORG_ENDS = (*company_names.ZH_SUFFIXES, "协会", "学会")
ZH_ORG = r"[\u4e00-\u9fa5（）()]{2,30}?(?:" + "|".join(map(re.escape, ZH_ORG_ENDS)) + ")"
ZH_OWN_WORDS = ("本公司", "我公司", "公司", "我司", "本集团")
_ZH_ORG_NAME = re.compile(ZH_ORG)
_SENTENCE_OPENING_ORG = re.compile(rf"\s*({ZH_ORG})")
_OWN_TITLE_ROLES = ("home", "about", "contact")


def own_org_names(pages: Sequence[ParsedPage]) -> set[str]:
    """The Chinese company names the titles of the site's home, about and contact pages print, and
    the one their meta description opens with ("青岛某某投资有限公司创立于2010年…"): its own name.
    Another page's title may name what that page is about (a subsidiary's page)."""
    names = set()
    for page in pages:
        if page.role in _OWN_TITLE_ROLES:
            names.update(_ZH_ORG_NAME.findall(page.title))
            if opening := _SENTENCE_OPENING_ORG.match(page.description):
                names.add(opening.group(1))
    return names


def names_own(subject: str, own: set[str]) -> bool:
    """Whether a subject is the site's company: 公司, 本公司, or a name overlapping its own."""
    return subject in ZH_OWN_WORDS or subject.endswith(ZH_OWN_WORDS[:2]) or \
        any(subject in name or name in subject for name in own)


def other_sentence_subject(text: str, start: int, own: set[str]) -> str:
    """The company that opens the sentence holding `start` when the site's titles name a different
    one ("山东川华物业管理有限公司于2011年成立，注册资本金1000万元" on another company's site); ''
    when the sentence opens with no company name, with the site's own, or the site names none."""
    if not own:
        return ""
    found = _SENTENCE_OPENING_ORG.match(text, sentence_bounds(text, start, start)[0], start)
    return found.group(1) if found and not names_own(found.group(1), own) else ""
