"""The corpus's locked split, drawn before tuning, and the side-by-side report."""
from __future__ import annotations

import json

from prospect_intel.evaluation.corpus import (
    SPLIT_FILE,
    drawn_split,
    load_corpus,
    load_split,
    moved_sites,
    record_split,
)
from prospect_intel.evaluation.report import FieldOutcome, aggregate
from prospect_intel.evaluation.sidebyside import format_confidence, format_side_by_side, together


def test_the_recorded_split_is_the_drawn_one_and_big_enough():
    recorded = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    assert len(recorded["locked"]) >= 50
    assert all(drawn_split(slug) == "locked" for slug in recorded["locked"])
    assert all(drawn_split(slug) == "tuning" for slug in recorded["tuning"])
    assert not set(recorded["locked"]) & set(recorded["moved"]), "a moved site is tuning from then on"


def test_a_new_site_is_drawn_and_recorded_ones_keep_their_split(tmp_path):
    path = tmp_path / "split.json"
    first = record_split(["a-site", "b-site"], path)
    again = record_split(["a-site", "b-site", "c-site"], path)
    assert set(first["locked"]) <= set(again["locked"]) and set(first["tuning"]) <= set(again["tuning"])
    assert load_split(path)["c-site"] == drawn_split("c-site")


def test_a_moved_site_counts_as_tuning_and_says_why(tmp_path):
    path = tmp_path / "split.json"
    record_split(["a-site"], path)
    recorded = json.loads(path.read_text(encoding="utf-8"))
    recorded[drawn_split("a-site")].remove("a-site")
    recorded["moved"]["a-site"] = "its errors were read"
    path.write_text(json.dumps(recorded), encoding="utf-8")
    assert load_split(path)["a-site"] == "tuning"
    assert moved_sites(path) == {"a-site": "its errors were read"}


def test_a_corpus_is_read_group_by_group(tmp_path):
    group = tmp_path / "en-group"
    (group / "acme").mkdir(parents=True)
    (group / "acme" / "index.html").write_text("<html><body>Acme Ltd</body></html>", encoding="utf-8")
    (group / "manifest.json").write_text(json.dumps([{"slug": "acme", "pages": ["index.html"]}]))
    (group / "labels.json").write_text(json.dumps([{"slug": "acme", "pages": {"home": "index.html"}}]))
    sites = load_corpus(tmp_path)
    assert [(s.slug, [p.role for p in s.pages]) for s in sites] == [("acme", ["home"])]


def test_side_by_side_and_confidence_tables():
    tuning = aggregate([("a", [FieldOutcome("headcount", 20, 20, "high", tp=1, correct=True),
                               FieldOutcome("phone_numbers", ["1"], ["1", "2"], "medium", tp=1, fp=1,
                                            correct=False)])])
    locked = aggregate([("b", [FieldOutcome("headcount", 20, None, None, fn=1)])])
    table = format_side_by_side({"tuning": tuning, "locked": locked})
    assert "tuning (1 sites)" in table and "locked (1 sites)" in table
    assert table.splitlines()[-1].split("|")[1].split() == ["0.67", "1.00", "0.80", "0.50"]
    assert together(tuning).levels == {"high": [1, 1], "medium": [1, 0]}
    assert "1/1 1.00" in format_confidence({"tuning": tuning, "locked": locked})


def test_while_tuning_the_locked_split_can_be_left_out_entirely(tmp_path, capsys):
    from prospect_intel.evaluation.sidebyside import main

    split = json.loads(SPLIT_FILE.read_text("utf-8"))
    slugs = [split["locked"][0], split["tuning"][0]]
    group = tmp_path / "group"
    for slug in slugs:
        (group / slug).mkdir(parents=True)
        (group / slug / "index.html").write_text("<html><body>成立于2009年</body></html>", encoding="utf-8")
    (group / "manifest.json").write_text(json.dumps([{"slug": s, "pages": ["index.html"], "category": c}
                                                     for s, c in zip(slugs, ("security", "unrelated"))]))
    (group / "labels.json").write_text(json.dumps([{"slug": s, "pages": {"home": "index.html"}, "language": "zh",
                                                    "founded_year": 2009} for s in slugs]))
    main(["--corpus", str(tmp_path)])
    shown = capsys.readouterr().out
    assert "locked (1 sites)" in shown
    assert "tuning: 1 sites: zh 1; unrelated 1" in shown and "locked: 1 sites: zh 1; security 1" in shown
    main(["--corpus", str(tmp_path), "--hide-locked"])
    shown = capsys.readouterr().out
    assert "tuning (1 sites)" in shown and "locked" not in shown


def test_an_extractor_that_raises_is_named_not_read_as_misses(monkeypatch):
    import datetime as dt

    from prospect_intel.core.models import PageDoc
    from prospect_intel.evaluation.goldsets import LabelledSite
    from prospect_intel.evaluation.harness import evaluate_sites
    from prospect_intel.extractors import site as dispatcher

    def broken(pages, ctx):
        raise NameError("name 'table_brand' is not defined")

    monkeypatch.setattr(dispatcher, "EXTRACTORS", [(broken, ("reference_clients",))])
    page = PageDoc("http://s.test/cases.html", "cases", "<html><body><li>Acme Bank</li></body></html>")
    report = evaluate_sites([LabelledSite("s", {"reference_clients": ["Acme Bank"]}, (page,))], dt.date(2026, 12, 1))
    assert any("s: reference_clients: extraction failed" in note and "table_brand" in note for note in report.notes)
