"""Keyword patterns that only do the work the text calls for: the same matches, faster.

Python's `re` tries every branch of an alternation at every position, so a table of a hundred
keywords costs a hundred comparisons per character of a page. `TermAlternation` tries its parts
only where `needles.NeedleSet` found their terms; `Gated` skips texts without a literal every
match needs, or scans only windows around it (`Anchored`); `Started` tries a pattern only where a
match can start. Patterns are built from their keyword tables' word lists (`of_words`), so a
pattern and its literals are written once.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from prospect_intel.core.needles import (
    ODD_TERM_CHARS,
    SHARED,
    NeedleSet,
    SharedIndex,
    holds_any,
    literal_starts,
    lowered,
    matches_at,
    page_literals,
)

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
        self._exact_only = not self.parts or any(ch in ODD_TERM_CHARS for term in self.needles for ch in term)
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
        found = page_literals(text) if self._needle_set is not None else None
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
        return hay is None or holds_any(hay, self.required)

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
        if self.required and not holds_any(hay, self.required):
            return []
        return sorted({at for _, starts in literal_starts(hay, self.literals) for at in starts})

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
        for anchor, starts in literal_starts(hay, self.anchors):
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
