"""The server's connection limits (app/web/limits.py): slow clients cannot lock users out.

Everything runs on loopback: the app under waitress on a free port, and the slow clients as plain
sockets that send a request's headers one line at a time (slowloris).
"""
from __future__ import annotations

import functools
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from prospect_intel.app.web import limits, server

SLOW_CLIENTS = 300


def _serve(db: Path) -> tuple[server.Running, threading.Thread]:
    running = server.build_server(str(db), "127.0.0.1", 0, reviewer="test-rep")
    thread = threading.Thread(target=running.server.run, daemon=True)
    thread.start()
    return running, thread


@pytest.fixture
def short_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Headers must arrive within 2 s (10 s in use), so the test need not wait long."""
    monkeypatch.setattr(server, "bound_header_time", functools.partial(limits.bound_header_time, seconds=2))


@pytest.fixture
def live(app_db: Path) -> Iterator[tuple[str, int]]:
    running, thread = _serve(app_db)
    yield running.url, running.server.effective_port
    running.server.close()
    thread.join(timeout=5)


def _slow_client(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    return sock


def _trickle(socks: list[socket.socket], stop: threading.Event) -> None:
    """One more header line on every slow connection each second, never the blank line that ends them."""
    while not stop.wait(1):
        for sock in socks:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass  # closed by the server


def test_the_app_answers_with_300_slow_connections_open(live):
    url, port = live
    socks = [_slow_client(port) for _ in range(SLOW_CLIENTS)]
    stop = threading.Event()
    trickling = threading.Thread(target=_trickle, args=(socks, stop), daemon=True)
    trickling.start()
    try:
        time.sleep(1.5)  # every slow client has sent more than one line
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert b"prospect" in response.read().lower()
    finally:
        stop.set()
        trickling.join(timeout=5)
        for sock in socks:
            sock.close()


def test_a_request_whose_headers_trickle_in_is_closed_at_the_deadline(short_deadline, live):
    _, port = live
    sock = _slow_client(port)
    started = time.monotonic()
    closed = None
    try:
        while time.monotonic() - started < 15:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
                sock.settimeout(0.5)
                if sock.recv(1024) == b"":
                    closed = time.monotonic() - started
                    break
            except TimeoutError:
                continue
            except OSError:
                closed = time.monotonic() - started
                break
    finally:
        sock.close()
    assert closed is not None, "the server kept a connection whose headers never ended"
    assert closed >= 2  # not before the deadline


def test_a_normal_request_is_not_cut_by_the_deadline(short_deadline, live):
    url, _ = live
    for _ in range(3):
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200


def test_waitress_is_given_the_limits():
    assert limits.WAITRESS_SETTINGS["connection_limit"] > SLOW_CLIENTS
    assert limits.WAITRESS_SETTINGS["channel_timeout"] < 120  # waitress's default, reset by every byte
    assert limits.WAITRESS_SETTINGS["asyncore_use_poll"]  # select() stops at 1,024 descriptors
