"""E-mail addresses: printed, linked, obfuscated; never image names or versions."""
import pytest
from extractor_helpers import field, page, site, value

FOUND = [
    ("<p>邮箱：sales@example.com</p>", ["sales@example.com"]),
    ("<p>E-mail: Sales@Example.COM</p>", ["sales@example.com"]),
    ("<p>电子邮件：sales#example.com（请把#换成@）</p>", ["sales@example.com"]),
    ("<p>Email: sales[at]example.com</p>", ["sales@example.com"]),
    ("<p>Email: sales(at)example.co.uk</p>", ["sales@example.co.uk"]),
    ("<p>Email: sales (at) example.com</p>", ["sales@example.com"]),
    ("<p>邮箱：ｓａｌｅｓ＠ｅｘａｍｐｌｅ．ｃｏｍ</p>", ["sales@example.com"]),
    ("<p>联系邮箱：123456@qq.com，info@abc-anfang.cn。</p>", ["123456@qq.com", "info@abc-anfang.cn"]),
    ("<p>sales@example.com</p><p>Sales@example.com.</p>", ["sales@example.com"]),
    ('<p><a href="mailto:info@example.com?subject=Hi">Write to us</a></p>', ["info@example.com"]),
    ("<p>first.last+tag@mail.example.org</p>", ["first.last+tag@mail.example.org"]),
]


@pytest.mark.parametrize("body, expected", FOUND, ids=[f[0][3:28] for f in FOUND])
def test_emails(body, expected):
    assert value(body, "emails", "contact") == expected


@pytest.mark.parametrize("body", [
    '<p><img src="logo@2x.png" alt="logo"> logo@2x.png</p>',
    "<p>icon@3x.jpg banner@2x.webp</p>",
    "<p>Built with jquery@3.6.0</p>",
    "<p>Follow @acme_security on X</p>",
    "<p>颜色 #fff 编号 A#12.5</p>",
    "<p>C# .NET developer</p>",
    "<p>Visit us at www.example.com</p>",
])
def test_not_an_email(body):
    assert value(body, "emails", "contact") is None


def test_contact_page_address_is_high_and_first():
    result = site(page("<p>info@example.com</p>", "home"),
                  page("<p>邮箱：sales@example.com</p>", "contact"))
    found = result.fields["emails"]
    assert found.value == ["sales@example.com", "info@example.com"]
    assert found.source_url.endswith("contact.html") and found.snippet == "邮箱：sales@example.com"


def test_obfuscated_only_is_medium():
    found = field("<p>邮箱：sales#example.com</p>", "emails", "contact")
    assert found.confidence == "medium" and "obfuscated" in found.method


def test_schema_org_email():
    head = ('<script type="application/ld+json">{"@type": "Organization", "name": "Acme",'
            ' "email": "mailto:Hello@Acme.example"}</script>')
    assert value("<p>hi</p>", "emails", "home", head=head) == ["hello@acme.example"]


def test_absent_emails_are_explained():
    assert site(page("<p>电话：0571-85369138</p>", "contact")).absence["emails"] == "not_stated"
