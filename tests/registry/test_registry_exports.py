"""Registry exports read into rows: the fixture exports of tests/fixtures/registry in each source's layout,
and every file that must be refused with a message saying what to do."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from prospect_intel.app.registry import exports
from prospect_intel.app.registry.exports import RegistryFileError, read_export
from prospect_intel.app.registry.values import Capital
from tests.conftest import FIXTURES

REGISTRY = FIXTURES / "registry"


@pytest.fixture(scope="module")
def qichacha():
    return read_export(REGISTRY / "qichacha_export.xlsx")


@pytest.fixture(scope="module")
def tianyancha():
    return read_export(REGISTRY / "tianyancha_export.xlsx")


@pytest.fixture(scope="module")
def companies_house():
    return read_export(REGISTRY / "companies_house.csv")


@pytest.fixture(scope="module")
def generic():
    return read_export(REGISTRY / "generic_gbk.csv")


def _row(export, name):
    return next(row for row in export.rows if row.name == name)


@pytest.mark.parametrize(("file", "format_", "sheet", "header_row", "rows", "first_row"), [
    ("qichacha_export.xlsx", "qichacha", "企查查导出数据", 3, 12, 4),
    ("tianyancha_export.xlsx", "tianyancha", "天眼查导出", 2, 7, 3),
    ("companies_house.csv", "companies-house", None, 1, 7, 2),
    ("generic_gbk.csv", "csv", None, 1, 6, 2),
])
def test_each_format_is_found_by_its_header_below_the_title_rows(file, format_, sheet, header_row, rows, first_row):
    export = read_export(REGISTRY / file)
    assert (export.format, export.sheet, export.header_row) == (format_, sheet, header_row)
    assert len(export.rows) == rows
    assert [row.row for row in export.rows] == list(range(first_row, first_row + rows))
    assert export.sha256 == hashlib.sha256((REGISTRY / file).read_bytes()).hexdigest()


def test_qichacha_row_facts_with_their_cells_and_columns(qichacha):
    row = _row(qichacha, "深圳市恒安智能安防科技有限公司")
    assert row.row == 4
    assert row.values == {
        "registry_id": "91440300670012345X", "legal_representative": "张建华",
        "registered_capital": Capital(10_000_000.0, "CNY", "1000万元人民币"), "registered_capital_cny": 10_000_000.0,
        "paid_in_capital_cny": 3_000_000.0, "founded": date(2008, 5, 16), "registry_status": "active",
        "registry_status_text": "存续", "insured_staff": 72, "staff_band": "50-99人",
        "industry": "软件和信息技术服务业",
        "registered_address": "广东省深圳市南山区科技园南区高新南七道", "website": "www.hengan-anfang.cn",
        "business_scope": "安防监控系统、门禁系统、智能化工程的设计、安装及维护；安防产品的销售。", "city": "深圳"}
    assert row.cells["registered_capital"] == "1000万元人民币"
    assert row.columns["registered_address"] == "企业地址"
    assert (row.cells["city"], row.columns["city"]) == ("深圳市恒安智能安防科技有限公司", "企业名称")
    assert row.notes == ()
    assert qichacha.columns["registry_id"] == "统一社会信用代码"


def test_a_foreign_capital_is_kept_unconverted_with_a_note(qichacha):
    row = _row(qichacha, "上海锐视安防设备有限公司")
    assert row.values["registered_capital"] == Capital(1_000_000.0, "USD", "100万美元")
    assert "registered_capital_cny" not in row.values and "paid_in_capital_cny" not in row.values
    assert row.cells["registered_capital"] == "100万美元"
    assert "注册资本 100万美元: stated in USD, not converted" in row.notes


@pytest.mark.parametrize(("name", "fact", "value"), [
    ("北京中安恒信科技有限公司", "founded", date(2024, 3, 12)),  # 2024/3/12
    ("南京宁盾智能科技有限公司", "founded", date(2010, 4, 20)),  # 2010年4月20日
    ("武汉天河智联科技有限公司", "founded", date(2018, 6, 30)),  # 2018.06.30
    ("武汉天河智联科技有限公司", "registered_capital_cny", 120_000_000.0),  # 1.2亿元
    ("武汉天河智联科技有限公司", "registry_status", "active"),  # 存续（在营、开业、在册）
    ("武汉天河智联科技有限公司", "insured_staff", 612),
    ("苏州明瑞智能系统有限公司", "registered_capital_cny", 5_000_000.0),  # 500.000000万人民币
    ("苏州明瑞智能系统有限公司", "city", "苏州"),  # from the address: the name has no 市
    ("东莞市鑫盾电子科技有限公司", "registered_capital_cny", 10_000_000.0),  # 1000万(元)
    ("东莞市鑫盾电子科技有限公司", "registry_status", "revoked"),  # 吊销，未注销
    ("佛山市南海嘉堃安防工程有限公司", "registry_status", "deregistered"),
    ("佛山市南海嘉堃安防工程有限公司", "insured_staff", 0),
    ("重庆渝安消防安全工程有限公司", "city", "重庆"),
    ("厦门海晟安防科技有限公司", "registered_capital", Capital(500_000.0, "HKD", "50万港元")),
])
def test_qichacha_cells_in_their_many_forms(qichacha, name, fact, value):
    assert _row(qichacha, name).values[fact] == value


@pytest.mark.parametrize(("name", "absent"), [
    ("北京中安恒信科技有限公司", "website"),  # "-"
    ("广州瑞安达安防科技有限公司", "registered_capital"),
    ("东莞市鑫盾电子科技有限公司", "insured_staff"),
    ("东莞市鑫盾电子科技有限公司", "staff_band"),
])
def test_a_dash_cell_gives_no_value_but_keeps_its_cell(qichacha, name, absent):
    row = _row(qichacha, name)
    assert absent not in row.values
    assert row.cells[absent] == "-"


def test_the_footer_and_the_empty_row_above_it_are_skipped(qichacha):
    assert qichacha.rows[-1].name == "厦门海晟安防科技有限公司"
    assert all("数据来源" not in row.name for row in qichacha.rows)


def test_tianyancha_dates_from_date_cells_and_text(tianyancha):
    assert _row(tianyancha, "成都天宇智安科技有限公司").values["founded"] == date(2011, 6, 8)  # text 2011/6/8
    row = _row(tianyancha, "浙江安视捷智能科技股份有限公司")
    assert row.values["founded"] == date(2012, 8, 15)  # an Excel date cell
    assert row.cells["founded"] == "2012-08-15"


def test_tianyancha_city_column_and_facts(tianyancha):
    row = _row(tianyancha, "成都天宇智安科技有限公司")
    assert row.values["city"] == "成都"
    assert row.columns["city"] == "所属城市"
    assert row.values["website"] == "http://www.cdtianyu-zhian.com"
    assert row.values["registered_capital_cny"] == 5_000_000.0
    assert row.values["staff_band"] == "少于50人"
    assert _row(tianyancha, "浙江安视捷智能科技股份有限公司").values["insured_staff"] == 45
    assert _row(tianyancha, "长沙星城安防科技有限公司").values["registry_status"] == "revoked"


def test_companies_house_joins_the_address_and_the_sic_texts(companies_house):
    row = _row(companies_house, "NORTHGATE ACCESS SYSTEMS LIMITED")
    assert row.values["registry_id"] == "05123456"
    assert row.values["registered_address"] == ("SUITE 4.02 CANAL VIEW HOUSE, 112 WHITWORTH STREET WEST, MANCHESTER, "
                                                "M1 5WZ")
    assert row.values["business_scope"] == ("80200 - Security systems service activities; "
                                            "43210 - Electrical installation")
    assert row.values["founded"] == date(2004, 3, 12)  # 12/03/2004, day first
    assert row.values["city"] == "MANCHESTER"
    assert "dissolved" not in row.values and "website" not in row.values  # URI is the register's page, not a site
    assert companies_house.columns["registry_id"] == "CompanyNumber"  # its stray leading space dropped
    assert companies_house.columns["registered_address"] == ("RegAddress.AddressLine1, RegAddress.AddressLine2, "
                                                             "RegAddress.PostTown, RegAddress.County, "
                                                             "RegAddress.PostCode")


@pytest.mark.parametrize(("name", "status", "dissolved"), [
    ("SEVERN SECURITY SOLUTIONS LIMITED", "dissolved", date(2023, 2, 21)),
    ("ALDERLEY FIRE & SECURITY LIMITED", "liquidation", None),
    ("CALDER INTEGRATED SYSTEMS PLC", "liquidation", None),
    ("KESTREL ACCESS CONTROL LTD", "active", None),
])
def test_companies_house_status_and_dissolution(companies_house, name, status, dissolved):
    row = _row(companies_house, name)
    assert row.values["registry_status"] == status
    assert row.values.get("dissolved") == dissolved
    assert row.values["registry_status_text"] == row.cells["registry_status"]


def test_the_gbk_csv_reads_bare_capitals_in_wan_from_its_header(generic):
    assert generic.columns["registered_capital"] == "注册资本(万元)"
    nanjing, suzhou = (row for row in generic.rows if row.name == "宁盾智能科技有限公司")
    assert nanjing.values["registered_capital"] == Capital(2_000_000.0, "CNY", "200")
    assert (nanjing.values["city"], suzhou.values["city"]) == ("南京", "苏州")
    assert "website" not in nanjing.values
    branch = _row(generic, "浙江安视捷智能科技有限公司杭州分公司")
    assert branch.values["website"] == "www.zjanshijie.com.cn"
    assert _row(generic, "昆明滇安科技有限公司").values["founded"] == date(2011, 9, 9)


@pytest.mark.parametrize(("file", "message"), [
    ("encrypted.xlsx", "encrypted or old-style .xls workbook: save it as an unencrypted .xlsx or CSV"),
    ("damaged.xlsx", "is a damaged XLSX workbook"),
    ("not_an_export.csv", "is not a registry export: none of its first 20 rows is a header"),
    ("utf16.csv", "is UTF-16 text or a binary file"),
    ("no-such-file.csv", "cannot read"),
])
def test_bad_files_are_refused_with_what_to_do(file, message):
    with pytest.raises(RegistryFileError, match=message) as error:
        read_export(REGISTRY / file)
    assert error.value.exit_code == 7
    assert file in str(error.value)


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_bytes_in_neither_utf8_nor_gb18030_are_refused(tmp_path):
    path = _write(tmp_path, "企业名称,统一社会信用代码,注册资本\n")
    path.write_bytes(path.read_bytes() + b"\xff\xfe\x80\x81\xff\n")
    with pytest.raises(RegistryFileError, match="neither UTF-8 nor GBK/GB18030"):
        read_export(path)


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(exports, "MAX_EXPORT_BYTES", 1024)
    with pytest.raises(RegistryFileError, match=r"is 4\.\d KB; registry exports above 1 KB are refused: split it"):
        read_export(REGISTRY / "companies_house.csv")


def test_the_size_is_said_in_gigabytes():
    assert exports._human(1 << 30) == "1.0 GB"
    assert exports._human(200 * 1024 * 1024) == "200 MB"


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 5)
    with pytest.raises(RegistryFileError, match="more than 5 company rows"):
        read_export(REGISTRY / "qichacha_export.xlsx")


@pytest.mark.parametrize(("file", "format_", "missing"), [
    ("qichacha_export.xlsx", "companies-house", "lacks CompanyName, CompanyNumber"),
    ("companies_house.csv", "qichacha", "lacks 企业名称"),
])
def test_a_given_format_the_file_does_not_fit_is_refused(file, format_, missing):
    with pytest.raises(RegistryFileError, match=f"is not a {format_} export: its header \\(row \\d\\) {missing}"):
        read_export(REGISTRY / file, format_)


def test_a_given_format_that_fits_is_used():
    assert read_export(REGISTRY / "tianyancha_export.xlsx", "csv").format == "csv"
    with pytest.raises(RegistryFileError, match="unknown registry export format xls"):
        read_export(REGISTRY / "generic_gbk.csv", "xls")


def test_a_header_without_a_company_name_column_is_refused(tmp_path):
    path = _write(tmp_path, "统一社会信用代码,注册资本,成立日期\n91440300670012345X,100万元,2008-05-16\n")
    with pytest.raises(RegistryFileError, match="no company-name column in its header \\(row 1\\)"):
        read_export(path)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters_excel_uses(tmp_path, delimiter):
    lines = [["name", "website", "registration number"], ["Acme Ltd", "www.acme.example", "01234567"]]
    path = _write(tmp_path, "\r\n".join(delimiter.join(line) for line in lines) + "\r\n", "utf-8-sig")
    row = read_export(path).rows[0]
    assert (row.name, row.values["website"], row.values["registry_id"]) == ("Acme Ltd", "www.acme.example", "01234567")


def test_a_two_column_csv_with_a_name_column_is_an_export(tmp_path):
    export = read_export(_write(tmp_path, "company,website\nAcme Ltd,www.acme.example\n"))
    assert (export.format, export.rows[0].values["website"]) == ("csv", "www.acme.example")


def test_empty_rows_and_rows_without_name_or_code_are_skipped_and_reading_goes_on(tmp_path):
    lines = ["公司名称,统一社会信用代码,登记状态", "甲公司,,存续", ",,", ",,注销", ",91440300670012345x,在业",
             "乙公司,,存续"]
    path = _write(tmp_path, "\n".join(lines) + "\n", "gb18030")
    export = read_export(path)
    assert [(row.row, row.name) for row in export.rows] == [(2, "甲公司"), (5, ""), (6, "乙公司")]
    assert export.rows[1].values["registry_id"] == "91440300670012345X"


def test_the_first_worksheet_with_a_header_is_read(tmp_path):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(("本文件由企查查导出",))
    sheet = book.create_sheet("数据")
    sheet.append(("企业名称", "登记状态", "参保人数", "注册资本"))
    sheet.append(("甲公司", "存续", 3, 100))
    book.save(tmp_path / "export.xlsx")
    export = read_export(tmp_path / "export.xlsx")
    assert (export.sheet, export.format, export.rows[0].values["insured_staff"]) == ("数据", "qichacha", 3)
    assert export.rows[0].values["registered_capital_cny"] == 100.0


def test_of_two_columns_naming_one_fact_the_first_filled_one_is_read(tmp_path):
    path = _write(tmp_path, "企业名称,统一社会信用代码,注册号,注册资本（万元）\n甲公司,-,440301000123456,300\n")
    row = read_export(path).rows[0]
    assert (row.values["registry_id"], row.columns["registry_id"]) == ("440301000123456", "注册号")
    assert row.values["registered_capital_cny"] == 3_000_000.0  # the full-width (万元) read as the unit
