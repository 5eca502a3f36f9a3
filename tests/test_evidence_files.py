"""Evidence files beyond photos: accepted by name and first bytes, stored by hash beside the photos, refused
with the file named (unknown type, too big, unreadable, a FIFO, a renamed text file)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from inspector_app.store import evidence_files as EF
from inspector_app.store import evidence_records as ER
from inspector_app.store import photo_storage
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.db import StoreError
from inspector_app.store.demo import make_demo

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42isom" + b"\x00" * 64
AMR = b"#!AMR\n" + b"\x3c" * 200
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 40


def put(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,data,kind", [("学校章程.pdf", PDF, "document"), ("访谈录音.m4a", M4A, "audio"),
                                            ("录音.AMR", AMR, "audio"), ("r.wav", WAV, "audio"),
                                            ("数据.csv", "学校,人数\n一中,1200\n".encode("gb18030"), "spreadsheet"),
                                            ("会议纪要.docx", b"PK\x03\x04" + b"\x00" * 60, "document")])
def test_accepted_files_are_stored_by_hash_as_they_came(tmp_path, name, data, kind):
    stored = EF.ingest_file(put(tmp_path, name, data), tmp_path / "ev")
    sha = hashlib.sha256(data).hexdigest()
    assert (stored.sha256, stored.kind, stored.name, stored.size) == (sha, kind, name, len(data))
    assert stored.stored == f"files/{sha[:2]}/{sha}.{Path(name).suffix.lower().lstrip('.')}"
    assert (tmp_path / "ev" / stored.stored).read_bytes() == data
    assert photo_storage.verify(tmp_path / "ev", sha, stored.stored)


def test_bad_files_are_refused_with_the_file_named_and_nothing_stored(tmp_path, monkeypatch):
    ev = tmp_path / "ev"
    cases = {"notes.txt": (b"hello", "unknown_type"), "假的.pdf": (b"just text, renamed", "damaged"),
             "空.mp3": (b"", "empty")}
    for name, (data, reason) in cases.items():
        with pytest.raises(EF.EvidenceError) as info:
            EF.ingest_file(put(tmp_path, name, data), ev)
        assert info.value.reason == reason and name in str(info.value)
    fifo = tmp_path / "管道.pdf"
    os.mkfifo(fifo)
    with pytest.raises(EF.EvidenceError, match="管道.pdf.*不是普通文件"):
        EF.ingest_file(fifo, ev)
    with pytest.raises(EF.EvidenceError, match="找不到文件“没有.pdf”"):
        EF.ingest_file(tmp_path / "没有.pdf", ev)
    monkeypatch.setattr(EF, "MAX_EVIDENCE_BYTES", 1000)
    with pytest.raises(EF.EvidenceError, match="大.pdf.*太大") as info:
        EF.ingest_file(put(tmp_path, "大.pdf", PDF + b" " * 2000), ev)
    assert info.value.reason == "too_large"
    assert not ev.exists() or not any(p.is_file() for p in ev.rglob("*"))


def test_records_attach_list_remove_restore_and_copy_out(store, tmp_path):
    make_demo(store)
    plan = P.find_plan(store, None)
    group = P.groups(store, plan.id)[0]
    me = EX.experts(store, plan.id)[0].id
    school = group.schools[0].id
    result = ER.add_files(store, plan, group, me, school, "C6",
                          [put(tmp_path, "章程.pdf", PDF), put(tmp_path, "x.txt", b"text")])
    assert [r.name for r in result.added] == ["章程.pdf"] and "x.txt" in str(result.refused[0])
    rec = result.added[0]
    assert (rec.school_id, rec.indicator, rec.kind, rec.type_label) == (school, "C6", "document", "PDF 文档")
    assert ER.list_files(store, plan.id, group.id, indicator="C6") == [rec]
    ER.remove_file(store, rec.id, me)
    assert ER.list_files(store, plan.id, group.id) == []
    ER.restore_file(store, rec.id, me)
    copy = ER.copy_out(store, rec, tmp_path / "open")
    assert copy.name == "章程.pdf" and copy.read_bytes() == PDF
    stored = store.photos_dir / rec.stored
    stored.write_bytes(PDF + b"changed")
    with pytest.raises(StoreError, match="章程.pdf.*已被改动"):
        ER.file_path(store, rec)


@pytest.fixture
def store(tmp_path):
    from inspector_app.store.db import open_store
    s = open_store(tmp_path / "data")
    yield s
    s.close()
