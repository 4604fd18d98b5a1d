"""Run the app under waitress: loopback by default; beyond loopback only with an access token."""
from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote

from prospect_intel.app import i18n
from prospect_intel.app.web.app import AppConfig, create_app
from prospect_intel.app.web.limits import WAITRESS_SETTINGS, bound_header_time
from prospect_intel.app.web.security import LOGIN_PARAM, LOGIN_PATH, is_loopback_name
from prospect_intel.core.errors import ProspectError

THREADS = 4


class ServeError(ProspectError):
    """The server cannot start (port taken, address not available)."""


@dataclass(frozen=True)
class Running:
    server: object  # a waitress server; `.run()` serves until interrupted, `.close()` stops it
    url: str  # what to open in a browser: the app, or its one-time login link when a token is needed
    token: str | None
    address: str = ""  # the app's address (what colleagues open, with the token)


def is_loopback(host: str) -> bool:
    """Whether `--host` names a loopback address (`[::1]` as typed with brackets too)."""
    return is_loopback_name(host.strip("[]").lower())


def build_server(db_path: str, host: str = "127.0.0.1", port: int = 8765, reviewer: str | None = None) -> Running:
    """Bind the server (port 0 picks a free one); nothing is served until `server.run()`."""
    from waitress import create_server

    loopback = is_loopback(host)
    token = None if loopback else secrets.token_urlsafe(24)
    code = None if loopback else secrets.token_urlsafe(24)
    prefix = "" if loopback else "/review-" + secrets.token_hex(4)
    app = create_app(AppConfig(db_path=db_path, reviewer=reviewer, access_token=token, loopback_only=loopback,
                               login_code=code, path_prefix=prefix, language=i18n.configured()))
    served = mounted(prefix, app) if prefix else app
    try:
        server = create_server(served, host=host, port=port, threads=THREADS, ident="prospect-review",
                               **WAITRESS_SETTINGS)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --port") from None
    bound_header_time(server)
    url = f"http://{_shown_host(host)}:{server.effective_port}{prefix}/"
    return Running(server, url + (f"{LOGIN_PATH.lstrip('/')}?{LOGIN_PARAM}={code}" if code else ""), token, url)


def mounted(prefix: str, app: Callable) -> Callable:
    """`app` (WSGI) served under the path `prefix`, so the browser scopes its cookies there;
    any other path redirects into it."""
    def under_prefix(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == prefix or path.startswith(prefix + "/"):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + prefix
            environ["PATH_INFO"] = path[len(prefix):] or "/"
            return app(environ, start_response)
        query = environ.get("QUERY_STRING", "")
        target = quote(prefix + path) + (f"?{query}" if query else "")
        start_response("303 See Other", [("Location", target), ("Content-Length", "0"),
                                         ("Cache-Control", "no-store")])
        return [b""]

    return under_prefix


def _shown_host(host: str) -> str:
    """The address a browser on this machine opens: the one bound (IPv6 in brackets), or loopback
    for an any-address bind (0.0.0.0, ::)."""
    bare = host.strip("[]")
    if bare in ("", "0.0.0.0"):
        return "127.0.0.1"
    if bare == "::":
        return "[::1]"
    return f"[{bare}]" if ":" in bare else bare
