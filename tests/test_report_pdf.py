"""The printed reports: figures as the engine computed them, fonts embedded, every page renders."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.numbers import fmt_points
from tests.pdf_checks import assert_official
from inspector_app.reports.feedback import render_feedback
from inspector_app.reports.model import ExpertSheet, Findings, PanelMember, Photo, ReportData
from inspector_app.scoring.school import School
from inspector_app.reports.pdf_photos import downscaled_jpeg, photo_size
from inspector_app.reports.pdf_render import ReportCancelled
from inspector_app.reports.score_sheet import render_score_sheet
from inspector_app.paths import shipped_rubrics_dir
from inspector_app.rubric.loader import load_rubric
from inspector_app.scoring.engine import Scorer

ROOT = Path(__file__).resolve().parents[1]
GROUP = "中卫市第四中学教育集团"
SCHOOLS = [
    School("zs", "中卫市第四中学总校", "lead", "初中"),
    School("zl", "镇罗校区", "member", "九年一贯制"),
    School("gt", "郭滩校区", "member", "小学"),
    School("gy", "观音校区", "member", "小学"),
]
ANSWERS = {
    "C1": {"charter.missing": 2, "unity.met": True, "morale.met": True, "parents.value": "58", "party.met": True},
    "C2": {"plans.group_missing": 1, "plans.member_missing": 0, "included.met": True},
    "C3": {"meetings.gate": True, "meetings.fewer": 0, "principals.met": False},
    "C4": {"measures.met": True, "systems.exchange": True, "systems.incentive": True},
    "C5": {"ratio.value": "12.5", "cycle.value": "80"},
    "C6": {"met": True}, "C7": {"met": False}, "C8": {"met": True}, "C9": {"met": True},
    "C10": {"activities": 2, "no_visits": 1},
    "C11": {"research.met": True, "project.met": True},
    "C12": {"met": True}, "C13": {"met": True},
    "C14": {"brand.met": True, "activities.met": False},
    "C15": {"provincial": 0, "city": 3},
    "C16": {"national": 0, "provincial": 1, "city": 1},
    "C17": {"national": 0, "provincial": 0, "city": 1},
    "C18": {"national": 0, "provincial": 2, "city": 0},
    "C19": {"national": 1, "provincial": 1, "city": 2},
    "C21": {"level": "市级"}, "C22": {"level": "无"}, "C23": {"level": "省级"},
}
C20 = {"zs": "93.4", "zl": "88", "gt": "86.5", "gy": "91"}


def _photo(path: Path, size=(640, 480), orientation: int | None = None, shade: int = 0) -> Path:
    image = Image.new("RGB", size, (40 + shade % 200, 110, 160))
    for x in range(0, size[0], 40):  # some detail, so every file differs
        image.paste((200, 180 - shade % 150, 60), (x, (x + shade) % size[1], x + 20, (x + shade) % size[1] + 20))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def build_data(tmp: Path, photos: int = 3, complete: bool = True) -> ReportData:
    rubric = load_rubric(shipped_rubrics_dir() / "suizhou-2022.yaml")
    scorer = Scorer(rubric, SCHOOLS, "共建型")
    for code, answer in ANSWERS.items():
        if complete or code != "C12":
            scorer.set_answer(code, answer)
    for school, value in C20.items():
        scorer.set_answer("C20", {"value": value}, school=school)
    card = scorer.card()
    shots = [Photo(_photo(tmp / f"p{i}.jpg", orientation=6 if i == 0 else None, shade=i), f"照片说明 {i}",
                   "C6", SCHOOLS[i % 4].id) for i in range(photos)]
    data = ReportData(
        plan_title="宁夏中卫市 2023—2024 学年集团化办学督导考核", school_year="2023—2024学年", stage="初评",
        date=dt.date(2024, 9, 26), group_name=GROUP, group_type="共建型", schools=list(SCHOOLS),
        panel=[PanelMember("马文华", "lead", "松柏 渡口 晴朗 · 3F9A-62C1"), PanelMember("杨丽", "member", "石桥 灯塔 · 8B07")],
        rubric=rubric, card=card,
        findings=Findings("紧缺学科教师走教安排完整。\n统一开展学业水平监测。", "交流教师比例偏低。",
                          "提高交流教师比例，规范例会记录。"),
        reasons={"C7": "未见将交流任教经历作为职称申报必要条件的文件。", "C1": "缺少两项管理制度；家长满意度 58%。"},
        last_year_areas={"A1": Decimal("70"), "A2": Decimal("65"), "A3": Decimal("80"), "A4": Decimal("40"),
                         "A5": Decimal("88")},
        self_points={"C1": Decimal(5), "C7": Decimal(5), "C10": Decimal(4), "C20": Decimal("9.5")},
        photos=shots, demo=False)
    data.experts = [ExpertSheet("杨丽", "石桥 灯塔 · 8B07", "member",
                                points={"C1": Decimal("2.5"), "C7": Decimal(0), "C20": Decimal("9")},
                                school_points={"C20": {"zs": Decimal("9.34"), "zl": Decimal("8.8")}},
                                notes={"C7": "未执行。"})]
    return data


def pdftotext(path: Path, layout: bool = False) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def assert_fonts_embedded(path: Path) -> None:
    rows = fonts(path)
    assert rows, "no fonts listed"
    for row in rows:
        name, emb = row[0], row[-5]
        assert emb == "yes", f"font {name} not embedded"
        assert "STSong" not in name and "Helvetica" not in name
    assert any("DroidSansFallback" in r[0] for r in rows)


def assert_pages_render(path: Path, pages: int, out: Path) -> None:
    out.mkdir(exist_ok=True)
    proc = subprocess.run(["pdftoppm", "-png", "-r", "50", str(path), str(out / "p")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "rror" not in proc.stderr, proc.stderr
    assert len(list(out.glob("p-*.png"))) == pages


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    data = build_data(tmp)
    calls = []
    pdf = tmp / "反馈报告.pdf"
    pages = render_feedback(data, pdf, progress=lambda done, total: calls.append((done, total)))
    sheet = tmp / "评分表.pdf"
    sheet_pages = render_score_sheet(data, data.experts[0], sheet)
    return data, pdf, pages, sheet, sheet_pages, calls, tmp


def test_feedback_shows_the_engines_figures(rendered):
    data, pdf, pages, *_ = rendered
    card = data.card
    text = pdftotext(pdf)
    flat = squeeze(text)
    assert card.complete
    assert squeeze(fmt_points(card.total)) in flat
    assert card.grade and card.grade in text
    layout = pdftotext(pdf, layout=True)
    for area in card.areas:
        line = next(ln for ln in layout.splitlines() if f"{area.code} {area.title}" in ln)
        numbers = re.findall(r"\d+(?:\.\d+)?%?", line.split(area.title, 1)[1])
        assert numbers[:2] == [fmt_points(area.max), fmt_points(area.points)], line
    total_line = next(ln for ln in layout.splitlines() if ln.strip().startswith("总分") and "110" in ln)
    assert fmt_points(card.total) in total_line
    assert GROUP in flat
    for school in SCHOOLS:
        assert squeeze(school.name) in flat
    assert f"第1页共{pages}页" in flat and f"第{pages}页共{pages}页" in flat
    # every indicator below its maximum is explained, with the panel's reason
    for code in ("C1", "C3", "C5", "C7", "C10", "C14"):
        assert card.indicators[code].points < card.indicators[code].max
        assert code in text
    assert squeeze(data.reasons["C7"]) not in flat  # the panel's reasons are in the 合议记录, not the unit's report
    assert "考核组意见" in text and "交流教师比例偏低" in text
    assert "演示" not in text  # not demo data
    assert "石桥灯塔·8B07" not in flat  # fingerprints are for the panel's own record


def test_feedback_fonts_embedded_and_pages_render(rendered):
    _, pdf, pages, sheet, _, calls, tmp = rendered
    assert_fonts_embedded(pdf)
    assert_official(pdf)
    assert_official(sheet)
    assert_pages_render(pdf, pages, tmp / "png-feedback")
    assert calls and calls[-1][0] == calls[-1][1]


def test_score_sheet(rendered):
    data, _, _, sheet, sheet_pages, _, tmp = rendered
    flat = squeeze(pdftotext(sheet))
    assert "评分表" in flat and "杨丽" in flat and GROUP in flat
    for heading in ("指标", "考核要点", "分值", "评分标准", "得分", "扣分说明"):
        assert heading in flat
    for area in data.rubric.areas:
        assert f"{area.code}小计" in flat
    assert "评分专家（签名）" in flat
    assert f"第1页共{sheet_pages}页" in flat
    assert_fonts_embedded(sheet)
    assert_pages_render(sheet, sheet_pages, tmp / "png-sheet")


def test_incomplete_card_is_flagged_and_demo_marked(tmp_path):
    data = build_data(tmp_path, photos=0, complete=False)
    data.demo = True
    data.photos.append(Photo(tmp_path / "missing.jpg", "不存在的照片"))
    pdf = tmp_path / "r.pdf"
    pages = render_feedback(data, pdf)
    flat = squeeze(pdftotext(pdf))
    assert "尚有1项指标未完成评分（C12）" in flat
    assert flat.count("演示数据，不作为考核结果") == pages
    assert "照片文件不存在" in flat


def test_cancelled_report_leaves_nothing(tmp_path):
    data = build_data(tmp_path, photos=2)
    dest = tmp_path / "out" / "report.pdf"
    checks = {"n": 0}

    def cancelled():
        checks["n"] += 1
        return checks["n"] > 5

    with pytest.raises(ReportCancelled):
        render_feedback(data, dest, cancelled=cancelled)
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []


def test_cancel_keeps_an_older_report(tmp_path):
    data = build_data(tmp_path, photos=0)
    dest = tmp_path / "report.pdf"
    dest.write_bytes(b"old")
    with pytest.raises(ReportCancelled):
        render_feedback(data, dest, cancelled=lambda: True)
    assert dest.read_bytes() == b"old"


def test_photo_orientation_and_downscale(tmp_path):
    path = _photo(tmp_path / "turned.jpg", size=(2400, 1200), orientation=6)
    assert photo_size(path) == (1200, 2400)
    with Image.open(__import__("io").BytesIO(downscaled_jpeg(path))) as small:
        assert small.size == (600, 1200)


MEMORY_SCRIPT = textwrap.dedent("""
    import json, resource, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from tests.test_report_pdf import build_data
    from inspector_app.reports.feedback import render_feedback
    tmp = Path(sys.argv[2])
    data = build_data(tmp, photos=100)
    # the photos are 3000 x 2000: big enough that keeping them decoded would show
    from PIL import Image
    for i, photo in enumerate(data.photos):
        Image.open(photo.path).resize((3000, 2000)).save(photo.path, "JPEG", quality=70)
    import time
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    pages = render_feedback(data, tmp / "big.pdf")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"pages": pages, "growth_mb": (after - before) / 1024, "seconds": seconds}))
""")


def test_hundred_photos_stay_within_memory(tmp_path):
    proc = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(ROOT), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["pages"] >= 15  # 50 rows of two photos, three or four rows a page
    # 100 decoded 6 MP photos would need well over 1.5 GB; one at a time stays small
    assert result["growth_mb"] < 250, result
    assert (tmp_path / "big.pdf").stat().st_size > 100 * 20_000
