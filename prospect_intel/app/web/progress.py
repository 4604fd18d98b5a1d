"""Crawl progress for the list page: the running crawl (if any) and the last finished one."""
from __future__ import annotations

import os
from typing import Any

from prospect_intel.app.store import Store


def crawl_progress(store: Store, counts: dict[str, int] | None = None) -> dict[str, Any]:
    """{running, started_at, sites_done, sites_failed, finished, total, pages, queued, crawling,
    percent, last}: `finished` of `total` sites (the run's finished ones plus those still to go);
    `counts` are the store's status counts when the caller has them."""
    counts = store.status_counts() if counts is None else counts
    running = _running_run(store)
    state: dict[str, Any] = {
        "running": running is not None,
        "queued": counts.get("queued", 0),
        "crawling": counts.get("crawling", 0),
        "last": _last_finished(store),
    }
    if running is not None:
        finished = running["sites_done"] + running["sites_failed"]
        remaining = state["queued"] + state["crawling"]
        state.update(
            started_at=running["started_at"], sites_done=running["sites_done"],
            sites_failed=running["sites_failed"], pages=running["pages"], finished=finished,
            total=finished + remaining,
            percent=round(100 * finished / (finished + remaining)) if finished + remaining else 100,
        )
    return state


def _running_run(store: Store) -> dict[str, Any] | None:
    for run in store.unfinished_runs(3):
        if _alive(run["pid"]):
            return run
    return None


def _last_finished(store: Store) -> dict[str, Any] | None:
    run = store.last_finished_run()
    if run is None:
        return None
    return {key: run[key] for key in ("started_at", "finished_at", "sites_done", "sites_failed", "pages")}


def _alive(pid: int | None) -> bool:
    """Whether the crawl's process still runs (a killed crawl leaves its run unfinished)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
