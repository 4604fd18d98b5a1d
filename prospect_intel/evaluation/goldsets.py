"""Labelled site collections the evaluation reads: ../shared/realsites and fixture sites.

realsites: `manifest_<lang>.json` + `labels_<lang>.json`, pages saved at their relative paths
(GBK sites keep GBK bytes); the role of a page comes from the labels' `pages` map (a page named
for several roles gets the most specific one), other saved pages are `other`.
Fixture sites: tests/fixtures/sites/<name>/ with manifest.json, expected.json (kept URL → role)
and labels.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prospect_intel.core.decoding import decode_html
from prospect_intel.core.models import PageDoc

_ROLE_PRIORITY = ("about", "contact", "cases", "products", "home")


@dataclass(frozen=True)
class LabelledSite:
    slug: str
    label: dict[str, Any]
    pages: tuple[PageDoc, ...]
    category: str | None = None  # a corpus manifest's: access_control, security, neighbour, unrelated


def load_realsites(root: Path | str) -> list[LabelledSite]:
    """Every labelled site of a realsites folder, pages decoded from the saved bytes."""
    root = Path(root)
    sites = []
    for manifest_path in sorted(root.glob("manifest_*.json")):
        suffix = manifest_path.stem.split("_", 1)[1]
        sites += load_group(root, manifest_path, root / f"labels_{suffix}.json")
    return sites


def load_group(folder: Path, manifest_path: Path, labels_path: Path) -> list[LabelledSite]:
    """The labelled sites of one manifest and its labels, each saved in `folder`/<slug>/."""
    labels = {label["slug"]: label for label in json.loads(labels_path.read_text(encoding="utf-8"))}
    sites = []
    for entry in json.loads(manifest_path.read_text(encoding="utf-8")):
        label = labels.get(entry["slug"])
        if label is not None:
            sites.append(LabelledSite(entry["slug"], label, _pages(folder / entry["slug"], entry, label),
                                      entry.get("category")))
    return sites


def _pages(folder: Path, entry: dict[str, Any], label: dict[str, Any]) -> tuple[PageDoc, ...]:
    roles: dict[str, str] = {}
    for role in reversed(_ROLE_PRIORITY):
        path = (label.get("pages") or {}).get(role)
        if path:
            roles[path] = role
    paths = list(dict.fromkeys([*entry["pages"], *roles]))
    pages = []
    for path in paths:
        file = folder / path
        if not file.is_file():
            continue
        decoded = decode_html(file.read_bytes(), None)
        pages.append(PageDoc(url=f"http://{entry['slug']}.realsites.test/{path}",
                             role=roles.get(path, "other"), html=decoded.text))
    return tuple(pages)


def load_fixture_sites(root: Path | str) -> list[LabelledSite]:
    """Saved fixture sites (tests/fixtures/sites/<name>/ with manifest, expected and labels):
    the pages `expected.json` says a crawl keeps, with their roles."""
    sites = []
    for folder in sorted(Path(root).iterdir()):
        files = [folder / n for n in ("manifest.json", "expected.json", "labels.json")]
        if not all(f.is_file() for f in files):
            continue
        manifest, expected, label = (json.loads(f.read_text()) for f in files)
        by_url = {r["url"]: r for r in manifest.get("responses", []) if r.get("file")}
        pages = []
        for url, role in (expected.get("kept") or {}).items():
            response = by_url.get(url)
            if response is None or not (folder / response["file"]).is_file():
                continue
            content_type = (response.get("headers") or {}).get("Content-Type")
            decoded = decode_html((folder / response["file"]).read_bytes(), content_type)
            pages.append(PageDoc(url=url, role=role, html=decoded.text))
        sites.append(LabelledSite(folder.name, label, tuple(pages)))
    return sites


