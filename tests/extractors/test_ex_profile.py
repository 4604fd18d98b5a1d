"""Company name: legal names as printed, markup printed inside a name, traditional characters."""
import pytest
from extractor_helpers import page, site


def name_of(*pages):
    found = site(*pages).fields.get("company_name")
    return None if found is None else found.value


def _three(body: str) -> list:
    return [page(body, role) for role in ("home", "about", "contact")]


@pytest.mark.parametrize("printed", [
    "恒达&lt;script&gt;alert('xss')&lt;/script&gt;安防科技有限公司",
    "恒达&lt;b&gt;安防&lt;/b&gt;科技有限公司",
    "恒达&amp;nbsp;安防科技有限公司",
], ids=["script", "bold", "entity"])
def test_markup_printed_inside_the_name_keeps_the_prefix(printed):
    shown = printed.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    found = site(*_three(f"<p>版权所有 {printed}</p>")).fields["company_name"]
    assert found.value == shown and found.confidence == "high"


@pytest.mark.parametrize("body, name", [
    ("<p>版权所有：深圳市恒安智能安防科技有限公司</p>", "深圳市恒安智能安防科技有限公司"),
    ("<p>歡迎光臨鼎鑫門禁科技有限公司</p>", "鼎鑫門禁科技有限公司"),
    ("<p>关于恒达安防科技有限公司</p>", "恒达安防科技有限公司"),
])
def test_legal_name_as_printed(body, name):
    assert name_of(*_three(body)) == name


def test_english_legal_name_from_copyright_lines():
    pages = [page("<p>© 2026 Northgate Access Systems Ltd. All rights reserved.</p>", role,
                  url=f"http://www.example.co.uk/{role}", title="Northgate Access Systems Ltd | Home")
             for role in ("home", "about", "contact")]
    assert name_of(*pages).startswith("Northgate Access Systems Ltd")
