"""Where literals occur in a text: one Aho-Corasick pass finds them all (ahocorasick-rs, in Rust).

`NeedleSet` finds which of a set of keywords occur in a text, and where; every literal any set,
gate or window of `terms.py` looks for is also registered in one shared automaton, so a page's
text is scanned for all of them at once (`SharedIndex`) and each reads its own literals' places
from that one scan. Texts holding a character that `re.IGNORECASE` folds differently from
`str.lower` (dotted/dotless i, long s) have no safe lower-cased form (`lowered` is None) and are
matched in full by the callers. `CaseBlindLiterals` finds a few ASCII words in raw markup in any
case without lower-casing it.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import product

import ahocorasick_rs

# Characters re.IGNORECASE treats as equal to a letter that str.lower() maps elsewhere.
_CASE_ODDITY_CHARS = "\u0130\u0131\u017f\u1e9b\ufb05\ufb06"
_CASE_ODDITIES = re.compile(f"[{_CASE_ODDITY_CHARS}]")
ODD_TERM_CHARS = frozenset("\u00b5\u03bc\u0345\u03b9\u1fbe\u03b2\u03d0\u03b5\u03f5\u03b8\u03d1\u03ba\u03f0"
                            "\u03c0\u03d6\u03c1\u03f1\u03c2\u03c3\u03c6\u03d5\u1e61\u1e9b\ufb05\ufb06")


# A full DFA: more memory than the default NFA (a few MB at most for our literals), a third
# faster to search.
_DFA = ahocorasick_rs.Implementation.DFA

# Extractors take turns over a site's pages (each reads every page), so the caches keyed by a
# page's text hold a whole site's pages (text and folded text of up to a hundred pages).
_SITE_TEXTS = 256


def lowered(text: str) -> str | None:
    """`text.lower()`, same offsets; None when the text holds a character that `str.lower` and
    `re.IGNORECASE` treat differently (dotted/dotless i, long s): match such texts in full.
    Page texts are kept (every extractor asks again); sentences and lines are not, so that they
    do not push a site's pages out."""
    return _lowered(text) if len(text) < SharedIndex.MIN_LENGTH else _lowered_page(text)


def _lowered(text: str) -> str | None:
    return None if _CASE_ODDITIES.search(text) else text.lower()


@lru_cache(maxsize=_SITE_TEXTS)
def _lowered_page(text: str) -> str | None:
    """`_lowered` of a page: a find per odd character costs a tenth of the character-class
    search on a page (on a sentence, the search is cheaper)."""
    if not text.isascii() and any(char in text for char in _CASE_ODDITY_CHARS):
        return None
    return text.lower()


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given every place a match can start (ascending):
    leftmost first, none overlapping the one before, tried only there."""
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                end = max(match.end(), start + 1)
                yield match


def find_all(text: str, literal: str) -> list[int]:
    """Start offsets of every occurrence of `literal` in `text`, overlapping ones too."""
    found, at = [], text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


def literal_starts(hay: str, literals: Sequence[str]) -> Iterator[tuple[str, Sequence[int]]]:
    """(literal, its start offsets) for each of `literals` found in the lower-cased `hay`: a
    page's from its shared keyword pass, a shorter text's from finds of its own."""
    if SHARED.serves(hay):
        found = SHARED.starts(hay)
        for literal in literals:
            if literal in found:
                yield literal, found[literal]
        return
    for literal in literals:
        yield literal, find_all(hay, literal)


def holds_any(hay: str, literals: Sequence[str]) -> bool:
    """Whether the lower-cased `hay` holds one of `literals` (a page: asked of its shared pass)."""
    if SHARED.serves(hay):
        found = SHARED.starts(hay)
        return any(literal in found for literal in literals)
    return any(literal in hay for literal in literals)


def page_literals(text: str) -> dict[str, list[int]] | None:
    """The literals the shared pass found in the page text `text` (as given, not lower-cased), or
    None when `text` is no page text (shorter than the shared pass's minimum) or must be matched
    in full (`lowered` is None)."""
    if len(text) < SharedIndex.MIN_LENGTH:
        return None
    hay = _lowered_page(text)
    return None if hay is None else SHARED.starts(hay)


class SharedIndex:
    """Where every registered literal occurs in a (lower-cased) text, from one Aho-Corasick pass.

    Twenty extractors each scanning a page for their own keywords cost twenty passes; with the
    literals of all of them registered here (when their sets are built), one pass serves them
    all. Texts shorter than `MIN_LENGTH` (lines, windows, sentences) are not worth a pass over
    every literal: callers scan those themselves, with the same result. Literals registered after
    a text was scanned (a table built on first use) are looked for in it on its next lookup,
    by a pass over those literals only.
    """

    MIN_LENGTH = 512

    def __init__(self) -> None:
        self._batches: list[tuple[str, ...]] = []  # literals in the order registered
        self._known: set[str] = set()
        self._scanners: dict[tuple[int, int], _Scanner] = {}  # batches first..upto-1 -> scanner
        self._found: OrderedDict[str, tuple[int, dict[str, list[int]]]] = OrderedDict()

    def register(self, literals: Sequence[str]) -> None:
        new = tuple(sorted({literal for literal in literals if literal} - self._known))
        if new:
            self._known.update(new)
            self._batches.append(new)
            self._scanners.clear()  # scanners up to the old last batch are not asked for again

    def serves(self, text: str) -> bool:
        return len(text) >= self.MIN_LENGTH

    def starts(self, lowered: str) -> dict[str, list[int]]:
        """Registered literal -> start offsets of its occurrences in `lowered`, in order (the
        same lists for every caller: read them, never change them)."""
        upto = len(self._batches)  # batches registered meanwhile are read on the next lookup
        seen, found = self._found.get(lowered, (0, {}))
        if seen < upto:  # a new dict: a caller may still be reading the old one
            found = {**found, **self._scanner(seen, upto).starts(lowered)}
            self._found[lowered] = (upto, found)
            if len(self._found) > _SITE_TEXTS:  # the oldest text read goes first
                self._found.popitem(last=False)
        return found

    def clear(self) -> None:
        self._found.clear()

    def prepare(self) -> None:
        """Build now the scanner a new text is read with (every literal registered so far)."""
        self._scanner(0, len(self._batches))

    def _scanner(self, first: int, upto: int) -> _Scanner:
        """A scanner of the literals of batches first..upto-1."""
        scanner = self._scanners.get((first, upto))
        if scanner is None:
            literals = [lit for batch in self._batches[first:upto] for lit in batch]
            scanner = self._scanners[(first, upto)] = _Scanner(literals)
        return scanner


class _Scanner:
    """Start offsets of every occurrence (overlapping ones too) of distinct non-empty literals,
    from one pass of ahocorasick-rs (Rust): several times faster than pyahocorasick once there
    are hundreds of literals."""

    def __init__(self, literals: Sequence[str]):
        self.literals = tuple(literals)
        self._automaton = ahocorasick_rs.AhoCorasick(self.literals, implementation=_DFA)

    def starts(self, text: str) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        literals = self.literals
        for index, start, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
            found.setdefault(literals[index], []).append(start)
        return found


SHARED = SharedIndex()


class CaseBlindLiterals:
    """Where a few ASCII literals occur in any letter case, without lower-casing the text: an
    automaton over every case variant of each literal (`str.lower` of a 40 KB page of markup costs
    more than the search). The same places as searching `text.lower()` for ASCII literals free of
    "k" and not ending in "i" (the only non-ASCII characters that lower to ASCII are the Kelvin
    sign, to "k", and dotted capital I, to "i" and a combining dot)."""

    def __init__(self, literals: Sequence[str]):
        if not all(lit.isascii() and "k" not in lit.lower() and not lit.lower().endswith("i")
                   for lit in literals):
            raise ValueError(f"not ASCII, or holding k or ending in i: {literals}")
        self.literals = tuple(lit.lower() for lit in literals)
        variants = [(index, "".join(chars)) for index, lit in enumerate(self.literals)
                    for chars in product(*({c, c.upper()} for c in lit))]
        self._owner = tuple(index for index, _ in variants)
        self._automaton = ahocorasick_rs.AhoCorasick([variant for _, variant in variants],
                                                     implementation=_DFA)

    def starts(self, text: str) -> dict[str, list[int]]:
        """Literal (lower case) -> start offsets of its occurrences in `text`, in order."""
        found: dict[str, list[int]] = {}
        for index, start, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
            found.setdefault(self.literals[self._owner[index]], []).append(start)
        return found


class NeedleSet:
    """Where many literals occur in a text, from one Aho-Corasick pass (in Rust): a hundred
    `needle in text` tests a page cost more than the regexes they were meant to spare."""

    def __init__(self, needles: Sequence[str]):
        self._indexes: dict[str, tuple[int, ...]] = {}
        for index, needle in enumerate(needles):
            if needle:
                self._indexes[needle] = (*self._indexes.get(needle, ()), index)
        self._scanner = _Scanner(list(self._indexes)) if self._indexes else None
        SHARED.register(needles)

    def starts(self, text: str) -> dict[int, list[int]]:
        """Needle index -> start offsets of its occurrences in `text`, in order (compare
        lower-cased text with lower-cased needles). Read the lists, never change them."""
        found: dict[int, list[int]] = {}
        if self._scanner is None:
            return found
        occurrences = SHARED.starts(text) if SHARED.serves(text) else self._scanner.starts(text)
        if len(occurrences) > len(self._indexes):  # the page's keywords outnumber the set's
            for needle, indexes in self._indexes.items():
                starts = occurrences.get(needle)
                if starts is not None:
                    for index in indexes:
                        found[index] = starts
            return found
        for needle, starts in occurrences.items():
            for index in self._indexes.get(needle, ()):
                found[index] = starts
        return found
