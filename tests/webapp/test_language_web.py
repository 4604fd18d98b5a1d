"""The web app in Chinese or English: chosen by the page's switch (remembered), the operator's
setting, the browser's Accept-Language; the switch on every page the app has."""
from __future__ import annotations

import re

import pytest

from prospect_intel.app.web import AppConfig, create_app

NORTHGATE = "https://www.northgate-access.co.uk/"
LOCAL = {"Host": "127.0.0.1:8765"}
CHINESE = {**LOCAL, "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}
ENGLISH = {**LOCAL, "Accept-Language": "en-GB,en;q=0.9"}
SWITCH = re.compile(r'<nav class="language" id="language-switch"')

# What each GET route is asked for; every route of the app must be listed, as a page (which must
# carry the switch) or as something that is not a page of the app.
PAGES = {
    "/": {},
    "/prospect": {"url": NORTHGATE},
    "/saved": {"url": NORTHGATE, "page": 0},
    "/review/next": {},
    "/accuracy": {},
}
NOT_PAGES = {
    "/progress.json": "JSON for the progress script",
    "/export/prospects.<fmt>": "a download",
    "/static/<path:filename>": "the style sheet and scripts",
    "/saved/raw": "the stored page itself, served as it was kept",
}
# Sentences of the interface that must not be left in English on a Chinese page.
ENGLISH_UI = ("Overnight results", "Grade distribution", "Queue new prospects", "Grade breakdown",
              "Evidence used", "Add a fact", "Audit trail", "Pages kept", "Save correction",
              "Next to review", "Needs review", "All prospects", "Back to the prospect list")


@pytest.fixture(scope="module")
def app(app_db):
    return create_app(AppConfig(db_path=str(app_db), reviewer="test-rep"))


def _get(client, path: str, headers: dict) -> str:
    response = client.get(path, query_string=PAGES.get(path, {}), headers=headers, follow_redirects=True)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_every_route_is_a_page_with_the_switch_or_listed_as_not_a_page(app):
    routes = {rule.rule for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    assert routes == set(PAGES) | set(NOT_PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_speaks_chinese_to_a_chinese_browser_with_the_switch(app, path):
    html = _get(app.test_client(), path, CHINESE)
    assert '<html lang="zh-CN">' in html and SWITCH.search(html)
    assert not [text for text in ENGLISH_UI if text in html]
    assert re.search(r'href="[^"]*lang=en[^"]*"[^>]*>English</a>', html)  # the way back to English


@pytest.mark.parametrize("path", PAGES)
def test_every_page_speaks_english_to_an_english_browser_with_the_switch(app, path):
    html = _get(app.test_client(), path, ENGLISH)
    assert '<html lang="en">' in html and SWITCH.search(html)
    assert re.search(r'href="[^"]*lang=zh[^"]*"[^>]*>中文</a>', html)


def test_error_pages_speak_the_language_too(app):
    html = app.test_client().get("/no-such-page", headers=CHINESE).get_data(as_text=True)
    assert "没有这个页面。" in html and SWITCH.search(html)


def test_the_switch_is_remembered_and_wins_over_the_browser(app):
    client = app.test_client()
    switched = client.get("/", query_string={"lang": "zh"}, headers=ENGLISH)
    assert "prospect_lang=zh" in switched.headers.get("Set-Cookie", "")
    assert "夜间调研结果" in switched.get_data(as_text=True)
    later = client.get("/prospect", query_string={"url": NORTHGATE}, headers=ENGLISH).get_data(as_text=True)
    assert "评分明细" in later and "Grade breakdown" not in later
    back = client.get("/", query_string={"lang": "en"}, headers=CHINESE).get_data(as_text=True)
    assert "Overnight results" in back
    assert "Overnight results" in client.get("/", headers=CHINESE).get_data(as_text=True)


def test_the_switch_keeps_the_page_and_its_query(app):
    html = _get(app.test_client(), "/prospect", ENGLISH)
    link = re.search(r'href="([^"]*lang=zh[^"]*)"', html).group(1).replace("&amp;", "&")
    assert link.startswith("/prospect?") and "url=https" in link


def test_the_operator_setting_wins_over_the_browser(app_db):
    client = create_app(AppConfig(db_path=str(app_db), language="zh")).test_client()
    assert "夜间调研结果" in client.get("/", headers=ENGLISH).get_data(as_text=True)


def test_no_setting_and_no_accept_language_is_english(app):
    assert '<html lang="en">' in app.test_client().get("/", headers=LOCAL).get_data(as_text=True)


def test_an_unknown_switch_value_changes_nothing(app):
    response = app.test_client().get("/", query_string={"lang": "<script>"}, headers=CHINESE)
    assert "prospect_lang" not in response.headers.get("Set-Cookie", "")
    assert '<html lang="zh-CN">' in response.get_data(as_text=True)


@pytest.mark.parametrize("word, chinese", [("office_type", "办公场所"), ("done", "已完成"),
                                           ("high", "高"), ("phone", "电话")])
def test_field_names_and_values_are_shown_in_chinese(app, word, chinese):
    html = _get(app.test_client(), "/prospect", CHINESE)
    assert chinese in html, word


def test_the_progress_line_is_a_translated_template_for_the_script(app):
    html = _get(app.test_client(), "/", CHINESE)
    template = re.search(r'data-text="([^"]+)"', html).group(1)
    assert "已处理 %(finished)s / %(total)s 个网站" in template


def test_the_facts_that_would_decide_the_grade_are_in_chinese(app):
    html = _get(app.test_client(), "/prospect", CHINESE)
    facts = re.search(r'<ul class="verify" id="to-verify">(.*?)</ul>', html, re.S).group(1)
    assert re.search(r"则为 [ABC]|才为 [ABC]", facts) and " if " not in facts
    english = _get(app.test_client(), "/prospect", ENGLISH)
    assert re.search(r'id="to-verify"><li>[ABC] (if|only if|\(knock-out\))', english)


def test_a_refusal_speaks_its_own_requests_language(app_db):
    """The language is chosen before the token gate: the thread's previous request (English) does
    not leak into a refusal page for a Chinese browser, nor the other way round."""
    gated = create_app(AppConfig(db_path=str(app_db), access_token="s3cret-token", loopback_only=False))
    client, remote = gated.test_client(), {"Host": "192.168.1.20:8765"}
    assert client.get("/?token=s3cret-token", headers={**remote, **ENGLISH}).status_code == 303
    refused = gated.test_client().get("/", headers={**remote, "Accept-Language": "zh-CN"})
    assert refused.status_code == 401 and "需要访问令牌" in refused.get_data(as_text=True)
    refused = gated.test_client().get("/", headers={**remote, "Accept-Language": "en-GB"})
    assert refused.status_code == 401 and "Access token needed" in refused.get_data(as_text=True)
