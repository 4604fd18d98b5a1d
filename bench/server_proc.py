"""Start the mock-web server in a child process and talk to its control paths."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class MockServer:
    def __init__(self, *, seed: int = 6, max_sites: int = 10_000, latency_ms: float = 0.0):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.server", "--port", "0", "--seed", str(seed),
             "--max-sites", str(max_sites), "--latency-ms", str(latency_ms)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.close()
            raise RuntimeError(f"mock server did not start: {line!r}")
        self.port = int(line.split()[1])
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _get(self, action: str) -> dict:
        with self.opener.open(f"http://127.0.0.1:{self.port}/__bench__/{action}", timeout=10) as reply:
            return json.load(reply)

    def stats(self) -> dict:
        return self._get("stats")

    def reset(self) -> dict:
        return self._get("reset")

    def set_latency(self, latency_ms: float) -> dict:
        return self._get(f"config?latency_ms={latency_ms}")

    def set_scripted(self, share: float) -> dict:
        """The share of sites that draw their pages with a script."""
        return self._get(f"config?scripted={share}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> MockServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
