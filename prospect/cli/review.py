"""Commands that change evidence or its grade: review, set, extract, score."""
from __future__ import annotations

import click
from rich.text import Text

from prospect.analysis import RUBRIC_META_KEY, effective_evidence, needs_review
from prospect.cli.console import out
from prospect.cli.context import Context, pass_ctx
from prospect.errors import ProspectError
from prospect.field_values import parse_field_value
from prospect.models import EVIDENCE_FIELDS, REVIEW_SOURCES
from prospect.workflows import ReviewChange, reextract, review_field, score_all, store_rubric, undo_review

# Facts no website gives; the review offers to add them after the extracted fields.
REP_FACTS = ("sales_staff", "tech_staff", "order_history")


def _print_change(change: ReviewChange) -> None:
    grade = f"grade {change.grade_before or '-'} -> {change.grade_after or '-'}"
    out.print(Text(f"{change.field}: {change.action} ({change.old!r} -> {change.new!r}); {grade}"))


@click.command("set")
@click.argument("url")
@click.argument("field", type=click.Choice(list(EVIDENCE_FIELDS)))
@click.argument("value", required=False)
@click.option("--confirm", "action", flag_value="confirmed", help="Confirm the extracted value.")
@click.option("--reject", "action", flag_value="rejected", help="Reject the field (it counts as unknown).")
@click.option("--undo", "action", flag_value="undo", help="Drop your earlier review of the field.")
@click.option("--source", type=click.Choice(REVIEW_SOURCES), default="phone", show_default=True)
@click.option("--note", default="", help="Where the fact came from, what was said.")
@click.option("--reviewer", envvar="PROSPECT_REVIEWER", help="Who (default $PROSPECT_REVIEWER or $USER).")
@pass_ctx
def set_(ctx: Context, url, field, value, action, source, note, reviewer) -> None:
    """Set, confirm, reject or undo one evidence field; VALUE is JSON where it parses, else text."""
    store = ctx.store
    if action == "undo":
        _print_change(undo_review(store, url, field, reviewer=reviewer))
        return
    if action is None:
        if value is None:
            raise click.UsageError("give a VALUE, or --confirm / --reject / --undo")
        action = "corrected"
    elif value is not None:
        raise click.UsageError(f"--{action[:-2] if action.endswith('ed') else action} takes no VALUE")
    _print_change(review_field(store, url, field, action, value, source=source, note=note, reviewer=reviewer))


@click.command()
@click.argument("url")
@click.option("--reviewer", envvar="PROSPECT_REVIEWER", help="Who (default $PROSPECT_REVIEWER or $USER).")
@click.option("--all-fields", is_flag=True, help="Walk every field, not only those that need review.")
@pass_ctx
def review(ctx: Context, url: str, reviewer: str | None, all_fields: bool) -> None:
    """Walk through a prospect's evidence: confirm, correct, reject, or add facts from a call."""
    store = ctx.store
    row = store.prospect_row(url)
    fields = effective_evidence(store.evidence(row["id"]), store.review_facts(row["id"]))
    in_order = [name for name in EVIDENCE_FIELDS if name in fields]
    names = in_order if all_fields else needs_review(fields) or in_order
    out.print(Text(f"{row['name'] or row['domain']}  {row['url']}: {len(names)} field(s) to review", style="bold"))
    for name in names:
        if not _review_one(store, row["url"], name, fields[name], reviewer):
            return
    for name in REP_FACTS:
        if name not in fields and click.confirm(f"add {name} (not on the website)?", default=False):
            _edit(store, row["url"], name, "corrected", reviewer)


def _review_one(store, url: str, name: str, item, reviewer) -> bool:
    """One field; False when the rep quits."""
    flags = f" [{', '.join(item.flags)}]" if item.flags else ""
    out.print(Text(f"\n{name}: {item.value!r}  ({item.confidence}{flags})", style="bold"))
    if item.snippet:
        out.print(Text(f"  “{item.snippet}”"))
    if item.source_url:
        out.print(Text(f"  {item.source_url}", style="dim"))
    choice = click.prompt("[c]onfirm [e]dit [r]eject [u]ndo [s]kip [q]uit", default="s",
                          type=click.Choice(list("cerusq")), show_choices=False)
    if choice == "q":
        return False
    if choice == "c":
        _print_change(review_field(store, url, name, "confirmed", source="website", reviewer=reviewer))
    elif choice == "r":
        note = click.prompt("why", default="", show_default=False)
        _print_change(review_field(store, url, name, "rejected", note=note, reviewer=reviewer))
    elif choice == "e":
        _edit(store, url, name, "corrected", reviewer)
    elif choice == "u":
        try:
            _print_change(undo_review(store, url, name, reviewer=reviewer))
        except ProspectError as exc:
            out.print(Text(str(exc), style="yellow"))
    return True


def _edit(store, url: str, name: str, action: str, reviewer) -> None:
    while True:  # a typo: say what is expected and ask again
        raw = click.prompt(f"{name} ({EVIDENCE_FIELDS[name]})")
        try:
            parse_field_value(name, raw)  # said at once; the workflow normalises it for the prospect
            break
        except ProspectError as exc:
            out.print(Text(str(exc), style="red"))
    source = click.prompt("source", default="phone", type=click.Choice(REVIEW_SOURCES))
    note = click.prompt("note", default="", show_default=False)
    _print_change(review_field(store, url, name, action, raw, source=source, note=note, reviewer=reviewer))


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
    out.print(f"extracted {len(rows)} prospect(s) with rubric {rubric.name} {rubric.version}")


@click.command()
@click.option("--rubric", "rubric_spec", help="Rubric file (TOML) or bundled name; remembered for this store.")
@pass_ctx
def score(ctx: Context, rubric_spec: str | None) -> None:
    """Grade every crawled prospect again from its evidence and reviews."""
    store = ctx.store
    rubric = store_rubric(store, rubric_spec)
    if rubric_spec:
        store.set_meta(RUBRIC_META_KEY, rubric_spec)
    grades = score_all(store, rubric)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(grades.items())) or "nothing crawled yet"
    out.print(f"scored with {rubric.name} {rubric.version}: {summary}")


COMMANDS = [review, set_, extract, score]
