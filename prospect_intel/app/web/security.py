"""Guards around every request: loopback Host check, access token, security headers.

App pages get a strict Content-Security-Policy (scripts and styles from this app only, nothing
inline, no frames of it elsewhere). Saved copies of scraped pages set their own, stricter policy
in `routes_saved`; `after_request` leaves a policy a view already chose alone.
"""
from __future__ import annotations

import hmac
from urllib.parse import urlencode

from flask import Flask, Response, abort, redirect, render_template, request

TOKEN_COOKIE = "prospect_token"
TOKEN_PARAM = "token"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})

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
        app.before_request(_token_gate(config.access_token))
    app.after_request(_add_headers)


def host_name(host_header: str) -> str:
    """The host part of a Host header: `[::1]:8000` -> `::1`, `localhost:8000` -> `localhost`."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _require_loopback_host() -> None:
    """Refuse a request addressed to another name (a DNS-rebinding page reaching the loopback app)."""
    if host_name(request.headers.get("Host", "")) not in LOOPBACK_NAMES:
        abort(400, description="This app answers only on a loopback address (127.0.0.1 or localhost).")


def _token_gate(token: str):
    def check() -> Response | None:
        given = request.args.get(TOKEN_PARAM)
        if given is not None and _same(given, token):
            # Move the token from the URL into a cookie, so it stays out of history and logs.
            args = {k: v for k, v in request.args.items(multi=True) if k != TOKEN_PARAM}
            target = request.path + ("?" + urlencode(args) if args else "")
            response = redirect(target, code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict", path="/")
            return response
        if _same(request.cookies.get(TOKEN_COOKIE, ""), token):
            return None
        body = render_template("error.html", title="Access token needed",
                               message="This server is reachable from the network and needs the access token "
                                       "printed when it started: open the address it printed (…/?token=…).")
        return Response(body, status=401, mimetype="text/html")

    return check


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
