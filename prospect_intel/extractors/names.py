"""Client names: clean a case title or alt text into a name, key it, and give it a sector.

Chinese names need an organisation suffix (公司, 银行, 医院, 小区, 部委 ...) once project words
are stripped from the end (…门禁一卡通系统工程 → the client). English names need a word that is
not a service word (keywords/clients.py GENERIC), and are never a person ("Mr. ...") or a
placeholder ("Client 1", "Unknown Project"). A project title "Campus upgrade – Acme University"
gives the part after the dash.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.text import collapse, fold

from .common import load

# How a Chinese organisation's name ends (公司, 银行, 小区 …).
_ZH_ORG_ENDS = (
    "公司", "集团", "银行", "医院", "大学", "学院", "学校", "中学", "小学", "高中", "初中", "幼儿园", "政府", "局",
    "委员会", "中心", "小区", "花园", "大厦", "广场", "酒店", "宾馆", "厂", "研究院", "研究所", "派出所", "法院",
    "检察院", "电视台", "机场", "车站", "体育馆", "博物馆", "图书馆", "社区", "苑", "府", "城", "园区", "公寓",
    "写字楼", "商场", "超市", "分行", "支行", "校区", "院区", "分院", "院", "馆", "站", "所", "队", "会", "委", "处",
    "部", "总部", "综合体", "商铺", "店", "机房", "园",
)
_ZH_SUFFIX = re.compile(f"(?:{'|'.join(_ZH_ORG_ENDS)})$")
# The same words of two characters or more anywhere in a title: 清水河幼儿园室内空气治理 names a 幼儿园.
_ZH_ORG_INSIDE = re.compile("|".join(word for word in _ZH_ORG_ENDS if len(word) >= 2))
_ZH_TRAIL = re.compile(r"(?:门禁|一卡通|智能化|弱电|安防|监控|停车场|考勤|消防|网络|综合布线|系统|工程|项目|案例|"
                       r"施工|安装|改造|建设|解决方案|集成|及|和|与|人脸识别|人脸|通道|闸机|访客|管理|平台|升级|"
                       r"新建|扩容|办公楼|办公区|办公大楼|机关|整体|全面|智能|联网|出入口|梯控|对讲|智慧校园|智慧园区|智慧|"
                       r"校园|指纹|管制|更新|宿舍|单元|视频|车牌识别|道闸)+$")
_ZH_GENERIC_START = re.compile(r"智慧|商业|各类|各级|周边|大型|知名|多家|众多|政府机关|企事业|医疗|学校|工厂|住宅|"
                               r"写字楼|酒店|银行|医院|小区|园区|物业|企业|国内|国外|海内外|广大|各大|各地|诸多|多项|多个")
_ZH_NOISE = re.compile(r"^[·•\-*>\s]+|[\s(（][^()（）]*[)）]\s*$|\s*\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*"
                       r"\d{1,2}\s*日?)?\s*$")
_ABBREVIATION = re.compile(r"\b(?:Ltd|Inc|Co|Corp|Pvt|Bros|Dept|Govt|St|No)\.$", re.IGNORECASE)
_PERSON = re.compile(r"^(?:mr|mrs|ms|dr|miss|sir)\.?\s", re.IGNORECASE)
_ACTIVITY = re.compile(r"(?:tion|sion|ing|ysis)s?$", re.IGNORECASE)
_NOT_ACTIVITY = {"building", "housing", "wing", "ring", "king", "spring", "holdings", "holding",
                 "foundation", "station", "corporation", "federation", "association", "institution",
                 "organisation", "organization", "mansion", "pavilion", "mission", "union", "nation",
                 # a firm's head noun after its proper name (Cleargate Solutions, Prime Engineering)
                 "solutions", "engineering", "trading", "consulting", "marketing", "manufacturing",
                 "printing", "packaging", "catering", "clothing"}
# A pronoun of the site or its reader (not "US Bank", not "Our Lady of Lourdes Hospital").
_ADDRESSED = re.compile(r"\b(?:[Uu]s|[Ww]e|[Yy]ou|[Yy]our|[Oo]ur(?!\s+Lady\b))\b")
_LOGO_SUFFIX = re.compile(r"\s+logos?$|\s*(?:标志|商标)$", re.IGNORECASE)
_PROJECT_SPLIT = re.compile(r"\s+[–—-]\s+|\s+for\s+|:\s+")
_DONE_BY = re.compile(r"[a-z]+ed\s+by\b", re.IGNORECASE)  # "secured by ISE", "installed by Acme"
_BRACKETED = re.compile(r"[（(][^)）]*[)）]")  # "Prabhi Apartment (Duplex)", "中控（ZKTeco）"
_PLACEHOLDER = re.compile(r"(?:unknown|multiple|various|misc|client|customer|logo|partner|image)"
                          r"\b.*", re.IGNORECASE)


def name_key(name: str) -> str:
    """Normalised name for de-duplication and comparison."""
    name = _BRACKETED.sub(" ", fold(name))
    name = re.sub(r"[^\w\u4e00-\u9fff]+", " ", name.lower())
    return collapse(name)


@cache
def _generic() -> tuple[frozenset[str], frozenset[str]]:
    table = load("clients")["generic"]
    return frozenset(table["en"]), frozenset(table["zh"])


@cache
def _category_heads() -> frozenset[str]:
    return frozenset(load("clients")["generic"]["category_heads"])


@lru_cache(maxsize=8192)  # names repeat on every page of a site
def clean_name(text: str, lang: str = "") -> str | None:
    """The client name in a case title or alt text, or None when it is not one."""
    text = _LOGO_SUFFIX.sub("", collapse(text)).strip(" -–—|:：·•>»/")  # alt text "Hendrix logo"
    if not 2 <= len(text) <= 60 or _PERSON.match(text) or text.endswith(("。", "!", "?", "！", "？")):
        return None
    if text.endswith(".") and not _ABBREVIATION.search(text):
        return None
    if has_cjk(text):
        return _chinese(text)
    parts = _PROJECT_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and _generic_share(parts[0]) >= 0.5:
        return _english(parts[1])  # "Campus-wide access upgrade – Pennine Valley University"
    if len(parts) == 2 and _DONE_BY.match(parts[1]):
        return _english(parts[0])  # "Summit Bank — secured by ISE": what the company did there
    return _english(text)


def names_organisation(text: str, lang: str = "") -> bool:
    """Whether a title names an organisation: it is one (`clean_name`), or a Chinese title holds
    an organisation word (幼儿园, 学校, 小区) before what was done there."""
    return clean_name(text, lang) is not None or bool(_ZH_ORG_INSIDE.search(fold(text)))


def project_title(text: str, shortest: int = 3) -> str | None:
    """A project or client title as printed (宜兴裕华纺织240KWp光伏电站, 中海玄武公馆), when a list's
    structure says its items are titles: `shortest` to 60 characters, words not numbers, not a
    sentence, and more than the list's furniture once project words are set aside (更多案例)."""
    title = collapse(text).strip(" -–—|:：·•>»")
    if not shortest <= len(title) <= 60 or not re.search(r"[\u4e00-\u9fff]{2}|[A-Za-z]{2}", title) \
            or title.endswith(("。", "...", "…", "!", "！", "?", "？")):
        return None
    core = _ZH_TRAIL.sub("", fold(title)).strip()
    if len(core) < 2 or core in _generic()[1] or _generic_share(title) == 1.0 and not has_cjk(title):
        return None
    return title


def project_words_end(text: str) -> bool:
    """Whether a Chinese title ends in project words (…监控安装, …门禁系统工程, …办公楼) after a name."""
    folded = fold(text)
    trail = _ZH_TRAIL.search(folded)
    return trail is not None and trail.start() >= 2


def title_of(title: str, name: str) -> bool:
    """Whether a Chinese title is `name` followed by project words only (name + 门禁系统工程)."""
    return len(title) > len(name) and title.startswith(name) and \
        _ZH_TRAIL.fullmatch(fold(title[len(name):])) is not None


def zh_category(text: str) -> bool:
    """Whether a Chinese name opens as a kind of client, not one client (各大航运公司, 知名企业)."""
    return _ZH_GENERIC_START.match(fold(text)) is not None


def has_cjk(text: str) -> bool:
    """Whether `text` holds a Chinese character."""
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def _generic_share(text: str) -> float:
    words = re.findall(r"[A-Za-z][\w'&.-]*", text)
    generic = _generic()[0]
    return sum(1 for w in words if w.lower() in generic or "-" in w) / len(words) if words else 1.0


def _chinese(text: str) -> str | None:
    for _ in range(3):  # "·桂城金桂花园小区门禁改造（36个单元，2024年）2019-03-12"
        text = _ZH_NOISE.sub("", text).strip()
    folded = fold(text)
    core_len = len(_ZH_TRAIL.sub("", folded)) or len(folded)
    core = text[:core_len]
    if well_known(core):
        return core  # 腾讯, 南方电网: known without an organisation suffix
    if len(core) < 4 or core in _generic()[1] or not _ZH_SUFFIX.search(fold(core)):
        return None
    if re.search(r"[，,。；;！!？?：:的]|(?:19|20)\d\d|诚邀|莅临|参加|举办|召开|荣获|喜获|欢迎|分公司|办事处", core) \
            or zh_category(core):
        return None
    return core


def _english(text: str) -> str | None:
    text = text.strip(" -–—|:,")
    words = re.findall(r"[A-Za-z][\w'&.-]*|\d+", _BRACKETED.sub(" ", text))
    if not words or len(words) > 8 or _PLACEHOLDER.fullmatch(text):
        return None
    generic = _generic()[0]
    specific = [w for w in words if w.lower().strip(".") not in generic and not w.isdigit()]
    if not specific or not any(w[0].isupper() for w in specific):
        return None
    if _ACTIVITY.search(words[-1]) and words[-1].lower() not in _NOT_ACTIVITY:
        return None  # "APFC Panel Installation": a service, not a client
    if words[-1].lower() in _category_heads():
        return None  # "Healthcare Facilities": a kind of client, not one
    if _ADDRESSED.search(text):
        return None  # "Email Us", "Join Our Team", "Your Security Partner": the site speaking
    return text


_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]{2,}(?![\w'-])")
_JOINERS = frozenset({"and", "of", "the", "for", "in", "at", "on", "to", "a", "an", "&"})


def lower_words(texts: Iterable[str]) -> frozenset[str]:
    """The words a site prints in lower case, as common nouns ("hotel", "banking", "support")."""
    return frozenset(word for text in texts for word in _LOWER_WORD.findall(text))


def common_nouns_only(name: str, site_lower: frozenset[str]) -> bool:
    """Whether an English name is made of words the same site prints in lower case: a sector or a
    service in title case ("Boutique Hotel", "Banking & Financial", "24/7 Priority Support"), not
    an organisation's name, which holds a word only ever capitalised (Engro, Getz, Germany) or an
    acronym (IOBM)."""
    if has_cjk(name):
        return False
    words = [w for w in _NAME_WORD.findall(_BRACKETED.sub(" ", name)) if w.lower() not in _JOINERS]
    if not words or any(len(w) >= 2 and w.isupper() for w in words):
        return False
    return all(w.lower() in site_lower for w in words)


def client_record(name: str) -> dict[str, Any]:
    return {"name": name, "sector": sector_of(name), "notable": is_notable(name)}


def _has_term(term: str, folded: str, lowered: str) -> bool:
    """Chinese terms as substrings; Latin terms as whole words, plurals too (Hospitals,
    Universities)."""
    word = _word_pattern(term)
    return word.search(lowered) is not None if word is not None else term in folded


@lru_cache(maxsize=2048)
def _word_pattern(term: str) -> re.Pattern[str] | None:
    if not re.match(r"[A-Za-z]", term):
        return None
    body = re.escape(term.lower())
    body = body[:-1] + "(?:y|ie)" if body.endswith("y") else body
    return re.compile(rf"(?<![a-z]){body}(?:s|es)?(?![a-z])")


@lru_cache(maxsize=8192)  # names repeat on every page of a site
def sector_of(name: str) -> str:
    folded = fold(name)
    lowered = folded.lower()
    for entry in load("clients")["sector"]:
        if any(_has_term(term, folded, lowered) for term in entry["terms"]):
            return entry["name"]
    return "enterprise" if well_known(name) else "other"


@lru_cache(maxsize=8192)  # names repeat on every page of a site
def is_notable(name: str) -> bool:
    table = load("clients")["notable"]
    folded = fold(name)
    lowered = folded.lower()
    return any(_has_term(t, folded, lowered) for t in table["terms"]) or \
        well_known(name, anywhere=True)


@cache
def _known() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """The well-known names: Chinese ones folded, Latin ones as one whole-word pattern."""
    names = load("clients")["notable"]["names"]
    chinese = tuple(fold(n) for n in names if not re.match(r"[A-Za-z]", n))
    latin = sorted((n.lower() for n in names if re.match(r"[A-Za-z]", n)), key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, latin)) + r")(?:s|es)?(?![a-z])") \
        if latin else None
    return chinese, pattern


def well_known(name: str, *, anywhere: bool = False) -> bool:
    """A name of the well-known list (keywords/clients.py NOTABLE names): the name starts with
    it (腾讯, 腾讯科技, Google UK), or with `anywhere` holds it (杭州万科城市花园)."""
    folded = fold(name)
    chinese, latin = _known()
    if any((known in folded) if anywhere else folded.startswith(known) for known in chinese):
        return True
    return latin is not None and latin.search(folded.lower()) is not None


_TITLE_PARTS = re.compile(r"\s*(?:\||-{1,3}|–|—|_|::|·|»)\s*")


def title_parts(text: str) -> list[str]:
    """The parts of a page title or caption between its separators (| - – — _ :: · »)."""
    return _TITLE_PARTS.split(text)


def own_name(pages: Sequence[ParsedPage]) -> str:
    """The site's own name as its page titles repeat it (lower case), or ''."""
    counts: Counter[str] = Counter()
    for page in pages:
        for part in dict.fromkeys(title_parts(page.title)):
            if 3 <= len(part) <= 40:
                counts[part.lower()] += 1
    if not counts:
        return ""
    name, count = counts.most_common(1)[0]
    return name if count >= 2 else ""
