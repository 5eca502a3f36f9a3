"""Reports from the window: the group's feedback report, the panel's 合议记录 and this expert's score sheet.

The report's data is gathered from the store here on the main thread; the document is written on a worker
(an `Operation`) with progress and Cancel, then opened in the system's viewer. The feedback report and the
合议记录 can be saved as Word (.docx, chosen in the save dialog) so the panel can edit the wording; the
score sheet is PDF only (it is signed as printed). The methods return the operation (finished at once when
operations run inline); `written` carries the file's path."""
from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from inspector_app.store.db import StoreError
from inspector_app.ui import file_dialogs
from inspector_app.ui.core_words import core_text, fault_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.operation import Operation



def _slug(text: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", text).strip("._")[:40] or "x"


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def save_target(parent, title: str, suggested: Path, word: bool, kind: str = file_dialogs.REPORTS,
                store=None) -> Path | None:
    """The save dialog: PDF, or also Word (.docx) when `word`; the suffix follows the type chosen; it starts in the
    folder last saved to for `kind`."""
    pdf = "PDF (*.pdf)"
    docx = translate("ReportActions", "Word 文档") + " (*.docx)"
    chosen, chosen_type = file_dialogs.save_file_name(parent, title, kind, store, suggested,
                                                      f"{pdf};;{docx}" if word else pdf)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() in (".pdf", ".docx") and (word or path.suffix.lower() == ".pdf"):
        return path
    return path.with_suffix(".docx" if word and chosen_type == docx else ".pdf")


def is_word(path: Path) -> bool:
    return path.suffix.lower() == ".docx"


def word_work(writer, data, out: Path):
    """The work of writing a .docx: into a file beside `out`, put in place only when not cancelled."""
    def work(progress) -> Path:
        partial = out.with_name(f".{out.name}.partial.docx")
        try:
            writer(data, partial)
            if not progress.cancelled():
                os.replace(partial, out)
        finally:
            with contextlib.suppress(OSError):  # gone, or a read-only folder where it never was
                partial.unlink()
        return out
    return work



def _writer(name: str):
    """"module:function", imported when a document is written (the reports load slowly)."""
    import importlib
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)

class ReportActions(QObject):
    job_started = Signal(object)  # the Operation
    written = Signal(str)  # the PDF's path

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def _target(self, title: str, name: str, out: Path | None, word: bool = False) -> Path | None:
        if out is not None:
            return out
        folder = self.window.store.data_dir / "reports"
        return save_target(self.window, title, folder / name, word, store=self.window.store)

    def _data(self, group=None):
        from inspector_app.reports.from_store import report_data
        ws = self.window.workspace
        self.window.commit_all()
        return report_data(self.window.store, ws.plan, group or ws.group)

    def _document(self, title: str, name: str, group, out: Path | None, word: str, pdf: str) -> Operation | None:
        """A group's document as PDF or (chosen in the save dialog) Word, `name` suggested; `word` and `pdf`
        name their writers ("module:function", imported only when written)."""
        out = self._target(title, name, out, word=True)
        if out is None:
            return None
        try:
            data = self._data(group)
        except StoreError as exc:
            QMessageBox.warning(self.window, title, core_text(str(exc)))
            return None
        if is_word(out):
            return self._render(title, out, word_work(_writer(word), data, out))
        render = _writer(pdf)
        return self._render(title, out, lambda progress: render(data, out, progress, progress.cancelled))

    def feedback(self, out: Path | None = None, group_id: str | None = None) -> Operation | None:
        """生成现场反馈报告 of `group_id` (the 合议 screen's group) or the group on show."""
        ws = self.window.workspace
        if ws is None or ws.group is None:
            return None
        group = next((g for g in ws.groups if g.id == group_id), ws.group)
        return self._document(translate("ReportActions", "生成现场反馈报告"), f"现场反馈报告-{_slug(group.name)}.pdf", group,
                              out,
                              "inspector_app.reports.word_report:write_feedback_docx",
                              "inspector_app.reports.feedback:render_feedback")

    def panel_record(self, out: Path | None = None, group_id: str | None = None) -> Operation | None:
        """合议记录 (internal: each expert's scores, spreads, the lead's decisions and reasons), PDF or Word;
        of `group_id` (the 合议 screen's group) or the group on show."""
        ws = self.window.workspace
        if ws is None or ws.group is None:
            return None
        group = next((g for g in ws.groups if g.id == group_id), ws.group)
        return self._document(translate("ReportActions", "生成合议记录"), f"合议记录-{_slug(group.name)}.pdf", group, out,
                              "inspector_app.reports.word_report:write_panel_record_docx",
                              "inspector_app.reports.panel_record:render_panel_record")

    def score_sheet(self, out: Path | None = None) -> Operation | None:
        """打印评分表: this expert's own scores of the current group, for signing on paper."""
        ws = self.window.workspace
        if ws is None or ws.group is None:
            return None
        title = translate("ReportActions", "打印评分表")
        try:
            data = self._data()
        except StoreError as exc:
            QMessageBox.warning(self.window, title, core_text(str(exc)))
            return None
        sheet = next((s for s in data.experts if s.name == ws.expert_name), None)
        if sheet is None:
            text = translate("ReportActions", "{0} 在 {1} 还没有评分，没有评分表可打印。")
            QMessageBox.information(self.window, title, text.format(ws.expert_name, ws.group.name))
            return None
        out = self._target(title, f"评分表-{_slug(ws.expert_name)}-{_slug(ws.group.name)}.pdf", out)
        if out is None:
            return None
        from inspector_app.reports.score_sheet import render_score_sheet
        return self._render(title, out, lambda progress: render_score_sheet(data, sheet, out, progress, progress.cancelled))

    def _render(self, title: str, out: Path, work) -> Operation | None:
        from inspector_app.typeset.fonts import FontMissingError
        from inspector_app.reports.pdf_render import ReportError
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            QMessageBox.warning(self.window, title, fault_text(exc, out.parent))
            return None
        if out.is_dir():
            QMessageBox.warning(self.window, title, translate("ReportActions", "{0} 是一个文件夹，请写出文件名").format(out))
            return None

        def done(_result) -> None:
            self.window.statusBar().showMessage(translate("ReportActions", "已生成：{0}").format(out), 10000)
            self.written.emit(str(out))
            open_file(out)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, (ReportError, FontMissingError, OSError, StoreError)):
                raise exc
            QMessageBox.warning(self.window, title, translate("ReportActions", "没有生成文件：{0}").format(
                fault_text(exc, out)))

        label = translate("ReportActions", "正在写入 Word 文档…") if is_word(out) else \
            translate("ReportActions", "正在排版 PDF…")
        op = Operation(self.window, title, work, label=label)
        op.on_success(done).on_failure(failed).on_cancel(lambda _r: self.window.statusBar().showMessage(
            translate("ReportActions", "已取消，没有生成文件"), 8000))
        self.job_started.emit(op)
        return op.start()
