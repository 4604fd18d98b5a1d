import pytest

from prospect_intel.core.decoding import decode_html

TEXT = "深圳市恒安镕堃科技有限公司成立于2009年，注册资金500万元。"


def page(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>公司简介</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    "body, content_type, encoding, source",
    [
        pytest.param(page(TEXT).encode("utf-8"), "text/html; charset=utf-8", "utf-8", "header", id="utf8-header"),
        pytest.param(page(TEXT).encode("gbk"), "text/html; charset=GBK", "gb18030", "header", id="gbk-header"),
        pytest.param(
            page(TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk"),
            "text/html",
            "gb18030",
            "meta",
            id="gb2312-meta-with-gbk-only-chars",
        ),
        pytest.param(
            page(TEXT, '<meta charset="utf-8">').encode("gbk"),
            "text/html",
            "gb18030",
            "detected",
            id="meta-lies-utf8-bytes-gbk",
        ),
        pytest.param(
            page(TEXT).encode("gbk"), "text/html; charset=utf-8", "gb18030", "detected", id="header-lies-utf8-bytes-gbk"
        ),
        pytest.param(
            b"\xef\xbb\xbf" + page(TEXT).encode("utf-8"), "text/html; charset=gbk", "utf-8", "bom", id="bom-wins"
        ),
        pytest.param(page(TEXT).encode("gb18030"), None, "gb18030", "detected", id="no-declaration-gbk"),
    ],
)
def test_decodes_chinese_pages(body, content_type, encoding, source):
    decoded = decode_html(body, content_type)
    assert (decoded.encoding, decoded.source) == (encoding, source)
    assert TEXT in decoded.text


def test_big5_page_from_header():
    text = "台北市信義區門禁系統代理商，成立於1998年。"
    body = f"<html><head><title>公司簡介</title></head><body>{text}</body></html>".encode("big5")
    decoded = decode_html(body, "text/html; charset=big5")
    assert text in decoded.text


def test_undecodable_bytes_never_raise():
    decoded = decode_html(bytes(range(256)) * 10, "text/html; charset=no-such-codec")
    assert isinstance(decoded.text, str)
