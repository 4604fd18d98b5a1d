"""The Redis side: stream and group names, the connection, and what a failure to connect means.

Redis 7 streams with consumer groups: `prospect:jobs` (read by the group `workers`) and
`prospect:results` (read by the group `collectors`). A wrong URL or password is a clear error
with its exit code; a server that does not answer is `RelayUnavailable`, which workers and the
collector wait out with back-off.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import redis

from prospect_intel.core.errors import ProspectError
from prospect_intel.core.language import _

JOBS = "prospect:jobs"
RESULTS = "prospect:results"
WORKERS = "workers"
COLLECTORS = "collectors"
LEASE_SECONDS = 120.0  # a job whose worker has not renewed it for this long goes to another
BACKOFF_MAX = 30.0
_REFUSED = ("NOAUTH", "WRONGPASS", "NOPERM")  # how Redis says a password or user was refused

logger = logging.getLogger(__name__)
T = TypeVar("T")


class RelayError(ProspectError):
    """The Redis URL or its password is wrong: no retry helps."""

    exit_code = 8


class RelayUnavailable(ProspectError):
    """Redis does not answer (down, restarting, unreachable): workers and the collector wait it
    out; a one-off command (`queue push`, `queue status`) stops with this error."""

    exit_code = 9


def connect(url: str) -> redis.Redis:
    """A client for `url` (redis://, rediss:// for TLS, with a password or user:password), its
    groups made; RelayError for a bad URL or a refused password, RelayUnavailable when down."""
    try:
        client = redis.Redis.from_url(url, socket_timeout=15, socket_connect_timeout=5, health_check_interval=30)
    except ValueError as error:
        raise RelayError(_("%(url)r is no Redis URL (redis://host:6379/0, rediss:// for TLS): %(why)s",
                           url=_safe(url), why=error)) from None
    call(lambda: _ensure_groups(client), url)
    return client


def connect_waiting(url: str, say: Callable[[str], Any] = logger.warning,
                    stop: Callable[[], bool] = lambda: False) -> redis.Redis | None:
    """`connect`, waiting out a Redis that does not answer yet (back-off, said); None if stopped."""
    return with_retry(lambda: connect(url), url, say=say, stop=stop)


def call(action: Callable[[], T], url: str) -> T:
    """Run one Redis action, turning its failures into RelayError / RelayUnavailable."""
    try:
        return action()
    except (redis.AuthenticationError, redis.ResponseError) as error:  # before ConnectionError: its subclass
        if isinstance(error, redis.AuthenticationError) or any(mark in str(error) for mark in _REFUSED):
            raise RelayError(_("Redis at %(url)s refused the password: %(why)s", url=_safe(url), why=error)) from None
        raise
    except (redis.ConnectionError, redis.TimeoutError, OSError) as error:
        raise RelayUnavailable(_("Redis at %(url)s does not answer: %(why)s", url=_safe(url), why=error)) from None


def with_retry(action: Callable[[], T], url: str, *, say: Callable[[str], Any] = logger.warning,
               stop: Callable[[], bool] = lambda: False) -> T | None:
    """`call(action)`, waiting out an unreachable Redis with back-off (1 s doubling to 30 s) and
    saying so; None when `stop()` turns true while waiting."""
    delay = 1.0
    while True:
        try:
            return call(action, url)
        except RelayUnavailable as error:
            say(_("%(error)s; trying again in %(seconds)s s", error=error, seconds=f"{delay:.0f}"))
            if _sleep(delay, stop):
                return None
            delay = min(delay * 2, BACKOFF_MAX)


def _sleep(seconds: float, stop: Callable[[], bool]) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if stop():
            return True
        time.sleep(min(0.2, end - time.monotonic()) if end > time.monotonic() else 0)
    return stop()


def acknowledge(client: redis.Redis, stream: str, group: str, entry_id: Any) -> None:
    """XACK then XDEL in one transaction: a handled entry leaves the stream (a site's pages would
    otherwise stay in Redis for ever)."""
    def both(pipe: Any) -> None:
        pipe.multi()
        pipe.xack(stream, group, entry_id)
        pipe.xdel(stream, entry_id)

    client.transaction(both)


def _ensure_groups(client: redis.Redis) -> None:
    client.ping()
    for stream, group in ((JOBS, WORKERS), (RESULTS, COLLECTORS)):
        try:
            client.xgroup_create(stream, group, id="0", mkstream=True)
        except redis.ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise


def text(value: Any) -> str:
    """A value Redis gave back (bytes, as the client does not decode) as text."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep:
        return url
    scheme, _colon, _credentials = head.partition("://")
    return f"{scheme}://***@{tail}"
