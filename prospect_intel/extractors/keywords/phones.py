"""Labels that say what the number after them is (read by extractors/phones.py).

Concept: LABELS per kind (phone, fax, trap), Chinese and English in each list, matched in lower
case; the country names phones.py adds to CLDR's (COUNTRY_SHORT_NAMES) and the ones it leaves out
(AMBIGUOUS_COUNTRY_NAMES) when it reads the site's country from the pages.
"""

VERSION = 1

LABELS = {
    "phone": (
        "电话", "电 话", "手机", "手 机", "热线", "总机", "专线", "代表号", "行动电话", "业务", "座机", "固话",
        "联系电话", "服务电话", "客服", "咨询", "tel", "tel.", "phone", "telephone", "call", "mobile", "mob", "cell",
        "hotline", "toll free", "toll-free", "whatsapp", "office", "main", "number", "contact", "☎", "📞", "📱",
        "电话号码", "联系方式", "订购", "销售部", "报警", "售后", "t:", "p:", "m:",
    ),
    "fax": ("传真", "传 真", "fax", "facsimile", "f:"),
    "trap": (
        "icp", "备案", "公网安备", "安备", "邮编", "邮政编码", "zip", "postal", "postcode", "p.o.", "qq", "微信号",
        "型号", "model", "item", "sku", "part no", "编号", "证书", "执照", "信用代码", "税号", "账号", "帐号", "开户",
        "银行", "身份证", "licen", "license #", "reg no", "registration", "注册号", "工商", "批准", "文号", "isbn",
        "订单", "order", "货号", "serial", "case no", "编码", "价格", "price", "¥", "$", "usd", "rmb", "元",
        # registration and tax identifiers printed in footers
        "company no", "company number", "company reg", "reg. no", "vat", "gst", "cin", "abn", "acn", "ein",
        "tax id", "crn",
    ),
}

# Short names of countries a site prints in its address, beside CLDR's English names.
COUNTRY_SHORT_NAMES = {"UK": "GB", "UAE": "AE", "U.A.E": "AE", "USA": "US", "U.S.A": "US", "KSA": "SA"}
# Country names that are more often something else on a page: a US state, a person, a bird.
AMBIGUOUS_COUNTRY_NAMES = ("Georgia", "Jersey", "Guernsey", "Jordan", "Chad", "Turkey")

# The table as `extractors.common.load("phones")` returns it.
TABLE = {"version": VERSION, "labels": LABELS}
