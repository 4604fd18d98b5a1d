"""Run the app under waitress: loopback by default; beyond loopback only with an access token."""
from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass

from prospect_intel.app.web.app import AppConfig, create_app
from prospect_intel.app.web.limits import WAITRESS_SETTINGS, bound_header_time
from prospect_intel.core.errors import ProspectError

THREADS = 4


class ServeError(ProspectError):
    """The server cannot start (port taken, address not available)."""


@dataclass(frozen=True)
class Running:
    server: object  # a waitress server; `.run()` serves until interrupted, `.close()` stops it
    url: str  # what to open in a browser (with the token when one is needed)
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
    app = create_app(AppConfig(db_path=db_path, reviewer=reviewer, access_token=token, loopback_only=loopback))
    try:
        server = create_server(app, host=host, port=port, threads=THREADS, ident="prospect-review",
                               **WAITRESS_SETTINGS)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --port") from None
    bound_header_time(server)
    shown = "127.0.0.1" if loopback and host != "localhost" else host
    if ":" in shown:
        shown = f"[{shown}]"
    url = f"http://{shown}:{server.effective_port}/"
    return Running(server, url + (f"?token={token}" if token else ""), token)
