"""Check a labelled collection against its saved pages: every value a label states must be
findable on one of the site's pages (LABELLING.md, "Checking a label").

    python -m prospect_intel.evaluation.labelcheck ROOT    # a realsites folder, a corpus or one group

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
from typing import Any

from prospect_intel.core.document import parse_page
from prospect_intel.core.fields import BUSINESS_MODELS, OFFICE_TYPES, TIERS
from prospect_intel.core.text import fold

from .corpus import load_corpus
from .goldsets import LabelledSite, load_group, load_realsites

SNIPPETS = ("founded_text", "headcount_text", "registered_capital_text")
NAMES = ("company_name", "office_address")
LISTS = ("reference_clients", "product_brands", "branches")
NUMBERS = ("phone_numbers", "fax_numbers")
_NOT_WORD = re.compile(r"[\W_]+")


KEYS = ("slug", "language", "company_name", "founded_year", "founded_text", "headcount", "headcount_text",
        "registered_capital_cny", "registered_capital_text", "office_address", "office_type", "phone_numbers",
        "fax_numbers", "main_business", "sells_access_control", "access_control_is_main", "business_model",
        "product_brands", "product_tiers", "main_product_tier", "reference_clients", "branches",
        "years_in_business_text", "pages", "notes")
ROLES = ("home", "about", "products", "cases", "contact")
_CHOICES = {"language": ("zh", "en"), "office_type": OFFICE_TYPES, "business_model": (*BUSINESS_MODELS, "unknown"),
            "main_product_tier": TIERS}
_TEXTS = ("company_name", "founded_text", "headcount_text", "registered_capital_text", "office_address",
          "main_business", "years_in_business_text", "notes")


def shape_problems(label: dict[str, Any]) -> list[str]:
    """What in a corpus label is not of LABELLING.md's shape: a key missing or unknown, a value
    of the wrong kind or outside its choices."""
    found = [f"key {key} missing" for key in KEYS if key not in label]
    found += [f"key {key} unknown" for key in label if key not in KEYS]
    found += [f"{key} {label[key]!r} is none of {choices}" for key, choices in _CHOICES.items()
              if label.get(key) is not None and label[key] not in choices]
    found += [f"{key} is not text" for key in _TEXTS if label.get(key) is not None and not isinstance(label[key], str)]
    found += [f"{key} is not a list of text" for key in (*NUMBERS, *LISTS, "product_tiers")
              if key in label and not _texts(label[key])]
    found += [f"product_tiers {tier!r} is not a tier" for tier in label.get("product_tiers") or [] if tier not in TIERS]
    found += [f"{key} is not true, false or null" for key in ("sells_access_control", "access_control_is_main")
              if label.get(key) not in (True, False, None)]
    for key in ("founded_year", "registered_capital_cny"):
        if label.get(key) is not None and not (isinstance(label[key], int) and label[key] > 0):
            found.append(f"{key} {label[key]!r} is not a positive whole number")
    if not _headcount_shaped(label.get("headcount")):
        found.append(f"headcount {label['headcount']!r} is not a number or [min, max]")
    found += [f"pages role {role!r} unknown" for role in (label.get("pages") or {}) if role not in ROLES]
    return found


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _headcount_shaped(value: Any) -> bool:
    if value is None or (isinstance(value, int) and value > 0):
        return True
    return (isinstance(value, list) and len(value) == 2 and all(v is None or isinstance(v, int) for v in value)
            and value != [None, None])


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
    if any(root.glob("manifest_*.json")):
        sites = load_realsites(root)
    elif (root / "manifest.json").is_file():
        sites = load_group(root, root / "manifest.json", root / "labels.json")
    else:
        sites = load_corpus(root)
    found = check(sites)
    if not any(root.glob("manifest_*.json")):  # realsites predates the corpus's full key set
        for site in sites:
            found.setdefault(site.slug, []).extend(shape_problems(site.label))
        found = {slug: lines for slug, lines in found.items() if lines}
    for slug, lines in found.items():
        for line in lines:
            print(f"{slug}: {line}")
    print(f"{len(sites)} site(s) checked, {sum(map(len, found.values()))} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
