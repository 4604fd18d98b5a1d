"""CRM import profiles (issue 16): `export --profile hubspot|salesforce|zh` names and fills the
columns the way each import expects them, from the CLI and the web app."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from prospect_intel.app.crm import profile_columns, profile_row, profiles
from prospect_intel.app.web import AppConfig, create_app
from tests.support.cli import prospect

LOCAL = {"Host": "127.0.0.1:8765"}


def _shape(**evidence):
    return {"url": "http://www.hengan-anfang.cn/", "domain": "hengan-anfang.cn", "name": "恒安科技", "status": "done",
            "error": None, "pages": [], "needs_review": [], "notes": [],
            "score": {"grade": "A", "total": 17.0, "grade_range": ["A", "A"]},
            "evidence": {k: {"value": v, "confidence": "high"} for k, v in evidence.items()}}


def test_hubspot_columns_and_values():
    shape = _shape(headcount=[100, None], founded_year=2009, phone_numbers=["0755-22968428", "13800138000"],
                   office_address="广东省深圳市南山区科技园中区8号")
    row = profile_row("hubspot", shape)
    assert profile_columns("hubspot")[:4] == ["Company name", "Company Domain Name", "Website URL", "Phone Number"]
    assert row["Company Domain Name"] == "hengan-anfang.cn" and row["Phone Number"] == "0755-22968428"
    assert row["Number of Employees"] == 100 and row["Headcount (as stated)"] == "100+"  # open-ended: lower bound
    assert (row["City"], row["Country/Region"]) == ("深圳市", "China")
    assert row["Year Founded"] == 2009 and row["Grade"] == "A"


@pytest.mark.parametrize("address, domain, city, country", [
    ("北京市海淀区知春路甲48号", "x.cn", "北京市", "China"),
    ("江苏省苏州市吴中区澄湖东路8号", "x.com", "苏州市", "China"),
    ("Suite 400, 100 Main Street, Boston, MA 02110", "x.com", "Boston", ""),
    ("Unit H8, Halesfield 19, Telford, TF7 4QT", "x.co.uk", "Telford", "United Kingdom"),
])
def test_the_address_is_split_into_city_and_country(address, domain, city, country):
    shape = _shape(office_address=address)
    shape["domain"] = domain
    row = profile_row("salesforce", shape)
    assert (row["BillingCity"], row["BillingCountry"]) == (city, country)


def test_salesforce_rates_by_grade_and_zh_names_columns_in_chinese():
    assert profile_row("salesforce", _shape())["Rating"] == "Hot"
    assert profile_columns("zh")[:3] == ["公司名称", "网址", "域名"]
    assert profile_row("zh", _shape(headcount=[10, 20]))["人数（网站所述）"] == "10-20"


def test_every_profile_names_only_values_the_export_knows():
    assert set(profiles()) == {"hubspot", "salesforce", "zh"}  # loading them checks their values


def test_export_profile_from_the_cli_and_the_web(sites_db, tmp_path):
    path = tmp_path / "hubspot.xlsx"
    prospect(sites_db, "export", "--format", "xlsx", "--profile", "hubspot", "-o", str(path))
    sheet = load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    assert header == profile_columns("hubspot")
    employees = [row[header.index("Number of Employees")] for row in sheet.iter_rows(min_row=2)]
    assert any(cell.data_type == "n" and cell.value for cell in employees)
    client = create_app(AppConfig(db_path=str(sites_db))).test_client()
    response = client.get("/export/prospects.csv?profile=zh", headers=LOCAL)
    assert response.status_code == 200
    assert next(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))[:2] == ["公司名称", "网址"]
    assert client.get("/export/prospects.csv?profile=nope", headers=LOCAL).status_code == 404
    refused = prospect(sites_db, "export", "--format", "json", "--profile", "zh", check=False)
    assert refused.returncode == 2


def test_export_with_chinese_headers(sites_db, tmp_path):
    path = tmp_path / "zh.csv"
    prospect(sites_db, "export", "--format", "csv", "--headers", "zh", "-o", str(path))
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert header[:3] == ["公司名称", "网址", "电话"] and "评级" in header and "公司人数" in header
    assert len(header) == len(set(header))  # 公司名称 of the CRM columns and of the field: both kept, told apart
    english = list(csv.reader(io.StringIO(prospect(sites_db, "export", "--format", "csv").stdout.lstrip("\ufeff"))))
    assert len(header) == len(english[0]) and [len(r) for r in rows] == [len(r) for r in english[1:]]
