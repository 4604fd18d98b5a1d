"""Which language the operator chose: `$PROSPECT_LANG`, `prospect config set language`, the
terminal's locale; and the sentences of the catalogue (`core/language.py`, re-exported here for
the application's modules). The web app chooses per request (`app/web/language.py`).
"""
from __future__ import annotations

import os

from prospect_intel.app import user_config
from prospect_intel.core.errors import SettingError
from prospect_intel.core.language import N_, _, current, gettext, ngettext, translations, use, word
from prospect_intel.core.wording import LANGUAGES

__all__ = ["N_", "_", "current", "gettext", "ngettext", "translations", "use", "word", "normalise", "configured",
           "choose_for_cli"]

ENV_VARIABLE = "PROSPECT_LANG"
_ALIASES = {"english": "en", "chinese": "zh", "中文": "zh", "英文": "en", "简体中文": "zh"}


def normalise(value: str | None) -> str | None:
    """`zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `中文` → `zh`; `en-GB` → `en`; anything else None."""
    if not value:
        return None
    text = value.strip().lower()
    text = _ALIASES.get(text, text)
    primary = text.replace("_", "-").split(".")[0].split("-")[0]
    return primary if primary in LANGUAGES else None


def configured() -> str | None:
    """The language the operator chose: `$PROSPECT_LANG`, else `prospect config set language`."""
    raw = os.environ.get(ENV_VARIABLE, "").strip()
    if raw:
        chosen = normalise(raw)
        if chosen is None:
            raise SettingError(gettext("$%(variable)s=%(value)r is not a language this tool speaks: use one of "
                                       "%(languages)s.", variable=ENV_VARIABLE, value=raw,
                                       languages=", ".join(LANGUAGES)))
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
