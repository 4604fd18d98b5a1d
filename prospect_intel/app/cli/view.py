"""Commands that read the store: list, show, export."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.cells import cell_len
from rich.text import Text

from prospect_intel.app.cli.console import err, field_title, out, plain, print_json, terminal_safe
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.crm import profiles
from prospect_intel.app.exporting import FORMATS, export_bytes
from prospect_intel.app.history import gone_notice
from prospect_intel.app.i18n import N_, _, current, word
from prospect_intel.app.listing import (
    PAGE_SIZE,
    SORTS,
    ListFilter,
    UnknownGrade,
    resolve_grades,
    rubric_grades,
    select_prospects,
    summary_grade,
)
from prospect_intel.app.report import prospect_json
from prospect_intel.app.store.snapshots import CHANGE_KINDS
from prospect_intel.app.workflows import store_rubric
from prospect_intel.core.errors import ProspectError
from prospect_intel.core.models import ROLES

LIST_HEADERS = (N_("prospect"), N_("url"), N_("status"), N_("pages"), N_("grade"), N_("range"), N_("total"),
                N_("review"), N_("changed"), N_("why"))


@click.command("list")
@click.option("--status", type=click.Choice(["queued", "crawling", "done", "failed"]))
@click.option("--grade", multiple=True, metavar="GRADE",
              help="A grade of the store's rubric (any case), or unscored; repeat for several.")
@click.option("--needs-review", is_flag=True, help="Only prospects with fields to review.")
@click.option("--low-confidence", is_flag=True, help="Only prospects whose grade range spans more than one grade.")
@click.option("--changed", type=click.Choice(("any", *CHANGE_KINDS)),
              help="Only prospects whose last crawl changed this (any: anything a rep should see).")
@click.option("--sort", "sort_by", type=click.Choice(SORTS), default="added", show_default=True,
              help="uncertain: widest grade range first; promising: best reachable grade first.")
@click.option("--limit", type=click.IntRange(1), default=PAGE_SIZE, show_default=True,
              help="Show at most this many prospects.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many first (the next page).")
@click.option("--all", "show_all", is_flag=True, help="Show every prospect (no limit).")
@click.option("--json", "as_json", is_flag=True, help="JSON list in the contract's shape.")
@pass_ctx
def list_(ctx: Context, status, grade, needs_review, low_confidence, changed, sort_by, limit, offset, show_all,
          as_json) -> None:
    """List prospects: status, pages kept, grade, grade range, fields to review (the first 100
    unless --all or --limit)."""
    store = ctx.store
    grades = rubric_grades(store)
    try:
        chosen = resolve_grades(grade, grades)
    except UnknownGrade as exc:
        raise click.BadParameter(str(exc), param_hint="--grade") from None
    filters = ListFilter(status, chosen, needs_review, low_confidence, changed=changed or "")
    listed = select_prospects(store, filters, sort_by, grades, None if show_all else limit, offset)
    rows = listed.rows
    if listed.end < listed.total or listed.offset:
        shown = f"{listed.offset + 1}-{listed.end}" if rows else _("none")
        err.print(Text(_("showing %(shown)s of %(total)s prospects; --all shows every one, "
                         "--offset %(next)s the next ones", shown=shown, total=listed.total, next=listed.end)))
    if as_json:
        rubric = store_rubric(store)
        print_json([prospect_json(store, row, rubric=rubric) for row, _summary in rows])
        return
    lines = [
        (terminal_safe(row["name"] or row["domain"]), row["url"], word(row["status"]), str(row["pages"]),
         summary_grade(summary) or "", _range(summary),
         _number(summary.get("total")), _number(summary.get("needs_review")), ", ".join(map(word, row["changed"])),
         terminal_safe(_why(row, summary)))
        for row, summary in rows
    ]
    headers = tuple(map(_, LIST_HEADERS))
    sys.stdout.write("\n".join(aligned([headers, *lines])) + "\n")  # plain text: nothing is markup
    counts = store.status_counts()
    out.print(", ".join(f"{word(k)} {v}" for k, v in sorted(counts.items())) or _("the queue is empty"))


def aligned(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as columns padded to the widest cell (CJK characters count double, as on screen).

    A hand-rolled layout, because rich's Table takes a minute for 100,000 prospects."""
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths)).rstrip()
            for row in rows]


def _why(row: dict, summary: dict) -> str:
    """Why the prospect has its grade, or none: a knock-out, the reason it is unscored, the
    crawl's error (each cut to a table cell)."""
    reason = summary.get("knockout") and _("knock-out: %(reason)s", reason=summary["knockout"]) \
        or summary.get("unscored") \
        or row["error_kind"] or ""
    return reason if len(reason) <= 60 else reason[:59] + "…"


def _range(summary: dict) -> str:
    if summary.get("unscored") and not summary.get("grade"):
        return ""  # no grade, so no range
    low, high = summary.get("grade_low"), summary.get("grade_high")
    return f"{low}-{high}" if low and high and low != high else (low or "")


def _number(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@click.command()
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="JSON object in the contract's shape.")
@pass_ctx
def show(ctx: Context, url: str, as_json: bool) -> None:
    """Show what was found for one prospect: pages by role, evidence, score."""
    shape = prospect_json(ctx.store, ctx.store.prospect_row(url), personal=not as_json)
    if as_json:
        print_json(shape)
        return
    _print_header(shape)
    _print_pages(shape)
    _print_evidence(shape)
    _print_registry(shape)
    _print_notes(shape)
    _print_score(shape)


def _print_header(shape: dict) -> None:
    out.print(Text(f"{shape['name'] or shape['domain']}  {shape['url']}", style="bold"))
    out.print(Text(_("status: %(status)s", status=word(shape["status"]))
                   + (f" ({shape['error']})" if shape["error"] else "")))
    if shape["final_url"] and shape["final_url"] != shape["url"]:
        out.print(Text(_("site: %(url)s", url=shape["final_url"])))


def _print_pages(shape: dict) -> None:
    for role in ROLES:
        pages = [p for p in shape["pages"] if p["role"] == role]
        if pages:
            out.print(Text(f"\n{word(role)} ({len(pages)})", style="bold"))
            for page in pages:
                drawn = f"  ({_('rendered: drawn by scripts')})" if page.get("rendered") else ""
                out.print(Text(f"  {page['status']}  {page['url']}  {page['title'] or ''}{drawn}"))


def _print_evidence(shape: dict) -> None:
    if not shape["evidence"] and not shape["absent"] and not shape["rejected"]:
        out.print("\n" + _("evidence: none yet"))
        return
    out.print(Text("\n" + _("evidence"), style="bold"))
    for name, item in shape["evidence"].items():
        flags = f" [{', '.join(map(word, item['flags']))}]" if item["flags"] else ""
        out.print(Text(f"  {field_title(name)}: {plain(item['value'])}  ({word(item['confidence'])}{flags})"))
        if item["snippet"]:
            out.print(Text(f"      “{item['snippet']}”  {item['source_url']}", style="dim"))
        for note in shape["evidence_notes"].get(name, []):
            out.print(Text("      " + _("note: %(note)s", note=note), style="yellow"))
    if shape["rejected"]:
        out.print(Text("  " + _("rejected (by a review): ") + ", ".join(map(field_title, shape["rejected"])),
                       style="yellow"))
    if shape["absent"]:
        out.print(Text("  " + _("absent: ") + ", ".join(f"{field_title(k)} ({word(v)})"
                                                        for k, v in sorted(shape["absent"].items())),
                       style="dim"))


def _print_registry(shape: dict) -> None:
    """The registry beside the site: where its facts came from, each claim checked (both values);
    the facts themselves are evidence, listed above with their `registry:` source."""
    registry = shape.get("registry")
    if not registry:
        return
    out.print(Text("\n" + _("business registry"), style="bold"))
    for row in registry["rows"][:1]:
        out.print(Text("  " + _("%(file)s row %(row)d (%(format)s), matched by %(how)s", file=row["file"],
                                row=row["row"], format=row["format"], how=word(row["matched_by"] or "")),
                       style="dim"))
    zh = current() == "zh"
    for check in registry["checks"]:
        style = "yellow" if check["state"] in ("site_claims_more", "site_claims_less", "scope_only") else ""
        text = (check.get("text_zh") if zh else None) or check["text"]
        out.print(Text(f"  {field_title(check['field'])}: {word(check['state'])} — {text}"), style=style)


def _print_notes(shape: dict) -> None:
    if shape["notes"]:
        out.print(Text("\n" + _("notes from calls and visits"), style="bold"))
    for entry in shape["notes"]:
        out.print(Text(f"  {entry['at']}  {entry['reviewer']} ({word(entry['source'])}): {entry['note']}"))


def _print_score(shape: dict) -> None:
    score = shape["score"]
    if not score:
        return
    out.print(Text("\n" + _("score (%(rubric)s)", rubric=score.get("rubric")), style="bold"))
    gone = gone_notice(score.get("site_gone"))
    if gone:
        out.print(Text("  " + gone, style="bold"))
    elif score.get("unscored"):
        out.print(Text("  " + _("unscored: %(reason)s", reason=score["unscored"])))
    else:
        low, high = score.get("grade_range") or [None, None]
        out.print(Text("  " + _("grade %(grade)s  total %(total)s  range %(low)s-%(high)s", grade=score["grade"],
                                total=_number(score["total"]), low=low, high=high)))
    knockout = score.get("knockout")
    if knockout:
        out.print(Text("  " + _("knock-out: %(reason)s", reason=_knockout_reason(knockout))))
    zh = current() == "zh"
    for indicator in score.get("indicators", []):
        label = indicator.get("label_zh") or ""
        condition = (indicator.get("condition_zh") if zh else None) or indicator.get("condition") or ""
        out.print(Text(f"  {indicator['name']} {label}: {_number(indicator.get('points'))} "
                       f"({word(indicator.get('confidence') or '')}) {condition}"))
    for fact in (zh and score.get("to_verify_zh")) or score.get("to_verify", []):
        out.print(Text("  " + _("to verify: %(fact)s", fact=fact), style="yellow"))


def _knockout_reason(knockout) -> str:
    if not isinstance(knockout, dict):
        return str(knockout)
    return (knockout.get("reason_zh") if current() == "zh" else None) or knockout.get("reason") or ""


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--profile", type=click.Choice(list(profiles())),
              help="CSV/XLSX columns named and filled for a CRM import (hubspot, salesforce) or in Chinese (zh).")
@click.option("--headers", type=click.Choice(["en", "zh"]),
              help="Language of the CSV/XLSX column headers (zh: 公司名称, 电话, 评级 ...); "
                   "default: the interface's language.")
@click.option("--with-personal", "personal", is_flag=True,
              help="Also export a person's data from registry imports (the legal representative).")
@pass_ctx
def export(ctx: Context, fmt: str, output: str | None, profile: str | None, headers: str, personal: bool) -> None:
    """Export every prospect with its evidence and score (CSV and XLSX import into a CRM)."""
    store = ctx.store
    if profile and fmt == "json":
        raise click.UsageError("--profile names CSV and XLSX columns; JSON keeps the contract's shape")
    rubric = store_rubric(store)
    data = export_bytes((prospect_json(store, row, personal=personal, rubric=rubric) for row in store.prospects()),
                        fmt, profile, headers or current(), personal)
    if output is None:
        if fmt == "xlsx":
            raise click.UsageError("xlsx needs -o FILE")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    _write_atomically(Path(output), data)
    err.print(_("wrote %(file)s", file=output))


def _write_atomically(target: Path, data: bytes) -> None:
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        raise ProspectError(_("cannot write %(file)s: %(reason)s", file=target, reason=exc.strerror or exc)) from None


COMMANDS = [list_, show, export]
