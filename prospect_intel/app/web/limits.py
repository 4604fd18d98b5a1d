"""How long and how many: the web server's connection limits, so slow clients cannot lock users out.

Waitress keeps a connection until it has been idle for `channel_timeout` (120 s by default, and
every byte resets it) and stops accepting at `connection_limit` open connections (100). So a
hundred clients each sending a header line every ten seconds held every connection, before the
token check could say no. Here:

- a request's headers must arrive within HEADER_SECONDS of its first byte (to the second),
  however slowly they trickle in; a connection that takes longer is closed (checked every
  CLEANUP_SECONDS);
- a connection idle for IDLE_SECONDS between requests is closed;
- up to CONNECTION_LIMIT connections are open at once, watched with poll() (select() stops at
  1,024 descriptors).

A request body (an upload) is not bound by the header deadline: it has the idle limit, and the
upload's own size limit.
"""
from __future__ import annotations

import time
import weakref
from typing import Any

HEADER_SECONDS = 10
IDLE_SECONDS = 30
CLEANUP_SECONDS = 1
CONNECTION_LIMIT = 1000

WAITRESS_SETTINGS: dict[str, Any] = {
    "connection_limit": CONNECTION_LIMIT,
    "channel_timeout": IDLE_SECONDS,
    "cleanup_interval": CLEANUP_SECONDS,
    "asyncore_use_poll": True,
}


def bound_header_time(server: Any, seconds: float = HEADER_SECONDS) -> None:
    """Close, at each maintenance pass of a waitress `server`, the connections whose current
    request has been receiving its headers for longer than `seconds`."""
    started: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
    idle_check = server.maintenance

    def maintenance(now: float) -> None:
        idle_check(now)
        for channel in list(server.active_channels.values()):
            request = channel.request  # the request being received, None between requests
            if request is None or request.headers_finished:
                continue
            first_seen = started.setdefault(request, min(now, time.time()))
            if now - first_seen > seconds:
                channel.will_close = True

    server.maintenance = maintenance
