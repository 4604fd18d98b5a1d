"""What a rep should verify: the facts that would move the grade, in readable sentences.

For each group of the grade range (see `prospect_intel.scoring.bounds`), every alternative outcome is tried
with the rest of the evidence as it stands. Each alternative that changes the grade becomes one
sentence ("A if headcount: 20 or more people, with at least 4 sales and 4 technical staff is
confirmed (total 16); ask for the staff split"), keeping for each grade the mildest change.
When the ends of the grade range need several facts at once, a closing sentence says so.
"""
from __future__ import annotations

from .bounds import GroupBounds, GroupOutcome, final_rank, worse
from .rubric_model import Rubric


def to_verify(rubric: Rubric, bounds: tuple[GroupBounds, ...], current_rank: int,
              grade_range: tuple[int, int], flags: tuple[int, ...]) -> tuple[str, ...]:
    """Sentences for the rep, knock-out risks first, then indicators in rubric order."""
    lines = [_flag_line(rubric, f) for f in flags]
    total = sum(b.current.points for b in bounds)
    reached = {current_rank}
    for item in sorted(bounds, key=lambda b: not b.group.knockouts):
        others_forced = None
        for other in bounds:
            if other is not item:
                others_forced = worse(others_forced, other.current.forced)
        others_total = total - item.current.points
        for rank, outcome in _deciding(rubric, item, others_forced, others_total, current_rank):
            reached.add(rank)
            lines.append(_sentence(rubric, item.current, outcome, rank, current_rank,
                                   others_total + outcome.points))
    worst, best = grade_range
    if best < min(reached):
        lines.append(_together(rubric, bounds, best, better=True))
    if worst > max(reached):
        lines.append(_together(rubric, bounds, worst, better=False))
    return tuple(dict.fromkeys(lines))


def unscored_lines(rubric: Rubric, missing: tuple[int, ...]) -> tuple[str, ...]:
    """For a prospect without enough evidence: what to find out, indicator by indicator."""
    out = []
    for i in missing:
        indicator = rubric.indicators[i]
        out.append(_join(f"{indicator.label}: no usable evidence", indicator.ask))
    return tuple(out)


def _deciding(rubric: Rubric, item: GroupBounds, others_forced: int | None, others_total: float,
              current_rank: int) -> list[tuple[int, GroupOutcome]]:
    best: dict[int, GroupOutcome] = {}
    ordered = sorted(item.outcomes, key=lambda o: (abs(o.points - item.current.points),
                                                   len(o.knockouts), _unsettled(o), repr(o.parts)))
    for outcome in ordered:
        if outcome == item.current:
            continue
        rank = final_rank(rubric, worse(others_forced, outcome.forced), others_total + outcome.points)
        if rank != current_rank and rank not in best:
            best[rank] = outcome
    return sorted(best.items())


def _sentence(rubric: Rubric, current: GroupOutcome, outcome: GroupOutcome, rank: int,
              current_rank: int, total: float) -> str:
    grade = rubric.grades[rank].grade
    new = [k for k in outcome.knockouts if k not in current.knockouts]
    if new:
        rule = rubric.knockouts[new[0]]
        return _join(f"{grade} (knock-out) if {rule.label}", rule.ask)
    facts, asks = _facts(rubric, current, outcome)
    lifted = any(k not in outcome.knockouts for k in current.knockouts)
    verb = " is confirmed" if rank < current_rank and not lifted else ""
    return _join(f"{grade} if {'; '.join(facts)}{verb} (total {_num(total)})", *asks)


def _together(rubric: Rubric, bounds: tuple[GroupBounds, ...], target: int, better: bool) -> str:
    """A grade only several changes reach: the fewest groups, biggest changes first."""
    total = sum(b.current.points for b in bounds)
    pick = max if better else min
    changes = []
    for item in bounds:
        free = [o for o in item.outcomes if o.forced is None]
        if free:
            outcome = pick(free, key=lambda o: (o.points, -_unsettled(o), repr(o.parts)))
            if outcome.points != item.current.points or item.current.forced is not None:
                changes.append((item.current, outcome))
    # Lifting a knock-out comes first: no points matter while one holds.
    changes.sort(key=lambda pair: (pair[0].forced is None, -abs(pair[1].points - pair[0].points)))
    facts, asks = [], []
    for current, outcome in changes:
        total += outcome.points - current.points
        more_facts, more_asks = _facts(rubric, current, outcome)
        facts += more_facts
        asks += more_asks
        if final_rank(rubric, None, total) == target:
            break
    verb = "are confirmed" if better else "turn out"
    head = f"{rubric.grades[target].grade} only if these {verb} together (total {_num(total)}): "
    return _join(head + "; ".join(facts), *asks)


def _facts(rubric: Rubric, current: GroupOutcome, outcome: GroupOutcome) -> tuple[list[str], list[str]]:
    """What differs between two outcomes of a group, in words, with what to ask."""
    facts, asks = [], []
    for k in current.knockouts:
        if k not in outcome.knockouts:
            rule = rubric.knockouts[k]
            facts.append(f"the knock-out does not hold ({rule.label}: turns out wrong)")
            asks.append(rule.ask)
    was = {p.indicator: p for p in current.parts}
    for part in outcome.parts:
        if part != was.get(part.indicator):
            facts.append(f"{rubric.indicators[part.indicator].label}: {part.text}")
            asks.append(rubric.indicators[part.indicator].ask)
    return facts, asks


def _unsettled(outcome: GroupOutcome) -> int:
    """How many parts of an outcome would still be unconfirmed or without evidence."""
    return sum(p.state in ("unconfirmed", "missing") for p in outcome.parts)


def _flag_line(rubric: Rubric, index: int) -> str:
    rule = rubric.flags[index]
    return _join(rule.label, rule.ask)


def _join(head: str, *asks: str) -> str:
    tail = [a for a in dict.fromkeys(asks) if a]
    return "; ".join([head, *tail])


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
