"""The commands' help in the language in use.

Click's help texts (a command's docstring, an option's `help=`) stay written in English in the
code and are the catalogue's message ids: `extract` is the Babel extraction method that finds them
(babel.cfg), `translate` swaps them for the language in use before click prints them. Click's own
words ("Usage:", "Options:", "Show this message and exit.") come from click and stay English.
"""
from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from io import BytesIO
from typing import IO, Any

import click
from babel.messages.extract import extract_python

from prospect_intel.app.i18n import _

_ORIGINALS = "_prospect_help_en"  # where each object keeps its English help


def translate(command: click.Command) -> None:
    """Every help text of `command` and its subcommands in the language in use (from the English
    kept on first use, so a process may switch back and forth)."""
    for item in _commands(command):
        _swap(item, "help")
        _swap(item, "short_help")
        for param in item.params:
            if isinstance(param, click.Option):
                _swap(param, "help")


def _commands(command: click.Command) -> Iterator[click.Command]:
    yield command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from _commands(sub)


def _swap(item: Any, attribute: str) -> None:
    originals = item.__dict__.setdefault(_ORIGINALS, {})
    english = originals.setdefault(attribute, getattr(item, attribute))
    setattr(item, attribute, _(inspect.cleandoc(english)) if english else english)  # a docstring as written


def extract(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple]:
    """Babel extraction method for the CLI's modules: their sentences (`_()`, as Babel's Python
    method finds them), the `help=` and `short_help=` texts of their calls, and the docstrings of
    their functions decorated as click commands (as click cleans them)."""
    source = fileobj.read()
    yield from extract_python(BytesIO(source), keywords, comment_tags, options)
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in ("help", "short_help") and isinstance(keyword.value, ast.Constant) \
                        and isinstance(keyword.value.value, str):
                    yield keyword.value.lineno, None, keyword.value.value, []
        elif isinstance(node, ast.FunctionDef) and any(_is_command(d) for d in node.decorator_list):
            docstring = ast.get_docstring(node)
            if docstring:
                yield node.lineno, None, docstring, []


def _is_command(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name in ("command", "group")
