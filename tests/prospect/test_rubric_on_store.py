"""`score --rubric` remembers a new rubric only after it has graded every prospect: a rubric that
fails on one (exit code 7, naming it) leaves the store's rubric and every grade as they were."""
from __future__ import annotations

from click.testing import CliRunner

from prospect_intel.app import workflows
from prospect_intel.app.analysis import RUBRIC_META_KEY
from prospect_intel.app.cli import cli
from prospect_intel.app.store import Store
from prospect_intel.scoring import RubricError
from prospect_intel.scoring.rubric import RUBRICS_DIR
from tests.conftest import copy_store


def _state(db):
    store = Store(db)
    try:
        scores = store.db.execute("SELECT id, score_id FROM prospects ORDER BY id").fetchall()
        return store.get_meta(RUBRIC_META_KEY), scores
    finally:
        store.close()


def test_a_rubric_that_fails_on_a_prospect_is_not_remembered_and_changes_no_grade(sites_db, tmp_path, monkeypatch):
    db = copy_store(sites_db, tmp_path / "store.db")
    rubric = tmp_path / "team.toml"
    rubric.write_text((RUBRICS_DIR / "cctv-installer-en.toml").read_text(encoding="utf-8"), encoding="utf-8")
    before = _state(db)
    real, graded = workflows.rescore, []

    def fails_on_the_third(store, row, rubric):
        graded.append(row["url"])
        if len(graded) == 3:
            raise OverflowError("cannot convert float infinity to integer")
        return real(store, row, rubric)

    monkeypatch.setattr(workflows, "rescore", fails_on_the_third)
    result = CliRunner().invoke(cli, ["--db", str(db), "score", "--rubric", str(rubric)])
    assert isinstance(result.exception, RubricError) and result.exception.exit_code == 7  # `main` exits with it
    assert f"cannot grade {graded[2]}: OverflowError" in str(result.exception)
    assert _state(db) == before  # the two prospects graded first were rolled back too

    monkeypatch.setattr(workflows, "rescore", real)
    result = CliRunner().invoke(cli, ["--db", str(db), "score", "--rubric", str(rubric)])
    assert result.exit_code == 0, result.output
    remembered, scores = _state(db)
    assert remembered == str(rubric.resolve()) and scores != before[1]
