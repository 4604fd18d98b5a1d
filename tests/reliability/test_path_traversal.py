"""Fixture names and `record` destinations cannot escape their folder (crawler/fixtures.py)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from prospect_intel.core.errors import FixtureError
from prospect_intel.crawler.fixtures import Recorder, ReplayIndex, site_folder_name
from tests.support.cli import prospect


def _site(folder: Path, file: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(json.dumps({"responses": [
        {"url": "http://www.example.cn/", "status": 200, "headers": {"Content-Type": "text/html"}, "file": file}]}))
    return folder


@pytest.mark.parametrize("file", ["../secret.html", "../../../../etc/passwd", "/etc/passwd",
                                  "files/../../secret.html", "files/link.html"])
def test_manifest_files_outside_the_site_folder_are_refused(tmp_path, file):
    (tmp_path / "secret.html").write_text("<html>secret</html>")
    site = _site(tmp_path / "sites" / "evil", file)
    (site / "files").mkdir()
    os.symlink(tmp_path / "secret.html", site / "files" / "link.html")
    with pytest.raises(FixtureError, match="outside the site folder"):
        ReplayIndex(site)


def test_replay_cli_reports_the_traversal_with_exit_6(tmp_path):
    site = _site(tmp_path / "evil", "../../../../etc/passwd")
    db = tmp_path / "p.db"
    prospect(db, "add", "http://www.example.cn/")
    result = prospect(db, "crawl", "--quiet", "--replay", str(site), check=False)
    assert result.returncode == 6 and "outside the site folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("url", ["http://../../etc/", "http://a/../../b/", "http://..%2f..%2fetc/",
                                 "http://%2e%2e/", "http:///", "http://./", "http://[::1]/"])
def test_site_folder_names_are_plain_names(url):
    name = site_folder_name(url)
    assert name and "/" not in name and "\\" not in name and name not in (".", "..") and not name.startswith(".")


@pytest.mark.parametrize("url", ["http://www.example.cn/../../../../tmp/evil.html",
                                 "http://www.example.cn/%2e%2e/%2e%2e/evil", "http://www.example.cn/a/..%2f..%2fx.html"])
def test_recorded_files_stay_inside_the_folder(tmp_path, url):
    folder = tmp_path / "rec" / "site"
    recorder = Recorder(folder, "http://www.example.cn/")
    recorder.add(url, 200, {"Content-Type": "text/html"}, b"<html>x</html>")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.resolve().is_relative_to(folder.resolve()) for p in written)
    assert len(ReplayIndex(folder)) == 1
