"""Measure the crawler on labelled saved sites: does it keep the pages a human marked as key?

    python -m prospect.crawl_eval ../shared/realsites

Serves every site over loopback, crawls them all with the real spider (`--allow-private`),
and prints, per labelled role, the share of sites where that page was kept, plus pages fetched
per site. Labelled pages that the saved copy links only through absolute URLs on its original
domain cannot be reached locally; they are counted apart.
"""
from __future__ import annotations

import json
import sys
import tempfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from crawler.decoding import decode_html
from crawler.pages import read_page
from crawler.runner import CrawlOptions, run_crawl
from prospect.sitefarm import SiteFarm
from prospect.store import Store

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


def evaluate(root: Path, *, pages_per_site: int = 30) -> tuple[dict[str, RoleTally], dict[str, int]]:
    labels, homes = load_labels(root), home_paths(root)
    folders = [root / slug for slug in sorted(labels) if (root / slug).is_dir()]
    tallies = {role: RoleTally() for role in KEY_ROLES}
    fetched: dict[str, int] = {}
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
        store.close()
    return tallies, fetched


def _tally(tally: RoleTally, slug: str, path: str, kept: set[str], reach: set[str]) -> None:
    if path not in reach:
        tally.unreachable += 1
        return
    tally.labelled += 1
    if path in kept or (path.endswith("index.html") and path[: -len("index.html")] in kept):
        tally.kept += 1
    else:
        tally.missed.append(f"{slug}/{path}")


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "../shared/realsites")
    tallies, fetched = evaluate(root)
    total_labelled = sum(t.labelled for t in tallies.values())
    total_kept = sum(t.kept for t in tallies.values())
    print(f"{'role':10} {'labelled':>8} {'kept':>5} {'recall':>7} {'unreachable':>12}")
    for role, t in tallies.items():
        recall = t.kept / t.labelled if t.labelled else 1.0
        print(f"{role:10} {t.labelled:8d} {t.kept:5d} {recall:7.1%} {t.unreachable:12d}")
    print(f"{'all':10} {total_labelled:8d} {total_kept:5d} {total_kept / max(total_labelled, 1):7.1%}")
    print(f"pages fetched per site: mean {sum(fetched.values()) / max(len(fetched), 1):.1f}, max {max(fetched.values(), default=0)}")
    for t in tallies.values():
        for miss in t.missed:
            print("missed:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
