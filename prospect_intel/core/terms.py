"""Keyword matching that only does the work the text calls for: the same matches, faster.

Python's `re` tries every branch of an alternation at every position, so a table of a hundred
keywords costs a hundred comparisons per character of a page. `NeedleSet` finds which keywords
occur, and where, in one Aho-Corasick pass (ahocorasick-rs, in Rust); `TermAlternation` tries
its parts only there; `Gated` skips texts without a literal every match needs, or scans only
windows around it (`Anchored`); `Started` tries a pattern only where a match can start. Texts
holding a character that `re.IGNORECASE` folds differently from `str.lower` (dotted/dotless i,
long s) use the full pattern.

Every literal any of them looks for is also registered in one shared automaton: a page's text
is scanned for all of them at once (`SharedIndex`), and each set, gate and window reads its own
literals' places from that one scan instead of scanning the page again. `CaseBlindLiterals`
finds a few ASCII words in raw markup in any case without lower-casing it.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import product

import ahocorasick_rs

# Characters re.IGNORECASE treats as equal to a letter that str.lower() maps elsewhere.
_CASE_ODDITY_CHARS = "\u0130\u0131\u017f\u1e9b\ufb05\ufb06"
_CASE_ODDITIES = re.compile(f"[{_CASE_ODDITY_CHARS}]")
_ODD_TERM_CHARS = frozenset("\u00b5\u03bc\u0345\u03b9\u1fbe\u03b2\u03d0\u03b5\u03f5\u03b8\u03d1\u03ba\u03f0"
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


LED_BY = "(?="  # how a `led_by` pattern begins (the tests take the pattern back out of it)


def led_by(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` for a pattern every match of which starts with a character
    of the class `first` (its body, as in `[...]`), tested before anything else: a pattern that
    opens with optional words and an alternation of number words otherwise tries forty branches
    at every character of the text it scans. The same matches."""
    return re.compile(f"{LED_BY}[{first}])(?:{pattern})", flags)


WORDS = "{words}"  # where a keyword pattern's template takes its words


def words_alternation(words: Sequence[str], longest_first: bool = True) -> str:
    """The escaped alternation of `words`, longest first (words of one length in the order
    given): a word that another starts with is tried after it, as a hand-written alternation
    orders them. `longest_first=False` keeps the order given (where a pattern tries a shorter
    word first on purpose)."""
    ordered = sorted(words, key=len, reverse=True) if longest_first else words
    return "|".join(re.escape(word) for word in ordered)


def with_words(template: str, words: Sequence[str], longest_first: bool = True) -> str:
    """`template` with its `{words}` placeholder replaced by `words_alternation(words)`."""
    if template.count(WORDS) != 1:
        raise ValueError(f"the template holds {WORDS} {template.count(WORDS)} times: {template}")
    return template.replace(WORDS, words_alternation(words, longest_first))


def find_all(text: str, literal: str) -> list[int]:
    """Start offsets of every occurrence of `literal` in `text`, overlapping ones too."""
    found, at = [], text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


def _literal_starts(hay: str, literals: Sequence[str]) -> Iterator[tuple[str, Sequence[int]]]:
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


def _holds_any(hay: str, literals: Sequence[str]) -> bool:
    """Whether the lower-cased `hay` holds one of `literals` (a page: asked of its shared pass)."""
    if SHARED.serves(hay):
        found = SHARED.starts(hay)
        return any(literal in found for literal in literals)
    return any(literal in hay for literal in literals)


def _page_literals(text: str) -> dict[str, list[int]] | None:
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


class TermAlternation:
    """`re.compile("|".join(parts), flags)` where each part matches only its term's literal text.

    `terms[i]` is the literal that `parts[i]` matches (lookarounds around it are fine). A match
    of the alternation starts where one of the terms occurs, so instead of running a hundred
    branches at every character, one Aho-Corasick pass finds where terms occur and only the parts
    of those terms are tried there, in the alternation's order: the same matches, the way
    `finditer` finds them (leftmost, first part that matches, no overlaps).
    """

    def __init__(self, terms: Sequence[str], parts: Sequence[str], flags: int = 0):
        self.needles = tuple(term.lower() for term in terms)
        self.parts = tuple(parts)
        self.flags = flags
        self.full = re.compile("|".join(self.parts), flags)
        self.pattern = self.full.pattern
        self._exact_only = not self.parts or any(ch in _ODD_TERM_CHARS for term in self.needles for ch in term)
        self._needle_set: NeedleSet | None = None  # built, and its needles registered, on first use
        self._needle_keys: frozenset[str] = frozenset()
        self._part_patterns: tuple[re.Pattern[str], ...] = ()
        self._last: tuple[str, list[re.Match[str]]] | None = None  # a page text and its matches

    @classmethod
    def of_terms(cls, terms: Sequence[str], flags: int = 0) -> TermAlternation:
        return cls(terms, [re.escape(t) for t in terms], flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match, in order. A page text's matches are kept until the next page text: the
        extractors read some tables (access-control terms) on the same page several times."""
        if len(text) < SharedIndex.MIN_LENGTH:
            return self._finditer(text)
        found = _page_literals(text) if self._needle_set is not None else None
        if found is not None and found.keys().isdisjoint(self._needle_keys):
            return iter(())  # no term on the page: asked in one set test, not by sorting candidates
        last = self._last  # one read: another thread may replace it meanwhile
        if last is None or last[0] is not text:
            last = self._last = (text, list(self._finditer(text)))
        return iter(last[1])

    def _finditer(self, text: str) -> Iterator[re.Match[str]]:
        hay = None if self._exact_only else lowered(text)
        if hay is None:
            yield from self.full.finditer(text)
            return
        if self._needle_set is None:  # built on first use, once per process
            self._part_patterns = tuple(re.compile(part, self.flags) for part in self.parts)
            self._needle_set = NeedleSet(self.needles)
            self._needle_keys = frozenset(self.needles) - {""}
        candidates = sorted((start, index) for index, starts in
                            self._needle_set.starts(hay).items() for start in starts)
        end = 0
        for start, index in candidates:
            if start < end:
                continue
            match = self._part_patterns[index].match(text, start)
            if match is not None:
                end = max(match.end(), start + 1)
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """`re.sub`; the text itself when nothing matched (its caches stay valid)."""
        pieces, last = [], 0
        for match in self.finditer(text):
            pieces += [text[last:match.start()], repl(match) if callable(repl) else match.expand(repl)]
            last = match.end()
        return "".join(pieces) + text[last:] if pieces else text


class Gated:
    """A compiled pattern run only on texts that hold one of the literals every match contains.

    `required` must be literals (any case) at least one of which occurs in each possible match;
    a text without any of them cannot match, so it is not scanned at all. With `longest` (no
    match is longer than that many characters) only the windows around those literals are
    scanned (see `Anchored`): a page that names access control on every line no longer runs a
    pattern that starts with a character class at each of its positions.
    """

    def __init__(self, pattern: re.Pattern[str], required: Sequence[str], longest: int | None = None,
                 anchors: Sequence[str] | None = None, after: int | None = None):
        """`anchors`: the literals to centre windows on when not `required` itself (a rarer one
        every match also holds: windows around a word printed on every line cover the page).
        `after`: how far past its anchor a match ends at most, when less than `longest` (a
        pattern that ends with its anchor word)."""
        self.pattern = pattern
        self.required = tuple(r.lower() for r in required)
        self.anchors = tuple(a.lower() for a in anchors) if anchors else self.required
        self._windows = Anchored(pattern, self.anchors, longest, longest if after is None else after) \
            if longest else None
        SHARED.register(self.required)

    @classmethod
    def of_words(cls, words: Sequence[str], template: str = WORDS, flags: int = 0, *,
                 required: Sequence[str] | None = None, longest: int | None = None,
                 anchors: Sequence[str] | None = None, after: int | None = None,
                 longest_first: bool = True) -> Gated:
        """A pattern built from its word list: `template` (a regex holding `{words}` once) with
        the words' escaped alternation in place of `{words}`, gated on the same words (or on
        `required`, literals one of which every word holds, when the words are many)."""
        return cls(re.compile(with_words(template, words, longest_first), flags),
                   words if required is None else required, longest, anchors, after)

    def may_match(self, text: str) -> bool:
        hay = lowered(text)
        return hay is None or _holds_any(hay, self.required)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._windows is not None:
            return self._windows.finditer(text)
        return self.pattern.finditer(text) if self.may_match(text) else iter(())

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


class Started:
    """A compiled pattern every match of which starts with one of `literals` (any case), tried
    only where they occur: `pattern.match` at each of their places instead of a search through
    the text, so a pattern that opens with an alternation of label words costs one try per label
    printed, not a pass over the alternation at every character. The same matches as `finditer`
    (leftmost first, none overlapping the one before): a match can start nowhere else.
    Lookbehinds see the text before a place, lookaheads the text after."""

    def __init__(self, pattern: re.Pattern[str], literals: Sequence[str], required: Sequence[str] = ()):
        """`required`: literals one of which every match also holds, when a text without any of
        them is worth skipping (the starts are common words: 有, "our")."""
        self.pattern = pattern
        self.literals = tuple(dict.fromkeys(lit.lower() for lit in literals if lit))
        self.required = tuple(r.lower() for r in required)
        SHARED.register((*self.literals, *self.required))

    @classmethod
    def of_words(cls, words: Sequence[str], template: str = WORDS, flags: int = 0, *,
                 required: Sequence[str] = (), longest_first: bool = True) -> Started:
        """A pattern built from its word list: `template` (a regex starting with `{words}`, held
        once) with the words' escaped alternation in place of `{words}`, started at the same
        words."""
        return cls(re.compile(with_words(template, words, longest_first), flags), words, required)

    def starts(self, text: str) -> list[int] | None:
        """Where a match can start, in order; None when the text must be searched in full."""
        hay = lowered(text)
        if hay is None:  # lower() would move offsets
            return None
        if self.required and not _holds_any(hay, self.required):
            return []
        return sorted({at for _, starts in _literal_starts(hay, self.literals) for at in starts})

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        places = self.starts(text)
        return self.pattern.finditer(text) if places is None else matches_at(self.pattern, text, places)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


class Anchored:
    """A compiled pattern run only in windows around the literals every match contains.

    Every match must contain one of `anchors` (compared in lower case) starting at most `before`
    characters after the match starts, and must end at most `after` characters after that anchor
    ends. Then each match lies inside the window around one of its anchors, so scanning the
    (merged) windows finds exactly what scanning the text finds, while a pattern that starts with
    a character class no longer runs at every position of the page. Lookbehinds see the text
    before a window; windows end `_MARGIN` characters late so lookaheads see the text after a
    match.
    """

    _MARGIN = 32

    def __init__(self, pattern: re.Pattern[str], anchors: Sequence[str], before: int, after: int):
        self.pattern = pattern
        self.anchors = tuple(a.lower() for a in anchors)
        self.before, self.after = before, after
        SHARED.register(self.anchors)

    def windows(self, text: str) -> list[tuple[int, int]]:
        hay = lowered(text)
        if hay is None:  # lower() would move offsets
            return [(0, len(text))]
        spans: list[tuple[int, int]] = []
        for anchor, starts in _literal_starts(hay, self.anchors):
            spans.extend((max(0, at - self.before), at + len(anchor) + self.after + self._MARGIN)
                         for at in starts)
        if not spans:
            return spans
        spans.sort()
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return [(start, min(end, len(text))) for start, end in merged]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for start, end in self.windows(text):
            yield from self.pattern.finditer(text, start, end)
