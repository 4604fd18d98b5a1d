"""Guards around every request: loopback Host check, access token, security headers.

Beyond loopback every request needs the access token. The browser gets it without the token
ever being in a URL it is started with: the server prints a one-time login link
(`/login?once=…`, valid once, for ten minutes) that sets a cookie and redirects; colleagues
type the token printed on the terminal (`/?token=…` moves it into the cookie at once). The
cookie holds a key derived from the token, not the token, is named after the port and is scoped
to the path the server is mounted on (`server.py` mounts it under a path of its own beyond
loopback): browsers send a host's cookies to all its ports over plain HTTP, so the path is what
keeps other services of the host from receiving it.

App pages get a strict Content-Security-Policy (scripts and styles from this app only, nothing
inline, no frames of it elsewhere). Saved copies of scraped pages set their own, stricter policy
in `routes_saved`; `after_request` leaves a policy a view already chose alone.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import threading
import time
from urllib.parse import urlencode

from flask import Flask, Response, abort, redirect, render_template, request

from prospect_intel.app.i18n import _

TOKEN_COOKIE = "prospect_token"
TOKEN_PARAM = "token"
LOGIN_PATH = "/login"
LOGIN_PARAM = "once"
LOGIN_SECONDS = 600

APP_CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
])
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def install(app: Flask, config) -> None:
    """Register the checks for `config` (an `AppConfig`) on `app`."""
    if config.loopback_only:
        app.before_request(_require_loopback_host)
    if config.access_token:
        app.before_request(TokenGate(config.access_token, config.login_code))
    app.after_request(_add_headers)


def is_loopback_name(host: str) -> bool:
    """`localhost` or a loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(host_header: str) -> str:
    """The host part of a Host header: `[::1]:8000` -> `::1`, `localhost:8000` -> `localhost`."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _require_loopback_host() -> None:
    """Refuse a request addressed to another name (a DNS-rebinding page reaching the loopback app)."""
    if not is_loopback_name(host_name(request.headers.get("Host", ""))):
        abort(400, description="This app answers only on a loopback address (127.0.0.1, ::1 or localhost).")


class TokenGate:
    """The check run before every request of a server bound beyond loopback."""

    def __init__(self, token: str, login_code: str | None):
        self.token = token
        self.cookie_value = hmac.new(token.encode("utf-8"), b"prospect review cookie", hashlib.sha256).hexdigest()
        self.login_code = login_code
        self.login_until = time.monotonic() + LOGIN_SECONDS
        self.lock = threading.Lock()

    def __call__(self) -> Response | None:
        if request.path == LOGIN_PATH and self._take_login_code(request.args.get(LOGIN_PARAM, "")):
            return self._signed_in("/")
        given = request.args.get(TOKEN_PARAM)
        if given is not None and _same(given, self.token):
            # Move the token from the URL into a cookie, so it stays out of history and logs.
            args = {k: v for k, v in request.args.items(multi=True) if k != TOKEN_PARAM}
            return self._signed_in(request.path + ("?" + urlencode(args) if args else ""))
        if _same(request.cookies.get(_cookie_name(), ""), self.cookie_value):
            return None
        body = render_template("error.html", title=_("Access token needed"),
                               message=_("This server is reachable from the network and needs the access token "
                                         "printed when it started: open its login link, or this address with "
                                         "?token= and the token."))
        return Response(body, status=401, mimetype="text/html")

    def _take_login_code(self, given: str) -> bool:
        """True once for the one-time login code, within LOGIN_SECONDS of the start."""
        with self.lock:
            if self.login_code is None or time.monotonic() > self.login_until or not _same(given, self.login_code):
                return False
            self.login_code = None
            return True

    def _signed_in(self, target: str) -> Response:
        response = redirect(target, code=303)
        response.set_cookie(_cookie_name(), self.cookie_value, httponly=True, samesite="Strict",
                            path=request.script_root + "/")
        return response


def _cookie_name() -> str:
    """The token cookie of the port this request came to (two servers on one host keep theirs)."""
    port = request.host.rsplit(":", 1)[1] if request.host.rsplit(":", 1)[-1].isdigit() else "80"
    return f"{TOKEN_COOKIE}_{port}"


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def _add_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", APP_CSP)
    response.headers.setdefault("X-Frame-Options", "DENY")
    for name, value in COMMON_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.endpoint and not request.endpoint.startswith("static"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
