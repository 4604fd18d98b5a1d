"""Peak memory of a CLI run: the child reports its own maximum resident set size on exit."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def max_rss_kb(db: Path, *args: str) -> tuple[subprocess.CompletedProcess, int]:
    """Run the CLI in a child that reports its own peak resident memory (KiB) on exit."""
    code = ("import atexit, resource, runpy, sys; "
            "atexit.register(lambda: sys.stderr.write('MAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)); "
            f"sys.argv = ['prospect', *{list(args)!r}]; runpy.run_module('prospect.cli', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PROSPECT_DB": str(db)},
                            capture_output=True, text=True, timeout=300)
    rss = int(result.stderr.rsplit("MAXRSS ", 1)[1].split()[0])
    return result, rss
