"""One asynchronous HTTP server on 127.0.0.1 serving every mock site, routed by the Host header.

`python -m bench.server --port 0` prints `PORT <n>` once it listens. Control paths, on any host:
`/__bench__/stats` (JSON counters), `/__bench__/reset` (zero them), `/__bench__/config?latency_ms=N`
(per-response latency, jittered 0.5-1.5x) and `config?scripted=0.05` (the share of sites drawn by
scripts). Slow sites add 0.3-1 s to every response; failing sites answer 500, 404, drop the
connection or forbid everything in robots.txt.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sys

from aiohttp import web

from bench.mockweb import render, robots, site_for_host

CONTROL = "/__bench__/"


class MockWeb:
    def __init__(self, seed: int, max_sites: int, latency_ms: float):
        self.seed = seed
        self.max_sites = max_sites
        self.latency = latency_ms / 1000
        self.scripted = 0.0  # share of the sites drawn by scripts
        self.reset()

    def reset(self) -> None:
        self.stats = {"requests": 0, "pages": 0, "robots": 0, "bytes": 0, "errors": 0, "unknown_host": 0}

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.path.startswith(CONTROL):
            return self.control(request)
        stats = self.stats
        stats["requests"] += 1
        s = site_for_host(self.seed, request.host, self.max_sites)
        if s is None:
            stats["unknown_host"] += 1
            return web.Response(status=404, text="unknown host")
        delay = self.latency * random.uniform(0.5, 1.5) if self.latency else 0.0
        if s.kind == "slow":
            delay += random.uniform(0.3, 1.0)
        if delay:
            await asyncio.sleep(delay)
        if request.path == "/robots.txt":
            reply = robots(s)
            stats["robots"] += 1
        elif s.kind == "reset":
            stats["errors"] += 1
            request.transport.abort()
            raise asyncio.CancelledError
        else:
            reply = render(s, request.path, self.scripted)
            stats["pages"] += 1
            if reply.status >= 400:
                stats["errors"] += 1
        stats["bytes"] += len(reply.body)
        return web.Response(status=reply.status, body=reply.body, headers={"Content-Type": reply.content_type})

    def control(self, request: web.Request) -> web.Response:
        action = request.path[len(CONTROL):]
        if action == "reset":
            self.reset()
        elif action == "config":
            self.latency = float(request.query.get("latency_ms", self.latency * 1000)) / 1000
            self.scripted = float(request.query.get("scripted", self.scripted))
        return web.json_response({**self.stats, "latency_ms": self.latency * 1000, "scripted": self.scripted})


async def serve(port: int, seed: int, max_sites: int, latency_ms: float) -> None:
    mock = MockWeb(seed, max_sites, latency_ms)
    server = web.Server(mock.handle, access_log=None)
    runner = web.ServerRunner(server, handle_signals=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port, backlog=1024)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]
    print(f"PORT {bound}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.server", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--max-sites", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    args = parser.parse_args(argv)
    try:
        asyncio.run(serve(args.port, args.seed, args.max_sites, args.latency_ms))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
