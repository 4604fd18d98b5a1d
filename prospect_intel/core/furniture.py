"""Page furniture: the parts of a page that hold no content of the company's own (navigation,
header, footer, forms), which the list readers leave out.

A form is furniture (a search box, a contact form) except the one that wraps the whole page:
ASP.NET WebForms sites put everything inside `<body><form id="form1">`, and leaving that out
left such a site with no lists at all.
"""
from __future__ import annotations

from typing import Any

FURNITURE = ("nav", "header", "footer", "form", "select")
_PAGE_FORM = "form[not(parent::body)]"  # a form as furniture: not the page's wrapper


def outside_furniture(tags: tuple[str, ...] = FURNITURE) -> str:
    """An XPath predicate (without brackets) true of elements inside none of `tags`."""
    tests = ("ancestor::" + (_PAGE_FORM if tag == "form" else tag) for tag in tags)
    return f"not({' or '.join(tests)})"


def is_furniture(el: Any) -> bool:
    """Whether an element is itself furniture (its ancestors are not looked at)."""
    if el.tag == "form":
        parent = el.getparent()
        return parent is None or parent.tag != "body"
    return el.tag in FURNITURE
