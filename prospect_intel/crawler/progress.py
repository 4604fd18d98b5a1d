"""Progress of a running crawl: a live bar on a terminal, a status line a minute otherwise.

Overnight runs are usually logged to a file, where a redrawn bar is noise; so without a
terminal the same figures are printed as plain lines at a slow, steady pace.
"""
from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from twisted.internet import task

from prospect_intel.core.language import _

PLAIN_INTERVAL_SECONDS = 60.0


class CrawlProgress:
    def __init__(self, crawler, *, live: bool, plain_interval: float = PLAIN_INTERVAL_SECONDS):
        self.crawler = crawler  # its stats exist only once the crawl has started
        self.live = live
        self.plain_interval = plain_interval
        self._started = time.monotonic()
        self._last_plain = self._started
        self._loop: task.LoopingCall | None = None
        self._bar: Progress | None = None
        self._task = None

    def start(self) -> None:
        if self.live:
            self._bar = Progress(
                TextColumn("[bold]" + _("crawl")),
                BarColumn(),
                TextColumn(_("%(done)s/%(total)s sites", done="{task.completed}", total="{task.total}")),
                TextColumn(_("%(pages)s pages  %(errors)s errors  %(rate)s", pages="{task.fields[pages]}",
                             errors="{task.fields[errors]}", rate="{task.fields[rate]}")),
                TimeElapsedColumn(),
                TextColumn(_("ETA")),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._task = self._bar.add_task("crawl", total=None, pages=0, errors=0, rate="")
            self._bar.start()
        self._loop = task.LoopingCall(self.tick)
        self._loop.start(1.0, now=False)

    def figures(self) -> dict[str, float]:
        get = self.crawler.stats.get_value
        done = (get("prospect/sites_done") or 0) + (get("prospect/sites_failed") or 0)
        elapsed = max(time.monotonic() - self._started, 1e-6)
        return {
            "done": done,
            "total": get("prospect/sites_total") or 0,
            "pages": get("prospect/pages_kept") or 0,
            "errors": get("prospect/sites_failed") or 0,
            "per_hour": done / elapsed * 3600,
        }

    def tick(self) -> None:
        f = self.figures()
        if self._bar is not None:
            self._bar.update(self._task, completed=f["done"], total=f["total"] or None, pages=int(f["pages"]),
                             errors=int(f["errors"]), rate=_("%(rate)s sites/h", rate=f"{f['per_hour']:.0f}"))
        elif time.monotonic() - self._last_plain >= self.plain_interval:
            self._last_plain = time.monotonic()
            print(self.line(f), file=sys.stderr, flush=True)

    @staticmethod
    def line(f: dict[str, float]) -> str:
        remaining = max(f["total"] - f["done"], 0)
        eta = remaining / f["per_hour"] * 3600 if f["per_hour"] else 0
        return _("crawl: %(done)s/%(total)s sites, %(pages)s pages kept, %(failed)s failed, %(rate)s sites/h, "
                 "ETA %(eta)s", done=f"{f['done']:.0f}", total=f"{f['total']:.0f}", pages=f"{f['pages']:.0f}",
                 failed=f"{f['errors']:.0f}", rate=f"{f['per_hour']:.0f}", eta=_duration(eta))

    def stop(self) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self._bar is not None:
            self.tick()
            self._bar.stop()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"
