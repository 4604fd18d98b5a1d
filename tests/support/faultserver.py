"""A fault-injecting web server on loopback: each path answers with a scripted misbehaviour.

Raw asyncio streams (not http.server) so a handler can do what real servers do wrong: drip bytes,
reset the connection, never answer, lie about Content-Length, stream hundreds of MB generated on
the fly, or send a compression bomb. All sites share one event loop in a background thread; each
`FaultSite` listens on its own 127.0.x.y address so the crawler sees separate sites.
"""
from __future__ import annotations

import asyncio
import gzip
import socket
import struct
import threading
import time
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import lru_cache

Handler = Callable[["Hit", asyncio.StreamWriter], Awaitable[None]]
CHUNK = 64 * 1024


@dataclass
class Hit:
    """One request as the server saw it; `count` is how often this path was asked for so far."""

    path: str
    headers: dict[str, str]
    count: int
    at: float = field(default_factory=time.monotonic)
    ended: float | None = None
    bytes_sent: int = 0


class _Loop:
    """The one event loop all fault sites run on."""

    _instance: _Loop | None = None

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    @classmethod
    def get(cls) -> _Loop:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def run(self, coro, timeout: float = 10):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)


class FaultSite:
    """A site on `address`: `route(path, handler)` or `prefix(path, handler)`, then `start()`."""

    __test__ = False

    def __init__(self, address: str = "127.0.0.1", port: int = 0, *, keep_alive: bool = True):
        self.address = address
        self.keep_alive = keep_alive
        self.routes: dict[str, Handler] = {}
        self.prefixes: list[tuple[str, Handler]] = []
        self.hits: list[Hit] = []
        self._counts: dict[str, int] = {}
        self._server: asyncio.base_events.Server | None = None
        self.port = port

    @property
    def url(self) -> str:
        return f"http://{self.address}:{self.port}/"

    def route(self, path: str, handler: Handler) -> FaultSite:
        self.routes[path] = handler
        return self

    def prefix(self, path: str, handler: Handler) -> FaultSite:
        self.prefixes.append((path, handler))
        return self

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def settle(self, timeout: float = 3.0) -> bool:
        """Wait until every connection has ended (the server notices a hang-up at its next read or
        write); False if some are still open after `timeout` seconds."""
        until = time.monotonic() + timeout
        while any(hit.ended is None for hit in self.hits):
            if time.monotonic() > until:
                return False
            time.sleep(0.05)
        return True

    def start(self) -> FaultSite:
        loop = _Loop.get()
        self._server = loop.run(asyncio.start_server(self._serve, self.address, self.port))
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()

    def _handler(self, path: str) -> Handler:
        if path in self.routes:
            return self.routes[path]
        bare = path.split("?")[0]
        if bare in self.routes:
            return self.routes[bare]
        for prefix, handler in self.prefixes:
            if path.startswith(prefix):
                return handler
        return page("<html><body>not found</body></html>", status=404)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
                self._counts[path] = self._counts.get(path, 0) + 1
                hit = Hit(path, headers, self._counts[path])
                self.hits.append(hit)
                writer.hit = hit  # type: ignore[attr-defined]  (handlers count bytes here)
                writer.reader = reader  # type: ignore[attr-defined]  (hang() waits for the client to go)
                try:
                    await self._handler(path)(hit, writer)
                finally:
                    hit.ended = time.monotonic()
                if writer.is_closing() or not self.keep_alive:
                    return
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            if not writer.is_closing():
                writer.close()


# -- writing helpers ----------------------------------------------------------------------------

async def _send(writer: asyncio.StreamWriter, data: bytes) -> None:
    if writer.transport.is_closing() or writer.reader.at_eof():  # type: ignore[attr-defined]
        raise ConnectionResetError("the client hung up")
    writer.write(data)
    writer.hit.bytes_sent += len(data)  # type: ignore[attr-defined]
    await writer.drain()


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


# -- faults: each returns a handler -------------------------------------------------------------

def page(body: str | bytes, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None, charset: str = "utf-8") -> Handler:
    """An ordinary response (the baseline every fault departs from)."""
    data = body.encode(charset) if isinstance(body, str) else body

    async def handler(hit: Hit, writer):
        fields = {"Content-Type": content_type, "Content-Length": str(len(data)), **(headers or {})}
        await _send(writer, _head(status, fields) + data)
    return handler


def drip(chunk: bytes = b"<p>\xe5\x85\xac\xe5\x8f\xb8</p>\n", interval: float = 0.3) -> Handler:
    """Slow drip: headers at once, then a few bytes every `interval` seconds, forever."""
    async def handler(hit: Hit, writer):
        await _send(writer, _head(200, {"Content-Type": "text/html; charset=utf-8", "Connection": "close"}))
        await _send(writer, b"<html><head><title>slow</title></head><body>")
        while True:
            await asyncio.sleep(interval)
            await _send(writer, chunk)
    return handler


def reset() -> Handler:
    """Connection reset: read the request, then close with RST (SO_LINGER 0)."""
    async def handler(hit: Hit, writer):
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()
    return handler


def hang() -> Handler:
    """Timeout: accept the request and never answer (until the client hangs up)."""
    async def handler(hit: Hit, writer):
        while await writer.reader.read(CHUNK):
            pass
        writer.close()
    return handler


def burst(times: int, then: Handler, status: int = 503, headers: dict[str, str] | None = None) -> Handler:
    """5xx burst (or 429): the first `times` requests of the path get `status`, later ones `then`."""
    failing = page(f"<html><body>error {status}</body></html>", status=status, headers=headers)

    async def handler(hit: Hit, writer):
        await (failing if hit.count <= times else then)(hit, writer)
    return handler


def redirect(location: str, status: int = 302) -> Handler:
    return page(b"", status=status, headers={"Location": location})


def chain(site: FaultSite, hops: int, final: Handler, name: str = "hop") -> str:
    """A redirect chain /hop1 -> /hop2 -> ... -> /hop{hops} (served by `final`); returns the first path."""
    for n in range(1, hops):
        site.route(f"/{name}{n}", redirect(f"/{name}{n + 1}"))
    site.route(f"/{name}{hops}", final)
    return f"/{name}1"


def link_trap() -> Handler:
    """Endless links: every page links deeper, to the next calendar month, to a longer query string
    and to a fresh session id."""
    async def handler(hit: Hit, writer):
        n = hit.path.count("/") + len(hit.path)
        links = (
            f'<a href="{hit.path.rstrip("/")}/more{n}/">更多</a>'
            f'<a href="/trap/cal?year=2026&month={n % 12 + 1}">日历</a>'
            f'<a href="/trap/list?p={n}&q{n}=x{"&a" * 1}">列表 {n}</a>'
            f'<a href="/trap/s?sid={n:032x}">会话</a>'
            f'<a href="/trap/page{n + 1}.html?ref={"x" * n}">下一页</a>'
        )
        await page(f"<html><head><title>trap {n}</title></head><body>{links}</body></html>")(hit, writer)
    return handler


@lru_cache(maxsize=4)
def _bomb(size: int, kind: str) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31 if kind == "gzip" else 15)
    zeros = b"\0" * (1 << 20)
    parts = [compressor.compress(zeros) for _ in range(size >> 20)]
    return b"".join(parts) + compressor.flush()


def bomb(kind: str = "gzip", size: int = 512 << 20) -> Handler:
    """A compression bomb: about 0.5 MB on the wire that inflates to `size` bytes.

    Compressed here, not in the handler: deflating 512 MB takes seconds, which would stall the one
    event loop every site shares and time out requests to unrelated sites."""
    data = _bomb(size, kind)

    async def handler(hit: Hit, writer):
        await _send(writer, _head(200, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": kind,
                                        "Content-Length": str(len(data))}) + data)
    return handler


def huge(size: int = 400 << 20, *, declare_length: bool = True) -> Handler:
    """A response of `size` bytes of HTML, generated chunk by chunk (never held in memory)."""
    filler = (b"<p>" + "门禁产品".encode() * 20 + b"</p>\n") * (CHUNK // 250)

    async def handler(hit: Hit, writer):
        fields = {"Content-Type": "text/html; charset=utf-8"}
        fields.update({"Content-Length": str(size)} if declare_length else {"Connection": "close"})
        await _send(writer, _head(200, fields) + b"<html><head><title>huge</title></head><body>")
        sent = 0
        while sent < size:
            await _send(writer, filler)
            sent += len(filler)
        writer.close()
    return handler


def truncated(body: bytes, *, claim: int | None = None) -> Handler:
    """Send `body`, then close: with `claim` the Content-Length promised more than was sent."""
    async def handler(hit: Hit, writer):
        fields = {"Content-Type": "text/html; charset=utf-8"}
        fields.update({"Content-Length": str(claim)} if claim else {"Connection": "close"})
        await _send(writer, _head(200, fields) + body)
        writer.close()
    return handler


def gzip_page(body: str) -> Handler:
    data = gzip.compress(body.encode())
    return page(data, headers={"Content-Encoding": "gzip"})
