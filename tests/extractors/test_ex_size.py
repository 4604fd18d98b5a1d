"""Headcount (ints and ranges) and registered capital in CNY."""
import pytest
from extractor_helpers import field, page, site, value

HEADCOUNT = [
    ("<p>公司现有员工200余人。</p>", [200, None]),
    ("<p>现有员工80多名，其中技术人员30名。</p>", [80, None]),
    ("<p>公司拥有员工50人。</p>", 50),
    ("<p>团队30余人。</p>", [30, None]),
    ("<p>人员规模：50-99人</p>", [50, 99]),
    ("<p>人员规模：100~499人</p>", [100, 499]),
    ("<p>公司现有员工一百二十名。</p>", 120),
    ("<p>在职职工75人，其中工程技术人员25人。</p>", 75),
    ("<p>我公司现有正式员工15人，外聘员工10人。</p>", 15),
    ("<p>公司员工总数达300人以上。</p>", [300, None]),
    ("<p>We are a team of 35 security professionals.</p>", 35),
    ("<p>We have over 100 employees across the region.</p>", [100, None]),
    ("<p>Our 45 employees serve the county.</p>", 45),
    ("<p>Acme employs more than 60 people.</p>", [60, None]),
    ("<p>A team of twelve technicians.</p>", 12),
    ("<p>We are a team of 35.</p>", 35),
    ("<p>Small business, a team of 8, big results.</p>", 8),
    ("<p>Employees: 10-50</p>", [10, 50]),
    ("<p>Company size: 11-50 employees</p>", [11, 50]),
    ("<p>10-50 employees</p>", [10, 50]),
    ("<p>Number of employees: 35</p>", 35),
    ("<p>Employees: 500+</p>", [500, None]),
    ("<p>Our 12-strong team installs and services access control.</p>", 12),
    ("<p>A twelve-strong workforce.</p>", 12),
    # the company's people as one noun with its count after "of", and "N people strong"
    ("<p>A workforce of 200 skilled technicians.</p>", 200),
    ("<p>We have a manpower of over 200 trained guards.</p>", [200, None]),
    ("<p>Staff strength of 50.</p>", 50),
    ("<p>We are 100 people strong.</p>", 100),
    ("<p>团队规模：10-50人</p>", [10, 50]),
    ("<p>我们是一支35人的团队。</p>", 35),
    ("<p>公司拥有一支20余人的专业团队。</p>", [20, None]),
    # The company as the subject, no staff noun.
    ("<p>公司目前超过300人，年产值过亿。</p>", [300, None]),
    # Counter widgets: the number's line, then the line naming it.
    ("<div><span>200 +</span><p>Team members</p></div>", [200, None]),
    ("<div><h3>25+</h3><p>Expert Members</p></div>", [25, None]),
    ("<div><b>35</b><p>员工</p></div>", 35),
    # the label's noun qualified either side
    ("<div><h3>200 +</h3><p>Guards Deployed</p></div>", [200, None]),
    ("<div><h3>40+</h3><p>Certified Engineers</p></div>", [40, None]),
    # Only groups of its staff stated: they add up, as a lower bound (LABELLING.md).
    ("<p>多年培养施工队伍二百余人。</p>", [200, None]),
    ("<p>专业猎头顾问已达到10人以上规模。</p>", [10, None]),
    ("<p>培养组建了100多人的研发团队，40余人的销售管理队伍。</p>", [140, None]),
    ("<p>公司拥有中级技术人员15人，工程技术人员25人。</p>", [40, None]),
    ("<p>拥有一支30人的施工队伍。</p>", [30, None]),
    ("<p>技术人员30人，其中高级工程师5人。</p>", [30, None]),
    # English groups stated as a lower bound ("20+", "over"), added up likewise
    ("<ul><li>Flexible AMC plans</li><li>20+ certified engineers on call every hour</li></ul>", [20, None]),
    ("<p>Over 40 technicians and 15+ engineers cover the state.</p>", [55, None]),
    # every clause after 其中 in its sentence is a part, not only the first
    ("<p>技术骨干30人，其中高级工程师15人，中级工程师11人。</p>", [30, None]),
    # the verb "employ" in its present forms, its qualifiers, an adjective before the noun
    ("<p>We employ 45 people.</p>", 45),
    ("<p>Employing over 200 people, we cover the county.</p>", [200, None]),
    ("<p>We currently employ around 50 skilled people.</p>", 50),
    # "a staff of 40", "a 20-person team", "a 25-member team"
    ("<p>Today the company has a staff of 40.</p>", 40),
    ("<p>Our staff of 25 trained technicians.</p>", 25),
    ("<p>We are a 20-person team.</p>", 20),
    ("<p>A 25-member team of technicians.</p>", 25),
    # more size labels; 超过 / 逾 say "more than" as 余 does
    ("<p>企业人数：20人</p>", 20),
    ("<p>职工人数：100-200人</p>", [100, 200]),
    ("<p>公司员工逾百人。</p>", [100, None]),
    ("<p>公司员工超过200人。</p>", [200, None]),
]


@pytest.mark.parametrize("body, expected", HEADCOUNT, ids=[h[0][3:24] for h in HEADCOUNT])
def test_headcount(body, expected):
    assert value(body, "headcount") == expected


@pytest.mark.parametrize("body", [
    "<p>累计服务客户500人次。</p>",
    "<p>We have served 3000+ happy clients.</p>",
    "<p>Vidalia: (318) 336-6196<br>staff@example.com</p>",
    "<p>Trained 500 people in fire safety.</p>",
    "<p>A team of 35 years' standing.</p>",
    "<p>Staff: 10 years of experience each.</p>",
    "<p>We serve 10-50 people a day.</p>",
    "<div><span>500+</span><p>Satisfied Clients</p></div>",
    "<div><span>500+</span><p>Members</p></div>",
    # a counter or a count of others' people
    "<div><span>500+</span><p>Engineers Trained</p></div>",
    "<p>We have trained 500+ engineers across Africa.</p>",
    # a group without "+" or "over" is not said to be all of them
    "<p>12 engineers attended the launch.</p>",
    "<p>公司累计服务客户300人次。</p>",
    # the reader's staff, and a product's capacity
    "<p>A complete workforce platform that grows with your team — from 10 to 10,000 employees.</p>",
    "<p>Typically completed within half a day for teams of up to 200 employees.</p>",
    # whom a project serves
    "<p>Biometric access control across 6 entry points with integrated time attendance for 80 staff.</p>",
    # a share of the workforce, not its size
    "<p>Women make up a workforce of 30% across the group.</p>",
])
def test_not_a_headcount(body):
    assert value(body, "headcount") is None


def test_a_part_of_the_staff_opened_by_qizhong_is_no_total():
    assert value("<p>其中主体员工108人，紧密型劳务外包人员89人。</p>", "headcount") != 108


def test_headcount_on_about_page_is_high():
    assert field("<p>公司拥有员工50人。</p>", "headcount").confidence == "high"


CAPITAL = [
    ("<p>注册资金500万元</p>", 5_000_000),
    ("<p>注册资本：人民币1000万元</p>", 10_000_000),
    ("<p>注册资本 2,000 万</p>", 20_000_000),
    ("<p>注册资本伍佰万元</p>", 5_000_000),
    ("<p>公司注册资金为36000万元。</p>", 360_000_000),
    ("<p>注册资本为500万元人民币</p>", 5_000_000),
    ("<p>注册资本1.2亿元</p>", 120_000_000),
    ("<p>注册资本：5000000元</p>", 5_000_000),
    ("<p>注册资金一千万元</p>", 10_000_000),
    ("<p>Registered capital of RMB 10 million.</p>", 10_000_000),
]


@pytest.mark.parametrize("body, expected", CAPITAL, ids=[c[0][3:20] for c in CAPITAL])
def test_registered_capital(body, expected):
    assert value(body, "registered_capital_cny") == expected


@pytest.mark.parametrize("body", [
    "<p>注册资本100万美元</p>",
    "<p>注册资本500</p>",
    "<p>年销售额500万元</p>",
    "<p>Registered capital of USD 1 million.</p>",
])
def test_capital_not_taken(body):
    assert value(body, "registered_capital_cny") is None


@pytest.mark.parametrize("body, expected", [
    # a sentence opening with another company than the one the site's titles name: its capital
    ("<p>南京鼓楼物业管理有限公司于2011年成立，注册资本金1000万元。</p>", None),
    # the site's own company, or 公司, keeps its capital
    ("<p>南京恒安智能科技有限公司于2011年成立，注册资本金1000万元。</p>", 10_000_000),
    ("<p>公司于2011年成立，注册资本金1000万元。</p>", 10_000_000),
])
def test_another_companys_capital_is_not_the_sites(body, expected):
    title = "南京恒安智能科技有限公司"
    result = site(page(body, "about", title=title), page("<p>首页</p>", "home", title=title))
    got = result.fields.get("registered_capital_cny")
    assert (got.value if got else None) == expected


def test_the_home_pages_description_names_the_sites_company_when_its_titles_do_not():
    home = page("<p>欢迎访问</p>", "home", title="麦岛广场官网",
                head='<meta name="description" content="南京恒安智能科技有限公司创立于2010年，是一家投资公司。">')
    about = page("<p>南京鼓楼物业管理有限公司于2011年成立，注册资本金1000万元。</p>", "about", title="公司概况")
    assert "registered_capital_cny" not in site(home, about).fields


OTHER_CURRENCY = [
    "<p>注册资本：50万美元</p>",
    "<p>注册资本500万港元。</p>",
    "<p>注册资金：港币500万元</p>",
    "<p>資本額新台幣2,000萬元</p>",
    "<p>Registered capital: USD 1 million.</p>",
    "<p>Registered capital of US$ 500,000.</p>",
]


@pytest.mark.parametrize("body", OTHER_CURRENCY, ids=[b[3:20] for b in OTHER_CURRENCY])
def test_capital_in_another_currency_is_recorded_not_converted(body):
    result = site(page(body))
    assert "registered_capital_cny" not in result.fields
    assert result.absence["registered_capital_cny"] == "stated_in_other_currency"
    note = result.notes["registered_capital_cny"][0]
    assert "no exchange rate" in note and body[3:9] in note


@pytest.mark.parametrize("body, expected", [
    ("<p>注册资本：50万美元（约合人民币340万元）</p>", 3_400_000),
    ("<p>注册资本50万美元。</p><p>汇率：1美元=7.1元人民币</p>", 3_550_000),
    ("<p>注册资本500万港元，按1港元兑0.92人民币折算。</p>", 4_600_000),
    ("<p>Registered capital: USD 1 million (about RMB 7.1 million).</p>", 7_100_000),
    ("<p>Registered capital of USD 1 million. Exchange rate: 1 USD = 7.2 CNY.</p>", 7_200_000),
])
def test_capital_converted_at_a_stated_rate(body, expected):
    found = field(body, "registered_capital_cny")
    assert found.value == expected and found.confidence == "medium"
    assert "converted" in found.method


def test_cny_capital_beats_an_unconverted_one():
    result = site(page("<p>注册资本：50万美元</p><p>注册资金500万元</p>"))
    assert result.fields["registered_capital_cny"].value == 5_000_000
    assert "registered_capital_cny" not in result.absence


@pytest.mark.parametrize("body, sales, tech", [
    ("<p>公司现有员工86人，其中销售人员18人、技术工程师32人。</p>", 18, 32),
    ("<p>公司員工45人，其中業務人員10人、工程技術人員22人。</p>", 10, 22),
    ("<p>Our team: 6 sales staff and 18 engineers.</p>", 6, 18),
])
def test_staff_split(body, sales, tech):
    assert value(body, "sales_staff") == sales
    assert value(body, "tech_staff") == tech


def test_senior_engineers_are_not_the_tech_staff():
    assert value("<p>公司拥有高级工程师2人。</p>", "tech_staff") is None


def test_engineers_and_support_staff_is_not_a_split():
    assert value("<p>35 engineers & support staff</p>", "tech_staff") is None
