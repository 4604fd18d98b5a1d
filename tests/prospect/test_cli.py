"""The `prospect` command in-process (CliRunner) for everything but crawling."""
from __future__ import annotations

import csv
import importlib
import io
import json
import pkgutil

import click
import pytest
from click.testing import CliRunner

import prospect_intel.app.cli as cli_package
from prospect_intel.app.cli import COMMAND_MODULES, cli
from prospect_intel.app.store import Store
from prospect_intel.core.models import KeptPage, SiteOutcome


def run(db, *args, input=None):
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)


def test_every_command_has_help_text():
    for name in cli.list_commands(click.Context(cli)):
        command = cli.get_command(None, name)
        assert command is not None and command.help, f"prospect {name} has no help text"
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_the_table_of_lazily_loaded_commands_names_each_modules_commands():
    """A command a module adds but the table misses could never run; one the table names in the
    wrong module would fail when asked for."""
    modules = set(COMMAND_MODULES.values())
    defined = {command.name: module for module in modules
               for command in importlib.import_module(f"prospect_intel.app.cli.{module}").COMMANDS}
    assert defined == COMMAND_MODULES
    helpers = {"console", "context", "helptext", "__main__"}
    assert {m.name for m in pkgutil.iter_modules(cli_package.__path__)} - helpers == modules


def test_add_normalises_and_says_when_already_queued(db):
    first = run(db, "add", "WWW.Hengan-Anfang.CN", "https://acme-security.co.uk")
    again = run(db, "add", "http://www.hengan-anfang.cn/")
    assert "added 2" in first.output
    assert "http://www.hengan-anfang.cn/: already queued" in again.output and "added 0" in again.output


def test_add_file_reports_bad_lines_by_number_and_keeps_the_rest(db, tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("www.a-anfang.cn\njavascript:alert(1)\nftp://files.b.cn/\nwww.c-anfang.cn\nwww.a-anfang.cn\n")
    result = run(db, "add", "--file", str(path))
    assert "line 2: 'javascript:alert(1)': unsupported scheme" in result.output
    assert "line 3:" in result.output
    assert "added 2, already known 1, invalid 2" in result.output
    assert [r["url"] for r in Store(db).prospects()] == ["http://www.a-anfang.cn/", "http://www.c-anfang.cn/"]


def test_add_rejects_missing_and_binary_files_cleanly(db, tmp_path):
    missing = CliRunner().invoke(cli, ["--db", str(db), "add", "--file", str(tmp_path / "none.csv")])
    assert missing.exit_code != 0 and "cannot read" in str(missing.exception or missing.output)
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x00\x01\x02PK")
    result = CliRunner().invoke(cli, ["--db", str(db), "add", "--file", str(binary)])
    assert result.exit_code != 0 and "not a text file" in str(result.exception)


def _crawled_store(db):
    store = Store(db)
    store.add_prospects([("http://www.hengan-anfang.cn/", "恒安"), ("http://www.queued.cn/", None)])
    run_id = store.start_run({})
    claimed = store.claim(run_id, 1)[0]
    pages = (
        KeptPage(
            "http://www.hengan-anfang.cn/",
            "home",
            200,
            "2026-11-23T01:00:00Z",
            "text/html",
            "utf-8",
            b"<html>1</html>",
            "首页",
            "恒安",
        ),
        KeptPage(
            "http://www.hengan-anfang.cn/about.html",
            "about",
            200,
            "2026-11-23T01:00:02Z",
            "text/html",
            "utf-8",
            b"<html>2</html>",
            "公司简介",
            "公司简介",
        ),
    )
    store.save_site(run_id, SiteOutcome(claimed.id, "done", pages, final_url="http://www.hengan-anfang.cn/"))
    return store


def test_show_json_has_the_contract_shape(db):
    _crawled_store(db)
    shape = json.loads(run(db, "show", "www.hengan-anfang.cn", "--json").output)
    assert shape["status"] == "done" and shape["error"] is None and shape["domain"] == "hengan-anfang.cn"
    assert [(p["url"], p["role"], p["status"]) for p in shape["pages"]] == [
        ("http://www.hengan-anfang.cn/", "home", 200), ("http://www.hengan-anfang.cn/about.html", "about", 200)]
    assert {"evidence", "score", "fetched_at"} <= set(shape) | set(shape["pages"][0])


def test_show_unknown_prospect_is_a_clean_error(db):
    run(db, "init")
    result = CliRunner().invoke(cli, ["--db", str(db), "show", "nowhere.cn"])
    assert result.exit_code != 0 and "no prospect http://nowhere.cn/" in str(result.exception)


def test_list_table_and_json(db):
    _crawled_store(db)
    table = run(db, "list").output
    assert "恒安" in table and "done" in table and "queued" in table
    listed = json.loads(run(db, "list", "--json").output)
    assert [p["status"] for p in listed] == ["done", "queued"]


def test_export_csv_has_bom_and_one_row_per_prospect(db, tmp_path):
    _crawled_store(db)
    target = tmp_path / "out.csv"
    run(db, "export", "--format", "csv", "-o", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["Website"], r["Status"], r["Pages Kept"]) for r in rows] == [
        ("http://www.hengan-anfang.cn/", "done", "2"), ("http://www.queued.cn/", "queued", "0")]


def test_export_json_is_a_list_of_shapes(db, tmp_path):
    _crawled_store(db)
    target = tmp_path / "out.json"
    run(db, "export", "--format", "json", "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [d["url"] for d in data] == ["http://www.hengan-anfang.cn/", "http://www.queued.cn/"]


def test_scraped_text_is_not_rich_markup(db):
    store = Store(db)
    store.add_prospects([("http://www.x-anfang.cn/", "[bold red]恒安[/] <script>alert(1)</script>")])
    output = run(db, "list").output
    assert "[bold red]恒安[/]" in output and "<script>alert(1)</script>" in output


@pytest.mark.parametrize("args", [["crawl", "--set", "NOVALUE"], ["add"]])
def test_usage_errors_exit_2(db, args):
    assert CliRunner().invoke(cli, ["--db", str(db), *args]).exit_code == 2


def test_control_characters_never_reach_the_terminal_raw(db):
    """A hostile name (from a CRM file or a scraped page) cannot clear the screen or rewrite lines."""
    store = Store(db)
    store.add_prospects([("http://www.evil-anfang.cn/", "恒安\x1b[2J\x1b]0;pwned\x07科技\r改写")])
    run_id = store.start_run({})
    claimed = store.claim(run_id, 1)[0]
    page = KeptPage("http://www.evil-anfang.cn/", "home", 200, "2026-11-23T01:00:00Z", "text/html", "utf-8",
                    b"<html>x</html>", "\x1b[31m首页", "首页\x1b[2J正文")
    store.save_site(run_id, SiteOutcome(claimed.id, "done", (page,), final_url="http://www.evil-anfang.cn/"))
    for args in (["list"], ["show", "www.evil-anfang.cn"]):
        shown = run(db, *args).output
        assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown, args
        assert "\\x1b[2J" in shown, args
