"""The manual: three roles' chapters in Chinese, every picture taken by docs/manual/shots.py and
present, and a PDF built from them with its fonts embedded."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MANUAL = Path(__file__).resolve().parent.parent / "docs" / "manual"
sys.path.insert(0, str(MANUAL))
build_manual = pytest.importorskip("build_manual")


def pictures() -> list[tuple[str, str]]:
    return [(name, src) for name in build_manual.CHAPTERS
            for src in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", (MANUAL / name).read_text(encoding="utf-8"))
            for name in [name]]


def test_each_role_has_its_chapter():
    text = {name: (MANUAL / name).read_text(encoding="utf-8") for name in build_manual.CHAPTERS}
    assert "专家" in text["expert.md"].splitlines()[0]
    for word in ("合并", "合议", "定稿", "反馈报告", "反馈会"):
        assert word in text["lead.md"], word
    for word in ("指标体系", "考核计划", "计划包", "结果", "整改"):
        assert word in text["bureau.md"], word


def test_every_picture_is_one_the_screenshot_script_takes():
    script = (MANUAL / "shots.py").read_text(encoding="utf-8")
    taken = set(re.findall(r'(?:step|shot)\("([a-z]+)"', script))
    for chapter, src in pictures():
        name = Path(src).stem
        assert name in taken, f"{chapter}: {src} is not taken by shots.py"
        assert (MANUAL / src).is_file(), f"{chapter}: {src} missing (run python3 docs/manual/shots.py)"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_the_pdf_embeds_its_fonts_and_holds_every_chapter(tmp_path):
    out = build_manual.build(tmp_path / "manual.pdf")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), "\n".join(fonts)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for heading in ("第一章 专家", "第二章 专家组组长", "第三章 教育局", "Inspector"):
        assert heading in text
