"""The crawler on its own: in-memory queue and sink, no store, no extractors, no scoring."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from prospect_intel.crawler.backend import MemoryQueue, MemorySink, QueuedSite, build
from tests.conftest import SITES

SITE_DIRS = sorted(p for p in SITES.iterdir() if (p / "expected.json").is_file())


def _start_url(site) -> str:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))["start_url"]


@pytest.fixture(scope="module")
def crawled():
    urls = [_start_url(site) for site in SITE_DIRS]
    done = subprocess.run([sys.executable, "-m", "tests.support.memory_crawl", str(SITES), *urls],
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_the_crawler_runs_without_the_layers_above_it(crawled):
    assert crawled["loaded"] == []
    assert crawled["queue_closed"] == "finished"


@pytest.mark.parametrize("site", SITE_DIRS, ids=lambda p: p.name)
def test_memory_sink_receives_the_pages_the_store_would_keep(crawled, site):
    expected = json.loads((site / "expected.json").read_text(encoding="utf-8"))
    outcome = crawled["sites"][_start_url(site)]
    assert outcome["status"] == expected["status"]
    assert outcome["error_kind"] == expected.get("error_kind")
    assert outcome["kept"] == expected["kept"]


def test_memory_queue_hands_out_each_url_once_in_order():
    queue = MemoryQueue()
    run = queue.open(["http://a.cn/", "http://b.cn/", "http://a.cn/"], {})
    assert queue.count_queued(None) == 2 and queue.count_queued(["http://b.cn/"]) == 1
    assert queue.claim(run, 1, None) == [QueuedSite(1, "http://a.cn/")]
    assert queue.claim(run, 5, None) == [QueuedSite(2, "http://b.cn/")]
    assert queue.claim(run, 5, None) == []


class _Settings(dict):
    pass


class _Crawler:
    def __init__(self, **settings):
        self.settings = _Settings(settings)


def test_build_names_the_missing_setting():
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured, match="PROSPECT_QUEUE"):
        build(_Crawler(), "PROSPECT_QUEUE")
    assert isinstance(build(_Crawler(PROSPECT_SINK="prospect_intel.crawler.backend.MemorySink"), "PROSPECT_SINK"),
                      MemorySink)
