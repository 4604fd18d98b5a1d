"""Stored blobs as deltas: a new version of a page body (or of a prospect's snapshot part) is
compressed against its previous version, so a recrawl that changed one line of a page costs about
that line, not the page again. Identical blobs are stored once already (content hashes).

The delta is zlib with a preset dictionary: the previous version's last WINDOW bytes (zlib's
window; a longer page shares its tail only). Reading follows the chain of bases back to a full
copy; a chain longer than MAX_DEPTH starts again from a full copy, so a read stays bounded.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

WINDOW = 32 * 1024
MAX_DEPTH = 12
LEVEL = 6

# (compression, data, base hash or None) of a stored blob by its hash; None when absent.
RowReader = Callable[[str], "tuple[str, bytes, str | None] | None"]


def pack(data: bytes, base: bytes | None = None) -> bytes:
    """`data` compressed, against `base` when given (decompress with the same base)."""
    if base is None:
        return zlib.compress(data, LEVEL)
    packer = zlib.compressobj(LEVEL, zdict=base[-WINDOW:])
    return packer.compress(data) + packer.flush()


def unpack(packed: bytes, base: bytes | None = None) -> bytes:
    if base is None:
        return zlib.decompress(packed)
    unpacker = zlib.decompressobj(zdict=base[-WINDOW:])
    return unpacker.decompress(packed) + unpacker.flush()


def read_chain(sha256: str, row: RowReader) -> bytes | None:
    """The blob stored under `sha256`, its chain of bases unpacked oldest first."""
    chain = []
    current: str | None = sha256
    while current is not None:
        found = row(current)
        if found is None:
            return None
        chain.append(found)
        current = found[2]
    data: bytes | None = None
    for compression, packed, _base in reversed(chain):
        data = unpack(packed, data) if compression == "zlib" else packed
    return data


def row_reader(db: Any, table: str) -> RowReader:
    """Read `table`'s (compression, data, base) rows (`bodies` or `snapshot_parts`)."""
    compression = "compression" if table == "bodies" else "'zlib'"
    sql = f"SELECT {compression}, data, base_sha256 FROM {table} WHERE sha256 = ?"

    def row(sha256: str) -> tuple[str, bytes, str | None] | None:
        found = db.execute(sql, [sha256]).fetchone()
        return tuple(found) if found else None  # type: ignore[return-value]
    return row


def packed_row(db: Any, table: str, data: bytes, base_sha256: str | None) -> dict[str, Any]:
    """The columns to store `data` with: a delta against the blob `base_sha256` (the previous
    version) when there is one and its chain is not too long, a full copy otherwise."""
    if base_sha256:
        found = db.execute(f"SELECT depth FROM {table} WHERE sha256 = ?", [base_sha256]).fetchone()
        if found is not None and found[0] < MAX_DEPTH:
            base = read_chain(base_sha256, row_reader(db, table))
            if base is not None:
                return {"data": pack(data, base), "base_sha256": base_sha256, "depth": found[0] + 1}
    return {"data": pack(data), "base_sha256": None, "depth": 0}
