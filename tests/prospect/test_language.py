"""The interface's two languages: the catalogue is complete, every word of the contract has both
names, and the CLI's language comes from the setting, $PROSPECT_LANG or the terminal's locale."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from prospect_intel.app import i18n
from prospect_intel.app.listing import UNSCORED
from prospect_intel.app.web.charts import NOT_GRADED
from prospect_intel.core import fields, models
from prospect_intel.core.wording import label
from tests.conftest import copy_store
from tests.support.cli import prospect

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "prospect_intel" / "locale" / "zh" / "LC_MESSAGES" / "messages.po"
METHODS = [("prospect_intel/app/cli/**.py", "prospect_intel.app.cli.helptext:extract"),  # also the help texts
           ("prospect_intel/**.py", "python"),
           ("prospect_intel/app/web/templates/**.html", "jinja2.ext:babel_extract")]
OPTIONS = {"prospect_intel/app/web/templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def _source_messages() -> dict[str, str]:
    """Every sentence the code and the templates mark for translation, with where it is."""
    found = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), METHODS, OPTIONS, keywords={"_": None, "gettext": None, "N_": None,
                                                   "ngettext": (1, 2)}):
        for text in (message if isinstance(message, tuple) else (message,)):
            if text:
                found[text] = filename
    return found


def _catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="zh")


def test_every_sentence_of_the_interface_has_a_chinese_translation():
    catalogue = _catalogue()
    untranslated = {text: where for text, where in _source_messages().items()
                    if not (catalogue.get(text) and catalogue.get(text).string
                            and not catalogue.get(text).fuzzy)}
    assert not untranslated, ("no Chinese for these (run `make catalogue` and translate them in "
                              f"{CATALOGUE.relative_to(ROOT)}): {untranslated}")


def test_the_catalogue_holds_no_sentence_the_code_no_longer_says():
    used = _source_messages()
    stale = [message.id for message in _catalogue() if message.id and message.id not in used]
    assert not stale


def test_every_translation_keeps_the_blanks_of_its_sentence():
    problems = [(message.id, [str(e) for e in errors]) for message, errors in _catalogue().check()]
    assert not problems


CONTRACT_WORDS = (
    *fields.BY_NAME, *fields.TIERS, *fields.BUSINESS_MODELS, *fields.OFFICE_TYPES, *fields.ORDER_HISTORY,
    *fields.SECTORS, *models.STATUSES, *models.CONFIDENCES, *models.REVIEW_ACTIONS, *models.REVIEW_SOURCES,
    "undone", "conflict", "implausible", "inferred", "stale", "reviewed", UNSCORED, NOT_GRADED,
    "not_stated", "page_not_found", "extraction_failed", "stated_in_other_currency", "yes", "no",
)


@pytest.mark.parametrize("word", CONTRACT_WORDS)
def test_every_word_of_the_contract_has_an_english_and_a_chinese_name(word):
    english, chinese = label(word, "en"), label(word, "zh")
    assert english and chinese and chinese != english or word == "crm"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese) or word == "crm"


@pytest.mark.parametrize("word, chinese", [
    ("office_tower", "写字楼"), ("domestic_mid_networked", "国内中档联网型"), ("not_stated", "网站未说明"),
    ("headcount", "公司人数"), ("queued", "排队中"),
])
def test_the_issue_s_examples(word, chinese):
    assert label(word, "zh") == chinese


def test_a_scraped_value_is_never_translated():
    assert label("宝兴县昱达石材", "zh") == "宝兴县昱达石材"
    assert label("Acme Security", "zh") == "Acme Security"


def test_every_absence_reason_of_a_crawled_store_has_both_names(sites_db, tmp_path):
    from prospect_intel.app.report import prospect_json
    from prospect_intel.app.store import Store

    store = Store(copy_store(sites_db, tmp_path / "copy.db"))
    reasons = {reason for row in store.prospects() for reason in prospect_json(store, row)["absent"].values()}
    assert reasons
    for reason in reasons:
        assert label(reason, "zh") != reason and label(reason, "en") != reason, reason


@pytest.mark.parametrize("typed, language", [
    ("zh", "zh"), ("zh-CN", "zh"), ("zh_CN.UTF-8", "zh"), ("zh-Hans", "zh"), ("中文", "zh"),
    ("Chinese", "zh"), ("en", "en"), ("en-GB", "en"), ("English", "en"), ("fr", None), ("C.UTF-8", None),
    ("", None),
])
def test_language_names_as_people_and_systems_write_them(typed, language):
    assert i18n.normalise(typed) == language


def test_sentences_and_words_follow_the_language_in_use():
    try:
        i18n.use("zh")
        assert i18n._("Grade breakdown") == "评分明细"
        assert i18n.word("office_tower") == "写字楼"
        assert i18n._("page %(page)s of %(pages)s", page=2, pages=5) == "第 2 / 5 页"
        i18n.use("en")
        assert i18n._("page %(page)s of %(pages)s", page=2, pages=5) == "page 2 of 5"
        assert i18n.word("office_tower") == "office tower"
    finally:
        i18n.use("en")


def test_config_sets_reads_and_removes_the_language(tmp_path):
    settings = {"PROSPECT_CONFIG": str(tmp_path / "conf" / "config.ini")}
    db = tmp_path / "p.db"
    said = prospect(db, "config", "set", "language", "中文", env=settings)
    assert "语言" not in said.stdout and "language = zh" in said.stdout  # printed in the new language
    assert "已保存到" in said.stdout
    assert prospect(db, "config", "get", "language", env=settings).stdout.strip() == "zh"
    assert "language = zh" in (tmp_path / "conf" / "config.ini").read_text("utf-8")
    listed = prospect(db, "config", "list", env=settings).stdout
    assert "language = zh" in listed and "设置文件" in listed
    prospect(db, "config", "unset", "language", env=settings)
    assert prospect(db, "config", "get", "language", env=settings).stdout.strip() == ""


def test_prospect_lang_wins_over_the_settings_file_and_the_locale_over_nothing(tmp_path):
    settings = {"PROSPECT_CONFIG": str(tmp_path / "config.ini")}
    db = tmp_path / "p.db"
    prospect(db, "config", "set", "language", "zh", env=settings)
    listed = prospect(db, "config", "list", env={**settings, "PROSPECT_LANG": "en"}).stdout
    assert "language = en  ($PROSPECT_LANG)" in listed
    prospect(db, "config", "unset", "language", env=settings)
    chinese_terminal = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
    listed = prospect(db, "config", "list", env={**settings, **chinese_terminal}).stdout
    assert "language = zh" in listed and "终端区域设置" in listed


@pytest.mark.parametrize("args, env, message", [
    (("config", "set", "language", "fr"), {}, "language must be one of en, zh, not 'fr'"),
    (("config", "set", "colour", "red"), {}, "no setting 'colour'"),
    (("config", "list"), {"PROSPECT_LANG": "klingon"}, "$PROSPECT_LANG='klingon' is not a language"),
])
def test_bad_settings_are_refused_with_the_reason(tmp_path, args, env, message):
    result = prospect(tmp_path / "p.db", *args, check=False,
                      env={"PROSPECT_CONFIG": str(tmp_path / "config.ini"), **env})
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_an_unreadable_settings_file_is_an_error_not_a_silent_default(tmp_path):
    broken = tmp_path / "config.ini"
    broken.write_text("language = zh\n[no section above", "utf-8")
    result = prospect(tmp_path / "p.db", "config", "list", check=False, env={"PROSPECT_CONFIG": str(broken)})
    assert result.returncode == 2 and "cannot read the settings file" in result.stderr


NORTHGATE = "https://www.northgate-access.co.uk/"


def _zh(db, *args, input=None, code=0):
    from click.testing import CliRunner

    from prospect_intel.app.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False,
                                env={"PROSPECT_LANG": "zh", "PROSPECT_REVIEWER": "li.wei"})
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def zh_db(sites_db, tmp_path):
    return copy_store(sites_db, tmp_path / "zh.db")


def test_the_list_in_chinese(zh_db):
    listed = _zh(zh_db, "list")
    header = listed.splitlines()[0].split()
    assert header[:5] == ["潜在客户", "网址", "状态", "页面", "评级"] and header[-1] == "原因"
    assert "已完成" in listed and "done" not in listed.split("\n", 1)[1]


def test_show_in_chinese_names_fields_and_values_with_their_keys(zh_db):
    shown = _zh(zh_db, "show", NORTHGATE)
    assert "状态：已完成" in shown and "证据" in shown and "缺失：" in shown
    assert "公司人数 headcount:" in shown or "电话号码 phone_numbers:" in shown
    assert "评分（" in shown


def test_a_value_typed_the_chinese_way_is_read_back_in_chinese(zh_db):
    said = _zh(zh_db, "set", NORTHGATE, "registered_capital_cny", "500万")
    assert "读作 500万 → 5,000,000 CNY" in said and "评级" in said
    said = _zh(zh_db, "set", NORTHGATE, "headcount", "20余人")
    assert "读作 20余人 → 20 以上" in said


def test_the_review_walk_in_chinese(zh_db):
    said = _zh(zh_db, "review", input="r\nq\n")
    assert "[r]审核 [s]跳过 [b]上一个 [q]退出" in said and "[c]确认 [e]更正" in said
    assert "已审核 1 / " in said and "评级变化：0 个" in said


def test_errors_in_chinese(tmp_path):
    said = prospect(tmp_path / "none.db", "list", check=False, env={"PROSPECT_LANG": "zh"})
    assert said.returncode == 4 and said.stderr.startswith("错误：这里没有数据库")


def test_the_export_headers_follow_the_language_unless_chosen(zh_db):
    assert "公司名称" in _zh(zh_db, "export", "--format", "csv").splitlines()[0]
    assert "公司名称" not in _zh(zh_db, "export", "--format", "csv", "--headers", "en").splitlines()[0]


def test_a_value_a_rep_mistypes_is_explained_in_chinese(zh_db):
    said = prospect(zh_db, "set", NORTHGATE, "founded_year", "3000", check=False, env={"PROSPECT_LANG": "zh"})
    assert said.returncode == 2 and "错误：founded_year：3000 不是有效的值（应在 1800 到 " in said.stderr
    said = _zh(zh_db, "set", NORTHGATE, "headcount", "10-20人", code=0)
    assert "读作 10-20人 → 10 至 20" in said


def test_refusals_and_lookups_explain_themselves_in_chinese(zh_db):
    added = prospect(zh_db, "add", "http://127.0.0.1/", "ftp://x.cn", check=False, env={"PROSPECT_LANG": "zh"})
    assert "127.0.0.1 是 IP 地址，不是公司网站（--allow-private 可强制加入）" in added.stderr
    assert "不支持的协议 'ftp'：只支持 http 和 https" in added.stderr
    missing = prospect(zh_db, "show", "www.no-such-dealer.cn", check=False, env={"PROSPECT_LANG": "zh"})
    assert missing.returncode == 3 and "中没有潜在客户" in missing.stderr


def test_the_help_in_chinese():
    said = prospect(Path("unused.db"), "--help", env={"PROSPECT_LANG": "zh"}).stdout
    assert "在夜间根据潜在渠道客户的网站做背景调研。" in said
    assert re.search(r"add +把潜在客户网址加入队列", said) and re.search(r"list +列出潜在客户", said)
    said = prospect(Path("unused.db"), "list", "--help", env={"PROSPECT_LANG": "zh"}).stdout
    assert "列出潜在客户：状态" in said and "只显示有待审核字段的潜在客户。" in said
    english = prospect(Path("unused.db"), "list", "--help").stdout
    assert "List prospects: status" in english and "Only prospects with fields to review." in english


def test_the_help_follows_a_language_switch_in_one_process():
    from prospect_intel.app.cli import cli, helptext

    try:
        crawl = cli.get_command(None, "crawl")
        i18n.use("zh")
        helptext.translate(cli)
        assert crawl is not None and crawl.help == "抓取队列中的潜在客户，直到队列为空。"
        i18n.use("en")
        helptext.translate(cli)
        assert crawl.help == "Crawl queued prospects until the queue is empty."
    finally:
        i18n.use("en")
        helptext.translate(cli)


def test_the_crawl_progress_line_in_both_languages():
    from prospect_intel.crawler.progress import CrawlProgress

    figures = {"done": 3, "total": 10, "pages": 42, "errors": 1, "per_hour": 120}
    try:
        assert CrawlProgress.line(figures) == \
            "crawl: 3/10 sites, 42 pages kept, 1 failed, 120 sites/h, ETA 3m30s"
        i18n.use("zh")
        assert CrawlProgress.line(figures) == \
            "抓取：3/10 个网站，保存 42 个页面，失败 1 个，每小时 120 个网站，预计剩余 3m30s"
    finally:
        i18n.use("en")
