"""The interface's sentences in the language in use, from the message catalogue.

English is the source language (the catalogue's message ids); Chinese comes from
`prospect_intel/locale/zh/LC_MESSAGES/messages.po`, read with Babel and compiled in memory on first
use, so the catalogue in the repository is the only copy (no stale `.mo` beside it). The language
in use is a context variable: the CLI sets it once (`app/i18n.py` reads the setting), the web app
for each request; any layer says a sentence with `_()`, an error message included. Which language
an operator chose is the application's business (`app/i18n.py`), not this module's.
"""
from __future__ import annotations

from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from prospect_intel.core.wording import LANGUAGES, label

CATALOGUES = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "messages"

_language: ContextVar[str] = ContextVar("prospect_language", default="en")


def use(language: str) -> None:
    """Speak `language` from now on (in this context: the process, or the web request)."""
    _language.set(language if language in LANGUAGES else "en")


def current() -> str:
    return _language.get()


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
