"""Which discovered URLs are worth a request: binaries, crawler traps and session ids.

Rules are deliberately simple and conservative; each returns a reason so tests and logs can say
why a URL was skipped.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS

MAX_URL_LENGTH = 300
MAX_QUERY_PARAMS = 6
MAX_SEGMENT_REPEATS = 3  # a path segment seen this many times is a loop

_BINARY_EXTENSIONS = frozenset(f".{ext.rsplit('.', 1)[-1]}" for ext in IGNORED_EXTENSIONS) | {
    ".apk", ".dmg", ".iso", ".msi", ".woff", ".woff2", ".ttf", ".eot", ".webp", ".svg", ".json",
    ".xml", ".css", ".js", ".ico", ".swf", ".flv", ".mp4", ".rss",
}
_SESSION_PARAMS = frozenset({"sessionid", "session_id", "jsessionid", "phpsessid", "sid", "sessid", "cfid", "cftoken"})
_HEX32 = re.compile(r"^[0-9a-fA-F]{24,64}$")
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sessionid)=[^/?#]*", re.IGNORECASE)
_CALENDAR_PATH = re.compile(r"calendar|kalender|/rili/|日历", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^\d{4}-\d{1,2}(-\d{1,2})?$")
_YEAR_KEYS = {"y", "year", "yr", "yy"}
_MONTH_KEYS = {"m", "month", "mon", "mm"}
_DATE_KEYS = {"date", "day", "d", "ym", "time"}


def strip_session_ids(url: str) -> str:
    """Remove session-id parameters (query and ;jsessionid path parameters) from a URL."""
    parts = urlsplit(url)
    path = _PATH_SESSION.sub("", parts.path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_session_param(k, v)]
    new_query = urlencode(query) if len(query) != len(parse_qsl(parts.query, keep_blank_values=True)) else parts.query
    return urlunsplit((parts.scheme, parts.netloc, path, new_query, ""))


def _is_session_param(key: str, value: str) -> bool:
    key = key.lower()
    if key.startswith("aspsessionid"):
        return True
    if key == "sid":
        return bool(_HEX32.match(value))
    return key in _SESSION_PARAMS


def skip_reason(url: str) -> str | None:
    """Why this URL should not be requested, or None when it may be."""
    if len(url) > MAX_URL_LENGTH:
        return "url too long"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or 'missing'}"
    path = parts.path.lower()
    if _extension(path) in _BINARY_EXTENSIONS:
        return "binary file"
    if _CALENDAR_PATH.search(parts.path):
        return "calendar"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if len(query) > MAX_QUERY_PARAMS:
        return "too many query parameters"
    keys = [k.lower() for k, _ in query]
    if len(keys) != len(set(keys)):
        return "repeated query parameter"
    if _is_calendar_query(dict((k.lower(), v) for k, v in query)):
        return "calendar"
    segments = [s for s in path.split("/") if s]
    if segments and max(segments.count(s) for s in set(segments)) >= MAX_SEGMENT_REPEATS:
        return "repeating path"
    return None


def _extension(path: str) -> str:
    """The file extension of a URL path, with the dot (`.pdf`); `.tar.gz` counts as `.gz`."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


def _is_calendar_query(query: dict[str, str]) -> bool:
    if query.keys() & _YEAR_KEYS and query.keys() & _MONTH_KEYS:
        return True
    return any(key in _DATE_KEYS and _DATE_VALUE.match(value) for key, value in query.items())
