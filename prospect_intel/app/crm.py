"""CRM import profiles: the export's columns named and filled the way a CRM imports them.

The profiles are data (`data/crm_profiles.toml`): each maps a CRM's column names to one of the
VALUES below, computed from a prospect's JSON shape. Addresses are split into city and country
where they can be (a Chinese address by its 省/市; an English one by its postcode line; the
country otherwise from the site's domain), and an open-ended headcount gives its lower bound to
a numeric column and the claim as printed to a text one.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from prospect_intel.app.report import export_row
from prospect_intel.core.errors import ProspectError

PROFILES_FILE = Path(__file__).parent / "data" / "crm_profiles.toml"
_ZH_CITY = re.compile(r"(?:[\u4e00-\u9fa5]{2,3}(?:省|自治区))?([\u4e00-\u9fa5]{2,4}?市)")
_ZH_MUNICIPALITY = re.compile(r"^(北京|上海|天津|重庆)")
_COUNTRY_BY_TLD = {"cn": "China", "uk": "United Kingdom", "in": "India", "ke": "Kenya", "ng": "Nigeria",
                   "sa": "Saudi Arabia", "ae": "United Arab Emirates", "ca": "Canada", "au": "Australia",
                   "za": "South Africa", "pk": "Pakistan", "tw": "Taiwan", "hk": "Hong Kong", "sg": "Singapore",
                   "my": "Malaysia", "ie": "Ireland", "zw": "Zimbabwe", "bd": "Bangladesh", "us": "United States"}
_RATINGS = {"A": "Hot", "B": "Warm", "C": "Cold"}  # Salesforce's Account Rating picklist


class UnknownProfile(ProspectError):
    exit_code = 2


@cache
def profiles() -> dict[str, dict[str, Any]]:
    """Profile name -> {title, columns: [(CRM column, value name)]}, checked against VALUES."""
    data = tomllib.loads(PROFILES_FILE.read_text(encoding="utf-8"))
    for name, profile in data.items():
        unknown = [value for _, value in profile["columns"] if value not in VALUES]
        if unknown:
            raise ValueError(f"{PROFILES_FILE}: profile {name} names unknown values {unknown}")
    return data


def profile_columns(name: str) -> list[str]:
    return [column for column, _ in _profile(name)["columns"]]


def profile_row(name: str, shape: dict[str, Any]) -> dict[str, Any]:
    """One prospect as the profile's columns."""
    flat = export_row(shape)
    return {column: VALUES[value](shape, flat) for column, value in _profile(name)["columns"]}


def _profile(name: str) -> dict[str, Any]:
    if name not in profiles():
        raise UnknownProfile(f"no export profile {name!r}; profiles: {', '.join(profiles())}")
    return profiles()[name]


def _evidence(shape: dict[str, Any], field: str) -> Any:
    item = shape["evidence"].get(field)
    return item["value"] if item else None


def _headcount_low(shape: dict[str, Any], _flat: dict[str, Any]) -> int | str:
    value = _evidence(shape, "headcount")
    if isinstance(value, list):
        return value[0] if value and value[0] is not None else ""
    return value if isinstance(value, int) else ""


def _headcount_text(shape: dict[str, Any], _flat: dict[str, Any]) -> str:
    value = _evidence(shape, "headcount")
    if isinstance(value, list) and len(value) == 2:
        low, high = value
        return f"{low}+" if high is None else f"{low}-{high}"
    return "" if value is None else str(value)


def _city(shape: dict[str, Any], flat: dict[str, Any]) -> str:
    address = str(flat.get("Address") or "")
    if re.search(r"[\u4e00-\u9fa5]", address):
        municipality = _ZH_MUNICIPALITY.match(address)
        if municipality:
            return municipality.group(1) + "市"
        found = _ZH_CITY.search(address)
        return found.group(1) if found else ""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    for index, part in enumerate(parts):
        if re.search(r"\d", part) and index and not re.search(r"\d", parts[index - 1]):
            return parts[index - 1]  # "…, Boston, MA 02110": the part before the postcode
    return ""


def _country(shape: dict[str, Any], flat: dict[str, Any]) -> str:
    if re.search(r"[\u4e00-\u9fa5]", str(flat.get("Address") or "")) and not shape["domain"].endswith((".tw", ".hk")):
        return "China"
    return _COUNTRY_BY_TLD.get(shape["domain"].rsplit(".", 1)[-1], "")


def _flat_column(column: str) -> Callable[[dict[str, Any], dict[str, Any]], Any]:
    return lambda _shape, flat: flat.get(column, "")


VALUES: dict[str, Callable[[dict[str, Any], dict[str, Any]], Any]] = {
    "name": _flat_column("Company Name"),
    "website": _flat_column("Website"),
    "domain": lambda shape, _flat: shape["domain"],
    "phone": _flat_column("Phone"),
    "other_phones": _flat_column("Other Phones"),
    "fax": _flat_column("Fax"),
    "address": _flat_column("Address"),
    "city": _city,
    "country": _country,
    "headcount_low": _headcount_low,
    "headcount_text": _headcount_text,
    "founded_year": _flat_column("founded_year"),
    "registered_capital_cny": _flat_column("registered_capital_cny"),
    "grade": _flat_column("Grade"),
    "grade_range": _flat_column("Grade Range"),
    "rating": lambda _shape, flat: _RATINGS.get(str(flat.get("Grade")), ""),
    "score_total": _flat_column("Score Total"),
    "notes": _flat_column("Notes"),
    "status": _flat_column("Status"),
}
