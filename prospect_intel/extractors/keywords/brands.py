"""Brands a prospect may carry (read by extractors/products.py).

Concept: brand names as printed. Each brand: its `name` and `aliases` (Latin and Chinese names in
one list: a brand is the same word in either language), `origin` (domestic = Chinese, foreign),
and the access-control `tier` its access-control line belongs to ("" when it is not an
access-control brand or its tier depends on the product). `match_case` names must match
case-sensitively (short or common-word names); `excluded_after` words after a name make it
another company's (Bosch Rexroth).
"""

VERSION = 1

BRANDS = (
    {"name": "HID", "aliases": ("HID Global", "HID iCLASS"), "origin": "foreign", "tier": "foreign_high_end",
     "match_case": True},
    {"name": "Honeywell", "aliases": ("霍尼韦尔",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Lenel", "aliases": ("LenelS2", "Lenel S2", "OnGuard"), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Software House", "aliases": ("C•CURE", "CCURE"), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Gallagher", "aliases": ("嘉拉格",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "AMAG", "origin": "foreign", "tier": "foreign_high_end", "match_case": True},
    {"name": "Genetec", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Kantech", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Keyscan", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "CDVI", "origin": "foreign", "tier": "foreign_high_end", "match_case": True},
    {"name": "dormakaba", "aliases": ("Dorma", "Kaba", "多玛凯拔"), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "ASSA ABLOY", "aliases": ("Assa Abloy", "亚萨合莱"), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Paxton", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Salto", "aliases": ("SALTO Systems",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Bosch", "aliases": ("博世",), "origin": "foreign", "tier": "foreign_high_end",
     "excluded_after": ("Rexroth",)},
    {"name": "Siemens", "aliases": ("西门子",), "origin": "foreign", "tier": ""},
    {"name": "Johnson Controls", "aliases": ("江森自控",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Tyco", "aliases": ("泰科",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Brivo", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Verkada", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Openpath", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Avigilon", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Nedap", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "ZKTeco", "aliases": ("中控智慧", "熵基科技", "ZK Teco", "中控"), "origin": "domestic",
     "tier": "domestic_mid_networked"},
    {"name": "Hikvision", "aliases": ("海康威视", "海康", "HIKVISION"), "origin": "domestic",
     "tier": "domestic_mid_networked"},
    {"name": "Dahua", "aliases": ("大华", "大华股份"), "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "Uniview", "aliases": ("宇视", "宇视科技", "UNV"), "origin": "domestic",
     "tier": "domestic_mid_networked"},
    {"name": "微耕", "aliases": ("WGACCESS", "微耕门禁"), "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "捷顺", "aliases": ("捷顺科技", "JIESHUN"), "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "立林", "aliases": ("Leelen",), "origin": "domestic", "tier": ""},
    {"name": "汉王", "aliases": ("Hanvon",), "origin": "domestic", "tier": "domestic_low_standalone"},
    {"name": "科密", "aliases": ("Comet",), "origin": "domestic", "tier": "domestic_low_standalone",
     "match_case": True},
    {"name": "得力", "aliases": ("Deli",), "origin": "domestic", "tier": "domestic_low_standalone",
     "match_case": True},
    {"name": "依时利", "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "达实", "aliases": ("达实智能",), "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "SOYAL", "aliases": ("茂旭", "茂旭资讯"), "origin": "foreign", "tier": "domestic_mid_networked"},
    {"name": "安居宝", "aliases": ("Anjubao",), "origin": "domestic", "tier": ""},
    {"name": "汉军", "origin": "domestic", "tier": ""},
    {"name": "Axis", "aliases": ("Axis Communications", "安讯士"), "origin": "foreign", "tier": "",
     "match_case": True},
    {"name": "Speco", "origin": "foreign", "tier": ""},
    {"name": "GeoVision", "origin": "foreign", "tier": ""},
    {"name": "DSC", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "DMP", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Qolsys", "origin": "foreign", "tier": ""},
    {"name": "Alarm.com", "origin": "foreign", "tier": ""},
    {"name": "UniFi", "aliases": ("Ubiquiti",), "origin": "foreign", "tier": ""},
    {"name": "Sonos", "origin": "foreign", "tier": ""},
    {"name": "Crestron", "aliases": ("CRESTRON",), "origin": "foreign", "tier": ""},
    {"name": "Beckhoff", "origin": "foreign", "tier": ""},
    {"name": "TASER", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Axon", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "2N", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Aiphone", "origin": "foreign", "tier": ""},
    {"name": "Schlage", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Yale", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Medeco", "origin": "foreign", "tier": ""},
    {"name": "Emerson", "origin": "foreign", "tier": ""},
    {"name": "Flowserve", "origin": "foreign", "tier": ""},
    {"name": "Grundfos", "origin": "foreign", "tier": ""},
    {"name": "SKF", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "NSK", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "TIMKEN", "aliases": ("Timken",), "origin": "foreign", "tier": ""},
    {"name": "Bosch Rexroth", "origin": "foreign", "tier": ""},
    {"name": "Parker Hannifin", "aliases": ("Parker",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "SMC", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Atlas Copco", "origin": "foreign", "tier": ""},
    {"name": "Schneider Electric", "aliases": ("施耐德",), "origin": "foreign", "tier": ""},
    {"name": "ABB", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Eaton", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "GE Industrial", "origin": "foreign", "tier": ""},
    {"name": "Rockwell Automation (Allen-Bradley)",
     "aliases": ("Rockwell Automation", "Allen-Bradley", "Allen Bradley"), "origin": "foreign", "tier": ""},
    {"name": "Mitsubishi Electric", "origin": "foreign", "tier": ""},
    {"name": "Toshiba", "origin": "foreign", "tier": ""},
    {"name": "Yokogawa", "origin": "foreign", "tier": ""},
    {"name": "Endress+Hauser", "aliases": ("Endress Hauser",), "origin": "foreign", "tier": ""},
    {"name": "KROHNE", "aliases": ("Krohne",), "origin": "foreign", "tier": ""},
    {"name": "Fluke", "origin": "foreign", "tier": "", "match_case": True},
)

# What captions a list of brands (a logo wall, a "Brands we install" strip): words of the class and
# id attributes of the list and its ancestors, and words of the heading before it.
LIST_ATTRIBUTE_WORDS = ("brand", "brands", "partner", "partners", "vendor", "vendors", "manufacturer",
                        "manufacturers", "supplier", "suppliers")
LIST_HEADING_WORDS = ("brand", "brands", "partners", "vendors", "manufacturers", "suppliers",
                      "品牌", "合作伙伴", "代理产品", "合作厂商")
# Words that make such a list someone else's: the clients the company serves, what they say.
LIST_CLIENT_WORDS = ("client", "clients", "customer", "customers", "trust", "trusted", "testimonial",
                     "testimonials", "review", "reviews", "客户", "案例", "业绩")
# A heading that names a logo wall for the clients ("Our Clients", "合作客户"), and the words that
# make it what they say instead ("What our clients say", "客户评价"): people's photos, not logos.
HEADING_CLIENT_NOUNS = ("client", "clients", "customer", "customers", "客户")
HEADING_VOICE_WORDS = ("say", "says", "said", "speak", "testimonial", "testimonials", "review", "reviews",
                       "feedback", "评价", "心声")
# Template names a logo wall shows before its images are filled in ("Brand 1", "Partner 2", "Logo").
PLACEHOLDER_WORDS = ("brand", "partner", "logo", "client", "image", "img", "photo", "picture", "品牌", "图片")
# Lower-case words an English brand name may hold ("Morley-IAS Fire Systems by Honeywell").
NAME_CONNECTORS = ("by", "and", "of", "the", "for", "de", "la", "&")

# Words that make a sentence's list of names a list of brands it sells, when the list holds a
# brand of the table too ("We use premium brands like CP Plus, Hikvision and Dahua";
# "代理海康威视、大华、宇视等品牌").
PROSE_CUES = ("brand", "brands", "partner", "partners", "partnering", "partnered", "dealer", "dealers",
              "dealership", "distributor", "distributors", "reseller", "resellers", "manufacturers",
              "vendors", "suppliers", "authorised", "authorized", "certified", "品牌", "代理", "经销", "授权")

# The table as `extractors.common.load("brands")` returns it.
TABLE = {"version": VERSION, "brand": BRANDS}
