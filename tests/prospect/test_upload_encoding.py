"""A file with a stray byte is queued with the affected lines named, on the command line and in the
web app's upload (issue 15, item 7): nothing is garbled silently."""
from __future__ import annotations

import io
import re

from prospect_intel.app.web import AppConfig, create_app
from tests.prospect.test_queue_input import _dealers
from tests.support.cli import prospect

LOCAL = {"Host": "127.0.0.1:8765"}


def test_add_file_names_the_lines_read_with_bad_bytes(tmp_path):
    path = tmp_path / "crm.csv"
    path.write_bytes(_dealers(3000, bad_at=2900))
    result = prospect(tmp_path / "store.db", "add", "--file", str(path))
    assert re.search(r"line 2900: .*not valid UTF-8", result.stderr.replace("\n", " "))
    assert "added 3000" in result.stdout and "not valid in the file's encoding 1" in result.stdout


def test_the_web_upload_says_which_lines_were_read_with_bad_bytes(tmp_path):
    client = create_app(AppConfig(db_path=str(tmp_path / "store.db"))).test_client()
    html = client.get("/", headers=LOCAL).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    data = {"csrf_token": token, "file": (io.BytesIO(_dealers(40, bad_at=5)), "crm.csv")}
    page = client.post("/queue", data=data, headers=LOCAL, content_type="multipart/form-data",
                       follow_redirects=True).get_data(as_text=True)
    assert "Queued 40 new URL(s)" in page and "1 read with bytes not valid in the file&#39;s encoding" in page
    assert "line 5:" in page and "not valid UTF-8" in page
    assert "深圳恒安4安防科技有限公司" in client.get("/?q=dealer4-", headers=LOCAL).get_data(as_text=True)
