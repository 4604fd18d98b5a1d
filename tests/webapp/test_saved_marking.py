"""The saved copy opens scrolled to the quoted snippet, marked (issue 16): the page's own text is
wrapped in <mark id="prospect-snippet"> and the frame opens that fragment; no script runs."""
from __future__ import annotations

import re

import pytest

from prospect_intel.app.web import AppConfig, create_app
from prospect_intel.app.web.marking import MARK_ID, mark_first

LOCAL = {"Host": "127.0.0.1:8765"}
NORTHGATE = "https://www.northgate-access.co.uk/"


@pytest.mark.parametrize("html, needle, marked", [
    ("<p>We are <b>Acme</b> Ltd, founded\n  in 1998 in Leeds.</p>", "founded in 1998", "founded\n  in 1998"),
    ("<p>电话：0755-22968428</p>", "0755-22968428", "0755-22968428"),
    ("<div><span>Call</span> us on 0161 496 0732 today</div>", "0161 496 0732", "0161 496 0732"),  # a tail
])
def test_the_first_text_reading_like_the_quote_is_marked(html, needle, marked):
    out = mark_first(html, needle)
    assert f'<mark id="{MARK_ID}">{marked}</mark>' in out and out.count("<mark") == 1


def test_scripts_and_missing_text_are_left_alone():
    html = "<script>var x = 'founded in 1998';</script><p>nothing</p>"
    assert mark_first(html, "founded in 1998") == html
    assert mark_first("<p>nothing like it</p>", "founded in 1998") == "<p>nothing like it</p>"


def test_the_query_never_reaches_the_page_as_markup():
    out = mark_first("<p>a &lt;img src=x onerror=alert(1)&gt; b</p>", "<img src=x onerror=alert(1)>")
    assert '<mark id="prospect-snippet">&lt;img src=x onerror=alert(1)&gt;</mark>' in out
    assert "<img" not in out  # the page's own text, escaped, is what is marked


def test_the_saved_copy_link_scrolls_to_the_snippet(app_db):
    client = create_app(AppConfig(db_path=str(app_db))).test_client()
    page = client.get("/prospect", query_string={"url": NORTHGATE}, headers=LOCAL).get_data(as_text=True)
    link = re.search(r'href="(/saved\?[^"]*find=[^"]+)"', page).group(1).replace("&amp;", "&")
    frame = client.get(link, headers=LOCAL).get_data(as_text=True)
    src = re.search(r'<iframe[^>]*src="([^"]+)"', frame, re.S).group(1).replace("&amp;", "&")
    assert src.endswith(f"#{MARK_ID}") and "find=" in src
    raw = client.get(src.split("#")[0], headers=LOCAL)
    assert f'<mark id="{MARK_ID}">' in raw.get_data(as_text=True)
    assert raw.headers["Content-Security-Policy"].startswith("sandbox")
