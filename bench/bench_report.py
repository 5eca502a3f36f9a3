"""Time and peak memory of the feedback report (prints, asserts nothing).

    python bench/bench_report.py

Cases, each in its own process so peak RSS is its own:
- demo: the demo group (4 schools, 随州 rubric, 4 small photos);
- large: 7 schools, every indicator scored per school where the rubric allows
  (安康 rubric when present, else 随州), 40 photos of 12 MP;
- floor: a bare reportlab document with as many pages of plain text as the
  large report, to show what reportlab itself costs.
Goal printed beside each: under 2 s and 300 MB.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_S, GOAL_MB = 2.0, 300

CASE = textwrap.dedent(r"""
    import json, resource, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    case, tmp = sys.argv[2], Path(sys.argv[3])

    def rss_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def photos(n, size, tag):
        import numpy as np
        from PIL import Image
        out = []
        h, w = size[1], size[0]
        y, x = np.mgrid[0:h, 0:w].astype(np.float32)
        base = np.stack([128 + 100 * np.sin(x / 300) * np.cos(y / 400), 128 + 90 * np.cos((x + y) / 500),
                         100 + 80 * np.sin(y / 250)], -1)
        rng = np.random.default_rng(0)
        noise = rng.normal(0, 10, (h, w, 3)).astype(np.float32)
        for i in range(n):
            path = tmp / f"{tag}{i}.jpg"
            pixels = np.clip(base + np.roll(noise, i * 97, axis=1) + i, 0, 255).astype("uint8")
            Image.fromarray(pixels).save(path, "JPEG", quality=88)
            out.append(path)
        return out

    if case == "photos":  # made in a process of their own, so the report's peak is its own
        photos(4, (1600, 1200), "d")
        photos(40, (4000, 3000), "L")
        sys.exit(0)

    def made(tag, n):
        return [tmp / f"{tag}{i}.jpg" for i in range(n)]

    if case == "floor":
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
        pages = int(sys.argv[4])
        before = rss_mb()
        start = time.perf_counter()
        style = getSampleStyleSheet()["Normal"]
        story = []
        for p in range(pages):
            story += [Paragraph(f"Page {p + 1} line {i} of plain text for the floor.", style) for i in range(40)]
            story.append(PageBreak())
        SimpleDocTemplate(str(tmp / "floor.pdf"), pagesize=A4).build(story)
        seconds = time.perf_counter() - start
        print(json.dumps({"seconds": seconds, "peak_mb": rss_mb(), "growth_mb": rss_mb() - before, "pages": pages}))
        sys.exit(0)

    from inspector_app.reports.feedback import render_feedback
    from inspector_app.reports.model import Photo, SchoolInfo
    from inspector_app.reports.sample import sample_report_data, score
    from inspector_app.reports.fonts import register_fonts

    if case == "demo":
        data = sample_report_data(made("d", 4))
    else:
        from inspector_app.paths import shipped_rubrics_dir
        from inspector_app.rubric.loader import load_rubric
        from inspector_app.rubric.rules import Field
        data = sample_report_data()
        ankang = shipped_rubrics_dir() / "ankang-2022.yaml"
        rubric = load_rubric(ankang) if ankang.exists() else data.rubric
        schools = [SchoolInfo("s0", "安康市第一中学（核心校）", "lead", "高中")] + [
            SchoolInfo(f"s{i}", f"安康市第一中学第{'二三四五六七'[i - 1]}校区", "member", "初中") for i in range(1, 7)]

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
                       for i, p in enumerate(made("L", 40))]
    register_fonts()  # once per process, as in the app; timed separately below
    before = rss_mb()
    start = time.perf_counter()
    pages = render_feedback(data, tmp / f"{case}.pdf")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": rss_mb(), "growth_mb": rss_mb() - before, "pages": pages,
                      "bytes": (tmp / f"{case}.pdf").stat().st_size, "rubric": data.rubric.id,
                      "per_school": sum(1 for i in data.rubric.indicators if i.scope.per_school)}))
""")

FONTS = textwrap.dedent(r"""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    start = time.perf_counter()
    from inspector_app.reports.fonts import register_fonts
    register_fonts()
    print(time.perf_counter() - start)
""")


def run(case: str, tmp: str, *extra: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", CASE, str(ROOT), case, tmp, *extra], capture_output=True, text=True)
    if proc.returncode or not proc.stdout.strip():
        print(proc.stderr, file=sys.stderr)
        raise SystemExit(f"case {case} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fonts = float(subprocess.run([sys.executable, "-c", FONTS, str(ROOT)], capture_output=True, text=True,
                                     check=True).stdout)
        print(f"font loading (once per process): {fonts:.2f} s")
        subprocess.run([sys.executable, "-c", CASE, str(ROOT), "photos", tmp], check=True)
        results = {"demo": run("demo", tmp), "large": run("large", tmp)}
        results["floor"] = run("floor", tmp, str(results["large"]["pages"]))
        print(f"{'case':<8}{'pages':>6}{'seconds':>9}{'peak MB':>9}{'growth MB':>11}   goal: < {GOAL_S:g} s, < {GOAL_MB} MB")
        for case, r in results.items():
            ok = "ok" if r["seconds"] < GOAL_S and r["peak_mb"] < GOAL_MB else "over"
            print(f"{case:<8}{r['pages']:>6}{r['seconds']:>9.2f}{r['peak_mb']:>9.0f}{r['growth_mb']:>11.0f}   {ok}")
        large = results["large"]
        print(f"large: rubric {large['rubric']}, {large['per_school']} per-school indicators, 7 schools, "
              f"40 photos of 12 MP, {large['bytes'] / 1e6:.1f} MB PDF")


if __name__ == "__main__":
    main()
