"""Keyword tables that say which page role a link or a page belongs to (Chinese and English).

Concepts: ROLE_PHRASES and ROLE_URL_TOKENS per role (each list holds Chinese and English words),
LOW_VALUE_PHRASES, LOW_VALUE_URL_TOKENS and PAGINATION_PHRASES (both languages in one list);
KEY_ROLES names the roles. Data, not logic: `crawler/pages.py` and `crawler/linkrank.py` read
these tables. Keywords are matched in lower case; Chinese entries cover simplified and
traditional forms; URL tokens include the pinyin initials Chinese SME sites use for file names
(gsjj = 公司简介, lxwm = 联系我们, ...).
"""

VERSION = 1

KEY_ROLES = ("about", "products", "cases", "contact")

# Strong phrases: an anchor or heading that is exactly (or contains) one of these names the role.
ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    "about": (
        "关于我们", "公司简介", "企业简介", "公司介绍", "企业介绍", "公司概况", "企业概况", "集团简介",
        "集团介绍", "走进", "了解我们", "企业文化", "发展历程", "组织架构", "资质荣誉", "荣誉资质",
        "公司荣誉", "企业荣誉", "董事长致辞", "关于", "简介", "公司历史", "品牌介绍", "公司资质",
        "關於我們", "公司簡介", "企業簡介", "公司介紹", "企業介紹", "公司概況", "企業文化", "發展歷程",
        "about us", "about", "company profile", "our company", "who we are", "our story",
        "company overview", "history", "our history", "profile", "the company", "company", "our team",
        "why choose us", "overview",
    ),
    "products": (
        "产品中心", "产品展示", "产品分类", "产品介绍", "产品系列", "产品列表", "产品", "解决方案",
        "方案", "产品与方案", "产品与服务", "系统方案", "門禁產品", "產品中心", "產品介紹", "產品展示",
        "產品", "解決方案",
        "products", "product", "our products", "product range", "product catalog", "catalogue",
        "catalog", "solutions", "our solutions", "systems", "equipment", "access control systems",
    ),
    "cases": (
        "工程案例", "成功案例", "样板工程", "典型客户", "合作客户", "客户案例", "项目案例", "经典案例",
        "工程业绩", "业绩", "案例", "典型案例", "部分客户", "客户见证", "合作伙伴", "项目展示", "工程展示",
        "工程實績", "成功案例", "客戶案例", "實績", "案例展示", "合作客戶",
        "projects", "our projects", "clients", "our clients", "references", "case studies",
        "case study", "portfolio", "our work", "customers", "testimonials", "recent projects",
        "featured projects", "who we work with",
    ),
    "contact": (
        "联系我们", "联系方式", "联系", "聯絡我們", "聯繫我們", "聯絡方式", "在线留言",
        "contact us", "contact", "get in touch", "find us", "locations", "our offices", "reach us",
    ),
}

# Path and file-name tokens (split on / . _ - ? = &) that suggest a role.
ROLE_URL_TOKENS: dict[str, tuple[str, ...]] = {
    "about": (
        "about", "aboutus", "about-us", "company", "profile", "intro", "introduce", "introduction",
        "gsjj", "qyjj", "gywm", "gsgk", "qygk", "jianjie", "guanyu", "gongsi", "qywh", "fzlc", "history",
        "who-we-are", "overview", "culture", "honor", "ryzz",
    ),
    "products": (
        "product", "products", "prod", "chanpin", "cpzx", "cpzs", "cplb", "cpjs", "cpfl", "solution",
        "solutions", "fangan", "jjfa", "catalog", "catalogue", "shop", "goods", "systems", "pro",
    ),
    "cases": (
        "case", "cases", "anli", "gcal", "cgal", "khal", "xmal", "jdal", "project", "projects", "client",
        "clients", "customer", "customers", "reference", "references", "yeji", "gcyj", "hzkh", "dxkh",
        "portfolio", "works", "success", "example", "yangban",
    ),
    "contact": ("contact", "contactus", "contact-us", "lxwm", "lianxi", "lxfs", "contacts", "location", "locations"),
}

# Links and pages that are rarely worth a request of the page budget.
LOW_VALUE_PHRASES: tuple[str, ...] = (
    "新闻", "资讯", "动态", "公告", "招聘", "人才", "下载", "留言", "登录", "注册", "购物车", "会员",
    "网站地图", "隐私", "投诉", "English", "英文版", "新聞", "下載", "招募",
    "news", "blog", "careers", "jobs", "login", "log in", "sign in", "register", "cart", "privacy",
    "terms", "sitemap", "cookie", "faq", "download", "downloads", "events", "press",
)
LOW_VALUE_URL_TOKENS: tuple[str, ...] = (
    "news", "xwzx", "xinwen", "blog", "article", "job", "jobs", "career", "careers", "zhaopin", "rczp",
    "login", "register", "cart", "privacy", "terms", "sitemap", "download", "xzzx", "feedback",
    "guestbook", "message", "search", "tag", "tags", "author", "wp-login", "en", "english",
)

# Anchor texts of list pagination.
PAGINATION_PHRASES: tuple[str, ...] = (
    "下一页", "下页", "上一页", "上页", "末页", "尾页", "后页", "前页", "下一頁", "上一頁",
    "next", "next page", "previous", "prev", "older", "newer", "last", "»", "›", ">", ">>", "<<", "«", "‹",
)
