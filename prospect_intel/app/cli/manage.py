"""Commands that change the prospects themselves: remove one, correct its address, retry it."""
from __future__ import annotations

import click
from rich.text import Text

from prospect_intel.app.cli.console import out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.workflows import reviewer_name


@click.command()
@click.argument("url")
@click.option("--purge", is_flag=True, help="Delete it for good (by default it is kept in the archive).")
@click.option("--reviewer", envvar="PROSPECT_REVIEWER", help="Who (default $PROSPECT_REVIEWER or $USER).")
@pass_ctx
def remove(ctx: Context, url: str, purge: bool, reviewer: str | None) -> None:
    """Remove a prospect (URL or name); its evidence, reviews and scores are kept in the archive."""
    row = ctx.store.remove(url, by=reviewer_name(reviewer), purge=purge)
    kept = "deleted for good" if purge else "kept in the archive with its evidence, reviews and scores"
    out.print(Text(f"removed {row['url']}: {kept}"))


@click.command("set-url")
@click.argument("old")
@click.argument("new")
@pass_ctx
def set_url(ctx: Context, old: str, new: str) -> None:
    """Correct a prospect's address (a failed one, a moved site) and queue it again; reviews stay."""
    row = ctx.store.set_url(old, new)
    out.print(Text(f"{row['url']}: queued again (the next `prospect crawl` takes it)"))


@click.command()
@click.argument("url")
@pass_ctx
def retry(ctx: Context, url: str) -> None:
    """Queue a failed (or finished) prospect again for the next crawl."""
    row = ctx.store.prospect_row(url)
    ctx.store.requeue(row["url"])
    out.print(Text(f"{row['url']}: queued again (was {row['status']})"))


COMMANDS = [remove, set_url, retry]
