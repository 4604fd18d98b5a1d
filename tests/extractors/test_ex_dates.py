"""Founded year and years in access control: phrasings, inference and traps."""
import pytest
from extractor_helpers import DAY, field, page, site, value

STATED = [
    ("<p>杭州某某科技有限公司成立于2009年，专业从事门禁系统。</p>", 2009),
    ("<p>公司始创于1998年。</p>", 1998),
    ("<p>本公司创建于2003年5月。</p>", 2003),
    ("<p>公司成立时间：2009-03</p>", 2009),
    ("<p>成立日期：2012年6月8日</p>", 2012),
    ("<p>公司注册于2015年。</p>", 2015),
    ("<p>某某公司于2016年4月在工商局注册成立，坐落于工业园。</p>", 2016),
    ("<p>某某有限公司于2 009 年 8 月成立，专业从事模具。</p>", 2009),
    ("<p>我们的团队于2017年4月成立于上海。</p>", 2017),
    ("<p>公司于2015年09月在北京成立。</p>", 2015),
    ("<p>公司成立于２０１０年。</p>", 2010),
    ("<p>太原市鹏飞加气混凝土厂兴建于2008年3月，总投资近7000万元。</p>", 2008),  # a plant built in
    ("<p>Acme Security was established in 2004 in Leeds.</p>", 2004),
    ("<p>Founded in 1985, we install access control.</p>", 1985),
    ("<p>The company was founded on March 3, 1999 by two engineers.</p>", 1999),
    ("<p>Incorporated in 2011.</p>", 2011),
    ("<p>Est. 1992</p>", 1992),
    ("<p>In 1978, James Mason founded Berkley Security.</p>", 1978),
    ("<p>Trusted local experts since 1978.</p>", 1978),
    ("<p>Since 2011, Space Electricals has been delivering electrical solutions.</p>", 2011),
    ("<p>Founded: 2007</p>", 2007),
    ("<p>Year founded: 2007</p>", 2007),
    ("<p>Established: 1999</p>", 1999),
    ("<p>公司成立于二〇〇九年。</p>", 2009),
    ("<p>公司成立于一九九八年三月。</p>", 1998),
    ("<p>成立时间：二〇一二年</p>", 2012),
    ("<p>In 2005 we opened our doors in Leeds.</p>", 2005),
    ("<p>Headquartered in Leeds, Acme was founded in 1990.</p>", 1990),
    # the verb's noun
    ("<p>Since our founding in 2008, we have delivered access control across the Kingdom.</p>", 2008),
    ("<p>Since its inception in 1998, Acme has grown into a national installer.</p>", 1998),
    # the year joined to the verb without 于: a colon, a label, nothing at all
    ("<p>成立时间 2009年3月</p>", 2009),
    # a label spaced out to line up with longer ones ("成　立：")
    ("<p>企业名称：天津恒安科技有限公司</p><p>成\u3000\u3000立：2009年</p>", 2009),
    ("<p>公司成立2012年以来，专注门禁。</p>", 2012),
    # an association named in the sentence, with the company as its subject, keeps the company's year
    ("<p>Acme Security Ltd, a member of the British Security Industry Association, was founded in 2005.</p>",
     2005),
    # the registry's phrasing: the registering authority between the date and 登记成立
    ("<p>河南五环智能化工程有限公司于2008年06月23日在郑州市工商行政管理局中原分局登记成立。</p>", 2008),
    # inline markup run together by the page ("established<b>in 2020</b>")
    ("<p>It was establishedin 2020 as a systems integrator.</p>", 2020),
    # the active voice, the company as the object (its name, "the business"), and a start of operations
    ("<p>An entrepreneur started Unique Services in the year 1995 with registered office.</p>", 1995),
    ("<p>Our founder set up the business in 2004 after a decade as an electrician.</p>", 2004),
    ("<p>Acme commenced operations in 2007 in Pune.</p>", 2007),
    # the passive with its agent, "set up", "opened its doors"
    ("<p>Acme Security was founded by John Smith in 1987.</p>", 1987),
    ("<p>The company was set up in 2010 by two engineers.</p>", 2010),
    ("<p>Acme opened its doors in 2005.</p>", 2005),
    # the year, a comma, then the company as the subject of the founding
    ("<p>2009年，公司在深圳成立。</p>", 2009),
]


@pytest.mark.parametrize("body, year", STATED, ids=[s[0][3:30] for s in STATED])
def test_stated_founding_year(body, year):
    assert value(body, "founded_year") == year


def test_stated_year_on_about_page_is_high():
    assert field("<p>公司成立于2009年。</p>", "founded_year").confidence == "high"


def test_an_active_voice_founding_is_medium():
    assert field("<p>He founded Acme Security in 2003.</p>", "founded_year").confidence == "medium"


def test_a_founding_by_a_named_agent_is_medium():
    assert field("<p>Acme was founded by John Smith in 1987.</p>", "founded_year").confidence == "medium"


def test_since_is_medium():
    assert field("<p>Serving Leeds since 1998.</p>", "founded_year").confidence == "medium"


TRAPS = [
    "<p>Copyright © 2009-2019 某某科技有限公司 版权所有</p>",
    "<p>© 2017 All Rights Reserved.</p>",
    "<p>新闻中心 2016-10-19 公司参加安博会</p>",
    "<p>津ICP备09010752号</p>",
    "<p>2010年公司成立了专业模具产品研发中心。</p>",
    "<p>2016年天津分公司成立。</p>",
    "<p>2019年公司成立20周年庆典。</p>",
    "<p>Member of the security association since 1998.</p>",
    "<p>Licensed since 2001 by the state board.</p>",
    "<p>Posted on May 5, 2019</p>",
    "<p>注册资本2009万元</p>",
    # opening a branch, an office, a store or a website is not founding the company
    "<p>In 2012 we opened our second branch.</p>",
    "<p>In 2012, we established a new office in Leeds.</p>",
    "<p>Our Leeds office was established in 2012.</p>",
    "<p>Opened in 2015, our showroom in York displays the latest locks.</p>",
    "<p>In 2019 we launched our online store.</p>",
    "<p>二〇一六年天津分公司成立。</p>",
    # a timeline: the year after a bare space is the next entry's; a department or a centre's founding
    "<p>好多宝2元超市形象店在义乌国际商贸城五期成立 2019年 3月 借助新零售理念开拓市场</p>",
    "<p>2015年 研发中心成立</p>",
    "<p>2019年 1-3月 好多宝新媒体运营部成立</p>",
    # the founding year of an association (or another kind of organisation) the page mentions
    "<p>The Canadian Security Association (CANASA) is the national non-profit organization, established in "
    "1977, dedicated to promoting the interests of its members.</p>",
    "<p>The university, founded in 1911, trains our engineers.</p>",
    # a maker the site resells, on its partners page
    "<p>Cisco is the worldwide technology leader that has been making the Internet work since 1984.</p>",
    # an active-voice founding of something else: a branch, a maker's line, an association
    "<p>We set up the Leeds Branch in 2012.</p>",
    "<p>We started Hikvision in 2010 as our main camera line.</p>",
    "<p>She founded the association in 1977.</p>",
    "<p>The Fire Protection Association was founded by John Smith in 1977.</p>",
    "<p>Our Leeds branch was set up in 2012.</p>",
    "<p>2015年，公司成立了研发中心。</p>",
    "<p>2016年，公司在天津成立分公司。</p>",
]


@pytest.mark.parametrize("body", TRAPS, ids=[t[3:28] for t in TRAPS])
def test_not_a_founding_year(body):
    assert value(body, "founded_year") is None


@pytest.mark.parametrize("body, years", [
    ("<p>We have over 20 years in business.</p>", 20),
    ("<p>47+ Years in Business</p>", 47),
    ("<p>公司成立十余年来，始终坚持质量第一。</p>", 10),
    ("<p>公司成立20年来不断发展。</p>", 20),
    ("<p>With twenty years of experience in security.</p>", 20),
])
def test_company_age_gives_inferred_low_year(body, years):
    found = field(body, "founded_year")
    assert found.value == 2026 - years
    assert found.confidence == "low"
    assert "inferred" in found.flags


def test_age_counts_from_latest_copyright_year():
    found = field("<p>公司成立十余年来。</p><p>Copyright © 2012-2019 某公司</p>", "founded_year")
    assert found.value == 2009 and "inferred" in found.flags


@pytest.mark.parametrize("body", [
    # a maker's years, on a dealer's page
    "<p>ADT brings over 140 years of experience to home security.</p>",
    # ... or named after an opening phrase, as the subject of its clause
    "<p>With over 140 years of experience, ADT is a name you can trust.</p>",
    "<p>Our owner is a senior engineer with more than five years of hands-on experience.</p>",
    "<p>Our technicians have 15 years of experience combined.</p>",
    "<p>Our engineers bring over 25 years of experience to every project.</p>",
    "<p>Our Managing Director has over 20 years of experience in the security industry.</p>",
    "<p>Our consultants have 12 years of experience in security design.</p>",
])
def test_personal_experience_is_not_company_age(body):
    assert value(body, "founded_year") is None


def test_the_companys_own_name_after_an_opening_age_phrase_keeps_its_age():
    found = field("<p>With over 20 years of experience, Acme Security is a name you can trust.</p>", "founded_year")
    assert "inferred" in found.flags and found.value == DAY.year - 20


def test_stated_year_beats_inferred_age():
    found = field("<p>Since 1978.</p><p>47+ Years in Business</p>", "founded_year")
    assert found.value == 1978 and "inferred" not in found.flags
    assert "conflict" not in found.flags


def test_news_page_date_is_low():
    result = site(page("<p>某公司成立于2009年。</p>", "other",
                       url="http://www.example.cn/news/2019/1.html"))
    assert result.fields["founded_year"].confidence == "low"


@pytest.mark.parametrize("body, years", [
    ("<p>公司专注门禁行业十余年。</p>", 10),
    ("<p>我们从事门禁系统集成8年。</p>", 8),
    ("<p>拥有15年门禁行业经验。</p>", 15),
    ("<p>We have 15 years installing access control systems.</p>", 15),
    ("<p>With 12+ years of experience in access control.</p>", 12),
])
def test_years_in_access_control_stated(body, years):
    assert value(body, "years_in_access_control") == years


@pytest.mark.parametrize("body, start", [
    ("<p>公司自2006年起从事门禁系统销售。</p>", 2006),
    ("<p>公司于2010年进入门禁行业。</p>", 2010),
    ("<p>从二〇〇八年开始，公司专注于门禁与一卡通系统。</p>", 2008),
    ("<p>We have been installing access control since 2006.</p>", 2006),
    ("<p>Since 2009, we have installed access control systems across Leeds.</p>", 2009),
])
def test_years_in_access_control_from_a_start_year(body, start):
    found = field(body, "years_in_access_control")
    assert found.value == 2026 - start and found.confidence == "medium"
    assert "inferred" not in found.flags and f"start year {start}" in found.method


@pytest.mark.parametrize("body", [
    "<p>2019年销售门禁产品5000台。</p>",
    "<p>Since 2006 we have served Leeds and York.</p>",
])
def test_no_start_year_for_access_control(body):
    assert value(body, "years_in_access_control") is None


def test_years_in_access_control_derived_from_founding():
    body = "<p>公司成立于2016年，专业从事门禁系统、门禁控制器、人脸识别门禁。</p><p>Copyright 2026</p>"
    found = field(body, "years_in_access_control")
    assert found.value == 10
    assert "inferred" in found.flags and found.confidence == "low"


def test_no_years_in_access_control_without_access_control():
    assert value("<p>公司成立于2016年，专业生产模具。</p>", "years_in_access_control") is None


def _founded(body, title="陕西鲁明热力设备工程有限公司"):
    result = site(page(body, "about", title=title), page("<p>x</p>", "home", title=title))
    return result.fields["founded_year"]


def test_the_founding_year_of_another_named_company_is_not_the_sites():
    body = ("<p>山东济南鲁明新能源有限公司成立于2003年，位于济南。</p>"
            "<p>陕西鲁明热力设备工程有限公司是济南鲁明集团正式授权成立的西北分公司，公司成立于2013年9月30日。</p>")
    chosen = _founded(body)
    assert (chosen.value, chosen.confidence) == (2013, "high")


def test_a_year_of_another_company_alone_is_low():
    chosen = _founded("<p>山东济南鲁明新能源有限公司成立于2003年，位于济南。</p>")
    assert (chosen.value, chosen.confidence) == (2003, "low") and "not this site's company" in chosen.method


def test_the_sites_own_named_company_keeps_its_year():
    chosen = _founded("<p>陕西鲁明热力设备工程有限公司成立于2013年，专业生产换热设备。</p>")
    assert (chosen.value, chosen.confidence) == (2013, "high")


def test_a_subsidiarys_page_title_is_not_the_sites_own_name():
    own = page("<p>青岛恒川海创业投资有限公司创立于2010年4月27日，是崂山区第一家创业投资企业。</p>", "about",
               title="公司概况")
    subsidiary = page("<p>山东川华物业管理有限公司于2011年成立，注册资本金1000万元。</p>", "other",
                      title="山东川华物业管理有限公司", url="http://www.example.cn/chwy.html")
    assert site(own, subsidiary).fields["founded_year"].value == 2010


def test_a_branch_word_in_the_clause_before_still_makes_a_branch_year():
    assert value("<p>公司于2001年创立，深圳分公司成立于2015年。</p>", "founded_year") == 2001


def test_a_founding_year_on_a_cases_page_is_the_clients():
    body = "<p>阳光人寿成立于2007年12月，是全国性专业寿险公司。我们为其提供领导力培训。</p>"
    assert value(body, "founded_year", "cases") is None
    assert value(body, "founded_year", "about") == 2007  # on its own profile page the sentence counts
