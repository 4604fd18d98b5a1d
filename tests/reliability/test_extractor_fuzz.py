"""Extractors, page reading and decoding never crash, whatever a website sends (hypothesis).

Inputs: random text and bytes, real-looking company pages mutated (cut, spliced, re-encoded in
the wrong charset), huge numbers, mixed encodings and deeply nested markup.
"""
from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prospect_intel.core.decoding import decode_html
from prospect_intel.core.models import PageDoc
from prospect_intel.crawler.pages import read_page
from prospect_intel.extractors import extract_site
from prospect_intel.extractors.listlines import separated_list, strip_more

CRAWLED = dt.date(2026, 11, 23)
ROLES = ("home", "about", "products", "cases", "contact", "other")
SEEDS = [
    "<html><head><title>深圳市恒安科技有限公司</title></head><body>公司成立于2009年，注册资本500万元，员工80余人。"
    "主营联网门禁、一体机门禁，代理ZKTeco、HID。</body></html>",
    "<html><body><h1>联系我们</h1>地址：深圳市南山区科技园大厦12楼 电话：0755-12345678 传真：0755-87654321 "
    "手机：13800138000</body></html>",
    "<html><body><h2>成功案例</h2><ul><li>某市人民医院门禁工程</li><li>中国银行分行</li><li>清华大学</li></ul></body></html>",
    "<html><head><meta charset='gbk'><title>About</title></head><body>Founded in 1998, 15 years installing access "
    "control, 120 employees, registered capital USD 2 million.</body></html>",
    '<script type="application/ld+json">{"@type":"Organization","name":"Acme","foundingDate":"2001",'
    '"telephone":"+86 755 1234 5678","numberOfEmployees":{"value":99999999999999999999}}</script>',
]
NUMBERS = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(
        [
            "9" * 400,
            "1e308",
            "0x7fffffff",
            "１２３４５",
            "二〇〇九",
            "99999999亿",
            "-0",
            "NaN",
            "∞",
            "1,000,000,000,000万元",
        ]
    ),
)
FRAGMENTS = st.one_of(
    st.text(max_size=200),
    NUMBERS.map(lambda n: f"成立于{n}年，注册资本{n}万元，员工{n}人，电话：{n}，从事门禁行业{n}年"),
    st.sampled_from(
        [
            "<div>",
            "</div>",
            "<table><tr><td>",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "<![CDATA[",
            "<p",
            ">",
            "&#xffffff;",
            "&#0;",
            "&amp",
            "\x00",
            "\ufeff",
            "\ud7ff",
            "<?xml?>",
            "<meta charset=big5>",
        ]
    ),
)


def _nested(depth: int, inner: str) -> str:
    return "<div><span>" * depth + inner + "</span></div>" * depth


@st.composite
def mutated_html(draw) -> str:
    html = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(html)))
        action = draw(st.sampled_from(["insert", "cut", "truncate", "nest"]))
        if action == "insert":
            html = html[:at] + draw(FRAGMENTS) + html[at:]
        elif action == "cut":
            html = html[:at] + html[at + draw(st.integers(0, 50)):]
        elif action == "truncate":
            html = html[:at]
        else:
            html = html[:at] + _nested(draw(st.integers(1, 400)), html[at:at + 40]) + html[at:]
    return html


HTML = st.one_of(mutated_html(), st.text(max_size=2000), FRAGMENTS)
PAGES = st.lists(st.tuples(HTML, st.sampled_from(ROLES)), min_size=1, max_size=4)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _docs(pages) -> list[PageDoc]:
    return [PageDoc(url=f"http://www.example.cn/p{i}.html", role=role, html=html, title=html[:30])
            for i, (html, role) in enumerate(pages)]


@FUZZ
@given(PAGES)
def test_extract_site_never_crashes(pages):
    result = extract_site(_docs(pages), crawled_at=CRAWLED)
    assert result is not None


@FUZZ
@given(HTML)
def test_read_page_never_crashes(html):
    facts = read_page(html, "http://www.example.cn/a/b.html")
    assert isinstance(facts.text, str)


ENCODINGS = st.sampled_from(["utf-8", "gbk", "gb18030", "big5", "utf-16", "latin-1", "shift_jis"])
CONTENT_TYPES = st.one_of(st.none(), st.text(max_size=60), ENCODINGS.map(lambda e: f"text/html; charset={e}"),
                          st.sampled_from(["text/html; charset=", "text/html; charset=x-unknown-999",
                                           'text/html; charset="utf-8', "text/html;charset=utf-7"]))


@st.composite
def mixed_bytes(draw) -> bytes:
    parts = draw(st.lists(st.tuples(mutated_html(), ENCODINGS), min_size=1, max_size=3))
    body = b"".join(text.encode(enc, errors="replace") for text, enc in parts)
    if draw(st.booleans()):
        body = body[: draw(st.integers(0, len(body)))]
    return body


@FUZZ
@given(st.one_of(st.binary(max_size=3000), mixed_bytes()), CONTENT_TYPES)
def test_decode_html_never_crashes_and_feeds_extractors(body, content_type):
    decoded = decode_html(body, content_type)
    assert isinstance(decoded.text, str) and decoded.encoding
    read_page(decoded.text, "http://www.example.cn/")
    extract_site([PageDoc("http://www.example.cn/", "about", decoded.text)], crawled_at=CRAWLED)


def test_very_deep_nesting_and_huge_numbers():
    html = _nested(5000, "成立于" + "9" * 5000 + "年，注册资本" + "9" * 5000 + "万元，员工" + "9" * 400 + "人")
    extract_site(_docs([(html, "about"), (html, "home")]), crawled_at=CRAWLED)
    read_page(html, "http://www.example.cn/")


# -- bugs found: regexes that took quadratic or exponential time on hostile lines ----------------

_SEPARATED = re.compile(r"^[^\n]{4,40}?(?:\s*[·、/|]\s*[^\n]{4,40}?){2,}(?:…+|……|\.{3,})?(?:查看更多.*)?$")
_MORE = r"(?:…+|\.{3,})?(?:查看更多|更多)?\s*>*$"
LIST_LINES = st.builds(
    lambda parts, seps, tail: "".join(p + s for p, s in zip(parts, seps)) + parts[-1] + tail,
    st.lists(st.text("ab中国 .…", min_size=1, max_size=10), min_size=1, max_size=5),
    st.lists(st.sampled_from(["·", " · ", "、", "/", "|", " |  ", " "]), min_size=5, max_size=5),
    st.sampled_from(["", "…", "……", "...", "..", "查看更多>>", "更多 >", " 查看更多 xx", "…更多", " >>"]),
)


@settings(max_examples=500, deadline=None)
@given(LIST_LINES)
def test_list_line_helpers_answer_as_the_regexes_they_replace(line):
    assert separated_list(line) == bool(_SEPARATED.match(line))
    assert strip_more(line) == re.sub(_MORE, "", line)


HOSTILE_LINES = ["a" + " " * 50_000 + "b", "a" + "." * 50_000 + "b", "aaaa·" * 30 + "x" * 50,
                 "中国银行 · " * 3000 + "x" * 60, "|" * 20_000]


@pytest.mark.parametrize("line", HOSTILE_LINES, ids=["spaces", "dots", "separators", "long-list", "bars"])
def test_hostile_lines_are_read_in_bounded_time(line):
    html = f"<html><body><p>{line}</p></body></html>"
    done = threading.Event()

    def run():
        extract_site(_docs([(html, "cases"), (html, "home")]), crawled_at=CRAWLED)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(30), "extract_site did not finish within 30 s"
