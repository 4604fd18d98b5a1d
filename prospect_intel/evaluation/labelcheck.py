"""Check a labelled collection against its saved pages: every value a label states must be
findable on one of the site's pages (LABELLING.md, "Checking a label").

    python -m prospect_intel.evaluation.labelcheck ROOT    # a realsites folder or a corpus of groups

The `*_text` snippets must be printed in a page's visible text; names, addresses, numbers,
clients, brands and branches in its visible text or its markup (logo alt texts, titles).
Spaces and punctuation are ignored (a label joins an address's lines with commas); phone numbers
are compared by their digits.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from prospect_intel.core.document import parse_page
from prospect_intel.core.text import fold

from .corpus import load_corpus
from .goldsets import LabelledSite, load_realsites

SNIPPETS = ("founded_text", "headcount_text", "registered_capital_text")
NAMES = ("company_name", "office_address")
LISTS = ("reference_clients", "product_brands", "branches")
NUMBERS = ("phone_numbers", "fax_numbers")
_NOT_WORD = re.compile(r"[\W_]+")


def problems(site: LabelledSite) -> list[str]:
    """What the label of `site` states that none of its pages prints."""
    visible = [_squeezed(parse_page(page).text) for page in site.pages]
    markup = [_squeezed(page.html) for page in site.pages]
    digits = re.sub(r"\D", "", " ".join(visible + markup))
    label = site.label
    found = []
    for key in SNIPPETS:
        if label.get(key) and not _printed(label[key], visible):
            found.append(f"{key} {label[key]!r} is on no page")
    names = [(key, label.get(key)) for key in NAMES] + \
        [(key, item["name"] if isinstance(item, dict) else item) for key in LISTS for item in label.get(key) or []]
    for key, value in names:
        if value and not _printed(value, visible + markup):
            found.append(f"{key} {value!r} is on no page")
    for key in NUMBERS:
        for number in label.get(key) or []:
            if re.sub(r"\D", "", number) not in digits:
                found.append(f"{key} {number!r} is on no page")
    return found


def _squeezed(text: str) -> str:
    return _NOT_WORD.sub("", fold(text)).lower()


def _printed(value: str, texts: Iterable[str]) -> bool:
    wanted = _squeezed(value)
    return any(wanted in text for text in texts)


def check(sites: Sequence[LabelledSite]) -> dict[str, list[str]]:
    return {site.slug: found for site in sites if (found := problems(site))}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print(__doc__)
        return 2
    root = Path(args[0])
    sites = load_realsites(root) if any(root.glob("manifest_*.json")) else load_corpus(root)
    found = check(sites)
    for slug, lines in found.items():
        for line in lines:
            print(f"{slug}: {line}")
    print(f"{len(sites)} site(s) checked, {sum(map(len, found.values()))} value(s) on no page")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
