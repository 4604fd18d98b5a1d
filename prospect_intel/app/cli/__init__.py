"""The `prospect` command: a thin click layer over the store, the crawler and the reports.

Library errors (`ProspectError`) become one-line messages and exit codes in `main`, nowhere else.
A command's module is imported when the command runs, not before (`COMMAND_MODULES`): most runs
need one, and importing them all (the crawler, every extractor) cost most of a second a run.
"""
from __future__ import annotations

import importlib
import sys

import click
from rich.text import Text

from prospect_intel.app import i18n
from prospect_intel.app.cli import helptext
from prospect_intel.app.cli.console import err
from prospect_intel.app.cli.context import Context
from prospect_intel.core.errors import ProspectError

# Each command's name → the module of app.cli that defines it (in its COMMANDS).
COMMAND_MODULES = {
    "init": "admin", "backup": "admin", "add": "queue", "crawl": "queue", "record": "queue",
    "queue": "relay", "worker": "relay", "collect": "relay", "import-registry": "registry",
    "recrawl": "history", "history": "history", "diff": "history",
    "remove": "manage", "set-url": "manage", "retry": "manage",
    "list": "view", "show": "view", "export": "view", "review": "walk",
    "set": "review", "note": "review", "extract": "review", "score": "review",
    "eval": "evaluate", "fixture": "evaluate", "calibrate": "evaluate", "serve": "serve", "config": "settings",
}


class _SpeakingGroup(click.Group):
    """The `prospect` group: each run first chooses its language (the setting, else the
    terminal's) and puts the help texts in it, before click parses the arguments, since
    `prospect --help` is answered while they are parsed. Commands are loaded when asked for."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        i18n.choose_for_cli()
        helptext.translate(self)
        return super().make_context(info_name, args, parent=parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            self._load(COMMAND_MODULES[cmd_name])
        return self.commands.get(cmd_name)

    def _load(self, module_name: str) -> None:
        module = importlib.import_module(f"{__name__}.{module_name}")
        for command in module.COMMANDS:
            helptext.translate(command)
            self.add_command(command)


@click.group(cls=_SpeakingGroup)
@click.option("--db", "db_path", envvar="PROSPECT_DB", default="prospects.db", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite store (or set $PROSPECT_DB).")
@click.version_option(package_name="prospect-intel")
@click.pass_context
def cli(ctx: click.Context, db_path: str) -> None:
    """Research channel-sales prospects from their websites, overnight."""
    ctx.obj = Context(db_path)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except ProspectError as exc:
        err.print(Text(i18n.gettext("error: %(message)s", message=str(exc))), style="red")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print(i18n.gettext("interrupted"))
        sys.exit(130)
