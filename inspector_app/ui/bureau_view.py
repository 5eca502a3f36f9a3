"""教育局汇总: the plan's units ranked (from `results.from_store.plan_results`, read on the main thread),
one unit down to the indicator, and the results workbook and public summary PDF written on a worker (an
`Operation`: into a temporary file beside the target, put in place only when not cancelled)."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from inspector_app.numbers import fmt_points
from inspector_app.ui import file_dialogs
from inspector_app.ui.core_words import core_text, listing
from inspector_app.ui.i18n import SOURCE_LANGUAGE, current_language, translate
from inspector_app.ui.operation import Operation

FLAG_FG = QColor("#b00020")
RANK_HEADS = (QT_TRANSLATE_NOOP("BureauView", "名次"), QT_TRANSLATE_NOOP("BureauView", "集团"),
              QT_TRANSLATE_NOOP("BureauView", "类型"), QT_TRANSLATE_NOOP("BureauView", "总分"),
              QT_TRANSLATE_NOOP("BureauView", "等次"), QT_TRANSLATE_NOOP("BureauView", "类内排名"),
              QT_TRANSLATE_NOOP("BureauView", "标记"), QT_TRANSLATE_NOOP("BureauView", "改定得分"))
DETAIL_HEADS = (QT_TRANSLATE_NOOP("BureauView", "领域 / 指标 / 学校"), QT_TRANSLATE_NOOP("BureauView", "专家组得分"),
                QT_TRANSLATE_NOOP("BureauView", "自评分"), QT_TRANSLATE_NOOP("BureauView", "评分专家"))


def t(text: str) -> str:
    return translate("BureauView", text)


def pts(value) -> str:
    return "—" if value is None else fmt_points(value)


def _override_words(ind) -> str:
    rule = translate("BureauView", "，按计分办法 {0} 分").format(pts(ind.computed)) if ind.computed is not None else ""
    return translate("BureauView", "{0}：改定为 {1} 分{2}；理由：{3}").format(ind.code, pts(ind.points), rule,
                                                                         ind.override_reason)


def unfinished_item(u) -> str:
    """An unfinished group with why and how far, in the window's language."""
    if current_language() == SOURCE_LANGUAGE:
        return f"{u.name}（{u.reason}，{u.progress}）"
    return f"{u.name} ({core_text(u.reason)}, {core_text(u.progress)})"


def flag_lines(flags) -> str:
    """Each flag with its detail, one a line, in the window's language."""
    return "\n".join(f"{core_text(f.label)}：{core_text(f.detail)}" if current_language() == SOURCE_LANGUAGE
                     else f"{core_text(f.label)}: {core_text(f.detail)}" for f in flags)


class BureauView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = None
        self.results = None
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.table = QTableWidget(0, len(RANK_HEADS))
        self.table.setHorizontalHeaderLabels([t(h) for h in RANK_HEADS])
        self._name_width: int | None = None  # the group column's width when there is no room to stretch it
        self.table.viewport().installEventFilter(self)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([t(h) for h in DETAIL_HEADS])
        self.tree.setAlternatingRowColors(True)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        self.unit_title = QLabel()
        self.unit_title.setWordWrap(True)
        self.unit_title.setStyleSheet("font-weight: bold;")
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #b00020;")
        column.addWidget(self.unit_title)
        column.addWidget(self.flags)
        column.addWidget(self.tree, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 6)
        split.setSizes([520, 820])
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)
        self.unfinished = QLabel()  # groups with no finalised result: listed, never ranked or penalised
        self.unfinished.setWordWrap(True)
        self.unfinished.setStyleSheet("color: #b06000;")
        outer.addWidget(self.unfinished)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555;")
        outer.addWidget(self.notes)
        buttons = QHBoxLayout()
        self.workbook_button = QPushButton(translate("BureauView", "导出结果工作簿(&X)…"))
        self.pdf_button = QPushButton(translate("BureauView", "导出公示(&F)…"))
        self.rectify_button = QPushButton(translate("BureauView", "整改台账(&Z)…"))
        self.rectify_button.setShortcut("Ctrl+T")
        self.rectify_button.setToolTip(translate("BureauView", "每一条整改事项：逾期的在前，可按集团、类别、状态筛选（Ctrl+T）"))
        buttons.addWidget(self.rectify_button)
        buttons.addStretch(1)
        buttons.addWidget(self.workbook_button)
        buttons.addWidget(self.pdf_button)
        outer.addLayout(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_unit(row))
        self.workbook_button.clicked.connect(lambda: self.export_workbook())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.rectify_button.clicked.connect(lambda: self.open_rectification())

    def open_rectification(self, *, modal: bool = True):
        """The 整改台账 of the plan shown (ui/rectify_view.py)."""
        from inspector_app.ui.rectify_view import RectifyView
        view = RectifyView(self.window_.store, self.window_.workspace.plan, self, actor=self._rectify_actor())
        if modal:
            view.exec()
        return view

    def _rectify_actor(self):
        """Who records 整改情况 here, as `rectify update` allows: the bureau that issued the plan, or the panel's
        (a 复查 panel's) lead; anyone else reads the ledger (None)."""
        from inspector_app.store import identity as I
        from inspector_app.store.rectification import bureau_actor
        from inspector_app.ui.identity_dialog import own_key
        ws = self.window_.workspace
        key = own_key(ws.store).key_id
        if ws.can_rectify:
            return lambda: ws.rectify_actor(key)
        if (ws.identity is not None and ws.identity.kind == "bureau") or I.issued_here(ws.store, ws.plan, key):
            return lambda: bureau_actor(ws.plan, key)
        return None

    # ---------------------------------------------------------------- loading
    def load(self, window) -> None:
        """Rank the plan's units as the panels have settled them (fast: read here, on the main thread)."""
        from inspector_app.results.from_store import plan_results
        self.window_ = window
        ws = window.workspace
        self.results = plan_results(window.store, ws.plan)
        r = self.results
        self.heading.setText(translate("BureauView", "{0} · {1}：{2} 个集团").format(
            ws.plan.title, r.rubric_title, len(r.units)))
        self.table.setRowCount(len(r.units))
        for row, ranked in enumerate(r.units):
            u = ranked.unit
            grade = core_text(u.grade) if u.grade else translate("BureauView", "未定")
            cells = [str(ranked.rank), u.name, core_text(u.class_name), fmt_points(u.total), grade,
                     f"{ranked.class_rank}/{ranked.class_size}", listing((f.label for f in ranked.flags), "、"),
                     "、".join(i.code for i in u.overrides) or "—"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 3, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 6 and ranked.flags:
                    item.setForeground(QBrush(FLAG_FG))
                    item.setToolTip(flag_lines(ranked.flags))
                if col == 7 and u.overrides:  # the panel gave its own figure somewhere: flagged, with why
                    item.setForeground(QBrush(FLAG_FG))
                    item.setToolTip("\n".join(_override_words(i) for i in u.overrides))
                self.table.setItem(row, col, item)
        self._name_width = None  # measured again for this listing
        self._fit_columns()
        self.unfinished.setText(translate("BureauView", "未完成（不排名、不评等次、不奖惩）：{0}").format(
            listing((unfinished_item(u) for u in r.unfinished), "；")) if r.unfinished else "")
        self.workbook_button.setEnabled(bool(r.units))  # nothing finalised: nothing to publish
        self.pdf_button.setEnabled(bool(r.units))
        counts = listing(f"{core_text(label)} {n}" for label, n in r.grade_counts())
        notes = "\n".join([translate("BureauView", "等次分布：{0}").format(counts)] + [core_text(n) for n in r.notes])
        self.notes.setText(notes)
        if r.units:
            self.table.setCurrentCell(0, 0)
        self._show_unit(self.table.currentRow())


    def _fit_columns(self) -> None:
        """Every column as wide as it needs (measured once per listing); the group's name takes what is left, and
        when nothing is (long English flags on a school laptop) it keeps nine characters and the table scrolls.
        Decided again whenever the table is resized."""
        header = self.table.horizontalHeader()
        if self._name_width is None:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            self.table.resizeColumnsToContents()
            self._name_width = min(header.sectionSize(1), self.fontMetrics().horizontalAdvance("中") * 9)
        others = sum(header.sectionSize(c) for c in range(self.table.columnCount()) if c != 1)
        if others + self._name_width <= self.table.viewport().width():
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(1, self._name_width)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize and self._name_width is not None:
            self._fit_columns()
        return super().eventFilter(watched, event)
    def ranking(self) -> list[tuple[int, str, str]]:
        """(rank, group, total) as the table shows them."""
        return [(int(self.table.item(i, 0).text()), self.table.item(i, 1).text(), self.table.item(i, 3).text())
                for i in range(self.table.rowCount())]

    def _show_unit(self, row: int) -> None:
        self.tree.clear()
        if self.results is None or not 0 <= row < len(self.results.units):
            self.unit_title.clear()
            self.flags.clear()
            return
        ranked = self.results.units[row]
        u = ranked.unit
        previous = ""
        if ranked.previous is not None and ranked.previous.rank is not None:
            previous = translate("BureauView", "；上年第 {0} 名").format(ranked.previous.rank)
        self.unit_title.setText(translate("BureauView", "{0}（{1}）：{2} 分，{3}，第 {4} 名{5}").format(
            u.name, core_text(u.class_name), fmt_points(u.total),
            core_text(u.grade) if u.grade else translate("BureauView", "未定"), ranked.rank, previous))
        self.flags.setText(flag_lines(ranked.flags))
        self.flags.setVisible(bool(ranked.flags))
        schools = {s.id: s.name for s in u.schools}
        for area in u.areas:
            top = QTreeWidgetItem([f"{area.code} {area.title}", f"{fmt_points(area.points)} / {fmt_points(area.max)}"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for ind in u.indicators:
                if ind.area_code != area.code:
                    continue
                got = f"{pts(ind.points)} / {fmt_points(ind.max)}"
                child = QTreeWidgetItem([ind.code, got + (translate("BureauView", "（改定）") if ind.overridden else ""),
                                         pts(ind.self_points), "、".join(ind.experts)])
                child.setToolTip(3, "、".join(ind.experts))
                if ind.overridden:
                    child.setForeground(1, QBrush(FLAG_FG))
                    child.setToolTip(1, _override_words(ind))
                if ind.points is not None and ind.self_points is not None and ind.self_points != ind.points:
                    child.setForeground(2, QBrush(QColor("#8a5a00")))
                for sid, points in ind.per_school.items():  # per-school indicators: each school's points
                    child.addChild(QTreeWidgetItem([schools.get(sid, sid), fmt_points(points)]))
                top.addChild(child)
        self.tree.expandAll()
        for col in range(3):
            self.tree.resizeColumnToContents(col)

    # ---------------------------------------------------------------- files
    def _save(self, title: str, name: str, pattern: str, out: Path | None) -> Path | None:
        if out is not None:
            return out
        store = self.window_.store
        chosen, _ = file_dialogs.save_file_name(self, title, file_dialogs.RESULTS, store,
                                                store.data_dir / "results" / name, pattern)
        return Path(chosen) if chosen else None

    def export_workbook(self, out: Path | None = None) -> Operation | None:
        from inspector_app.results.workbook import write_results_workbook
        title = translate("BureauView", "导出结果工作簿")
        pattern = translate("BureauView", "Excel 工作簿") + " (*.xlsx)"
        out = self._save(title, f"考核结果-{self.results.year}.xlsx", pattern, out)
        return self._write(title, out, write_results_workbook)

    def export_pdf(self, out: Path | None = None) -> Operation | None:
        """The 公示, as PDF or (chosen in the save dialog) as a Word document the bureau can edit."""
        from inspector_app.results.summary_pdf import write_notice_docx, write_summary_pdf
        from inspector_app.ui.report_actions import is_word, save_target
        title = translate("BureauView", "导出公示")
        if out is None:
            store = self.window_.store
            out = save_target(self, title, store.data_dir / "results" / f"考核结果公示-{self.results.year}.pdf",
                              word=True, kind=file_dialogs.RESULTS, store=store)
        return self._write(title, out, write_notice_docx if out is not None and is_word(out) else write_summary_pdf)

    def _write(self, title: str, out: Path | None, writer) -> Operation | None:
        if out is None or self.results is None:
            return None
        results = self.results
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from inspector_app.ui.core_words import fault_text
            QMessageBox.warning(self, title, fault_text(exc, out.parent))
            return None
        partial = out.with_name(f".{out.name}.partial{out.suffix}")

        def drop_partial() -> None:
            with contextlib.suppress(OSError):  # gone, or a read-only folder where it never was
                partial.unlink()

        def work(_progress) -> Path:
            return writer(results, partial)

        def done(_result) -> None:
            try:
                os.replace(partial, out)
            except OSError as exc:  # a folder named like the file, or the folder gone read-only meanwhile
                failed(exc)
                return
            self.window_.statusBar().showMessage(translate("BureauView", "已写入：{0}").format(out), 10000)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

        def dropped(_result) -> None:
            drop_partial()
            self.window_.statusBar().showMessage(translate("BureauView", "已取消，没有写入文件"), 8000)

        def failed(exc: BaseException) -> None:  # a file that cannot be written is said, never a crash
            from inspector_app.ui.core_words import fault_text
            drop_partial()
            QMessageBox.warning(self, title, fault_text(exc, out))

        label = translate("BureauView", "正在写入 {0}…").format(out.name)
        op = Operation(self, title, work, label=label).on_success(done).on_cancel(dropped).on_failure(failed)
        self.last_operation = op
        return op.start()
