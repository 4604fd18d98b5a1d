"""The interactive `prospect review` walk, driven with CliRunner input on a crawled store: what it
shows per field, rep-only facts added or corrected, and notes from calls and visits."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from prospect_intel.app.cli import cli
from prospect_intel.app.review_view import FLAG_REASONS
from tests.conftest import copy_store

REP_FACTS = ("sales_staff", "tech_staff", "order_history")


def run(db, *args, input=None):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False,
                                env={"PROSPECT_REVIEWER": "li.wei"})
    assert result.exit_code == 0, result.output
    return result.output


def show(db, url) -> dict:
    return json.loads(run(db, "show", url, "--json"))


@pytest.fixture
def db(sites_db, tmp_path):
    return copy_store(sites_db, tmp_path / "walk.db")


def flagged_field(db) -> tuple[str, str]:
    """A prospect and a field whose extracted value carries flags and the extractors' notes."""
    for entry in json.loads(run(db, "list", "--json", "--status", "done")):
        for name, notes in entry["evidence_notes"].items():
            if notes and entry["evidence"].get(name, {}).get("flags"):
                return entry["url"], name
    raise AssertionError("no fixture site has a flagged field with notes")


def block(output: str, field: str) -> str:
    """The walk's lines about one field."""
    start = output.index(f"\n{field} (")
    end = output.find("[c]onfirm", start)
    return output[start:end]


def test_each_field_shows_extracted_and_reviewed_values_flags_notes_snippet_and_page(db):
    url, name = flagged_field(db)
    extracted = show(db, url)["evidence"][name]
    notes = show(db, url)["evidence_notes"][name]
    page = next(p for p in show(db, url)["pages"] if p["url"] == extracted["source_url"])
    run(db, "set", url, "order_history", "regular_no_arrears", "--source", "crm", "--note", "the ledger")
    fields = list(show(db, url)["evidence"])
    output = run(db, "review", url, "--all-fields", input="s\n" * len(fields) + "n\n" * 4)
    shown = block(output, name)
    assert f"extracted: {extracted['value']}  confidence {extracted['confidence']}" in shown
    for flag in extracted["flags"]:
        assert f"flag {flag}: {FLAG_REASONS[flag]}" in shown
    for note in notes:
        assert f"note: {note}" in shown
    assert f"snippet: “{extracted['snippet']}”" in shown
    assert f"page: {page['role']}  {page['url']}" in shown
    rep = block(output, "order_history")  # only ever from the rep
    assert "extracted: nothing" in rep and "reviewed:  regular_no_arrears  added (CRM, li.wei, " in rep
    assert rep.rstrip().endswith(": the ledger)")


def test_a_correction_shows_both_values(db):
    url, name = flagged_field(db)
    extracted = show(db, url)["evidence"][name]["value"]
    kind = type(extracted)
    new = 5 if kind is int else "corrected by the rep"
    run(db, "set", url, name, json.dumps(new, ensure_ascii=False), "--note", "called them")
    fields = list(show(db, url)["evidence"])
    shown = block(run(db, "review", url, "--all-fields", input="s\n" * len(fields) + "n\n" * 4), name)
    assert f"extracted: {extracted}" in shown and f"reviewed:  {new}  corrected" in shown
    confirmed = [f for f in fields if f != name and "reviewed" not in show(db, url)["evidence"][f]["flags"]][0]
    run(db, "set", url, confirmed, "--confirm")
    shown = block(run(db, "review", url, "--all-fields", input="s\n" * len(fields) + "n\n" * 4), confirmed)
    assert "reviewed:  confirmed as extracted" in shown


def test_rep_facts_are_offered_even_with_a_value_and_notes_are_kept(db, tmp_path):
    url, _ = flagged_field(db)
    run(db, "set", url, "sales_staff", "3", "--source", "phone")
    walk = show(db, url)["needs_review"] or list(show(db, url)["evidence"])
    answers = "s\n" * len(walk)
    answers += "y\n4\nvisit\nsaw the sales office\n"  # sales_staff has 3: correct it to 4
    answers += "y\nlots\n2\nphone\n\n"  # tech_staff: add it (a typo first)
    answers += "n\n"  # order_history: leave it
    answers += "y\nmet the owner at the Shenzhen security fair\nvisit\n"
    answers += "y\nhalf-page advert in 中国安防 magazine, May issue\nradio\nmagazine\n"  # a bad source first
    answers += "n\n"
    output = run(db, "review", url, input=answers)
    assert "sales_staff is 3; correct it?" in output and "add tech_staff (not on the website)?" in output
    assert "not a valid value" in output
    after = show(db, url)
    assert after["evidence"]["sales_staff"]["value"] == 4 and after["evidence"]["tech_staff"]["value"] == 2
    notes = [(n["note"], n["source"], n["reviewer"]) for n in after["notes"]]
    assert notes == [("met the owner at the Shenzhen security fair", "visit", "li.wei"),
                     ("half-page advert in 中国安防 magazine, May issue", "magazine", "li.wei")]
    trail = [(r["field"], r["action"], r["source"], r["note"]) for r in after["reviews"]][-2:]
    assert trail == [("", "noted", "visit", notes[0][0]), ("", "noted", "magazine", notes[1][0])]
    text = run(db, "show", url)
    assert "notes from calls and visits" in text and "li.wei (magazine): half-page advert" in text
    export = run(db, "export", "--format", "csv").lstrip("\ufeff")
    row = {r["Website"]: r for r in csv.DictReader(io.StringIO(export))}[url]
    assert "note (visit, li.wei, " in row["Notes"] and "): met the owner at the Shenzhen security fair" in row["Notes"]
    assert row["Notes"].index("magazine") < row["Notes"].index("Shenzhen")  # newest first
    assert row["sales_staff"] == "4"


def test_note_command_for_scripts(db):
    url, _ = flagged_field(db)
    before = show(db, url)["score"]
    assert "noted (business card, li.wei): card says 3 branches" in run(
        db, "note", url, "card says 3 branches", "--source", "business_card")
    after = show(db, url)
    assert after["notes"][-1]["source"] == "business_card" and after["score"]["grade"] == before["grade"]
    result = CliRunner().invoke(cli, ["--db", str(db), "note", url, "   "])
    assert result.exit_code != 0 and "the note is empty" in str(result.exception)


def test_the_morning_queue_puts_the_reviews_worth_most_first(db):
    from prospect_intel.app.listing import review_queue, spread
    from prospect_intel.app.store import Store

    store = Store(db)
    try:
        queue = review_queue(store)
        ranks = {"A": 0, "B": 1, "C": 2}
        settled = [bool(s.get("knockout")) or r["status"] == "failed" for r, s in queue]
        assert settled == sorted(settled)  # knocked-out and failed prospects last
        open_ones = [(spread(s, ranks), s.get("needs_review") or 0) for (r, s), done in zip(queue, settled)
                     if not done]
        assert [w for w, _ in open_ones] == sorted((w for w, _ in open_ones), reverse=True)
        assert all(s.get("needs_review") for _, s in queue)
        return_urls = [r["url"] for r, _ in queue]
    finally:
        store.close()
    out = run(db, "review", input="s\ns\nb\nq\n")
    total = len(return_urls)
    headers = [line.split() for line in out.splitlines() if line.split() and line.split()[0].endswith(f"/{total}")]
    assert [h[0] for h in headers] == [f"1/{total}", f"2/{total}", f"3/{total}", f"2/{total}"]  # skip, skip, back
    assert return_urls[0] in headers[0] and return_urls[1] in headers[1] and return_urls[1] in headers[3]
    assert f"reviewed 0 of {total} prospect(s); grades changed: 0" in out


def test_a_prospect_reviewed_from_the_queue_is_counted(db):
    out = run(db, "review", input="r\nq\n")  # review the first, quit at its first field
    assert "reviewed 1 of " in out and "grades changed: 0" in out
