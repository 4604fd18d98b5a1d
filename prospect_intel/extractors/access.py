"""Whether a prospect deals in access control, and whether access control is its main line.

sells_access_control: any access-control term (`keywords/business.py` ACCESS_CONTROL) on the
site's own pages; the snippet is a sentence of the site's own text, not a navigation bar or a
news ticker printed on every page.

access_control_is_main weighs three kinds of evidence, each named in `method`:

- main-line statements (主营…, 专业从事…, 致力于…, "we specialise in…", "is a leading…",
  [main_line]): access control listed first, or as at least half of the lines named → yes;
  named only after other lines, or not at all while other lines are → other lines dominate;
- the company's own name (printed in a page title or on two pages) holding 门禁 / 一卡通 /
  "access control" → yes; access control in the home or about page's title or description →
  yes, weaker;
- the share of access-control lines among the product lines the product pages print (distinct
  lines; navigation repeated on other pages left out; other lines from [main_line] other_*):
  half or more → yes, a fifth or less → other lines dominate.

The verdict is the sign of the summed weights. `False` needs positive evidence that other lines
dominate: a site that mentions access control only in passing gets no verdict, so the field is
absent rather than a guess (the scorer then keeps the knock-out open).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.text import fold, line_of

from .common import SiteContext, evidence, site_pages
from .mainline import Verdicts, ac_terms, listed_lines, own_name, product_share, statements, template_lines


def access_control_hits(page: ParsedPage) -> list[re.Match[str]]:
    return list(ac_terms().finditer(page.folded))


def access_control(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """sells_access_control and access_control_is_main."""
    own = site_pages(pages)
    if not own:
        return []
    template = template_lines(own)
    hits = [(page, match) for page in own for match in access_control_hits(page)]
    titled = [p for p in own if ac_terms().search(fold(f"{p.title}\n{p.description}"))]
    if not hits and not titled:
        page = own[0]
        return [Evidence("sells_access_control", False, "medium", page.url, "",
                         f"no access-control term on {len(own)} page(s)"),
                Evidence("access_control_is_main", False, "medium", page.url, "",
                         "does not deal in access control")]
    found = [_sells(hits, titled, template)]
    verdicts = Verdicts()
    statements(own, verdicts)
    listed_lines(hits, template, verdicts)
    own_name(own, hits, verdicts)
    product_share(own, template, verdicts)
    main = _verdict(verdicts)
    return found + ([main] if main else [])


def _sells(hits: Sequence[tuple[ParsedPage, re.Match[str]]], titled: Sequence[ParsedPage],
           template: set[str]) -> Evidence:
    if not hits:
        page = titled[0]
        return Evidence("sells_access_control", True, "medium", page.url, page.title[:120],
                        f"access control named in the title or description of {len(titled)} page(s)")
    pages_with = {page.url for page, _ in hits}
    page, match = next(((p, m) for p, m in hits if line_of(p.text, m.start()) not in template),
                       hits[0])
    confidence = "high" if len(hits) >= 3 and len(pages_with) >= 2 else "medium"
    return evidence("sells_access_control", True, confidence, page, match.span(),
                    f"{len(hits)} access-control mention(s) on {len(pages_with)} page(s)")


def _verdict(verdicts: Verdicts) -> Evidence | None:
    total = sum(verdicts.score.values())
    if total == 0:
        return None
    value = total > 0
    against = any((w < 0) == value for w in verdicts.score.values() if w)
    if value:
        confidence = "high" if total >= 5 and not against else "medium" if total >= 3 else "low"
    else:
        confidence = "medium" if total <= -4 and not against else "low"
    best = max((k for k, w in verdicts.score.items() if (w > 0) == value and w),
               key=lambda k: abs(verdicts.score[k]))
    item = verdicts.where[best]
    method = f"score {total:+d}: " + "; ".join(verdicts.reasons)
    return Evidence("access_control_is_main", value, confidence, item.source_url, item.snippet,
                    method)
