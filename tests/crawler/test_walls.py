import pytest

from prospect_intel.crawler.walls import wall_kind


@pytest.mark.parametrize(
    "text, html, status, headers, kind",
    [
        ("Just a moment... Checking your browser before accessing example.cn", "", 503, {}, "blocked"),
        ("Verify you are human by completing the action below.", "", 403, {}, "blocked"),
        ("Attention Required! | Cloudflare", "<script src='/cdn-cgi/challenge-platform/x.js'>", 403, {}, "blocked"),
        ("", "", 403, {"cf-mitigated": "challenge"}, "blocked"),
        ("安全验证 请完成下方滑动验证 拖动滑块完成拼图", "", 200, {}, "blocked"),
        ("This domain may be for sale! Buy this domain today.", "", 200, {}, "parked"),
        ("hengan.cn 此域名正在出售 联系我们购买", "", 200, {}, "parked"),
        ("该域名可转让，有意者请联系", "", 200, {}, "parked"),
    ],
)
def test_recognises_walls(text, html, status, headers, kind):
    assert wall_kind(text, html, status, headers) == kind


def test_company_page_mentioning_verification_is_content():
    text = "深圳市恒安科技有限公司成立于2009年。" * 200 + "我们的人脸识别门禁支持安全验证。"
    assert wall_kind(text, "", 200, {}) is None


def test_ordinary_page():
    assert wall_kind("公司简介 恒安科技成立于2009年，注册资金500万元。", "<html></html>", 200, {}) is None
