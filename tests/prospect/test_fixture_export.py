"""`prospect fixture`: reviewed prospects as labelled corpus entries. Replayed, an entry gives the
evidence the store holds; its labels come from the reviews alone (nothing learnt off the site);
`prospect eval FOLDER` measures the extractors on it."""
from __future__ import annotations

import dataclasses
import json

import pytest

from prospect_intel.app.store import Store
from tests.conftest import copy_store
from tests.support.cli import prospect

HENGAN = "http://www.hengan-anfang.cn/"
JIAKUN = "http://www.jiakun-af.com/"  # its start URL redirects to /index.asp
BLOCKED = "http://www.shengda-anfang.com/"  # a bot wall: failed, nothing to save
REVIEWER = "Rep Wang Xiaoming"
NOTE = "spoke to the owner on the phone"


def _done_urls(db) -> list[str]:
    rows = json.loads(prospect(db, "export", "--format", "json").stdout)
    return [row["url"] for row in rows if row["status"] == "done"]


@pytest.fixture(scope="module")
def crawled(sites_db, tmp_path_factory):
    return copy_store(sites_db, tmp_path_factory.mktemp("fixture") / "crawled.db")


@pytest.fixture(scope="module")
def reviewed(crawled, tmp_path_factory):
    db = copy_store(crawled, tmp_path_factory.mktemp("reviewed") / "reviewed.db")
    env = {"PROSPECT_REVIEWER": REVIEWER}
    for args in [
        ("founded_year", "--confirm"),
        ("registered_capital_cny", "20000000", "--source", "website"),     # corrected from the site: a label
        ("headcount", "60", "--source", "phone", "--note", NOTE),          # from a call: "not 86"
        ("business_model", "--reject", "--why", "misread"),                # "not mixed"
        ("order_history", "regular_no_arrears", "--source", "visit"),      # off the site, no label key
        ("brands", "--confirm"),
    ]:
        prospect(db, "set", HENGAN, *args, env=env)
    prospect(db, "note", HENGAN, NOTE, env=env)
    prospect(db, "set", JIAKUN, "founded_year", "--confirm", env=env)
    return db


def _undated(evidence: dict, crawled_at: str) -> dict:
    """The evidence with its crawl's day named as such: a replay is a crawl of its own day (which
    `site_status` states), and the store's crawl may have run before midnight."""
    day = crawled_at[:10]
    return {field: dataclasses.replace(item, method=item.method.replace(day, "<crawl day>"))
            for field, item in evidence.items()}


def test_an_entry_replayed_gives_the_evidence_the_store_holds(crawled, tmp_path):
    urls = _done_urls(crawled)
    prospect(crawled, "fixture", *urls, "--to", str(tmp_path / "entries"))
    replayed = tmp_path / "replayed.db"
    prospect(replayed, "add", *urls)
    prospect(replayed, "crawl", "--quiet", "--replay", str(tmp_path / "entries"))
    before, after = Store(str(crawled)), Store(str(replayed))
    assert len(urls) >= 8
    for url in urls:
        old, new = before.prospect_row(url), after.prospect_row(url)
        assert _undated(after.evidence(new["id"]), new["crawled_at"]) == \
               _undated(before.evidence(old["id"]), old["crawled_at"]), url
        assert [(p["url"], p["role"]) for p in after.pages(new["id"])] == \
               [(p["url"], p["role"]) for p in before.pages(old["id"])], url
        assert new["final_url"] == old["final_url"]  # the redirect of the start URL is kept too


def test_labels_come_from_the_reviews_and_nothing_learnt_off_the_site(reviewed, tmp_path):
    out = prospect(reviewed, "fixture", HENGAN, "--to", str(tmp_path)).stdout
    assert "3 label(s), 2 \"not this value\"" in out
    entry = tmp_path / "www.hengan-anfang.cn"
    labels = json.loads((entry / "labels.json").read_text("utf-8"))
    assert labels["partial"] is True
    assert labels["founded_year"] == 2008 and labels["registered_capital_cny"] == 20_000_000
    assert labels["product_brands"] and labels["not"] == {"business_model": "mixed", "headcount": 86}
    assert "headcount" not in labels and "office_type" not in labels  # unreviewed: unlabelled
    everything = "".join(p.read_text("utf-8", errors="replace") for p in entry.rglob("*") if p.is_file())
    assert REVIEWER not in everything and NOTE not in everything and "regular_no_arrears" not in everything
    manifest = json.loads((entry / "manifest.json").read_text("utf-8"))
    assert manifest["made_by"] == "prospect fixture" and manifest["start_url"] == HENGAN


def test_prospect_eval_measures_the_extractors_on_the_entries(reviewed, tmp_path):
    prospect(reviewed, "fixture", "--all-reviewed", "--to", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["www.hengan-anfang.cn", "www.jiakun-af.com"]
    report = prospect(reviewed, "eval", str(tmp_path)).stdout
    founded = next(line for line in report.splitlines() if line.startswith("founded_year "))
    assert founded.split()[-1] == "2/0/0"  # confirmed twice, extracted again
    headcount = next(line for line in report.splitlines() if line.startswith("headcount "))
    assert headcount.split()[-1] == "0/1/0"  # 86 again, which the rep said it is not
    assert "business_model" in report and "office_type " not in report  # unreviewed: not scored


def test_refusals_are_clear(reviewed, tmp_path):
    prospect(reviewed, "fixture", HENGAN, "--to", str(tmp_path))
    again = prospect(reviewed, "fixture", HENGAN, "--to", str(tmp_path), check=False)
    assert again.returncode == 6 and "--force replaces it" in again.stderr
    assert prospect(reviewed, "fixture", HENGAN, "--to", str(tmp_path), "--force").returncode == 0
    failed = prospect(reviewed, "fixture", BLOCKED, "--to", str(tmp_path), check=False)
    assert failed.returncode == 6 and "no crawled pages to save" in failed.stderr
    nothing = prospect(reviewed, "fixture", "--to", str(tmp_path), check=False)
    assert nothing.returncode == 2 and "--all-reviewed" in nothing.stderr
    assert "Traceback" not in again.stderr + failed.stderr + nothing.stderr
