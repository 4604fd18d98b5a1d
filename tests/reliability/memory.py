"""Peak memory of a CLI run: the child reports its own high-water resident set size on exit.

It reads VmHWM from /proc/self/status, which belongs to the child's own address space; the
rusage `ru_maxrss` would also count the (much larger) pytest process it was forked from.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_REPORT = (
    "import atexit, runpy, sys\n"
    "def report():\n"
    "    hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
    "    sys.stderr.write('MAXRSS %d\\n' % int(hwm.split()[1]))\n"
    "atexit.register(report)\n"
)


def max_rss_kb(db: Path, *args: str) -> tuple[subprocess.CompletedProcess, int]:
    """Run the CLI in a child that reports its own peak resident memory (KiB) on exit."""
    code = (
        _REPORT
        + f"sys.argv = ['prospect', *{list(args)!r}]\nrunpy.run_module('prospect_intel.app.cli', run_name='__main__')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PROSPECT_DB": str(db)},
                            capture_output=True, text=True, timeout=300)
    rss = int(result.stderr.rsplit("MAXRSS ", 1)[1].split()[0])
    return result, rss
