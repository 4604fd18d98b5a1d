"""Score a prospect's evidence with a rubric: points per indicator, total, grade, and how sure.

    score(evidence, rubric, as_of=crawl_date) -> Score

Evidence is a mapping of contract field name -> `prospect_intel.core.models.Evidence` (reviewed values
already chosen over extracted ones by the caller). `as_of` is the date of the crawl; derived
values such as years since founding count to it. Everything about *what* earns points is in
the rubric; this module only applies it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from prospect_intel.core.models import Evidence

from .bounds import bound, final_rank, grade_range
from .evaluate import Outcome, describe, evaluate
from .readings import Readings, lower, read_evidence
from .result import EvidenceUse, IndicatorScore, KnockoutHit, Score
from .rubric_model import Indicator, Rubric, Rule
from .verify import to_verify, unscored_lines

_ORDER = ("high", "medium", "low")


def score(evidence: Mapping[str, Evidence], rubric: Rubric, *, as_of: dt.date, unscored: str | None = None) -> Score:
    """Grade one prospect. Never raises on odd evidence: unusable values are noted and skipped.

    `unscored` is a reason from outside the evidence (the crawl failed): no grade then, whatever
    the evidence would earn, and the facts to verify are those a rep must find out by hand."""
    readings = read_evidence(evidence, rubric, as_of)
    values = readings.values()
    mode = rubric.options.missing_points
    outcomes = [evaluate(ind, values, mode) for ind in rubric.indicators]
    indicators = tuple(_indicator(ind, out, readings, mode)
                       for ind, out in zip(rubric.indicators, outcomes))
    knockouts = () if unscored else tuple(sorted(
        (_knockout(rule, readings) for rule in rubric.knockouts if rule.when.evaluate(values) is True),
        key=lambda hit: -rubric.rank(hit.grade),
    ))
    flags = tuple(i for i, rule in enumerate(rubric.flags) if rule.when.evaluate(values) is True)
    bounds = bound(rubric, readings)
    worst, best = grade_range(rubric, bounds)
    total = sum(out.points for out in outcomes)
    forced = rubric.rank(knockouts[0].grade) if knockouts else None
    rank = final_rank(rubric, forced, total)
    missing = tuple(i for i, out in enumerate(outcomes) if out.state == "missing")
    unscored = unscored or _unscored_reason(rubric, len(outcomes) - len(missing), bool(knockouts), readings)
    if unscored:
        verify, verify_zh = unscored_lines(rubric, missing)
    else:
        verify, verify_zh = to_verify(rubric, bounds, rank, (worst, best), flags)
    return Score(
        rubric=rubric.name, rubric_version=rubric.version, as_of=as_of,
        total=None if unscored else total, max_total=rubric.max_total,
        grade=None if unscored else rubric.grades[rank].grade,
        grade_range=(rubric.grades[worst].grade, rubric.grades[best].grade),
        indicators=indicators, knockouts=knockouts, to_verify=verify, to_verify_zh=verify_zh, unscored=unscored,
        flags=tuple(rubric.flags[i].name for i in flags), notes=readings.notes,
    )


def _unscored_reason(rubric: Rubric, evidenced: int, knocked_out: bool,
                     readings: Readings) -> str | None:
    needed = rubric.options.min_indicators
    if knocked_out or evidenced >= needed:
        return None
    reason = (f"no usable evidence: {evidenced} of {len(rubric.indicators)} indicators have "
              f"usable evidence, this rubric needs {needed}")
    if readings.notes:
        reason += "; ignored: " + "; ".join(readings.notes)
    return reason


def _indicator(indicator: Indicator, outcome: Outcome, readings: Readings, mode: str) -> IndicatorScore:
    used = _uses(outcome.used, readings)
    if outcome.state == "missing" and not outcome.bonuses:
        confidence = "none"
    else:
        confidence = _weakest(readings[n].confidence for n in outcome.used) or "none"
        if outcome.unconfirmed and confidence != "none":
            confidence = lower(confidence, 1)
    level = indicator.levels[outcome.level] if outcome.level is not None else None
    return IndicatorScore(
        name=indicator.name, label=indicator.label, label_zh=indicator.label_zh,
        points=outcome.points, max_points=indicator.max_points,
        condition=describe(indicator, outcome, mode),
        condition_zh=describe(indicator, outcome, mode, zh=True),
        confidence=confidence, evidence=used, state=outcome.state,
        when=level.when.text if level else "", notes=_notes(indicator, outcome, readings),
    )


def _notes(indicator: Indicator, outcome: Outcome, readings: Readings) -> tuple[str, ...]:
    notes = [readings[n].note for n in outcome.used if readings[n].note]
    values = readings.values()
    if outcome.start is not None:
        earlier = {n for lvl in indicator.levels[:outcome.start] for n in lvl.when.fields}
        absent = sorted(n for n in earlier if n not in values and n not in outcome.used)
        if absent:
            notes.append(f"{', '.join(absent)}: no value, so decided by {', '.join(outcome.used)}")
    if outcome.state == "dropped":
        start = indicator.levels[outcome.start]
        notes.append(f"'{start.label}' by its {', '.join(start.when.fields)}, but "
                     f"{start.confirm.text} is not met: dropped to {_num(outcome.points)} points")
    if outcome.unconfirmed:
        confirm = indicator.levels[outcome.level].confirm
        unknown = [n for n in confirm.fields if n not in values]
        notes.append(f"not confirmed: {confirm.text} ({', '.join(unknown)} unknown); "
                     "confidence lowered")
    return tuple(dict.fromkeys(notes))


def _knockout(rule: Rule, readings: Readings) -> KnockoutHit:
    names = [n for n in rule.when.fields if readings[n].value is not None]
    return KnockoutHit(name=rule.name, grade=rule.grade, reason=rule.label, reason_zh=rule.label_zh,
                       confidence=_weakest(readings[n].confidence for n in names) or "none",
                       evidence=_uses(names, readings))


def _uses(names, readings: Readings) -> tuple[EvidenceUse, ...]:
    found: dict[str, EvidenceUse] = {}
    for name in names:
        for use in readings[name].used:
            found.setdefault(use.field, use)
    return tuple(found.values())


def _weakest(confidences) -> str:
    ranks = [_ORDER.index(c) for c in confidences if c in _ORDER]
    return _ORDER[max(ranks)] if ranks else ""


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
