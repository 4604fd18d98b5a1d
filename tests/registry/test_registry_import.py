"""`prospect import-registry` on a store with every fixture site crawled: rows matched by registry
number, website and name; facts stored with their provenance; grades changed by the registry's
word; nothing changed by a second import; nothing imported from a bad file."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, copy_store
from tests.support.cli import prospect, show

EXPORTS = FIXTURES / "registry"
HENGAN, ZHONGAN, JIAXIN = "http://www.hengan-anfang.cn/", "http://www.zhongan-tech.com/", "http://www.jiakun-af.com/"
NINGDUN, NORTHGATE = "http://www.njningdun.com/", "https://www.northgate-access.co.uk/"


@pytest.fixture
def store(sites_db: Path, tmp_path: Path) -> Path:
    return copy_store(sites_db, tmp_path / "store.db")


def _rows(db: Path) -> dict[str, tuple]:
    """Imported row name (and row number) -> (matched prospect URL, how, score)."""
    with sqlite3.connect(db) as conn:
        found = conn.execute("SELECT r.name, r.row, p.url, r.matched_by, r.match_score FROM registry_rows r "
                             "LEFT JOIN prospects p ON p.id = r.prospect_id").fetchall()
    return {f"{name}#{row}": (url, how, score) for name, row, url, how, score in found}


def test_rows_match_by_registry_number_website_and_name(store):
    for export in ("qichacha_export.xlsx", "tianyancha_export.xlsx", "companies_house.csv"):
        prospect(store, "import-registry", str(EXPORTS / export))
    rows = _rows(store)
    assert rows["NORTHGATE ACCESS SYSTEMS LIMITED#2"][:2] == (NORTHGATE, "registry_number")  # "No. 05123456"
    assert rows["深圳市恒安智能安防科技有限公司#4"][:2] == (HENGAN, "website")
    assert rows["北京中安恒信科技有限公司#5"][:2] == (ZHONGAN, "name")  # no website in the row
    assert rows["浙江安视捷智能科技股份有限公司#4"][:2] == ("http://www.zjanshijie.com.cn/", "name_normalised")
    assert rows["NORTHGATE ACCESS SYSTEMS (SCOTLAND) LIMITED#8"][0] is None  # another company
    assert rows["杭州安居门禁科技有限公司#9"][0] is None


def test_same_name_in_two_cities_matches_the_prospects_city_only(store):
    result = prospect(store, "import-registry", str(EXPORTS / "generic_gbk.csv"))
    rows = _rows(store)
    url, how, score = rows["宁盾智能科技有限公司#2"]  # 南京
    assert (url, how) == (NINGDUN, "name_fuzzy") and 0.85 <= score < 1
    assert rows["宁盾智能科技有限公司#3"][0] is None  # 苏州: a different company
    assert "but in 苏州 (the prospect is in 南京)" in result.stdout
    assert "matched by a similar name (score 0.86)" in result.stdout
    facts = show(store, NINGDUN)["registry"]["facts"]
    assert facts["registered_capital_cny"]["confidence"] == "low"  # fuzzy: the rep confirms first


def test_registry_facts_are_evidence_with_their_provenance(store):
    prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"))
    shape = show(store, HENGAN)
    capital = shape["registry"]["facts"]["registered_capital_cny"]
    assert capital["value"] == 10_000_000 and capital["snippet"] == "1000万元人民币"
    assert capital["source_url"] == "registry:qichacha_export.xlsx#row=4"
    assert "column 注册资本" in capital["method"] and "matched by website" in capital["method"]
    assert shape["evidence"]["insured_staff"]["value"] == 72
    assert shape["evidence"]["registry_status"]["value"] == "active"
    assert "legal_representative" not in shape["evidence"]  # a person's data: not in the JSON unless asked
    checks = {c["field"]: c["state"] for c in shape["registry"]["checks"]}
    assert checks["registered_capital_cny"] == "agrees" and checks["founded_year"] == "agrees"


def test_an_exaggerating_site_is_graded_on_the_registry(store):
    before = show(store, ZHONGAN)["score"]
    result = prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"))
    after = show(store, ZHONGAN)
    assert (before["grade"], after["score"]["grade"]) == ("A", "B")
    assert "北京中安恒信科技有限公司: grade A → B" in result.stdout and "grades changed: 2" in result.stdout
    checks = {c["field"]: c for c in after["registry"]["checks"]}
    assert checks["registered_capital_cny"]["state"] == "site_claims_more"
    assert checks["registered_capital_cny"]["used"] == "registry"
    assert after["evidence"]["registered_capital_cny"]["value"] == 500_000
    assert "implausible" in after["evidence"]["headcount"]["flags"]  # 150+ claimed, 12 insured


def test_a_deregistered_company_is_knocked_out(store):
    prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"))
    score = show(store, JIAXIN)["score"]
    assert score["grade"] == "C"
    assert score["knockouts"] == ["no_longer_trading"]
    assert "no longer trades" in json.dumps(score["knockout"])


def test_the_same_file_twice_changes_nothing(store):
    prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"))
    with sqlite3.connect(store) as conn:
        before = conn.execute("SELECT count(*) FROM scores").fetchone()[0]
    again = prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"))
    assert "(same bytes): nothing changed" in again.stdout
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT count(*) FROM scores").fetchone()[0] == before
        assert conn.execute("SELECT count(*) FROM registry_imports").fetchone()[0] == 1


@pytest.mark.parametrize("bad, message", [
    ("encrypted.xlsx", "encrypted or old-style .xls"),
    ("damaged.xlsx", "damaged XLSX"),
    ("utf16.csv", "UTF-16"),
    ("not_an_export.csv", "is not a registry export"),
])
def test_a_bad_file_is_refused_and_imports_nothing(store, bad, message):
    result = prospect(store, "import-registry", str(EXPORTS / bad), check=False)
    assert result.returncode == 7 and message in result.stderr and "Traceback" not in result.stderr
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT count(*) FROM registry_imports").fetchone()[0] == 0


def test_unmatched_rows_can_be_queued(store):
    result = prospect(store, "import-registry", str(EXPORTS / "tianyancha_export.xlsx"), "--queue-unmatched")
    assert "queued" in result.stdout
    listed = json.loads(prospect(store, "list", "--status", "queued", "--json").stdout)
    with sqlite3.connect(store) as conn:
        websites = [w for (w,) in conn.execute("SELECT website FROM registry_rows WHERE prospect_id IS NULL "
                                               "AND website IS NOT NULL")]
    assert websites and len(listed) >= len(websites)


def test_export_carries_registry_columns_and_a_person_only_when_asked(store, tmp_path):
    prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"))
    plain, personal = tmp_path / "plain.csv", tmp_path / "personal.csv"
    prospect(store, "export", "--format", "csv", "-o", str(plain))
    prospect(store, "export", "--format", "csv", "--with-personal", "-o", str(personal))
    header = plain.read_text("utf-8-sig").splitlines()[0]
    assert "insured_staff" in header and "registry_status" in header and "Registry Checks" in header
    assert "legal_representative" not in header and "张建华" not in plain.read_text("utf-8-sig")
    assert "legal_representative" in personal.read_text("utf-8-sig").splitlines()[0]
    assert "张建华" in personal.read_text("utf-8-sig")


def test_the_import_speaks_chinese(store):
    result = prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"), env={"PROSPECT_LANG": "zh"})
    assert "北京中安恒信科技有限公司：评级 A → B" in result.stdout
    assert "按网站 3 条" in result.stdout and "表头在第 3 行" in result.stdout


def test_the_prospect_page_shows_both_sides_escaped(store, tmp_path):
    from prospect_intel.app.web import AppConfig, create_app

    hostile = tmp_path / "hostile.csv"  # a registry cell is untrusted text too
    hostile.write_text("公司名称,网址,经营范围,法定代表人\n恒达安防科技有限公司,www.hengda-anfang.com,"
                       "<script>alert(1)</script>门禁系统,<b>王五</b>\n", encoding="utf-8")
    prospect(store, "import-registry", str(EXPORTS / "qichacha_export.xlsx"))
    prospect(store, "import-registry", str(hostile))
    client = create_app(AppConfig(db_path=str(store), reviewer="test-rep")).test_client()
    headers = {"Host": "127.0.0.1:8765", "Accept-Language": "zh-CN"}
    page = client.get("/prospect", query_string={"url": ZHONGAN}, headers=headers).get_data(as_text=True)
    assert 'id="registry"' in page and "网站与工商登记" in page and 'id="check-registered_capital_cny"' in page
    assert "网站所称高于登记" in page and "李卫东" in page  # the rep sees the legal representative
    page = client.get("/prospect", query_string={"url": "http://www.hengda-anfang.com/"},
                      headers=headers).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>王五</b>" not in page
