"""Years in access control: the words that tie a stated span or start year to the access-control
line (read by extractors/dates.py).

Concept: ZH_AC and EN_AC, the access-control words every such claim holds (门禁, 一卡通 ...;
"access control"); ZH_LEAD_VERBS (从事, 专注 ... before the words: 专注门禁行业十年).
"""

VERSION = 1

ZH_AC = ("门禁", "一卡通", "出入口")
EN_AC = ("access control", "access-control")
# The systems a stated span of years is in (十年门禁行业经验, 8年的一卡通系统经验).
ZH_AC_SYSTEMS = ("门禁", "一卡通", "出入口控制")
# In this order: 专注 is tried before 专注于 (what follows it may then hold the 于).
ZH_LEAD_VERBS = ("从事", "专注", "专注于", "专业从事", "深耕", "致力于", "经营", "服务于")
