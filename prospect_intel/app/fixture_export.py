"""`prospect fixture`: reviewed prospects as labelled corpus entries, in the saved-site layout.

Each prospect becomes a folder `crawl --replay` serves and the evaluation harness reads
(`evaluation.goldsets.load_fixture_sites`): `manifest.json` (the kept pages as they were fetched,
the redirects that led to them, and where the entry came from), `files/`, `expected.json` (the
pages kept and their roles) and `labels.json`, the labels the reps' reviews give:

- a value the rep confirmed, or corrected or added from the site itself (source `website`), is
  the label of its field;
- a value the rep rejected, or corrected from elsewhere (a call, a visit), is "not this value"
  (`not`): the harness counts it wrong when the extractors give it again;
- a field nobody reviewed has no label and is not scored (`partial`).

Nothing a rep learnt off the site goes in (a corrected value from a call, notes, who reviewed),
nor any field outside the labelled ones.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prospect_intel.app.store import Store
from prospect_intel.core.errors import FixtureError
from prospect_intel.core.fields import BY_NAME
from prospect_intel.core.language import _
from prospect_intel.core.models import ReviewFact
from prospect_intel.crawler.fixtures import Recorder, site_folder_name

ON_SITE = "website"


@dataclass(frozen=True)
class Exported:
    url: str
    folder: Path
    labels: int  # fields labelled with a value
    not_values: int  # fields labelled "not this value"


def export_fixture(store: Store, url: str, target: Path, *, force: bool = False) -> Exported:
    """Write one prospect's entry under `target` (a folder of entries)."""
    row = store.prospect_row(url)
    pages = store.pages(row["id"])
    if row["status"] != "done" or not pages:
        raise FixtureError(_("%(url)s has no crawled pages to save (status %(status)s)", url=url, status=row["status"]))
    folder = target / site_folder_name(row["url"])
    if folder.exists():
        if not force:
            raise FixtureError(_("%(folder)s exists; --force replaces it", folder=folder))
        shutil.rmtree(folder)
    recorder = Recorder(folder, row["url"], {"made_by": "prospect fixture", "crawled_at": row["crawled_at"],
                                             "labels_from": "reviews in the store (website values only)"})
    for source, destination in _redirects(row, pages):
        recorder.add(source, 301, {"Location": destination}, b"")
    for page in pages:
        recorder.add(page["url"], page["status"], {"Content-Type": page["content_type"] or "text/html"},
                     store.body(page["body_sha256"]))
    labels = review_labels(store.review_facts(row["id"]))
    _write(folder / "expected.json", {"status": "done", "error_kind": None,
                                      "kept": {page["url"]: page["role"] for page in pages}})
    _write(folder / "labels.json", {"slug": folder.name, "partial": True, **labels})
    return Exported(row["url"], folder, len(labels) - (1 if "not" in labels else 0), len(labels.get("not", {})))


def review_labels(facts: dict[str, ReviewFact]) -> dict[str, Any]:
    """Label keys and values from the reviews (see the module's docstring)."""
    labels: dict[str, Any] = {}
    rejected: dict[str, Any] = {}
    for name, fact in sorted(facts.items()):
        key = BY_NAME[name].label_key if name in BY_NAME else None
        if key is None:
            continue
        if fact.action == "confirmed" or (fact.action in ("corrected", "added") and fact.source == ON_SITE):
            labels[key] = _label_value(fact.value)
        elif fact.action in ("rejected", "corrected") and fact.site_value is not None:
            rejected[key] = _label_value(fact.site_value)
    return {**labels, **({"not": rejected} if rejected else {})}


def _label_value(value: Any) -> Any:
    """Reference clients as names (the labels' form); everything else as stored."""
    if isinstance(value, list):
        return [item["name"] if isinstance(item, dict) and "name" in item else item for item in value]
    return value


def _redirects(row: dict, pages: list[dict]) -> list[tuple[str, str]]:
    """(from, to) of each redirect the crawl followed: the start URL's chain, and a page fetched
    at another address than it was asked for."""
    chain = json.loads(row["redirects"]) if row["redirects"] else []
    found = list(zip(chain, chain[1:]))
    found += [(p["requested_url"], p["url"]) for p in pages if p["requested_url"] and p["requested_url"] != p["url"]]
    return list(dict.fromkeys(found))


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def reviewed_urls(store: Store) -> list[str]:
    """The URLs of the crawled prospects reps reviewed (`--all-reviewed`)."""
    return [row["url"] for pid in store.reviewed_prospects() if (row := store.prospect_by_id(pid))["status"] == "done"]
