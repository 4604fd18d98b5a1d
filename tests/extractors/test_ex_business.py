"""Business model: manufacturer, distributor, integrator, mixed."""
import pytest
from extractor_helpers import field, value

MODELS = [
    ("<p>我们是门禁产品生产厂家，自主研发生产门禁控制器，拥有现代化厂房和生产线。</p>", "manufacturer"),
    ("<p>本公司是某品牌门禁总代理，经销各类门禁产品，批发零售。代理多个品牌，分销全国。</p>",
     "distributor"),
    ("<p>承接弱电工程、安防工程施工、门禁安装、系统集成，工程案例遍布全省。</p>", "integrator"),
    ("<p>门禁产品代理、经销、批发；同时承接弱电工程施工、门禁安装、系统集成。</p>", "mixed"),
    ("<p>We manufacture access control panels in our own factory. Our manufacturing facility"
     " runs two production lines.</p>", "manufacturer"),
    ("<p>We are an authorized dealer and distributor of HID products, wholesale to "
     "installers. Authorized reseller for Kantech.</p>", "distributor"),
    ("<p>We design and install access control. Our technicians handle installation, "
     "maintenance and repair. Licensed contractor and integrator.</p>", "integrator"),
    # one sentence saying it does both is enough for "mixed"
    ("<p>公司既经销门禁产品，也承接门禁工程安装。</p>", "mixed"),
    ("<p>公司主营门禁产品销售与安装。</p>", "mixed"),
    ("<p>本公司代理门禁品牌，同时承接安装工程。</p>", "mixed"),
    ("<p>We supply and install access control systems.</p>", "mixed"),
    ("<p>We sell, install and maintain door entry systems.</p>", "mixed"),
    ("<p>Access control sales and installation across Leeds.</p>", "mixed"),
    # ... unless the same sentence says it makes them: a maker's own chain, not a second business
    ("<p>公司拥有生产基地，已经形成了一支专业的设计、生产、销售、安装和售后服务队伍。</p>", "manufacturer"),
    # writing software for clients is project work, not making products in a plant
    ("<p>公司致力于计算机系统集成、应用软件开发和网络工程，为用户提供全面解决方案。</p>", "integrator"),
]


def test_a_cue_inside_an_email_address_is_no_cue():
    body = "<p>We install intruder alarms and CCTV.</p><p>Email: sales@defendra.co.uk</p>"
    assert value(body, "business_model") == "integrator"
    assert value("<p>Access control sales/installation across Leeds.</p>", "business_model") == "mixed"


@pytest.mark.parametrize("body", ["<p>软博科技致力于软件开发、app开发、微信小程序开发、网站建设。</p>",
                                  "<p>Custom software development for businesses: apps, websites and portals.</p>"])
def test_software_development_is_no_manufacturing(body):
    assert value(body, "business_model") != "manufacturer"


@pytest.mark.parametrize("body, model", MODELS, ids=[m[1] + str(i) for i, m in enumerate(MODELS)])
def test_business_model(body, model):
    assert value(body, "business_model") == model


def test_business_model_names_its_cues():
    found = field(MODELS[3][0], "business_model")
    assert "distributor" in found.method and "integrator" in found.method
    assert found.snippet


def test_engineering_plastics_are_not_engineering_projects():
    body = "<p>我们是一家研发、制造、销售特种工程塑料板、棒材的公司，拥有生产车间。</p>"
    assert value(body, "business_model") == "manufacturer"


def test_manufacturer_selling_its_products_stays_manufacturer():
    body = "<p>公司是集研发、生产、销售为一体的企业，拥有生产线和车间。</p>"
    assert value(body, "business_model") == "manufacturer"


@pytest.mark.parametrize("body, model", [
    ("<p>承接门禁安装。销售热线：0571-85369138。</p>", "integrator"),  # a sales hotline, not sales
    ("<p>We install access control. Call our sales team today.</p>", "integrator"),
    ("<p>We design and install access control, cameras and alarms. Our technicians handle "
     "installation and maintenance.</p><p>Retail stores, storefronts and retail chains trust our "
     "monitoring.</p><p>We supply door hardware for every install.</p>", "integrator"),
    ("<p>承接门禁工程施工、门禁安装、系统集成。</p><p>服务商场门店、连锁门店。</p>", "integrator"),
    # procurement is a phase of the installer's project, or its client's buying, not a trade
    ("<p>Systems integrator for access control and CCTV: system design, procurement, installation, "
     "programming and maintenance.</p><p>We comply with state procurement codes and sourcing policies.</p>",
     "integrator"),
    # a client's trading is no trade of the company's; a trading company's is
    ("<p>We design, install and maintain alarms and access control. Our technicians handle installation "
     "and repairs for shops, with minimal disruption to live retail trading.</p>", "integrator"),
    ("<p>We install access control and carry out maintenance.</p><p>Al Noor is a general trading company: "
     "as a general trading company we import security products.</p>", "mixed"),
])
def test_sales_words_apart_from_installation_are_not_mixed(body, model):
    assert value(body, "business_model") == model


def test_mixed_statement_is_the_snippet():
    found = field("<p>We supply and install access control systems.</p>", "business_model")
    assert found.snippet == "We supply and install access control systems."
    assert "both sales and installation" in found.method


@pytest.mark.parametrize("body, model", [
    # a maker wholesaling, installing and repairing its own goods is a manufacturer ...
    ("<p>公司专业生产与批发酚醛保温板，拥有生产车间和生产线。</p><p>厂家直销，批发零售，全国供货。</p>",
     "manufacturer"),
    ("<p>公司专业生产换热机组，拥有生产基地和车间。</p><p>产品安装调试、上门维修，售后及时。</p>",
     "manufacturer"),
    ("<p>We manufacture door closers in our own factory on two production lines.</p>"
     "<p>Installation, repair and maintenance of our closers by our technicians.</p>", "manufacturer"),
    # ... reselling other makers' goods or taking on projects beside making is mixed
    ("<p>公司专业生产门禁控制器，拥有生产基地和车间。</p><p>同时代理、经销多个门禁品牌，是海康威视授权经销商。</p>",
     "mixed"),
    ("<p>公司专业生产换热机组，拥有生产基地和车间。</p><p>承接工程项目：市政热力管网工程施工、换热站工程施工。</p>",
     "mixed"),
    ("<p>We manufacture door closers in our own factory on two production lines.</p>"
     "<p>We are also the authorised dealer and distributor of Dorma and a reseller of Assa Abloy.</p>", "mixed"),
])
def test_a_makers_trade_in_its_own_goods_is_not_a_second_business(body, model):
    assert value(body, "business_model") == model
