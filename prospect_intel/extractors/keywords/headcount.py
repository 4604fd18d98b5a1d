"""Headcount and staff-split phrasing (read by extractors/size.py).

Concept: how a site states its number of people. Chinese: ZH_SIZE_LABELS (人员规模, 员工人数 ...
before a count or a range), ZH_TEAM (一支 ... 人的团队), ZH_STAFF_GATE (words every total holds).
English: EN_TEAM_NOUNS (the nouns a bare "10-50 employees" range ends with), EN_EMPLOYS, EN_STRONG,
EN_TEAM. The staff split: SALES (zh, en, and the gate literals of each) and TECH (the same).
"""

VERSION = 1

# Labels before a headcount or a range (人员规模：50-99人, 公司人数 120人). RANGE reads both.
ZH_RANGE_LABELS = ("人员规模", "员工人数", "公司规模", "企业规模", "员工规模", "公司人数", "团队规模", "企业人数",
                   "职工人数", "员工数量")
ZH_SIZE_LABELS = ("人员规模", "公司规模", "员工人数", "公司人数", "团队规模", "企业人数", "职工人数", "员工数量")
# 一支35人的团队: a team of 35.
ZH_TEAM = ("一支",)
# The nouns a bare English range ends with ("10-50 employees").
EN_RANGE_NOUNS = ("employees", "staff", "people", "team members", "workers")
# "employs 40 people", "we employ around 50 staff", "employing over 200 people": the verb in each
# of its present forms (not "employed": "has employed 300 people" may count everyone ever hired).
EN_EMPLOYS = ("employs", "employ", "employing")
# Qualifiers of its count beside EN_TOTAL's ("employs roughly 40 people").
EN_EMPLOYS_QUALIFIERS = ("roughly", "some", "close to", "almost")
EN_EMPLOYS_NOUNS = ("people", "staff", "employees", "workers", "staff members", "team members")
# "a 12-strong team", "a 20-person team", "a 25-member team".
EN_STRONG = ("strong", "person", "member")

# The sales and technical staff a site counts (销售人员18人, "18 engineers"). `zh` and `en` are
# the alternatives; `zh_gate` and `en_gate` literals one of which every match holds.
SALES = {
    "zh": ("销售人员", "销售工程师", "业务人员", "业务员", "营销人员", "销售团队", "销售"),
    "zh_gate": ("销售", "业务", "营销"),
    "en": ("staff", "people", "reps", "representatives", "team members", "engineers"),
    "en_gate": ("sales",),
}
TECH = {
    "zh": ("技术人员", "技术工程师", "工程师", "技术团队", "施工人员", "安装人员", "技术员", "售后工程师"),
    "zh_gate": ("技术", "工程师", "施工人员", "安装人员"),
    "en": ("engineers", "technicians", "installers"),
}

# A counter widget: a line holding only a number ("200 +") over the line naming it. These labels
# name the company's own people ("Team members", not "Satisfied Clients").
COUNTER_LABELS = ("team members", "expert members", "staff members", "crew members", "employees", "staff",
                  "professionals", "experts", "engineers", "technicians", "specialists", "workers", "guards",
                  "installers", "员工", "名员工", "团队成员", "专业人员", "技术人员", "工程师")
# A counter's label may qualify its noun ("Certified Engineers", "Guards Deployed"), unless it says
# the people are others' ("Engineers Trained", "Clients Served").
COUNTER_NOT_OURS = ("trained", "served", "helped", "supported", "clients", "customers", "partners", "users")
# The company itself as the subject of a count without a staff noun (公司目前超过300人).
ZH_COMPANY = ("本公司", "公司", "企业", "集团")
# The head noun of a group of the company's own staff (施工人员二十余人, 100多人的研发团队, 顾问):
# a group's count is a part of the headcount (LABELLING: parts add up, "at least").
ZH_GROUP_HEADS = ("人员", "队伍", "团队", "工程师", "顾问", "专家", "设计师", "技术员", "技工", "骨干")
# The same in English, counted as at least so many ("20+ certified engineers", "over 40 technicians").
EN_GROUP_HEADS = ("engineers", "technicians", "installers", "electricians", "guards", "security officers",
                  "specialists", "professionals", "experts", "consultants", "developers")
# A clause opening with these counts a subset of the group before it (其中工程师15人).
ZH_SUBSET = ("其中", "包括", "含")

# A stated total (员工200余人, "over 100 employees"), each list tried in its order. `gate`: literals
# one of which every noun holds.
ZH_TOTAL = {
    "not_staff": ("外聘", "兼职", "临时", "外包", "合作", "客户", "会员", "服务", "培训", "累计", "接待", "用户"),
    "qualifiers": ("正式", "在职", "在册", "全职", "现有", "拥有", "共有", "公司"),
    "nouns": ("员工", "职工", "雇员", "从业人员", "团队成员", "团队", "员工总数"),
    "gate": ("员工", "职工", "雇员", "从业人员", "团队"),
    "measures": ("总数", "人数", "总人数"),
    "verbs": ("达到", "达", "约", "有", "共", "近", "超过", "逾", "已达", "共计", "为"),
    # the verbs of those that say "more than" (员工超过200人 is at least 200, as 200余人 is)
    "over": ("超过", "逾"),
}
EN_TOTAL = {
    "qualifiers": ("over", "more than", "nearly", "about", "around", "approximately"),
    "adjectives": ("full-time", "full time", "dedicated", "skilled", "experienced", "professional"),
    "nouns": ("employees", "staff members", "staff", "people on staff", "team members", "workers"),
    "gate": ("employees", "staff", "team members", "workers"),
}
# "a workforce of 200", "staff strength of 50", "manpower of 200 trained guards", "a staff of 40":
# the company's people as one noun, then "of" and the count; and "we are 100 people strong".
EN_FORCE_NOUNS = ("workforce", "manpower", "staff strength", "team strength", "headcount", "a staff", "our staff")
EN_PEOPLE_STRONG = ("people", "members", "employees", "staff")
# "a team of 35 security professionals".
EN_TEAM_OF = {
    "qualifiers": ("over", "more than", "nearly", "about"),
    "nouns": ("people", "professionals", "employees", "technicians", "engineers", "experts", "staff"),
    "gate": ("team",),
}
# "Employees: 10-50", "Company size: 11-50 employees" (words apart by spaces or tabs).
EN_SIZE_LABELS = ("number of employees", "employees", "staff", "team size", "company size", "headcount",
                  "workforce")
