"""A Chinese sales team's morning in headless Chromium, in Chinese from the first page: upload the
rep's XLSX with Chinese headers, watch the night's crawl, review three prospects one after the
other with "下一个待审核", type a capital the Chinese way, and export for HubSpot."""
from __future__ import annotations

import re
import subprocess
import sys
import threading

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.conftest import SITES
from tests.support.cli import prospect
from tests.webapp.browsing import Watched

# Four saved sites with fields to review, replayed: the crawl is real (Scrapy, the pipeline, the
# store) but reads from disk, each answer paced so that the crawl lasts seconds.
SHEET = [("公司名称", "公司网址", "联系人"),
         ("天宇智安", "www.cdtianyu-zhian.com", "王经理"),
         ("安视捷", "http://www.zjanshijie.com.cn/", "李工"),
         ("嘉堃安防", "www.jiakun-af.com", "陈总"),
         ("瑞安达", "www.gz-ruianda.com", "刘工")]
PACED = ["--set", "PROSPECT_REPLAY_DELAY=0.2"]


@pytest.fixture
def served(tmp_path):
    from prospect_intel.app.web.server import build_server

    db = tmp_path / "morning.db"
    prospect(db, "init")
    running = build_server(str(db), "127.0.0.1", 0, reviewer="王经理")
    thread = threading.Thread(target=running.server.run, daemon=True)
    thread.start()
    yield db, running.url
    running.server.close()
    thread.join(timeout=5)


@pytest.fixture
def chinese_page(browser):
    context = browser.new_context(locale="zh-CN", accept_downloads=True, viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Watched(page)
    context.close()


def test_the_morning_in_chinese(served, chinese_page, tmp_path):
    db, url = served
    page = chinese_page.page
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("h1")).to_have_text("夜间调研结果")

    # the rep's spreadsheet, its columns named in Chinese and in another order than the tool's
    sheet = tmp_path / "客户名单.xlsx"
    workbook = openpyxl.Workbook()
    for row in SHEET:
        workbook.active.append(row)
    workbook.save(sheet)
    page.set_input_files("#file", str(sheet))
    page.get_by_role("button", name="加入队列").click()
    expect(page.locator(".flash-ok")).to_contain_text("新加入 4 个网址；0 个已存在")
    expect(page.locator("table.prospects")).to_contain_text("嘉堃安防")
    chinese_page.shot("zh-1-queued")

    # the night's crawl, seen from the list page while it runs
    page.goto(url)
    crawl = subprocess.Popen([sys.executable, "-m", "prospect_intel", "--db", str(db), "crawl", "--quiet",
                              "--replay", str(SITES), *PACED], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        expect(page.locator("#progress")).to_be_visible(timeout=30_000)
        expect(page.locator("#progress")).to_contain_text("正在抓取")
        expect(page.locator("#progress-text")).to_contain_text(re.compile(r"已处理 \d / 4 个网站"))
        chinese_page.shot("zh-2-crawling")
        expect(page.locator("#progress-done")).to_be_visible(timeout=60_000)
        expect(page.locator("#progress-done")).to_contain_text("抓取已完成")
        assert crawl.wait(timeout=60) == 0, crawl.stderr.read().decode()
    finally:
        if crawl.poll() is None:
            crawl.kill()

    # three prospects reviewed one after the other from the queue
    page.goto(url)
    expect(page.locator(".panel").first).to_contain_text("完成 4 个网站，失败 0 个")
    page.get_by_role("link", name="待审核", exact=True).first.click()  # the queue, worth most first
    page.locator("a.prospect-link").first.click()
    seen = []
    for step in range(3):
        if step:
            page.locator("#next-to-review").click()
        expect(page.locator("#grade")).to_be_visible()
        expect(page.locator("h2.section-title")).to_contain_text("证据")
        name = page.locator("#prospect-name").inner_text()
        assert name not in seen
        seen.append(name)
        if len(seen) == 2:  # the second one's registered capital, typed as the rep heard it
            card = page.locator("#field-registered_capital_cny")
            if card.count() == 0:
                page.select_option("#add-field", "registered_capital_cny")
                page.fill("#add-value", "500万")
                page.get_by_role("button", name="添加", exact=True).click()
            else:
                card.locator("summary").click()
                card.locator("input[name=value]").fill("500万")
                card.get_by_role("button", name="保存更正").click()
            expect(page.locator(".flash-ok").first).to_contain_text("读作 500万 → 5,000,000 CNY")
            expect(page.locator("#field-registered_capital_cny .value")).to_have_text("5,000,000")
            chinese_page.shot("zh-3-reviewed")
    assert len(seen) == 3

    # the export a sales manager imports into HubSpot
    page.goto(url)
    with page.expect_download() as info:
        page.get_by_role("link", name="HubSpot companies (XLSX)").click()
    got = tmp_path / "hubspot.xlsx"
    info.value.save_as(got)
    sheet = openpyxl.load_workbook(got).active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Company name", "Company Domain Name", "Website URL", "Phone Number"]
    rows = [dict(zip(header, (cell for cell in row))) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 4
    assert {row["Company Domain Name"].value for row in rows} >= {"jiakun-af.com", "gz-ruianda.com"}
    founded = [row["Year Founded"] for row in rows if row["Year Founded"].value is not None]
    assert founded and all(cell.data_type == "n" for cell in founded)
    employees = [row["Number of Employees"] for row in rows if row["Number of Employees"].value is not None]
    assert all(cell.data_type == "n" for cell in employees)
    assert all(row["Company name"].value for row in rows)
    assert not chinese_page.dialogs and not chinese_page.csp_violations
