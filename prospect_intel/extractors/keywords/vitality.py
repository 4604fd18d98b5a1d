"""Signs of life: how a site names its hiring section and its dated news (read by
extractors/vitality.py).

Concepts:
- HIRING: the label of a hiring section or page (a navigation link, a page title), both languages.
- HIRING_PATHS: URL path words of a hiring page (careers, jobs, 招聘 as zhaopin).
- REGISTRY_LABELS: the words a registry number follows (统一社会信用代码, "Registered in England
  & Wales No.").
- MONTHS: English month names and their short forms by month number, for dates such as
  "12 March 2024".
"""

VERSION = 1

HIRING = (
    "人才招聘", "招聘信息", "招聘职位", "诚聘英才", "招贤纳士", "加入我们", "诚聘", "招聘",
    "careers", "career opportunities", "jobs", "job vacancies", "vacancies", "join our team", "join us",
    "we're hiring", "we are hiring", "work with us", "current openings",
)
HIRING_PATHS = ("careers", "career", "jobs", "job", "vacancies", "zhaopin", "recruit", "recruitment", "joinus",
                "join-us", "hr")
REGISTRY_LABELS = ("信用代码", "注册号", "营业执照", "company no", "company number", "company registration",
                   "registered in", "registration no", "registration number", "registered number")
MONTHS = {1: ("january", "jan"), 2: ("february", "feb"), 3: ("march", "mar"), 4: ("april", "apr"), 5: ("may",),
          6: ("june", "jun"), 7: ("july", "jul"), 8: ("august", "aug"), 9: ("september", "sept", "sep"),
          10: ("october", "oct"), 11: ("november", "nov"), 12: ("december", "dec")}
