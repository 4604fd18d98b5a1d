from prospect_intel.app.queue_input import read_url_file


def test_plain_list_with_comments_and_bad_lines(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# dealers in Shenzhen\nwww.hengan-anfang.cn\n\njavascript:alert(1)\nhttps://Example.com/x\n")
    lines = list(read_url_file(path))
    assert [(row.line, row.url, bool(row.error)) for row in lines] == [
        (2, "http://www.hengan-anfang.cn/", False), (4, None, True), (5, "https://example.com/x", False)]


def test_csv_with_name_column_in_gbk(tmp_path):
    path = tmp_path / "crm.csv"
    path.write_bytes("name,url,city\n恒安科技,www.hengan-anfang.cn,深圳\n佳信弱电,jiaxin.cn,广州\n".encode("gbk"))
    lines = list(read_url_file(path))
    assert [(row.line, row.name, row.url) for row in lines] == [
        (2, "恒安科技", "http://www.hengan-anfang.cn/"), (3, "佳信弱电", "http://jiaxin.cn/")]


def test_csv_with_bom_and_semicolons(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffURL;Name\nacme-security.co.uk;Acme\n;empty\n".encode("utf-8"))
    lines = list(read_url_file(path))
    assert lines[0].url == "http://acme-security.co.uk/" and lines[0].name == "Acme"
    assert lines[1].error == "empty URL" and lines[1].line == 3


def _dealers(count: int, bad_at: int | None = None, encoding: str = "utf-8", bad: bytes = b"\xff") -> bytes:
    """A CSV of `count` dealers with Chinese names; line `bad_at` (1 = header) gets one stray byte."""
    lines = ["name,url".encode(encoding)]
    for i in range(count):
        lines.append(f"深圳恒安{i}安防科技有限公司,www.dealer{i}-anfang.cn".encode(encoding))
    if bad_at is not None:
        lines[bad_at - 1] = lines[bad_at - 1].replace(b",", bad + b",", 1)
    return b"\n".join(lines) + b"\n"


def test_one_stray_byte_does_not_turn_a_utf8_file_into_mojibake(tmp_path):
    path = tmp_path / "crm.csv"
    path.write_bytes(_dealers(40, bad_at=5))  # within the first kilobyte
    lines = list(read_url_file(path))
    assert [row.name for row in lines if row.line != 5] == [f"深圳恒安{i}安防科技有限公司" for i in range(40) if i != 3]
    stray = next(row for row in lines if row.line == 5)
    assert stray.url == "http://www.dealer3-anfang.cn/" and stray.name == "深圳恒安3安防科技有限公司\ufffd"
    assert "not valid UTF-8" in stray.warning
    assert [row.line for row in lines if row.warning] == [5]


def test_a_stray_byte_after_the_first_64_kb_is_reported_too(tmp_path):
    path = tmp_path / "crm.csv"
    path.write_bytes(_dealers(3000, bad_at=2900))
    assert path.stat().st_size > 65536
    lines = list(read_url_file(path))
    assert [row.line for row in lines if row.warning] == [2900]


def test_a_gbk_file_is_read_as_gbk_whatever_its_size(tmp_path):
    path = tmp_path / "crm.csv"
    path.write_bytes(_dealers(3000, encoding="gbk"))
    lines = list(read_url_file(path))
    assert lines[-1].name == "深圳恒安2999安防科技有限公司" and not any(row.warning for row in lines)


def test_a_line_not_valid_in_gb18030_is_reported_in_a_gbk_file(tmp_path):
    path = tmp_path / "crm.csv"
    path.write_bytes(_dealers(30, bad_at=7, encoding="gbk", bad=b"\x80"))  # no GB18030 byte sequence
    lines = list(read_url_file(path))
    assert [row.line for row in lines if row.warning] == [7] and "not valid GB18030" in lines[5].warning
    assert lines[0].name == "深圳恒安0安防科技有限公司"
