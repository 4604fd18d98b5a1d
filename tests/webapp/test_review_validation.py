"""Review actions posted to the web app with a field name that is not a contract field: the
shared workflow refuses them (400 with the message), and nothing is stored."""
from __future__ import annotations

import re
import sqlite3

import pytest

from prospect_intel.app.web import AppConfig, create_app

NORTHGATE = "https://www.northgate-access.co.uk/"
LOCAL = {"Host": "127.0.0.1:8765"}
BAD_FIELDS = ["bogus_field", "../../x", "headcount'; DROP TABLE reviews; --", "x" * 5000, ""]


@pytest.fixture(scope="module")
def client(app_db):
    return create_app(AppConfig(db_path=str(app_db), reviewer="test-rep")).test_client()


@pytest.fixture(scope="module")
def token(client) -> str:
    html = client.get("/prospect", query_string={"url": NORTHGATE}, headers=LOCAL).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def dump(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize("field", BAD_FIELDS, ids=["bogus", "path", "sql", "long", "empty"])
@pytest.mark.parametrize("action", ["confirm", "correct", "reject", "add", "undo"])
def test_unknown_field_is_refused_for_every_action(client, token, app_db, field, action):
    before = dump(app_db)
    form = {"url": NORTHGATE, "field": field, "csrf_token": token, "value": "3", "source": "phone"}
    if action == "undo":
        response = client.post("/prospect/undo", data=form, headers=LOCAL)
    else:
        response = client.post("/prospect/review", data={**form, "action": action}, headers=LOCAL)
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "unknown field" in body and "fields are: company_name" in body
    assert dump(app_db) == before


def test_a_valid_field_still_goes_through(client, token, app_db):
    form = {"url": NORTHGATE, "field": "sales_staff", "action": "add", "value": "4", "csrf_token": token}
    assert client.post("/prospect/review", data=form, headers=LOCAL).status_code == 303
    undo = {"url": NORTHGATE, "field": "sales_staff", "csrf_token": token}
    assert client.post("/prospect/undo", data=undo, headers=LOCAL).status_code == 303


def test_a_note_from_a_visit_is_kept_and_shown(client, token, app_db):
    form = {"url": NORTHGATE, "note": "met their buyer at IFSEC <b>London</b>", "source": "visit", "csrf_token": token}
    response = client.post("/prospect/note", data=form, headers=LOCAL)
    assert response.status_code == 303 and response.headers["Location"].endswith("#notes")
    page = client.get("/prospect", query_string={"url": NORTHGATE}, headers=LOCAL).get_data(as_text=True)
    assert "met their buyer at IFSEC &lt;b&gt;London&lt;/b&gt;" in page and "(visit)" in page
    conn = sqlite3.connect(app_db)
    try:
        rows = conn.execute("SELECT field, action, source, reviewer FROM reviews WHERE action = 'noted'").fetchall()
    finally:
        conn.close()
    assert ("", "noted", "visit", "test-rep") in rows


@pytest.mark.parametrize("note, source, says", [("   ", "phone", "the note is empty"),
                                                 ("x" * 2001, "phone", "at most 2000 characters"),
                                                 ("fine", "carrier pigeon", "source must be one of")])
def test_a_bad_note_is_refused_and_nothing_stored(client, token, app_db, note, source, says):
    before = dump(app_db)
    form = {"url": NORTHGATE, "note": note, "source": source, "csrf_token": token}
    response = client.post("/prospect/note", data=form, headers=LOCAL)
    assert response.status_code == 422 and says in response.get_data(as_text=True)
    assert dump(app_db) == before


def test_a_number_typed_the_chinese_way_is_read_and_the_reading_shown(client, token, app_db):
    form = {"url": NORTHGATE, "field": "headcount", "action": "correct", "value": "20余人", "source": "phone",
            "csrf_token": token}
    page = client.post("/prospect/review", data=form, headers=LOCAL, follow_redirects=True).get_data(as_text=True)
    assert "Headcount: read 20余人 → 20 or more" in page
    undo = {"url": NORTHGATE, "field": "headcount", "csrf_token": token}
    assert client.post("/prospect/undo", data=undo, headers=LOCAL).status_code == 303


def test_a_rejection_says_why_in_one_click_and_an_unknown_reason_is_refused(client, token, app_db):
    form = {"url": NORTHGATE, "field": "founded_year", "csrf_token": token, "action": "reject"}
    page = client.get("/prospect", query_string={"url": NORTHGATE}, headers=LOCAL).get_data(as_text=True)
    assert '<option value="wrong_company">' in page  # the choice beside the Reject button
    before = dump(app_db)
    refused = client.post("/prospect/review", data={**form, "reason": "bad_luck"}, headers=LOCAL)
    assert refused.status_code == 422 and "reason must be one of" in refused.get_data(as_text=True)
    assert dump(app_db) == before
    client.post("/prospect/review", data={**form, "reason": "wrong_company"}, headers=LOCAL)
    reasons = sqlite3.connect(app_db).execute(
        "SELECT reason FROM reviews WHERE field = 'founded_year' AND action = 'rejected'").fetchall()
    assert reasons == [("wrong_company",)]
