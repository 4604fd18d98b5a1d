"""The evidence field registry: every field of the contract (SPEC.md) declared once, here.

Each `Field` says what it holds (kind, choices, the bounds of a value a rep may type), which page
roles would state it (a site without such a page gets `page_not_found`), the key its labels use
in a labelled corpus, and its name in English and Chinese. Everything else derives from
`FIELDS`: the model's field list (`models.EVIDENCE_FIELDS`), the scorer's field types
(`FIELD_TYPES`), the review validation (`app/field_values.py`), the extractors' page roles, the
evaluation's compared fields and the web app's choices. Adding a field: docs/adding-a-field.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

KINDS = ("bool", "int", "number", "enum", "enum_list", "text", "text_list", "record_list")
LIST_KINDS = ("enum_list", "text_list", "record_list")
NUMERIC_KINDS = ("int", "number")

TIERS = ("domestic_mid_networked", "foreign_high_end", "domestic_low_standalone")
BUSINESS_MODELS = ("manufacturer", "distributor", "integrator", "mixed")
OFFICE_TYPES = ("office_tower", "residential", "industrial_park", "factory", "shop_street", "unknown")
ORDER_HISTORY = ("regular_no_arrears", "regular_with_arrears", "small_with_arrears")
SECTORS = ("government", "bank", "hospital", "school", "enterprise", "real_estate", "other")
# A company's standing in a business registry (登记状态 / CompanyStatus), as app/registry reads it.
REGISTRY_STATUSES = ("active", "deregistered", "revoked", "dissolved", "liquidation", "other")
# Whether the site answers: a page of text, or what the crawl met instead (app/analysis.py).
SITE_STATUSES = ("answers", "certificate_expired", "empty", "parked", "no_dns", "unreachable", "http_error")
# The statuses of a site that has gone: a prospect that had a site is a knock-out candidate.
GONE_STATUSES = ("parked", "no_dns", "unreachable", "http_error")
# Where a field's value comes from: the company's site (extractors), the rep, a registry export.
ORIGINS = ("site", "rep", "registry")

# Where a field is read from (extractors; `page_not_found` when no such page was kept).
ANY_PAGE = ("home", "about", "products", "cases", "contact", "other")
PROFILE = ("about",)
CONTACT = ("contact",)

# Bounds of what a rep may type (README "Reviews"). A founding year before 1800 or in the future
# is a typo; nobody has sold electronic access control for a century; a channel prospect with a
# million staff or a capital above 1 trillion CNY (万亿; more than any registered company) is one.
EARLIEST_FOUNDED_YEAR = 1800
MAX_YEARS_IN_ACCESS_CONTROL = 100
MAX_STAFF = 1_000_000
MAX_CAPITAL_CNY = 10 ** 12
THIS_YEAR = -1  # an upper bound that means the current year


@dataclass(frozen=True)
class FieldType:
    """What values a field (or a rubric's derived value) holds, as the scorer needs it."""

    kind: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    allow_range: bool = False  # int given as [min, max] (max None = "more than min")

    def describe(self) -> str:
        if self.choices:
            return f"{self.kind} of {', '.join(self.choices)}"
        return self.kind + (" or [min, max]" if self.allow_range else "")


@dataclass(frozen=True)
class Field:
    """One evidence field of the contract."""

    name: str
    kind: str
    description: str  # the contract's short type description
    label_en: str
    label_zh: str
    roles: tuple[str, ...]
    choices: tuple[str, ...] = ()
    bounds: tuple[int, int] | None = None  # (lowest, highest) a rep may type; THIS_YEAR as highest
    allow_range: bool = False
    unit: str = ""  # printed after the bounds in a message ("CNY")
    text_format: str = ""  # "phone" or "email": how typed text is checked and normalised
    rep_only: bool = False  # only a rep can know it (sales, order history)
    label_key: str | None = None  # its key in a labelled corpus's labels, when labels carry it
    registry: bool = False  # read from business-registry exports (`prospect import-registry`), not the site
    personal: bool = False  # a person's data: shown to the rep, exported only when asked

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        if self.kind in ("enum", "enum_list") and not self.choices:
            raise ValueError(f"{self.name}: an {self.kind} field needs its choices")

    @property
    def type(self) -> FieldType:
        minimum = self.bounds[0] if self.bounds else None
        return FieldType(self.kind, self.choices, minimum, self.allow_range)


def _enum_text(choices: tuple[str, ...]) -> str:
    return " | ".join(choices)


FIELDS: tuple[Field, ...] = (
    Field("company_name", "text", "string", "Company name", "公司名称", ("home", "about", "contact")),
    Field("main_business", "text", "string", "Main business", "主营业务", ("home", "about", "products")),
    Field("sells_access_control", "bool", "bool", "Sells access control", "经营门禁产品",
          ("home", "about", "products"), label_key="sells_access_control"),
    Field("access_control_is_main", "bool", "bool", "Access control is the main line", "门禁为主营",
          ("home", "about", "products"), label_key="access_control_is_main"),
    Field("founded_year", "int", "int", "Founded", "成立年份", PROFILE,
          bounds=(EARLIEST_FOUNDED_YEAR, THIS_YEAR), label_key="founded_year"),
    Field("years_in_access_control", "int", "int", "Years in access control", "经营门禁年限", PROFILE,
          bounds=(0, MAX_YEARS_IN_ACCESS_CONTROL)),
    Field("headcount", "int", "int or [min, max]", "Headcount", "公司人数", PROFILE,
          bounds=(0, MAX_STAFF), allow_range=True, label_key="headcount"),
    Field("sales_staff", "int", "int", "Sales staff", "销售人员", PROFILE, bounds=(0, MAX_STAFF), rep_only=True),
    Field("tech_staff", "int", "int", "Technical staff", "技术人员", PROFILE, bounds=(0, MAX_STAFF), rep_only=True),
    Field("registered_capital_cny", "number", "number", "Registered capital (CNY)", "注册资本（元）", PROFILE,
          bounds=(0, MAX_CAPITAL_CNY), unit="CNY", label_key="registered_capital_cny"),
    Field("business_model", "enum", _enum_text(BUSINESS_MODELS), "Business model", "经营模式",
          ("about", "products"), choices=BUSINESS_MODELS, label_key="business_model"),
    Field("product_tiers", "enum_list", "list of tiers", "Access-control product tiers", "门禁产品档次",
          ("products",), choices=TIERS, label_key="product_tiers"),
    Field("main_product_tier", "enum", "tier", "Main product tier", "主营产品档次", ("products",), choices=TIERS),
    Field("brands", "text_list", "list of strings", "Brands", "经营品牌", ("products",),
          label_key="product_brands"),
    Field("reference_clients", "record_list", "list of {name, sector, notable}", "Reference clients", "典型客户",
          ("cases",), label_key="reference_clients"),
    Field("office_address", "text", "string", "Office address", "办公地址", CONTACT),
    Field("office_type", "enum", _enum_text(OFFICE_TYPES), "Office type", "办公场所类型", CONTACT,
          choices=OFFICE_TYPES, label_key="office_type"),
    Field("phone_numbers", "text_list", "list of strings", "Phone numbers", "电话", CONTACT,
          text_format="phone", label_key="phone_numbers"),
    Field("fax_numbers", "text_list", "list of strings", "Fax numbers", "传真", CONTACT,
          text_format="phone", label_key="fax_numbers"),
    # An extra key (the contract allows them): distinct, lower-cased.
    Field("emails", "text_list", "list of strings", "E-mail addresses", "电子邮箱", CONTACT, text_format="email"),
    Field("branches", "text_list", "list of strings", "Branches and distributors", "分支机构", CONTACT,
          label_key="branches"),
    # Signs of life: whether the company still looks after its site (extractors/vitality.py).
    Field("site_status", "enum", _enum_text(SITE_STATUSES), "Site status", "网站状态", ANY_PAGE,
          choices=SITE_STATUSES),
    Field("latest_dated_item", "text", "date (YYYY-MM-DD or YYYY-MM)", "Newest dated item", "最新内容日期", ANY_PAGE),
    Field("copyright_year", "int", "int", "Copyright year", "版权年份", ANY_PAGE,
          bounds=(EARLIEST_FOUNDED_YEAR, THIS_YEAR)),
    Field("icp_number", "text", "string", "ICP filing number", "ICP备案号", ANY_PAGE),
    Field("printed_registry_id", "text", "string", "Registry number printed on the site", "网站所载信用代码/注册号",
          ANY_PAGE),
    Field("hiring", "bool", "bool", "Hiring", "招聘中", ANY_PAGE),
    Field("order_history", "enum", _enum_text(ORDER_HISTORY), "Order history", "订单记录", ANY_PAGE,
          choices=ORDER_HISTORY, rep_only=True),
    # From business-registry exports (企查查 / 天眼查 / Companies House); registered capital and
    # the founding date go to the fields above, with the source `registry`.
    Field("registry_id", "text", "string", "Registry number", "统一社会信用代码/注册号", PROFILE, registry=True),
    Field("registry_status", "enum", _enum_text(REGISTRY_STATUSES), "Registry status", "登记状态", PROFILE,
          choices=REGISTRY_STATUSES, registry=True),
    Field("paid_in_capital_cny", "number", "number", "Paid-in capital (CNY)", "实缴资本（元）", PROFILE,
          bounds=(0, MAX_CAPITAL_CNY), unit="CNY", registry=True),
    Field("insured_staff", "int", "int", "Insured staff", "参保人数", PROFILE, bounds=(0, MAX_STAFF), registry=True),
    Field("staff_band", "text", "string", "Staff size band", "人员规模", PROFILE, registry=True),
    Field("business_scope", "text", "string", "Business scope", "经营范围", PROFILE, registry=True),
    Field("industry", "text", "string", "Industry", "所属行业", PROFILE, registry=True),
    Field("registered_address", "text", "string", "Registered address", "注册地址", PROFILE, registry=True),
    Field("legal_representative", "text", "string", "Legal representative", "法定代表人", PROFILE, registry=True,
          personal=True),
)

BY_NAME: MappingProxyType[str, Field] = MappingProxyType({f.name: f for f in FIELDS})
FIELD_TYPES: MappingProxyType[str, FieldType] = MappingProxyType({f.name: f.type for f in FIELDS})

# How each choice reads to a rep, in English and Chinese.
CHOICE_LABELS: MappingProxyType[str, tuple[str, str]] = MappingProxyType({
    "domestic_mid_networked": ("domestic mid-range networked", "国内中档联网型"),
    "foreign_high_end": ("foreign high-end", "国外高档"),
    "domestic_low_standalone": ("domestic low-end standalone", "国内低端一体机"),
    "manufacturer": ("manufacturer", "生产厂家"),
    "distributor": ("distributor (equipment sales)", "器材销售"),
    "integrator": ("integrator (projects)", "工程项目"),
    "mixed": ("sales and projects", "销售与工程兼做"),
    "office_tower": ("office tower", "写字楼"),
    "residential": ("residential building", "住宅小区"),
    "industrial_park": ("industrial park", "工业园区"),
    "factory": ("factory", "厂区"),
    "shop_street": ("street shop", "临街商铺"),
    "unknown": ("unknown", "未知"),
    "regular_no_arrears": ("regular orders, no arrears", "订单正常，无拖欠"),
    "regular_with_arrears": ("regular orders, with arrears", "订单正常，有拖欠"),
    "small_with_arrears": ("small orders, with arrears", "订单较小，有拖欠"),
    "answers": ("answers", "可访问"),
    "certificate_expired": ("answers, TLS certificate expired", "可访问，但证书已过期"),
    "empty": ("empty pages", "页面无内容"),
    "parked": ("parked domain", "域名停放"),
    "no_dns": ("domain no longer resolves", "域名无法解析"),
    "unreachable": ("server unreachable", "服务器无法连接"),
    "http_error": ("home page answers with an error", "首页返回错误"),
    "active": ("active", "存续"),
    "deregistered": ("deregistered", "注销"),
    "revoked": ("licence revoked", "吊销"),
    "dissolved": ("dissolved", "已解散"),
    "liquidation": ("in liquidation", "清算中"),
    "other": ("other", "其他"),
})
