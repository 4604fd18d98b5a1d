"""Shared text utilities: character folding, Chinese numerals, number parsing, snippets.

`fold` maps one character to one character (full-width ASCII to ASCII, ideographic space and
odd hyphens to plain ones), so a regex match on folded text has the same span in the original
text: snippets are always cut from the text the page really shows.
"""
from __future__ import annotations

import re

_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({
    0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20,
    0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2013: 0x2D, 0x2014: 0x2D, 0x2212: 0x2D,
    0xFE63: 0x2D, 0x2027: 0x2E, 0x3002: 0x3002, 0x00AD: 0x20, 0x200B: 0x20, 0x202C: 0x20,
    0x202A: 0x20, 0x202D: 0x20, 0xFEFF: 0x20,
})


# Traditional → simplified for the characters our keyword tables use (one character each, so
# folding keeps offsets): 電話 → 电话, 註冊資本 → 注册资本, 辦事處 → 办事处, 門禁 → 门禁 ...
_HANT = "電話傳機專線總註冊資員職號廠區業務門統產樓廈園寫場廣銀醫學開發經銷設計裝實績構辦處萬億營創與為於來體術關係維護聯網絡讀鎖閘識別華國際東陽單棟層館規劃劃後專賣購貨廳據點樣戶選擇優質備證書項內外舊獨體環龍滬羅蘇蘭縣鄉鎮莊這們個們縣區內車監視頻對講報臉紋訪貿製攝團臺灣鑰現額從歷餘達約療級師幣過歡臨"  # noqa: E501
_HANS = "电话传机专线总注册资员职号厂区业务门统产楼厦园写场广银医学开发经销设计装实绩构办处万亿营创与为于来体术关系维护联网络读锁闸识别华国际东阳单栋层馆规划划后专卖购货厅据点样户选择优质备证书项内外旧独体环龙沪罗苏兰县乡镇庄这们个们县区内车监视频对讲报脸纹访贸制摄团台湾钥现额从历余达约疗级师币过欢临"  # noqa: E501
_FOLD.update({ord(t): ord(s) for t, s in zip(_HANT, _HANS, strict=True)})


_FOLDABLE = re.compile("[" + "".join(re.escape(chr(code)) for code, to in sorted(_FOLD.items()) if code != to) + "]")
# No character folds to one that folds again (a test holds this), so replacing them one after
# another gives what one `translate` gives.


def fold(text: str) -> str:
    """Same-length normalisation for matching (full-width forms, spaces, hyphens).

    `str.translate` looks up every character of the text in Python; a page holds only a few
    distinct foldable characters (its full-width punctuation), so each of those is replaced in
    one C pass instead."""
    if text.isascii():
        return text
    for char in set(_FOLDABLE.findall(text)):
        text = text.replace(char, chr(_FOLD[ord(char)]))
    return text


# A label whose characters are spaced out to line up with longer ones ("地　址：", "电 话:", "联 系 人："):
# single ideographs between spaces, not after another ideograph, before a colon (folded text).
_SPACED_LABEL = re.compile("(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: {1,3}[\u4e00-\u9fff])+(?= *:)")
_SPACED_LABEL_END = re.compile(" [ ]{0,2}[\u4e00-\u9fff] *:")  # a literal space first: a fast scan for pages with one


def join_spaced_labels(folded: str) -> str:
    """Folded text with each spaced-out label's spaces moved in front of it ("地 址:" → " 地址:"), so
    the label patterns read it; same length, and what follows the label keeps its offsets."""
    if not _SPACED_LABEL_END.search(folded):
        return folded
    return _SPACED_LABEL.sub(_spaces_first, folded)


def _spaces_first(match: re.Match[str]) -> str:
    label = match.group()
    word = label.replace(" ", "")
    return " " * (len(label) - len(word)) + word


_WHITESPACE_RUN = re.compile(r"\s+")


def line_of(text: str, position: int) -> str:
    """The line of `text` that holds `position`, without its line break."""
    return text[text.rfind("\n", 0, position) + 1:(text.find("\n", position) + 1 or len(text) + 1) - 1]


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return _WHITESPACE_RUN.sub(" ", text).strip()


# --- Chinese numerals -------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "".join(_CN_BIG)

# A number as printed: Arabic (with thousands separators / decimals) or Chinese numerals.
NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+)"


def cn_to_int(text: str) -> int | None:
    """一百二十 → 120, 伍佰 → 500, 十 → 10, 两千 → 2000, 二〇〇九 → 2009; None if not a numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG
                       for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_number(text: str) -> float | None:
    """Parse '2,000', '1.5', '一百二十', '2千', '1.5万' into a number; None if impossible."""
    text = fold(text).strip().replace(" ", "")
    if not text:
        return None
    match = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)([十百千万亿拾佰仟萬億]*)", text)
    if match:
        digits = match.group(1).replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        for unit in match.group(2):
            value *= _CN_UNITS.get(unit) or _CN_BIG[unit]
        return value
    number = cn_to_int(text)
    return float(number) if number is not None else None


def parse_int(text: str) -> int | None:
    value = parse_number(text)
    return int(round(value)) if value is not None else None


# --- sentences and snippets -------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
SNIPPET_MAX = 120


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence(s) containing [start, end)."""
    left = start
    while left > 0 and not _SENTENCE_END.match(text, left - 1):
        left -= 1
    match = _SENTENCE_END.search(text, end)
    right = match.end() if match else len(text)
    return left, right


def snippet(text: str, start: int, end: int, limit: int = SNIPPET_MAX) -> str:
    """The sentence around a match, cut to at most `limit` characters, centred on the match; a
    cut through a Latin word moves to the space before or after it (never beyond the match).
    In a row of labelled fields or a menu (a header, a navigation bar, a footer) the snippet is
    the field or the menu item holding the match, with the label before it."""
    sentence_left, sentence_right = left, right = _row_item(text, *sentence_bounds(text, start, end), start, end)
    if right - left > limit:
        room = max(0, limit - (end - start)) // 2
        left = max(left, start - room)
        right = min(right, max(end, left + limit))
        if left > sentence_left and _in_word(text, left):
            space = text.find(" ", left, start)
            left = space + 1 if space >= 0 else left
        if right < sentence_right and _in_word(text, right):
            space = text.rfind(" ", end, right)
            right = space if space >= 0 else right
    return collapse(text[left:right])


_CLAUSE_MARK = re.compile(r"[，,。]")
_GAP = re.compile(r"\s+|\s*[|｜]\s*")  # between the items of a Chinese menu: any space
_LATIN_GAP = re.compile(r"\s{2,}|\s*[|｜]\s*")  # of a Latin one: a bar, a wider space (not a word's)
_FIELD_LABEL = re.compile(r"(?:^|(?<=\s))[^\s:：]{1,12}[:：]")
_BAR = re.compile("[|｜]")
MENU_ITEMS = 5  # a line of this many short items with no clause in it is a menu
MENU_ITEM_MAX = 8


def _row_item(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """Within a line of labelled fields ("地址：… 电话：… 传真：…") or of menu items, the bounds of
    the field or item that holds the match (with the item before it, its label, in a menu); the
    line's bounds for anything else: a sentence is quoted whole."""
    line = text[left:right]
    labels = [m.start() + left for m in _FIELD_LABEL.finditer(line)]
    if len(labels) >= 2:
        first = max((at for at in labels if at <= start), default=left)
        after = min((at for at in labels if at >= end), default=right)
        return first, after
    if _CLAUSE_MARK.search(line):
        return left, right
    gap = _GAP if is_cjk(line) else _LATIN_GAP
    gaps = [(m.start() + left, m.end() + left) for m in gap.finditer(line) if m.end() > m.start()]
    items = _items(left, right, gaps)
    if len(items) < MENU_ITEMS or sorted(b - a for a, b in items)[len(items) // 2] > MENU_ITEM_MAX:
        return left, right
    holding = [i for i, (a, b) in enumerate(items) if b > start and a < end] or [len(items) - 1]
    first = holding[0]
    if first and not _BAR.search(text, items[first - 1][1], items[first][0]):
        first -= 1  # the item before, across a space only, is the match's label ("服务热线 400…")
    return items[first][0], items[holding[-1]][1]


def _items(left: int, right: int, gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    items, at = [], left
    for gap_start, gap_end in gaps:
        if gap_start > at:
            items.append((at, gap_start))
        at = gap_end
    if right > at:
        items.append((at, right))
    return items


def _in_word(text: str, at: int) -> bool:
    """Whether position `at` falls between two Latin letters or digits (a cut there splits a word)."""
    return 0 < at < len(text) and text[at - 1].isascii() and text[at].isascii() \
        and text[at - 1].isalnum() and text[at].isalnum()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, splitting on Chinese and Latin sentence ends."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() - start > 1:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_NON_CJK_RUNS = re.compile("[^\u4e00-\u9fff]+")
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


def is_cjk(text: str) -> bool:
    """True if the text holds more CJK ideographs than Latin letters (times three).

    Counted without making a string per word: the ideographs are what is left once every other
    run is cut out, the Latin letters what is left of the ASCII bytes once the rest is deleted."""
    cjk = len(_NON_CJK_RUNS.sub("", text))
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    return cjk * 3 > latin
