"""Research that stays current: recrawl, the crawls of a prospect, and what changed between them."""
from __future__ import annotations

import datetime as dt
import re

import click
from rich.text import Text

from prospect_intel.app.cli.console import out, print_json
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.history import diff, pick
from prospect_intel.app.i18n import _, word
from prospect_intel.app.listing import resolve_grades, rubric_grades

_AGE = re.compile(r"^\s*(\d+)\s*([hdwm])\s*$", re.IGNORECASE)
_AGE_UNITS = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1), "w": dt.timedelta(weeks=1),
              "m": dt.timedelta(days=30)}


def parse_age(text: str) -> dt.timedelta:
    """`30d`, `2w`, `3m` (30 days), `12h`."""
    match = _AGE.match(text)
    if not match:
        raise click.BadParameter(_("%(value)r: give an age such as 30d, 2w, 3m or 12h", value=text))
    return int(match.group(1)) * _AGE_UNITS[match.group(2).lower()]


@click.command()
@click.argument("urls", nargs=-1)
@click.option("--older-than", "older_than", metavar="AGE", help="Only prospects last crawled longer ago (30d, 2w, 3m).")
@click.option("--grade", multiple=True, metavar="GRADE", help="Only prospects of this grade (or unscored); repeatable.")
@click.option("--failed", is_flag=True, help="Only prospects whose last crawl failed.")
@click.option("--all", "every", is_flag=True, help="Every crawled prospect.")
@pass_ctx
def recrawl(ctx: Context, urls: tuple[str, ...], older_than: str | None, grade: tuple[str, ...], failed: bool,
            every: bool) -> None:
    """Queue crawled prospects again; the next `prospect crawl` takes them like new ones.

    Their evidence and grade stay until the new crawl replaces them, and every crawl is kept
    (`prospect history`, `prospect diff`)."""
    if not (urls or older_than or grade or failed or every):
        raise click.UsageError(_("give URLs, or --older-than, --grade, --failed or --all"))
    store = ctx.store
    if urls:
        ids = [store.prospect_row(url)["id"] for url in urls]
    else:
        cutoff = (dt.datetime.now(dt.UTC) - parse_age(older_than)).strftime("%Y-%m-%dT%H:%M:%SZ") \
            if older_than else None
        grades = resolve_grades(grade, rubric_grades(store)) if grade else ()
        ids = store.crawled_ids(crawled_before=cutoff, grades=grades, failed_only=failed)
    queued = store.requeue_many(ids)
    out.print(Text(_("queued again: %(count)d (of %(chosen)d chosen; a prospect being crawled keeps its crawl)",
                     count=queued, chosen=len(ids))))


@click.command()
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="JSON list of the crawls.")
@pass_ctx
def history(ctx: Context, url: str, as_json: bool) -> None:
    """The crawls of one prospect, oldest first: when, status, pages, grade."""
    store = ctx.store
    row = store.prospect_row(url)
    crawls = store.snapshots(row["id"])
    if as_json:
        print_json([{"crawled_at": c["crawled_at"], "status": c["status"], "error": c["error"],
                     "pages": len(c["pages"]), "grade": c["grade"], "total": c["total"]} for c in crawls])
        return
    if not crawls:
        out.print(Text(_("%(url)s has not been crawled yet", url=row["url"])))
        return
    for crawl in crawls:
        grade = crawl["grade"] or word("unscored")
        total = "" if crawl["total"] is None else f"  {crawl['total']:g}"
        out.print(Text(f"{crawl['crawled_at']}  {word(crawl['status']):<8} "
                       + _("%(pages)d pages", pages=len(crawl["pages"])) + f"  {grade}{total}"))


@click.command("diff")
@click.argument("url")
@click.option("--from", "since", type=click.DateTime(["%Y-%m-%d"]),
              help="Compare from the last crawl on or before this day.")
@click.option("--to", "until", type=click.DateTime(["%Y-%m-%d"]),
              help="Compare to the last crawl on or before this day.")
@click.option("--json", "as_json", is_flag=True, help="JSON list of the changes.")
@pass_ctx
def diff_command(ctx: Context, url: str, since: dt.datetime | None, until: dt.datetime | None,
                 as_json: bool) -> None:
    """What changed between two crawls of a prospect (default: the last two), field by field."""
    store = ctx.store
    row = store.prospect_row(url)
    pair = pick(store.snapshots(row["id"]), since.date() if since else None, until.date() if until else None)
    if pair is None:
        if as_json:
            print_json({"from": None, "to": None, "changes": []})
        else:
            out.print(Text(_("%(url)s has fewer than two crawls to compare in that window", url=row["url"])))
        return
    old, new = pair
    changes = diff(old, new)
    if as_json:
        print_json({"from": old["crawled_at"], "to": new["crawled_at"], "changes": [c.to_json() for c in changes]})
        return
    out.print(Text(_("%(before)s → %(after)s", before=old["crawled_at"], after=new["crawled_at"]), style="bold"))
    for change in changes:
        out.print(Text("  " + change.text))
    if not changes:
        out.print(Text("  " + _("nothing changed")))


COMMANDS = (recrawl, history, diff_command)
