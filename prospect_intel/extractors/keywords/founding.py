"""Founding and company-age phrasing (read by extractors/dates.py).

Concept: how a site says when the company began or how long it has been going. Chinese:
ZH_FOUNDING_VERBS (成立, 创立 ... before a year), ZH_YEAR_VERBS (after a year: 2009年成立),
ZH_AGE_VERBS (成立十余年), ZH_AGE_SUBJECTS and ZH_HISTORY (公司…十年的发展历程). English:
EN_FOUNDING_VERBS ("established in 1998"), EN_EST, EN_SINCE ("since 1998", "serving … since"),
EN_AGE_UNITS ("over 20 years").
"""

VERSION = 1

# (兴建 / 始建: a plant "built in", as a factory states its founding: 本厂兴建于2008年3月)
ZH_FOUNDING_VERBS = ("注册成立", "正式成立", "成立", "创立", "创建", "创办", "始创", "始建", "兴建", "组建", "建立",
                     "注册")
ZH_YEAR_VERBS = ("注册成立", "正式成立", "成立", "创立", "创建", "创办", "始创", "组建")
# Literals every ZH_YEAR_VERBS match holds (注册成立 and 正式成立 hold 成立).
ZH_YEAR_VERBS_GATE = ("成立", "创立", "创建", "创办", "始创", "组建")
ZH_AGE_VERBS = ("成立", "创立", "创办", "创建", "发展")
ZH_AGE_SUBJECTS = ("公司", "企业", "我们")
ZH_HISTORY_NOUNS = ("发展历程", "发展历史", "历史", "风雨历程")
# Literals every ZH_HISTORY_NOUNS word holds.
ZH_HISTORY = ("历程", "历史")

# A founding said of the company's predecessor (公司前身…创建于1956年, "its predecessor was founded
# in 1956"): the history before the company, a weak founding year.
PREDECESSOR = ("前身", "predecessor", "forerunner")

# The verbs and the nouns made of them ("since our founding in 2008", "since its inception in
# 1998"); not "foundation", which names an organisation as often as an event.
EN_FOUNDING_VERBS = ("established", "founded", "incorporated", "formed", "started", "launched", "opened",
                     "founding", "inception", "establishment", "incorporation", "set up", "opened its doors",
                     "opened our doors")
# The passive with its agent ("founded by John Smith in 1987").
EN_BY_VERBS = ("founded", "established", "started", "set up")
# After "In 1998, ...": the founding verbs but "formed".
EN_IN_YEAR_VERBS = ("founded", "established", "started", "opened", "incorporated", "launched")
# A founding said in the active voice, the company as its object ("He started Unique Services in
# the year 1995", "our founder set up the business in 2004"), and the start of operations.
EN_OBJECT_VERBS = ("founded", "established", "started", "formed", "set up", "incorporated")
EN_OWN_OBJECTS = ("company", "business", "firm", "agency", "enterprise", "practice")
EN_OPERATIONS = ("operations", "operating", "trading", "business")
EN_EST = ("est",)
EN_SINCE = ("since", "serving")
# "over 20 years", "two decades": each unit also in the plural.
EN_AGE_UNITS = ("year", "decade")
