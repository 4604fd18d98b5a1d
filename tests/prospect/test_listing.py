"""`prospect list`: every sort key puts the rows in its order, every filter keeps exactly the
prospects it names, on a store of all fixture sites (graded, knocked out, failed) plus one still
queued. The expected sets and orders are worked out from each prospect's own `show --json`."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from prospect_intel.app.cli import cli
from tests.conftest import copy_store

QUEUED = "http://www.still-queued-anfang.cn/"
RANKS = {"A": 0, "B": 1, "C": 2}  # the default rubric's grades, best first
NONE = len(RANKS)  # no grade (unscored, or not scored yet) sorts after every grade


def run(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def listed(db, *args) -> list[dict]:
    return json.loads(run(db, "list", "--json", *args))


def urls(db, *args) -> list[str]:
    """The URLs of the text table, top to bottom (second column)."""
    lines = run(db, "list", *args).splitlines()[1:-1]
    return [next(cell for cell in line.split() if cell.startswith("http")) for line in lines]


# Reviews that settle two prospects' grades whatever the extractors find: a B from a full set of
# facts from a visit (1 + 2 + 3 + 4 + 4 = 14 points), a C from the access-control knock-out.
SETTLED_B = ("http://www.jiakun-af.com/", [
    ("main_product_tier", "domestic_low_standalone"), ("product_tiers", "domestic_low_standalone"),
    ("business_model", "integrator"), ("headcount", "12"), ("sales_staff", "2"), ("tech_staff", "2"),
    ("order_history", "regular_no_arrears"), ("years_in_access_control", "5"),
    ("sells_access_control", "yes"), ("access_control_is_main", "yes")])
SETTLED_C = ("http://www.dingxin-sec.com.tw/", [("access_control_is_main", "no")])


@pytest.fixture(scope="module")
def db(sites_db, tmp_path_factory):
    copy = copy_store(sites_db, tmp_path_factory.mktemp("listing") / "list.db")
    for url, facts in (SETTLED_B, SETTLED_C):
        for field, value in facts:
            run(copy, "set", url, field, value, "--source", "visit")
    run(copy, "add", QUEUED)
    return copy


@pytest.fixture(scope="module")
def shapes(db) -> dict[str, dict]:
    """Each prospect as `show --json` tells it (the source of truth the list must agree with)."""
    return {p["url"]: json.loads(run(db, "show", p["url"], "--json")) for p in listed(db)}


def grade(shape) -> str | None:
    score = shape["score"] or {}
    return score.get("grade") or ("unscored" if score.get("unscored") else None)


def rank(letter) -> int:
    return RANKS.get(letter, NONE)


def spread(shape) -> int:
    low, high = (shape["score"] or {}).get("grade_range") or (None, None)
    return abs(rank(low) - rank(high)) if low in RANKS and high in RANKS else 0


def total(shape) -> float:
    return (shape["score"] or {}).get("total") or 0


def keys(shape) -> dict[str, tuple]:
    """What each sort orders by, from the prospect's own JSON."""
    high = ((shape["score"] or {}).get("grade_range") or [None, None])[1]
    return {
        "name": ((shape["name"] or shape["domain"]).lower(),),
        "grade": (rank(grade(shape)), -total(shape)),
        "uncertain": (-spread(shape), rank(high)),
        "promising": (rank(high), rank(grade(shape)), -total(shape)),
        "review": (-len(shape["needs_review"]),),
    }


def test_the_store_is_varied_enough_to_sort(shapes):
    assert (grade(shapes[SETTLED_B[0]]), total(shapes[SETTLED_B[0]])) == ("B", 14)
    assert grade(shapes[SETTLED_C[0]]) == "C"
    grades = [grade(s) for s in shapes.values()]
    assert {"A", "B", "C", "unscored", None} <= set(grades)
    assert len({spread(s) for s in shapes.values()}) >= 2
    assert len({len(s["needs_review"]) for s in shapes.values()}) >= 3


@pytest.mark.parametrize("sort_by", ["name", "grade", "uncertain", "promising", "review"])
def test_sort_orders_rows_by_its_key_then_by_order_added(db, shapes, sort_by):
    added = list(shapes)
    order = urls(db, "--sort", sort_by)
    assert sorted(order) == sorted(added)
    assert [p["url"] for p in listed(db, "--sort", sort_by)] == order  # JSON and table agree
    pairs = [(keys(shapes[u])[sort_by], added.index(u)) for u in order]
    assert pairs == sorted(pairs)
    assert order != added  # the sort did something on this store


def test_sort_added_keeps_the_queue_order(db, shapes):
    assert urls(db, "--sort", "added") == list(shapes) == urls(db)
    assert list(shapes)[-1] == QUEUED


def test_grade_sort_puts_the_best_grades_first_and_ungraded_last(db, shapes):
    order = [grade(shapes[u]) for u in urls(db, "--sort", "grade")]
    assert order[0] == "A" and order[-1] in ("unscored", None)
    assert order.index("C") > max(i for i, g in enumerate(order) if g == "B")


@pytest.mark.parametrize("given", [["A"], ["b"], ["A", "c"], ["unscored"], ["UNSCORED", "a"]])
def test_grade_filter_keeps_exactly_those_grades(db, shapes, given):
    wanted = {g if g.lower() == "unscored" else g.upper() for g in given}
    wanted = {"unscored" if g.lower() == "unscored" else g for g in wanted}
    args = [a for g in given for a in ("--grade", g)]
    expected = [u for u, s in shapes.items() if grade(s) in wanted]
    assert expected and urls(db, *args) == expected
    assert {grade(p) for p in listed(db, *args)} == wanted


def test_unscored_filter_lists_failed_prospects_with_the_reason(db, shapes):
    failed = [u for u, s in shapes.items() if s["status"] == "failed"]
    assert len(failed) == 3 and urls(db, "--grade", "unscored") == failed
    for shape in listed(db, "--grade", "unscored"):
        assert shape["score"]["grade"] is None and shape["score"]["total"] is None
        assert shape["score"]["unscored"].startswith(f"crawl failed: {shape['error_kind']}: ")
    table = run(db, "list", "--grade", "unscored")
    assert all(" unscored " in line for line in table.splitlines()[1:-1])


def test_an_unknown_grade_is_refused_with_the_choices(db):
    result = CliRunner().invoke(cli, ["--db", str(db), "list", "--grade", "D"])
    assert result.exit_code == 2
    assert "'D' is not a grade of this store's rubric; choose from A, B, C, unscored" in result.output


@pytest.mark.parametrize("status", ["done", "failed", "queued"])
def test_status_filter(db, shapes, status):
    expected = [u for u, s in shapes.items() if s["status"] == status]
    assert expected and urls(db, "--status", status) == expected


def test_needs_review_filter(db, shapes):
    expected = [u for u, s in shapes.items() if s["needs_review"]]
    assert 0 < len(expected) < len(shapes)
    assert urls(db, "--needs-review") == expected


def test_low_confidence_filter_keeps_grade_ranges_wider_than_one_grade(db, shapes):
    expected = [u for u, s in shapes.items() if spread(s) > 0]
    assert 0 < len(expected) < len(shapes)
    assert urls(db, "--low-confidence") == expected


def test_filters_combine_with_a_sort(db, shapes):
    expected = sorted((u for u, s in shapes.items() if s["needs_review"] and grade(s) == "A"),
                      key=lambda u: (keys(shapes[u])["promising"], list(shapes).index(u)))
    assert expected and urls(db, "--needs-review", "--grade", "a", "--sort", "promising") == expected


def test_json_is_the_contract_shape_of_each_prospect(db, shapes):
    for shape in listed(db):
        assert shape == shapes[shape["url"]]
        assert {"url", "domain", "name", "status", "error", "pages", "evidence", "score"} <= set(shape)


def test_a_rubric_with_grade_d(db, shapes, tmp_path):
    """The CCTV rubric has four grades: a manufacturer is knocked out to D, and D filters and
    sorts like any other grade (after C, before the ungraded)."""
    other = copy_store(db, tmp_path / "cctv.db")
    run(other, "score", "--rubric", "cctv-installer-en")
    maker = next(u for u, s in shapes.items() if grade(s) == "A")
    run(other, "set", maker, "business_model", "manufacturer", "--note", "they make readers")
    assert urls(other, "--grade", "d") == [maker]
    assert listed(other, "--grade", "D")[0]["score"]["grade"] == "D"
    order = [json.loads(run(other, "show", u, "--json"))["score"] for u in urls(other, "--sort", "grade")]
    grades = [(s or {}).get("grade") for s in order]
    assert grades.index("D") == max(i for i, g in enumerate(grades) if g)  # the worst grade
    result = CliRunner().invoke(cli, ["--db", str(other), "list", "--grade", "E"])
    assert result.exit_code == 2 and "choose from A, B, C, D, unscored" in result.output


def test_the_list_says_why_a_prospect_has_its_grade(db, shapes):
    lines = run(db, "list", "--all").splitlines()
    header = lines[0].split()
    assert header[-1] == "why"
    knocked = next(line for line in lines if SETTLED_C[0] in line)
    assert "knock-out: " in knocked
    unscored = [url for url, shape in shapes.items() if (shape["score"] or {}).get("unscored")]
    for url in unscored:
        line = next(line for line in lines if url in line)
        assert shapes[url]["score"]["unscored"][:20] in line  # the reason, not a grade range


def test_the_fields_to_review_count_is_the_same_in_list_show_and_the_web_app(db, shapes):
    from prospect_intel.app.listing import ListFilter, select_prospects
    from prospect_intel.app.store import Store
    from prospect_intel.app.web import AppConfig, create_app

    store = Store(db)
    try:
        listed = {row["url"]: summary.get("needs_review") or 0
                  for row, summary in select_prospects(store, ListFilter(), limit=None).rows}
    finally:
        store.close()
    client = create_app(AppConfig(db_path=str(db))).test_client()
    for url, shape in shapes.items():
        count = len(shape["needs_review"])
        if shape["score"]:
            assert listed[url] == count, url  # the list's column, from the stored score
        html = client.get("/prospect", query_string={"url": url}, headers={"Host": "127.0.0.1:8765"}).get_data(
            as_text=True)
        assert (f"{count} to review" in html) == bool(count), url
