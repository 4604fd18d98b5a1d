"""Corrections to a labelled-site folder's labels, kept in the project (the folder is read-only).

A correction names a site, a label key, the corrected value, the exact text the site's pages
print as evidence (page path -> text) and a reason. It is applied only when every evidence text
is printed on its page of the folder being evaluated (compared without whitespace, on the
visible text), so a correction never lands on a different copy of the sites. Both evaluations
(`python -m prospect_intel.evaluation.harness`, `prospect eval`) apply the default file unless told not to
and report how many corrections they applied.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prospect_intel.core.decoding import decode_html
from prospect_intel.core.document import parse_page
from prospect_intel.core.models import PageDoc

DEFAULT_CORRECTIONS = Path(__file__).resolve().parent / "data" / "realsites_label_corrections.json"


@dataclass(frozen=True)
class Correction:
    slug: str
    field: str
    value: Any
    evidence: tuple[tuple[str, str], ...]
    reason: str


@dataclass(frozen=True)
class Corrected:
    """Labels after corrections, with what was applied and what was skipped (and why)."""

    labels: dict[str, dict[str, Any]]
    applied: tuple[Correction, ...] = ()
    skipped: tuple[tuple[Correction, str], ...] = ()

    def summary(self) -> str:
        count = len(self.applied)
        text = f"{count} label correction{'' if count == 1 else 's'} applied"
        if self.applied:
            text += " (" + ", ".join(f"{c.slug}.{c.field}" for c in self.applied) + ")"
        if self.skipped:
            text += "; skipped: " + "; ".join(f"{c.slug}.{c.field}: {why}" for c, why in self.skipped)
        return text


def load_corrections(path: Path | str | None = DEFAULT_CORRECTIONS) -> list[Correction]:
    """The corrections of a file; none when `path` is None or the file is absent."""
    if path is None or not Path(path).is_file():
        return []
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Correction(c["slug"], c["field"], c["value"], tuple(c["evidence"].items()), c["reason"])
            for c in data["corrections"]]


def apply_corrections(labels: Mapping[str, dict[str, Any]], root: Path | str,
                      corrections: list[Correction]) -> Corrected:
    """`labels` (slug -> label) with the corrections whose evidence the folder's pages print."""
    fixed = {slug: dict(label) for slug, label in labels.items()}
    applied, skipped = [], []
    for correction in corrections:
        if correction.slug not in fixed:
            continue  # a site of another folder
        missing = [path for path, text in correction.evidence
                   if not _printed(Path(root) / correction.slug / path, text)]
        if missing:
            skipped.append((correction, f"evidence not printed on {', '.join(missing)}"))
            continue
        fixed[correction.slug][correction.field] = correction.value
        applied.append(correction)
    return Corrected(fixed, tuple(applied), tuple(skipped))


def _printed(file: Path, text: str) -> bool:
    if not file.is_file():
        return False
    html = decode_html(file.read_bytes(), None).text
    shown = parse_page(PageDoc(url=f"file:///{file.name}", role="other", html=html)).text
    return re.sub(r"\s+", "", text) in re.sub(r"\s+", "", shown)
