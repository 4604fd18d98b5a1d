"""Address labels and office-type cues (read by extractors/contact.py).

Concepts: ADDRESS (labels: zh, en, and not_office in both languages), OFFICE_TYPE (cues per
office type, both languages in each list; flat_units is Chinese), ENGLISH_RESIDENTIAL (units,
streets, site_phrases: all English). Outside `TABLE`: LOCATED_SUBJECTS (zh: 公司位于…),
WORKSHOP_WORDS (both languages), BRANCH_WORDS (zh: …分公司, 办事处) and EN_OFFICE_NOUNS ("offices in
A, B and C").
"""

VERSION = 2

# Labels that introduce an office address (Chinese and English).
ADDRESS = {
    "zh": (
        "公司地址", "办公地址", "总部地址", "联系地址", "门店地址", "通讯地址", "地址", "地 址", "厂址", "工厂地址",
        "详细地址", "店址",
    ),
    "en": (
        "address", "office", "head office", "headquarters", "location", "visit us", "our storefront", "find us",
        "main office", "📍",
    ),
    # Labels whose address is not the office (project sites, plants listed apart).
    "not_office": ("项目地址", "工程地址", "项目位置", "project address", "site address", "厂址", "postal address",
                   "mailing address", "邮寄地址"),
}

# Cues in the address itself, strongest first; a cue inside a longer one that matched ("centre" in
# "shopping centre") does not count. A residential compound name (小区/花园/公寓) with
# 栋/单元/号楼 + room number means a flat; a named tower (大厦/写字楼/中心/广场) an office tower.
OFFICE_TYPE = {
    "industrial_park": (
        "工业园", "工业区", "产业园", "科技园", "开发区", "工业集中区", "经济开发区", "高新园", "创业园", "孵化园",
        "创业城", "科技城", "软件园", "创新园", "产业基地", "创业基地", "孵化基地", "孵化器", "园区",
        "物流园", "industrial area", "industrial dist", "industrial estate", "industrial park", "industrial zone",
        "business park", "technology park", "tech park", "sidc", "midc", "商务园", "enterprise centre",
        "enterprise center", "enterprise park", "trading estate", "industrial units", "commerce park",
        "industrial focal point", "industrial layout", "industrial complex",
        # India's state industrial development corporations run industrial estates (G.I.D.C. Sachin)
        "gidc", "g.i.d.c", "m.i.d.c", "hsiidc", "dsiidc", "upsidc", "riico", "kiadb",
    ),
    "factory": ("厂房", "厂区", "工厂", "车间", "村", "镇工业", "factory", "plant", "works"),
    "office_tower": (
        "大厦", "写字楼", "商务楼", "商务中心", "国际中心", "金融中心", "商务大厦", "广场", "中心", "大楼", "tower",
        "plaza", "office park", "business center", "business centre", "trade center", "trade centre",
        "corporate center", "floor", "suite", "ste", "level", "office no", "centre", "center", "chambers",
    ),
    "residential": (
        "小区", "花园", "公寓", "家园", "新村", "苑", "住宅", "世家", "公馆", "庭", "府", "home", "homes",
        "apartments", "housing society", "residency", "society", "villa", "bungalow", "flat no", "chs",
    ),
    "shop_street": (
        "门店", "店面", "商铺", "门面", "底商", "市场", "商城", "电脑城", "电子城", "档口", "对过", "对面", "旁",
        "storefront", "store", "shop no", "shop", "shopping centre", "shopping center", "shopping mall",
        "shopping complex", "mall", "market", "bazaar", "bazar", "汽车城", "建材城", "家具城", "批发城",
    ),
    # The premises a unit's own number names (Shop No.2, 商铺12号, Suite 401): they say what the
    # company occupies, so they win over the building's name (Shri Krishna Villa, Shop No.2).
    # An industrial shed or gala (India's factory units: Shed No. 7, Gala No. 12) is an estate's unit.
    "own_units": {"shop_street": ("shop no", "商铺", "门面", "铺位"), "office_tower": ("suite", "office no"),
                  "industrial_park": ("shed no", "gala no")},
    # Unit markers that, with a residential compound name, mean a flat (8栋1单元1718号, 28栋304号).
    "flat_units": ("栋", "单元", "号楼", "幢"),
}

# English home addresses (extractors/contact.py), kept conservative: a unit word with its number
# (Flat 3, Apartment 12, Apt 5B), or a house number on a residential street type (12 Oak Close,
# 12 Rose Gardens); a site that says it runs from a home office. "Apartment Road" is a street.
ENGLISH_RESIDENTIAL = {
    "units": ("flat", "apartment", "apt", "apt."),
    "streets": ("close", "gardens"),
    "site_phrases": (
        "our home office", "my home office", "a home office", "home-based business", "run from home",
        "run from our home", "run from my home", "work from home",
    ),
}

# Who "is located at" an address (本公司位于…).
LOCATED_SUBJECTS = ("本店", "本公司", "公司", "我们", "本厂", "总部", "门店", "工厂")
# A site that names these has workshops (a village address of it is a factory).
WORKSHOP_WORDS = ("车间", "厂房", "厂区", "生产线", "工厂", "workshop", "factory")
# A site that describes its own plant: its office is the factory when the address says no other
# premises (LABELLING: "from the address words first, then what the pages say about the premises").
OWN_PLANT_WORDS = ("厂区", "厂房", "生产车间", "占地面积", "our factory", "our plant", "our manufacturing facility",
                   "our manufacturing plant", "our production facility", "own factory", "own manufacturing")
# What a branch name ends with (杭州分公司, 温州办事处).
BRANCH_WORDS = ("分公司", "办事处", "分部", "营业部", "分店", "子公司")
# "offices in Leeds, York and Hull".
EN_OFFICE_NOUNS = ("offices", "branches", "locations")
# A line opening with a branch's place and kind ("Hyderabad Branch: …"); the words that open other
# lines of that shape (the head office, a form's "Select Branch", "Our Branch").
EN_BRANCH_LINE = {
    "kinds": ("Branch Office", "Branch", "Regional Office", "Region Office", "Sales Office", "Service Centre",
              "Service Center", "Service Hub", "Showroom"),
    "not_places": ("Head", "Main", "Registered", "Corporate", "Our", "Contact", "Branch", "Select", "Choose", "Find",
                   "Visit", "Nearest", "Your", "Any", "Each", "Every", "Other", "Local", "All", "A", "The"),
}

# The table as `extractors.common.load("contact")` returns it.
TABLE = {
    "version": VERSION,
    "address": ADDRESS,
    "office_type": OFFICE_TYPE,
    "english_residential": ENGLISH_RESIDENTIAL,
}
# A site that speaks of its shop (its address is a street-level shop).
SHOP_SITE_WORDS = ("实体店", "门店", "店面", "到店", "进店", "来店", "线下店", "本店", "storefront", "walk-in",
                   "visit our store", "visit our shop")
