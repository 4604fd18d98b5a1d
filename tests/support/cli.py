"""Run the installed `prospect` command in a subprocess (a crawl needs a fresh Twisted reactor)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# The operator's contact a crawl of public addresses needs (crawler/identity.py): the tests that
# crawl without --allow-private (to see the SSRF guard refuse) give it.
CONTACT = {"PROSPECT_CONTACT_URL": "https://ops.example.org/crawler"}
FAST = ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=false",
        "--set", "PROSPECT_RETRY_BASE_DELAY=0", "--set", "DOWNLOAD_TIMEOUT=5"]


def prospect(db: Path, *args: str, check: bool = True, timeout: float = 120, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`prospect ARGS` on store `db` (in folder `cwd`, with `env` added to the environment)."""
    result = subprocess.run(
        [sys.executable, "-m", "prospect_intel", *args], env={**os.environ, "PROSPECT_DB": str(db), **(env or {})},
        capture_output=True, text=True, timeout=timeout, cwd=cwd,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"prospect {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


def show(db: Path, url: str) -> dict:
    return json.loads(prospect(db, "show", url, "--json").stdout)
