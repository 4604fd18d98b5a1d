"""Serve folders of saved sites over loopback, one address per site (127.0.10.N).

Used to measure the crawler on `../shared/realsites` and by tests and benchmarks that need real
HTTP: each site has its own host, so per-site politeness applies as on the real web.
"""
from __future__ import annotations

import functools
import ipaddress
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the crawl's own log says what was fetched
        pass


@dataclass(frozen=True)
class ServedSite:
    name: str
    folder: Path
    base_url: str


class SiteFarm:
    """Context manager serving every sub-folder of `root` (or the given folders) on loopback."""

    def __init__(self, folders: list[Path], *, first_address: str = "127.0.10.1", port: int = 0):
        self.folders = folders
        self.first_address = ipaddress.ip_address(first_address)
        self.port = port
        self.sites: dict[str, ServedSite] = {}
        self._servers: list[ThreadingHTTPServer] = []

    def __enter__(self) -> SiteFarm:
        address = self.first_address
        for folder in self.folders:
            handler = functools.partial(_QuietHandler, directory=str(folder))
            server = ThreadingHTTPServer((str(address), self.port), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self._servers.append(server)
            self.sites[folder.name] = ServedSite(folder.name, folder, f"http://{address}:{server.server_port}/")
            address += 1
        return self

    def __exit__(self, *exc) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
