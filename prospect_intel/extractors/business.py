"""Business model: manufacturer, distributor, integrator or mixed (access control: access.py).

It weighs cue terms (`keywords/business.py` MODEL) for manufacturer, distributor
(equipment sales) and integrator (engineering projects, installation) over the site's own pages;
two strong models make `mixed`, and so does one sentence saying the company does both
(既经销…也承接…, "we supply and install") unless the same sentence says it makes them (设计、生产、
销售、安装: a maker's own chain). Beside a maker only reselling others' goods (代理, 经销) and
projects (工程, 施工) count as a second business: selling, wholesaling, fitting and servicing its
own goods are a maker's trade (`_beside_maker`). The method names the cues and the snippet is the
sentence of the strongest one, so a rep can read why.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.terms import TermAlternation
from prospect_intel.core.text import snippet

from .common import SiteContext, evidence, load, site_pages, term_pattern

MODELS = ("manufacturer", "distributor", "integrator")
MAKER_LEADS = 3.0  # a maker's score that leads over the others' resale and project cues alone
SECOND_SHARE = 0.25  # a second model makes "mixed" at this share of the first one's score
_NEGATED = re.compile(r"(?:不|无|非|没有|并不|不再)[^，,。；;\s]{0,5}$|\b(?:not|no|never|don't|doesn't)"
                      r"\s+(?:\w+\s+)?$", re.IGNORECASE)
_IN_NAME = re.compile(r"[^，,。；;、\s]{0,6}?(?:有限公司|公司|商|厂)")
_ROLE_WEIGHT = {"about": 2.0, "home": 1.5, "products": 1.5, "contact": 1.0, "cases": 1.0,
                "other": 1.0}


@cache
def _excluded() -> TermAlternation:
    terms = sorted(load("business")["model_exclude"]["terms"], key=len, reverse=True)
    return TermAlternation.of_terms(terms, re.IGNORECASE)


@cache
def _patterns(section: str, key: str, weak: bool = False) -> TermAlternation:
    table = load("business")[section] if not key else load("business")[section][key]
    names = ("weak_zh", "weak_en") if weak else ("zh", "en")
    return term_pattern([*table.get(names[0], ()), *table.get(names[1], ())])


def business_model(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """Score each model's cues; a second model counts when it reaches a quarter of the first.

    A sentence that says the company does both (既经销…也承接…, "we supply and install") adds
    BOTH_BONUS to distributor and integrator once per site: the plainest statement of `mixed`.
    Ambiguous weak cues alone (supply, retail, storefront: [model.distributor] ambiguous) can
    make a distributor but not a `mixed`: an installer supplies what it fits and secures retail
    stores.
    """
    tally = _Tally()
    for page in site_pages(pages):
        _score_page(page, tally)
    scores, terms, best = tally.scores, tally.terms, tally.best
    ambiguous = set(load("business")["model"]["distributor"]["ambiguous"])
    trade_role = bool(terms["distributor"]) or tally.both is not None or \
        any(term not in ambiguous for term in terms["weak"])  # the company itself sells
    if scores["manufacturer"] < max(scores["integrator"], scores["distributor"]) or tally.both:
        scores["distributor"] += scores["weak"]
        terms["distributor"].update(terms["weak"])
        best.setdefault("distributor", best.get("weak"))  # type: ignore[arg-type]
    if tally.both:
        scores["distributor"] += BOTH_BONUS
        scores["integrator"] += BOTH_BONUS
    if not any(scores[m] for m in MODELS):
        return []
    top = max(MODELS, key=lambda m: scores[m])
    beside = _beside_maker(tally)
    if scores["manufacturer"] >= MAKER_LEADS and scores["manufacturer"] >= max(beside.values()):
        top = "manufacturer"  # the others are its own goods' trade (selling, fitting, servicing)
    second = beside if top == "manufacturer" else scores
    strong = [m for m in MODELS if (m == top or second[m] >= 3.0 and second[m] >= SECOND_SHARE * scores[top])
              and (m != "distributor" or trade_role or top == "distributor")]
    value = "mixed" if len(strong) >= 2 else top
    confidence = "medium" if scores[top] >= 4 else "low"
    shown = sorted(strong or [top], key=lambda m: -scores[m])
    reasons = []
    if tally.both and value == "mixed":
        page, span = tally.both
        reasons.append(f"both sales and installation stated: \"{snippet(page.text, *span, limit=80)}\"")
    for model in shown:
        _, page, span = best[model]
        cues = ", ".join(t for t, _ in terms[model].most_common(4))
        reasons.append(f"{model} [{cues}]: \"{snippet(page.text, *span, limit=80)}\"")
    page, span = tally.both if tally.both and value == "mixed" else best[shown[0]][1:]
    scored = ", ".join(f"{m}={scores[m]:.1f}" for m in MODELS)
    return [evidence("business_model", value, confidence, page, span,
                     f"cue scores {scored}; " + "; ".join(reasons))]


@cache
def _own_product_terms() -> dict[str, frozenset[str]]:
    """Per model, the cues a maker uses of its own goods (selling, fitting, servicing them)."""
    table = load("business")["model"]
    distributor = table["distributor"]
    resale = {term.lower() for term in distributor["resale"]}
    sales = {term.lower() for key in ("zh", "en", "weak_zh", "weak_en") for term in distributor.get(key, ())}
    return {"distributor": frozenset(sales - resale),
            "integrator": frozenset(term.lower() for term in table["integrator"]["after_sales"])}


def _beside_maker(tally: _Tally) -> dict[str, float]:
    """The other models' scores beside a leading maker, without the cues of its own goods' trade.

    A maker sells, wholesales, installs and repairs what it makes (专业生产与批发, 安装调试): only
    reselling other makers' goods (代理, 经销, distributor) or a projects business (工程, 施工,
    integration) makes it `mixed`.
    """
    own = _own_product_terms()
    bonus = BOTH_BONUS if tally.both else 0.0  # "we resell and contract" said in one sentence
    return {model: bonus + sum(score for term, score in tally.term_scores[model].items()
                               if term not in own.get(model, ()))
            for model in MODELS}


@dataclass
class _Tally:
    scores: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    term_scores: dict[str, defaultdict[str, float]] = field(
        default_factory=lambda: {m: defaultdict(float) for m in (*MODELS, "weak")})
    terms: dict[str, Counter[str]] = field(
        default_factory=lambda: {m: Counter() for m in (*MODELS, "weak")})
    best: dict[str, tuple[float, ParsedPage, tuple[int, int]]] = field(default_factory=dict)
    both: tuple[ParsedPage, tuple[int, int]] | None = None


_ADDRESS_AFTER = re.compile(r"[\w.+-]*@")


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether a cue is part of an e-mail or web address (sales@…, supply.example.com), not a
    word of the site's."""
    return bool(_ADDRESS_AFTER.match(text, end)) or (start > 0 and text[start - 1] in "@.")  # not "/": 销售/安装


def _score_page(page: ParsedPage, tally: _Tally) -> None:
    weight = _ROLE_WEIGHT.get(page.role, 1.0)
    text = _excluded().sub(lambda m: " " * len(m.group(0)), page.folded)
    spans: dict[str, list[tuple[int, int]]] = {"sales": [], "integrator": [], "maker": []}
    for model in (*MODELS, "weak"):
        pattern = _patterns("model", "distributor", True) if model == "weak" \
            else _patterns("model", model)
        for match in pattern.finditer(text):
            if _NEGATED.search(text[max(0, match.start() - 8):match.start()]) or \
                    _IN_NAME.match(text, match.end()) or _in_address(text, *match.span()):
                continue  # 不承接工程安装, "we do not install"; 弱电安装公司 (a customer); sales@…
            term = match.group(0).lower()
            tally.terms[model][term] += 1
            score = weight / (1 + tally.terms[model][term] // 3)
            tally.scores[model] += score
            tally.term_scores[model][term] += score
            if model not in tally.best or weight > tally.best[model][0]:
                tally.best[model] = (weight, page, match.span())
            spans[{"manufacturer": "maker", "integrator": "integrator"}.get(model, "sales")].append(match.span())
    if tally.both is None:
        both = _both_statement(text, spans["sales"], spans["integrator"])
        if both and not _in_sentence(text, both, spans["maker"]):  # 设计、生产、销售、安装: a maker's chain
            tally.both = (page, both)


# Between a sales cue and an installation cue of one "we do both" statement: a connector
# (既…也, 兼, 同时, and, as well as ...) and no sentence end, within BOTH_WINDOW characters.
_CONNECTOR = re.compile(r"也|又|还|兼|同时|并|与|和|及|、|/|&|\band\b|\bplus\b|as well as", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[。；;!！?？\n]|\.\s")
BOTH_WINDOW = 24
BOTH_BONUS = 3.0


def _in_sentence(text: str, span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Whether one of `others` lies in the sentence of `span`."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, span[0])]
    start = breaks[-1] if breaks else 0
    end_match = _SENTENCE_BREAK.search(text, span[1])
    end = end_match.start() if end_match else len(text)
    return any(start <= s and e <= end for s, e in others)


def _both_statement(text: str, sales: list[tuple[int, int]],
                    installs: list[tuple[int, int]]) -> tuple[int, int] | None:
    for s_start, s_end in sales:
        for i_start, i_end in installs:
            left, right = (s_end, i_start) if s_end <= i_start else (i_end, s_start)
            if 0 <= right - left <= BOTH_WINDOW:
                gap = text[left:right]
                listed = gap.strip() in (",", "，")  # "we sell, install and maintain"
                if (listed or _CONNECTOR.search(gap)) and not _SENTENCE_BREAK.search(gap):
                    return min(s_start, i_start), max(s_end, i_end)
    return None
