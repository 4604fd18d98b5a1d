"""Run the app under waitress: loopback by default; beyond loopback only with an access token."""
from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass

from prospect_intel.app.web.app import AppConfig, create_app
from prospect_intel.app.web.limits import WAITRESS_SETTINGS, bound_header_time
from prospect_intel.app.web.security import LOGIN_PARAM, LOGIN_PATH
from prospect_intel.core.errors import ProspectError

THREADS = 4


class ServeError(ProspectError):
    """The server cannot start (port taken, address not available)."""


@dataclass(frozen=True)
class Running:
    server: object  # a waitress server; `.run()` serves until interrupted, `.close()` stops it
    url: str  # what to open in a browser: the app, or its one-time login link when a token is needed
    token: str | None


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def build_server(db_path: str, host: str = "127.0.0.1", port: int = 8765, reviewer: str | None = None) -> Running:
    """Bind the server (port 0 picks a free one); nothing is served until `server.run()`."""
    from waitress import create_server

    loopback = is_loopback(host)
    token = None if loopback else secrets.token_urlsafe(24)
    code = None if loopback else secrets.token_urlsafe(24)
    app = create_app(AppConfig(db_path=db_path, reviewer=reviewer, access_token=token, loopback_only=loopback,
                               login_code=code))
    try:
        server = create_server(app, host=host, port=port, threads=THREADS, ident="prospect-review",
                               **WAITRESS_SETTINGS)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --port") from None
    bound_header_time(server)
    url = f"http://{_shown_host(host)}:{server.effective_port}/"
    return Running(server, url + (f"{LOGIN_PATH.lstrip('/')}?{LOGIN_PARAM}={code}" if code else ""), token)


def _shown_host(host: str) -> str:
    """The address a browser on this machine opens: the one bound (IPv6 in brackets), or loopback
    for an any-address bind (0.0.0.0, ::)."""
    bare = host.strip("[]")
    if bare in ("", "0.0.0.0"):
        return "127.0.0.1"
    if bare == "::":
        return "[::1]"
    return f"[{bare}]" if ":" in bare else bare
