"""The `prospect` command: a thin click layer over the store, the crawler and the reports.

Library errors (`ProspectError`) become one-line messages and exit codes in `main`, nowhere else.
"""
from __future__ import annotations

import sys

import click
from rich.text import Text

from prospect_intel.app import i18n
from prospect_intel.app.cli import helptext
from prospect_intel.app.cli.console import err
from prospect_intel.app.cli.context import Context
from prospect_intel.core.errors import ProspectError


@click.group()
@click.option("--db", "db_path", envvar="PROSPECT_DB", default="prospects.db", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite store (or set $PROSPECT_DB).")
@click.version_option(package_name="prospect-intel")
@click.pass_context
def cli(ctx: click.Context, db_path: str) -> None:
    """Research channel-sales prospects from their websites, overnight."""
    speak()
    ctx.obj = Context(db_path)


def _register() -> None:
    from prospect_intel.app.cli import admin, evaluate, manage, queue, review, serve, settings, view, walk

    for module in (admin, queue, manage, view, walk, review, evaluate, serve, settings):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def speak() -> None:
    """Choose the language (the setting, else the terminal's) and put the help texts in it, before
    click prints them: `prospect --help` is answered before the group's own code runs."""
    i18n.choose_for_cli()
    helptext.translate(cli)


def main() -> None:
    try:
        speak()
        cli(standalone_mode=True)
    except ProspectError as exc:
        err.print(Text(i18n.gettext("error: %(message)s", message=str(exc))), style="red")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print(i18n.gettext("interrupted"))
        sys.exit(130)
