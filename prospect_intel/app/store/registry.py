"""Registry rows: the business-registry exports imported, how each row matched, and the facts
a matched row gives its prospect (`registry_evidence`, beside the site's own evidence)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from prospect_intel.app.store.evidence import dumps
from prospect_intel.core.models import Evidence


class RegistryMixin:
    def registry_import(self, sha256: str) -> dict[str, Any] | None:
        """The earlier import of a file with these bytes, or None."""
        row = self.db.execute("SELECT * FROM registry_imports WHERE sha256 = ?", [sha256]).fetchone()
        return self._as_dict("registry_imports", row) if row else None

    def add_registry_import(self, meta: Mapping[str, Any], rows: Iterable[Mapping[str, Any]],
                            facts: Mapping[int, Mapping[str, Evidence]]) -> int:
        """Record an import, its rows and the facts of the matched ones (call inside `write()`).
        A prospect's registry facts are those of its newest matched row: older ones are replaced."""
        import_id = self.db["registry_imports"].insert(dict(meta)).last_pk
        self.db["registry_rows"].insert_all({"import_id": import_id, **row} for row in rows)
        for prospect_id, fields in facts.items():
            self.db.execute("DELETE FROM registry_evidence WHERE prospect_id = ?", [prospect_id])
            self.db["registry_evidence"].insert_all(
                {"prospect_id": prospect_id, "field": name, "value": dumps(item.value),
                 "confidence": item.confidence, "source_url": item.source_url, "snippet": item.snippet,
                 "method": item.method, "import_id": import_id, "row": _row_of(item)}
                for name, item in fields.items())
        return int(import_id)

    def registry_evidence(self, prospect_id: int) -> dict[str, Evidence]:
        rows = self.db.execute(
            "SELECT field, value, confidence, source_url, snippet, method FROM registry_evidence "
            "WHERE prospect_id = ? ORDER BY field", [prospect_id]).fetchall()
        return {field: Evidence(field, json.loads(value), confidence, source_url, snippet or "", method or "")
                for field, value, confidence, source_url, snippet, method in rows}

    def registry_rows_of(self, prospect_id: int) -> list[dict[str, Any]]:
        """The imported rows matched to a prospect, newest import first (with the file's name)."""
        cursor = self.db.execute(
            "SELECT r.*, i.file, i.format, i.imported_at FROM registry_rows r JOIN registry_imports i "
            "ON i.id = r.import_id WHERE r.prospect_id = ? ORDER BY i.id DESC, r.row", [prospect_id])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def match_candidates(self) -> Iterator[dict[str, Any]]:
        """Every prospect with what a registry row can match: its URL, site, name and office address."""
        cursor = self.db.execute(
            "SELECT p.id, p.url, p.final_url, p.site, p.list_name, "
            "CAST(json_extract(e.value, '$') AS TEXT) FROM prospects p "
            "LEFT JOIN evidence e ON e.prospect_id = p.id AND e.field = 'office_address' ORDER BY p.id")
        for id_, url, final_url, site, name, address in cursor:
            yield {"id": id_, "url": url, "final_url": final_url, "site": site, "name": name, "address": address}

    def prospect_by_id(self, prospect_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM prospects WHERE id = ?", [prospect_id]).fetchone()
        return self._as_dict("prospects", row)

    def page_texts(self) -> Iterator[tuple[int, str]]:
        """(prospect id, page text) of every kept page, for registry numbers printed on the sites."""
        yield from self.db.execute("SELECT prospect_id, text FROM pages WHERE text IS NOT NULL")


def _row_of(item: Evidence) -> int:
    """The export's row number, which a registry evidence's source names (`…#row=12`)."""
    _, _, fragment = item.source_url.partition("#row=")
    return int(fragment) if fragment.isdigit() else 0
