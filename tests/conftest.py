from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SITES = FIXTURES / "sites"
REALSITES = Path(__file__).resolve().parents[2] / "shared" / "realsites"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "prospects.db"
