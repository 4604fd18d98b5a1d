"""`_` is the translation function wherever it is imported: a module that also binds `_` (a
throwaway loop variable, `_ = ...`) would call an int or a row instead of translating, and only
at the moment that sentence is said."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "prospect_intel"
TRANSLATING = ("prospect_intel.core.language", "prospect_intel.app.i18n")


def _translating_modules() -> list[Path]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        if any(isinstance(node, ast.ImportFrom) and node.module in TRANSLATING
               and any(alias.name == "_" for alias in node.names) for node in ast.walk(tree)):
            found.append(path)
    return found


def test_the_translating_modules_are_found():
    assert len(_translating_modules()) >= 10


@pytest.mark.parametrize("path", _translating_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_translating_module_binds_underscore(path):
    tree = ast.parse(path.read_text("utf-8"))
    bound = [node.lineno for node in ast.walk(tree)
             if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)]
    assert not bound, f"{path.name} binds _ on line(s) {bound}: name the throwaway something else"
