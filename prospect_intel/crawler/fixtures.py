"""Saved-site folders (tests/fixtures/README.md): read a manifest index, write recordings.

A folder is either one saved site (it holds `manifest.json`) or a folder of saved sites.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from w3lib.url import canonicalize_url

from prospect_intel.core.clock import utc_now
from prospect_intel.core.errors import FixtureError
from prospect_intel.core.language import _

MANIFEST = "manifest.json"
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class SavedResponse:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes


def _key(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


def _inside(folder: Path, relative: str) -> Path:
    path = (folder / relative).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise FixtureError(f"{folder / MANIFEST}: file {relative!r} points outside the site folder")
    return path


class ReplayIndex:
    """Every URL of every saved site under a folder, loaded lazily body by body."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        if not self.root.is_dir():
            raise FixtureError(_("replay folder %(folder)s does not exist", folder=self.root))
        self._entries: dict[str, tuple[Path, dict]] = {}
        manifests = (
            [self.root / MANIFEST] if (self.root / MANIFEST).is_file() else sorted(self.root.glob(f"*/{MANIFEST}"))
        )
        if not manifests:
            raise FixtureError(_("%(folder)s holds no %(manifest)s (not a saved site or a folder of them)",
                                 folder=self.root, manifest=MANIFEST))
        for manifest in manifests:
            self._load(manifest)

    def _load(self, manifest: Path) -> None:
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            responses = data["responses"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise FixtureError(f"{manifest}: unreadable manifest ({exc})") from None
        for entry in responses:
            if not isinstance(entry, dict) or "url" not in entry or "status" not in entry:
                raise FixtureError(f"{manifest}: every response needs a url and a status")
            if entry.get("file"):
                _inside(manifest.parent, entry["file"])
            self._entries[_key(entry["url"])] = (manifest.parent, entry)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, url: str) -> SavedResponse | None:
        found = self._entries.get(_key(url))
        if found is None:
            return None
        folder, entry = found
        body = _inside(folder, entry["file"]).read_bytes() if entry.get("file") else b""
        headers = {str(k): str(v) for k, v in (entry.get("headers") or {}).items()}
        return SavedResponse(entry["url"], int(entry["status"]), headers, body)


def site_folder_name(url: str) -> str:
    """A safe folder name for a recorded site: its host, nothing that can climb out of a folder."""
    host = urlsplit(url).hostname or "site"
    return _UNSAFE_CHARS.sub("-", host).strip("-.") or "site"


class Recorder:
    """Writes responses into a saved-site folder as they arrive; the manifest is rewritten each time."""

    def __init__(self, folder: str | Path, start_url: str, about: dict | None = None):
        """`about`: more keys for the manifest (where the site came from)."""
        self.folder = Path(folder)
        self.start_url = start_url
        self.about = about or {}
        self._responses: list[dict] = []
        self._by_key: dict[str, int] = {}
        (self.folder / "files").mkdir(parents=True, exist_ok=True)

    def add(self, url: str, status: int, headers: dict[str, str], body: bytes) -> None:
        key = _key(url)
        entry: dict = {"url": url, "status": status, "headers": headers}
        if body:
            name = f"files/{len(self._responses) + 1:04d}{_suffix(url, headers)}"
            _inside(self.folder, name).write_bytes(body)
            entry["file"] = name
        if key in self._by_key:
            self._responses[self._by_key[key]] = entry
        else:
            self._by_key[key] = len(self._responses)
            self._responses.append(entry)
        self._write_manifest()

    def _write_manifest(self) -> None:
        manifest = {
            "name": self.folder.name,
            "start_url": self.start_url,
            "recorded_at": utc_now(),
            **self.about,
            "responses": self._responses,
        }
        tmp = self.folder / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.folder / MANIFEST)


def _suffix(url: str, headers: dict[str, str]) -> str:
    if urlsplit(url).path.endswith("robots.txt"):
        return ".txt"
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    return ".html" if "html" in content_type.lower() or not content_type else ".bin"
