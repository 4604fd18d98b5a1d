"""schema.org data from JSON-LD, microdata and RDFa, tolerant of the broken JSON-LD of the wild.

`extract_items(tree)` returns flat dicts (one per typed item, `@type` as a tuple of names);
`organizations(items)` keeps the Organization / LocalBusiness-like ones. Structured data is read
first by the field extractors, then the visible text.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

import lxml.html
from lxml import etree

MARKERS = ("ld+json", "itemscope", "typeof")  # no structured data without one of them
_REPEATED = {"telephone", "faxNumber", "email"}  # properties a business prints more than once
_ORG_HINTS = ("Organization", "Business", "Corporation", "Store", "Contractor", "Electrician",
              "Locksmith", "Company", "Service", "Manufacturer")
_COMMENT = re.compile(r"<!--|-->|/\*.*?\*/|<!\[CDATA\[|\]\]>", re.DOTALL)
_WHOLE_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # {"@context": ..., <!-- seo plugin --> ...}
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def extract_items(tree: lxml.html.HtmlElement | None,
                  markers: Iterable[str] = MARKERS) -> list[dict[str, Any]]:
    """Every item of the page; `markers` (those of MARKERS the raw markup holds, in any case)
    skips the scans that cannot find any: most pages hold no structured data at all."""
    if tree is None:
        return []
    items = []
    for marker, scan in (("ld+json", jsonld_items), ("itemscope", microdata_items),
                         ("typeof", rdfa_items)):
        if marker in markers:
            items += scan(tree)
    return items


# --- JSON-LD ----------------------------------------------------------------------------------

# Compiled once (`element.xpath(query)` compiles its query on every call).
_JSONLD_SCRIPTS = etree.XPath("//script[contains(translate(@type,'LDJSON','ldjson'),'ld+json')]")
_MICRODATA_SCOPES = etree.XPath("//*[@itemscope]")
_RDFA_SCOPES = etree.XPath("//*[@typeof]")


def jsonld_items(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in _JSONLD_SCRIPTS(tree):
        data = loads_lenient(script.text or "")
        if data is not None:
            items.extend(_flatten(data))
    return items


def loads_lenient(raw: str) -> Any:
    """json.loads that survives HTML comments (around the object or inside it), trailing
    commas/semicolons and control chars."""
    for variant in (raw, _WHOLE_COMMENT.sub("", raw)) if "<!--" in raw else (raw,):
        found = _loads(variant)
        if found is not None:
            return found
    return None


def _loads(raw: str) -> Any:
    text = _COMMENT.sub("", raw).strip()
    text = _CONTROL.sub(" ", text).rstrip(";").strip()
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    # Several objects pasted one after another: read them one by one.
    decoder, pos, found = json.JSONDecoder(strict=False), 0, []
    cleaned = _TRAILING_COMMA.sub(r"\1", text)
    while pos < len(cleaned):
        start = cleaned.find("{", pos)
        if start < 0:
            break
        try:
            obj, pos = decoder.raw_decode(cleaned, start)
        except ValueError:
            break
        found.append(obj)
    return found or None


def _flatten(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _flatten(entry)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        if "@type" in data:
            item = dict(data)
            item["@type"] = _types(data["@type"])
            yield item


def _types(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(str(v).rsplit("/", 1)[-1] for v in values if v)


# --- microdata and RDFa -----------------------------------------------------------------------

def microdata_items(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    return [_scoped(el, "itemprop", el.get("itemtype", "")) for el in _MICRODATA_SCOPES(tree)]


def rdfa_items(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    return [_scoped(el, "property", el.get("typeof", "")) for el in _RDFA_SCOPES(tree)]


def _scoped(scope: lxml.html.HtmlElement, attr: str, type_attr: str) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": _types(type_attr.split())}
    for el in scope.iterdescendants():
        if not isinstance(el.tag, str) or not el.get(attr):
            continue
        owner = next((a for a in el.iterancestors() if a.get("itemscope") is not None
                      or a.get("typeof") is not None), None)
        if owner is not scope:
            continue
        for name in el.get(attr).split():
            name = name.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
            value = _prop_value(el, attr)
            if name in _REPEATED and name in item and value not in _as_list(item[name]):
                item[name] = [*_as_list(item[name]), value]
            else:
                item.setdefault(name, value)
    return item


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _prop_value(el: lxml.html.HtmlElement, attr: str) -> Any:
    """A property's value; a nested item (a PostalAddress) as its own dict of properties."""
    if el.get("itemscope") is not None or el.get("typeof") is not None:
        return _scoped(el, attr, el.get("itemtype") or el.get("typeof") or "")
    for name in ("content", "datetime"):
        if el.get(name):
            return el.get(name).strip()
    href = (el.get("href") or "").strip()
    if el.tag in ("a", "link") and href:
        for scheme in ("tel:", "mailto:"):
            if href.lower().startswith(scheme):
                return unquote(href[len(scheme):]).split("?")[0].strip()
        return href
    if len(el):  # "100 Main St<br>Detroit": text of child elements apart, not run together
        return " ".join(" ".join(el.itertext()).split())
    return " ".join(el.text_content().split())


# --- organisations ----------------------------------------------------------------------------

def organizations(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in items
            if any(hint in t for t in item.get("@type", ()) for hint in _ORG_HINTS)]


def as_text(value: Any) -> str:
    """A schema.org value as one string (addresses joined, lists comma-separated)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if "streetAddress" in value or "addressLocality" in value:
            keys = ("streetAddress", "addressLocality", "addressRegion", "postalCode",
                    "addressCountry")
            return ", ".join(as_text(value.get(k)) for k in keys if value.get(k))
        for key in ("name", "value", "@value", "minValue"):
            if key in value:
                return as_text(value[key])
        return ""
    if isinstance(value, list):
        return ", ".join(filter(None, (as_text(v) for v in value)))
    return " ".join(str(value).split())
