"""Brands a prospect may carry (read by extractors/products.py).

Concept: brand names as printed. Each brand: its `name` and `aliases` (Latin and Chinese names in
one list: a brand is the same word in either language), `origin` (domestic = Chinese, foreign),
and the access-control `tier` its access-control line belongs to ("" when it is not an
access-control brand or its tier depends on the product); `access_control_maker` brands make access
control above all (Paxton, HID, ZKTeco), so their tier counts wherever a site names them, where a
maker of everything (Hikvision, Bosch) gives its tier only beside access-control words.
`match_case` names must match case-sensitively (short or common-word names); `excluded_after`
words after a name make it another company's (Bosch Rexroth).
"""

VERSION = 1

BRANDS = (
    {"name": "HID", "aliases": ("HID Global", "HID iCLASS"), "origin": "foreign", "tier": "foreign_high_end",
     "match_case": True, "access_control_maker": True},
    {"name": "Honeywell", "aliases": ("霍尼韦尔",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Lenel", "aliases": ("LenelS2", "Lenel S2", "OnGuard"),
     "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "Software House", "aliases": ("C•CURE", "CCURE"),
     "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "Gallagher", "aliases": ("嘉拉格",),
     "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "AMAG", "origin": "foreign", "tier": "foreign_high_end", "match_case": True, "access_control_maker": True},
    {"name": "Genetec", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Kantech", "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "Keyscan", "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "CDVI", "origin": "foreign", "tier": "foreign_high_end", "match_case": True, "access_control_maker": True},
    {"name": "dormakaba", "aliases": ("Dorma", "Kaba", "多玛凯拔"), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "ASSA ABLOY", "aliases": ("Assa Abloy", "亚萨合莱"), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Paxton", "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "Salto", "aliases": ("SALTO Systems",),
     "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "Bosch", "aliases": ("博世",), "origin": "foreign", "tier": "foreign_high_end",
     "excluded_after": ("Rexroth",)},
    {"name": "Siemens", "aliases": ("西门子",), "origin": "foreign", "tier": ""},
    {"name": "Johnson Controls", "aliases": ("江森自控",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Tyco", "aliases": ("泰科",), "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Brivo", "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "Verkada", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Openpath", "origin": "foreign", "tier": "foreign_high_end", "access_control_maker": True},
    {"name": "Avigilon", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "Nedap", "origin": "foreign", "tier": "foreign_high_end"},
    {"name": "ZKTeco", "aliases": ("中控智慧", "熵基科技", "ZK Teco", "中控"), "origin": "domestic",
     "tier": "domestic_mid_networked", "access_control_maker": True,
     "excluded_after": ("制", "室", "台")},  # 集中控制, 中控室, 中控台: central control, not the maker
    {"name": "Hikvision", "aliases": ("海康威视", "海康", "HIKVISION"), "origin": "domestic",
     "tier": "domestic_mid_networked"},
    {"name": "Dahua", "aliases": ("大华", "大华股份"), "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "Uniview", "aliases": ("宇视", "宇视科技", "UNV"), "origin": "domestic",
     "tier": "domestic_mid_networked"},
    {"name": "微耕", "aliases": ("WGACCESS", "微耕门禁"),
     "origin": "domestic", "tier": "domestic_mid_networked", "access_control_maker": True},
    {"name": "捷顺", "aliases": ("捷顺科技", "JIESHUN"), "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "立林", "aliases": ("Leelen",), "origin": "domestic", "tier": ""},
    {"name": "汉王", "aliases": ("Hanvon",), "origin": "domestic", "tier": "domestic_low_standalone"},
    {"name": "科密", "aliases": ("Comet",), "origin": "domestic", "tier": "domestic_low_standalone",
     "match_case": True},
    {"name": "得力", "aliases": ("Deli",), "origin": "domestic", "tier": "domestic_low_standalone",
     "match_case": True},
    {"name": "依时利", "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "达实", "aliases": ("达实智能",), "origin": "domestic", "tier": "domestic_mid_networked"},
    {"name": "SOYAL", "aliases": ("茂旭", "茂旭资讯"),
     "origin": "foreign", "tier": "domestic_mid_networked", "access_control_maker": True},
    {"name": "安居宝", "aliases": ("Anjubao",), "origin": "domestic", "tier": ""},
    {"name": "汉军", "origin": "domestic", "tier": ""},
    {"name": "Axis", "aliases": ("Axis Communications", "安讯士"), "origin": "foreign", "tier": "",
     "match_case": True, "excluded_after": ("Bank", "Capital", "Mutual Fund")},  # India's Axis Bank
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
    {"name": "Bosch Rexroth", "aliases": ("博世力士乐",), "origin": "foreign", "tier": ""},
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
    # Security makers whose lines dealers and installers resell (no access-control tier of their own,
    # or one that depends on the product line).
    {"name": "CP Plus", "aliases": ("CP-Plus", "CPPlus"), "origin": "foreign", "tier": ""},
    {"name": "Hi Focus", "aliases": ("HiFocus", "Hi-Focus"), "origin": "foreign", "tier": ""},
    {"name": "Ajax", "aliases": ("Ajax Systems",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Texecom", "origin": "foreign", "tier": ""},
    {"name": "Risco", "aliases": ("RISCO",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Pyronix", "origin": "foreign", "tier": ""},
    {"name": "Interlogix", "aliases": ("TruVision", "TruPortal"), "origin": "foreign", "tier": ""},
    {"name": "Comelit", "origin": "foreign", "tier": ""},
    {"name": "Videx", "origin": "foreign", "tier": ""},
    {"name": "Fermax", "origin": "foreign", "tier": ""},
    {"name": "Commax", "origin": "foreign", "tier": ""},
    {"name": "Abloy", "aliases": ("ABLOY",), "origin": "foreign", "tier": ""},
    {"name": "Mul-T-Lock", "aliases": ("Mul T Lock", "MulTLock", "Mul-t-lock"), "origin": "foreign", "tier": ""},
    {"name": "Suprema", "origin": "foreign", "tier": ""},
    {"name": "Anviz", "origin": "foreign", "tier": ""},
    {"name": "Virdi", "origin": "foreign", "tier": ""},
    {"name": "eSSL", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Hanwha", "aliases": ("Hanwha Vision", "Hanwha Techwin"), "origin": "foreign", "tier": ""},
    {"name": "Vivotek", "aliases": ("VIVOTEK",), "origin": "foreign", "tier": ""},
    {"name": "Mobotix", "aliases": ("MOBOTIX",), "origin": "foreign", "tier": ""},
    {"name": "Pelco", "origin": "foreign", "tier": ""},
    {"name": "Milestone Systems", "aliases": ("Milestone XProtect", "XProtect"), "origin": "foreign", "tier": ""},
    {"name": "Ezviz", "aliases": ("EZVIZ", "萤石"), "origin": "domestic", "tier": ""},
    {"name": "Imou", "aliases": ("IMOU", "乐橙"), "origin": "domestic", "tier": ""},
    {"name": "Jovision", "aliases": ("中维世纪",), "origin": "domestic", "tier": ""},
    {"name": "Reolink", "origin": "foreign", "tier": ""},
    {"name": "Lorex", "origin": "foreign", "tier": ""},
    # More of the trade's makers (video, alarm, fire, intercom, door and gate hardware, radio and public
    # address), from the industry's own rankings rather than any labelled site. Names that are
    # common words, places or conglomerates elsewhere ("Ring", "Nice", "CAME" in a capitals heading,
    # "Apollo", "Morley", "Centurion" near Pretoria, "Godrej") are left out or kept to a form no
    # other sense prints ("Apollo Fire Detectors", "Centurion Systems").
    {"name": "Tiandy", "aliases": ("TIANDY", "天地伟业"), "origin": "domestic", "tier": ""},
    {"name": "Kedacom", "aliases": ("KEDACOM", "苏州科达"), "origin": "domestic", "tier": ""},
    {"name": "HiLook", "aliases": ("Hilook", "HILOOK"), "origin": "domestic", "tier": ""},
    {"name": "Milesight", "origin": "domestic", "tier": ""},
    {"name": "IDIS", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Digital Watchdog", "aliases": ("DW Spectrum",), "origin": "foreign", "tier": ""},
    {"name": "Samsung", "aliases": ("SAMSUNG",), "origin": "foreign", "tier": ""},
    {"name": "Sony", "aliases": ("SONY",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Panasonic", "aliases": ("PANASONIC", "松下电器"), "origin": "foreign", "tier": ""},
    {"name": "LG", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Arlo", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Swann", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Annke", "aliases": ("ANNKE",), "origin": "foreign", "tier": ""},
    {"name": "Amcrest", "origin": "foreign", "tier": ""},
    {"name": "Eagle Eye Networks", "origin": "foreign", "tier": ""},
    {"name": "Rhombus", "aliases": ("Rhombus Systems",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Digifort", "origin": "foreign", "tier": ""},
    {"name": "Network Optix", "aliases": ("Nx Witness",), "origin": "foreign", "tier": ""},
    {"name": "BriefCam", "origin": "foreign", "tier": ""},
    {"name": "Prama", "aliases": ("PRAMA",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Secureye", "origin": "foreign", "tier": ""},
    {"name": "Zicom", "origin": "foreign", "tier": ""},
    {"name": "Napco", "aliases": ("NAPCO",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Paradox", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Visonic", "origin": "foreign", "tier": ""},
    {"name": "Jablotron", "aliases": ("JABLOTRON",), "origin": "foreign", "tier": ""},
    {"name": "Satel", "aliases": ("SATEL",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Inim", "aliases": ("INIM",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Optex", "aliases": ("OPTEX",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Vanderbilt", "origin": "foreign", "tier": "", "match_case": True,
     "excluded_after": ("University",)},
    {"name": "Inner Range", "aliases": ("Integriti",), "origin": "foreign", "tier": ""},
    {"name": "Resideo", "aliases": ("Ademco",), "origin": "foreign", "tier": ""},
    {"name": "2GIG", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "SimpliSafe", "origin": "foreign", "tier": ""},
    {"name": "ADT", "aliases": ("ADT Pulse",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Notifier", "aliases": ("NOTIFIER",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Simplex", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Kidde", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Hochiki", "origin": "foreign", "tier": ""},
    {"name": "Morley-IAS", "aliases": ("Morley IAS",), "origin": "foreign", "tier": ""},
    {"name": "Fire-Lite", "aliases": ("Firelite", "Fire Lite", "Fire-Lite Alarms"), "origin": "foreign", "tier": ""},
    {"name": "Gamewell-FCI", "aliases": ("Gamewell", "Gamewell FCI"), "origin": "foreign", "tier": ""},
    {"name": "System Sensor", "origin": "foreign", "tier": ""},
    {"name": "Mircom", "origin": "foreign", "tier": ""},
    {"name": "Xtralis", "aliases": ("VESDA",), "origin": "foreign", "tier": ""},
    {"name": "Apollo Fire Detectors", "origin": "foreign", "tier": ""},
    {"name": "C-TEC", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Ziton", "origin": "foreign", "tier": ""},
    {"name": "青鸟消防", "aliases": ("Jade Bird Fire",), "origin": "domestic", "tier": ""},
    {"name": "泰和安", "origin": "domestic", "tier": ""},
    {"name": "Akuvox", "origin": "domestic", "tier": ""},
    {"name": "DNAKE", "aliases": ("Dnake", "狄耐克"), "origin": "domestic", "tier": ""},
    {"name": "Fanvil", "origin": "domestic", "tier": ""},
    {"name": "Urmet", "origin": "foreign", "tier": ""},
    {"name": "BTicino", "aliases": ("Bticino",), "origin": "foreign", "tier": ""},
    {"name": "Legrand", "aliases": ("罗格朗",), "origin": "foreign", "tier": ""},
    {"name": "Kocom", "aliases": ("KOCOM",), "origin": "foreign", "tier": ""},
    {"name": "ButterflyMX", "origin": "foreign", "tier": ""},
    {"name": "DoorBird", "origin": "foreign", "tier": ""},
    {"name": "Allegion", "origin": "foreign", "tier": ""},
    {"name": "Von Duprin", "origin": "foreign", "tier": ""},
    {"name": "Corbin Russwin", "origin": "foreign", "tier": ""},
    {"name": "Securitron", "origin": "foreign", "tier": ""},
    {"name": "Kwikset", "origin": "foreign", "tier": ""},
    {"name": "Häfele", "aliases": ("Hafele", "HAFELE", "海福乐"), "origin": "foreign", "tier": ""},
    {"name": "Onity", "origin": "foreign", "tier": ""},
    {"name": "VingCard", "origin": "foreign", "tier": ""},
    {"name": "IDEMIA", "aliases": ("Idemia", "Morpho", "MorphoAccess"), "origin": "foreign", "tier": ""},
    {"name": "Matrix Comsec", "aliases": ("Matrix COSEC", "COSEC"), "origin": "foreign", "tier": ""},
    {"name": "Realtime Biometrics", "origin": "foreign", "tier": ""},
    {"name": "Rosslare", "origin": "foreign", "tier": ""},
    {"name": "Identiv", "origin": "foreign", "tier": ""},
    {"name": "Kisi", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Impro", "aliases": ("Impro Technologies",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Boon Edam", "origin": "foreign", "tier": ""},
    {"name": "Gunnebo", "origin": "foreign", "tier": ""},
    {"name": "PERCo", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "FAAC", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "BFT", "origin": "foreign", "tier": "", "match_case": True, "excluded_after": ("-",)},  # BFT-1: a model
    {"name": "Ditec", "origin": "foreign", "tier": ""},
    {"name": "Beninca", "origin": "foreign", "tier": ""},
    {"name": "Centurion Systems", "origin": "foreign", "tier": ""},
    {"name": "LiftMaster", "aliases": ("Liftmaster",), "origin": "foreign", "tier": ""},
    {"name": "Chamberlain", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "DoorKing", "aliases": ("Doorking",), "origin": "foreign", "tier": ""},
    {"name": "Hörmann", "aliases": ("Hormann", "HÖRMANN", "HORMANN"), "origin": "foreign", "tier": ""},
    {"name": "Motorola Solutions", "aliases": ("Motorola",), "origin": "foreign", "tier": ""},
    {"name": "Kenwood", "origin": "foreign", "tier": ""},
    {"name": "Hytera", "aliases": ("海能达",), "origin": "domestic", "tier": ""},
    {"name": "TOA", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Bose", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Shure", "origin": "foreign", "tier": ""},
    {"name": "Ahuja", "origin": "foreign", "tier": ""},
    {"name": "DSPPA", "aliases": ("迪士普",), "origin": "domestic", "tier": ""},
    # Network, IT and unified-communication makers an integrator or IT dealer resells.
    {"name": "Cisco", "aliases": ("CISCO", "Cisco Meraki", "Meraki"), "origin": "foreign", "tier": "",
     "match_case": True},
    {"name": "MikroTik", "aliases": ("Mikrotik", "MIKROTIK"), "origin": "foreign", "tier": ""},
    {"name": "Fortinet", "aliases": ("FortiGate", "Fortigate"), "origin": "foreign", "tier": ""},
    {"name": "Sophos", "origin": "foreign", "tier": ""},
    {"name": "Palo Alto Networks", "origin": "foreign", "tier": ""},
    {"name": "Juniper Networks", "aliases": ("Juniper",), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Ubiquiti", "origin": "foreign", "tier": ""},
    {"name": "TP-Link", "aliases": ("TP Link", "TPLink", "普联"), "origin": "domestic", "tier": ""},
    {"name": "D-Link", "aliases": ("D Link", "友讯"), "origin": "foreign", "tier": ""},
    {"name": "Netgear", "aliases": ("NETGEAR",), "origin": "foreign", "tier": ""},
    {"name": "Huawei", "aliases": ("HUAWEI", "华为"), "origin": "domestic", "tier": ""},
    {"name": "Ruijie", "aliases": ("锐捷",), "origin": "domestic", "tier": ""},
    {"name": "H3C", "aliases": ("新华三",), "origin": "domestic", "tier": "", "match_case": True},
    {"name": "Teltonika", "origin": "foreign", "tier": ""},
    {"name": "Dell", "aliases": ("Dell EMC", "PowerEdge"), "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Lenovo", "aliases": ("联想",), "origin": "domestic", "tier": ""},
    {"name": "Hewlett Packard Enterprise", "aliases": ("HPE", "HP Aruba", "HPE Aruba", "Aruba Networks",
                                                        "ProLiant", "Hewlett-Packard"), "origin": "foreign",
     "tier": "", "match_case": True},
    {"name": "Microsoft", "origin": "foreign", "tier": ""},
    {"name": "Synology", "origin": "foreign", "tier": ""},
    {"name": "QNAP", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Seagate", "origin": "foreign", "tier": ""},
    {"name": "Western Digital", "origin": "foreign", "tier": ""},
    {"name": "Yealink", "aliases": ("亿联",), "origin": "domestic", "tier": ""},
    {"name": "Grandstream", "origin": "foreign", "tier": ""},
    {"name": "Avaya", "origin": "foreign", "tier": ""},
    {"name": "Polycom", "origin": "foreign", "tier": ""},
    {"name": "Panduit", "origin": "foreign", "tier": ""},
    {"name": "CommScope", "aliases": ("Commscope", "COMMSCOPE"), "origin": "foreign", "tier": ""},
    {"name": "Vertiv", "origin": "foreign", "tier": ""},
    {"name": "Kaspersky", "origin": "foreign", "tier": ""},
    {"name": "ESET", "origin": "foreign", "tier": "", "match_case": True},
    {"name": "Veeam", "origin": "foreign", "tier": ""},
    {"name": "Acronis", "origin": "foreign", "tier": ""},
    {"name": "VMware", "origin": "foreign", "tier": ""},
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
# The noun itself in a heading ("Our Brands", "代理品牌"): a logo wall under it shows brands even
# when the table knows none of them ("Partners" may head clients or associations).
HEADING_BRAND_NOUNS = ("brand", "brands", "品牌")
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

# A Chinese line or sentence naming the brands the company deals in: 代理品牌：A、B、C (a caption
# with its verb) and 代理A、B等品牌 (the verb, the names, then 等 and the word 品牌).
ZH_BRAND_CAPTION_VERBS = ("代理", "经销", "主营", "销售", "经营", "授权", "合作", "主要")
ZH_BRAND_VERBS = ("代理", "经销", "销售", "经营", "分销")
# Product words a Chinese brand name may carry in a sentence (锐盾门禁的授权经销商): not the brand.
ZH_PRODUCT_TAILS = ("门禁", "监控", "安防", "产品", "系列", "设备", "系统")

# A logo's caption naming the maker and the company's standing with it ("Hikvision authorised
# partner", "Paxton registered installer"): the standing words after the name, and the roles.
CREDENTIAL_WORDS = ("approved", "authorised", "authorized", "registered", "certified", "accredited", "official",
                    "preferred", "premier", "gold", "silver", "platinum", "elite")
CREDENTIAL_ROLES = ("installer", "installers", "partner", "partners", "dealer", "dealers", "reseller",
                    "resellers", "distributor", "distributors", "integrator", "integrators", "agent")
# Accreditation bodies and schemes shown on the same strips ("Fire Industry Association",
# "SafeContractor Approved", "SSAIB Certificated"): the company's credentials, not brands.
BODY_WORDS = ("association", "institute", "institution", "authority", "register", "federation", "council",
              "society", "chamber", "board", "approved", "accredited", "certificated", "member", "协会", "学会")

# The word a brand's full name ends with and a wall often leaves out ("Milestone" for
# "Milestone Systems"): without it the name is still that brand, not one cut short.
COMPANY_WORDS = ("systems", "system", "group", "technologies", "technology", "security", "electronics",
                 "communications", "global", "international")

# The table as `extractors.common.load("brands")` returns it.
TABLE = {"version": VERSION, "brand": BRANDS}
