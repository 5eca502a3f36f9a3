"""The feedback report with 200 camera-like photos, beside its floor (prints, asserts nothing).

    python bench/bench_report.py [--photos 200] [--rounds 3]

Each run in its own process, so its peak resident memory is its own; report and floor alternate:
- report: 7 schools on the 000 rubric (every indicator scored per school), the panel's findings
  and `--photos` camera-like photos (1920×1440 JPEGs with sensor-like noise, ~290 kB each, from
  `bench/generate.py`), rendered by `render_feedback`;
- floor: the same work by reportlab and Pillow alone: as many pages of text in the same Chinese
  font (registered the same way), and each of the same photos decoded at the same reduced scale,
  downscaled to the same size, encoded and drawn on a page.
Goal: report ≤ 1.5× the floor, peak under 300 MB.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
GOAL_RATIO, GOAL_MB = 1.5, 300

CASE = textwrap.dedent(r"""
    import json, resource, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    case, tmp, photo_dir = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
    paths = sorted(photo_dir.glob("IMG_*.jpg"))

    def rss_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from inspector_app.typeset.fonts import SONG, register_fonts

    if case == "floor":
        import io, math
        from PIL import Image
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate
        from inspector_app.reports.pdf_photos import PHOTO_DRAFT_FLOOR, PHOTO_MAX_PX
        pages = max(1, int(sys.argv[5]) - math.ceil(len(paths) / 4))  # the photos fill about 4 a page
        before = rss_mb()
        start = time.perf_counter()
        register_fonts()

        class Shot(Flowable):
            def __init__(self, path):
                super().__init__()
                self.path, self.width, self.height = path, 240, 180

            def draw(self):
                with Image.open(self.path) as im:
                    scale = PHOTO_MAX_PX * PHOTO_DRAFT_FLOOR / max(im.size)
                    if scale < 1:
                        im.draft("RGB", (math.ceil(im.size[0] * scale), math.ceil(im.size[1] * scale)))
                    im.load()
                    im.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX))
                    out = tmp / "floor-photo.jpg"
                    im.save(out, "JPEG", quality=82)
                self.canv.drawImage(str(out), 0, 0, self.width, self.height)

        style = ParagraphStyle("s", fontName=SONG, fontSize=10.5, leading=16, wordWrap="CJK")
        text = "考核组查阅资料、实地察看、访谈师生，按指标体系逐项评分，并写明计分过程与依据。" * 2
        story = []
        for p in range(pages):
            story += [Paragraph(text, style) for i in range(12)]
            story.append(PageBreak())
        story += [Shot(path) for path in paths]
        SimpleDocTemplate(str(tmp / "floor.pdf"), pagesize=A4).build(story)
        seconds = time.perf_counter() - start
        print(json.dumps({"seconds": seconds, "peak_mb": rss_mb(), "growth_mb": rss_mb() - before, "pages": pages}))
        sys.exit(0)

    from inspector_app.reports.feedback import render_feedback
    from inspector_app.reports.model import Photo, School
    from inspector_app.reports.sample import sample_report_data, score
    from inspector_app.typeset.fonts import register_fonts

    if case == "report":
        from inspector_app.paths import shipped_rubrics_dir
        from inspector_app.rubric.loader import load_rubric
        from inspector_app.rubric.rules import Field
        data = sample_report_data()
        ankang = shipped_rubrics_dir() / "ankang-2022.yaml"
        rubric = load_rubric(ankang) if ankang.exists() else data.rubric
        schools = [School("s0", "安康市第一中学（核心校）", "lead", "高中")] + [
            School(f"s{i}", f"安康市第一中学第{'二三四五六七'[i - 1]}校区", "member", "初中") for i in range(1, 7)]

        def answer(ind, k):
            values = {}
            for f in ind.rule.fields():
                if f.kind == "bool":
                    values[f.key] = (k + len(f.key)) % 4 != 0
                elif f.kind == "count":
                    values[f.key] = (k + len(f.key)) % 3 if f.maximum is None or f.maximum >= 2 else 0
                elif f.kind == "number":
                    top = float(f.maximum) if f.maximum is not None else 100.0
                    values[f.key] = str(round(top * (0.55 + 0.07 * ((k + len(f.key)) % 6)), 1))
                elif f.kind == "choice":
                    values[f.key] = f.choices[k % len(f.choices)]
                else:
                    values[f.key] = "考核组根据现场查阅资料和访谈情况评定。"
            return values

        answers = {}
        for n, ind in enumerate(rubric.indicators):
            if ind.scope.per_school:
                answers[ind.code] = {s.id: answer(ind, n + j) for j, s in enumerate(schools)}
            else:
                answers[ind.code] = answer(ind, n)
        group_type = rubric.group_types[0] if rubric.group_types else None
        card = score(rubric, schools, answers, group_type).card()
        data.rubric, data.card, data.schools, data.group_type = rubric, card, schools, group_type
        data.group_name = "安康市第一中学教育集团"
        data.last_year_areas = {a.code: 75 for a in rubric.areas}
        data.self_areas = None
        data.self_points = {ind.code: ind.points for ind in rubric.indicators}
        data.reasons = {ind.code: "查阅资料和实地察看发现的问题，详见计分过程。" for ind in rubric.indicators}
        data.photos = [Photo(p, "现场照片", rubric.indicators[i % len(rubric.indicators)].code, schools[i % 7].id)
                       for i, p in enumerate(paths)]
    before = rss_mb()
    start = time.perf_counter()
    register_fonts()  # once per process, as in the app (and in the floor)
    pages = render_feedback(data, tmp / f"{case}.pdf")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": rss_mb(), "growth_mb": rss_mb() - before, "pages": pages,
                      "bytes": (tmp / f"{case}.pdf").stat().st_size, "rubric": data.rubric.id,
                      "per_school": sum(1 for i in data.rubric.indicators if i.scope.per_school)}))
""")

def run(case: str, tmp: str, photos: Path, *extra: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", CASE, str(ROOT), case, tmp, str(photos), *extra],
                          capture_output=True, text=True)
    if proc.returncode or not proc.stdout.strip():
        print(proc.stderr, file=sys.stderr)
        raise SystemExit(f"case {case} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    import generate as G
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    photos = G.ROOT / f"report-photos-{args.photos}"
    G.photos_for_report(args.photos, photos)
    size = sum(p.stat().st_size for p in photos.glob("IMG_*.jpg")) / args.photos / 1024
    with tempfile.TemporaryDirectory() as tmp:
        first = run("report", tmp, photos)  # warm-up: bytecode, font caches; gives the page count
        reports, floors = [], []
        for r in range(args.rounds):
            for case in (("floor", "report") if r % 2 == 0 else ("report", "floor")):
                if case == "floor":
                    floors.append(run("floor", tmp, photos, str(first["pages"])))
                else:
                    reports.append(run("report", tmp, photos))
        rs, fs = [r["seconds"] for r in reports], [f["seconds"] for f in floors]
        m, f = statistics.median(rs), statistics.median(fs)
        ratios = sorted(a / b for a, b in zip(rs, fs))
        print(f"report with {args.photos} camera-like photos (~{size:.0f} kB each), {first['pages']} pages, "
              f"{first['bytes'] / 1e6:.1f} MB PDF; rubric {first['rubric']}, {first['per_school']} per-school indicators")
        print(f"report median {m:.2f} s (range {min(rs):.2f}–{max(rs):.2f}), peak {max(r['peak_mb'] for r in reports):.0f} MB"
              f"   goal < {GOAL_MB} MB")
        print(f"floor  median {f:.2f} s (range {min(fs):.2f}–{max(fs):.2f}), peak {max(x['peak_mb'] for x in floors):.0f} MB")
        print(f"ratio  {m / f:.2f} (rounds {ratios[0]:.2f}–{ratios[-1]:.2f})   goal ≤ {GOAL_RATIO}")


if __name__ == "__main__":
    main()
