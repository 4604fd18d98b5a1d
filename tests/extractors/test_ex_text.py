import random

import pytest

from prospect_intel.core.text import cn_to_int, fold, join_spaced_labels, parse_int, parse_number, snippet


@pytest.mark.parametrize("text, expected", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百二十", 120), ("一百零五", 105),
    ("伍佰", 500), ("两千", 2000), ("三千五百", 3500), ("一万", 10000), ("壹仟万", 10_000_000),
    ("二〇〇九", 2009), ("一九九八", 1998), ("十万", 100_000), ("两亿", 200_000_000),
    ("贰拾", 20),
])
def test_chinese_numerals(text, expected):
    assert cn_to_int(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "一a", "年"])
def test_not_a_chinese_numeral(text):
    assert cn_to_int(text) is None


@pytest.mark.parametrize("text, expected", [
    ("2,000", 2000), ("1.5", 1.5), ("１２０", 120), ("1.5万", 15000), ("2千", 2000),
    ("伍佰", 500), ("36000", 36000), (" 500 ", 500),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "--"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_parse_int_rounds():
    assert parse_int("2.6") == 3


def test_fold_keeps_length_and_maps_fullwidth():
    text = "电话：０５７１－８５３６９１３８\u3000（总机）"
    folded = fold(text)
    assert len(folded) == len(text)
    assert "0571-85369138" in folded
    assert "(总机)" in folded


def test_fold_maps_non_breaking_hyphen():
    assert fold("(586) 339\u20115370") == "(586) 339-5370"


@pytest.mark.parametrize("text, joined", [
    ("地\u3000\u3000址：深圳市南山区", "  地址:深圳市南山区"),
    ("电 话: 0755-1234", " 电话: 0755-1234"),
    ("联 系 人 ：王先生", "  联系人 :王先生"),
    ("公司 简介 企业文化", "公司 简介 企业文化"),   # words, not a label: no colon
    ("首 页 关于我们：x", "首 页 关于我们:x"),       # the last word before the colon is no single ideograph
    ("公司地 址：x", "公司地 址:x"),                 # spaced inside a word, not a spaced label
])
def test_spaced_out_labels_are_joined_in_place(text, joined):
    assert join_spaced_labels(fold(text)) == joined and len(joined) == len(text)


def test_snippet_is_the_sentence():
    text = "第一句话。公司成立于2009年，位于杭州。第三句。"
    start = text.index("2009")
    assert snippet(text, start, start + 4) == "公司成立于2009年，位于杭州。"


def test_snippet_is_cut_to_limit():
    text = "x" * 500 + "2009" + "y" * 500
    cut = snippet(text, 500, 504, limit=60)
    assert "2009" in cut and len(cut) <= 60


def test_fold_equals_one_translation_of_every_character():
    from prospect_intel.core.text import _FOLD
    folded_to = {to for code, to in _FOLD.items() if code != to}
    assert not folded_to & {code for code, to in _FOLD.items() if code != to}
    rng = random.Random(7)
    alphabet = [chr(code) for code in _FOLD] + list("abc 门禁电话，。") + ["\u4e00", "\uff10"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert fold(text) == text.translate(_FOLD)


def test_a_cut_snippet_starts_and_ends_at_word_boundaries():
    text = ("Founded by two engineers who worked for decades in building automation, the company "
            "was established in 2009 and now installs access control across northern England and Wales.")
    start = text.index("2009")
    cut = snippet(text, start, start + 4, limit=60)
    assert "2009" in cut and len(cut) <= 60
    assert text.find(cut) >= 0  # still the page's own text
    first, last = cut.split()[0], cut.split()[-1]
    assert first in text.split() and last.rstrip(".") in [w.rstrip(".") for w in text.split()]


@pytest.mark.parametrize("text, needle, quoted", [
    # a navigation bar in one line: the item holding the match and the label before it
    ("首页\n贷款咨询专家 010-52474201 首页 抵押贷款 信用贷款 短期贷款 二手房贷款 三板融资\n正文", "010-52474201",
     "贷款咨询专家 010-52474201"),
    ("首页 | 关于我们 | 产品中心 | 工程案例 | 联系我们 | 服务热线 400-843-5559", "400-843-5559",
     "服务热线 400-843-5559"),
    ("Home | About | Products | Projects | News | Contact | Call 0800 123 456", "0800 123 456",
     "Call 0800 123 456"),
    # a footer of labelled fields: the field holding the match
    ("地址：北京市朝阳区惠新里甲240号通联大厦一层 电话：010-64997000 传真：010-64997001 Copyright©2008", "010-64997000",
     "电话：010-64997000"),
    ("Unit 4, Mill Road Tel: +44 20 7946 0000 Email: info@acme.co.uk", "+44 20 7946 0000", "Tel: +44 20 7946 0000"),
    # sentences are quoted whole: a Chinese clause, English prose (its words are not menu items),
    # a Chinese line of too few items to be a menu
    ("我公司成立于2009年，注册资金500万元，是一家专业从事门禁系统的企业。", "2009",
     "我公司成立于2009年，注册资金500万元，是一家专业从事门禁系统的企业。"),
    ("Founded in 2009 the company has grown into a leading installer of access control", "2009",
     "Founded in 2009 the company has grown into a leading installer of access control"),
    ("深圳市恒安智能安防科技有限公司 成立于2009年 专业从事门禁系统", "2009",
     "深圳市恒安智能安防科技有限公司 成立于2009年 专业从事门禁系统"),
])
def test_a_snippet_never_quotes_a_whole_menu_or_footer(text, needle, quoted):
    start = text.index(needle)
    assert snippet(text, start, start + len(needle)) == quoted
