"""Saved copies of kept pages, served from the store, never from the live site.

`/saved` is an app page with a banner and a sandboxed frame; `/saved/raw` serves the page's
bytes (decoded with the charset the crawl found, re-encoded as UTF-8) under a CSP `sandbox`
without scripts and `default-src 'none'`, so no script runs and nothing loads from the original
site. The frame's own `sandbox` attribute and the app's `frame-src 'self'` keep link clicks
inside the frame from reaching the live site either. `<meta http-equiv>` is defused in the copy
(a refresh would navigate; with scripts off a browser reads even the ones inside <noscript>).
With `find` (the quoted snippet), the copy opens scrolled to it, marked (`marking.py`).
"""
from __future__ import annotations

import re

from flask import Blueprint, Response, abort, render_template, request

from prospect_intel.app.analysis import decode_body
from prospect_intel.app.names import stored_name
from prospect_intel.app.web.app import store
from prospect_intel.app.web.marking import MARK_ID, MAX_NEEDLE, mark_first

bp = Blueprint("saved", __name__)

SAVED_CSP = "; ".join([
    "sandbox",
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
])


def _page():
    the_store = store()
    row = the_store.prospect_row(request.args.get("url", ""))
    try:
        seq = int(request.args.get("page", ""))
    except ValueError:
        abort(404)
    for page in the_store.pages(row["id"]):
        if page["seq"] == seq:
            return the_store, row, page
    abort(404)


# An attribute name is literal text in HTML (no entities), so renaming every `http-equiv` disables
# refreshes, cookies and policies set from markup, whatever the tag around it looks like.
_HTTP_EQUIV = re.compile("http-equiv", re.IGNORECASE)
DEFUSED_HTTP_EQUIV = "data-defused-http-equiv"


def defuse_http_equiv(html: str) -> str:
    return _HTTP_EQUIV.sub(DEFUSED_HTTP_EQUIV, html)


@bp.get("/saved")
def frame():
    the_store, row, page = _page()
    find = request.args.get("find", "")[:MAX_NEEDLE]
    return render_template("saved.html", row=row, name=stored_name(the_store, row), page=page, find=find,
                           mark_id=MARK_ID)


@bp.get("/saved/raw")
def raw():
    the_store, _row, page = _page()
    if not page["body_sha256"]:
        abort(404)
    text = decode_body(the_store.body(page["body_sha256"]), page["encoding"])
    is_html = "html" in (page["content_type"] or "text/html").lower()
    if is_html:
        find = request.args.get("find", "")[:MAX_NEEDLE]
        text = defuse_http_equiv(mark_first(text, find) if find else text)
    response = Response(text.encode("utf-8"), mimetype="text/html" if is_html else "text/plain")
    response.headers["Content-Type"] = ("text/html" if is_html else "text/plain") + "; charset=utf-8"
    response.headers["Content-Security-Policy"] = SAVED_CSP
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response
