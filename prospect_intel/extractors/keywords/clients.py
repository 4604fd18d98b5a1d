"""Reference-client vocabulary (read by extractors/names.py and references.py).

Concepts: SECTORS (sector by words in the client name, both languages in `terms`), NOTABLE
(`terms` and `names`, both languages), GENERIC (zh, en, and person_titles in both languages);
outside `TABLE`, how a prose client list opens: ZH_LIST and ZH_PARTNERED (Chinese), EN_LIST and
EN_RELATIONS (English), and EN_LIST_PLURALS.
"""

VERSION = 2

# Sector by words in the client name, first match wins (order matters).
SECTORS = (
    {
        "name": "government",
        "terms": (
            "政府", "人民政府", "公安", "公安局", "派出所", "法院", "检察院", "税务", "海关", "管委会", "街道办",
            "局", "委员会", "监狱", "部队", "武警", "消防", "government", "ministry", "municipal", "city of",
            "county", "police", "court", "department of", "fire department", "army", "navy", "embassy", "council",
            "state of", "municipality", "authority",
        ),
    },
    {
        "name": "bank",
        "terms": ("银行", "信用社", "农商行", "证券", "保险", "bank", "credit union", "insurance", "financial"),
    },
    {
        "name": "hospital",
        "terms": (
            "医院", "卫生院", "妇幼", "疾控", "诊所", "hospital", "clinic", "medical center", "medical centre",
            "health", "nhs", "surgery", "medical practice",
        ),
    },
    {
        "name": "school",
        "terms": (
            "大学", "学院", "学校", "中学", "小学", "高中", "初中", "幼儿园", "university", "college", "school",
            "academy", "institute", "campus",
        ),
    },
    {
        "name": "real_estate",
        "terms": (
            "小区", "花园", "地产", "置业", "物业", "公寓", "家园", "苑", "大厦", "广场", "apartment", "apartments",
            "residency", "residences", "park", "homes", "bungalow", "villa", "society", "towers", "heights", "estate",
            "real estate", "properties", "housing",
        ),
    },
    {
        "name": "enterprise",
        "terms": (
            "公司", "集团", "厂", "酒店", "商场", "超市", "中心", "ltd", "limited", "inc", "corp", "llc", "pvt",
            "plant", "hotel", "resort", "mall", "restaurant", "factory", "group", "industries", "company", "motors",
            "cement", "gym", "coffee", "cafe", "café", "bakery", "pub", "bar", "salon", "pharmacy", "dental",
            "solicitors", "accountants", "garage", "supermarket",
        ),
    },
)

# Words that make a client large or well known on their own.
NOTABLE = {
    "terms": (
        "政府", "公安局", "银行", "医院", "大学", "集团", "500强", "股份有限公司", "中国", "国家", "省", "市人民",
        "中心医院", "人民医院", "university", "hospital", "bank", "government", "ministry", "police",
        "international airport", "airport", "group", "corporation", "fortune 500", "nhs", "city council",
        "county council", "borough council", "district council", "metropolitan council", "national health service",
        "department of", "state university",
    ),
    # Well-known organisations (Chinese and Latin names).
    "names": (
        "中国移动", "中国联通", "中国电信", "国家电网", "南方电网", "中石油", "中石化", "中国石油", "中国石化",
        "中海油", "工商银行", "建设银行", "农业银行", "中国银行", "交通银行", "招商银行", "万科", "碧桂园", "恒大",
        "保利", "华为", "腾讯", "阿里巴巴", "京东", "比亚迪", "海尔", "格力", "美的", "联想", "中建", "中铁",
        "中国铁建", "Volkswagen", "Taj Hotel", "Hilton", "Marriott", "Hyatt", "Fairmont", "KFC", "Subway", "McDonald",
        "Starbucks", "Walmart", "Siemens", "Microsoft", "Google", "Amazon", "Toyota", "Ford", "General Motors",
        "Godrej", "Tata", "Reliance", "UltraTech", "Ultra Tech",
    ),
}

# Words that make a heading or alt text a category, a service or a placeholder, not a client.
GENERIC = {
    "zh": (
        "案例", "更多", "查看", "详情", "首页", "上一页", "下一页", "联系我们", "关于我们", "产品", "服务", "新闻",
        "系列", "图片", "展示", "客户案例", "工程案例", "成功案例", "合作伙伴", "返回", "印刷", "设计", "制作",
        "安装", "维修", "系统", "方案", "解决方案", "监控", "门禁", "分类",
        "二维码", "加为收藏", "收藏本站", "设为首页",
    ),
    "en": (
        "installation", "installations", "install", "system", "systems", "project", "projects", "electrical",
        "wiring", "commissioning", "power", "industrial", "commercial", "residential", "services", "service",
        "solutions", "solution", "maintenance", "design", "work", "works", "repair", "upgrade", "security", "cctv",
        "camera", "cameras", "access", "control", "alarm", "alarms", "fire", "network", "networking", "production",
        "line", "heavy", "equipment", "machine", "machines", "factor", "correction", "voltage", "stabilizer",
        "distribution", "automation", "solar", "panel", "testing", "featured", "gallery", "portfolio", "client",
        "clients", "logo", "image", "photo", "more", "view", "read", "our", "the", "and", "of", "for", "a", "an",
        "with", "in", "to", "complete", "full", "new", "modern", "interior", "lighting", "audio", "video", "home",
        "theater", "office", "building", "cabling", "fiber", "wifi", "smart", "locks", "lock", "keys", "emergency",
        "other", "example", "examples", "case", "study", "studies", "recent", "completed", "quality", "consultancy",
        "engineering", "intercom", "intercoms", "fence", "inverter", "inverters", "what", "customers", "say",
        "reviews", "areas", "serving", "area", "metro", "why", "how", "that", "this", "we", "us", "you", "your",
        "deliver", "delivers", "results", "highlights", "approach", "trust", "trusted", "team", "support", "safety",
        "reliable", "professional", "technical", "surveillance", "energy", "padlock", "deadbolt", "door", "doors",
        "handle", "unit", "units", "mobile", "high", "low", "expert", "experts", "about", "contact", "call", "today",
        "free", "quote", "get", "started", "learn", "see", "all", "latest", "news", "testimonials", "testimonial",
        "happy", "satisfied", "years", "experience", "mission", "vision", "values", "why choose", "choose", "best",
        "top", "leading", "local", "certified", "licensed", "insured", "bonded", "emergency", "hour", "hours",
        "available", "now",
    ),
    "person_titles": ("mr", "mrs", "ms", "dr", "miss", "先生", "女士", "经理", "总"),
    # The head nouns of a kind of client ("Banking Sector", "Healthcare Facilities", "Residential
    # Complexes"): a category a site serves, where an organisation's name ends with its own noun.
    "category_heads": ("sector", "sectors", "facilities", "complexes", "institutions", "establishments",
                       "businesses", "organisations", "organizations", "premises", "segment", "segments",
                       "verticals"),
}

# The table as `extractors.common.load("clients")` returns it.
# 主要客户有：A、B、C; 服务过A、B; 客户包括A、B.
ZH_LIST = {
    "heads": ("客户", "合作伙伴", "服务过的单位", "典型用户", "合作单位", "服务单位", "主要用户"),
    "verbs": ("包括", "有", "主要有", "涵盖", "遍及"),
    "served": ("服务过",),
    "client_verbs": ("包括", "涵盖", "遍及"),
    "starts": ("客户", "合作伙伴", "服务过", "典型用户", "合作单位", "服务单位", "主要用户"),
    # "施工案例有：A、B、C": a list of projects, named as printed (中海玄武公馆, 恒大悦澜湾)
    "case_heads": ("施工案例", "工程案例", "典型案例", "成功案例", "项目案例", "案例"),
}
# "公司已与A、B、C等多家单位建立合作", "先后为A、B等企业提供服务": the names between a preposition and 等,
# when what follows 等 names them as organisations and says the company worked with or for them.
ZH_PARTNERED = {
    "prepositions": ("与", "为"),
    # the characters that make a word of the preposition (参与 takes part, 作为 as, 认为 thinks)
    "not_after": "参作认以因行称给",
    # (not 院校 / 高校: a company 与…等院校合作 does research with universities, 产学研, not for them)
    "kinds": ("单位", "企业", "公司", "客户", "机构", "部门", "集团", "学校", "医院", "银行", "用户", "项目", "工程"),
    "verbs": ("合作", "提供", "服务", "建立", "签订", "达成", "供货", "配套", "认可", "信赖", "好评"),
}
# "for the A, B and C Police Stations": the verb, then the names, then the plural they share.
EN_LIST = {
    "verbs": ("for", "serving", "serve", "served", "trusted by", "clients include", "customers include",
              "clients such as", "customers such as", "work with", "worked with"),
    "starts": ("for", "serv", "trusted by", "clients include", "customers include", "clients such as",
               "customers such as", "work with", "worked with"),
    "services": ("Police", "Fire", "Sheriff"),
    "service_plurals": ("Stations", "Departments"),
}
# "We have worked with A, B and C", "trusted by A and B", "organisations such as A, B and C",
# "Some of our clients: A, B, C": a relation, then names in capitals. Such a list counts when one of
# its names holds an organisation word of SECTORS or is well known (NOTABLE), and its makers of the
# brand table are left out ("we work with Hikvision and Dahua" names the lines it carries).
EN_RELATIONS = {
    "verbs": ("worked with", "work with", "working with", "partnered with", "partnering with", "trusted by",
              "installations for", "projects for", "our clients", "our customers"),
    "kinds": ("organisations", "organizations", "companies", "institutions", "clients", "customers", "names"),
    "such_as": ("such as", "including", "like"),
    # verbs that name clients only with a kind and "such as" ("served organisations such as"; "served
    # Leeds and York" names places)
    "with_kinds": ("served", "serve", "serving", "supplied", "supplying"),
}
# The plural an English list ends with -> the singular each of its names takes.
EN_LIST_PLURALS = {"Hospitals": "Hospital", "Schools": "School", "Universities": "University", "Banks": "Bank",
                   "Colleges": "College", "Churches": "Church", "Hotels": "Hotel", "Libraries": "Library",
                   "Courts": "Court"}

TABLE = {"version": VERSION, "sector": SECTORS, "notable": NOTABLE, "generic": GENERIC}
