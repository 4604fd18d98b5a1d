"""One prospect: grade breakdown, evidence cards, and the review actions (confirm, correct, reject,
add a fact, add a note, undo) through `prospect_intel.app.workflows`, the same functions and audit trail as the CLI.

Prospects are addressed by their URL (`?url=`), which `Store.prospect_row` resolves.
"""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for

from prospect_intel.app.field_values import reading
from prospect_intel.app.history import diff, gone_notice
from prospect_intel.app.i18n import _, word
from prospect_intel.app.listing import review_queue_urls
from prospect_intel.app.report import prospect_json
from prospect_intel.app.web.app import store
from prospect_intel.app.web.charts import grade_history, indicator_points
from prospect_intel.app.web.present import (
    addable_fields,
    display,
    evidence_cards,
    grade_range_text,
    reviewed_without_value,
)
from prospect_intel.app.workflows import ReviewChange, add_note, review_field, store_rubric, undo_review
from prospect_intel.core.errors import NotFound, ProspectError, UnknownField
from prospect_intel.core.models import REVIEW_REASONS, REVIEW_SOURCES

bp = Blueprint("prospect", __name__)

ACTIONS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected", "add": "corrected"}
MAX_NOTE = 2000
MAX_FLASH_VALUE = 120  # flashes live in the session cookie, which must stay under 4 KB


@bp.get("/prospect")
def show():
    return _render(request.args.get("url", ""))


def _render(url: str, form_error: dict | None = None, status: int = 200):
    the_store = store()
    row = the_store.prospect_row(url)
    shape = prospect_json(the_store, row, personal=True)  # the rep sees the legal representative
    seqs = {p["url"]: p["seq"] for p in the_store.pages(row["id"])}
    score = shape["score"]
    crawls = the_store.snapshots(row["id"])
    rubric = store_rubric(the_store)
    return render_template(
        "prospect.html", shape=shape, score=score, cards=evidence_cards(shape, seqs), page_seqs=seqs,
        chart=indicator_points(score["indicators"], knocked_out=bool(score.get("knockout")))
        if score and score.get("indicators") and not _unscored(score) else None,
        grade_range=grade_range_text(score), addable=addable_fields(shape),
        rejected=reviewed_without_value(shape), sources=REVIEW_SOURCES, reasons=REVIEW_REASONS,
        form_error=form_error or {},
        crawls=crawls, history=grade_history(crawls, tuple(g.grade for g in rubric.grades), rubric.max_total),
        changes=diff(crawls[-2], crawls[-1]) if len(crawls) >= 2 else None,
        gone=gone_notice(score.get("site_gone")) if score else None,
    ), status


@bp.post("/prospect/review")
def review():
    form = request.form
    url, field, verb = form.get("url", ""), form.get("field", ""), form.get("action", "")
    if verb not in ACTIONS:
        return _render(url, {"field": field, "message": f"unknown action {verb!r}"}, 400)
    try:
        change = review_field(
            store(), url, field, ACTIONS[verb], form.get("value") if verb in ("correct", "add") else None,
            source=form.get("source") or "website", note=form.get("note", "")[:MAX_NOTE],
            reviewer=current_app.config["PROSPECT"].reviewer,
            reason=form.get("reason", "") if verb in ("correct", "reject") else "",
        )
    except UnknownField:
        raise  # no card to show it on: the error page says so, 400, nothing stored
    except ProspectError as exc:
        return _render(url, {"field": field if verb != "add" else "__add__", "message": str(exc),
                             "value": form.get("value", ""), "chosen": field}, 422)
    read = reading(field, form.get("value"), change.new) if verb in ("correct", "add") else None
    return _done(url, change, read)


@bp.get("/review/next")
def next_to_review():
    """The prospect after `after` in the morning's review queue (the first without `after`)."""
    queue = review_queue_urls(store())
    after = request.args.get("after", "")
    position = queue.index(after) + 1 if after in queue else 0
    if position >= len(queue):
        flash(_("Nothing more to review: every prospect in the queue was seen."), "ok")
        return redirect(url_for("listing.index"), code=303)
    return redirect(url_for(".show", url=queue[position]), code=303)


@bp.post("/prospect/retry")
def retry():
    """Queue a failed (or finished) prospect again: one click on its page."""
    row = store().prospect_row(request.form.get("url", ""))
    try:
        store().requeue(row["url"])
    except ProspectError as exc:
        flash(str(exc), "error")
    else:
        flash(_("%(url)s: queued again; the next crawl (prospect crawl) takes it", url=row["url"]), "ok")
    return redirect(url_for(".show", url=row["url"]), code=303)


@bp.post("/prospect/note")
def note():
    url = request.form.get("url", "")
    try:
        entry = add_note(store(), url, request.form.get("note", ""), source=request.form.get("source") or "phone",
                         reviewer=current_app.config["PROSPECT"].reviewer)
    except NotFound:
        raise
    except ProspectError as exc:
        return _render(url, {"field": "__note__", "message": str(exc), "value": request.form.get("note", "")}, 422)
    flash(_("note added (%(source)s): %(note)s", source=word(entry["source"]), note=_short(entry["note"])), "ok")
    return redirect(url_for(".show", url=store().prospect_row(url)["url"]) + "#notes", code=303)


@bp.post("/prospect/undo")
def undo():
    url, field = request.form.get("url", ""), request.form.get("field", "")
    try:
        change = undo_review(store(), url, field, reviewer=current_app.config["PROSPECT"].reviewer)
    except UnknownField:
        raise
    except ProspectError as exc:
        return _render(url, {"field": field, "message": str(exc)}, 422)
    return _done(url, change)


def _unscored(score: dict) -> bool:
    """No grade: no range and no points chart to show."""
    return bool(score.get("unscored")) and not score.get("grade")


def _done(url: str, change: ReviewChange, read: str | None = None):
    row = store().prospect_row(url)
    if read:
        flash(_("%(field)s: read %(reading)s", field=word(change.field), reading=read), "ok")
    if change.action == "undone":
        text = _("%(field)s: review undone (was %(old)s)", field=word(change.field), old=_short(change.old))
    else:
        text = _("%(field)s: %(action)s (%(old)s → %(new)s)", field=word(change.field), action=word(change.action),
                 old=_short(change.old), new=_short(change.new))
    grade = _("grade %(before)s → %(after)s", before=change.grade_before or "—", after=change.grade_after or "—")
    flash(f"{text}; {grade}", "ok")
    return redirect(url_for(".show", url=row["url"]) + f"#field-{change.field}", code=303)


def _short(value) -> str:
    text = display(value)
    return text if len(text) <= MAX_FLASH_VALUE else text[:MAX_FLASH_VALUE - 1] + "…"
