"""Which prospect a registry row is, tried in the order of how sure each way is.

1. the registry number (统一社会信用代码, a Companies House number) printed on the prospect's site;
2. the row's website (网址 / 官网) against the prospect's site;
3. the company name: exactly, then with the legal form stripped (有限公司, Ltd), then a fuzzy
   match with its score shown (the facts then count at `low` confidence).

A name is not a company: two rows of one name in different cities are different companies, so a
name match needs the cities (from the name or the address) not to differ. A prospect claimed by
two rows keeps the surer match; the other row is reported, never attached twice.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from prospect_intel.core.language import _
from prospect_intel.core.registry_numbers import printed_numbers as numbers_in

from .values import city_of, normalise_name

# Ways to match, surest first, and the confidence each gives the row's facts.
CONFIDENCE = {"registry_number": "high", "website": "high", "name": "high", "name_normalised": "medium",
              "name_fuzzy": "low"}
FUZZY_MIN = 0.85  # difflib ratio of the normalised names; below it a name is another company's

_SEPARATORS = re.compile(r"[\s;；,，、|]+")


@dataclass(frozen=True)
class Prospect:
    id: int
    hosts: tuple[str, ...]  # its URL's and final URL's host, without `www.`
    name: str | None
    city: str | None


@dataclass(frozen=True)
class RowKey:
    """What of a registry row matching reads."""

    row: int
    name: str
    registry_id: str | None
    website: str | None
    city: str | None


@dataclass(frozen=True)
class Match:
    row: int
    prospect_id: int | None
    how: str | None  # a key of CONFIDENCE; None when the row matched nothing
    score: float | None  # the fuzzy ratio, for `name_fuzzy`
    note: str  # why it did not match, or what else it could have been


def prospect_of(record: Mapping[str, object]) -> Prospect:
    """A store's match candidate (`Store.match_candidates`) as matching reads it."""
    hosts = tuple(dict.fromkeys(h for h in (_host(str(record.get(k) or "")) for k in ("url", "final_url")) if h))
    name = str(record["name"]) if record.get("name") else None
    city = city_of(name or "") or city_of(str(record.get("address") or ""))
    return Prospect(int(str(record["id"])), hosts, name, city)


def printed_numbers(texts: Iterable[tuple[int, str]]) -> dict[str, set[int]]:
    """Registry numbers printed on the prospects' pages: number -> the prospects printing it."""
    found: dict[str, set[int]] = defaultdict(set)
    for prospect_id, text in texts:
        for _kind, number, _span in numbers_in(text):
            found[number].add(prospect_id)
    return found


def match_rows(rows: Sequence[RowKey], prospects: Sequence[Prospect],
               numbers: Mapping[str, set[int]]) -> list[Match]:
    """One match per row; a prospect matched by several rows keeps the surest (`_settle`)."""
    index = _Index(prospects)
    return _settle([_match_row(row, index, numbers) for row in rows])


class _Index:
    def __init__(self, prospects: Sequence[Prospect]):
        self.by_id = {p.id: p for p in prospects}
        self.by_host: dict[str, list[Prospect]] = defaultdict(list)
        self.by_name: dict[str, list[Prospect]] = defaultdict(list)
        self.by_normalised: dict[str, list[Prospect]] = defaultdict(list)
        for p in prospects:
            for host in p.hosts:
                self.by_host[host].append(p)
            if p.name:
                self.by_name[_exact(p.name)].append(p)
                self.by_normalised[normalise_name(p.name)].append(p)
        self.named = [(key, p) for key, found in self.by_normalised.items() if key for p in found]


def _match_row(row: RowKey, index: _Index, numbers: Mapping[str, set[int]]) -> Match:
    if row.registry_id and len(numbers.get(row.registry_id, ())) == 1:
        (prospect_id,) = numbers[row.registry_id]
        return Match(row.row, prospect_id, "registry_number", None, "")
    for host in _website_hosts(row.website):
        if len(index.by_host.get(host, ())) == 1:
            return Match(row.row, index.by_host[host][0].id, "website", None, "")
    if not row.name:
        return Match(row.row, None, None, None, _("no registry number, website or name to match"))
    notes: list[str] = []
    for how, found in (("name", index.by_name.get(_exact(row.name), [])),
                       ("name_normalised", index.by_normalised.get(normalise_name(row.name), []))):
        chosen = _same_city(row, found, notes)
        if chosen is not None:
            return Match(row.row, chosen.id, how, None, "")
    return _fuzzy(row, index, notes)


def _fuzzy(row: RowKey, index: _Index, notes: list[str]) -> Match:
    key = normalise_name(row.name)
    scored = sorted(((SequenceMatcher(None, key, name).ratio(), p) for name, p in index.named),
                    key=lambda pair: -pair[0])
    near = [p for ratio, p in scored if ratio >= FUZZY_MIN and ratio == scored[0][0]]
    chosen = _same_city(row, near, notes)
    if chosen is not None:
        return Match(row.row, chosen.id, "name_fuzzy", round(scored[0][0], 2), "")
    return Match(row.row, None, None, None, "; ".join(notes) or _("no prospect of this name, number or website"))


def _same_city(row: RowKey, found: Sequence[Prospect], notes: list[str]) -> Prospect | None:
    """The one prospect of `found` whose city does not differ from the row's, or None."""
    fitting = [p for p in found if not (row.city and p.city and row.city != p.city)]
    for p in found:
        if p not in fitting:
            notes.append(_("same name as %(name)s, but in %(city)s (the prospect is in %(other)s)",
                           name=p.name, city=row.city, other=p.city))
    if len(fitting) > 1:
        notes.append(_("%(count)d prospects have this name", count=len(fitting)))
    return fitting[0] if len(fitting) == 1 else None


def _settle(matches: list[Match]) -> list[Match]:
    """A prospect matched by several rows keeps the surest match (then the first row)."""
    order = list(CONFIDENCE)
    best: dict[int, Match] = {}
    for m in matches:
        if m.prospect_id is None:
            continue
        held = best.get(m.prospect_id)
        if held is None or (order.index(m.how or ""), -(m.score or 1)) < (order.index(held.how or ""),
                                                                         -(held.score or 1)):
            best[m.prospect_id] = m
    settled = []
    for m in matches:
        if m.prospect_id is not None and best[m.prospect_id] is not m:
            m = Match(m.row, None, None, None, _("row %(row)d matched the same prospect more surely",
                                                 row=best[m.prospect_id].row))
        settled.append(m)
    return settled


def _website_hosts(website: str | None) -> list[str]:
    hosts = (_host(part if "//" in part else "http://" + part) for part in _SEPARATORS.split(website or ""))
    return [h for h in hosts if h and "." in h]


def _host(url: str) -> str:
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") and host.count(".") >= 2 else host


def _exact(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()
