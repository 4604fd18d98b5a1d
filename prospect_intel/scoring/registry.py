"""A prospect's site evidence combined with its business-registry row, before scoring.

    evidence, checks = combine(site, registry, rubric.registry)
    score(evidence, rubric, as_of=...)

A registry export (企查查 / 天眼查 / Companies House) is the legal record of registered capital
and the founding date, so by default its figure is scored and the site's claim noted. Its
insured staff (参保人数) undercount small firms, so the site's headcount is scored and only
flagged `implausible` when far above them. Its business scope (经营范围) supports a site's claim
to sell access control and never makes that claim alone. Which source wins is rubric data
(`[registry]`, `RegistrySettings`); each comparison is a `RegistryCheck` a rep reads at a glance.
A site value the rep has reviewed is the rep's word: it is used whatever the settings say.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeGuard

from prospect_intel.core.fields import FIELDS
from prospect_intel.core.models import Evidence

from .registry_text import check_lines, staff, wan
from .rubric_model import RegistrySettings

STATES = ("agrees", "site_claims_more", "site_claims_less", "registry_only", "site_only",
          "scope_supports", "scope_only")
REGISTRY_ONLY = tuple(f.name for f in FIELDS if f.registry)  # added to the evidence as they are
CLAIMS = ("registered_capital_cny", "founded_year")  # both sources state them; compared
CAPITAL_TOLERANCE = 0.01  # capitals within 1 % of the registry's agree ("约500万")


@dataclass(frozen=True)
class RegistryCheck:
    """One fact compared between the site and the registry, and which value the score uses."""

    field: str  # registered_capital_cny, founded_year, headcount or sells_access_control
    state: str  # one of STATES
    site: Any  # the site's value (None when it has none)
    registry: Any  # the registry's: insured staff for headcount, the scope words found for sells_access_control
    used: str  # "site" | "registry" | "": which value the score uses
    text: str  # "site: 200 staff; registry: 12 insured; scored on the site's"
    text_zh: str  # "网站：200人；工商登记：参保12人；按网站评分"

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "state": self.state, "site": _plain(self.site),
                "registry": _plain(self.registry), "used": self.used, "text": self.text,
                "text_zh": self.text_zh}


Outcome = tuple[RegistryCheck | None, Evidence | None]  # the check, and the evidence to score (None: as it was)


def combine(site: Mapping[str, Evidence], registry: Mapping[str, Evidence],
            settings: RegistrySettings) -> tuple[dict[str, Evidence], tuple[RegistryCheck, ...]]:
    """The evidence to score and the checks made; without registry evidence, the site's as it is."""
    if not registry:
        return dict(site), ()
    merged = dict(site)
    merged.update((name, ev) for name, ev in registry.items() if name in REGISTRY_ONLY)
    outcomes = [_claim(name, site.get(name), registry.get(name), settings) for name in CLAIMS]
    outcomes.append(_headcount(site.get("headcount"), registry.get("insured_staff"), settings))
    outcomes.append(_scope(site.get("sells_access_control"), registry.get("business_scope"), settings))
    checks = []
    for check, evidence in outcomes:
        if check is not None:
            checks.append(check)
        if evidence is not None:
            merged[evidence.field] = evidence
    return merged, tuple(checks)


# -- registered capital and founding year -------------------------------------------------------

def _claim(name: str, site_ev: Evidence | None, reg_ev: Evidence | None,
           settings: RegistrySettings) -> Outcome:
    site, reg = _number(site_ev), _number(reg_ev)
    if site is None and reg is None:
        return None, None
    state = _claim_state(name, site, reg)
    used = _preferred(settings.use[name], site_ev, site is not None, reg is not None)
    check = _check(name, state, site, reg, used, (name, name), _notes(state, used))
    if used == "registry":
        assert reg_ev is not None
        if site_ev is None or state in ("agrees", "registry_only"):
            return check, reg_ev
        return check, _noted(reg_ev, f"used over the site's claim: {_shown(name, site)} ({site_ev.source_url})")
    if state in ("agrees", "site_only"):
        return check, None
    assert site_ev is not None and reg_ev is not None
    note = f"the registry says {_shown(name, reg)} ({reg_ev.source_url})"
    return check, _noted(site_ev, note, flag="" if _reviewed(site_ev) else "conflict")


def _claim_state(name: str, site: float | None, reg: float | None) -> str:
    if site is None:
        return "registry_only"
    if reg is None:
        return "site_only"
    more = reg - site if name == "founded_year" else site - reg  # an earlier year claims more years
    tolerance = CAPITAL_TOLERANCE * abs(reg) if name == "registered_capital_cny" else 0
    if abs(more) <= tolerance:
        return "agrees"
    return "site_claims_more" if more > 0 else "site_claims_less"


def _preferred(use: str, site_ev: Evidence | None, has_site: bool, has_registry: bool) -> str:
    """The source the settings prefer, the other when it has no value; a reviewed site value always."""
    if has_site and (_reviewed(site_ev) or use == "site" or not has_registry):
        return "site"
    return "registry" if has_registry else ""


# -- headcount and insured staff ------------------------------------------------------------------

def _headcount(site_ev: Evidence | None, reg_ev: Evidence | None, settings: RegistrySettings) -> Outcome:
    claimed, insured = _staff_range(site_ev), _whole(reg_ev)
    if claimed is None and insured is None:
        return None, None
    state = _staff_state(claimed, insured)
    use = settings.use["headcount"]
    used = _preferred(use, site_ev, claimed is not None, insured is not None and use == "registry")
    ratio = settings.implausible_ratio
    implausible = used == "site" and insured is not None and claimed is not None \
        and claimed[0] > ratio * max(insured, 1) and not _reviewed(site_ev)
    site_value = site_ev.value if claimed is not None and site_ev is not None else None
    check = _check("headcount", state, site_value, insured, used, ("headcount", "insured_staff"),
                   _staff_notes(state, used, implausible), ratio=f"{ratio:g}")
    if used == "registry":
        assert reg_ev is not None
        differs = state not in ("agrees", "registry_only")
        return check, _insured_as_headcount(reg_ev, site_ev if differs else None)
    if not implausible:
        return check, None
    assert site_ev is not None
    note = (f"site claims {staff(site_ev.value, zh=False)}, the registry has {insured} insured "
            f"(more than {ratio:g}×)")
    return check, _noted(site_ev, note, flag="implausible")


def _staff_state(claimed: tuple[int, int | None] | None, insured: int | None) -> str:
    if claimed is None:
        return "registry_only"
    if insured is None:
        return "site_only"
    low, high = claimed
    if low > insured:
        return "site_claims_more"
    if high is not None and high < insured:
        return "site_claims_less"
    return "agrees"


def _staff_notes(state: str, used: str, implausible: bool) -> tuple[str, ...]:
    notes = ["agrees"] if state == "agrees" else []
    if used == "registry":
        notes.append("insured_used")
    elif not used:
        notes.append("not_headcount")
    elif state != "agrees":
        notes.append("site")
    return tuple(notes + (["implausible"] if implausible else []))


def _insured_as_headcount(reg_ev: Evidence, site_ev: Evidence | None) -> Evidence:
    method = reg_ev.method + "; insured staff (参保人数) used as the headcount"
    if site_ev is not None:
        method += f"; used over the site's claim: {staff(site_ev.value, zh=False)} ({site_ev.source_url})"
    return Evidence("headcount", reg_ev.value, reg_ev.confidence, reg_ev.source_url, reg_ev.snippet,
                    method, tuple(f for f in reg_ev.flags if f != "reviewed"))


# -- business scope -------------------------------------------------------------------------------

def _scope(site_ev: Evidence | None, scope_ev: Evidence | None, settings: RegistrySettings) -> Outcome:
    words = scope_words(scope_ev.value if scope_ev is not None else None, settings.scope_words)
    if not words:
        return None, None
    assert scope_ev is not None
    claim = site_ev.value if site_ev is not None and isinstance(site_ev.value, bool) else None
    if claim is not True:
        return _check("sells_access_control", "scope_only", claim, words, "",
                      ("sells_access_control", "business_scope"), ("scope_only",)), None
    assert site_ev is not None
    check = _check("sells_access_control", "scope_supports", True, words, "site",
                   ("sells_access_control", "business_scope"), ("scope_supports",))
    supported = _noted(site_ev, f"the registry's business scope names {'、'.join(words)} ({scope_ev.source_url})")
    return check, replace(supported, confidence="medium" if site_ev.confidence == "low" else site_ev.confidence)


def scope_words(scope: Any, words: tuple[str, ...]) -> tuple[str, ...]:
    """The access-control words a business scope names (case-insensitive), none inside another."""
    if not isinstance(scope, str):
        return ()
    text = scope.casefold()
    found = [w for w in words if w.casefold() in text]
    return tuple(w for w in found if not any(w != o and w.casefold() in o.casefold() for o in found))


# -- texts and values -----------------------------------------------------------------------------

def _check(name: str, state: str, site: Any, reg: Any, used: str, phrased: tuple[str, str],
           notes: tuple[str, ...], **values: str) -> RegistryCheck:
    """The check with its line in English and Chinese; `phrased` names how each side's value reads."""
    text, text_zh = check_lines(phrased, (site, reg), notes, **values)
    return RegistryCheck(name, state, site, reg, used, text, text_zh)


def _notes(state: str, used: str) -> tuple[str, ...]:
    if state == "agrees":
        return ("agrees",)
    return (used,) if used else ()


def _shown(name: str, value: Any) -> str:
    return wan(value) if name == "registered_capital_cny" else f"{value:g}"


def _noted(ev: Evidence, note: str, flag: str = "") -> Evidence:
    """`ev` with `note` added to its method and `flag` (when given) to its flags."""
    flags = ev.flags + ((flag,) if flag and flag not in ev.flags else ())
    return replace(ev, method=f"{ev.method}; {note}" if ev.method else note, flags=flags)


def _reviewed(ev: Evidence | None) -> bool:
    return ev is not None and "reviewed" in ev.flags


def _number(ev: Evidence | None) -> float | None:
    value = None if ev is None else ev.value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return value


def _whole(ev: Evidence | None) -> int | None:
    value = _number(ev)
    return int(value) if value is not None and value == int(value) and value >= 0 else None


def _staff_range(ev: Evidence | None) -> tuple[int, int | None] | None:
    """A site headcount as (low, high); high None when open-ended ("more than 100")."""
    value = None if ev is None else ev.value
    if isinstance(value, (list, tuple)) and len(value) == 2:
        low, high = value
        return (low, high) if _count(low) and (high is None or _count(high) and high >= low) else None
    return (value, value) if _count(value) else None


def _count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
