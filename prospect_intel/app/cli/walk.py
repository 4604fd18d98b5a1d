"""`prospect review URL`: walk the rep through a prospect's evidence in the terminal.

Per field: the extracted value and the reviewed one when they differ, the confidence, each flag
with its reason and the extractors' notes, the snippet and the page; then confirm, correct,
reject, undo or skip. Afterwards the facts no website gives (sales and technical staff, order
history) can be added or corrected, and notes from a call or a visit added with their source.
Every change goes through `prospect_intel.app.workflows`, like `prospect set` and the web app.
"""
from __future__ import annotations

import click
from rich.text import Text

from prospect_intel.app.analysis import needs_review
from prospect_intel.app.cli.console import field_title, out, plain
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.cli.review import print_change, print_note
from prospect_intel.app.field_values import parse_field_value, reading
from prospect_intel.app.i18n import N_, _, word
from prospect_intel.app.listing import review_queue
from prospect_intel.app.names import stored_name
from prospect_intel.app.review_view import REP_FACTS, FieldView, field_views
from prospect_intel.app.workflows import add_note, review_field, undo_review
from prospect_intel.core.errors import ProspectError
from prospect_intel.core.models import EVIDENCE_FIELDS, REVIEW_SOURCES

CHOICES = N_("[c]onfirm [e]dit [r]eject [u]ndo [s]kip [q]uit")
QUEUE_CHOICES = N_("[r]eview [s]kip [b]ack [q]uit")


@click.command()
@click.argument("url", required=False)
@click.option("--reviewer", envvar="PROSPECT_REVIEWER", help="Who (default $PROSPECT_REVIEWER or $USER).")
@click.option("--all-fields", is_flag=True, help="Walk every field, not only those that need review.")
@pass_ctx
def review(ctx: Context, url: str | None, reviewer: str | None, all_fields: bool) -> None:
    """Walk through a prospect's evidence: confirm, correct, reject; add facts and notes from a call.
    Without URL: the morning's queue, where a review is worth most first."""
    store = ctx.store
    if url is None:
        _walk_queue(store, reviewer, all_fields)
        return
    _review_prospect(store, store.prospect_row(url), reviewer, all_fields)


def _walk_queue(store, reviewer, all_fields: bool) -> None:
    """One prospect after the other (review, skip, back, quit), then what changed."""
    queue = review_queue(store)
    if not queue:
        out.print(Text(_("nothing to review: no prospect has fields to review")))
        return
    reviewed: dict[str, tuple[str | None, str | None]] = {}  # url -> (grade before, grade now)
    index = 0
    while 0 <= index < len(queue):
        row, summary = queue[index]
        out.print(Text(f"\n{index + 1}/{len(queue)}  {stored_name(store, row) or row['domain']}  {row['url']}  "
                       + _("grade %(grade)s, %(count)s to review", grade=summary.get("grade") or "-",
                           count=summary.get("needs_review") or 0), style="bold"))
        choice = click.prompt(_(QUEUE_CHOICES), default="r", type=click.Choice(list("rsbq")), show_choices=False)
        if choice == "q":
            break
        if choice == "b":
            index = max(0, index - 1)
            continue
        if choice == "r":
            before = reviewed.get(row["url"], (summary.get("grade"), None))[0]
            finished = _review_prospect(store, store.prospect_row(row["url"]), reviewer, all_fields)
            now = store.current_score(row["id"])
            reviewed[row["url"]] = (before, now["grade"] if now else None)
            if not finished:
                break
        index += 1
    changed = [(url, old, new) for url, (old, new) in reviewed.items() if old != new]
    out.print(Text("\n" + _("reviewed %(done)s of %(total)s prospect(s); grades changed: %(changed)s",
                             done=len(reviewed), total=len(queue), changed=len(changed)), style="bold"))
    for url, old, new in changed:
        out.print(Text(f"  {url}: " + _("grade %(before)s → %(after)s", before=old or "-", after=new or "-")))


def _review_prospect(store, row: dict, reviewer, all_fields: bool) -> bool:
    """One prospect's walk; False when the rep quits."""
    views = field_views(store, row)
    names = _to_walk(views, all_fields)
    out.print(Text(f"{stored_name(store, row) or row['domain']}  {row['url']}: "
                   + _("%(count)s field(s) to review", count=len(names)), style="bold"))
    for name in names:
        if not _review_one(store, row["url"], views[name], reviewer):
            return False
    _rep_facts(store, row, reviewer)
    _notes(store, row["url"], reviewer)
    return True


def _to_walk(views: dict[str, FieldView], all_fields: bool) -> list[str]:
    """Fields that need review (all fields with a value when none does); --all-fields: every field
    with an extracted or reviewed value, rejected ones included (to undo)."""
    with_value = [name for name, view in views.items() if view.current is not None]
    if all_fields:
        return list(views)
    return needs_review({name: views[name].current for name in with_value}) or with_value


def show_field(view: FieldView) -> None:
    """Everything the rep needs to judge one field."""
    out.print(Text(f"\n{field_title(view.name)} ({EVIDENCE_FIELDS[view.name]})", style="bold"))
    found = view.extracted
    if found is None:
        out.print(Text("  " + _("extracted: nothing (not on the kept pages)")))
    else:
        out.print(Text("  " + _("extracted: %(value)s  confidence %(confidence)s", value=plain(found.value),
                                confidence=word(found.confidence))))
    fact = view.reviewed
    if fact is not None:
        said = f" ({word(fact.source)}, {fact.reviewer}, {fact.at}{': ' + fact.note if fact.note else ''})"
        if view.differs:
            shown = word("rejected") if fact.action == "rejected" else plain(fact.value)
            out.print(Text("  " + _("reviewed:  %(value)s  %(action)s", value=shown, action=word(fact.action))
                           + said, style="cyan"))
        else:
            out.print(Text("  " + _("reviewed:  %(action)s as extracted", action=word(fact.action)) + said,
                           style="cyan"))
    for flag, reason in view.flags():
        out.print(Text("  " + _("flag %(flag)s: %(reason)s", flag=word(flag), reason=_(reason)), style="yellow"))
    for note in view.notes:
        out.print(Text("  " + _("note: %(note)s", note=note), style="yellow"))
    if found is not None and found.snippet:
        out.print(Text("  " + _("snippet: “%(snippet)s”", snippet=found.snippet)))
    if found is not None and found.source_url:
        out.print(Text("  " + _("page: %(role)s  %(url)s", role=word(view.page_role or "other"),
                                url=found.source_url), style="dim"))


def _review_one(store, url: str, view: FieldView, reviewer) -> bool:
    """One field; False when the rep quits."""
    show_field(view)
    choice = click.prompt(_(CHOICES), default="s", type=click.Choice(list("cerusq")), show_choices=False)
    if choice == "q":
        return False
    try:
        if choice == "c":
            print_change(review_field(store, url, view.name, "confirmed", source="website", reviewer=reviewer))
        elif choice == "r":
            note = click.prompt(_("why"), default="", show_default=False)
            print_change(review_field(store, url, view.name, "rejected", note=note, reviewer=reviewer))
        elif choice == "e":
            _edit(store, url, view.name, reviewer)
        elif choice == "u":
            print_change(undo_review(store, url, view.name, reviewer=reviewer))
    except ProspectError as exc:
        out.print(Text(str(exc), style="yellow"))
    return True


def _rep_facts(store, row: dict, reviewer) -> None:
    """Offer every rep-only fact: add it, or correct the value it has."""
    views = field_views(store, row)
    for name in REP_FACTS:
        current = views[name].current if name in views else None
        question = (_("%(field)s is %(value)s; correct it?", field=field_title(name), value=plain(current.value))
                    if current is not None else _("add %(field)s (not on the website)?", field=field_title(name)))
        if click.confirm(question, default=False):
            _edit(store, row["url"], name, reviewer)


def _notes(store, url: str, reviewer) -> None:
    while click.confirm(_("add a note from a call, a visit, a magazine, a business card ...?"), default=False):
        text = click.prompt(_("note"))
        source = click.prompt(_("source"), default="phone", type=click.Choice(REVIEW_SOURCES))
        try:
            entry = add_note(store, url, text, source=source, reviewer=reviewer)
        except ProspectError as exc:
            out.print(Text(str(exc), style="red"))
            continue
        print_note(entry)


def _edit(store, url: str, name: str, reviewer) -> None:
    while True:  # a typo: say what is expected and ask again
        raw = click.prompt(f"{field_title(name)} ({EVIDENCE_FIELDS[name]})")
        try:
            read = reading(name, raw, parse_field_value(name, raw))  # said at once; the workflow stores it
            if read:
                out.print(Text(_("read %(reading)s", reading=read)))
            break
        except ProspectError as exc:
            out.print(Text(str(exc), style="red"))
    source = click.prompt(_("source"), default="phone", type=click.Choice(REVIEW_SOURCES))
    note = click.prompt(_("note"), default="", show_default=False)
    print_change(review_field(store, url, name, "corrected", raw, source=source, note=note, reviewer=reviewer))


COMMANDS = [review]
