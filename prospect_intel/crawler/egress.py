"""The browser's one way out: a forwarding proxy on loopback that judges every connection Chromium makes.

Route interception (`rendering.abort_request`) sees the requests a page makes, but not the HTTP
redirects Chromium then follows by itself: Playwright hands those straight to the network stack.
Chromium is launched with this proxy (Playwright sends loopback through it too), so every hop — a
redirect, a WebSocket, a worker's fetch — is judged here before any connection is made, and the
connection goes to the very address that was judged (a DNS answer that changes between the check
and the connection cannot slip through).

One request per plain-HTTP connection: the request is forwarded with `Connection: close` and
nothing more the browser sends on that connection is read, so a second request can never ride to
the first one's host. A tunnel (CONNECT, for HTTPS and WebSockets) carries what the browser and the
judged host say to each other, end to end.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import sys
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

# host, port -> (why it is refused, or "" and the address to connect to)
Judge = Callable[[str, int], Awaitable[tuple[str, str]]]
HEAD_LIMIT = 64 * 1024
TIMEOUT = 30.0
_HOP_HEADERS = (b"connection", b"proxy-connection", b"keep-alive", b"proxy-authorization", b"te", b"upgrade")


class EgressProxy:
    """Listens on 127.0.0.1 (a free port) and forwards what `judge` lets through."""

    def __init__(self, judge: Judge) -> None:
        self._judge = judge
        self._server: asyncio.AbstractServer | None = None

    async def start(self) -> str:
        """Start listening; returns the proxy's address for the browser (http://127.0.0.1:PORT)."""
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, limit=HEAD_LIMIT)
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 1.0)

    async def _serve(self, client: asyncio.StreamReader, answer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(client.readuntil(b"\r\n\r\n"), TIMEOUT)
            await self._forward(head, client, answer)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ConnectionError, OSError):
            pass  # the browser went away, or sent no head within bounds: nothing to forward
        finally:
            _close(answer)

    async def _forward(self, head: bytes, client: asyncio.StreamReader, answer: asyncio.StreamWriter) -> None:
        request = parse_head(head)
        if request is None:
            return await _refuse(answer, 400, "not a proxy request")
        method, url, host, port = request
        if _header(head, b"transfer-encoding"):
            return await _refuse(answer, 411, "a body of unknown length is not forwarded")
        reason, address = await self._judge(host, port)
        if reason:
            logger.warning("blocked the browser's request to %s: %s", url, reason)
            return await _refuse(answer, 403, reason)
        try:
            upstream, sending = await asyncio.wait_for(asyncio.open_connection(address, port), TIMEOUT)
        except (OSError, TimeoutError) as exc:
            return await _refuse(answer, 502, f"{host} unreachable ({exc.__class__.__name__})")
        try:
            if method == b"CONNECT":
                answer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                await asyncio.gather(_pipe(client, sending), _pipe(upstream, answer))
            else:
                sending.write(origin_form(head, url))
                await _send_body(head, client, sending)
                await _pipe(upstream, answer)
        finally:
            _close(sending)


def parse_head(head: bytes) -> tuple[bytes, str, str, int] | None:
    """(method, URL shown in the log, host, port) of a proxy request's head; None when it is none."""
    parts = head.split(b"\r\n", 1)[0].split(b" ")
    if len(parts) != 3 or not parts[2].startswith(b"HTTP/1."):
        return None
    method, target = parts[0], parts[1].decode("latin-1")
    if method == b"CONNECT":
        host, _, port = target.rpartition(":")
        host = host.strip("[]")
        return (method, f"https://{target}", host, int(port)) if host and port.isdigit() else None
    split = urlsplit(target)
    if split.scheme != "http" or not split.hostname:
        return None
    try:
        return method, target, split.hostname, split.port or 80
    except ValueError:  # a port out of range
        return None


def origin_form(head: bytes, url: str) -> bytes:
    """The head as the site itself must receive it: the path alone, no hop-by-hop headers, and
    `Connection: close` (one request per connection)."""
    split = urlsplit(url)
    path = (split.path or "/") + (f"?{split.query}" if split.query else "")
    first, _, rest = head.partition(b"\r\n")
    method, _, version = first.split(b" ")
    lines = [line for line in rest.split(b"\r\n") if line
             and line.split(b":", 1)[0].strip().lower() not in _HOP_HEADERS]
    return b"\r\n".join([b" ".join((method, path.encode("latin-1"), version)), *lines, b"Connection: close", b"", b""])


async def _send_body(head: bytes, client: asyncio.StreamReader, sending: asyncio.StreamWriter) -> None:
    """The request's body, exactly as long as its Content-Length says; nothing after it is read
    (a chunked body, which a browser sends over HTTP/1.1 to no one, is refused before)."""
    length = _header(head, b"content-length")
    if length.isdigit():
        sending.write(await asyncio.wait_for(client.readexactly(int(length)), TIMEOUT))
        await sending.drain()


def _header(head: bytes, name: bytes) -> str:
    """A header's value in a request head ('' when absent)."""
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip().decode("latin-1")
    return ""


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    try:
        while data := await source.read(65536):
            sink.write(data)
            await sink.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        _close(sink)


async def _refuse(answer: asyncio.StreamWriter, status: int, reason: str) -> None:
    body = reason.encode("utf-8", "replace")
    answer.write(b"HTTP/1.1 %d Refused\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n"
                 b"Connection: close\r\n\r\n%s" % (status, len(body), body))
    with contextlib.suppress(ConnectionError, OSError):
        await answer.drain()


def _close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        writer.close()


async def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to (an IP literal: itself): through the crawl's own resolver
    while the crawl's reactor runs, so the browser meets the names the crawl met (its cache, its
    guard, a test's or a bench's names), else through the system's."""
    loop = asyncio.get_running_loop()
    reactor = sys.modules.get("twisted.internet.reactor")
    if reactor is not None and getattr(reactor, "running", False):
        from twisted.internet.defer import Deferred

        return [await Deferred.asFuture(reactor.resolve(host), loop)]
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos]
