"""How the contract's own words read to a rep, in English and in Chinese.

Field names are declared with their fields (`fields.Field.label_en` / `label_zh`) and choice
values beside them (`fields.CHOICE_LABELS`); this module declares the rest of the contract's
vocabulary: crawl statuses, confidence levels, flags, review actions and sources, client sectors
and the reasons a field is absent. `label()` reads all of them. The interface's sentences are in
the message catalogue (`prospect_intel/locale`); these are data, not sentences, so they live with the data.
"""
from __future__ import annotations

from types import MappingProxyType

from prospect_intel.core.fields import BY_NAME, CHOICE_LABELS

LANGUAGES = ("en", "zh")

WORD_LABELS: MappingProxyType[str, tuple[str, str]] = MappingProxyType({
    # crawl statuses (models.STATUSES)
    "queued": ("queued", "排队中"),
    "crawling": ("crawling", "抓取中"),
    "done": ("done", "已完成"),
    "failed": ("failed", "失败"),
    # confidence levels (models.CONFIDENCES)
    "high": ("high", "高"),
    "medium": ("medium", "中"),
    "low": ("low", "低"),
    # flags on a value
    "conflict": ("conflict", "页面矛盾"),
    "implausible": ("implausible", "不合常理"),
    "inferred": ("inferred", "推断"),
    "stale": ("stale", "过时"),
    "reviewed": ("reviewed", "已审核"),
    # review actions (models.REVIEW_ACTIONS, and an undo)
    "confirmed": ("confirmed", "已确认"),
    "corrected": ("corrected", "已更正"),
    "rejected": ("rejected", "已驳回"),
    "added": ("added", "已补充"),
    "undone": ("undone", "已撤销"),
    "noted": ("noted", "已记录"),
    # where a reviewed fact came from (models.REVIEW_SOURCES)
    "website": ("website", "网站"),
    "phone": ("phone call", "电话"),
    "visit": ("visit", "拜访"),
    "email": ("email", "邮件"),
    "magazine": ("magazine", "杂志"),
    "business_card": ("business card", "名片"),
    "crm": ("CRM", "CRM"),
    "other": ("other", "其他"),
    # why an extracted value was corrected or rejected (models.REVIEW_REASONS; "other" above)
    "wrong_page": ("read from the wrong page", "取自错误的页面"),
    "wrong_company": ("another company's", "属于其他公司"),
    "range_as_count": ("a range read as a count", "把范围当成了数目"),
    "outdated": ("outdated", "已过时"),
    "misread": ("misread", "读错了"),
    "unsaid": ("no reason given", "未说明原因"),
    # client sectors (fields.SECTORS; "other" above)
    "government": ("government", "政府"),
    "bank": ("bank", "银行"),
    "hospital": ("hospital", "医院"),
    "school": ("school", "学校"),
    "enterprise": ("enterprise", "企业"),
    "real_estate": ("real estate", "房地产"),
    # why a field has no value (extractors/site.py)
    "not_stated": ("not stated on the site", "网站未说明"),
    "page_not_found": ("no such page on the site", "网站没有相应页面"),
    "extraction_failed": ("extraction failed", "提取出错"),
    "stated_in_other_currency": ("stated in another currency", "以其他币种注明"),
    # page roles (the crawler's; "other" above)
    "home": ("home page", "首页"),
    "about": ("about", "公司简介"),
    "products": ("products", "产品"),
    "cases": ("cases", "案例"),
    "contact": ("contact", "联系我们"),
    # a prospect without a grade (its evidence could not be scored)
    "unscored": ("unscored", "无法评级"),
    "not graded": ("not graded", "尚未评级"),  # queued, crawling, or graded by another rubric
    # business-registry imports: the source, how a row matched (registry_id and website above),
    # and what the site says beside the registry (scoring/registry.py)
    "registry": ("business registry", "工商登记"),
    "registry_number": ("registry number", "统一社会信用代码/注册号"),
    "name": ("name", "名称"),
    "name_normalised": ("name without its legal form", "去掉公司类型后的名称"),
    "name_fuzzy": ("a similar name", "相近名称"),
    "agrees": ("agrees", "一致"),
    "site_claims_more": ("the site claims more", "网站所称高于登记"),
    "site_claims_less": ("the site claims less", "网站所称低于登记"),
    "registry_only": ("registry only", "仅工商登记有"),
    "site_only": ("site only", "仅网站有"),
    "scope_supports": ("the business scope agrees", "经营范围相符"),
    "scope_only": ("only the business scope says so", "仅经营范围提及"),
    # what the last crawl changed (the morning list's "changed" column: store/snapshots.py)
    "site_gone": ("site gone", "网站无法访问"),
    "grade_changed": ("grade changed", "评级变化"),
    "new_clients": ("new clients", "新客户案例"),
    "office_moved": ("office moved", "办公地址变更"),
    # booleans
    "yes": ("yes", "是"),
    "no": ("no", "否"),
})


def label(word: str, language: str) -> str:
    """A field name, a choice value or a contract word as the language says it; the word itself
    when it is none of these (a value scraped from a site is never translated)."""
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    if word in BY_NAME:
        field = BY_NAME[word]
        return (field.label_en, field.label_zh)[index]
    labels = CHOICE_LABELS.get(word) or WORD_LABELS.get(word)
    return labels[index] if labels else word
