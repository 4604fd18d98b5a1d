"""What a rep should verify: the facts that would move the grade, in readable sentences.

For each group of the grade range (see `prospect_intel.scoring.bounds`), every alternative outcome is tried
with the rest of the evidence as it stands. Each alternative that changes the grade becomes one
sentence ("A if headcount: 20 or more people, with at least 4 sales and 4 technical staff is
confirmed (total 16); ask for the staff split"), keeping for each grade the mildest change.
When the ends of the grade range need several facts at once, a closing sentence says so.

The sentences are written in English and in Chinese (the rubric's `label_zh` and `ask_zh`,
English where a rubric gives no Chinese), so the review reads in the rep's language.
"""
from __future__ import annotations

from dataclasses import dataclass

from .bounds import GroupBounds, GroupOutcome, Part, final_rank, worse
from .rubric_model import Indicator, Rubric, Rule


@dataclass(frozen=True)
class Wording:
    """The frames of the sentences in one language."""

    no_evidence: str
    knockout_if: str
    grade_if: str
    confirmed: str
    together: str
    are_confirmed: str
    turn_out: str
    knockout_lifted: str
    fact: str
    joiner: str
    zh: bool = False


ENGLISH = Wording(
    no_evidence="{label}: no usable evidence", knockout_if="{grade} (knock-out) if {label}",
    grade_if="{grade} if {facts}{verb} (total {total})", confirmed=" is confirmed",
    together="{grade} only if these {verb} together (total {total}): ", are_confirmed="are confirmed",
    turn_out="turn out", knockout_lifted="the knock-out does not hold ({label}: turns out wrong)",
    fact="{label}: {text}", joiner="; ",
)
CHINESE = Wording(
    no_evidence="{label}：无可用证据", knockout_if="若{label}，则为 {grade}（一票否决）",
    grade_if="若{facts}{verb}，则为 {grade}（总分 {total}）", confirmed="得到确认",
    together="只有以下各项同时{verb}，才为 {grade}（总分 {total}）：", are_confirmed="得到确认",
    turn_out="成立", knockout_lifted="一票否决不成立（{label}：经核实不符）",
    fact="{label}：{text}", joiner="；", zh=True,
)


WORDINGS = (ENGLISH, CHINESE)


def to_verify(rubric: Rubric, bounds: tuple[GroupBounds, ...], current_rank: int,
              grade_range: tuple[int, int], flags: tuple[int, ...]) -> tuple[tuple[str, ...], ...]:
    """Sentences for the rep, knock-out risks first, then indicators in rubric order: the
    outcomes that decide are found once and said in each wording (English, Chinese)."""
    said = [[_flag_line(words, rubric.flags[f]) for f in flags] for words in WORDINGS]
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
            for lines, words in zip(said, WORDINGS):
                lines.append(_sentence(words, rubric, item.current, outcome, rank, current_rank,
                                       others_total + outcome.points))
    worst, best = grade_range
    ends = [(best, True)] if best < min(reached) else []
    ends += [(worst, False)] if worst > max(reached) else []
    for target, better in ends:
        changes, end_total = _together_changes(rubric, bounds, target, better)
        for lines, words in zip(said, WORDINGS):
            lines.append(_together(words, rubric, target, better, changes, end_total))
    return tuple(tuple(dict.fromkeys(lines)) for lines in said)


def unscored_lines(rubric: Rubric, missing: tuple[int, ...]) -> tuple[tuple[str, ...], ...]:
    """For a prospect without enough evidence: what to find out, indicator by indicator, in each
    wording (English, Chinese)."""
    return tuple(tuple(_join(words, words.no_evidence.format(label=_label(words, rubric.indicators[i])),
                             _ask(words, rubric.indicators[i])) for i in missing)
                 for words in WORDINGS)


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


def _sentence(words: Wording, rubric: Rubric, current: GroupOutcome, outcome: GroupOutcome, rank: int,
              current_rank: int, total: float) -> str:
    grade = rubric.grades[rank].grade
    new = [k for k in outcome.knockouts if k not in current.knockouts]
    if new:
        rule = rubric.knockouts[new[0]]
        return _join(words, words.knockout_if.format(grade=grade, label=_label(words, rule)), _ask(words, rule))
    facts, asks = _facts(words, rubric, current, outcome)
    lifted = any(k not in outcome.knockouts for k in current.knockouts)
    verb = words.confirmed if rank < current_rank and not lifted else ""
    head = words.grade_if.format(grade=grade, facts=words.joiner.join(facts), verb=verb, total=_num(total))
    return _join(words, head, *asks)


def _together_changes(rubric: Rubric, bounds: tuple[GroupBounds, ...], target: int,
                      better: bool) -> tuple[list[tuple[GroupOutcome, GroupOutcome]], float]:
    """A grade only several changes reach: the fewest groups, biggest changes first; the changes
    (current, changed outcome) that reach it, and the total they make."""
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
    used = []
    for current, outcome in changes:
        total += outcome.points - current.points
        used.append((current, outcome))
        if final_rank(rubric, None, total) == target:
            break
    return used, total


def _together(words: Wording, rubric: Rubric, target: int, better: bool,
              changes: list[tuple[GroupOutcome, GroupOutcome]], total: float) -> str:
    facts, asks = [], []
    for current, outcome in changes:
        more_facts, more_asks = _facts(words, rubric, current, outcome)
        facts += more_facts
        asks += more_asks
    verb = words.are_confirmed if better else words.turn_out
    head = words.together.format(grade=rubric.grades[target].grade, verb=verb, total=_num(total))
    return _join(words, head + words.joiner.join(facts), *asks)


def _facts(words: Wording, rubric: Rubric, current: GroupOutcome,
           outcome: GroupOutcome) -> tuple[list[str], list[str]]:
    """What differs between two outcomes of a group, in words, with what to ask."""
    facts, asks = [], []
    for k in current.knockouts:
        if k not in outcome.knockouts:
            rule = rubric.knockouts[k]
            facts.append(words.knockout_lifted.format(label=_label(words, rule)))
            asks.append(_ask(words, rule))
    was = {p.indicator: p for p in current.parts}
    for part in outcome.parts:
        if part != was.get(part.indicator):
            indicator = rubric.indicators[part.indicator]
            facts.append(words.fact.format(label=_label(words, indicator), text=_text(words, part)))
            asks.append(_ask(words, indicator))
    return facts, asks


def _label(words: Wording, item: Indicator | Rule) -> str:
    return item.label_zh if words.zh and item.label_zh else item.label


def _ask(words: Wording, item: Indicator | Rule) -> str:
    return item.ask_zh if words.zh and item.ask_zh else item.ask


def _text(words: Wording, part: Part) -> str:
    return part.text_zh if words.zh and part.text_zh else part.text


def _unsettled(outcome: GroupOutcome) -> int:
    """How many parts of an outcome would still be unconfirmed or without evidence."""
    return sum(p.state in ("unconfirmed", "missing") for p in outcome.parts)


def _flag_line(words: Wording, rule: Rule) -> str:
    return _join(words, _label(words, rule), _ask(words, rule))


def _join(words: Wording, head: str, *asks: str) -> str:
    tail = [a for a in dict.fromkeys(asks) if a]
    return words.joiner.join([head, *tail])


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
