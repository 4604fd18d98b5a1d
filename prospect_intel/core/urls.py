"""Prospect URL normalisation and site identity (registered domain).

A queued URL is normalised once, on the way in, so the same site typed two ways is one prospect.
"""
from __future__ import annotations

import ipaddress
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit, urlunsplit

from prospect_intel.core.errors import InvalidUrl
from prospect_intel.core.language import _

if TYPE_CHECKING:
    import tldextract

ALLOWED_SCHEMES = ("http", "https")
_MAX_URL_LENGTH = 2000
_HOST_CHARS = re.compile(r"[a-z0-9.-]+")  # an ASCII (IDNA) host name, lower-cased
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")  # \s: what str.isspace() calls a space, Unicode's too


def normalise_url(raw: str) -> str:
    """Return the canonical form of a prospect URL or raise InvalidUrl saying why."""
    text = raw.strip()
    if not text:
        raise InvalidUrl(_("empty URL"))
    if len(text) > _MAX_URL_LENGTH:
        raise InvalidUrl(_("URL longer than %(limit)s characters", limit=_MAX_URL_LENGTH))
    if _SPACE_OR_CONTROL.search(text):
        raise InvalidUrl(_("URL contains spaces or control characters"))
    if "://" not in text:
        scheme = text.split(":", 1)[0].lower() if ":" in text else ""
        if scheme in ("javascript", "file", "ftp", "data", "mailto", "tel"):
            raise InvalidUrl(_("unsupported scheme %(scheme)r: only http and https", scheme=scheme))
        text = "http://" + text
    parts = _split(text)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise InvalidUrl(_("unsupported scheme %(scheme)r: only http and https", scheme=scheme))
    if parts.username or parts.password:
        raise InvalidUrl(_("URL carries credentials (user:password@); remove them"))
    host = _normalise_host(parts.hostname or "")
    try:
        port = parts.port
    except ValueError:
        raise InvalidUrl(_("invalid port")) from None
    shown = f"[{host}]" if ":" in host else host
    netloc = shown if port is None or port == _default_port(scheme) else f"{shown}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _split(text: str) -> SplitResult:
    """urlsplit, with its ValueError for a malformed bracketed host turned into InvalidUrl."""
    try:
        parts = urlsplit(text)
    except ValueError as exc:  # "Invalid IPv6 URL": an unclosed or stray [ or ]
        raise InvalidUrl(f"malformed IPv6 address in brackets ({exc})") from None
    host_part = parts.netloc.rpartition("@")[2]
    if host_part.startswith("[") and not re.fullmatch(r"\[[^\]]*\](:\d*)?", host_part):
        raise InvalidUrl("malformed IPv6 address in brackets (text after the closing ])")
    return parts


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _normalise_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    if not host:
        raise InvalidUrl(_("no host name"))
    if is_ip_literal(host):
        return host
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidUrl(_("invalid host name %(host)r", host=host)) from None
    labels = ascii_host.split(".")
    if len(labels) < 2 and ascii_host != "localhost":
        raise InvalidUrl(_("host %(host)r has no domain suffix", host=host))
    if any(not label or len(label) > 63 for label in labels) or not _HOST_CHARS.fullmatch(ascii_host):
        raise InvalidUrl(_("invalid host name %(host)r", host=host))
    return ascii_host


_MAYBE_IP = re.compile(r"\[?[0-9a-fA-F:.]+\]?")  # what an IP literal is made of (a name has other letters)


def is_ip_literal(host: str) -> bool:
    if not _MAYBE_IP.fullmatch(host):
        return False  # the common case, without the cost of ip_address's exception
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@lru_cache(maxsize=65536)
def registered_domain(host: str) -> str:
    """`www.shop.example.com.cn` -> `example.com.cn`; IP addresses and bare names stay as they are."""
    host = host.lower().rstrip(".")
    if is_ip_literal(host):
        return host
    parts = _parts(host)
    return parts.top_domain_under_public_suffix or host


@lru_cache(maxsize=16384)
def _parts(host: str) -> tldextract.tldextract.ExtractResult:
    """The public-suffix reading of a host (cached: adding a prospect asks twice, once when its
    line is read and once when its batch of `prospect add`'s 5,000 is stored)."""
    return _extractor()(host)


@cache
def _extractor() -> tldextract.TLDExtract:
    """The bundled public-suffix snapshot only: no download at run time. Built on first use, since
    tldextract brings requests and urllib3 (a sixth of a second) to commands that never ask."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


# Paths that are a site's home page: http://x.cn/index.html is the site http://x.cn/.
_HOME_PATH = re.compile(r"/?(?:(?:index|default|home|main)\.(?:html?|php|aspx?|jsp|shtml)|home)?/?", re.IGNORECASE)


def site_identity(url: str) -> str:
    """What makes two prospect URLs one company site: the host without `www.` (and its port when
    not the default), plus the path and query unless it is the home page. `http://x.cn/index.html`,
    `x.cn/`, `www.x.cn` and `https://x.cn` are all `x.cn`; `http://x.cn/shop/` is `x.cn/shop/`."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") and host.count(".") >= 2 else host
    port = parts.port
    where = f"{host}:{port}" if port is not None and port != _default_port(parts.scheme) else host
    if _HOME_PATH.fullmatch(parts.path or "/") and not parts.query:
        return where
    return where + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def public_site_problem(url: str) -> str | None:
    """Why a normalised URL cannot be a company's public site (an IP address, a name with no
    public domain suffix such as `www.baidu` or `localhost`), or None."""
    host = (urlsplit(url).hostname or "").lower()
    if is_ip_literal(host):
        return _("%(host)s is an IP address, not a company's site", host=host)
    parts = _parts(host)
    if host == "localhost" or not parts.suffix:
        return _("%(host)s has no public domain suffix (.com, .cn, .co.uk ...)", host=host)
    if parts.domain in ("", "www"):
        return _("%(host)s names no company, only www. and the suffix .%(suffix)s", host=host, suffix=parts.suffix)
    return None


def same_site(host: str, site_domain: str) -> bool:
    """True when `host` is the site's registered domain or one of its sub-domains."""
    host = host.lower().rstrip(".")
    return host == site_domain or host.endswith("." + site_domain)
