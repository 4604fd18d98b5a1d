"""The operator's own settings (`prospect config`), kept in an INI file of their own: the
interface language, and the contact the crawler's user agent names.

Per user, not per store: a store is shared by a team whose members read different languages.
The file is `$PROSPECT_CONFIG`, else `$XDG_CONFIG_HOME/prospect-intel/config.ini` (by default
`~/.config/prospect-intel/config.ini`). Written whole to a temporary file and renamed into place,
so a crash never leaves half a file.
"""
from __future__ import annotations

import configparser
import os
import re
import tempfile
from pathlib import Path

from prospect_intel.core.errors import SettingError
from prospect_intel.core.language import _
from prospect_intel.core.wording import LANGUAGES

SECTION = "prospect"
# The operator's contact in the crawler's user agent: a web page or a mail address.
_CONTACT = re.compile(r"(?:https?://[^\s/]+\.[^\s]+|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)", re.IGNORECASE)
# Each setting, with the values it takes (None: any text).
SETTINGS: dict[str, tuple[str, ...] | None] = {"language": LANGUAGES, "contact": None}


def path() -> Path:
    explicit = os.environ.get("PROSPECT_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "prospect-intel" / "config.ini"


def read() -> dict[str, str]:
    """The settings in the file ({} when there is none); an unreadable file is an error, not {}."""
    parser = _parser()
    return dict(parser[SECTION]) if parser.has_section(SECTION) else {}


def write(name: str, value: str | None) -> Path:
    """Set `name` to `value` (None removes it); the file's other settings are kept."""
    check(name, value)
    parser = _parser()
    if not parser.has_section(SECTION):
        parser.add_section(SECTION)
    if value is None:
        parser.remove_option(SECTION, name)
    else:
        parser.set(SECTION, name, value)
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                     prefix=".config-", suffix=".tmp") as handle:
        parser.write(handle)
    os.replace(handle.name, target)
    return target


def check(name: str, value: str | None) -> None:
    if name not in SETTINGS:
        raise SettingError(_("no setting %(name)r: the settings are %(names)s", name=name, names=", ".join(SETTINGS)))
    allowed = SETTINGS[name]
    if value is not None and allowed is not None and value not in allowed:
        raise SettingError(_("%(name)s must be one of %(allowed)s, not %(value)r", name=name,
                             allowed=", ".join(allowed), value=value))
    if name == "contact" and value is not None and not _CONTACT.fullmatch(value):
        raise SettingError(_("contact must be a web address (https://...) or a mailto: address where site "
                             "owners reach you, not %(value)r", value=value))


def _parser() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    source = path()
    try:
        parser.read_string(source.read_text("utf-8"), source=str(source))
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise SettingError(_("cannot read the settings file %(file)s: %(reason)s", file=source, reason=exc)) from exc
    return parser
