"""The object every command receives: the store, opened (and migrated) on first use."""
from __future__ import annotations

import click

from prospect_intel.app.store import Store


class Context:
    def __init__(self, db_path: str):
        self.db_path = db_path
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store


pass_ctx = click.make_pass_decorator(Context)
