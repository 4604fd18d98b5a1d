"""Whether a page is drawn by scripts: an HTML shell whose content a browser would build.

Read from the page as fetched, cheaply, for every kept page: a shell has little visible text
(under SHELL_TEXT characters; a <noscript> notice is not visible text) and one of the marks of
script drawing: a framework's mount point (`<div id="app">`, `id="root"`, `<app-root>`,
`ng-app`, `data-reactroot`, `__nuxt`, `__next`), a <noscript> notice asking for JavaScript, or
scripts and no links to follow. A page with text (a server-rendered one, even from a framework)
is read as it is: rendering it would cost a browser and add nothing.
"""
from __future__ import annotations

import re

from lxml import etree

SHELL_TEXT = 200  # visible characters: less than a real page's navigation and footer
_MOUNT = etree.XPath(
    "//body//*[@id='app' or @id='root' or @id='__nuxt' or @id='__next' or @id='q-app' or @ng-app "
    "or @data-reactroot or @data-v-app or @data-server-rendered][not(normalize-space())]"
    "|//body//app-root[not(normalize-space())]")
_SCRIPTS = etree.XPath("count(//script[@src or string-length(normalize-space()) > 0])")
_LINKS = etree.XPath("count(//body//a[@href])")
_NOSCRIPT = etree.XPath("//noscript")
_ASKS_FOR_SCRIPTS = re.compile(r"javascript|启用|开启|打开|允许", re.IGNORECASE)


def drawn_by_script(tree: etree._Element | None, text: str) -> str:
    """Why this page is a shell a browser must draw, or '' when it is not one."""
    if tree is None or len(text.strip()) >= SHELL_TEXT:  # visible text leaves <noscript> out
        return ""  # the common case, decided before any query of the tree
    if _MOUNT(tree):
        return "an empty framework mount point"
    if _ASKS_FOR_SCRIPTS.search(" ".join(n.text_content() for n in _NOSCRIPT(tree))):
        return "a <noscript> notice asking for JavaScript"
    if _SCRIPTS(tree) and not _LINKS(tree):
        return "scripts and no links"
    return ""
