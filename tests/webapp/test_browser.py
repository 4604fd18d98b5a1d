"""The review app in headless Chromium: list, prospect page, correcting a field, exports, queueing,
and the hostile fixture site whose payloads must show as text and never run."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from prospect_intel.app.store import Store
from tests.crawler.test_loopback import _company
from tests.support.cli import FAST, prospect
from tests.support.webserver import stop_all
from tests.webapp.browsing import Watched

NORTHGATE = "https://www.northgate-access.co.uk/"
HOSTILE = "http://www.hengda-anfang.com/"


def prospect_url(base: str, url: str) -> str:
    return f"{base}prospect?url={quote(url, safe='')}"


def test_list_shows_grades_filters_and_chart(live_url, watched):
    page = watched.page
    page.goto(live_url)
    expect(page.locator("h1")).to_have_text("Overnight results")
    rows = page.locator("table.prospects tbody tr")
    expect(rows).to_have_count(13)
    expect(page.locator("svg[aria-label='grade distribution'] rect")).to_have_count(5)
    watched.shot("list")
    page.locator("input[name=grade][value=A]").check()
    page.get_by_role("button", name="Apply").click()
    grades = page.locator("table.prospects tbody .grade").all_inner_texts()
    assert grades and set(grades) == {"A"}
    page.fill("input[name=q]", "恒安")
    page.get_by_role("button", name="Apply").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("深圳市恒安智能安防科技有限公司")
    page.goto(live_url + "?status=failed")
    expect(rows).to_have_count(3)
    assert not watched.dialogs and not watched.csp_violations


def test_prospect_page_correct_field_changes_grade(live_url, watched):
    page = watched.page
    page.goto(live_url + "?q=northgate")
    page.get_by_role("link", name="Northgate Access Systems Ltd").click()
    expect(page.locator("#grade .grade")).to_have_text("B")
    indicators = page.locator("table.indicators")
    for label in ("主营产品", "经营模式", "公司人数", "公司资金实力", "经营门禁产品的年限"):
        expect(indicators).to_contain_text(label)
    expect(page.locator("svg[aria-label^='points per indicator']")).to_be_visible()
    watched.shot("prospect")
    card = page.locator("#field-headcount")
    card.locator("summary", has_text="Correct").click()
    card.locator("input[name=value]").fill("lots of people")
    card.get_by_role("button", name="Save correction").click()
    expect(page.locator("#field-headcount .form-error")).to_contain_text("not a valid value")
    card = page.locator("#field-main_product_tier")  # its lines are foreign high-end: 2 points of 4
    card.locator("summary", has_text="Correct").click()
    card.locator("input[name=value]").fill("domestic_mid_networked")
    card.locator("input[name=note]").fill("called reception")
    card.get_by_role("button", name="Save correction").click()
    expect(page.locator(".flash-ok")).to_contain_text("grade B → A")
    expect(page.locator("#grade .grade")).to_have_text("A")
    expect(page.locator("table.audit")).to_contain_text("called reception")
    watched.shot("prospect-corrected")
    page.locator("#field-main_product_tier").get_by_role("button", name="Undo review").click()
    expect(page.locator("#grade .grade")).to_have_text("B")
    assert not watched.dialogs and not watched.csp_violations


def test_confirm_reject_and_add_fact(live_url, watched, app_db):
    page = watched.page
    page.goto(prospect_url(live_url, NORTHGATE))
    page.locator("#field-company_name").get_by_role("button", name="Confirm").click()
    expect(page.locator("#field-company_name .flag-reviewed")).to_be_visible()
    page.locator("#field-office_type").get_by_role("button", name="Reject").click()
    expect(page.locator("#field-office_type")).to_have_count(0)
    expect(page.locator("#add-fact")).to_contain_text("Office type rejected by test-rep")
    page.select_option("#add-field", "order_history")
    page.fill("#add-value", "small_with_arrears")
    page.get_by_role("button", name="Add fact").click()
    expect(page.locator("#field-order_history .value")).to_have_text("small orders, with arrears")
    page.fill("#note-text", "met their buyer at IFSEC; wants a dealer price list")
    page.select_option("#note-source", "visit")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("ul.notes")).to_contain_text("test-rep (visit): met their buyer at IFSEC")
    expect(page.locator("table.audit")).to_contain_text("noted")
    store = Store(app_db)
    try:
        actions = [(r["field"], r["action"]) for r in store.review_log(store.prospect_row(NORTHGATE)["id"])]
    finally:
        store.close()
    assert {("company_name", "confirmed"), ("office_type", "rejected"), ("order_history", "added"),
            ("", "noted")} <= set(actions)


def test_export_buttons_give_the_cli_files(live_url, watched, app_db, tmp_path):
    page = watched.page
    page.goto(live_url)
    for fmt in ("csv", "json", "xlsx"):
        with page.expect_download() as info:
            page.get_by_role("link", name=fmt.upper(), exact=True).click()
        download = info.value
        assert download.suggested_filename == f"prospects.{fmt}"
        got = tmp_path / f"web.{fmt}"
        download.save_as(got)
        if fmt == "xlsx":
            assert got.read_bytes()[:2] == b"PK"
            continue
        cli = tmp_path / f"cli.{fmt}"
        prospect(app_db, "export", "--format", fmt, "-o", str(cli))
        assert got.read_bytes() == cli.read_bytes()
    assert len(json.loads((tmp_path / "web.json").read_text("utf-8"))) == 13


def test_hostile_payloads_show_as_text_and_never_run(live_url, watched):
    page = watched.page
    page.goto(prospect_url(live_url, HOSTILE))
    body = page.locator("body")
    expect(body).to_contain_text("<script>alert('xss')</script>")
    expect(body).to_contain_text("<img src=x onerror=alert(1)>")
    expect(body).to_contain_text('" onmouseover="alert(3)')
    expect(body).to_contain_text("%3Cscript%3Ealert(2)%3C%2Fscript%3E")
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("[onmouseover], [onerror]").count() == 0
    page.locator("#field-office_address .value").hover()
    watched.shot("hostile")
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    home = page.locator("table.pages tr", has=page.locator(".tag", has_text="home"))
    with page.context.expect_page() as opened:
        home.locator("a", has_text="saved copy").click()
    saved = opened.value
    saved_dialogs: list[str] = []
    saved.on("dialog", lambda d: (saved_dialogs.append(d.message), d.dismiss()))
    saved.wait_for_load_state()
    frame = saved.frame_locator("iframe.saved-frame")
    expect(frame.locator("body")).to_contain_text("安防科技有限公司")
    saved.wait_for_timeout(1500)  # the home page's <noscript> meta refresh (0 s) would have fired by now
    Watched(saved).shot("saved-copy")
    frames = [f.url for f in saved.frames]
    assert len(frames) == 2 and "/saved/raw?" in frames[1], frames  # the sandboxed copy stayed put
    assert "/saved?" in saved.url
    assert requested and {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}  # nothing left the app
    expect(frame.locator("body")).to_contain_text("安防科技有限公司")
    assert not watched.dialogs and not saved_dialogs
    assert not watched.csp_violations


def test_queue_by_paste_and_upload(live_url, watched, tmp_path):
    page = watched.page
    page.goto(live_url)
    page.fill("#urls", "www.new-anfang-one.cn\nnot a url at all\nhttps://new-security-two.co.uk/")
    page.get_by_role("button", name="Queue").click()
    expect(page.locator(".flash-ok")).to_contain_text("Queued 2 new URL(s)")
    expect(page.locator(".flash-error")).to_contain_text("not a url at all")
    upload = tmp_path / "crm.csv"
    upload.write_bytes("name,url\n新客户安防,www.xinkehu-af.cn\n".encode("gb18030"))
    page.set_input_files("#file", str(upload))
    page.get_by_role("button", name="Queue").click()
    expect(page.locator(".flash-ok")).to_contain_text("Queued 1 new URL(s)")
    expect(page.locator("table.prospects")).to_contain_text("新客户安防")


SLOW_SITES = {"127.0.0.61": 0.2, "127.0.0.62": 1.0, "127.0.0.63": 2.2}  # seconds per request


@pytest.fixture
def slow_sites():
    """Three small company sites on loopback that answer slowly, each at its own pace, so a crawl
    of them lasts seconds and finishes them one after another."""
    sites = [_company(address, title=f"慢站{n}", extra="") for n, address in enumerate(SLOW_SITES, 1)]
    for site in sites:
        site.delay = SLOW_SITES[site.host.split(":")[0]]
        site.start()
    yield sites
    stop_all(sites)


def test_progress_follows_a_real_crawl(browser, slow_sites, tmp_path):
    """`prospect crawl` runs in its own process on the app's store; the list page shows it
    running, the sites finished of the total going up, then the finished state."""
    from prospect_intel.app.web.server import build_server

    db = tmp_path / "progress.db"
    prospect(db, "add", "--allow-private", *(site.url for site in slow_sites))
    running = build_server(str(db), "127.0.0.1", 0, reviewer="test-rep")
    server = threading.Thread(target=running.server.run, daemon=True)
    server.start()
    context = browser.new_context()
    crawl = None
    try:
        page = context.new_page()
        page.goto(running.url)
        expect(page.locator("#progress")).to_be_hidden()
        crawl = subprocess.Popen([sys.executable, "-m", "prospect_intel", "--db", str(db), "crawl", "--quiet",
                                  "--allow-private", *FAST], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        expect(page.locator("#progress")).to_be_visible(timeout=30_000)
        expect(page.locator("#progress")).to_contain_text("Crawl running")
        seen = _watch_progress(page, crawl)
        expect(page.locator("#progress-done")).to_be_visible(timeout=30_000)
        assert crawl.wait(timeout=60) == 0, crawl.stderr.read().decode()
        page.reload()
        expect(page.locator("#progress")).to_be_hidden()
        expect(page.locator(".panel").first).to_contain_text("3 site(s) done, 0 failed")
        expect(page.locator("table.prospects tbody tr")).to_have_count(3)
    finally:
        if crawl is not None and crawl.poll() is None:
            crawl.kill()
        context.close()
        running.server.close()
        server.join(timeout=5)
    finished = [int(m.group(1)) for m in (re.search(r"(\d) of 3 sites", text) for text in seen) if m]
    assert len(set(finished)) >= 2 and finished == sorted(finished), seen  # it went up while running


def _watch_progress(page, crawl) -> list[str]:
    """Every distinct progress line the page showed until the crawl finished."""
    seen: list[str] = []
    while not page.locator("#progress-done").is_visible() and crawl.poll() is None:
        text = page.locator("#progress-text").inner_text()
        if text and (not seen or seen[-1] != text):
            seen.append(text)
        page.wait_for_timeout(200)
    return seen
