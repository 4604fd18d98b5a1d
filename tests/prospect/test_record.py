"""`prospect record` writes a fixture folder only when it recorded something: a crawl refused by
the private-address guard exits non-zero with the reason and leaves no half-written folder, so the
retry needs no --force. A real loopback site."""
from __future__ import annotations

import json

import pytest

from tests.crawler.test_loopback import _company
from tests.support.cli import CONTACT, prospect


@pytest.fixture(scope="module")
def site():
    served = _company("127.0.0.55").start()
    yield served
    served.stop()


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".recording-" in p.name)


def test_a_refused_record_leaves_nothing_and_the_retry_needs_no_force(site, tmp_path):
    target = tmp_path / "fixtures" / "hengan"
    result = prospect(tmp_path / "x.db", "record", site.url, str(target), check=False, env=CONTACT)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"nothing recorded from {site.url}" in result.stderr and "private" in result.stderr.lower()
    assert not target.exists() and leftovers(target.parent) == []
    assert site.requests == []  # the guard refused before any request

    result = prospect(tmp_path / "x.db", "record", site.url, str(target), "--allow-private")
    assert "pages kept" in result.stdout
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "hengan" and manifest["start_url"] == site.url
    assert all((target / r["file"]).is_file() for r in manifest["responses"] if "file" in r)
    assert leftovers(target.parent) == []


def test_a_refused_record_with_force_leaves_the_folder_as_it_was(site, tmp_path):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "labels.json").write_text('{"slug": "mine"}')
    before = sorted(p.name for p in target.rglob("*"))
    result = prospect(tmp_path / "x.db", "record", site.url, str(target), "--force", check=False, env=CONTACT)
    assert result.returncode == 1 and "was left as it was" in result.stderr
    assert sorted(p.name for p in target.rglob("*")) == before and leftovers(tmp_path) == []


def test_force_replaces_the_recording_and_keeps_labels(site, tmp_path):
    target = tmp_path / "again"
    prospect(tmp_path / "x.db", "record", site.url, str(target), "--allow-private")
    (target / "labels.json").write_text('{"slug": "again"}')
    (target / "files" / "stale.html").write_text("old recording")
    prospect(tmp_path / "x.db", "record", site.url, str(target), "--allow-private", "--force")
    assert (target / "labels.json").read_text() == '{"slug": "again"}'
    assert not (target / "files" / "stale.html").exists()
    assert json.loads((target / "manifest.json").read_text(encoding="utf-8"))["responses"]


def _tree(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("name", ["..", ".", "/", "~", "link", "unrelated"])
def test_a_folder_that_is_no_recording_is_refused_and_nothing_is_touched(site, tmp_path, name):
    """`..`, `.`, `~` (here folders with other files), the root, a symbolic link and a folder of
    unrelated files are refused with the reason, --force or not; no file is written anywhere."""
    parent = tmp_path / "parent"
    work = parent / "work"
    work.mkdir(parents=True)
    (parent / "notes.txt").write_text("mine")
    (work / "draft.txt").write_text("mine too")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / ".profile").write_text("x")
    (tmp_path / "elsewhere").mkdir()
    (work / "link").symlink_to(tmp_path / "elsewhere")
    (work / "unrelated").mkdir()
    (work / "unrelated" / "photo.jpg").write_bytes(b"\xff\xd8")
    before, requests = _tree(tmp_path), len(site.requests)
    result = prospect(tmp_path / "x.db", "record", site.url, name, "--allow-private", "--force", check=False,
                      cwd=work, env={"HOME": str(tmp_path / "home")})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any(reason in result.stderr for reason in ("not empty", "root", "symbolic link")), result.stderr
    assert _tree(tmp_path) == before and len(site.requests) == requests
