"""Shared paths and fixtures: the fixture sites, and one store with all of them crawled."""
import json
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SITES = FIXTURES / "sites"
REALSITES = Path(__file__).resolve().parents[2] / "shared" / "realsites"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"  # labels and provenance; pages restored apart

# The suite speaks English unless a test chooses otherwise: neither the tester's own settings
# file, nor $PROSPECT_LANG, nor a Chinese terminal locale reaches it (the CLI runs in subprocesses
# that inherit this environment).
os.environ["PROSPECT_CONFIG"] = str(Path(tempfile.mkdtemp(prefix="prospect-config-")) / "config.ini")
os.environ.pop("PROSPECT_LANG", None)
for _variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
    os.environ[_variable] = "C.UTF-8"
# The rules' own confidence levels, not the bundled calibration fitted over them (which the tests of
# `tests/extractors/test_ex_bundled_calibration.py` check on their own): a rule's test asserts
# what the rule says, whatever a later fit makes of its method.
UNCALIBRATED = Path(tempfile.mkdtemp(prefix="prospect-calibration-")) / "calibration.json"
UNCALIBRATED.write_text('{"version": 1, "fitted_on": null, "levels": {}}', encoding="utf-8")
os.environ["PROSPECT_CALIBRATION"] = str(UNCALIBRATED)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "prospects.db"


def fixture_start_urls() -> list[str]:
    return sorted(json.loads((site / "manifest.json").read_text("utf-8"))["start_url"]
                  for site in SITES.iterdir() if (site / "manifest.json").exists())


@pytest.fixture(scope="session")
def sites_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with every fixture site crawled (replayed from disk), extracted and scored.

    Shared by the whole session: copy it (`copy_store`) before changing it."""
    from tests.support.cli import FAST, prospect

    db = tmp_path_factory.mktemp("sites-store") / "crawled.db"
    prospect(db, "add", *fixture_start_urls())
    prospect(db, "crawl", "--quiet", "--replay", str(SITES), *FAST)
    return db


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of an SQLite store (WAL included)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A test that switches the interface to Chinese in this process leaves it in English."""
    yield
    from prospect_intel.app import i18n

    i18n.use("en")
