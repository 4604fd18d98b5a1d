"""Fixtures for the web app tests: a store filled by replay-crawling every fixture site, a copy of it
per test module, the app served by waitress on a free loopback port, and headless Chromium.

Chromium comes from the system packages (Debian: `apt-get install chromium`); Playwright only drives
it. When it is missing the browser tests fail with a message saying so, never skip.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.settings import Settings

from prospect_intel.crawler.rendering import find_chromium
from tests.conftest import copy_store
from tests.webapp.browsing import Watched

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def crawled_db(sites_db: Path) -> Path:
    """A store with every fixture site crawled (replayed from disk), extracted and scored."""
    return sites_db


@pytest.fixture(scope="module")
def app_db(crawled_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the crawled store for one test module (reviews change it)."""
    return copy_store(crawled_db, tmp_path_factory.mktemp("webapp-db") / "review.db")


@pytest.fixture(scope="module")
def live_url(app_db: Path) -> Iterator[str]:
    """The app over `app_db`, served by waitress on 127.0.0.1 and a free port, in a thread."""
    from prospect_intel.app.web.server import build_server

    running = build_server(str(app_db), "127.0.0.1", 0, reviewer="test-rep")
    thread = threading.Thread(target=running.server.run, daemon=True)
    thread.start()
    yield running.url
    running.server.close()
    thread.join(timeout=5)


def chromium_path() -> str:
    """The Chromium the crawl would render with (crawler/rendering.py: $PROSPECT_CHROMIUM, else the PATH)."""
    found = find_chromium(Settings())
    if found:
        return found
    pytest.fail(
        "Chromium is not installed, so the browser tests cannot run. Install it from the system packages "
        "(Debian/Ubuntu: `apt-get update && apt-get install -y chromium`) or point $PROSPECT_CHROMIUM at a "
        "Chromium/Chrome binary. Playwright drives it; `playwright install` is not needed.",
        pytrace=False,
    )


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests, stopped when a process leaves this folder: Playwright's
    sync API keeps an event loop running in the thread while it lives, and a later file's
    `asyncio.run` would refuse to start beside it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install -e '.[test]'", pytrace=False)
    path = chromium_path()
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Watched(page)
    context.close()
