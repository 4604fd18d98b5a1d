"""Prospects come in as reps have them (issue 16): CSV, TSV or XLSX, the URL column found by its
header whatever it is called (or by its content), title rows skipped, standard input too."""
from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from openpyxl import Workbook

from prospect_intel.app.queue_input import read_url_file
from prospect_intel.app.web import AppConfig, create_app
from prospect_intel.core.errors import ProspectError
from tests.support.cli import prospect

LOCAL = {"Host": "127.0.0.1:8765"}


def _xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _read(path):
    return [(row.line, row.url, row.name) for row in read_url_file(path)]


@pytest.mark.parametrize("header, name_header", [
    ("url", "name"), ("Website", "Company"), ("web site", "company name"), ("Domain", "Account Name"),
    ("网址", "公司名称"), ("官网", "企业名称"), ("公司网址", "客户名称"), ("网站", "名称"),
])
def test_the_url_and_name_columns_are_found_by_their_headers(tmp_path, header, name_header):
    path = tmp_path / "crm.csv"
    path.write_text(f"城市,{name_header},{header}\n深圳,恒安科技,www.hengan-anfang.cn\n", encoding="utf-8")
    assert _read(path) == [(2, "http://www.hengan-anfang.cn/", "恒安科技")]


def test_a_tsv_file(tmp_path):
    path = tmp_path / "crm.tsv"
    path.write_text("公司名称\t官网\n恒安科技\thttps://www.hengan-anfang.cn\n", encoding="utf-8")
    assert _read(path) == [(2, "https://www.hengan-anfang.cn/", "恒安科技")]


def test_an_xlsx_workbook_with_title_rows_above_its_chinese_header(tmp_path):
    path = _xlsx(tmp_path / "客户.xlsx", [
        ["2026年12月 华南区渠道客户清单"], [None], ["序号", "公司名称", "联系人", "官网"],
        [1, "恒安科技", "张先生", "www.hengan-anfang.cn"], [2, "佳信弱电", "李女士", "jiaxin.cn"],
    ])
    assert _read(path) == [(4, "http://www.hengan-anfang.cn/", "恒安科技"), (5, "http://jiaxin.cn/", "佳信弱电")]


def test_without_a_header_the_url_column_is_found_by_its_content(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("恒安科技,深圳,www.hengan-anfang.cn\n佳信弱电,广州,jiaxin.cn\n", encoding="utf-8")
    assert [url for _, url, _ in _read(path)] == ["http://www.hengan-anfang.cn/", "http://jiaxin.cn/"]


def test_a_table_with_no_url_column_says_which_columns_it_saw(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("公司名称,联系人,电话\n恒安科技,张先生,0755-22968428\n", encoding="utf-8")
    with pytest.raises(ProspectError, match="no column holds URLs.*'公司名称', '联系人', '电话'"):
        list(read_url_file(path))


def test_an_old_excel_file_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(ProspectError, match=r"\.xls\) file: save it as \.xlsx or \.csv"):
        list(read_url_file(path))


def test_add_reads_standard_input(tmp_path):
    env_db = tmp_path / "store.db"
    done = subprocess.run([sys.executable, "-m", "prospect_intel", "--db", str(env_db), "add", "--file", "-"],
                          input="网址\nwww.hengan-anfang.cn\njiaxin.cn\n".encode("gbk"), capture_output=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "added 2" in done.stdout.decode()
    listed = prospect(env_db, "list").stdout
    assert "hengan-anfang.cn" in listed and "jiaxin.cn" in listed


def test_the_web_upload_reads_an_xlsx_with_chinese_headers(tmp_path):
    client = create_app(AppConfig(db_path=str(tmp_path / "store.db"))).test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/", headers=LOCAL).get_data(as_text=True))
    data = io.BytesIO()
    book = Workbook()
    for row in (["公司名称", "官网"], ["恒安科技", "www.hengan-anfang.cn"], ["佳信弱电", "jiaxin.cn"]):
        book.active.append(row)
    book.save(data)
    form = {"csrf_token": token.group(1), "file": (io.BytesIO(data.getvalue()), "客户.xlsx")}
    page = client.post("/queue", data=form, headers=LOCAL, content_type="multipart/form-data",
                       follow_redirects=True).get_data(as_text=True)
    assert "Queued 2 new URL(s)" in page and "恒安科技" in page


def test_a_damaged_workbook_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"not really a zip file" * 10)
    result = prospect(tmp_path / "store.db", "add", "--file", str(path), check=False)
    assert result.returncode == 1 and "is not a readable XLSX workbook" in result.stderr
    assert "Traceback" not in result.stderr
