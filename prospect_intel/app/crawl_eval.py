"""Measure crawler and extractors on labelled saved sites (`prospect eval ROOT`).

Serves every site over loopback, crawls them all with the real spider (`--allow-private`),
then reports (1) per labelled role, the share of sites where that page was kept, and pages
fetched per site — labelled pages that the saved copy links only through absolute URLs on its
original domain cannot be reached locally and are counted apart — and (2) the extracted
evidence against the labels (`prospect_intel.evaluation.harness`), with the label corrections of
`prospect_intel.evaluation.labelfix` applied unless `corrections` is None, and the misses of a field whose
labelled page was unreachable counted apart (`unreach`) rather than as false negatives.
"""
from __future__ import annotations

import json
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from prospect_intel.app.crawl_run import CrawlOptions, run_crawl
from prospect_intel.app.sitefarm import SiteFarm
from prospect_intel.app.store import Store
from prospect_intel.core.decoding import decode_html
from prospect_intel.crawler.pages import read_page
from prospect_intel.evaluation.harness import Report, aggregate, compare, set_apart_unreachable
from prospect_intel.evaluation.labelfix import DEFAULT_CORRECTIONS, apply_corrections, load_corrections

KEY_ROLES = ("about", "products", "cases", "contact")


@dataclass
class RoleTally:
    labelled: int = 0
    kept: int = 0
    unreachable: int = 0
    missed: list[str] = field(default_factory=list)


def load_labels(root: Path) -> dict[str, dict]:
    labels = {}
    for path in sorted(root.glob("labels_*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            labels[entry["slug"]] = entry
    return labels


def home_paths(root: Path) -> dict[str, str]:
    homes = {}
    for path in sorted(root.glob("manifest_*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            homes[entry["slug"]] = entry["pages"][0] if entry.get("pages") else ""
    return homes


def reachable_paths(folder: Path, home: str) -> set[str]:
    """Paths of saved files reachable from the home page through links that work when served locally."""
    seen, todo = {home}, deque([home])
    while todo:
        path = todo.popleft()
        file = folder / unquote(path)
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file() or file.suffix.lower() not in (".html", ".htm", ".asp", ".php", ".shtml", ""):
            continue
        base = "http://local/" + path
        for link in read_page(decode_html(file.read_bytes()).text, base).links:
            parts = urlsplit(urljoin(base, link.url))
            if parts.netloc != "local":
                continue
            target = parts.path.lstrip("/")
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


@dataclass
class CrawlEvaluation:
    tallies: dict[str, RoleTally]
    fetched: dict[str, int]
    extraction: Report
    grades: dict[str, dict] = field(default_factory=dict)  # slug -> the prospect's current score


def evaluate(root: Path, *, pages_per_site: int = 30,
             corrections: Path | str | None = DEFAULT_CORRECTIONS) -> CrawlEvaluation:
    fixed = apply_corrections(load_labels(root), root, load_corrections(corrections))
    labels, homes = fixed.labels, home_paths(root)
    folders = [root / slug for slug in sorted(labels) if (root / slug).is_dir()]
    tallies = {role: RoleTally() for role in KEY_ROLES}
    fetched: dict[str, int] = {}
    grades: dict[str, dict] = {}
    outcomes = []
    with tempfile.TemporaryDirectory() as scratch, SiteFarm(folders) as farm:
        db = str(Path(scratch) / "eval.db")
        store = Store(db)
        starts = {slug: farm.sites[slug].base_url + homes.get(slug, "") for slug in farm.sites}
        store.add_prospects((url, slug) for slug, url in starts.items())
        run_crawl(CrawlOptions(db_path=db, pages_per_site=pages_per_site, allow_private=True, show_progress=False,
                               overrides={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}))
        for slug, url in starts.items():
            row = store.prospect_row(url)
            base = farm.sites[slug].base_url
            kept = {p["url"][len(base):] for p in store.pages(row["id"]) if p["url"].startswith(base)}
            fetched[slug] = row["requests"] or 0
            reach = reachable_paths(root / slug, homes.get(slug, ""))
            for role in KEY_ROLES:
                path = labels[slug].get("pages", {}).get(role)
                if path:
                    _tally(tallies[role], slug, path, kept, reach)
            out_of_reach = {role for role, path in (labels[slug].get("pages") or {}).items()
                            if path and path not in reach}
            grades[slug] = store.current_score(row["id"]) or {}
            compared = compare(labels[slug], store.evidence(row["id"]))
            outcomes.append((slug, set_apart_unreachable(compared, labels[slug], out_of_reach)))
        store.close()
    report = aggregate(outcomes)
    report.notes.append(fixed.summary() if corrections is not None else
                        "label corrections not applied")
    return CrawlEvaluation(tallies, fetched, report, grades)


def _tally(tally: RoleTally, slug: str, path: str, kept: set[str], reach: set[str]) -> None:
    if path not in reach:
        tally.unreachable += 1
        return
    tally.labelled += 1
    if path in kept or (path.endswith("index.html") and path[: -len("index.html")] in kept):
        tally.kept += 1
    else:
        tally.missed.append(f"{slug}/{path}")


def format_recall(evaluation: CrawlEvaluation) -> str:
    tallies, fetched = evaluation.tallies, evaluation.fetched
    lines = [f"{'role':10} {'labelled':>8} {'kept':>5} {'recall':>7} {'unreachable':>12}"]
    for role, t in tallies.items():
        recall = t.kept / t.labelled if t.labelled else 1.0
        lines.append(f"{role:10} {t.labelled:8d} {t.kept:5d} {recall:7.1%} {t.unreachable:12d}")
    labelled = sum(t.labelled for t in tallies.values())
    kept = sum(t.kept for t in tallies.values())
    lines.append(f"{'all':10} {labelled:8d} {kept:5d} {kept / max(labelled, 1):7.1%}")
    lines.append(f"pages fetched per site: mean {sum(fetched.values()) / max(len(fetched), 1):.1f}, "
                 f"max {max(fetched.values(), default=0)}")
    lines += [f"missed: {miss}" for t in tallies.values() for miss in t.missed]
    return "\n".join(lines)


def format_grades(evaluation: CrawlEvaluation) -> str:
    """Per site: grade, total, grade range, fields needing review, knock-out or why unscored."""
    lines = [f"{'site':34} {'grade':>5} {'total':>5} {'range':>7} {'review':>6}  note"]
    counts: dict[str, int] = {}
    for slug, score in sorted(evaluation.grades.items()):
        grade = score.get("grade") or "-"
        counts[grade] = counts.get(grade, 0) + 1
        span = f"{score.get('grade_low') or '?'}-{score.get('grade_high') or '?'}"
        note = score.get("unscored") or score.get("knockout") or ""
        lines.append(f"{slug:34} {grade:>5} {score.get('total') if score.get('total') is not None else '-':>5} "
                     f"{span:>7} {score.get('needs_review') or 0:6d}  {note}"[:160])
    review = sum(1 for score in evaluation.grades.values() if score.get("needs_review"))
    lines.append("grades: " + ", ".join(f"{g} {n}" for g, n in sorted(counts.items()))
                 + f"; {review} of {len(evaluation.grades)} site(s) have fields to review")
    return "\n".join(lines)
