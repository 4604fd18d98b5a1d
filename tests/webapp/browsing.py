"""A browser page with traps: every dialog (alert/confirm/prompt) and CSP violation is recorded."""
from __future__ import annotations

import os
from pathlib import Path

SHOTS_ENV = "WEBAPP_SHOTS"  # a folder: the browser tests save screenshots of the main pages there


class Watched:
    """A page with traps: every dialog (alert/confirm/prompt) and CSP violation is recorded."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.csp_violations: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", self._console)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def shot(self, name: str) -> None:
        folder = os.environ.get(SHOTS_ENV)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
