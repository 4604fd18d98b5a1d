"""Bot walls and parked domains: the phrases their pages print (read by crawler/walls.py).

Concepts: BLOCKED_PHRASES (a bot wall or challenge page) and PARKED_PHRASES (a domain for sale),
each a tuple of regex fragments in both languages, matched in any case; BLOCKED_GATE and
PARKED_GATE, literals one of which every phrase of the list holds (pages without any are not
scanned).
"""

VERSION = 1

BLOCKED_PHRASES = (
    r"just a moment\.\.\.",
    r"checking your browser before accessing",
    r"verify you are (a )?human",
    r"attention required! \| cloudflare",
    r"enable javascript and cookies to continue",
    r"ddos protection by",
    r"please complete the security check",
    r"are you a robot\?",
    r"请完成(下方)?(的)?(安全)?验证",
    r"安全验证",
    r"滑动验证",
    r"拖动(下方)?滑块",
    r"人机验证",
    r"访问验证",
    r"网站防火墙",
    r"您的访问(请求)?被拦截",
    r"请开启javascript",
)
BLOCKED_GATE = ("just a moment", "browser", "human", "cloudflare", "javascript", "ddos", "security check", "robot",
                "验证", "滑块", "防火墙", "拦截")

PARKED_PHRASES = (
    r"this domain (name )?(may be|is) for sale",
    r"buy this domain",
    r"domain (is )?for sale",
    r"the domain [\w.-]+ (may be|is) for sale",
    r"this domain has been registered",
    r"parked (free|domain)|domain parking|parkingcrew|sedoparking|bodis\.com",
    r"hugedomains\.com|dan\.com/buy|afternic",
    r"此域名(正在)?出售",
    r"域名(出售|转让|正在出售)",
    r"该域名(可)?(出售|转让)",
    r"域名停放",
)
PARKED_GATE = ("domain", "parking", "parked", "bodis", "dan.com", "afternic", "域名")
