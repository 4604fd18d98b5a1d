"""`prospect import-registry`: business-registry exports beside the sites' claims."""
from __future__ import annotations

import click
from rich.text import Text

from prospect_intel.app.cli.console import out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.i18n import _, word
from prospect_intel.app.queue_input import parse_line, refuse_private
from prospect_intel.app.registry.exports import FORMATS
from prospect_intel.app.registry.importing import ImportReport, import_registry
from prospect_intel.app.registry.matching import CONFIDENCE

MAX_LISTED_ROWS = 50


@click.command("import-registry")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "format_", type=click.Choice(FORMATS),
              help="The export's layout; detected from its header when not given.")
@click.option("--queue-unmatched", is_flag=True,
              help="Queue the website of each row that matched no prospect, for the next crawl.")
@pass_ctx
def import_registry_command(ctx: Context, file: str, format_: str | None, queue_unmatched: bool) -> None:
    """Attach a business-registry export (企查查, 天眼查, Companies House, CSV) to the prospects.

    Rows match a prospect by the registry number printed on its site, then by website, then by
    company name (a fuzzy match counts at low confidence). Each claim on the site is checked
    against the registry; matched prospects are graded again. Importing the same file twice
    changes nothing."""
    report = import_registry(ctx.open(create=False), file, format_)
    if report.earlier is not None:
        out.print(Text(_("%(file)s was imported on %(when)s (same bytes): nothing changed",
                         file=file, when=report.earlier["imported_at"])))
        return
    _print_summary(report)
    _print_unmatched(report)
    _print_grades(report)
    if queue_unmatched:
        _queue_unmatched(ctx, report)


def _print_summary(report: ImportReport) -> None:
    export = report.export
    out.print(Text(_("%(file)s: %(format)s export, header on row %(header)d, %(rows)d rows",
                     file=export.path.name, format=export.format, header=export.header_row, rows=len(export.rows))))
    counts: dict[str, int] = {}
    for _row, match in report.matched:
        counts[match.how or ""] = counts.get(match.how or "", 0) + 1
    ways = _(", ").join(_("%(count)d by %(how)s", count=n, how=word(how)) for how, n in counts.items())
    out.print(Text(_("matched %(count)d (%(ways)s), unmatched %(unmatched)d", count=len(report.matched),
                     ways=ways or _("none"), unmatched=len(report.unmatched))))
    for row, match in report.matched:
        if match.how == "name_fuzzy":
            out.print(Text(_("  row %(row)d %(name)s: matched by a similar name (score %(score).2f), its facts "
                             "count at %(confidence)s confidence until a rep confirms them", row=row.row,
                             name=row.name, score=match.score or 0.0,
                             confidence=word(CONFIDENCE["name_fuzzy"]))), style="yellow")


def _print_unmatched(report: ImportReport) -> None:
    for row, match in report.unmatched[:MAX_LISTED_ROWS]:
        out.print(Text(_("  row %(row)d %(name)s: not matched (%(why)s)", row=row.row, name=row.name or "-",
                         why=match.note)))
    hidden = len(report.unmatched) - MAX_LISTED_ROWS
    if hidden > 0:
        out.print(Text(_("  … unmatched rows not shown: %(count)d", count=hidden)))


def _print_grades(report: ImportReport) -> None:
    changed = [g for g in report.grades if g.before != g.after]
    for grade in changed:
        out.print(Text(_("%(name)s: grade %(before)s → %(after)s", name=grade.name or grade.url,
                         before=grade.before or word("unscored"), after=grade.after or word("unscored"))))
    out.print(Text(_("graded again: %(count)d; grades changed: %(changed)d", count=len(report.grades),
                     changed=len(changed))))


def _queue_unmatched(ctx: Context, report: ImportReport) -> None:
    entries = []
    for row, _match in report.unmatched:
        website = row.values.get("website")
        if website:
            entry = refuse_private(parse_line(row.row, str(website).split()[0].rstrip(",;；，"), row.name or None))
            if not entry.error:
                entries.append((entry.url, entry.name))
    results = ctx.open(create=False).add_prospects(entries)
    added = sum(1 for r in results if r.outcome == "added")
    out.print(Text(_("queued %(added)d unmatched rows' websites (%(known)d already known)", added=added,
                     known=len(results) - added)))


COMMANDS = (import_registry_command,)
