"""How a Chinese company name ends (read by extractors/profile.py).

Concept: ZH_SUFFIXES, the legal or trade words a Chinese company name ends with (有限公司, 集团,
经营部 ...), and ZH_SUFFIX_GATE, literals one of which every suffix holds. Chinese only (English
names: extractors/profile.py `_EN_NAME`).
"""

VERSION = 1

ZH_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "服务站", "商行", "经营部", "门市部",
    "工作室", "维修部",
)
ZH_SUFFIX_GATE = ("公司", "集团", "服务站", "商行", "经营部", "门市部", "工作室", "维修部")
