"""Turn a page's raw bytes into text, the way Chinese SME sites need it.

Order of evidence: byte-order mark, the HTTP ``Content-Type`` charset, the ``<meta>`` charset,
then statistical detection. A declared charset is trusted only if the bytes decode cleanly
with it: GBK pages labelled ``utf-8`` (or the reverse) are common, so a declaration that fails
falls through to the next source. GB2312 and GBK labels are read as GB18030, their superset,
because pages labelled gb2312 routinely use GBK-only characters.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-]+)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels browsers treat as a wider encoding than they name.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
# How much of the page the <meta> scan and the detector look at.
_META_SCAN_BYTES = 4096
_DETECT_BYTES = 65536
# Share of undecodable bytes a declared charset may leave before we distrust it.
_MAX_ERROR_SHARE = 0.001


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec used and which source named it (bom/header/meta/detected/fallback)."""

    text: str
    encoding: str
    source: str


def canonical_encoding(label: str) -> str | None:
    """Python codec name for a charset label, widened to its superset; None if unknown."""
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode an HTML (or text) body; never raises, falls back to UTF-8 with replacement."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return Decoded(body[len(bom):].decode(encoding, "replace"), encoding, "bom")
    sources: tuple[tuple[str, str | None], ...] = (("header", header_charset(content_type)),
                                                   ("meta", meta_charset(body)))
    for source, label in sources:
        charset = canonical_encoding(label) if label else None
        if charset and _decodes_cleanly(body, charset):
            return Decoded(body.decode(charset, "replace"), charset, source)
    if _decodes_cleanly(body, "utf-8"):
        return Decoded(body.decode("utf-8", "replace"), "utf-8", "detected")
    detected = _detect(body)
    if detected:
        return Decoded(body.decode(detected, "replace"), detected, "detected")
    return Decoded(body.decode("utf-8", "replace"), "utf-8", "fallback")


def _decodes_cleanly(body: bytes, encoding: str) -> bool:
    text = body.decode(encoding, "replace")
    errors = text.count("\ufffd") - body.decode(encoding, "ignore").count("\ufffd")
    return errors <= max(1, len(body) * _MAX_ERROR_SHARE)


def _detect(body: bytes) -> str | None:
    best = charset_normalizer.from_bytes(body[:_DETECT_BYTES]).best()
    if best is None:
        return None
    return canonical_encoding(best.encoding)
