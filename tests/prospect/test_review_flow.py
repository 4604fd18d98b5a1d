"""Review and scoring through the CLI, on a store filled by replaying the fixture sites."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from prospect_intel.app.cli import cli
from prospect_intel.app.store import Store
from prospect_intel.scoring.rubric import RUBRICS_DIR
from tests.conftest import SITES
from tests.support.cli import prospect

HENGAN = "http://www.hengan-anfang.cn/"
JIAKUN = "http://www.jiakun-af.com/"


@pytest.fixture(scope="module")
def crawled_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("review") / "crawled.db"
    prospect(db, "add", HENGAN, JIAKUN)
    prospect(db, "crawl", "--quiet", "--replay", str(SITES))
    return db


@pytest.fixture
def db(crawled_db, tmp_path):
    copy = tmp_path / "review.db"
    shutil.copy(crawled_db, copy)
    return copy


def run(db, *args, input=None, env=None):
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=input, env=env, catch_exceptions=False)


def show(db, url):
    return json.loads(run(db, "show", url, "--json").output)


def test_crawl_leaves_evidence_and_a_score(db):
    shape = show(db, HENGAN)
    assert shape["evidence"]["founded_year"]["value"] == 2008
    assert shape["evidence"]["founded_year"]["source_url"].endswith("about.html")
    assert shape["score"]["grade"] in ("A", "B", "C") and shape["score"]["rubric"] == "access-control-channel"
    assert set(shape["absent"]) <= set(["order_history", "sales_staff", "tech_staff"]) | set(shape["absent"])


def test_set_corrects_a_field_regrades_and_keeps_the_audit_trail(db):
    before = show(db, JIAKUN)
    result = run(db, "set", JIAKUN, "headcount", "5", "--source", "phone", "--note", "boss said 5 people",
                 env={"PROSPECT_REVIEWER": "li.wei"})
    assert result.exit_code == 0, result.output
    after = show(db, JIAKUN)
    assert after["evidence"]["headcount"]["value"] == 5
    assert "reviewed" in after["evidence"]["headcount"]["flags"]
    log = after["reviews"][-1]
    assert (log["field"], log["action"], log["to"], log["reviewer"], log["source"]) == (
        "headcount", "corrected", 5, "li.wei", "phone")
    assert log["from"] == before["evidence"]["headcount"]["value"]
    # the extracted value is still stored, and undo brings it back
    assert Store(db).evidence(Store(db).prospect_row(JIAKUN)["id"])["headcount"].value == log["from"]
    run(db, "set", JIAKUN, "headcount", "--undo")
    assert show(db, JIAKUN)["evidence"]["headcount"]["value"] == log["from"]


def test_rep_facts_decide_financial_strength(db):
    run(db, "set", JIAKUN, "order_history", "small_with_arrears", "--source", "crm")
    indicators = {i["name"]: i for i in show(db, JIAKUN)["score"]["indicators"]}
    assert indicators["financial_strength"]["points"] == 1


def test_reject_removes_the_field_from_scoring(db):
    run(db, "set", HENGAN, "registered_capital_cny", "--reject", "--note", "not on the licence")
    shape = show(db, HENGAN)
    assert "registered_capital_cny" not in shape["evidence"]
    assert shape["reviews"][-1]["action"] == "rejected"


@pytest.mark.parametrize(
    "field, value, message",
    [("headcount", "many", "not a valid value"), ("business_model", "retailer", "not a valid value"),
     ("founded_year", "-3", "not a valid value")],
)
def test_set_validates_typed_values(db, field, value, message):
    result = CliRunner().invoke(cli, ["--db", str(db), "set", HENGAN, field, "--", value])
    assert result.exit_code != 0 and message in str(result.exception)


def test_interactive_review_confirms_and_adds_rep_facts(db):
    shape = show(db, HENGAN)
    to_review = shape["needs_review"] or list(shape["evidence"])
    assert "order_history" not in shape["evidence"]
    answers = "c\n" + "s\n" * (len(to_review) - 1) + "n\n" * 2  # sales and technical staff: left as they are
    answers += "y\nmany\nregular_no_arrears\nvisit\nmet them at the fair\n"  # a typo first, then the value
    answers += "n\n"  # no note
    result = run(db, "review", HENGAN, input=answers)
    assert result.exit_code == 0, result.output
    assert "not a valid value" in result.output
    after = show(db, HENGAN)
    assert (after["reviews"][0]["field"], after["reviews"][0]["action"]) == (to_review[0], "confirmed")
    assert after["evidence"]["order_history"]["value"] == "regular_no_arrears"
    assert after["reviews"][-1]["source"] == "visit"


def test_score_with_another_rubric_is_remembered(db):
    result = run(db, "score", "--rubric", "cctv-installer-en")
    assert "scored with cctv-installer-en" in result.output
    assert show(db, HENGAN)["score"]["rubric"] == "cctv-installer-en"
    run(db, "extract", HENGAN)
    assert show(db, HENGAN)["score"]["rubric"] == "cctv-installer-en"


def test_export_xlsx_and_crm_csv(db, tmp_path):
    from openpyxl import load_workbook

    run(db, "export", "--format", "xlsx", "-o", str(tmp_path / "out.xlsx"))
    sheet = load_workbook(tmp_path / "out.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["Company Name", "Website", "Phone", "Other Phones", "Fax", "Address"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[HENGAN][0] == "深圳市恒安智能安防科技有限公司"
    assert rows[HENGAN][header.index("Grade")] in ("A", "B", "C")


def test_end_to_end_grades_review_rescore_export(db, tmp_path):
    import csv
    import io

    assert (show(db, HENGAN)["score"]["grade"], show(db, HENGAN)["score"]["total"]) == ("A", 21)
    start = show(db, JIAKUN)["score"]
    assert (start["grade"], start["total"], start["grade_range"]) == ("B", 15, ["C", "A"])
    run(db, "set", JIAKUN, "headcount", "5", "--note", "visited: five people")
    run(db, "set", JIAKUN, "order_history", "small_with_arrears", "--source", "crm")
    run(db, "set", JIAKUN, "years_in_access_control", "1", "--note", "started selling access control last year")
    after = show(db, JIAKUN)["score"]
    points = {i["name"]: i["points"] for i in after["indicators"]}
    assert (points["headcount"], points["financial_strength"], points["years_in_access_control"]) == (2, 1, 1)
    assert (after["grade"], after["total"]) == ("C", 9)
    target = tmp_path / "crm.csv"
    run(db, "export", "--format", "csv", "-o", str(target))
    rows = {r["Website"]: r for r in csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig")))}
    assert (rows[JIAKUN]["Grade"], rows[JIAKUN]["Score Total"], rows[JIAKUN]["headcount"]) == ("C", "9", "5")
    assert (rows[HENGAN]["Grade"], rows[HENGAN]["Company Name"]) == ("A", "深圳市恒安智能安防科技有限公司")
    assert rows[HENGAN]["Phone"] == "0755-83456701"
    assert "0755-83456702" in rows[HENGAN]["Other Phones"]


def test_a_rubric_file_is_remembered_from_any_folder(db, tmp_path):
    """`score --rubric mine.toml` remembers the file itself: `extract` run from another folder
    (holding a different mine.toml) grades with the same one."""
    text = (RUBRICS_DIR / "cctv-installer-en.toml").read_text(encoding="utf-8")
    team, elsewhere = tmp_path / "team", tmp_path / "elsewhere"
    team.mkdir(), elsewhere.mkdir()
    (team / "mine.toml").write_text(text.replace('name = "cctv-installer-en"', 'name = "team-rubric"'))
    (elsewhere / "mine.toml").write_text(text.replace('name = "cctv-installer-en"', 'name = "other-rubric"'))
    prospect(db, "score", "--rubric", "mine.toml", cwd=team)
    result = prospect(db, "extract", HENGAN, cwd=elsewhere)
    assert "with rubric team-rubric" in result.stdout


def test_show_never_contradicts_itself(db):
    """A field the rep gave a value is not also listed as absent; a rejected field shows as rejected."""
    assert "order_history" in show(db, HENGAN)["absent"]  # the site does not say
    prospect(db, "set", HENGAN, "order_history", "regular_no_arrears", "--source", "visit")
    shape = show(db, HENGAN)
    assert "order_history" in shape["evidence"] and "order_history" not in shape["absent"]
    prospect(db, "set", HENGAN, "founded_year", "--reject")
    shape = show(db, HENGAN)
    assert shape["rejected"] == ["founded_year"]
    assert "founded_year" not in shape["absent"] and "founded_year" not in shape["evidence"]
    assert "rejected (by a review): founded_year" in prospect(db, "show", HENGAN).stdout
