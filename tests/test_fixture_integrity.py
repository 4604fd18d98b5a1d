"""The saved fixture sites stay consistent: manifests, files, links, expectations and labels."""
import pytest

from tests.conftest import SITES
from tests.fixtures.check_fixtures import check_site

SITE_DIRS = sorted(p for p in SITES.iterdir() if (p / "manifest.json").is_file())


@pytest.mark.parametrize("site", SITE_DIRS, ids=lambda p: p.name)
def test_fixture_site_is_consistent(site):
    report = check_site(site)
    assert not report.errors, "\n".join(report.errors)


def test_there_are_enough_fixture_sites():
    assert len(SITE_DIRS) >= 8
