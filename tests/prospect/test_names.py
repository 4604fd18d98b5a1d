"""One name rule everywhere: reviewed company_name > name given when queued > extracted name,
in `list` (text and JSON), `show`, the CSV export and the web list and prospect page."""
from __future__ import annotations

import csv
import io
import json

import pytest

from prospect_intel.app.names import prospect_name
from prospect_intel.core.models import ReviewFact
from tests.conftest import SITES
from tests.support.cli import prospect, show

HENGAN = "http://www.hengan-anfang.cn/"
JIAKUN = "http://www.jiakun-af.com/"
LOCAL = {"Host": "127.0.0.1:8765"}


def fact(action: str, value=None) -> ReviewFact:
    return ReviewFact("company_name", action, value, "phone")


@pytest.mark.parametrize("queued, extracted, review, name", [
    (None, "Extracted Ltd", None, "Extracted Ltd"),
    ("From CRM", "Extracted Ltd", None, "From CRM"),
    ("From CRM", "Extracted Ltd", fact("corrected", "Reviewed Ltd"), "Reviewed Ltd"),
    ("From CRM", "Extracted Ltd", fact("confirmed", "Extracted Ltd"), "Extracted Ltd"),
    (None, None, fact("added", "Added Ltd"), "Added Ltd"),
    ("From CRM", "Extracted Ltd", fact("rejected"), "From CRM"),
    (None, "Extracted Ltd", fact("rejected"), None),
    ("  ", None, None, None),
])
def test_precedence(queued, extracted, review, name):
    assert prospect_name(queued, extracted, review) == name


def names_everywhere(db, url: str) -> dict[str, str | None]:
    listed = {p["url"]: p["name"] for p in json.loads(prospect(db, "list", "--json").stdout)}
    table = prospect(db, "list").stdout
    export = prospect(db, "export", "--format", "csv").stdout.lstrip("\ufeff")
    rows = {r["Website"]: r for r in csv.DictReader(io.StringIO(export))}
    text_show = prospect(db, "show", url).stdout.splitlines()[0]
    return {"list --json": listed[url], "show --json": show(db, url)["name"], "export": rows[url]["Company Name"],
            "show": text_show.split("  ")[0], "list": next(line for line in table.splitlines() if url in line)}


def web_pages(db, url: str) -> tuple[str, str]:
    from prospect_intel.app.web import AppConfig, create_app

    client = create_app(AppConfig(db_path=str(db))).test_client()
    listing = client.get("/", headers=LOCAL).get_data(as_text=True)
    page = client.get("/prospect", query_string={"url": url}, headers=LOCAL).get_data(as_text=True)
    return listing, page


@pytest.fixture
def db(tmp_path):
    db = tmp_path / "names.db"
    prospect(db, "add", HENGAN, "--name", "恒安(CRM)")
    prospect(db, "add", JIAKUN)
    prospect(db, "crawl", "--quiet", "--replay", str(SITES))
    return db


def test_a_corrected_name_wins_everywhere(db):
    extracted = show(db, HENGAN)["evidence"]["company_name"]["value"]
    assert extracted != "恒安(CRM)"
    seen = names_everywhere(db, HENGAN)
    assert seen.pop("list").startswith("恒安(CRM)")
    assert set(seen.values()) == {"恒安(CRM)"}  # the queued name beats the extracted one

    prospect(db, "set", HENGAN, "company_name", "深圳恒安智能（已核实）", "--note", "business card")
    seen = names_everywhere(db, HENGAN)
    assert seen.pop("list").startswith("深圳恒安智能（已核实）")
    assert set(seen.values()) == {"深圳恒安智能（已核实）"}
    listing, page = web_pages(db, HENGAN)
    assert "深圳恒安智能（已核实）" in listing and "恒安(CRM)" not in listing
    assert '<h1 id="prospect-name">深圳恒安智能（已核实）</h1>' in page

    prospect(db, "set", HENGAN, "company_name", "--undo")
    assert show(db, HENGAN)["name"] == "恒安(CRM)"


def test_extracted_name_until_a_rep_rejects_it(db):
    extracted = show(db, JIAKUN)["evidence"]["company_name"]["value"]
    seen = names_everywhere(db, JIAKUN)
    assert seen.pop("list").startswith(extracted) and set(seen.values()) == {extracted}
    prospect(db, "set", JIAKUN, "company_name", "--reject", "--note", "that is the parent group")
    seen = names_everywhere(db, JIAKUN)
    assert seen["list --json"] is None and seen["show --json"] is None
    assert seen["export"] == "jiakun-af.com" and seen["list"].startswith("jiakun-af.com")
    listing, _ = web_pages(db, JIAKUN)
    assert extracted not in listing
