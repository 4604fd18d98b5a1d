"""Run several commands as one process for the bench's sampler: `python -m bench.together JSON`,
JSON a list of argument lists. SIGINT and SIGTERM go on to every command; the exit code is the
worst of theirs. The baseline of the workers part: independent crawls that share nothing."""
from __future__ import annotations

import json
import signal
import subprocess
import sys


def main() -> int:
    procs = [subprocess.Popen(args) for args in json.loads(sys.argv[1])]

    def forward(signum, _frame):
        for proc in procs:
            proc.send_signal(signum)

    signal.signal(signal.SIGINT, forward)
    signal.signal(signal.SIGTERM, forward)
    return max(proc.wait() for proc in procs)


if __name__ == "__main__":
    sys.exit(main())
