"""Find the keyword patterns (`Gated`, `Started`, `TermAlternation`) a layer holds.

A layer declares where its patterns are in one place (see `extractors/patterns.py`): the modules
whose attributes hold them, and the builders that make them on first use with the arguments they
are called with. `prepare()` builds them from that list; the tests walk it to check every pattern.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType

from .terms import Gated, Started, TermAlternation

Pattern = Gated | Started | TermAlternation
# A builder called on first use, and the argument tuples it is called with.
Builder = tuple[Callable[..., object], tuple[tuple[object, ...], ...]]


def patterns_in(value: object, where: str = "") -> Iterator[tuple[str, Pattern]]:
    """(path, pattern) for each pattern in `value`: itself, or inside tuples, lists and dicts."""
    if isinstance(value, (Gated, Started, TermAlternation)):
        yield where, value
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from patterns_in(item, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from patterns_in(item, f"{where}[{key!r}]")


def modules_of(package: ModuleType) -> list[ModuleType]:
    """Every module of `package` and of its sub-packages, imported."""
    return [importlib.import_module(info.name)
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def built(builders: Sequence[Builder]) -> Iterator[tuple[str, object]]:
    """(call, result) for each builder and argument tuple (cached builders: built once)."""
    for function, calls in builders:
        for args in calls:
            yield f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}{args!r}", function(*args)


def walk(modules: Sequence[ModuleType], builders: Sequence[Builder]) -> list[tuple[str, Pattern]]:
    """(name, pattern) for every pattern held by a module attribute or returned by a builder,
    each once (the first name it is found under)."""
    found: dict[int, tuple[str, Pattern]] = {}
    for module in modules:
        short = module.__name__.rsplit(".", 1)[-1]
        for name, value in vars(module).items():
            for where, pattern in patterns_in(value):
                found.setdefault(id(pattern), (f"{short}.{name}{where}", pattern))
    for call, value in built(builders):
        for where, pattern in patterns_in(value):
            found.setdefault(id(pattern), (f"{call}{where}", pattern))
    return list(found.values())
