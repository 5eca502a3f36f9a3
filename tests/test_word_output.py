"""The unit's report, the 合议记录 and the 公示 as Word documents: named styles, East Asian faces, LibreOffice opens them."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import docx
import pytest

from inspector_app.cli.main import main
from inspector_app.store.db import open_store
from inspector_app.store.demo import make_demo
from tests.pdf_checks import assert_official, pdftotext

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice and poppler-utils are needed")


def test_word_documents_convert_with_libreoffice(data_dir, tmp_path):
    store = open_store(data_dir)
    make_demo(store)
    store.close()
    files = {"unit": tmp_path / "反馈报告.docx", "record": tmp_path / "合议记录.docx", "notice": tmp_path / "公示.docx"}
    assert main(["report", "--group", "g4", "--out", str(files["unit"])]) == 0
    assert main(["report", "--group", "g4", "--record", "--out", str(files["record"])]) == 0
    assert main(["results", "--out", str(tmp_path / "r.xlsx"), "--pdf", str(files["notice"])]) == 0
    for path in files.values():
        document = docx.Document(str(path))
        names = {p.style.name for p in document.paragraphs}
        assert {"公文标题", "正文"} <= names or {"公文标题", "一级标题"} <= names, names
        styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
        for face in ("黑体", "仿宋_GB2312", "宋体"):
            assert f'w:eastAsia="{face}"' in styles
        assert 'w:altName w:val="仿宋"' in zipfile.ZipFile(path).read("word/fontTable.xml").decode()
    profile = (tmp_path / "lo").resolve().as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf")] + [str(p) for p in files.values()],
                   check=True, capture_output=True, timeout=300)
    texts = {}
    for key, path in files.items():
        pdf = tmp_path / "pdf" / (path.stem + ".pdf")
        assert pdf.is_file(), key
        assert_official(pdf)
        texts[key] = re.sub(r"\s+", "", pdftotext(pdf))
    assert "现场反馈报告" in texts["unit"] and "整改要求" in texts["unit"] and "征求意见稿" in texts["unit"]
    assert not re.search(r"张明华（演示组长）[:：]?\d", texts["unit"])  # the panel is named, never beside a score
    assert "合议记录" in texts["record"] and "极差" in texts["record"]
    assert "结果的公示" in texts["notice"] and "（盖章）" in texts["notice"] and "沙坡头区教育局" in texts["notice"]
