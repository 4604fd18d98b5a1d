"""The state of one site while it is being crawled: its frontier, budget and kept pages.

A site is crawled one request at a time, best link first, so the page budget is spent on the
pages most likely to matter and the site is done as soon as nothing is in flight.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from prospect_intel.core.models import KeptPage, SiteOutcome
from prospect_intel.core.urls import host_of, registered_domain, same_site
from prospect_intel.crawler.linkrank import ROLE_ALREADY_KEPT_PENALTY, link_priority
from prospect_intel.crawler.pages import Link
from prospect_intel.crawler.traps import skip_reason, strip_session_ids

MAX_FRONTIER = 2000
MAX_ANCHORS_PER_URL = 5
MAX_RESOLVED_LINKS = 5000  # raw link URLs remembered per site
_UNSEEN = object()


@dataclass
class Candidate:
    url: str
    priority: int
    role: str | None
    inherited: bool
    depth: int
    seq: int
    anchors: list[str] = field(default_factory=list)
    noted: set[tuple[str, str | None]] = field(default_factory=set, repr=False)  # (anchor, from role) seen


def url_key(url: str) -> str:
    """Identity of a URL for de-duplication (query sorted, fragment dropped, host lower-cased)."""
    return canonicalize_url(url, keep_fragments=False)


def clean_url(url: str) -> str:
    """The URL we actually request: session ids stripped, fragment dropped, host lower-cased."""
    parts = urlsplit(strip_session_ids(url))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


class SiteCrawl:
    """One prospect's crawl in progress."""

    def __init__(self, prospect_id: int, start_url: str, *, budget: int, max_depth: int, time_budget: float,
                 max_bytes: int = 0):
        self.prospect_id = prospect_id
        self.start_url = start_url
        self.domain = registered_domain(host_of(start_url))
        self.budget = budget
        self.max_depth = max_depth
        self.time_budget = time_budget
        self.deadline = time.monotonic() + time_budget
        self.max_bytes = max_bytes
        self.kept_bytes = 0
        self.requests = 0
        self.renders = 0  # pages sent to the browser
        self.pages: list[KeptPage] = []
        self.home_url: str | None = None
        self.home_title = ""
        self.redirects: list[str] = []
        self.error_kind: str | None = None
        self.error: str | None = None
        self.skipped: dict[str, int] = {}
        self._frontier: dict[str, Candidate] = {}
        self._seen: set[str] = {url_key(start_url)}
        self._kept_keys: set[str] = set()
        self._kept_bodies: set[int] = set()
        self._role_counts: dict[str, int] = {}
        self._seq = 0
        self._resolved: dict[str, tuple[str, str] | str | None] = {}

    # -- discovery ---------------------------------------------------------------------------

    def add_links(self, links: tuple[Link, ...], from_role: str | None, depth: int) -> None:
        if depth > self.max_depth:
            return
        for link in links:
            self._add_link(link, from_role, depth)

    def _add_link(self, link: Link, from_role: str | None, depth: int) -> None:
        found = self._resolve(link.url)
        if found is None:
            return
        url, key = found
        if key in self._frontier:
            self._note_anchor(self._frontier[key], link, from_role)
            return
        if key in self._seen or len(self._frontier) >= MAX_FRONTIER:
            return
        priority, role = link_priority(link.anchor, url, from_role)
        inherited = role is not None and role == from_role and priority < 100
        self._seq += 1
        self._frontier[key] = Candidate(url, priority, role, inherited, depth, self._seq,
                                        [link.anchor] if link.anchor else [], {(link.anchor, from_role)})

    def _resolve(self, raw: str) -> tuple[str, str] | None:
        """(URL to request, de-duplication key) of a link, or None when it is not worth a request.

        Navigation repeats the same links on every page, so the verdict is remembered per raw URL
        for the life of the site (bounded): the rules ran a hundred times a page before.
        """
        verdict = self._resolved.get(raw, _UNSEEN)
        if verdict is _UNSEEN:
            verdict = self._verdict(raw)
            if len(self._resolved) < MAX_RESOLVED_LINKS:
                self._resolved[raw] = verdict
        if isinstance(verdict, str):
            self.skipped[verdict] = self.skipped.get(verdict, 0) + 1
            return None
        return verdict

    def _verdict(self, raw: str) -> tuple[str, str] | str | None:
        """(url, key) to follow, a skip reason, or None for a link off the site."""
        url = clean_url(raw)
        if not same_site(host_of(url), self.domain):
            return None
        return skip_reason(url) or (url, url_key(url))

    def _note_anchor(self, candidate: Candidate, link: Link, from_role: str | None) -> None:
        if (link.anchor, from_role) in candidate.noted:
            return  # the same link from another page of the same role: nothing new to learn
        candidate.noted.add((link.anchor, from_role))
        if link.anchor and link.anchor not in candidate.anchors and len(candidate.anchors) < MAX_ANCHORS_PER_URL:
            candidate.anchors.append(link.anchor)
        priority, role = link_priority(link.anchor, candidate.url, from_role)
        # A page also linked from elsewhere (site navigation) is not a list item of this page.
        candidate.inherited = candidate.inherited and role == candidate.role and role == from_role
        if priority > candidate.priority:
            candidate.priority, candidate.role = priority, role

    # -- choosing the next request -----------------------------------------------------------

    def next_candidate(self) -> Candidate | None:
        """Pop the most promising link, or None when the site is finished."""
        if self.error_kind or not self._frontier:
            return None
        if self.requests >= self.budget or self.out_of_time():
            return None
        if self.max_bytes and self.kept_bytes >= self.max_bytes:
            return None
        key = max(self._frontier, key=lambda k: self._effective(self._frontier[k]))
        candidate = self._frontier.pop(key)
        self._seen.add(key)
        return candidate

    def out_of_time(self) -> bool:
        return time.monotonic() >= self.deadline

    def _effective(self, c: Candidate) -> tuple[int, int]:
        priority = c.priority
        if c.role and self._role_counts.get(c.role) and priority >= 100:
            priority -= ROLE_ALREADY_KEPT_PENALTY
        return priority, -c.seq

    # -- results -----------------------------------------------------------------------------

    def owns(self, url: str) -> bool:
        """Whether a URL (say a redirect target) still belongs to this site."""
        return same_site(host_of(url), self.domain)

    def is_kept(self, url: str) -> bool:
        return url_key(url) in self._kept_keys

    def is_duplicate_body(self, body: bytes) -> bool:
        """The same bytes under another URL (`/` and `/index.html`) are one page."""
        return hash(body) in self._kept_bodies

    def keep(self, page: KeptPage) -> None:
        self._kept_bodies.add(hash(page.body))
        self.kept_bytes += len(page.body)
        self._kept_keys.add(url_key(page.url))
        self._seen.add(url_key(page.url))
        self.pages.append(page)
        self._role_counts[page.role] = self._role_counts.get(page.role, 0) + 1

    def arrive(self, chain: list[str]) -> None:
        """The home page answered after `chain` (start URL, redirect hops, final URL): the site is
        wherever it landed (example.com -> example.cn); the chain is recorded when there was one."""
        final = chain[-1]
        self.home_url = final
        if len(chain) > 1:
            self.redirects = list(chain)
        self.domain = registered_domain(host_of(final))
        self._resolved.clear()  # verdicts depend on the domain

    def fail(self, kind: str, message: str) -> None:
        if not self.error_kind:
            self.error_kind, self.error = kind, message

    def outcome(self) -> SiteOutcome:
        if self.error_kind or not self.pages:
            kind = self.error_kind or "no_pages"
            error = self.error or "no page of the site could be kept"
            return SiteOutcome(self.prospect_id, "failed", (), kind, error, self.home_url,
                               self.domain, self.requests, tuple(self.redirects))
        return SiteOutcome(self.prospect_id, "done", tuple(self.pages), None, None, self.home_url,
                           self.domain, self.requests, tuple(self.redirects))
