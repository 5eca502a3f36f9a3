"""Reports from the window: the group's feedback report and this expert's score sheet.

The report's data is gathered from the store here on the main thread; the PDF is laid out on a worker
(an `Operation`) with progress and Cancel, then opened in the system's PDF viewer. The methods return the
operation (finished at once when operations run inline); `written` carries the PDF's path."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector_app.store.db import StoreError
from inspector_app.ui.i18n import translate
from inspector_app.ui.operation import Operation



def _slug(text: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", text).strip("._")[:40] or "x"


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReportActions(QObject):
    job_started = Signal(object)  # the Operation
    written = Signal(str)  # the PDF's path

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def _target(self, title: str, name: str, out: Path | None) -> Path | None:
        if out is not None:
            return out
        folder = self.window.store.data_dir / "reports"
        chosen, _ = QFileDialog.getSaveFileName(self.window, title, str(folder / name), "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def _data(self):
        from inspector_app.reports.from_store import report_data
        ws = self.window.workspace
        self.window.commit_all()
        return report_data(self.window.store, ws.plan, ws.group)

    def feedback(self, out: Path | None = None) -> Operation | None:
        """生成现场反馈报告 for the current group."""
        ws = self.window.workspace
        if ws is None or ws.group is None:
            return None
        title = translate("ReportActions", "生成现场反馈报告")
        out = self._target(title, f"现场反馈报告-{_slug(ws.group.name)}.pdf", out)
        if out is None:
            return None
        from inspector_app.reports.feedback import render_feedback
        try:
            data = self._data()
        except StoreError as exc:
            QMessageBox.warning(self.window, title, str(exc))
            return None
        return self._render(title, out, lambda progress: render_feedback(data, out, progress, progress.cancelled))

    def score_sheet(self, out: Path | None = None) -> Operation | None:
        """打印评分表: this expert's own scores of the current group, for signing on paper."""
        ws = self.window.workspace
        if ws is None or ws.group is None:
            return None
        title = translate("ReportActions", "打印评分表")
        try:
            data = self._data()
        except StoreError as exc:
            QMessageBox.warning(self.window, title, str(exc))
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
            QMessageBox.warning(self.window, title, str(exc))
            return None

        def done(_result) -> None:
            self.window.statusBar().showMessage(translate("ReportActions", "已生成：{0}").format(out), 10000)
            self.written.emit(str(out))
            open_file(out)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, (ReportError, FontMissingError, OSError)):
                raise exc
            QMessageBox.warning(self.window, title, str(exc))

        op = Operation(self.window, title, work, label=translate("ReportActions", "正在排版 PDF…"))
        op.on_success(done).on_failure(failed).on_cancel(lambda _r: self.window.statusBar().showMessage(
            translate("ReportActions", "已取消，没有生成文件"), 8000))
        self.job_started.emit(op)
        return op.start()
