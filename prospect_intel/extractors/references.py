"""Reference clients: case-item titles, logo alt texts and client lists, with sector and notable.

On case pages, headings / titled items / logo alts that repeat as a list (two or more siblings of
the same shape) are client candidates; text that the site repeats on other pages (navigation) is
not. A candidate must look like an organisation or a project: Chinese names need an organisation
suffix (公司, 银行, 医院, 小区 ...), English names need a word that is not a service word, a
placeholder ("Client 1") or a person ("Mr. ..."). Names are de-duplicated on a normalised key.
Prose lists count on every page: 主要客户有：A、B、C; 公司已与A、B等多家单位合作 (the names between 与/为
and 等, as printed); "for the A, B, and C Police Stations"; "our clients include A, B and C" (names
in capitals: "clients include local businesses" names none); "we have worked with A, B and C" (one
name an organisation's, makers of the brand table left out). So do logo walls captioned as clients
by their markup (`clients-grid`) or their heading ("Our Clients"), unless most of their names are
makers of the brand table (see `captions`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from prospect_intel.core.case_items import LINK
from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.terms import Started, words_alternation
from prospect_intel.core.text import collapse

from .brandlists import makers_wall
from .captions import client_wall
from .common import SiteContext, evidence, site_pages
from .keywords import clients as words
from .listlines import SEPARATORS, and_list, separated_list, strip_more
from .names import (
    clean_name,
    client_record,
    common_nouns_only,
    has_cjk,
    lower_words,
    name_key,
    names_organisation,
    own_name,
    project_title,
    project_words_end,
    sector_of,
    title_of,
    title_parts,
    zh_category,
)
from .products import known_brand

_ZH = words.ZH_LIST
_ZH_LIST = Started(re.compile(rf"(?:(?:{words_alternation(_ZH['heads'], False)})"
                              rf"(?:{words_alternation(_ZH['verbs'], False)})?\s*[:：]|"
                              rf"{words_alternation(_ZH['served'])}|"
                              rf"客户(?:{words_alternation(_ZH['client_verbs'], False)}))"
                              r"\s*([^。\n]{4,300}?)(?:等|。|\n|$)"),
                   _ZH["starts"])
# "施工案例有：A、B、C等": the head and a verb, a colon, the projects until 等 or the sentence's end.
_ZH_CASES = Started(re.compile(rf"(?:{words_alternation(_ZH['case_heads'])})"
                               rf"(?:{words_alternation(_ZH['verbs'], False)})\s*[:：]\s*"
                               r"([^。\n]{4,400}?)(?:等|。|\n|$)"), _ZH["case_heads"])
_PARTNERED = words.ZH_PARTNERED
_ZH_PARTNERED = Started(re.compile(
    rf"(?<![{_PARTNERED['not_after']}])(?:{'|'.join(_PARTNERED['prepositions'])})([^。！？\n{''.join(_PARTNERED['prepositions'])}]{{4,400}}?)等"
    rf"[^。！？\n，,]{{0,12}}?(?:{'|'.join(_PARTNERED['kinds'])})[^。！？\n]{{0,24}}?"
    rf"(?:{'|'.join(_PARTNERED['verbs'])})"), _PARTNERED["prepositions"], required=("等",))
_EN = words.EN_LIST
_PLURAL = {"Stations": "Station", "Departments": "Department", **words.EN_LIST_PLURALS}
# Tried where its verb is printed, on pages holding the plural noun every match ends with.
_EN_LIST = Started(re.compile(
    rf"\b(?:{words_alternation(_EN['verbs'], False)})\s+(?:the\s+)?"
    r"((?:[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*\s*,\s*)+(?:and\s+)?[A-Z][\w'&.-]*"
    rf"(?:\s+[A-Z][\w'&.-]*)*?)\s+((?:{words_alternation(_EN['services'], False)})\s+"
    rf"(?:{words_alternation(_EN['service_plurals'], False)})|"
    rf"{words_alternation(tuple(words.EN_LIST_PLURALS), False)})\b"),
    _EN["starts"], required=(*_EN["service_plurals"], *words.EN_LIST_PLURALS))
# A line (as `[^\n]+` finds it) holding two or more of the list separators, and the split at them.
_TWO_SEPARATORS = re.compile(rf"^[^\n{SEPARATORS}]*[{SEPARATORS}][^\n{SEPARATORS}]*[{SEPARATORS}][^\n]*$",
                             re.MULTILINE)
_SEPARATOR = re.compile(r"\s*[·、/|]\s*")
# A sentence's list of names starts after its subject and verb (公司客户包括中国银行、…; 公司已与A、B等单位
# 合作), or after a preposition with no subject (先后为A、B等单位提供).
_ZH_LEAD_IN = re.compile(r"^.*?(?:客户|用户|单位|公司|我们|我司)[^、，,]{0,8}?"
                         r"(?:包括|包含|涵盖|有|如|与|同|为|是)[:：]?"
                         # or no subject, a short adverb and the preposition: 先后为A、B等单位提供
                         rf"|^[^、，,]{{0,6}}?(?<![{_PARTNERED['not_after']}])(?:{'|'.join(_PARTNERED['prepositions'])})")
# A name's words: capitalised, or the joiners inside a name (Ministry of Health, Marks & Spencer).
_NAME_RUN = re.compile(r"(?:[A-Z0-9][\w'&.-]*|&)(?:\s+(?:[A-Z0-9][\w'&.-]*|of|and|the|for|de|&))*")
# "Our clients include A, B and C", "customers such as A and B": the names up to the sentence's end.
_EN_INCLUDE = Started(re.compile(
    r"\b(?:clients|customers|client\s+base|client\s+list)\s+(?:include|includes|including|such\s+as|"
    r"like|range\s+from)\s*:?\s+(?:the\s+)?([^.;:\n]{3,300}?)(?:\.(?:\s|$)|[;:\n]|$)", re.IGNORECASE),
    ("clients", "customers", "client base", "client list"))

_REL = words.EN_RELATIONS
# "We have worked with A, B and C", "trusted by leading organisations such as A and B", "Some of our
# clients: A, B, C": a name in capitals right after, and the names up to the sentence's end.
_KINDS_SUCH_AS = (rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{words_alternation(_REL['kinds'])})"
                  rf"\s+(?:{words_alternation(_REL['such_as'])})")
_EN_RELATION = Started(re.compile(
    rf"\b(?:(?:{words_alternation(_REL['verbs'])})(?:{_KINDS_SUCH_AS})?|"
    rf"(?:{words_alternation(_REL['with_kinds'])}){_KINDS_SUCH_AS})"
    r"\s*:?\s+(?:the\s+)?((?-i:[A-Z])[^.;:\n]{2,300}?)(?:\.(?:\s|$)|[;:\n]|$)", re.IGNORECASE),
    tuple(dict.fromkeys(verb.split()[0] for verb in (*_REL["verbs"], *_REL["with_kinds"]))))


def reference_clients(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    common = _template_texts(pages)
    own = own_name(pages)
    products = "\n".join(page.text for page in pages if page.role == "products")
    found: dict[str, tuple[str, ParsedPage, tuple[int, int], str]] = {}
    for page in site_pages(pages):
        listed = _case_items(page, common, products) if page.role == "cases" else []
        if listed:
            whole = _printed_whole(page, pages)
            listed = [(whole(name), how) for name, how in listed]
        listed += [(name, "client logo wall") for name in _client_walls(page)]
        for name, how in listed:
            name = _without_own(name, own)
            if name and not (own and own in name.lower()):  # the company itself ("NanoView Engineering Team")
                found.setdefault(name_key(name), (name, page, (0, 0), how))
        for name, span in _prose_lists(page):
            found.setdefault(name_key(name), (name, page, span, "client list in text"))
    found = _named(found, pages)
    if not found:
        return []
    clients = [client_record(name) for name, *_ in found.values()]
    name, page, span, how = next(iter(found.values()))
    confidence = "medium" if len(clients) >= 3 else "low"
    method = f"{len(clients)} client(s); first from {how}"
    if span == (0, 0):
        index = page.text.find(name)
        if index < 0:  # an alt text or title attribute: the name itself is the snippet
            return [Evidence("reference_clients", clients, confidence, page.url, name, method)]
        span = (index, index + len(name))
    return [evidence("reference_clients", clients, confidence, page, span, method)]


def _named(found: dict[str, tuple], pages: Sequence[ParsedPage]) -> dict[str, tuple]:
    """The candidates that name someone: English titles made only of words the site itself prints
    in lower case are its sectors and services in title case, not clients."""
    if all(has_cjk(name) for name, *_ in found.values()):
        return found
    site_lower = lower_words(page.text for page in pages)
    return {key: item for key, item in found.items() if not common_nouns_only(item[0], site_lower)}


def _template_texts(pages: Sequence[ParsedPage]) -> set[str]:
    """Lines printed on more than one non-case page: navigation, footers, sidebars."""
    counts: Counter[str] = Counter()
    for page in pages:
        if page.role != "cases":
            counts.update(page.line_set)
    return {line for line, count in counts.items() if count >= 2}


def _case_items(page: ParsedPage, template: set[str], products: str = "") -> list[tuple[str, str]]:
    """`products`: the text of the site's products pages (a list of entries that are products
    is no client list)."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for shape, text in page.case_items:
        if text not in template:
            groups[shape].append(text)
    items = _entry_titles(page, {shape: texts for shape, texts in groups.items() if shape[0] == LINK}, products)
    items += [(name, "a project sheet's client row on the cases page") for name in _client_rows(groups, page.lang)]
    for shape, texts in groups.items():
        if shape[0] == LINK:
            continue
        if len(texts) < 2 or (shape[0] == "img" and _photo_gallery(texts)):
            continue  # one item is no list; numbered photos of each entry are no names
        if shape[0] == "td" and _NAME_HEADER.fullmatch(texts[0]):
            items.extend((name, "a name column on the cases page") for name in _column_names(texts[1:], page.lang))
            continue
        if shape[0] == "img" and page.lang == "zh":  # Chinese logo alts are names (肯德基), English ones
            # often describe a photo ("Technician wiring a device"): those take the rule below
            items.extend((name, "logo alt texts on the cases page") for name in _titles(texts, page.lang))
            continue
        if shape[0] == "td" and page.lang == "zh" and not _shown_as_products(texts, products) and \
                (titles := _titles(texts, page.lang)):  # a column of projects done: 山西大医院, 恒大绿洲, 丽景苑
            items.extend((name, "a column of project names on the cases page") for name in titles)
            continue
        names = [n for n in (clean_name(t, page.lang) for t in texts) if n]
        if shape[0] in ("li", "td", "dt", "dd"):  # plain lists: English names need an organisation word
            names = [n for n in names if has_cjk(n) or sector_of(n) != "other"]
        if len(names) * 2 < len(texts) and shape[0] in _HEADINGS and page.lang == "zh" \
                and not _shown_as_products(texts, products):
            names = _titles(texts, page.lang)  # entry headings: project titles (…工程, …系统) as printed
        if len(names) * 2 < len(texts):
            continue  # mostly service headings or placeholders: not a client list
        items.extend((name, f"<{shape[0]}> items on the cases page") for name in names)
    return _without_cut_titles(items)


def _without_cut_titles(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The items less an organisation name cut out of a project title read whole from another list
    of the page (杭州市第一人民医院 beside 杭州市第一人民医院门禁系统工程): one client, not two."""
    names = {name for name, _ in items}
    return [(name, why) for name, why in items
            if not any(title_of(other, name) for other in names)]


_RUNNING_NUMBER = re.compile(r"\s*[-_#(]?\s*\d{1,2}\)?$")


def _photo_gallery(texts: list[str]) -> bool:
    """Whether most alt texts are numbered photos of a few entries ("Din Tai Fung Clark 1", "… 2",
    "… 3"): a gallery, whose entries' names the page prints elsewhere as their titles."""
    stems = Counter(_RUNNING_NUMBER.sub("", text) for text in texts if _RUNNING_NUMBER.search(text))
    return sum(count for count in stems.values() if count >= 2) * 2 > len(texts)


def _entry_titles(page: ParsedPage, links: dict[tuple[str, str, str], list[str]],
                  products: str) -> list[tuple[str, str]]:
    """The titles of the page's main list of entries: the largest group of links whose targets
    share one address pattern (ENTRY_LINKS or more), each title as printed (a project title
    counts: 宜兴裕华纺织240KWp光伏电站) or the organisation name in it. A label that links to
    several entries ("查看详情", "Read more") is the list's furniture, not a title; a list whose
    titles the products page prints too is the product range shown again, and one whose titles
    name no organisation is a range of services (彩色印刷, 名片制作)."""
    best: list[str] = []
    for texts in links.values():
        titles = [text for text, n in Counter(texts).items() if n == 1 or _one_target(text, texts)]
        if len(titles) > len(best):
            best = titles
    if len(best) < ENTRY_LINKS or _shown_as_products(best, products):
        return []
    return [(name, "a list of entry links on the cases page") for name in _titles(best, page.lang, as_printed=True)]


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_MAX_CUT = 12  # characters a list may cut from the end of a Chinese title
_NEAREST = 8  # sorted lines after a cut title looked at for its whole (one is wanted)


def _printed_whole(cases: ParsedPage, pages: Sequence[ParsedPage]) -> Callable[[str], str]:
    """A case title as another page prints it whole: a cases page cuts long titles without a
    mark (五星小学防刻划环氧自流 for 五星小学防刻划环氧自流平案例), the home page's list often
    does not. Only a title the cases page prints as a line of its own can be cut so; a longer
    line the cases page prints itself is what a name was read from."""
    printed = {line.strip() for line in cases.line_set}
    lines = sorted({line.strip() for page in pages if page is not cases for line in page.line_set
                    if has_cjk(line)} - printed)

    def whole(name: str) -> str:
        if not has_cjk(name) or len(name) < 6 or name not in printed:
            return name  # a name read out of a longer title is not cut: it was chosen
        at = bisect_left(lines, name)  # the lines that start with it follow it in sorted order
        longer = [line for line in lines[at:at + _NEAREST] if line.startswith(name) and
                  len(name) < len(line) <= len(name) + _MAX_CUT and not _SENTENCE_MARK.search(line)]
        return min(longer, key=len) if len(longer) == 1 else name
    return whole


_SENTENCE_MARK = re.compile(r"[，。：:；;！？]")


def _shown_as_products(titles: list[str], products: str) -> bool:
    """Whether the products page prints most of a list's titles: the product range again."""
    return sum(title in products for title in titles) * 2 >= len(titles)


def _titles(texts: list[str], lang: str, *, as_printed: bool = False) -> list[str]:
    """A list's titles as client names, when most of its texts read as names or titles (not
    sentences) and one title in ORGANISATION_SHARE names an organisation (else it is a range of
    services shown as "cases")."""
    if len(texts) < ENTRY_LINKS:
        return []
    titles = {t: n for t in texts if (n := _title_name(t, lang, as_printed))}  # sentences apart
    organisations = sum(names_organisation(t, lang) for t in titles)
    if len(titles) * 2 < len(texts) or organisations * ORGANISATION_SHARE < len(titles):
        return []
    return list(titles.values())


def _title_name(title: str, lang: str, as_printed: bool) -> str | None:
    """A list's title as a client: a project title as printed (深圳罗湖药店监控安装, 河曲法院办公楼,
    LABELLING's "project titles count"), else the organisation name in it."""
    if as_printed and lang == "zh" and project_words_end(title):
        return project_title(title)
    return clean_name(title, lang) or project_title(title)


def _one_target(text: str, texts: list[str]) -> bool:
    """Whether a text repeated in a link group is one entry's two links (its image and its
    title), not a label on every entry: it is, when it is repeated at most twice."""
    return texts.count(text) <= 2


ENTRY_LINKS = 3
ORGANISATION_SHARE = 4  # one title in this many at least names an organisation (a 小区, a 学校, a Ltd)

# The header of a table column of client or project names: 工程名称, 客户名称, Project, Client name.
_NAME_HEADER = re.compile(r"(?:工程|项目|客户|用户|单位|案例|业主)(?:名称|单位)?|(?:project|client|customer|site)s?"
                          r"(?:\s+name)?", re.IGNORECASE)


# The label of a project sheet's row naming its client: "Client:", "业主单位：", "建设单位".
_CLIENT_ROW = re.compile(r"(?:客户|业主|建设单位|委托单位|甲方)(?:名称|单位)?\s*[:：]?|"
                         r"(?:client|customer)(?:\s+name)?\s*:?", re.IGNORECASE)


def _client_rows(groups: dict[tuple[str, str, str], list[str]], lang: str) -> list[str]:
    """The values of the rows a two-column table labels as the client (a project sheet: "Client: |
    Goldkey Properties Ltd", "Project Location: | …"), the label cells and value cells paired
    row by row when the two columns have as many cells."""
    names = []
    for (kind, column, table), labels in groups.items():
        values = groups.get((kind, "1", table)) if kind == "td" and column == "0" else None
        if values is None or len(values) != len(labels):
            continue
        names += [name for label, value in zip(labels, values)
                  if _CLIENT_ROW.fullmatch(label.strip()) and (name := clean_name(value, lang))]
    return names


def _column_names(cells: list[str], lang: str) -> list[str]:
    """The cells of a column its header names as clients or projects: every cell is a name,
    with or without an organisation word (上海枫景家园-地下车库), numbers and blanks apart."""
    names = []
    for cell in cells:
        name = clean_name(cell, lang) or collapse(cell)
        if 2 <= len(name) <= 60 and re.search(r"[A-Za-z\u4e00-\u9fff]{2}", name):
            names.append(name)
    return names


def _client_walls(page: ParsedPage) -> list[str]:
    """Names of the logo walls a page's markup captions as clients (`clients-grid`,
    `client-logos`), on any page: "Trusted by" strips sit on home and about pages."""
    names: list[str] = []
    for found in page.lists:
        if client_wall(found) and not makers_wall(found.names, known_brand):
            names += [n for n in (clean_name(t, page.lang) for t in found.names) if n]
    return names


def _without_own(name: str, own: str) -> str:
    """A client's name without the site's own name a caption adds to it ("Allen Fleming
    Chartered — GDC Fire & Security" on a site titled "… | GDC Fire & Security NI")."""
    if not own:
        return name
    parts = [p for p in title_parts(name) if p]
    kept = [p for p in parts if not _owns(_CAPTION_WORD.sub("", p).lower(), own)]
    if not kept:
        return ""  # the company's own name alone
    return " ".join(kept) if len(kept) < len(parts) else name


# What a photo caption adds after the site's own name: "… — GDC Fire & Security project".
_CAPTION_WORD = re.compile(r"\s+(?:project|case study|installation|photo|image|picture)s?$", re.IGNORECASE)


def _owns(part: str, own: str) -> bool:
    """Whether a caption's part is the site's own name (or most of its start)."""
    return len(part) * 2 >= len(own) and own.startswith(part)


def _en_names(listed: str) -> list[str]:
    """The names of an English prose list ("A, B and the C"), each starting with a capital."""
    parts = [re.sub(r"^the\s+", "", part) for part in and_list(listed)]
    if parts and (run := _NAME_RUN.match(parts[-1])):
        parts[-1] = run.group(0)  # "… and KCB Bank trust our team": the name
    return [name for part in parts if part[:1].isupper() and (name := clean_name(part, "en"))]


def _prose_lists(page: ParsedPage) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for match in _ZH_LIST.finditer(page.folded):
        for part in re.split(r"[、，,;；/]|以及|和|及", match.group(1)):
            name = clean_name(part.replace("等", "").strip(), "zh")
            if name:
                found.append((name, match.span()))
    for match in _ZH_CASES.finditer(page.folded):
        for part in re.split(r"[、，,;；/]", match.group(1)):
            name = clean_name(part, "zh") or project_title(part, shortest=2)
            if name:
                found.append((name, match.span()))
    for match in _ZH_PARTNERED.finditer(page.folded):
        for part in re.split(r"[、，,;；/]|以及|及", match.group(1)):
            part = part.strip()  # the frame names these as organisations: a title as printed
            if len(part) >= 4 and not zh_category(part) and (name := project_title(part, shortest=4)):
                found.append((name, match.span()))
    if page.role in ("home", "about", "cases"):
        for match in _TWO_SEPARATORS.finditer(page.text):  # three parts need two separators
            line = strip_more(match.group(0))  # linear-time equivalents of two regexes (listlines.py)
            parts = [p for p in _SEPARATOR.split(line) if p.strip()]
            if len(parts) < 3:
                continue
            parts[0] = _ZH_LEAD_IN.sub("", parts[0])
            names = [n for n in (clean_name(p, "zh") for p in parts) if n and has_cjk(n)]
            # most parts are organisation names (tested first: it is cheaper than the list shape)
            if len(names) * 3 >= len(parts) * 2 and separated_list(line):
                found.extend((n, match.span()) for n in names)
    for match in _EN_INCLUDE.finditer(page.folded):  # "Our clients include A, B and C"
        found.extend((name, match.span()) for name in _en_names(match.group(1)))
    for match in _EN_RELATION.finditer(page.folded):
        names = _en_names(match.group(1))
        if len(names) >= 2 and any(sector_of(n) != "other" for n in names):
            found.extend((n, match.span()) for n in names if not known_brand(n))
    for match in _EN_LIST.finditer(page.folded):
        suffix = _PLURAL.get(match.group(2).split()[-1], "")
        head = " ".join(match.group(2).split()[:-1])
        for part in and_list(match.group(1)):  # "the A, B and C Police Stations"
            found.append((collapse(f"{part} {head} {suffix}"), match.span()))
    return found
