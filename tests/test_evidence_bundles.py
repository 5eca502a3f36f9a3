"""Evidence files and photo markup travel in bundles with the photos' checks: each file hashed again as it
leaves (a missing or changed one named, the bundle exportable once it is removed), files.json type-checked
on the way in, the same bytes stored by hash on the other laptop; in the report a photo's markup is drawn
over a copy while the original keeps its hash, evidence files are listed, and 选入报告 decides the photos."""
from __future__ import annotations

import hashlib
import io
import json
import subprocess

import pytest
from PIL import Image

from inspector_app.bundles import schema
from inspector_app.bundles.canonical import BundleError
from inspector_app.bundles.export import export_expert, export_panel
from inspector_app.bundles.keys import KeyStore
from inspector_app.bundles.merge import merge_file
from inspector_app.reports.feedback import render_feedback
from inspector_app.reports.from_store import report_data
from inspector_app.reports.pdf_photos import downscaled_jpeg
from inspector_app.store import entries as E
from inspector_app.store import evidence_records as ER
from inspector_app.store import photo_markup as M
from inspector_app.store import photo_records as PR
from inspector_app.store.db import StoreError
from tests.pdf_checks import pdftotext
from tests.test_evidence_files import M4A, PDF
from tests.test_merge_photos import machine, photo

MARKS = [{"kind": "ellipse", "x0": 0.1, "y0": 0.1, "x1": 0.5, "y1": 0.5},
         {"kind": "arrow", "x0": 0.9, "y0": 0.9, "x1": 0.6, "y1": 0.6}, {"kind": "text", "x": 0.05, "y": 0.8,
                                                                         "text": "消防通道堵塞"}]


def _member_with_evidence(tmp_path, keys, issuer=""):
    x1, _, plan, rubric, group = machine(tmp_path, "x1", keys, issuer)
    (tmp_path / "in").mkdir()
    pdf, m4a, jpg = tmp_path / "in" / "学校章程.pdf", tmp_path / "in" / "校长访谈.m4a", tmp_path / "in" / "IMG_1.jpg"
    pdf.write_bytes(PDF)
    m4a.write_bytes(M4A)
    jpg.write_bytes(photo(1))
    E.set_entry(x1, plan, rubric, group, "e1", E.GROUP, "C3", inputs={"principals.met": True})
    files = ER.add_files(x1, plan, group, "e1", E.GROUP, "C3", [pdf, m4a]).added
    [shot] = PR.add_photos(x1, plan, group, "e1", E.GROUP, "C3", [jpg]).added
    PR.set_markup(x1, shot.id, json.dumps(MARKS, ensure_ascii=False), "e1")
    return x1, plan, group, files, shot


def test_evidence_and_markup_from_one_laptop_to_another_and_on_to_the_bureau(tmp_path):
    x1_keys, lead_keys = KeyStore(tmp_path / "x1"), KeyStore(tmp_path / "lead")
    keys = {"e0": lead_keys, "e1": x1_keys}
    issuer = KeyStore(tmp_path / "bureau").own_key().key_id  # the bureau issued the plan
    x1, plan, group, files, shot = _member_with_evidence(tmp_path, keys, issuer)
    lead, _, _, _, lead_group = machine(tmp_path, "lead", keys, issuer)
    bureau, bureau_keys, _, _, bureau_group = machine(tmp_path, "bureau", keys, issuer)
    lead_keys.trust(x1_keys.own_key().public_key, "专家甲")
    for ks in (x1_keys, lead_keys):
        bureau_keys.trust(ks.own_key().public_key, "专家")
    bundle = export_expert(x1, x1_keys, plan, group, "e1", tmp_path / "usb").path
    outcome = merge_file(lead, lead_keys, bundle)
    assert outcome.status == "merged" and "2 份佐证文件" in outcome.message, outcome
    merged = ER.list_files(lead, plan.id, lead_group.id)
    assert [(f.name, f.sha256, f.kind, f.indicator) for f in merged] == [(f.name, f.sha256, f.kind, f.indicator)
                                                                         for f in files]
    for f in merged:  # the same bytes, stored by their hash
        assert ER.file_path(lead, f).read_bytes() == ER.file_path(x1, next(g for g in files if g.name == f.name)).read_bytes()
    [arrived] = PR.list_photos(lead, plan.id, lead_group.id)
    assert (arrived.name, arrived.sha256, M.parse(arrived.markup)) == ("IMG_1.jpg", shot.sha256, M.parse(MARKS))
    assert merge_file(lead, lead_keys, bundle).status == "already"
    # The panel bundle carries the member's bundle as it was signed: the files reach the bureau too.
    panel = export_panel(lead, lead_keys, plan, lead_group, "e0", tmp_path / "usb").path
    at = merge_file(bureau, bureau_keys, panel)
    assert at.status == "merged", at
    at_bureau = ER.list_files(bureau, plan.id, bureau_group.id)
    assert sorted(f.sha256 for f in at_bureau) == sorted(hashlib.sha256(d).hexdigest() for d in (PDF, M4A))
    assert all(ER.file_problem(bureau, f) is None for f in at_bureau)
    for s in (x1, lead, bureau):
        s.close()


def test_a_changed_evidence_file_is_named_and_removing_it_lets_the_bundle_go(tmp_path):
    x1_keys = KeyStore(tmp_path / "x1")
    x1, plan, group, files, _shot = _member_with_evidence(tmp_path, {"e1": x1_keys})
    pdf = next(f for f in files if f.name == "学校章程.pdf")
    (x1.photos_dir / pdf.stored).write_bytes(PDF.replace(b"Catalog", b"Katalog"))
    with pytest.raises(BundleError, match="学校章程.pdf.*已被改动"):
        export_expert(x1, x1_keys, plan, group, "e1", tmp_path / "usb")
    (x1.photos_dir / pdf.stored).unlink()
    with pytest.raises(StoreError, match="学校章程.pdf.*缺失"):
        export_expert(x1, x1_keys, plan, group, "e1", tmp_path / "usb")
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").glob("*.zip"))
    ER.remove_file(x1, pdf.id, "e1")
    result = export_expert(x1, x1_keys, plan, group, "e1", tmp_path / "usb")
    lead, lead_keys, _, _, lead_group = machine(tmp_path, "lead", {"e1": x1_keys})
    lead_keys.trust(x1_keys.own_key().public_key, "专家甲")
    assert merge_file(lead, lead_keys, result.path).status == "merged"
    assert [f.name for f in ER.list_files(lead, plan.id, lead_group.id)] == ["校长访谈.m4a"]
    x1.close(), lead.close()


@pytest.mark.parametrize("row,said", [
    ({"file": "files/a.pdf", "sha256": "zz", "name": "a.pdf", "indicator": "C3"}, "校验值"),
    ({"file": "files/a.pdf", "sha256": "ab", "name": "a.pdf", "indicator": "C3", "size": "12"}, "大小"),
    ({"file": "files/a.pdf", "sha256": "ab", "name": "a.pdf", "indicator": "C3", "kind": "video"}, "document"),
    ({"file": "files/a.pdf", "sha256": "ab", "indicator": "C3"}, "缺少 name"),
])
def test_files_json_is_type_checked_field_by_field(row, said):
    with pytest.raises(BundleError, match=said):
        schema.check("expert", "files.json", [row])


def test_markup_is_drawn_on_the_report_copy_and_the_original_is_untouched(tmp_path):
    x1_keys = KeyStore(tmp_path / "x1")
    x1, plan, group, _files, shot = _member_with_evidence(tmp_path, {"e1": x1_keys})
    original = PR.file_path(x1, shot)
    before = original.read_bytes()
    data = report_data(x1, plan, group)
    [printed] = data.photos
    assert printed.sha256 == shot.sha256 and M.parse(printed.markup) == M.parse(MARKS)
    plain, marked = (Image.open(io.BytesIO(downscaled_jpeg(original, markup=m))).convert("RGB")
                     for m in ("", printed.markup))
    # the ellipse's left edge at x = 0.1, halfway down its height (y = 0.3): red on the marked copy only
    x, y = int(0.1 * plain.width) + 1, int(0.3 * plain.height)
    r, g, b = marked.getpixel((x, y))
    assert r > 180 and g < 90 and b < 90, (r, g, b)
    assert plain.getpixel((x, y)) != marked.getpixel((x, y))
    render_feedback(data, tmp_path / "report.pdf")
    text = pdftotext(tmp_path / "report.pdf")
    assert shot.sha256[:16] in "".join(text.split()) and "原图SHA-256" in "".join(text.split())
    assert "附：佐证材料清单" in text and "学校章程.pdf" in text and "录音（M4A）" in text
    assert original.read_bytes() == before and hashlib.sha256(before).hexdigest() == shot.sha256
    x1.close()


def _images(pdf) -> int:
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return len(listed.strip().splitlines()) - 2


def test_the_report_toggle_takes_a_photo_out_of_the_pdf(tmp_path):
    x1_keys = KeyStore(tmp_path / "x1")
    x1, plan, group, _files, shot = _member_with_evidence(tmp_path, {"e1": x1_keys})
    assert shot.chosen  # a new photo goes into the report by default
    render_feedback(report_data(x1, plan, group), tmp_path / "with.pdf")
    PR.set_chosen(x1, shot.id, False, "e1")
    render_feedback(report_data(x1, plan, group), tmp_path / "without.pdf")
    assert _images(tmp_path / "with.pdf") == _images(tmp_path / "without.pdf") + 1
    assert "附：现场照片" in pdftotext(tmp_path / "with.pdf")
    assert "附：现场照片" not in pdftotext(tmp_path / "without.pdf")
    x1.close()


def test_bad_markup_is_refused_in_words(tmp_path):
    x1_keys = KeyStore(tmp_path / "x1")
    x1, _plan, _group, _files, shot = _member_with_evidence(tmp_path, {"e1": x1_keys})
    for bad, said in (("[{\"kind\": \"star\"}]", "kind"), ("[{\"kind\": \"text\", \"x\": 2, \"y\": 0}]", "0 到 1"),
                      ("not json", "JSON"), ("[{\"kind\": \"ellipse\", \"x0\": NaN}]", "NaN")):
        with pytest.raises(StoreError, match=said):
            PR.set_markup(x1, shot.id, bad, "e1")
    assert M.parse(PR.get_photo(x1, shot.id).markup) == M.parse(MARKS)
    x1.close()


def _folder(store) -> list[tuple[str, bytes]]:
    """Every path under the evidence folder (folders included) with its bytes."""
    root = store.photos_dir
    return sorted((str(p.relative_to(root)), p.read_bytes() if p.is_file() else b"")
                  for p in root.rglob("*")) if root.exists() else []


def _db(store) -> str:
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256((store.data_dir / "inspector.db").read_bytes()).hexdigest()


def test_a_bundle_refused_late_leaves_the_evidence_folder_and_the_database_as_they_were(tmp_path):
    from tests.test_review_fixes import resign
    x1_keys, lead_keys = KeyStore(tmp_path / "x1"), KeyStore(tmp_path / "lead")
    keys = {"e1": x1_keys}
    x1, plan, group, files, _shot = _member_with_evidence(tmp_path, keys)
    lead, _, _, _, lead_group = machine(tmp_path, "lead", keys)
    lead_keys.trust(x1_keys.own_key().public_key, "专家甲")
    bundle = export_expert(x1, x1_keys, plan, group, "e1", tmp_path / "usb").path
    # Another bundle under the same signer and sequence number, without the evidence files, merged first.
    twin = resign(bundle, x1_keys, tmp_path / "twin", {"files.json": []})
    assert merge_file(lead, lead_keys, twin).status == "merged"
    folder, db = _folder(lead), _db(lead)
    assert not any(name.startswith("files/") for name, _ in folder)
    # Its files pass every check and are stored by hash; then the claim in the transaction finds the twin.
    outcome = merge_file(lead, lead_keys, bundle)
    assert outcome.status == "conflict", outcome
    assert _folder(lead) == folder and _db(lead) == db
    # A file that was there before the refused merge stays: the PDF added on this laptop first.
    pdf = tmp_path / "in" / "学校章程.pdf"
    [own] = ER.add_files(lead, plan, lead_group, "e0", E.GROUP, "C3", [pdf]).added
    folder, db = _folder(lead), _db(lead)
    assert merge_file(lead, lead_keys, bundle).status == "conflict"
    assert _folder(lead) == folder and _db(lead) == db and ER.file_problem(lead, own) is None
    x1.close(), lead.close()


def test_the_word_report_embeds_the_chosen_photos_marked_up_as_the_pdf_with_captions(tmp_path):
    from docx import Document
    from inspector_app.reports.word_report import write_feedback_docx
    x1_keys = KeyStore(tmp_path / "x1")
    x1, plan, group, _files, shot = _member_with_evidence(tmp_path, {"e1": x1_keys})
    (tmp_path / "in" / "IMG_2.jpg").write_bytes(photo(2))
    (tmp_path / "in" / "IMG_3.jpg").write_bytes(photo(3))
    second, third = PR.add_photos(x1, plan, group, "e1", E.GROUP, "C3", [tmp_path / "in" / "IMG_2.jpg",
                                                                          tmp_path / "in" / "IMG_3.jpg"]).added
    PR.set_caption(x1, second.id, "会议记录本", "e1")
    PR.set_chosen(x1, third.id, False, "e1")  # taken out of the report: in neither document
    data = report_data(x1, plan, group)
    assert [p.sha256 for p in data.photos] == [shot.sha256, second.sha256]
    render_feedback(data, tmp_path / "report.pdf")
    out = write_feedback_docx(data, tmp_path / "report.docx")
    doc = Document(str(out))
    assert len(doc.inline_shapes) == len(data.photos) == _images(tmp_path / "report.pdf")
    # Each picture is the report's copy: upright, downscaled, the markup painted on it as in the PDF.
    blobs = [doc.part.related_parts[s._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
             for s in doc.inline_shapes]
    assert blobs == [downscaled_jpeg(p.path, markup=p.markup) for p in data.photos]
    assert blobs[0] != downscaled_jpeg(data.photos[0].path)  # the marked-up one differs from the plain copy
    text = [p.text for p in doc.paragraphs]
    assert "附：现场照片" in text
    captions = [t for t in text if t.startswith(("1. ", "2. "))]
    assert captions[0].startswith("1. C3") and shot.sha256[:16] in captions[0] and "标注" in captions[0]
    assert captions[1].startswith("2. C3") and "会议记录本" in captions[1] and "标注" not in captions[1]
    x1.close()
