"""A labelled corpus of saved company sites, kept in groups, and its locked test split.

Layout: `<root>/<group>/manifest.json` and `labels.json` (the `../shared/realsites` keys, one
entry per site) with each site saved in `<root>/<group>/<slug>/`.

The split was drawn before any tuning and is recorded in `data/corpus_split.json`: a site is
`locked` when the hash of its slug (salted) falls under `LOCKED_SHARE` percent, so a site added
later is drawn the same way, unseen. Locked sites are evaluated only to report, never to tune;
a locked site whose errors were looked at moves to `tuning` (listed under `moved`, with the
reason) and the file says so.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .goldsets import LabelledSite, load_group

SPLIT_FILE = Path(__file__).resolve().parent / "data" / "corpus_split.json"
SALT = "prospect-intel corpus split 1:"
LOCKED_SHARE = 40  # percent of sites drawn into the locked split


def load_corpus(root: Path | str) -> list[LabelledSite]:
    """Every labelled site of every group under `root`."""
    sites = []
    for group in sorted(Path(root).iterdir()):
        manifest, labels = group / "manifest.json", group / "labels.json"
        if manifest.is_file() and labels.is_file():
            sites += load_group(group, manifest, labels)
    return sites


def load_manifests(root: Path | str) -> list[tuple[Path, dict]]:
    """(group folder, manifest entry) for every site recorded under `root`, labelled or not."""
    return [(group, entry) for group in sorted(Path(root).iterdir()) if (group / "manifest.json").is_file()
            for entry in json.loads((group / "manifest.json").read_text(encoding="utf-8"))]


def drawn_split(slug: str) -> str:
    """The split the hash draws for a site: `locked` or `tuning`."""
    digest = int(hashlib.sha256((SALT + slug).encode()).hexdigest(), 16)
    return "locked" if digest % 100 < LOCKED_SHARE else "tuning"


def load_split(path: Path = SPLIT_FILE) -> dict[str, str]:
    """slug -> `locked` or `tuning`, as recorded (moved sites count as tuning)."""
    recorded = json.loads(path.read_text(encoding="utf-8"))
    split = {slug: "locked" for slug in recorded["locked"]}
    split.update({slug: "tuning" for slug in recorded["tuning"]})
    split.update({slug: "tuning" for slug in recorded.get("moved", {})})
    return split


def moved_sites(path: Path = SPLIT_FILE) -> dict[str, str]:
    """slug -> why it moved from the locked split to tuning (its errors were looked at)."""
    return dict(json.loads(path.read_text(encoding="utf-8")).get("moved", {}))


def record_split(slugs: list[str], path: Path = SPLIT_FILE) -> dict[str, list[str]]:
    """Draw the split of sites not yet recorded and write the file (recorded sites keep theirs)."""
    recorded = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else \
        {"rule": f"locked when sha256({SALT!r} + slug) % 100 < {LOCKED_SHARE}", "locked": [], "tuning": [],
         "moved": {}}
    known = set(recorded["locked"]) | set(recorded["tuning"]) | set(recorded["moved"])
    for slug in sorted(set(slugs) - known):
        recorded[drawn_split(slug)].append(slug)
    recorded["locked"].sort()
    recorded["tuning"].sort()
    path.write_text(json.dumps(recorded, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return recorded
