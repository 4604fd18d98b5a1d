"""Access control: whether a prospect deals in it, and whether it is the main line."""
import pytest
from extractor_helpers import field, page, site, value


@pytest.mark.parametrize("body", [
    "<p>主营门禁系统、一卡通、人脸识别门禁。</p>",
    "<p>We install access control and card readers.</p>",
    "<p>产品：门禁控制器、读卡器、考勤门禁一体机</p>",
    "<p>Access Controls</p>",
    "<p>Card access restricts or allows entrance to a property.</p>",  # the American name
    # an intercom that opens the door or gate is door entry
    "<p>Door and gate intercoms so you can see, hear and manage visitor access.</p>",
    "<p>An outdoor station with a camera, speaker and a lock release for the door.</p>",
    # a product's name in the plural
    "<p>Intercom and telephony entry systems</p>",
    "<p>Turnstiles, maglocks and badge readers for offices.</p>",
])
def test_sells_access_control(body):
    assert value(body, "sells_access_control", "products") is True


def test_does_not_sell_access_control():
    found = field("<p>专业生产塑胶模具。</p>", "sells_access_control", "products")
    assert found.value is False and found.confidence == "medium"
    assert value("<p>专业生产塑胶模具。</p>", "access_control_is_main", "products") is False


def test_a_locksmiths_fingerprint_door_locks_are_not_access_control():
    """Household smart locks (指纹锁, 智能门锁) are a product line of their own, not a door access
    system; a fingerprint reader of an access system still is one."""
    body = "<p>专业从事开锁，换锁，配钥匙，出售安装指纹锁、智能门锁。</p>"
    assert value(body, "sells_access_control", "products") is False
    assert value("<p>主营指纹门禁、指纹读卡器。</p>", "sells_access_control", "products") is True


def test_sells_snippet_is_not_a_ticker_on_every_page():
    ticker = "<p>最新公告：门禁软件新版发布</p>"
    result = site(page(ticker + "<p>公司成立于1998年，是一家门禁系统代理商。</p>", "about"),
                  page(ticker + "<p>欢迎光临</p>", "home"), page(ticker + "<p>联系我们</p>", "contact"))
    assert result.fields["sells_access_control"].snippet == "公司成立于1998年，是一家门禁系统代理商。"


MAIN = [  # (body, title, role)
    ("<p>公司主营门禁系统、一卡通、人脸识别门禁。</p>", "首页", "home"),
    ("<p>本公司专业从事门禁系统、停车场管理系统的销售与安装。</p>", "关于我们", "about"),
    ("<p>公司主营門禁系統、監控系統。</p>", "關於我們", "about"),
    ("<p>We specialise in access control systems and card readers.</p>", "About", "about"),
    ("<p>Acme is a leading provider of access control and door entry systems.</p>", "About", "about"),
    ("<p>Our core business is access control, with CCTV as a sideline.</p>", "About", "about"),
    ("<p>欢迎光临</p>", "某某門禁科技有限公司 - 專業門禁系統", "home"),
    ("<p>Welcome</p>", "Acme Access Control Ltd | Leeds", "home"),
    # one of at most four lines named: among its main lines (LABELLING.md)
    ("<p>We install fire alarms, burglar alarms, CCTV cameras and access control.</p>", "Home", "home"),
    ("<p>监控安装、电脑维修、门禁安装、网络布线</p>", "好帮手便民服务站", "home"),
]


@pytest.mark.parametrize("body, title, role", MAIN, ids=[m[0][3:24] + m[1][:8] for m in MAIN])
def test_access_control_is_main(body, title, role):
    found = site(page(body, role, title=title)).fields["access_control_is_main"]
    assert found.value is True
    assert found.method.startswith("score +")


NOT_MAIN = [
    # access control said to be a sideline (兼做, also), however few the lines
    ("<p>公司主营监控安装、网络布线，兼做门禁。</p>", "关于我们", "about"),
    ("<p>We specialise in CCTV and intruder alarms, and also fit access control.</p>", "About", "about"),
    # one of many lines, others leading
    ("<p>We install fire alarms, burglar alarms, CCTV cameras, intercoms, structured cabling and access "
     "control.</p>", "Home", "home"),
    ("<p>监控安装、电脑维修、网络布线、广播音响、门禁安装、空调维修</p>", "好帮手便民服务站", "home"),
]


@pytest.mark.parametrize("body, title, role", NOT_MAIN, ids=[m[0][3:24] for m in NOT_MAIN])
def test_other_lines_dominate(body, title, role):
    found = site(page(body, role, title=title)).fields["access_control_is_main"]
    assert found.value is False and found.confidence in ("low", "medium")
    assert "other lines" in found.method


def test_passing_mention_gives_no_verdict():
    """False needs evidence that other lines dominate; a news ticker is not that."""
    result = site(page("<p>新闻：门禁软件新版发布。</p><p>公司成立于1998年。</p>", "about"))
    assert result.fields["sells_access_control"].value is True
    assert "access_control_is_main" not in result.fields
    assert result.absence["access_control_is_main"] == "not_stated"


def test_company_name_on_two_pages():
    footer = "<p>版权所有：深圳市安达门禁科技有限公司</p>"
    result = site(page("<p>欢迎光临。</p>" + footer, "home"), page("<p>联系我们。</p>" + footer, "contact"))
    found = result.fields["access_control_is_main"]
    assert found.value is True and "安达门禁科技有限公司" in found.method


def _products(lines: list[str]) -> str:
    return "".join(f"<h3>{line}</h3>" for line in lines)


def test_product_pages_mostly_access_control():
    lines = ["门禁控制器 AC-200", "人脸识别门禁终端", "通道闸机 TS-3", "读卡器 R10", "监控摄像机 C1"]
    found = site(page(_products(lines), "products", title="产品中心")).fields["access_control_is_main"]
    assert found.value is True and "4 of 5 product lines" in found.method


def test_product_pages_mostly_other_lines():
    lines = ["CCTV camera kit", "Intruder alarm panel", "Fire alarm sounder", "Video surveillance NVR",
             "Smart home hub", "Intercom handset", "Card reader"]
    found = site(page(_products(lines), "products", title="Products")).fields["access_control_is_main"]
    assert found.value is False and "1 of 7 product lines" in found.method


def test_other_lines_count_in_the_plural_too():
    lines = ["CCTV cameras", "Intruder alarms", "Video door intercoms", "Fire alarms", "Card readers"]
    found = site(page(_products(lines), "products", title="Products")).fields["access_control_is_main"]
    assert found.value is False and "1 of 5 product lines" in found.method


def test_strong_evidence_of_two_kinds_is_high():
    body = "<p>公司主营门禁系统、一卡通、人脸识别门禁。</p>"
    found = site(page(body, "about", title="某某门禁科技有限公司")).fields["access_control_is_main"]
    assert found.value is True and found.confidence == "high"
