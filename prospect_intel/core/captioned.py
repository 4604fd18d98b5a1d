"""Repeated short items of a page (logo walls, name strips, lists) with the words that caption them.

A logo wall or a strip of names is three or more sibling elements of one shape (tag and first class),
each holding one short name: an image's alt text, or a short text with no block inside. What the
list is about is read from its caption: the class and id words of the list and its ancestors
(`brands-bar`, `partner-logo`, `clients`), their accessible names (aria-label) and the nearest
heading before it ("Brands we install", "合作品牌"). The extractors decide what a caption means (a
brand list, a client list); this module only reads the structure, at parse time, so the tree need
not outlive the parse.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from string import ascii_lowercase, ascii_uppercase
from typing import Any

from lxml import etree

from .furniture import is_furniture
from .text import collapse
from .visible import broken_text

# Only the parts of a page a caption word marks are read (reading every element cost twice the
# parse): elements whose class or id holds one of ATTRIBUTE_ANCHORS (the page's markup is searched
# for them first, with the other markup marks, so a page without them costs nothing), and the
# sections of headings that print one of HEADING_ANCHORS. The extractors decide what each caption
# means; their caption words must each contain one of these (a test checks it).
ATTRIBUTE_ANCHORS = ("brand", "partner", "vendor", "manufactur", "supplier", "client", "customer", "trust")
HEADING_ANCHORS = (*ATTRIBUTE_ANCHORS, "品牌", "合作", "客户", "案例", "代理")
_HEADING_ANCHOR = re.compile("|".join(HEADING_ANCHORS), re.IGNORECASE)
_HEADINGS = etree.XPath("//h1|//h2|//h3|//h4|//h5|//h6")
# Candidate items inside an anchored part: images with alt or title text, and elements that can
# hold a name as text.
_ITEMS = etree.XPath("descendant-or-self::*[self::img[@alt or @title] or self::li or self::span or self::a or "
                     "self::p or self::div[not(*)] or self::h3 or self::h4 or self::h5 or self::h6 or "
                     "self::td or self::dd or self::strong]")
_HEADING = etree.XPath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or"
                       " self::h6 or contains(@class,'title')][1]")
_INLINE = frozenset(("b", "strong", "em", "i", "u", "font", "small", "sup", "sub", "br", "img", "span", "a"))
MIN_ITEMS = 3
MAX_NAME = 60  # characters: a name, not a sentence
_ATTR_LEVELS = 4  # the list and its ancestors whose class and id words caption it


@dataclass(frozen=True)
class CaptionedList:
    """Short items that repeat as siblings, with what captions them (lower-cased attribute words
    and the nearest heading before the list, as printed)."""

    attributes: str
    heading: str
    names: tuple[str, ...]
    images: bool  # the names are image alt texts (a logo wall)


def captioned_lists(tree: etree._Element | None, anchors: Collection[str]) -> tuple[CaptionedList, ...]:
    """Every list of three or more sibling items of one shape in the page's anchored parts;
    `anchors` are the ATTRIBUTE_ANCHORS the page's markup holds (in any case)."""
    if tree is None:
        return ()
    groups: dict[tuple[Any, str, str], list[tuple[str, str]]] = defaultdict(list)
    images: dict[tuple[Any, str, str], bool] = {}
    claimed: set[Any] = set()  # units already holding a name (an <a> inside a named <li>)
    for region in _regions(tree, anchors):
        for el in _ITEMS(region):
            name = _name(el)
            unit = _unit(el) if name else None
            if unit is None or unit in claimed or unit.getparent() is None:
                continue
            claimed.add(unit)
            key = (unit.getparent(), unit.tag, _first_class(unit))
            groups[key].append((name, (el.get("src") or "") if el.tag == "img" else ""))
            images[key] = images.get(key, True) and el.tag == "img"
    found = []
    for key, items in groups.items():
        names = _logo_names(items) if images[key] else [name for name, _ in items if name]
        if len(set(names)) >= MIN_ITEMS:
            parent = key[0]
            found.append(CaptionedList(_attribute_words(parent), _heading(parent),
                                       tuple(dict.fromkeys(names)), images[key]))
    return tuple(found)


def _regions(tree: etree._Element, anchors: Collection[str]) -> list[Any]:
    """The outermost anchored parts of the page, outside navigation, headers and footers."""
    anchored = list(_anchor_query(frozenset(anchors))(tree)) if anchors else []
    anchored += [_section(h) for h in _HEADINGS(tree) if _HEADING_ANCHOR.search(h.text_content())]
    chosen = dict.fromkeys(a for a in anchored if a is not None and not is_furniture(a))
    regions = []
    for el in chosen:
        ancestors = list(el.iterancestors())
        if not any(a in chosen or is_furniture(a) for a in ancestors):
            regions.append(el)
    return regions


def _section(heading: Any) -> Any:
    """What a heading heads: its parent's parent (a heading often sits in a title block of its
    own, before the list), or its parent under <body>, or <body> itself."""
    parent = heading.getparent()
    above = parent.getparent() if parent is not None else None
    return parent if above is None or parent.tag == "body" or above.tag == "html" else above


@lru_cache(maxsize=128)
def _anchor_query(words: frozenset[str]) -> etree.XPath:
    """Elements whose class or id holds one of `words` (lower case, as class names are written),
    or whose accessible name does in any case (aria-label="Our approved-installer Partners")."""
    tests = " or ".join(f"contains(., '{w}')" for w in sorted(words))
    label = f"translate(., '{ascii_uppercase}', '{ascii_lowercase}')"
    label_tests = " or ".join(f"contains({label}, '{w}')" for w in sorted(words))
    # the attribute axis: twice as fast as //*[...]
    return etree.XPath(f"(//@class|//@id)[{tests}]/..|//@aria-label[{label_tests}]/..")


def _name(el: Any) -> str:
    """The one short name an item holds, or ''."""
    if el.tag == "img":
        raw = el.get("alt") or el.get("title") or ""
    elif any(isinstance(child.tag, str) and child.tag not in _INLINE for child in el):
        return ""  # holds blocks: a card, not a name
    else:
        raw = el.text_content()
    text = collapse(raw)
    return text if 1 < len(text) <= MAX_NAME else ""


def _logo_names(items: list[tuple[str, str]]) -> list[str]:
    """The names of a wall of logos, (alt text, image address) each: the alt text, unless one alt
    text sits on logos of different files (a copy-paste slip: alt "Microsoft" on the Sophos,
    Teltonika and Ring logos), where the name each file carries stands instead when it has one."""
    sources = defaultdict(set)
    for name, src in items:
        sources[name].add(src)
    slipped = {name for name, srcs in sources.items() if len(srcs) > 1}
    return [(file_name(src) or name) if name in slipped else name for name, src in items]


# Words of logo file names that name no one: the file's kind, size, colour or position.
_FILE_WORDS = frozenset(("logo", "logos", "brand", "brands", "client", "clients", "partner", "partners", "img",
                         "image", "images", "icon", "pic", "photo", "thumb", "thumbnail", "small", "large",
                         "white", "black", "color", "colour", "grey", "gray", "new", "min", "final", "removebg",
                         "preview", "copy", "scaled", "web", "transparent", "bg"))
_FILE_PARTS = re.compile(r"[-_.\s]+|%20")


def file_name(src: str) -> str:
    """The name a logo's image file carries (`images/brands/zkteco.png` → "zkteco", `cp-plus-logo.webp`
    → "cp plus"), or '' when it carries none (`logo1.png`, `IMG_2041.jpg`, a data: image)."""
    if not src or src.startswith("data:"):
        return ""
    base = src.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    parts = (re.sub(r"\d+$", "", w) for w in _FILE_PARTS.split(stem)
             if not re.fullmatch(r"\d+x\d+|v\d+|\d+px", w, re.IGNORECASE))  # logo1 → logo
    words = [w for w in parts if w and w.lower() not in _FILE_WORDS]
    name = " ".join(words)
    if not 1 <= len(words) <= 3 or sum(c.isalpha() for c in name) < 3 or re.search(r"\d{3,}", name):
        return ""
    return name


def _first_class(el: Any) -> str:
    """An item's first class word: its kind (client-logo-card), not the modifier that styles
    each one apart (logo-torobo, logo-cleargate)."""
    classes = (el.get("class") or "").split()
    return classes[0] if classes else ""


def _unit(el: Any) -> Any:
    """The element that repeats: `el` climbed through wrappers that hold nothing else, then, for
    an image, up to the card it sits in when that card repeats among its siblings (a logo with
    its sector line under it: `cli-card` > `cli-logo-wrap` > img, `cli-type`)."""
    unit = el
    parent = unit.getparent()
    while parent is not None and len(parent) == 1 and not (parent.text or "").strip() \
            and not (unit.tail or "").strip() and parent.tag not in ("body", "ul", "ol", "table", "tr"):
        unit, parent = parent, parent.getparent()
    if el.tag == "img" and not _repeats(unit):
        card = next((a for a in islice(unit.iterancestors(), _CARD_LEVELS) if _repeats(a)), None)
        if card is not None and card.getparent() is not None and card.getparent().tag != "body" \
                and len(collapse(card.text_content())) <= _CARD_TEXT:
            return card
    return unit


_CARD_LEVELS = 2  # how far above its wrapper a logo's card may be
_CARD_TEXT = 30  # what a logo's card may print beside it: a sector's name, not a product's description


def _repeats(el: Any) -> bool:
    """Whether `el` has two siblings of its shape (tag and first class) at least."""
    parent = el.getparent()
    if parent is None:
        return False
    shape = (el.tag, _first_class(el))
    return sum(1 for sib in parent if sib.tag == shape[0] and _first_class(sib) == shape[1]) >= MIN_ITEMS


def _attribute_words(el: Any) -> str:
    words = []
    for level, node in enumerate((el, *el.iterancestors())):
        if level == _ATTR_LEVELS or node.tag == "body":
            break
        words += [node.get("class") or "", node.get("id") or "", node.get("aria-label") or ""]
    return " ".join(w for w in words if w).lower()


def _heading(el: Any) -> str:
    found = _HEADING(el)
    return collapse(broken_text(found[0]))[:120] if found else ""
