"""Commands that change the prospects themselves: remove one, correct its address, retry it."""
from __future__ import annotations

import click
from rich.text import Text

from prospect_intel.app.cli.console import out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.i18n import _, word
from prospect_intel.app.workflows import reviewer_name


@click.command()
@click.argument("url")
@click.option("--purge", is_flag=True, help="Delete it for good (by default it is kept in the archive).")
@click.option("--reviewer", envvar="PROSPECT_REVIEWER", help="Who (default $PROSPECT_REVIEWER or $USER).")
@pass_ctx
def remove(ctx: Context, url: str, purge: bool, reviewer: str | None) -> None:
    """Remove a prospect (URL or name); its evidence, reviews and scores are kept in the archive."""
    row = ctx.store.remove(url, by=reviewer_name(reviewer), purge=purge)
    kept = _("deleted for good") if purge else _("kept in the archive with its evidence, reviews and scores")
    out.print(Text(_("removed %(url)s: %(kept)s", url=row["url"], kept=kept)))


@click.command("set-url")
@click.argument("old")
@click.argument("new")
@pass_ctx
def set_url(ctx: Context, old: str, new: str) -> None:
    """Correct a prospect's address (a failed one, a moved site) and queue it again; reviews stay."""
    row = ctx.store.set_url(old, new)
    out.print(Text(_("%(url)s: queued again (the next `prospect crawl` takes it)", url=row["url"])))


@click.command()
@click.argument("url")
@pass_ctx
def retry(ctx: Context, url: str) -> None:
    """Queue a failed (or finished) prospect again for the next crawl."""
    row = ctx.store.prospect_row(url)
    ctx.store.requeue(row["url"])
    out.print(Text(_("%(url)s: queued again (was %(status)s)", url=row["url"], status=word(row["status"]))))


COMMANDS = [remove, set_url, retry]
