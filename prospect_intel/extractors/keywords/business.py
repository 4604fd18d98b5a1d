"""Access-control vocabulary and business-model cues (read by extractors/business.py, access.py,
mainline.py, products.py, profile.py and crosscheck.py).

Concepts, each a table with its language keys: ACCESS_CONTROL (zh, en), MAIN_LINE (zh, en,
other_zh, other_en), MODEL per model (zh, en; the distributor also weak_zh, weak_en, ambiguous, mixed
languages), MODEL_EXCLUDE (terms, both languages), MAIN_BUSINESS (zh, en: the English entries
are regex fragments), TIERS per tier (both languages), OWN_FACTORY (verbs_zh, own_zh,
facilities_zh, own_en, facilities_en, phrases in both languages).
"""

VERSION = 1

# Terms that mean access-control products or systems.
ACCESS_CONTROL = {
    "zh": (
        "门禁", "一卡通", "门禁系统", "门禁控制器", "人脸识别门禁", "考勤门禁", "通道闸", "闸机", "出入口控制",
        "读卡器", "电控锁", "磁力锁", "电磁锁", "人行通道", "速通门", "梯控", "访客系统",
    ),
    "en": (
        "access control", "access-control", "card reader", "door entry", "keypad entry", "maglock",
        "mag lock", "electric strike", "badge reader", "keycard", "key card", "key fob", "turnstile",
        "door access", "entry system", "biometric reader", "access systems",
        "card access", "lock release", "door release", "gate release", "visitor access",
    ),
}

# Phrases that state a company's main line (extractors/access.py): the clause after one says
# whether access control is the main business (公司主营门禁系统、一卡通 → yes).
MAIN_LINE = {
    "zh": (
        "主营业务", "主营项目", "主营产品", "主要经营", "主要从事", "主要产品", "主营", "专业从事", "专业生产",
        "专业经营", "专注于", "专注", "致力于", "核心业务", "公司业务", "经营范围",
    ),
    "en": (
        "specialise in", "specialises in", "specialising in", "specialize in", "specializes in", "specializing in",
        "specialists in", "specialist in", "is a leading", "are a leading", "our core business", "core business is",
        "we focus on", "focused on", "focusing on", "dedicated to", "experts in", "leading provider of",
        "main business",
    ),
    # Other product lines a security / electronics company may carry: their share of a site's
    # product mentions says whether access control is the main line or one line among others.
    "other_zh": (
        "监控", "视频监控", "摄像机", "摄像头", "录像机", "对讲", "楼宇对讲", "可视对讲", "防盗报警", "报警", "消防",
        "停车场", "电子围栏", "周界", "综合布线", "网络布线", "广播", "音响", "显示屏", "大屏", "智能家居", "电脑",
        "打印机", "空调", "家电", "电气", "机电", "照明", "模具", "注塑",
    ),
    "other_en": (
        "cctv", "camera", "video surveillance", "surveillance", "intercom", "alarm",
        "fire alarm", "intruder alarm", "burglar alarm", "fire systems", "home automation", "smart home",
        "networking", "wi-fi", "wifi", "data cabling", "structured cabling", "audio visual", "electrical", "lighting",
        "solar", "hvac", "air conditioning", "locksmith", "car keys", "lockout", "safes", "electric fence", "fencing",
        "sprinkler",
    ),
}

MODEL = {
    "manufacturer": {
        "zh": (
            "生产厂家", "源头厂家", "厂家直销", "自主研发生产", "研发生产", "研发、生产", "研发与制造", "生产制造",
            "生产基地", "自有工厂", "工厂", "厂房", "车间", "生产线", "模具厂", "加工厂", "制造商", "生产商",
            "专业生产", "从事生产", "生产加工", "加工生产", "研发、设计、生产", "开发、生产", "研发",
            "制造", "制作", "加工", "生产",
        ),
        "en": (
            "we manufacture", "manufacturer", "manufacturing facility", "our factory", "own factory",
            "production line", "in-house production", "we produce", "fabrication",
            "fabricate", "machining", "machine shop",
        ),
    },
    # Equipment sales. `strong` cues name a trade role; `weak` ones (selling, a shop) also fit a
    # manufacturer selling what it makes, so they do not count once manufacturing dominates.
    "distributor": {
        "zh": (
            "代理", "总代理", "经销", "经销商", "分销", "批发", "购销", "商贸", "贸易", "专卖", "代理商", "授权经销",
        ),
        # (not "procurement" or "sourcing": an installer's project phase, design, procurement,
        # installation, or its client's buying; "trading" only as the company's trade, not a
        # client's "trading hours" or "live retail trading")
        "en": (
            "distributor", "authorized dealer", "authorised dealer", "authorized reseller", "reseller", "wholesale",
            "wholesaler", "supplier", "trading company", "trading co", "trading firm", "trading house",
            "general trading", "trading llc", "trading est", "importer", "trade counter",
            "trade supply", "trade supplier", "trade installers", "trade customers",
        ),
        "weak_zh": ("零售", "销售", "门店", "供应", "供货", "出售"),
        "weak_en": (
            "we sell", "we supply", "retail", "storefront", "shop", "sell", "sells", "sales of", "sales", "supply of",
            "supply", "supplies",
        ),
        # Weak cues that also name an installer's work or its customers (it supplies what it fits, it
        # secures retail stores): alone they never make a `mixed`.
        "ambiguous": (
            "we supply", "retail", "storefront", "shop", "supply of", "supply", "supplies", "供应", "供货", "门店",
        ),
        # Cues of reselling other makers' goods: beside a maker's own cues only these make `mixed`
        # (a maker sells and wholesales what it makes: 专业生产与批发 is a manufacturer).
        "resale": (
            "代理", "总代理", "经销", "经销商", "分销", "代理商", "授权经销", "distributor", "authorized dealer",
            "authorised dealer", "authorized reseller", "reseller", "importer",
        ),
    },
    "integrator": {
        "zh": (
            "承接工程", "工程项目", "工程施工", "弱电工程", "安防工程", "智能化工程", "装饰工程", "安装工程",
            "工程案例", "监控工程", "工程承包", "机电工程", "消防工程", "网络工程", "布线工程", "工程服务",
            "工程公司", "门禁工程", "样板工程", "施工", "安装", "系统集成", "弱电", "布线", "维修", "上门", "承接",
            "改造", "调试", "设计施工", "装饰工程", "系统整合",
        ),
        "en": (
            "installation", "install", "installing", "installed", "integrator", "integration", "contractor",
            "contracting", "wiring", "repair", "repairs", "maintenance", "commissioning", "service call",
            "monitoring", "technicians", "locksmith", "on-site", "servicing",
        ),
        # Cues of fitting and servicing a product, which a maker does for what it makes: beside a
        # maker's own cues they do not make `mixed` (projects, 施工, 工程, integration do).
        "after_sales": (
            "安装", "维修", "上门", "调试", "改造", "installation", "install", "installing", "installed", "repair",
            "repairs", "maintenance", "commissioning", "service call", "technicians", "on-site", "servicing",
        ),
    },
}

# Phrases that contain a cue word but say nothing about the business model; masked first.
MODEL_EXCLUDE = {
    "terms": (
        "工程塑料", "工程师", "工程技术", "工程机械", "信息化工程", "维护公司", "生产力", "安全生产", "生产要求",
        "生活", "销售额", "销售网络", "engineering plastics", "sales team", "workshop",
    ),
}

# Phrases that introduce what a company mainly does; the rest of the clause is the value.
MAIN_BUSINESS = {
    "zh": (
        "主营业务", "主营项目", "主营产品", "主要经营", "主营", "经营范围", "专业从事", "主要从事", "致力于",
        "专注于", "专业提供", "业务涵盖", "业务范围",
    ),
    "en": (
        "specializ(?:e|es|ing) in", "specialis(?:e|es|ing) in", "we provide", "we offer", "provider of", "experts in",
        "leading provider of", "dedicated to",
    ),
}

# Access-control product lines by tier (extractors/products.py); brands add tiers through brands.py.
TIERS = {
    "domestic_mid_networked": (
        "联网门禁", "网络门禁", "联网型门禁", "TCP/IP门禁", "网络型门禁", "门禁控制器", "联网控制器", "门禁一卡通",
        "一卡通系统", "一卡通管理系统", "门禁管理系统", "networked access control", "ip access control",
        "network access control", "access control panel", "access control controller", "tcp/ip access control",
        "cloud-based access control", "cloud access control",
    ),
    "foreign_high_end": ("进口门禁", "国外品牌门禁", "进口品牌", "enterprise access control"),
    "domestic_low_standalone": (
        "一体机", "门禁一体机", "考勤门禁一体机", "单机门禁", "独立式门禁", "独立门禁", "密码门禁", "刷卡一体机",
        "指纹门禁机", "standalone access control", "standalone keypad", "stand-alone access control",
        "standalone reader", "keypad access control", "keypad entry", "digital keypad",
    ),
}
# Attendance-and-access terminals (考勤门禁一体机) as English sites name them: the standalone tier
# whoever makes them, where "networked access control" says nothing of the maker (its brands do).
EN_LINE_TIERS = {"domestic_low_standalone": (
    "biometric attendance", "attendance machine", "fingerprint attendance", "bio-metric attendance",
    "biometric time attendance", "fingerprint time attendance")}

# "Our own factory" claims (extractors/crosscheck.py), checked against the office address: a
# company making its products in a flat or an office tower is worth a question.
# A claim: an owning verb, an own-word, then a facility (公司拥有自己的工厂, 我们有自己的生产厂房,
# "we have our own manufacturing facility"), or one of the fixed phrases.
OWN_FACTORY = {
    "verbs_zh": ("拥有", "具有", "具备", "建有", "设有", "有"),
    "own_zh": ("自己的", "自有的", "自有", "自建的", "自建", "独立的", "独立", "自主的"),
    "facilities_zh": (
        "现代化工厂", "工厂", "生产厂房", "现代化厂房", "厂房", "生产基地", "生产车间", "车间", "生产线", "加工厂",
        "制造基地",
    ),
    "own_en": ("our own", "its own", "their own", "in-house"),
    "facilities_en": (
        "factory", "factories", "manufacturing facility", "manufacturing facilities", "manufacturing plant",
        "production plant", "production facility", "production line", "production lines", "plant", "workshop",
        "assembly line",
    ),
    # Claims that need no owning verb.
    "phrases": (
        "自有工厂", "自建工厂", "生产基地", "自有厂房", "现代化厂房", "生产车间", "own factory", "our factory",
        "manufacturing facility", "production plant",
    ),
}

# The table as `extractors.common.load("business")` returns it.
TABLE = {
    "version": VERSION,
    "access_control": ACCESS_CONTROL,
    "main_line": MAIN_LINE,
    "model": MODEL,
    "model_exclude": MODEL_EXCLUDE,
    "main_business": MAIN_BUSINESS,
    "tiers": TIERS,
    "own_factory": OWN_FACTORY,
}
