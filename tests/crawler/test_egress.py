"""The egress proxy the browser's every connection goes through (crawler/egress.py) and its judge
(rendering.judge_egress): real sockets on loopback, DNS scripted where a public name is needed."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import socket

import pytest

from prospect_intel.crawler import rendering
from prospect_intel.crawler.egress import EgressProxy, origin_form, parse_head
from tests.support.webserver import TestSite


@pytest.fixture(scope="module")
def shop():
    site = TestSite("127.0.33.1")
    site.page("/path", "<html><body>stock list</body></html>")
    yield site.start()
    site.stop()


def _through_proxy(judge, *exchanges: bytes) -> list[bytes]:
    """Each exchange on its own connection to a started proxy: what came back."""
    async def run() -> list[bytes]:
        proxy = EgressProxy(judge)
        port = int((await proxy.start()).rsplit(":", 1)[1])
        answers = []
        for sent in exchanges:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(sent)
            await writer.drain()
            answers.append(await asyncio.wait_for(reader.read(-1), 10))
            writer.close()
        await proxy.close()
        return answers
    return asyncio.run(run())


def _to(address: str):
    async def judge(host: str, port: int) -> tuple[str, str]:
        return "", address
    return judge


async def _refuse_all(host: str, port: int) -> tuple[str, str]:
    return f"{host} is not for the browser", ""


def test_a_plain_request_reaches_the_judged_address_alone(shop):
    shop.requests.clear()
    port = shop.host.rsplit(":", 1)[1]
    head = (f"GET http://shop.example.com:{port}/path HTTP/1.1\r\nHost: shop.example.com:{port}\r\n"
            "Proxy-Connection: keep-alive\r\n\r\n").encode()
    [answer] = _through_proxy(_to("127.0.33.1"), head)
    assert answer.startswith(b"HTTP/1.0 200") and b"stock list" in answer
    assert shop.requests == ["/path"]


def test_a_second_request_on_one_connection_never_rides_to_the_first_ones_host():
    """A site that keeps the connection open hears the first request (and its body) alone."""
    heard = bytearray()

    async def keep_open(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(TimeoutError):
            while data := await asyncio.wait_for(reader.read(4096), 0.5):
                heard.extend(data)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        writer.close()

    async def run() -> bytes:
        site = await asyncio.start_server(keep_open, "127.0.33.2", 0)
        port = site.sockets[0].getsockname()[1]
        proxy = EgressProxy(_to("127.0.33.2"))
        proxy_port = int((await proxy.start()).rsplit(":", 1)[1])
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy_port)
        writer.write(f"POST http://shop.example.com:{port}/form HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                     f"GET http://intranet.example.com:{port}/admin HTTP/1.1\r\n\r\n".encode())
        answer = await asyncio.wait_for(reader.read(-1), 10)
        writer.close()
        await proxy.close()
        site.close()
        return answer

    assert asyncio.run(run()).endswith(b"ok")
    assert heard.startswith(b"POST /form HTTP/1.1\r\n") and heard.endswith(b"\r\n\r\nabc")
    assert b"/admin" not in heard


def test_a_refused_connection_is_answered_403_with_the_reason_and_logged(shop, caplog):
    shop.requests.clear()
    caplog.set_level(logging.WARNING)
    [plain, tunnel] = _through_proxy(_refuse_all, f"GET http://{shop.host}/path HTTP/1.1\r\n\r\n".encode(),
                                     f"CONNECT {shop.host} HTTP/1.1\r\n\r\n".encode())
    assert plain.startswith(b"HTTP/1.1 403") and b"127.0.33.1 is not for the browser" in plain
    assert tunnel.startswith(b"HTTP/1.1 403")
    assert shop.requests == []
    assert f"blocked the browser's request to https://{shop.host}: 127.0.33.1 is not for the browser" in caplog.text


def test_a_tunnel_carries_the_conversation_end_to_end(shop):
    shop.requests.clear()
    port = shop.host.rsplit(":", 1)[1]
    [answer] = _through_proxy(_to("127.0.33.1"), f"CONNECT shop.example.com:{port} HTTP/1.1\r\n\r\n"
                              f"GET /path HTTP/1.1\r\nHost: shop.example.com\r\nConnection: close\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 200 Connection established") and b"stock list" in answer
    assert shop.requests == ["/path"]


@pytest.mark.parametrize("head", [b"GET /path HTTP/1.1\r\n\r\n", b"GET ftp://a.example/ HTTP/1.1\r\n\r\n",
                                  b"CONNECT a.example HTTP/1.1\r\n\r\n", b"\x16\x03\x01 hello\r\n\r\n",
                                  b"GET http://a.example:99999/ HTTP/1.1\r\n\r\n"])
def test_what_is_no_proxy_request_is_answered_400(head):
    [answer] = _through_proxy(_to("127.0.33.1"), head)
    assert answer.startswith(b"HTTP/1.1 400")


def test_a_body_of_unknown_length_is_refused(shop):
    """Where a chunked body ends the proxy would have to parse; it forwards none."""
    shop.requests.clear()
    [answer] = _through_proxy(_to("127.0.33.1"), f"POST http://{shop.host}/path HTTP/1.1\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 411") and shop.requests == []


def test_the_site_receives_the_path_alone_and_no_hop_headers():
    head = (b"POST http://a.example/form?x=1 HTTP/1.1\r\nHost: a.example\r\nProxy-Connection: keep-alive\r\n"
            b"Keep-Alive: 300\r\nContent-Length: 3\r\n\r\n")
    method, url, host, port = parse_head(head)
    assert (method, host, port) == (b"POST", "a.example", 80)
    assert origin_form(head, url) == (b"POST /form?x=1 HTTP/1.1\r\nHost: a.example\r\nContent-Length: 3\r\n"
                                      b"Connection: close\r\n\r\n")


class _Page:
    """Stands for a Playwright page the crawl opened (the guard keys its sites by page)."""


@pytest.fixture
def opened(monkeypatch):
    """A page sent to www.example.cn, DNS scripted, private addresses refused."""
    page = _Page()
    answers = {"www.example.cn": "93.184.216.34", "img.example.cn": "10.0.0.7", "tracker.example.net": "93.184.216.35"}
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kwargs: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], 0))])
    monkeypatch.setitem(rendering._guard, "allow_private", False)
    monkeypatch.setitem(rendering._sites, page, "http://www.example.cn/")
    return page


@pytest.mark.parametrize("host, refused, address", [
    ("www.example.cn", "", "93.184.216.34"),  # the page's own site: to the address judged
    ("img.example.cn", "resolves to 10.0.0.7", ""),  # its own name, a private address
    ("tracker.example.net", "another site", ""),
    ("127.0.0.1", "another site", ""),
])
def test_the_judge_lets_the_pages_sites_through_to_public_addresses_only(opened, host, refused, address):
    reason, to = asyncio.run(rendering.judge_egress(host, 80))
    assert (refused in reason if refused else reason == "") and to == address


def test_with_private_addresses_allowed_only_the_site_rule_holds(opened, monkeypatch):
    monkeypatch.setitem(rendering._guard, "allow_private", True)
    assert asyncio.run(rendering.judge_egress("img.example.cn", 80)) == ("", "10.0.0.7")
    assert "another site" in asyncio.run(rendering.judge_egress("tracker.example.net", 80))[0]
