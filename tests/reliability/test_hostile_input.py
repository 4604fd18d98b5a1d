"""Hostile and bad user input: a clear message and exit code, never a traceback, store unharmed.

Each case runs the real CLI against a store holding a queued and a reviewed prospect and
compares the store's full SQL dump before and after.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import copy_store
from tests.reliability.memory import max_rss_kb as _max_rss_kb
from tests.support.cli import prospect


def _dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def kept_store(tmp_path_factory) -> Path:
    """The store every case starts from, made once by the CLI."""
    db = tmp_path_factory.mktemp("hostile") / "template.db"
    prospect(db, "add", "www.hengan-anfang.cn", "https://acme-security.co.uk/")
    prospect(db, "set", "www.hengan-anfang.cn", "headcount", "25", "--note", "phone call")
    return db


@pytest.fixture
def store(kept_store, tmp_path) -> Path:
    """A copy of the kept store for one case (cases change or refuse to change it)."""
    return copy_store(kept_store, tmp_path / "kept.db")


def _refused(db: Path, *args: str, code: int, says: str) -> None:
    before = _dump(db)
    result = prospect(db, *args, check=False)
    assert result.returncode == code, result.stderr
    assert says in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert _dump(db) == before


@pytest.mark.parametrize("url, says", [
    ("javascript:alert(1)", "unsupported scheme 'javascript'"),
    ("file:///etc/passwd", "unsupported scheme 'file'"),
    ("ftp://files.example.cn/", "unsupported scheme 'ftp'"),
    ("http://admin:secret@www.example.cn/", "credentials"),
    ("http://www.example.cn:99999/", "invalid port"),
    ("http://exa mple.cn/", "spaces"),
    ("http://-bad-.例子..中国/", "invalid host"),
    ("data:text/html,<script>", "unsupported scheme 'data'"),
    ("http://" + "a" * 3000 + ".cn/", "longer than"),
    ("http://[::1", "malformed IPv6 address"),
    ("http://www.example.cn]/", "malformed IPv6 address"),
    # no company's public site (issue 16): refused unless --allow-private
    ("127.0.0.1", "127.0.0.1 is an IP address, not a company's site (--allow-private queues it)"),
    ("https://8.8.8.8:8443/", "is an IP address"),
    ("www.baidu", "www.baidu names no company"),
    ("localhost:8000", "localhost has no public domain suffix"),
    ("http://intranet.corp/", "no public domain suffix"),
])
def test_bad_urls_are_refused(store, url, says):
    _refused(store, "add", url, code=2, says=says)


@pytest.mark.parametrize("url, stored", [
    ("http://例子.中国/", "http://xn--fsqu00a.xn--fiqs8s/"),
    ("HTTP://WWW.Example.CN:80/index", "http://www.example.cn/index"),
    ("https://8.8.8.8:8443/", "https://8.8.8.8:8443/"),
    ("http://[2001:db8::1]:8080/", "http://[2001:db8::1]:8080/"),
])
def test_unusual_but_valid_urls_are_queued_normalised(store, url, stored):
    prospect(store, "add", "--allow-private", url)
    assert prospect(store, "show", stored, "--json").returncode == 0


def test_malformed_csv_rows_are_reported_and_good_rows_kept(store, tmp_path):
    path = tmp_path / "crm.csv"
    path.write_bytes(
        b'name,url\n"Good Co",www.good-anfang.cn\n"Broken "quote,www.x.cn\n,,,,,,\n'
        b'"Unclosed,www.unclosed.cn\n' + b"x" * 200_000 + b'\n"Later",www.later-anfang.cn\n'
    )
    before = _dump(store)
    result = prospect(store, "add", "--file", str(path), check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    for url in ("www.good-anfang.cn", "www.later-anfang.cn"):  # rows after a broken one still count
        assert prospect(store, "show", url, "--json").returncode == 0
    after = _dump(store)
    assert set(before) <= set(after)  # nothing already stored changed


def test_malformed_ipv6_line_is_reported_by_number_and_the_rest_queued(store, tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("www.first-anfang.cn\nhttp://[::1\nwww.third-anfang.cn\n", encoding="utf-8")
    result = prospect(store, "add", "--file", str(path), check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "line 2: 'http://[::1': malformed IPv6 address" in result.stderr
    assert "added 2" in result.stdout and "invalid 1" in result.stdout
    for url in ("www.first-anfang.cn", "www.third-anfang.cn"):
        assert prospect(store, "show", url, "--json").returncode == 0


def test_binary_file_is_refused(store, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + os.urandom(5000))
    _refused(store, "add", "--file", str(path), code=1, says="not a text file")


def test_one_gigabyte_sparse_file_of_nul_bytes_is_refused_at_once(store, tmp_path):
    path = tmp_path / "sparse.csv"
    with path.open("wb") as handle:
        handle.truncate(GIGABYTE)
    _refused(store, "add", "--file", str(path), code=1, says="not a text file")


def test_missing_file_is_refused(store, tmp_path):
    result = prospect(store, "add", "--file", str(tmp_path / "nope.csv"), check=False)
    assert result.returncode in (1, 2) and "nope.csv" in result.stderr and "Traceback" not in result.stderr


GIGABYTE = 1 << 30


def test_one_gigabyte_file_streams_in_bounded_memory(store, tmp_path):
    """Valid lines around a gigabyte-long line of NUL bytes (a sparse file: no disk used)."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"www.first-anfang.cn\n" + b"# padding past the binary sniff\n" * 4000)
        handle.seek(GIGABYTE)
        handle.write(b"\nwww.last-anfang.cn\n")
    assert path.stat().st_size > GIGABYTE
    before = set(_dump(store))
    result, rss_kb = _max_rss_kb(store, "add", "--file", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "line too long" in result.stderr
    assert "added 2" in result.stdout and "invalid 1" in result.stdout
    assert rss_kb < 250 * 1024, f"peak memory {rss_kb // 1024} MiB for a 1 GiB file"
    assert before <= set(_dump(store))


def test_many_valid_lines_are_queued_in_flat_memory(tmp_path):
    """Memory must not grow with the number of lines (the whole file was once held as a list)."""
    peaks = {}
    for lines in (1_000, 300_000):
        path = tmp_path / f"urls{lines}.txt"
        path.write_text("".join(f"www.dealer{i}-anfang.cn\n" for i in range(lines)))
        result, peaks[lines] = _max_rss_kb(tmp_path / f"q{lines}.db", "add", "--file", str(path))
        assert result.returncode == 0 and f"added {lines}" in result.stdout
    assert peaks[300_000] - peaks[1_000] < 40 * 1024, f"{(peaks[300_000] - peaks[1_000]) // 1024} MiB more"


RUBRICS = {
    "syntax.toml": "[[indicator]\nname = ",
    "empty.toml": "",
    "wrong_types.toml": 'name = 5\n[[indicators]]\nname = ["x"]\npoints = "many"\n',
    "binary.toml": "\x00\x01\x02",
}


@pytest.mark.parametrize("name", sorted(RUBRICS))
def test_broken_rubric_files_are_refused(store, tmp_path, name):
    path = tmp_path / name
    path.write_text(RUBRICS[name], encoding="latin-1")
    before = _dump(store)
    result = prospect(store, "score", "--rubric", str(path), check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "error" in result.stderr.lower() and len(result.stderr.strip().splitlines()) <= 5
    assert _dump(store) == before


def test_missing_rubric_is_refused(store, tmp_path):
    result = prospect(store, "score", "--rubric", str(tmp_path / "none.toml"), check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("make", ["foreign_sqlite", "text_file", "random_bytes", "truncated_store"])
@pytest.mark.parametrize("command", [("list",), ("add", "www.example.cn"), ("crawl", "--quiet")])
def test_unusable_database_files_are_refused_untouched(tmp_path, store, make, command):
    if make == "foreign_sqlite":
        path = _foreign(tmp_path)
    elif make == "truncated_store":
        path = tmp_path / "cut.db"
        data = store.read_bytes()
        path.write_bytes(data[: len(data) // 3] if len(data) > 8192 else data[:100])
    else:
        path = tmp_path / f"{make}.db"
        path.write_bytes(b"name,url\nAcme,www.acme.cn\n" * 50 if make == "text_file" else os.urandom(40_000))
    before = path.read_bytes()
    result = prospect(path, *command, check=False)
    assert result.returncode == 4, result.stderr
    assert "Traceback" not in result.stderr and str(path.name) in result.stderr
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
