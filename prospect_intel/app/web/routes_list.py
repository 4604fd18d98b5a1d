"""The prospect list (filter, sort, search, grade chart), queueing URLs, crawl progress, exports."""
from __future__ import annotations

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, url_for

from prospect_intel.app.crm import profiles
from prospect_intel.app.exporting import FORMATS, MEDIA_TYPES, export_bytes
from prospect_intel.app.i18n import N_, _
from prospect_intel.app.listing import (
    PAGE_SIZE,
    SORTS,
    UNSCORED,
    ListFilter,
    UnknownGrade,
    grade_counts,
    resolve_grades,
    rubric_grades,
    select_prospects,
)
from prospect_intel.app.report import prospect_json
from prospect_intel.app.review_accuracy import LEVELS, review_accuracy
from prospect_intel.app.store.snapshots import CHANGE_KINDS
from prospect_intel.app.web.app import store
from prospect_intel.app.web.charts import grade_distribution
from prospect_intel.app.web.progress import crawl_progress
from prospect_intel.app.web.queueing import queue_text, queue_upload
from prospect_intel.app.workflows import store_rubric
from prospect_intel.core.models import STATUSES

bp = Blueprint("listing", __name__)

DEFAULT_SORT = "grade"
SORT_LABELS = {  # translated where shown
    "grade": N_("best grade first"), "promising": N_("best reachable grade"),
    "uncertain": N_("widest grade range"), "review": N_("most fields to review"),
    "worth": N_("worth reviewing first"), "name": N_("name"), "added": N_("order added"),
}


def _filters(grades: tuple[str, ...]) -> tuple[ListFilter, str]:
    """The list's filters from the query string; grades the rubric does not define are ignored."""
    args = request.args
    status = args.get("status") if args.get("status") in STATUSES else None
    chosen = resolve_grades([g for g in args.getlist("grade") if _is_grade(g, grades)], grades)
    # the "needs review" list comes in the review queue's order unless another sort is chosen
    default = "worth" if args.get("review") == "1" else DEFAULT_SORT
    sort_by = args.get("sort") if args.get("sort") in SORTS else default
    changed = args.get("changed", "") if args.get("changed") in ("any", *CHANGE_KINDS) else ""
    return ListFilter(status, chosen, args.get("review") == "1", args.get("uncertain") == "1",
                      args.get("q", "")[:200], changed), sort_by


def _is_grade(text: str, grades: tuple[str, ...]) -> bool:
    try:
        resolve_grades([text], grades)
    except UnknownGrade:
        return False
    return True


@bp.get("/")
def index():
    the_store = store()
    grades = rubric_grades(the_store)
    filters, sort_by = _filters(grades)
    page_number = _page_number()
    listed = select_prospects(the_store, filters, sort_by, grades, PAGE_SIZE, (page_number - 1) * PAGE_SIZE)
    counts = the_store.status_counts()
    return render_template(
        "list.html", rows=listed.rows, listed=listed, page_number=page_number,
        last_page=max(1, -(-listed.total // PAGE_SIZE)), page_args=_page_args(),
        filters=filters, sort_by=sort_by, sorts=SORT_LABELS, grades=(*grades, UNSCORED),
        statuses=STATUSES, change_kinds=CHANGE_KINDS, chart=grade_distribution(grade_counts(the_store), grades),
        counts=counts, progress=crawl_progress(the_store, counts), formats=FORMATS, crm_profiles=profiles(),
        filtered=filters != ListFilter(),
    )


@bp.get("/accuracy")
def accuracy():
    """How right was the research: the reps' reviews counted per field and confidence."""
    found = review_accuracy(store())
    return render_template("accuracy.html", found=found, levels=LEVELS, fields=sorted(found.fields.items()),
                           totals=found.totals())


def _page_number() -> int:
    """The list page asked for (1 for anything that is not a positive number)."""
    text = request.args.get("page", "1")
    return int(text) if text.isdigit() and 0 < len(text) <= 9 and int(text) > 0 else 1


def _page_args() -> dict[str, list[str]]:
    """The query's filters and sort, for the links to other pages of the same list."""
    return {key: request.args.getlist(key) for key in ("q", "status", "grade", "review", "uncertain", "changed", "sort")
            if request.args.getlist(key)}


@bp.post("/queue")
def queue():
    upload = request.files.get("file")
    text = request.form.get("urls", "")
    if upload and upload.filename:
        outcome = queue_upload(store(), upload.stream)
    elif text.strip():
        outcome = queue_text(store(), text)
    else:
        flash(_("Paste URLs or choose a file to queue."), "error")
        return redirect(url_for(".index"), code=303)
    flash(outcome.summary() + (" " + _("They are crawled by the next crawl (prospect crawl).")
                               if outcome.added else ""),
          "error" if outcome.invalid and not outcome.added else "ok")
    for problem in outcome.problems:
        flash(problem, "error")
    return redirect(url_for(".index", status="queued") if outcome.added else url_for(".index"), code=303)


@bp.get("/progress.json")
def progress():
    return jsonify(crawl_progress(store()))


@bp.get("/export/prospects.<fmt>")
def export(fmt: str):
    profile = request.args.get("profile") or None
    if fmt not in FORMATS or (profile is not None and (profile not in profiles() or fmt == "json")):
        abort(404)
    the_store = store()
    rubric = store_rubric(the_store)
    data = export_bytes((prospect_json(the_store, row, rubric=rubric) for row in the_store.prospects()), fmt, profile)
    response = Response(data, mimetype=MEDIA_TYPES[fmt].split(";")[0])
    response.headers["Content-Type"] = MEDIA_TYPES[fmt]
    response.headers["Content-Disposition"] = f'attachment; filename="prospects.{fmt}"'
    return response
