"""Commands that change evidence or its grade: set, note, extract, score (the walk: cli/walk.py)."""
from __future__ import annotations

import click
from rich.text import Text

from prospect_intel.app.analysis import RUBRIC_META_KEY, rubric_reference
from prospect_intel.app.cli.console import field_title, out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.field_values import reading
from prospect_intel.app.i18n import _, word
from prospect_intel.app.workflows import (
    ReviewChange,
    add_note,
    edit_list,
    reextract,
    review_field,
    score_all,
    store_rubric,
    undo_review,
)
from prospect_intel.core.models import EVIDENCE_FIELDS, REVIEW_REASONS, REVIEW_SOURCES


def print_change(change: ReviewChange) -> None:
    """One line per review: field, action, from -> to, and the grade before and after."""
    grade = _("grade %(before)s → %(after)s", before=change.grade_before or "-", after=change.grade_after or "-")
    out.print(Text(f"{field_title(change.field)}: {word(change.action)} ({change.old!r} -> {change.new!r}); {grade}"))


def print_note(entry: dict) -> None:
    out.print(Text(_("noted (%(source)s, %(reviewer)s): %(note)s", source=word(entry["source"]),
                     reviewer=entry["reviewer"], note=entry["note"])))


@click.command("set")
@click.argument("url")
@click.argument("field", type=click.Choice(list(EVIDENCE_FIELDS)))
@click.argument("value", required=False)
@click.option("--confirm", "action", flag_value="confirmed", help="Confirm the extracted value.")
@click.option("--reject", "action", flag_value="rejected", help="Reject the field (it counts as unknown).")
@click.option("--undo", "action", flag_value="undo", help="Drop your earlier review of the field.")
@click.option("--add", "added", multiple=True, metavar="ITEM",
              help="List fields: add ITEM to the list (repeat for several); the rest is kept.")
@click.option("--remove", "removed", multiple=True, metavar="ITEM", help="List fields: remove ITEM from the list.")
@click.option("--source", type=click.Choice(REVIEW_SOURCES), default="phone", show_default=True)
@click.option("--note", default="", help="Where the fact came from, what was said.")
@click.option("--why", "reason", type=click.Choice(REVIEW_REASONS), default=None,
              help="With a correction or --reject: why the extracted value was wrong.")
@click.option("--reviewer", envvar="PROSPECT_REVIEWER", help="Who (default $PROSPECT_REVIEWER or $USER).")
@pass_ctx
def set_(ctx: Context, url, field, value, action, added, removed, source, note, reason, reviewer) -> None:
    """Set, confirm, reject or undo one evidence field; VALUE is JSON where it parses, else text
    (numbers as reps type them: 500万, 20余人); list fields also take --add and --remove."""
    store = ctx.store
    if added or removed:
        if value is not None or action is not None:
            raise click.UsageError(_("--add / --remove change the list; give no VALUE and no other action"))
        print_change(edit_list(store, url, field, add=added, remove=removed, source=source, note=note,
                               reviewer=reviewer, reason=reason or ""))
        return
    if action == "undo":
        print_change(undo_review(store, url, field, reviewer=reviewer))
        return
    if action is None:
        if value is None:
            raise click.UsageError(_("give a VALUE, or --confirm / --reject / --undo"))
        action = "corrected"
    elif value is not None:
        raise click.UsageError(_("--%(option)s takes no VALUE",
                                 option=action[:-2] if action.endswith("ed") else action))
    change = review_field(store, url, field, action, value, source=source, note=note, reviewer=reviewer,
                          reason=reason or "")
    read = reading(field, value, change.new)
    if read:
        out.print(Text(_("read %(reading)s", reading=read)))
    print_change(change)


@click.command()
@click.argument("url")
@click.argument("text")
@click.option("--source", type=click.Choice(REVIEW_SOURCES), default="phone", show_default=True,
              help="Where it was learnt: a call, a visit, a magazine, a business card ...")
@click.option("--reviewer", envvar="PROSPECT_REVIEWER", help="Who (default $PROSPECT_REVIEWER or $USER).")
@pass_ctx
def note(ctx: Context, url: str, text: str, source: str, reviewer: str | None) -> None:
    """Add a note about the prospect from a call or a visit (kept in the audit trail and the export)."""
    print_note(add_note(ctx.store, url, text, source=source, reviewer=reviewer))


@click.command()
@click.argument("urls", nargs=-1)
@pass_ctx
def extract(ctx: Context, urls: tuple[str, ...]) -> None:
    """Run the extractors again over stored pages (no crawling), then re-score."""
    store = ctx.store
    rubric = store_rubric(store)
    rows = [store.prospect_row(u) for u in urls] if urls else list(store.prospects("done"))
    for row in rows:
        reextract(store, row, rubric)
    out.print(_("extracted %(count)s prospect(s) with rubric %(rubric)s %(version)s", count=len(rows),
                rubric=rubric.name, version=rubric.version))


@click.command()
@click.option("--rubric", "rubric_spec", help="Rubric file (TOML) or bundled name; remembered for this store.")
@pass_ctx
def score(ctx: Context, rubric_spec: str | None) -> None:
    """Grade every crawled prospect again from its evidence and reviews."""
    store = ctx.store
    rubric = store_rubric(store, rubric_spec)
    with store.write():  # a new rubric is remembered only once it has graded every prospect
        grades = score_all(store, rubric)
        if rubric_spec:
            store.set_meta(RUBRIC_META_KEY, rubric_reference(rubric_spec))
    summary = ", ".join(f"{word(k)} {v}" for k, v in sorted(grades.items())) or _("nothing crawled yet")
    out.print(_("scored with %(rubric)s %(version)s: %(summary)s", rubric=rubric.name, version=rubric.version,
                summary=summary))


COMMANDS = [set_, note, extract, score]
