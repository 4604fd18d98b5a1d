"""Signs of life: how a site names its hiring section and its dated news (read by
extractors/vitality.py).

Concepts:
- HIRING: the label of a hiring section or page (a navigation link, a page title), both languages.
- HIRING_PATHS: URL path words of a hiring page (careers, jobs, 招聘 as zhaopin).
- MONTHS: English month names and their short forms, for dates such as "12 March 2024".
"""

VERSION = 1

HIRING = (
    "人才招聘", "招聘信息", "招聘职位", "诚聘英才", "招贤纳士", "加入我们", "诚聘", "招聘",
    "careers", "career opportunities", "jobs", "job vacancies", "vacancies", "join our team", "join us",
    "we're hiring", "we are hiring", "work with us", "current openings",
)
HIRING_PATHS = ("careers", "career", "jobs", "job", "vacancies", "zhaopin", "recruit", "recruitment", "joinus",
                "join-us", "hr")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec")
