"""`prospect serve` as a user starts it: loopback by default; elsewhere a warning and a token."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

import pytest


def start(app_db, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PROSPECT_DB": str(app_db)}
    return subprocess.Popen([sys.executable, "-m", "prospect_intel", "serve", "--port", "0", "--no-browser", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read_until_url(proc: subprocess.Popen) -> str:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        found = re.search(r"prospect review on (\S+)", line)
        if found:
            return found.group(1)
        if proc.poll() is not None:
            break
    raise AssertionError(f"serve printed no URL; stderr: {proc.stderr.read() if proc.poll() is not None else ''}")


def stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


def fetch(opener, url: str) -> int:
    try:
        with opener.open(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_binds_loopback_without_token(app_db):
    proc = start(app_db)
    try:
        url = read_until_url(proc)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
        assert fetch(urllib.request.build_opener(), url) == 200
    finally:
        err = stop(proc)
    assert "WARNING" not in err


def test_serve_beyond_loopback_warns_and_requires_the_token(app_db):
    proc = start(app_db, "--host", "0.0.0.0")
    try:
        url = read_until_url(proc)
        # never the token itself; the app under a path of its own, where its cookies are scoped
        found = re.fullmatch(r"(http://127\.0\.0\.1:(\d+)(/review-[0-9a-f]+))/login\?once=\S+", url)
        assert found
        base, port, prefix = found.groups()
        plain = urllib.request.build_opener()
        assert fetch(plain, f"{base}/") == 401
        assert fetch(plain, f"{base}/?token=not-it") == 401
        assert fetch(plain, f"http://127.0.0.1:{port}/") == 401  # redirected into the path, then refused
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar := CookieJar()))
        assert fetch(browser, url) == 200  # the one-time link signs the browser in
        assert fetch(browser, f"{base}/export/prospects.json") == 200
        assert {cookie.name: cookie.path for cookie in jar}[f"prospect_token_{port}"] == prefix + "/"
        assert all(cookie.path == prefix + "/" for cookie in jar)
        assert fetch(urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar())), url) == 401
    finally:
        err = stop(proc)
    assert "WARNING" in err and "reachable from other machines" in err
    token = re.search(r"access token \(shown once\):\s+(\S+)", err).group(1)
    assert err.count(token) == 1 and token not in url
    assert all(token not in cookie.value for cookie in jar)  # the cookie holds a key derived from it


def test_a_colleague_signs_in_with_the_printed_token(app_db):
    proc = start(app_db, "--host", "0.0.0.0")
    try:
        url = read_until_url(proc)
        base = url.split("/login?", 1)[0]
        printed, deadline = "", time.monotonic() + 10
        while not (found := re.search(r"access token \(shown once\):\s+(\S+)", printed)) \
                and time.monotonic() < deadline:
            printed += proc.stderr.readline()
        token = found.group(1)
        colleague = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        assert fetch(colleague, f"{base}/?token={token}") == 200
        assert fetch(colleague, f"{base}/progress.json") == 200
    finally:
        stop(proc)


@pytest.mark.parametrize("host, shown", [("::1", "[::1]"), ("127.0.0.2", "127.0.0.2"), ("localhost", "localhost")])
def test_serve_on_other_loopback_addresses_prints_where_it_listens(app_db, host, shown):
    proc = start(app_db, "--host", host)
    try:
        url = read_until_url(proc)
        assert re.fullmatch(rf"http://{re.escape(shown)}:\d+/", url)
        assert fetch(urllib.request.build_opener(), url) == 200
    finally:
        err = stop(proc)
    assert "WARNING" not in err


@pytest.mark.parametrize("args", [("--port", "70000")])
def test_serve_rejects_bad_options(app_db, args):
    result = subprocess.run(
        [sys.executable, "-m", "prospect_intel", "--db", str(app_db), "serve", "--no-browser", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
