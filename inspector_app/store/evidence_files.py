"""Evidence files other than photos, at file level: documents, spreadsheets and phone recordings.

Experts collect them at 查阅资料 and 访谈: a school's PDF plan, a Word minute, a spreadsheet of
figures, an interview recorded on a phone. A file is accepted by its name's ending *and* its first
bytes (a text file renamed `.pdf` is refused), checked for size, and stored by content hash in the
evidence folder (`photo_storage.store_file`, beside the photos) before any database row names it.

Nothing here touches Qt or SQL. Messages in `EvidenceError` are for the user and name the file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from inspector_app.store.photo_storage import EvidenceError, file_rel, read_regular, store_file, too_large
from inspector_app.said import Said

BYTES = Said("{0} 字节", "{0} bytes")
EVIDENCE_NOUN = Said("佐证文件", "evidence file")

EMPTY_FILE_ADDED = Said('“{0}”是空文件，未添加。',
                         '"{0}" is an empty file: not added.')
TYPE_EVIDENCE_FILE_CAN = Said('“{0}”不是可添加的佐证文件类型。只能添加 {1}；照片请用“添加照片”。',
                               '"{0}" is not a type of evidence file that can be added. Only {1} can be added; add photos with "Add photos".')
CONTENT_FILE_NAME_SAYS = Said('“{0}”的内容不是{1}（文件名是 .{2}，内容不符），可能已损坏或改了扩展名，未添加。',
                               'The content of "{0}" is not {1} (the file name says .{2}, the content differs): it may be damaged or renamed; not added.')
CANCELLED_WAS_SAVED = Said('已取消，未保存“{0}”。',
                            'Cancelled: "{0}" was not saved.')
SAVING_FAILED = Said('保存“{0}”失败：{1}',
                      'Saving "{0}" failed: {1}')

# Type labels: Chinese for the core, the command line and printed documents; the window says them in English.
_L0 = Said("PDF 文档", "PDF document")
_L1 = Said("Word 文档", "Word document")
_L2 = Said("文档", "document")
_L3 = Said("WPS 文档", "WPS document")
_L4 = Said("电子表格", "spreadsheet")
_L5 = Said("WPS 表格", "WPS spreadsheet")
_L6 = Said("电子表格（CSV）", "spreadsheet (CSV)")
_L7 = Said("录音（M4A）", "recording (M4A)")
_L8 = Said("录音（AAC）", "recording (AAC)")
_L9 = Said("录音（MP3）", "recording (MP3)")
_L10 = Said("录音（AMR）", "recording (AMR)")
_L11 = Said("录音（WAV）", "recording (WAV)")
_L12 = Said("表格", "spreadsheet")
_L13 = Said("录音", "recording")
_L14 = Said("照片", "photo")
ACCEPTED = Said("PDF、Word（doc/docx）、表格（xls/xlsx/csv）或手机录音（m4a/mp3/amr/wav）",
                "PDF, Word (doc/docx), spreadsheets (xls/xlsx/csv) or phone recordings (m4a/mp3/amr/wav)")

__all__ = ["FILE_TYPES", "KIND_LABELS", "MAX_EVIDENCE_BYTES", "EvidenceError", "EvidenceFile", "check_bytes",
           "file_type", "ingest_file", "size_text"]

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024  # an hour's phone recording is ~60 MB; a scanned PDF rarely more

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls (Office 97–2003)
_ZIP = b"PK\x03\x04"  # .docx, .xlsx, .odt, .ods


def _mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _mp4(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def _wav(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WAVE"


def _text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut by the end of the sample
                return True
    return False


@dataclass(frozen=True)
class FileType:
    suffix: str
    kind: str  # document, spreadsheet, audio
    mime: str
    label: str  # as the report and the window call it
    looks_right: Callable[[bytes], bool]


_TYPES = [
    FileType("pdf", "document", "application/pdf", _L0(), lambda h: h.startswith(b"%PDF-")),
    FileType("doc", "document", "application/msword", _L1(), lambda h: h.startswith(_OLE)),
    FileType("docx", "document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             _L1(), lambda h: h.startswith(_ZIP)),
    FileType("odt", "document", "application/vnd.oasis.opendocument.text", _L2(), lambda h: h.startswith(_ZIP)),
    FileType("wps", "document", "application/vnd.ms-works", _L3(), lambda h: h.startswith(_OLE)),
    FileType("xls", "spreadsheet", "application/vnd.ms-excel", _L4(), lambda h: h.startswith(_OLE)),
    FileType("xlsx", "spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             _L4(), lambda h: h.startswith(_ZIP)),
    FileType("ods", "spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", _L4(),
             lambda h: h.startswith(_ZIP)),
    FileType("et", "spreadsheet", "application/vnd.ms-excel", _L5(), lambda h: h.startswith(_OLE)),
    FileType("csv", "spreadsheet", "text/csv", _L6(), _text),
    FileType("m4a", "audio", "audio/mp4", _L7(), _mp4),
    FileType("aac", "audio", "audio/aac", _L8(), lambda h: _mp3(h) or h.startswith(b"ADIF")),
    FileType("mp3", "audio", "audio/mpeg", _L9(), _mp3),
    FileType("amr", "audio", "audio/amr", _L10(), lambda h: h.startswith(b"#!AMR")),
    FileType("wav", "audio", "audio/wav", _L11(), _wav),
]
FILE_TYPES: dict[str, FileType] = {t.suffix: t for t in _TYPES}
KIND_LABELS = {"document": _L2(), "spreadsheet": _L12(), "audio": _L13(), "photo": _L14()}
ACCEPTED_TEXT = ACCEPTED()


@dataclass(frozen=True)
class EvidenceFile:
    sha256: str
    stored: str  # relative to the evidence folder, with "/" separators
    name: str  # the file's own name, as the expert had it
    kind: str  # document, spreadsheet, audio
    mime: str
    size: int


def file_type(name: str) -> FileType | None:
    return FILE_TYPES.get(Path(name).suffix.lower().lstrip("."))


def check_bytes(data: bytes, name: str) -> FileType:
    """The type of an evidence file, from its name's ending and its first bytes; EvidenceError when unknown,
    empty, too large or not what its name says."""
    if not data:
        raise EvidenceError(EMPTY_FILE_ADDED(name), reason="empty", name=name)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise too_large(name, len(data), MAX_EVIDENCE_BYTES, EVIDENCE_NOUN())
    found = file_type(name)
    if found is None:
        raise EvidenceError(TYPE_EVIDENCE_FILE_CAN(name, ACCEPTED_TEXT),
                            reason="unknown_type", name=name)
    if not found.looks_right(data[:4096]):
        raise EvidenceError(CONTENT_FILE_NAME_SAYS(name, found.label, found.suffix), reason="damaged", name=name)
    return found


def ingest_file(source: Path | str | bytes, root: Path | str, *, name: str = "",
                cancelled: Callable[[], bool] | None = None) -> EvidenceFile:
    """Check one evidence file, store its bytes durably by hash under `root` (the evidence folder), describe it.

    Raises EvidenceError naming the file and leaves nothing behind when it is refused or cannot be written.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), name or "文件"
    else:
        name = name or Path(source).name
        if file_type(name) is None:  # refused before reading a byte of it
            check_bytes(b"?", name)
        data = read_regular(Path(source), name, max_bytes=MAX_EVIDENCE_BYTES, noun=EVIDENCE_NOUN())
    found = check_bytes(data, name)
    sha = hashlib.sha256(data).hexdigest()
    if cancelled is not None and cancelled():
        raise EvidenceError(CANCELLED_WAS_SAVED(name), reason="cancelled", name=name)
    rel = file_rel(sha, found.suffix)
    try:
        store_file(Path(root), sha, data, rel)
    except OSError as exc:
        raise EvidenceError(SAVING_FAILED(name, exc.strerror or exc), reason="storage", name=name) from exc
    return EvidenceFile(sha, rel, name, found.kind, found.mime, len(data))


def size_text(size: int) -> str:
    """A size as people read it: 820 字节, 35 KB, 4.2 MB."""
    if size < 1024:
        return BYTES(size)
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
