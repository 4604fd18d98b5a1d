"""The object every command receives: the store, opened (and migrated) on first use.

Only the commands that start a store (`init`, `add`) create its file; every other command run
where no store exists says so, rather than leaving an empty store behind a mistyped --db.
"""
from __future__ import annotations

from pathlib import Path

import click

from prospect_intel.app.i18n import _
from prospect_intel.app.store import Store
from prospect_intel.core.errors import StoreError


class NoStore(StoreError):
    """The --db file does not exist and the command does not create one."""


class Context:
    def __init__(self, db_path: str):
        self.db_path = db_path
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The existing store, or NoStore."""
        return self.open(create=False)

    def open(self, *, create: bool) -> Store:
        if self._store is None:
            if not create and not Path(self.db_path).exists():
                raise NoStore(_("no store here: %(file)s does not exist; use --db or $PROSPECT_DB, "
                                "or start one with `prospect init` or `prospect add`", file=self.db_path))
            self._store = Store(self.db_path)
        return self._store


pass_ctx = click.make_pass_decorator(Context)
