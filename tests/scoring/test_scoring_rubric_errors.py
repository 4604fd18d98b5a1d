"""Rubric validation: each broken rubric raises RubricError naming the file, line and key.

Every case edits the default rubric's text once; the expected line is the line of the edit
(or of the table that lacks a key), found in the edited text rather than hard-coded.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from prospect_intel.scoring.errors import RubricError
from prospect_intel.scoring.rubric import RUBRICS_DIR, load_rubric, parse_rubric

DEFAULT_TEXT = (RUBRICS_DIR / "access-control-channel.toml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Broken:
    id: str
    old: str
    new: str
    key: str
    message: str  # fragment of the message
    at: str = ""  # fragment of the expected line, when it is not the edited line
    above: bool = True  # look for `at` above the edit (a table header) or below it


CASES = [
    Broken("unknown-field", 'when = "headcount >= 20"', 'when = "headcont >= 20"',
           "indicators[2].levels[0].when", "unknown field 'headcont' (did you mean 'headcount'?)"),
    Broken("arithmetic-operator", 'when = "headcount >= 20"', 'when = "headcount + 1 >= 20"',
           "indicators[2].levels[0].when", "operator '+' is not allowed"),
    Broken("is-operator", 'when = "headcount >= 20"', 'when = "headcount is 20"',
           "indicators[2].levels[0].when", "operator 'is' is not allowed"),
    Broken("condition-syntax", 'when = "headcount >= 20"', 'when = "headcount >= "',
           "indicators[2].levels[0].when", "syntax error at the end"),
    Broken("unknown-function", 'when = "distinct(product_tiers) >= 2"', 'when = "count(product_tiers) >= 2"',
           "indicators[0].bonuses[0].when", "unknown function 'count'"),
    Broken("two-fields-compared", 'when = "headcount >= 20"', 'when = "headcount >= sales_staff"',
           "indicators[2].levels[0].when", "compare a field with a constant"),
    Broken("enum-value-misspelt", "when = 'business_model == \"distributor\"'",
           "when = 'business_model == \"distributer\"'",
           "indicators[1].levels[0].when", "'distributer' is not a value of business_model"),
    Broken("number-compared-with-text", 'when = "headcount >= 20"', 'when = "headcount >= \'20\'"',
           "indicators[2].levels[0].when", "headcount (int) cannot be compared with '20'"),
    Broken("missing-points", 'points = 3\nwhen = "10 <= headcount < 20"', 'when = "10 <= headcount < 20"',
           "indicators[2].levels[1].points", "missing (required)", at="[[indicators.levels]]"),
    Broken("points-not-a-number", 'points = 4\nwhen = "headcount >= 20"', 'points = "4"\nwhen = "headcount >= 20"',
           "indicators[2].levels[0].points", "must be a number"),
    Broken("unknown-key-with-hint", 'label_zh = "公司人数"', 'lable_zh = "公司人数"',
           "indicators[2].lable_zh", "unknown key (did you mean 'label_zh'?)"),
    Broken("thresholds-out-of-order", '{ grade = "B", min_total = 10 }', '{ grade = "B", min_total = 16 }',
           "grades[1].min_total", "thresholds out of order"),
    Broken("lowest-grade-with-threshold", '{ grade = "C" }', '{ grade = "C", min_total = 0 }',
           "grades[2].min_total", "the last (lowest) grade takes every lower total"),
    Broken("duplicate-grade", '{ grade = "B", min_total = 10 }', '{ grade = "A", min_total = 10 }',
           "grades[1].grade", "duplicate grade 'A'"),
    Broken("knockout-unknown-grade", 'grade = "C"\nlabel = "it does', 'grade = "E"\nlabel = "it does',
           "knockouts[0].grade", "unknown grade 'E' (grades: A, B, C)"),
    Broken("derived-unknown-field", '{ field = "founded_year", transform', '{ field = "founded_yr", transform',
           "derived.ac_years.sources[1].field", "unknown evidence field 'founded_yr'"),
    Broken("derived-unknown-transform", 'transform = "years_since"', 'transform = "age"',
           "derived.ac_years.sources[1].transform", "unknown transform 'age'"),
    Broken("derived-unknown-skip-flag", 'skip_flags = ["inferred"]', 'skip_flags = ["guessed"]',
           "derived.ac_years.sources[0].skip_flags[0]", "unknown flag 'guessed'"),
    Broken("min-indicators-too-high", "min_indicators = 2", "min_indicators = 9",
           "scoring.min_indicators", "from 0 to 5"),
    Broken("missing-points-option", 'missing_points = "lowest"', 'missing_points = "worst"',
           "scoring.missing_points", "must be one of: lowest, zero"),
    Broken("duplicate-indicator", 'name = "headcount"', 'name = "business_model"',
           "indicators[2].name", "duplicate name 'business_model'"),
    Broken("version-not-text", 'version = "1.1.0"', "version = true", "version", "must be a string or a number"),
    Broken("toml-syntax", '{ grade = "B", min_total = 10 },', '{ grade = "B", min_total = 10 }',
           "grades", "TOML syntax error", at='{ grade = "C" }',
           above=False),
    Broken("toml-syntax-missing-value", "points = 3\n", "points = \n", "points", "TOML syntax error"),
    # tomllib notices an unclosed array only at the next statement; the error names the array's line
    Broken("toml-unclosed-array", 'version = "1.1.0"', "version = [1", "version", "Unclosed array (noticed at line"),
    Broken("toml-unclosed-multiline-array", 'version = "1.1.0"', "version = [\n  1,\n  # major\n  2",
           "version", "Unclosed array (noticed at line"),
    # numbers: finite and in range (nan graded every prospect C, inf every one A, a huge integer
    # passed validation and crashed every score)
    Broken("threshold-nan", "{ grade = \"A\", min_total = 16 }", "{ grade = \"A\", min_total = nan }",
           "grades[0].min_total", "must be a finite number"),
    Broken("threshold-infinite", "{ grade = \"A\", min_total = 16 }", "{ grade = \"A\", min_total = 1e999 }",
           "grades[0].min_total", "must be a finite number"),
    Broken("threshold-huge", "{ grade = \"A\", min_total = 16 }",
           "{ grade = \"A\", min_total = 99999999999999999999 }", "grades[0].min_total",
           "from -1,000,000 to 1,000,000"),
    Broken("points-infinite", 'points = 4\nwhen = "headcount >= 20"', 'points = inf\nwhen = "headcount >= 20"',
           "indicators[2].levels[0].points", "must be a finite number"),
    Broken("points-huge", 'points = 4\nwhen = "headcount >= 20"',
           'points = 123456789012345678901234567890\nwhen = "headcount >= 20"',
           "indicators[2].levels[0].points", "must be a finite number"),
    Broken("condition-number-infinite", 'when = "headcount >= 20"', 'when = "headcount > 1e999"',
           "indicators[2].levels[0].when", "an infinite number is out of range"),
    Broken("condition-number-huge", 'when = "headcount >= 20"', 'when = "headcount > 10000000000000"',
           "indicators[2].levels[0].when", "10000000000000 is out of range"),
    Broken("condition-nested-nots", 'when = "headcount >= 20"', 'when = "' + "not " * 21 + 'headcount >= 20"',
           "indicators[2].levels[0].when", "nested too deeply (21"),
    Broken("condition-nested-brackets", 'when = "headcount >= 20"', 'when = "' + "(" * 21 + "headcount >= 20"
           + ")" * 21 + '"', "indicators[2].levels[0].when", "nested too deeply"),
    Broken("condition-too-long", 'when = "headcount >= 20"', 'when = "' + " and ".join(["headcount >= 20"] * 150)
           + '"', "indicators[2].levels[0].when", "condition too long"),
    # [registry]: the same checks as [scoring]
    Broken("registry-unknown-key", "implausible_ratio = 10", "implausible_ration = 10",
           "registry.implausible_ration", "unknown key (did you mean 'implausible_ratio'?)"),
    Broken("registry-use-not-a-table", 'use = { registered_capital_cny = "registry", founded_year = "registry", '
           'headcount = "site" }', 'use = "registry"', "registry.use", "must be a table, not str"),
    Broken("registry-use-misspelt-field", 'headcount = "site" }', 'headcont = "site" }',
           "registry.use.headcont", "unknown key (did you mean 'headcount'?)"),
    Broken("registry-use-other-field", 'headcount = "site" }', 'insured_staff = "site" }',
           "registry.use.insured_staff", "allowed: registered_capital_cny, founded_year, headcount"),
    Broken("registry-use-unknown-source", 'headcount = "site" }', 'headcount = "rep" }',
           "registry.use.headcount", "must be one of: site, registry"),
    Broken("registry-ratio-not-a-number", "implausible_ratio = 10", 'implausible_ratio = "10"',
           "registry.implausible_ratio", "must be a number"),
    Broken("registry-ratio-below-one", "implausible_ratio = 10", "implausible_ratio = 0.5",
           "registry.implausible_ratio", "must be at least 1"),
    Broken("registry-ratio-infinite", "implausible_ratio = 10", "implausible_ratio = inf",
           "registry.implausible_ratio", "must be a finite number"),
    Broken("registry-scope-words-not-an-array", 'scope_words = ["门禁", "安防", "智能化", "一卡通", "出入口", '
           '"access control", "security systems",\n               "security system"]', 'scope_words = "门禁"',
           "registry.scope_words", "must be an array"),
    Broken("registry-scope-word-empty", 'scope_words = ["门禁",', 'scope_words = ["  ",',
           "registry.scope_words[0]", "must be a non-empty string"),
    Broken("knockout-unknown-registry-status", '"deregistered", "revoked"', '"closed", "revoked"',
           "knockouts[2].when", "'closed' is not a value of registry_status"),
    Broken("toml-nested-too-deep", 'version = "1.1.0"', "version = " + "[" * 40 + "]" * 40,
           "version", "nested more than 32 deep"),
]


def _line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def _expected_line(text: str, case: Broken) -> int:
    edit = text[:DEFAULT_TEXT.index(case.old)].count("\n") + 1  # the edit starts where `old` did
    if not case.at:
        return edit
    lines = list(enumerate(text.splitlines(), 1))
    if case.above:
        return max(n for n, line in lines if n <= edit and case.at in line)
    return min(n for n, line in lines if n >= edit and case.at in line)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_error_names_file_line_and_key(case):
    assert case.old in DEFAULT_TEXT
    text = DEFAULT_TEXT.replace(case.old, case.new, 1)
    with pytest.raises(RubricError) as caught:
        parse_rubric(text, source="team.toml")
    error = caught.value
    line = _expected_line(text, case)
    assert (error.line, error.key) == (line, case.key), str(error)
    assert case.message in error.message
    assert str(error).startswith(f"team.toml:{line}: {case.key}: ")


def test_top_level_key_inside_a_table_gets_a_hint():
    grades = DEFAULT_TEXT[DEFAULT_TEXT.index("grades = ["):DEFAULT_TEXT.index("[scoring]")]
    text = DEFAULT_TEXT.replace(grades, "").replace("min_indicators = 2\n", "min_indicators = 2\n" + grades)
    with pytest.raises(RubricError) as caught:
        parse_rubric(text, source="team.toml")
    assert caught.value.key == "scoring.grades"
    assert "belongs at the top level" in caught.value.message
    assert caught.value.line == _line_of(text, "grades = [")


def test_brackets_inside_strings_and_comments_do_not_count_as_nesting():
    text = DEFAULT_TEXT.replace('title = "', 'title = "' + "[" * 40 + " ", 1) + "\n# " + "{" * 40 + "\n"
    assert parse_rubric(text, source="team.toml").name == "access-control-channel"


def test_a_rubric_file_too_large_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(DEFAULT_TEXT + "\n" + "# padding\n" * 30_000, encoding="utf-8")
    with pytest.raises(RubricError, match=r"rubric file too large \([\d,]+ bytes; at most 262,144\)"):
        load_rubric(path)


def test_missing_file(tmp_path):
    with pytest.raises(RubricError) as caught:
        load_rubric(tmp_path / "nope.toml")
    assert str(caught.value) == f"{tmp_path / 'nope.toml'}: no such rubric file"


def test_not_utf8(tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes('name = "门禁"\n'.encode("gbk"))
    with pytest.raises(RubricError, match="cannot read rubric file"):
        load_rubric(path)


def test_file_errors_carry_the_path(tmp_path):
    path = tmp_path / "team.toml"
    path.write_text(DEFAULT_TEXT.replace("min_indicators = 2", "min_indicators = -1"), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(f"{path}:{_line_of(path.read_text(), 'min_indicators = -1')}: ")


def test_rubric_error_is_a_prospect_error():
    from prospect_intel.core.errors import ProspectError

    assert issubclass(RubricError, ProspectError)
    assert RubricError.exit_code not in (1, 2, 3, 4, 5, 6)


def test_derived_name_may_not_shadow_a_field():
    text = DEFAULT_TEXT.replace("[derived.ac_years]", "[derived.headcount]")
    with pytest.raises(RubricError) as caught:
        parse_rubric(text, source="team.toml")
    assert caught.value.key == "derived.headcount"
    assert caught.value.line == _line_of(text, "[derived.headcount]")


def test_default_rubric_loads_with_name_and_version():
    rubric = parse_rubric(DEFAULT_TEXT)
    assert (rubric.name, rubric.version) == ("access-control-channel", "1.1.0")
    assert [i.name for i in rubric.indicators] == [
        "main_product", "business_model", "headcount", "financial_strength", "years_in_access_control"]
    assert [(g.grade, g.min_total) for g in rubric.grades] == [("A", 16), ("B", 10), ("C", None)]
    assert rubric.max_total == 22
