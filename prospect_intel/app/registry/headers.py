"""The column headers of registry exports: which fact each names, which row is the header, which export it is.

Headers are data: the names 企查查, 天眼查, Companies House and hand-made spreadsheets use for each fact,
preferred first (统一社会信用代码 before 注册号 when an export has both). They are compared as `label()`
makes them, so "注册资本（万元）", " CompanyNumber" and "Company Number" find their fact.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# fact -> header names, preferred first
CHINESE: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "公司名称", "名称", "企业名", "公司名", "单位名称"),
    "registry_id": ("统一社会信用代码", "社会信用代码", "信用代码", "注册号", "工商注册号"),
    "legal_representative": ("法定代表人", "法人", "法人代表"),
    "registered_capital": ("注册资本", "注册资金"),
    "paid_in_capital": ("实缴资本", "实缴资金"),
    "founded": ("成立日期", "注册时间", "成立时间", "注册日期"),
    "registry_status": ("登记状态", "经营状态", "企业状态", "状态"),
    "insured_staff": ("参保人数",),
    "staff_band": ("人员规模",),
    "business_scope": ("经营范围",),
    "industry": ("所属行业", "国标行业", "行业"),
    "registered_address": ("注册地址", "企业地址", "地址", "通信地址", "通讯地址"),
    "city": ("所属城市", "城市", "所属市"),
    "website": ("网址", "官网", "企业网址", "网站", "公司网址", "官方网站"),
    "dissolved": ("注销日期",),
}
ENGLISH: dict[str, tuple[str, ...]] = {
    "name": ("company name", "company", "name", "organisation", "organization"),
    "registry_id": ("registration number", "company number", "registry id", "credit code", "uscc"),
    "legal_representative": ("legal representative",),
    "registered_capital": ("registered capital", "capital"),
    "paid_in_capital": ("paid-in capital", "paid in capital"),
    "founded": ("founded", "incorporation date", "date of incorporation", "established"),
    "registry_status": ("status", "company status"),
    "insured_staff": ("insured staff",),
    "staff_band": ("employees", "staff", "headcount"),
    "business_scope": ("business scope", "scope"),
    "industry": ("industry", "sector"),
    "registered_address": ("registered address", "address"),
    "city": ("city", "town"),
    "website": ("website", "url", "domain", "homepage", "web site"),
    "dissolved": ("dissolution date", "dissolved"),
}
COMPANIES_HOUSE: dict[str, tuple[str, ...]] = {
    "name": ("CompanyName",),
    "registry_id": ("CompanyNumber",),
    "registry_status": ("CompanyStatus",),
    "founded": ("IncorporationDate",),
    "dissolved": ("DissolutionDate",),
    "city": ("RegAddress.PostTown",),
}
# fact -> (separator, the columns that together make it, in order)
COMPANIES_HOUSE_JOINED: dict[str, tuple[str, tuple[str, ...]]] = {
    "registered_address": (", ", ("RegAddress.AddressLine1", "RegAddress.AddressLine2", "RegAddress.PostTown",
                                  "RegAddress.County", "RegAddress.PostCode")),
    "business_scope": ("; ", ("SICCode.SicText_1", "SICCode.SicText_2", "SICCode.SicText_3", "SICCode.SicText_4")),
}
# What a format must have, as its own header names (said to the user when missing).
REQUIRED: dict[str, tuple[str, ...]] = {
    "qichacha": ("企业名称",), "tianyancha": ("公司名称",),
    "companies-house": ("CompanyName", "CompanyNumber"), "csv": ("name",),
}
MIN_KNOWN = 3  # known header names that make a row the header
# Header names said when a file has no header row.
EXPECTED_HEADERS = "企业名称/公司名称, 统一社会信用代码, 注册资本, 成立日期; CompanyName, CompanyNumber; name, website"
_UNIT = re.compile(r"\((万?(?:元|人民币|美元|港元)[^)]*)\)$")


@dataclass(frozen=True)
class Vocabulary:
    """The header names one format uses."""

    single: dict[str, tuple[str, ...]]
    joined: dict[str, tuple[str, tuple[str, ...]]]

    def facts_of(self) -> dict[str, str]:
        """label -> fact, for every single-column header name."""
        return {label(name): fact for fact, names in self.single.items() for name in names}

    def known(self) -> set[str]:
        parts = {label(name) for _sep, names in self.joined.values() for name in names}
        return set(self.facts_of()) | parts


def _merged(*tables: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {fact: tuple(name for table in tables for name in table.get(fact, ())) for fact in CHINESE}


VOCABULARIES = {
    "qichacha": Vocabulary(CHINESE, {}),
    "tianyancha": Vocabulary(CHINESE, {}),
    "companies-house": Vocabulary(COMPANIES_HOUSE, COMPANIES_HOUSE_JOINED),
    "csv": Vocabulary(_merged(CHINESE, ENGLISH, COMPANIES_HOUSE), COMPANIES_HOUSE_JOINED),
}


@dataclass(frozen=True)
class Header:
    """A header row: where it is and which columns hold which fact."""

    row: int  # 1-based, as the spreadsheet shows it
    printed: tuple[str, ...]  # every cell as printed
    single: dict[str, tuple[int, ...]]  # fact -> columns naming it, preferred first
    joined: dict[str, tuple[str, tuple[int, ...]]]  # fact -> (separator, columns in order)
    unit_hints: dict[int, str]  # column -> the unit its header states, e.g. 万元

    @property
    def labels(self) -> set[str]:
        return {label(cell) for cell in self.printed}

    def column_names(self) -> dict[str, str]:
        """fact -> the header as printed (the columns of a joined fact, comma-separated)."""
        names = {fact: self.printed[columns[0]] for fact, columns in self.single.items()}
        names.update({fact: ", ".join(self.printed[i] for i in columns) for fact, (_s, columns) in self.joined.items()})
        return names


def label(cell: str) -> str:
    """A header compared without width, case, spaces, dots or a trailing unit: " Company Number" → companynumber."""
    text = unicodedata.normalize("NFKC", cell).lower()
    text = _UNIT.sub("", re.sub(r"\s+", "", text))
    return re.sub(r"[._\-:·]", "", text)


def unit_hint(cell: str) -> str | None:
    """The unit a header states in brackets: 注册资本(万元) → 万元."""
    match = _UNIT.search(re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell)))
    return match[1] if match else None


def find_header(rows: Sequence[tuple[int, Sequence[str]]], vocabulary: Vocabulary) -> Header | None:
    """The first row naming at least MIN_KNOWN of the vocabulary's headers; the file's first row also when it
    names a company column and one more (a hand-made CSV of name and website)."""
    known = vocabulary.known()
    for index, (number, cells) in enumerate(rows):
        found = sum(label(cell) in known for cell in cells if cell)
        first_row = index == 0 and number == 1
        if found >= MIN_KNOWN or (first_row and found >= 2 and _names_a_company(cells, vocabulary)):
            return map_header(number, cells, vocabulary)
    return None


def _names_a_company(cells: Sequence[str], vocabulary: Vocabulary) -> bool:
    facts = vocabulary.facts_of()
    return any(facts.get(label(cell)) == "name" for cell in cells)


def map_header(number: int, cells: Sequence[str], vocabulary: Vocabulary) -> Header:
    """Header row `number` read with `vocabulary`: the columns of each fact it names."""
    labels = [label(cell) for cell in cells]
    single = {fact: columns for fact, names in vocabulary.single.items() if (columns := _columns(labels, names))}
    joined = {fact: (separator, columns) for fact, (separator, names) in vocabulary.joined.items()
              if (columns := _columns(labels, names))}
    hints = {i: hint for i, cell in enumerate(cells) if (hint := unit_hint(cell))}
    return Header(number, tuple(cells), single, joined, hints)


def _columns(labels: list[str], names: tuple[str, ...]) -> tuple[int, ...]:
    """Indexes of the columns headed by any of `names`, in the order of `names`, each once."""
    return tuple(dict.fromkeys(i for name in names for i, lab in enumerate(labels) if lab == label(name)))


def detect_format(header: Header) -> str:
    """Companies House by CompanyNumber and its RegAddress columns, 企查查 by 企业名称 with 参保人数 and
    登记状态, 天眼查 by 公司名称 with 经营状态; any other header is a generic csv."""
    labels = header.labels
    if "companynumber" in labels and any(lab.startswith("regaddress") for lab in labels):
        return "companies-house"
    if {"企业名称", "参保人数", "登记状态"} <= labels:
        return "qichacha"
    if {"公司名称", "经营状态"} <= labels:
        return "tianyancha"
    return "csv"


def missing_headers(format_: str, header: Header) -> tuple[str, ...]:
    """The header names `format_` needs that this header lacks (for a csv: any company-name column)."""
    if format_ == "csv" or format_ in ("qichacha", "tianyancha"):
        return () if "name" in header.single else REQUIRED[format_]
    return tuple(name for name in REQUIRED[format_] if label(name) not in header.labels)
