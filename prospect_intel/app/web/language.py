"""Which language each request is answered in, and the switch on every page.

In order: the page's switch (`?lang=zh`, remembered in a cookie), the cookie, the operator's
setting (`prospect config set language` or `$PROSPECT_LANG`, read when `serve` starts), the
browser's `Accept-Language`, English.
"""
from __future__ import annotations

from flask import Flask, Response, current_app, g, request, url_for

from prospect_intel.app import i18n
from prospect_intel.core.wording import LANGUAGES

COOKIE = "prospect_lang"
SWITCH_NAMES = {"en": "English", "zh": "中文"}


def install(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True)
    app.jinja_env.filters["word"] = lambda value: i18n.word(str(value))
    app.jinja_env.globals.update(switch_links=switch_links, current_language=i18n.current,
                                 placeholders=placeholders)
    app.before_request(_choose)
    app.after_request(_remember)


def _choose() -> None:
    chosen = i18n.normalise(request.args.get("lang"))
    g.switched_to = chosen
    if chosen is None:
        chosen = i18n.normalise(request.cookies.get(COOKIE))
    if chosen is None:
        chosen = current_app.config["PROSPECT"].language
    if chosen is None:
        chosen = next((lang for lang in map(i18n.normalise, request.accept_languages.values())
                       if lang is not None), None)
    i18n.use(chosen or "en")


def _remember(response: Response) -> Response:
    switched = g.get("switched_to")
    if switched:
        response.set_cookie(COOKIE, switched, max_age=365 * 24 * 3600, httponly=True, samesite="Strict",
                            path=current_app.config["SESSION_COOKIE_PATH"])
        response.vary.add("Cookie")
    response.vary.add("Accept-Language")
    return response


def placeholders(*names: str) -> dict[str, str]:
    """Each name mapped to its own `%(name)s`: a translated sentence with its blanks left for a
    script to fill (the crawl progress line)."""
    return {name: f"%({name})s" for name in names}


def switch_links() -> list[tuple[str, str, bool]]:
    """(language name, this page's URL in that language, whether it is the current one)."""
    args = request.args.to_dict(flat=False)
    links = []
    for language in LANGUAGES:
        args["lang"] = [language]
        endpoint = request.endpoint or "listing.index"
        target = url_for(endpoint, **(request.view_args or {}), **args)
        links.append((SWITCH_NAMES[language], target, language == i18n.current()))
    return links
