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
