"""Queue URLs from the browser: a pasted list or an uploaded CSV, read like `prospect add --file`.

Both go through `prospect_intel.app.queue_input.read_url_file` (so a pasted CSV with a `url` header, GBK
uploads and comment lines behave exactly as on the command line) and `Store.add_prospects`.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from prospect_intel.app.i18n import _
from prospect_intel.app.queue_input import read_url_file, refuse_private, spooled
from prospect_intel.app.store import Store

ADD_BATCH = 5000
MAX_REPORTED = 8  # reported as flashes, which live in the session cookie
MAX_RAW = 80


@dataclass
class QueueOutcome:
    added: int = 0
    known: int = 0
    invalid: int = 0
    garbled: int = 0  # queued, but read with bytes not valid in the file's encoding
    same_site: int = 0  # known: another address of a site the store holds
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = _("Queued %(added)s new URL(s); %(known)s already known", added=self.added, known=self.known)
        if self.same_site:
            text += _(" (%(count)s as another address of a known site)", count=self.same_site)
        if self.invalid:
            text += _("; %(count)s invalid", count=self.invalid)
            if self.invalid > len(self.problems):
                text += _(" (the first %(count)s shown)", count=len(self.problems))
        if self.garbled:
            text += _("; %(count)s read with bytes not valid in the file's encoding (check their names)",
                      count=self.garbled)
        return text + _(".")


def queue_text(store: Store, text: str) -> QueueOutcome:
    return queue_upload(store, io.BytesIO(text.encode("utf-8")))


def queue_upload(store: Store, stream: IO[bytes]) -> QueueOutcome:
    with spooled(stream) as path:
        return _queue_file(store, path)


def _queue_file(store: Store, path: Path) -> QueueOutcome:
    outcome = QueueOutcome()
    batch = []
    for entry in map(refuse_private, read_url_file(path)):
        if entry.warning and not entry.error:
            outcome.garbled += 1
            if len(outcome.problems) < MAX_REPORTED:
                outcome.problems.append(_("line %(line)s: %(raw)r: %(problem)s", line=entry.line,
                                          raw=entry.raw[:MAX_RAW], problem=entry.warning))
        if entry.error:
            outcome.invalid += 1
            if len(outcome.problems) < MAX_REPORTED:
                outcome.problems.append(_("line %(line)s: %(raw)r: %(problem)s", line=entry.line,
                                          raw=entry.raw[:MAX_RAW], problem=entry.error[:MAX_RAW]))
            continue
        batch.append((entry.url, entry.name))
        if len(batch) >= ADD_BATCH:
            _add(store, batch, outcome)
            batch = []
    _add(store, batch, outcome)
    return outcome


def _add(store: Store, batch: list[tuple[str, str | None]], outcome: QueueOutcome) -> None:
    if not batch:
        return
    for result in store.add_prospects(batch):
        if result.outcome == "added":
            outcome.added += 1
        else:
            outcome.known += 1
            outcome.same_site += bool(result.same_site)
