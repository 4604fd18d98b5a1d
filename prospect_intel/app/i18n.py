"""The interface's language: which one is in use, and its sentences from the message catalogue.

English is the source language (the catalogue's message ids); Chinese comes from
`locale/zh/LC_MESSAGES/messages.po`, read with Babel and compiled in memory on first use, so the
catalogue in the repository is the only copy (no stale `.mo` beside it). The language in use is a
context variable: the CLI sets it once from the setting (`choose_for_cli`), the web app for each
request (browser switch, setting, `Accept-Language`); code shared by both just calls `gettext`.
"""
from __future__ import annotations

import os
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from prospect_intel.app import user_config
from prospect_intel.core.errors import SettingError
from prospect_intel.core.wording import LANGUAGES, label

CATALOGUES = Path(__file__).parent / "locale"
DOMAIN = "messages"
ENV_VARIABLE = "PROSPECT_LANG"
_ALIASES = {"english": "en", "chinese": "zh", "中文": "zh", "英文": "en", "简体中文": "zh"}

_language: ContextVar[str] = ContextVar("prospect_language", default="en")


def normalise(value: str | None) -> str | None:
    """`zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `中文` → `zh`; `en-GB` → `en`; anything else None."""
    if not value:
        return None
    text = value.strip().lower()
    text = _ALIASES.get(text, text)
    primary = text.replace("_", "-").split(".")[0].split("-")[0]
    return primary if primary in LANGUAGES else None


def use(language: str) -> None:
    """Speak `language` from now on (in this context: the process, or the web request)."""
    _language.set(language if language in LANGUAGES else "en")


def current() -> str:
    return _language.get()


def configured() -> str | None:
    """The language the operator chose: `$PROSPECT_LANG`, else `prospect config set language`."""
    raw = os.environ.get(ENV_VARIABLE, "").strip()
    if raw:
        chosen = normalise(raw)
        if chosen is None:
            raise SettingError(f"${ENV_VARIABLE}={raw!r} is not a language this tool speaks: "
                             f"use one of {', '.join(LANGUAGES)}.")
        return chosen
    return normalise(user_config.read().get("language"))


def choose_for_cli() -> str:
    """The CLI's language: the setting, else the terminal's locale ($LC_ALL, $LC_MESSAGES, $LANG)."""
    chosen = configured()
    if chosen is None:
        for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
            if os.environ.get(variable):
                chosen = normalise(os.environ[variable])
                break
    use(chosen or "en")
    return current()


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> NullTranslations:
    if language == "en":
        return NullTranslations()
    path = CATALOGUES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(message: str, /, **values: Any) -> str:
    """`message` in the language in use, with `%(name)s` placeholders filled from `values`."""
    text = translations(current()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, count: int, /, **values: Any) -> str:
    text = translations(current()).ngettext(singular, plural, count)
    return text % {"num": count, **values}


_ = gettext


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for it
    """Marks `message` for the catalogue where it is defined; it is translated where it is shown."""
    return message


def word(value: str) -> str:
    """A field name, choice value or contract word (status, confidence…) in the language in use."""
    return label(value, current())
