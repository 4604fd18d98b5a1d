"""`prospect config`: the operator's own settings (the interface language), kept per user."""
from __future__ import annotations

import os

import click
from rich.text import Text

from prospect_intel.app import i18n, user_config
from prospect_intel.app.cli.console import out
from prospect_intel.app.i18n import _


@click.group()
def config() -> None:
    """Show or change your own settings (kept per user, not in the store)."""


@config.command("set")
@click.argument("name")
@click.argument("value")
def set_setting(name: str, value: str) -> None:
    """Set NAME to VALUE, e.g. `prospect config set language zh`."""
    if name == "language":
        value = i18n.normalise(value) or value  # zh-CN, 中文, Chinese
    where = user_config.write(name, value)
    if name == "language":
        i18n.use(value)
    out.print(Text(_("%(name)s = %(value)s (saved in %(file)s)", name=name, value=value, file=str(where))))


@config.command("unset")
@click.argument("name")
def unset_setting(name: str) -> None:
    """Remove NAME: its default applies again."""
    where = user_config.write(name, None)
    out.print(Text(_("%(name)s removed from %(file)s", name=name, file=str(where))))


@config.command("get")
@click.argument("name")
def get_setting(name: str) -> None:
    """Print NAME's value (nothing when it is not set)."""
    user_config.check(name, None)
    out.print(Text(user_config.read().get(name, "")))


@config.command("list")
def list_settings() -> None:
    """Every setting, its value and where the value comes from."""
    saved = user_config.read()
    out.print(Text(_("settings file: %(file)s", file=str(user_config.path()))))
    for name in user_config.SETTINGS:
        value, origin = saved.get(name), _("settings file")
        if name == "language":
            value, origin = i18n.current(), _language_origin(saved)
        out.print(Text(f"{name} = {value or ''}  ({origin})"))


def _language_origin(saved: dict[str, str]) -> str:
    if os.environ.get(i18n.ENV_VARIABLE, "").strip():  # as i18n.configured reads it
        return "$" + i18n.ENV_VARIABLE
    return _("settings file") if "language" in saved else _("terminal locale or default")


COMMANDS = [config]
