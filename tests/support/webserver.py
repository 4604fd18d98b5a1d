"""A scriptable web server on loopback for tests: routes per path, optional delays.

Several servers can run at once on different 127.0.0.x addresses, so each looks like its own
site to the crawler.
"""
from __future__ import annotations

import socketserver
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self):  # noqa: N802 (http.server's naming)
        site = self.server.site
        site.requests.append(self.path)
        site.request_times.append(time.monotonic())
        site.user_agents.add(self.headers.get("User-Agent", ""))
        route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
        if route is None:
            route = Route(404, b"<html><body>not found</body></html>")
        if route.delay or site.delay:
            time.sleep(route.delay or site.delay)
        try:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: TestSite

    def server_bind(self) -> None:
        """HTTPServer's own looks its name up (`socket.getfqdn`): a reverse-DNS wait per site,
        10 s for the hundred sites of the kill test."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class TestSite:
    """One site on `address`; add routes, start, read `.url` and `.requests`."""

    __test__ = False  # not a pytest test class

    def __init__(self, address: str = "127.0.0.1", delay: float = 0.0, tls: ssl.SSLContext | None = None):
        """`tls`: serve HTTPS with this server context (tests/support/tls.py makes one)."""
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.request_times: list[float] = []  # time.monotonic() of each request, in order
        self.user_agents: set[str] = set()
        self.delay = delay
        self._server = _Server((address, 0), _Handler)
        self._server.site = self
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.host = f"{address}:{self._server.server_port}"
        self.url = f"{'https' if tls else 'http'}://{self.host}/"

    def page(self, path: str, html: str | bytes, *, status: int = 200, charset: str | None = "utf-8",
             headers: dict[str, str] | None = None, delay: float = 0.0) -> None:
        body = html.encode(charset or "utf-8") if isinstance(html, str) else html
        content_type = "text/html" + (f"; charset={charset}" if charset else "")
        self.routes[path] = Route(status, body, {"Content-Type": content_type, **(headers or {})}, delay)

    def redirect(self, path: str, location: str, status: int = 301) -> None:
        self.routes[path] = Route(status, b"", {"Location": location})

    def start(self) -> TestSite:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def stop_all(sites: Iterable[TestSite]) -> None:
    """Stop many sites at once. Each `stop` waits for `serve_forever` to see the request, up to its
    0.5 s poll: one after another, the hundred sites of the kill test took 22 s to tear down."""
    threads = [threading.Thread(target=site.stop) for site in sites]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@contextmanager
def slowed(sites: Iterable[TestSite], delay: float) -> Iterator[None]:
    """The sites answer each request after `delay` seconds while inside (a crawl long enough to
    kill midway), then as before."""
    sites = list(sites)
    before = [site.delay for site in sites]
    for site in sites:
        site.delay = delay
    try:
        yield
    finally:
        for site, was in zip(sites, before):
            site.delay = was
