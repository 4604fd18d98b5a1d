"""Guards of the review app without a browser: CSRF, the loopback Host check, the access token,
security headers, escaping, and the saved-page sandbox."""
from __future__ import annotations

import re

import pytest

from prospect_intel.app.store import Store
from prospect_intel.app.web import AppConfig, create_app

HOSTILE = "http://www.hengda-anfang.com/"
NORTHGATE = "https://www.northgate-access.co.uk/"
LOCAL = {"Host": "127.0.0.1:8765"}


@pytest.fixture(scope="module")
def client(app_db):
    return create_app(AppConfig(db_path=str(app_db), reviewer="test-rep")).test_client()


def csrf_token(client, url: str = NORTHGATE) -> str:
    html = client.get("/prospect", query_string={"url": url}, headers=LOCAL).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def headcount(app_db) -> object:
    store = Store(app_db)
    try:
        return store.evidence(store.prospect_row(NORTHGATE)["id"])["headcount"].value, \
            store.review_facts(store.prospect_row(NORTHGATE)["id"]).get("headcount")
    finally:
        store.close()


def test_review_without_csrf_token_is_refused(client, app_db):
    form = {"url": NORTHGATE, "field": "headcount", "action": "correct", "value": "3"}
    response = client.post("/prospect/review", data=form, headers=LOCAL)
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    assert headcount(app_db)[1] is None  # no review recorded
    response = client.post("/prospect/review", data={**form, "csrf_token": "forged"}, headers=LOCAL)
    assert response.status_code == 400
    assert client.post("/queue", data={"urls": "www.csrf-test.cn"}, headers=LOCAL).status_code == 400
    assert (
        client.post("/prospect/undo", data={"url": NORTHGATE, "field": "headcount"}, headers=LOCAL).status_code == 400
    )


def test_review_with_csrf_token_is_applied_and_undone(client, app_db):
    token = csrf_token(client)
    form = {"url": NORTHGATE, "field": "headcount", "action": "correct", "value": "3", "csrf_token": token}
    response = client.post("/prospect/review", data=form, headers=LOCAL)
    assert response.status_code == 303
    assert headcount(app_db)[1].value == 3
    response = client.post("/prospect/undo", data={"url": NORTHGATE, "field": "headcount", "csrf_token": token},
                           headers=LOCAL)
    assert response.status_code == 303 and headcount(app_db)[1] is None


def test_state_changes_need_post(client):
    assert client.get("/prospect/review", headers=LOCAL).status_code == 405
    assert client.get("/queue", headers=LOCAL).status_code == 405


def test_other_host_names_are_refused_on_loopback(client):
    assert client.get("/", headers={"Host": "attacker.example:8765"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "[::1]:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "127.0.0.2:8765"}).status_code == 200  # all of 127.0.0.0/8
    for name in ("127.0.0.1.attacker.example", "0x7f000001", "2130706433:8765"):
        assert client.get("/", headers={"Host": name}).status_code == 400, name


def test_access_token_is_required_beyond_loopback(app_db):
    app = create_app(AppConfig(db_path=str(app_db), access_token="s3cret-token", loopback_only=False))
    anyone = app.test_client()
    remote = {"Host": "192.168.1.20:8765"}
    for path in ("/", "/static/app.css", "/export/prospects.json", "/prospect?url=" + NORTHGATE):
        assert anyone.get(path, headers=remote).status_code == 401
    assert anyone.get("/?token=wrong", headers=remote).status_code == 401
    response = anyone.get("/?token=s3cret-token&sort=name", headers=remote)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/?sort=name")  # token moved out of the URL
    assert "HttpOnly" in response.headers["Set-Cookie"] and "SameSite=Strict" in response.headers["Set-Cookie"]
    assert anyone.get("/", headers=remote).status_code == 200  # the cookie now carries it
    stranger = app.test_client()
    stranger.set_cookie("prospect_token_8765", "guess")
    assert stranger.get("/", headers=remote).status_code == 401
    stranger.set_cookie("prospect_token_8765", "s3cret-token")  # the cookie holds a derived key, not the token
    assert stranger.get("/", headers=remote).status_code == 401


def test_the_login_link_signs_in_once_and_only_in_time(app_db, monkeypatch):
    from prospect_intel.app.web import security

    remote = {"Host": "192.168.1.20:8765"}
    app = create_app(AppConfig(db_path=str(app_db), access_token="s3cret-token", loopback_only=False,
                               login_code="one-time-code"))
    first, second = app.test_client(), app.test_client()
    assert first.get("/login?once=wrong", headers=remote).status_code == 401
    response = first.get("/login?once=one-time-code", headers=remote)
    assert response.status_code == 303 and response.headers["Location"].endswith("/")
    assert first.get("/", headers=remote).status_code == 200
    assert second.get("/login?once=one-time-code", headers=remote).status_code == 401  # used up
    late = create_app(AppConfig(db_path=str(app_db), access_token="s3cret-token", loopback_only=False,
                                login_code="one-time-code")).test_client()
    now = security.time.monotonic()
    monkeypatch.setattr(security.time, "monotonic", lambda: now + security.LOGIN_SECONDS + 1)
    assert late.get("/login?once=one-time-code", headers=remote).status_code == 401  # expired


def test_app_pages_carry_a_strict_csp(client):
    response = client.get("/", headers=LOCAL)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_saved_page_is_sandboxed_and_loads_nothing(client):
    response = client.get("/saved/raw", query_string={"url": HOSTILE, "page": 0}, headers=LOCAL)
    assert response.status_code == 200
    csp = [part.strip() for part in response.headers["Content-Security-Policy"].split(";")]
    assert csp[0] == "sandbox" and "allow-scripts" not in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert not any(part.startswith(("script-src", "connect-src")) for part in csp)
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    html = response.get_data(as_text=True)
    assert "<script>" in html  # the copy is kept as it was, defused by the CSP ...
    assert re.search(r"(?<!defused-)http-equiv", html, re.I) is None  # ... but a refresh would navigate
    assert '<noscript><meta data-defused-http-equiv="refresh" content="0;url=http://www.hengda-anfang-nojs.com/' in html
    wrapper = client.get("/saved", query_string={"url": HOSTILE, "page": 0}, headers=LOCAL)
    assert '<iframe class="saved-frame" sandbox=""' in wrapper.get_data(as_text=True)


def test_scraped_text_is_escaped(client):
    html = client.get("/prospect", query_string={"url": HOSTILE}, headers=LOCAL).get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and 'onmouseover="alert' not in html
    assert "&lt;script&gt;alert(" in html
    assert 'href="javascript:' not in html


def test_unknown_prospect_and_bad_upload(client):
    assert client.get("/prospect", query_string={"url": "no-such.cn"}, headers=LOCAL).status_code == 404
    assert client.get("/saved/raw", query_string={"url": HOSTILE, "page": 99}, headers=LOCAL).status_code == 404
    assert client.get("/export/prospects.exe", headers=LOCAL).status_code == 404


def _routes(methods: set[str]) -> list[tuple[str, str]]:
    """(method, path) of every route of the app, the placeholders filled."""
    app = create_app(AppConfig(db_path=":memory:"))
    found = []
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+:)?fmt>", "csv", rule.rule)
        path = re.sub(r"<(?:\w+:)?filename>", "app.css", path)
        for method in sorted(rule.methods & methods):
            found.append((method, path))
    return found


@pytest.mark.parametrize("method, path", _routes({"POST"}))
def test_every_post_route_needs_the_csrf_token(client, app_db, method, path):
    before = sorted(Store(app_db).status_counts().items())
    response = client.open(path, method=method, data={"url": NORTHGATE, "field": "headcount"}, headers=LOCAL)
    assert response.status_code == 400 and "CSRF" in response.get_data(as_text=True)
    assert sorted(Store(app_db).status_counts().items()) == before


@pytest.mark.parametrize("method, path", _routes({"GET", "POST"}))
def test_every_route_refuses_another_host_name(client, method, path):
    response = client.open(path, method=method, headers={"Host": "attacker.example:8765"})
    assert response.status_code == 400


@pytest.mark.parametrize("method, path", _routes({"GET", "POST"}))
def test_every_route_needs_the_token_beyond_loopback(app_db, method, path):
    app = create_app(AppConfig(db_path=str(app_db), access_token="s3cret-token", loopback_only=False))
    response = app.test_client().open(path, method=method, headers={"Host": "192.168.1.20:8765"})
    assert response.status_code == 401
