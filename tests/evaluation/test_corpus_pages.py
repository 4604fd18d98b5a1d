"""The corpus's pages recorded from a repository snapshot by blob id, and restored from a later one."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from prospect_intel.evaluation.corpus_pages import CorpusPagesError, main, record_site, restore

HOME = "<html><head><meta charset='gbk'><title>恒安门禁</title></head><body><p>门禁一卡通</p></body></html>"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _snapshot(tmp_path: Path) -> Path:
    """A repository like one `fetch` brings: a site folder with a GBK home page and a contact page."""
    repo = tmp_path / "mirrors" / "hengan+site" / "repo"
    (repo / "www" / "about").mkdir(parents=True)
    (repo / "www" / "index.html").write_bytes(HOME.encode("gbk"))
    (repo / "www" / "about" / "contact.htm").write_text("<p>电话：0571-8536 9138</p>", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "site")
    return repo / ".git"


def _record(tmp_path: Path) -> tuple[Path, dict]:
    group = tmp_path / "corpus" / "zh-a"
    entry = {"slug": "hz-hengan", "repo": "hengan/site", "root": "www", "pages": ["index.html", "about/contact.htm"],
             "language": "zh", "category": "access_control"}
    return group, record_site(group, _snapshot(tmp_path), entry)


def test_a_site_is_recorded_with_its_commit_blobs_and_encoding(tmp_path):
    group, recorded = _record(tmp_path)
    assert (group / "hz-hengan" / "index.html").read_bytes() == HOME.encode("gbk")
    assert recorded["encoding"] == "gb18030" and len(recorded["commit"]) == 40
    assert set(recorded["blobs"]) == {"index.html", "about/contact.htm"}
    assert json.loads((group / "manifest.json").read_text("utf-8")) == [recorded]


def test_pages_come_back_byte_for_byte_after_the_snapshot_moved_on(tmp_path):
    group, recorded = _record(tmp_path)
    repo = tmp_path / "mirrors" / "hengan+site" / "repo"
    (repo / "www" / "index.html").write_text("<p>new site</p>", encoding="utf-8")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "redesign")
    for page in recorded["pages"]:
        (group / "hz-hengan" / page).unlink()
    assert restore(tmp_path / "corpus", tmp_path / "mirrors") == (1, [])
    assert (group / "hz-hengan" / "index.html").read_bytes() == HOME.encode("gbk")


def test_a_missing_snapshot_is_named_with_what_to_fetch(tmp_path, capsys):
    _record(tmp_path)
    assert main(["restore", str(tmp_path / "corpus"), "--mirrors", str(tmp_path / "elsewhere")]) == 1
    assert "fetch github:hengan/site first" in capsys.readouterr().out


def test_a_page_path_leaving_the_site_folder_is_refused(tmp_path):
    group = tmp_path / "corpus" / "zh-a"
    git_dir = _snapshot(tmp_path)
    entry = {"slug": "x", "repo": "hengan/site", "root": "www/about", "pages": ["../index.html"],
             "language": "zh", "category": "neighbour"}
    with pytest.raises(CorpusPagesError, match="outside"):
        record_site(group, git_dir, entry)


def test_text_prints_each_page_under_its_name(tmp_path, capsys):
    group, _ = _record(tmp_path)
    assert main(["text", str(group / "hz-hengan")]) == 0
    shown = capsys.readouterr().out
    assert "===== index.html (gb18030) title: 恒安门禁" in shown and "门禁一卡通" in shown
    assert "0571-8536 9138" in shown


def test_a_path_not_in_the_snapshot_is_a_clear_error(tmp_path, capsys):
    git_dir = _snapshot(tmp_path)
    code = main(["add", str(tmp_path / "g"), "--slug", "x", "--git", str(git_dir), "--repo", "hengan/site",
                 "--root", "www", "--language", "zh", "--category", "security", "missing.html"])
    assert code == 1 and "missing.html" in capsys.readouterr().err
