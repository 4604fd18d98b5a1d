"""What the caption of a list of names says it holds: the brands a company sells, or its clients.

The caption is read nearest first: the class and id words of the list and its ancestors
(`brands-bar`, `partners__track`, `clients-grid`), then, when they say nothing, the heading
before it ("Brands We Install", "合作品牌", "Our Clients"). The first brand or client word met
decides, so `trust-strip` around a `ts-brands` row is still a brand list; but "Trusted by …" said in
words (a heading, an accessible name) names clients whatever the class words say.
"""
from __future__ import annotations

import re

from prospect_intel.core.captioned import CaptionedList

from .keywords import brands as words

_TOKEN = re.compile(r"[a-z]+|[\u4e00-\u9fff]+")
# (brand words, client words) of class/id attributes and of headings.
_ATTRIBUTE_VOCAB = (frozenset(words.LIST_ATTRIBUTE_WORDS), frozenset(w for w in words.LIST_CLIENT_WORDS if w.isascii()))
_CLIENT_NOUNS = frozenset(w for w in words.LIST_CLIENT_WORDS if w.startswith(("client", "customer")))
_HEADING_VOCAB = (frozenset(words.LIST_HEADING_WORDS), frozenset(words.LIST_CLIENT_WORDS))
_HEADING_CLIENT_VOCAB = (frozenset(words.LIST_HEADING_WORDS), frozenset(words.HEADING_CLIENT_NOUNS))
_BRAND_NOUNS = frozenset(w for w in words.HEADING_BRAND_NOUNS if w.isascii())
_VOICE_VOCAB: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset(words.HEADING_VOICE_WORDS))


# "Trusted by" names the people who bought, whatever the designer called the logos
# (`brands-list` under aria-label="Trusted by Brands"): said in words, it is read first.
_TRUSTED_BY = re.compile(r"\btrusted\s+by\b|\b(?:who|that)\s+trust\b|\btrust\s+us\b|深受.{0,12}信赖",
                         re.IGNORECASE)


def caption(found: CaptionedList) -> str:
    """`brand`, `client` or '' for what the list's caption says it holds."""
    if _trusted_by(found):
        return "client"
    return attribute_caption(found) or heading_caption(found.heading)


def _trusted_by(found: CaptionedList) -> bool:
    return _TRUSTED_BY.search(found.attributes) is not None or _TRUSTED_BY.search(found.heading) is not None


def attribute_caption(found: CaptionedList) -> str:
    return _first_cue(_TOKEN.findall(found.attributes), _ATTRIBUTE_VOCAB)


def client_wall(found: CaptionedList) -> bool:
    """A wall of logo images named for clients or customers: by its markup (`clients-grid`,
    `client-logos`) or, when its markup names neither brands nor clients, by its heading ("Our
    Clients", "合作客户"); `trust-badges` and `reviews` are other things, and so is a wall headed
    for what clients say (their photos)."""
    if not found.images:
        return False
    if _trusted_by(found):
        return True
    by_markup = _first_cue(_TOKEN.findall(found.attributes), (_ATTRIBUTE_VOCAB[0], _CLIENT_NOUNS))
    if by_markup:
        return by_markup == "client"
    heading = _tokens(found.heading)
    return _first_cue(heading, _HEADING_CLIENT_VOCAB) == "client" and not _first_cue(heading, _VOICE_VOCAB)


def heading_caption(text: str) -> str:
    """`brand`, `client` or '' for what a heading (or a short caption line) announces."""
    return _first_cue(_tokens(text), _HEADING_VOCAB)


def names_brands(heading: str) -> bool:
    """Whether a heading says "brands" in the word itself ("Brands We Install", "代理品牌")."""
    return any(token in _BRAND_NOUNS or "品牌" in token for token in _tokens(heading))


def _tokens(text: str) -> list[str]:
    """Lower-case words of a heading; a Chinese run is kept whole and searched for the words."""
    return _TOKEN.findall(text.lower())


def _first_cue(tokens: list[str], vocab: tuple[frozenset[str], frozenset[str]]) -> str:
    brand_words, client_words = vocab
    for token in tokens:
        if token in client_words or any(w in token for w in client_words if not w.isascii()):
            return "client"
        if token in brand_words or any(w in token for w in brand_words if not w.isascii()):
            return "brand"
    return ""
