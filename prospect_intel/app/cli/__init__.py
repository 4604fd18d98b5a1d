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


class _SpeakingGroup(click.Group):
    """The `prospect` group: each run first chooses its language (the setting, else the
    terminal's) and puts the help texts in it, before click parses the arguments, since
    `prospect --help` is answered while they are parsed."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        i18n.choose_for_cli()
        helptext.translate(self)
        return super().make_context(info_name, args, parent=parent, **extra)


@click.group(cls=_SpeakingGroup)
@click.option("--db", "db_path", envvar="PROSPECT_DB", default="prospects.db", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite store (or set $PROSPECT_DB).")
@click.version_option(package_name="prospect-intel")
@click.pass_context
def cli(ctx: click.Context, db_path: str) -> None:
    """Research channel-sales prospects from their websites, overnight."""
    ctx.obj = Context(db_path)


def _register() -> None:
    from prospect_intel.app.cli import (
        admin,
        evaluate,
        history,
        manage,
        queue,
        registry,
        relay,
        review,
        serve,
        settings,
        view,
        walk,
    )

    for module in (admin, queue, relay, registry, history, manage, view, walk, review, evaluate, serve, settings):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    try:
        cli(standalone_mode=True)
    except ProspectError as exc:
        err.print(Text(i18n.gettext("error: %(message)s", message=str(exc))), style="red")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print(i18n.gettext("interrupted"))
        sys.exit(130)
