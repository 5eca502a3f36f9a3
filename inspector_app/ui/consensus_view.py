"""合议: the panel lead's view of one group. Every place scored by several experts, side by side, with
their notes and photos; spreads beyond the plan's limit flagged; the plan's rule and the settled points;
the lead decides a place with points and a written reason; then the panel bundle is exported."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from inspector_app.numbers import fmt_points
from inspector_app.scoring import panel as SP
from inspector_app.store import consensus as C
from inspector_app.store.db import StoreError
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate

RULES = {"mean": QT_TRANSLATE_NOOP("ConsensusView", "取各位专家的平均分"),
         "median": QT_TRANSLATE_NOOP("ConsensusView", "取各位专家的中位数"),
         "lead": QT_TRANSLATE_NOOP("ConsensusView", "评分不一致时由组长决定并写明理由")}
# the core's method names (scoring.panel.SETTLED_BY), for the translation tools
METHODS = {"mean": QT_TRANSLATE_NOOP("ConsensusView", "平均分"),
           "median": QT_TRANSLATE_NOOP("ConsensusView", "中位数"),
           "lead": QT_TRANSLATE_NOOP("ConsensusView", "组长决定"),
           "single": QT_TRANSLATE_NOOP("ConsensusView", "一位专家评分")}
FLAG_BG = QColor("#fde7e9")
THUMB_W, THUMB_H = 96, 72


def t(text: str) -> str:
    return translate("ConsensusView", text)


class ConsensusView(QWidget):
    export_requested = Signal(str)  # group id
    decided = Signal()
    meeting_requested = Signal(str)  # group id: 反馈会记录
    record_requested = Signal(str)  # group id: 合议记录

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = None
        self.group = None
        self.places: list[SP.PlaceScores] = []
        self.shown: list[SP.PlaceScores] = []
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel(translate("ConsensusView", "集团(&Q)："))
        self.groups = QComboBox()
        self.groups.setMinimumContentsLength(16)
        label.setBuddy(self.groups)
        self.only_split = QCheckBox(translate("ConsensusView", "只看评分不一致的(&O)"))
        self.only_split.setChecked(True)
        self.total = QLabel()
        self.total.setStyleSheet("font-weight: bold;")
        top.addWidget(label)
        top.addWidget(self.groups)
        top.addWidget(self.only_split)
        top.addStretch(1)
        top.addWidget(self.total)
        outer.addLayout(top)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #444;")
        outer.addWidget(self.rule)

        self.table = QTableWidget(0, 0)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        column.addWidget(self.title)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #333;")
        column.addWidget(self.text)
        self.scores_box = QWidget()
        self.scores_layout = QVBoxLayout(self.scores_box)
        self.scores_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(self.scores_box)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(scroll, 1)
        decide = QGroupBox(translate("ConsensusView", "组长定分"))
        form = QFormLayout(decide)
        self.points = QLineEdit()
        self.points.setMaximumWidth(120)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(translate("ConsensusView", "定分理由（必填，写入反馈报告）"))
        self.reason.setFixedHeight(64)
        self.decide_button = QPushButton(translate("ConsensusView", "定分(&D)"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(translate("ConsensusView", "得分(&S)："), self.points)
        form.addRow(translate("ConsensusView", "理由(&W)："), self.reason)
        row = QHBoxLayout()
        row.addWidget(self.decide_button)
        row.addWidget(self.error, 1)
        form.addRow(row)
        column.addWidget(decide)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([740, 600])
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.note = QLabel()
        self.note.setStyleSheet("color: #666;")
        self.export_button = QPushButton(translate("ConsensusView", "导出专家组数据包(&E)…"))
        self.state = QLabel()
        self.state.setStyleSheet("font-weight: bold;")
        for label in (self.note, self.state):  # wrapped, not widening the window past the screen (English, 125%)
            label.setWordWrap(True)
        self.finalise_button = QPushButton(translate("ConsensusView", "定稿(&F)…"))
        self.meeting_button = QPushButton(translate("ConsensusView", "反馈会记录(&M)…"))
        self.record_button = QPushButton(translate("ConsensusView", "合议记录(&C)…"))
        self.record_button.setToolTip(translate("ConsensusView", "内部资料：各专家评分、极差、定分理由（PDF 或 Word）"))
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.state)
        bottom.addWidget(self.meeting_button)
        bottom.addWidget(self.record_button)
        bottom.addWidget(self.finalise_button)
        bottom.addWidget(self.export_button)
        outer.addLayout(bottom)

        self.groups.currentIndexChanged.connect(self._group_chosen)
        self.only_split.toggled.connect(lambda _on: self.refresh())
        self.table.currentCellChanged.connect(lambda row, *_: self._show_place(row))
        self.decide_button.clicked.connect(self.decide)
        self.points.returnPressed.connect(self.reason.setFocus)
        self.export_button.clicked.connect(lambda: self.group and self.export_requested.emit(self.group.id))
        self.finalise_button.clicked.connect(lambda: self.finalise())
        self.meeting_button.clicked.connect(lambda: self.group and self.meeting_requested.emit(self.group.id))
        self.record_button.clicked.connect(lambda: self.group and self.record_requested.emit(self.group.id))
        self.setTabOrder(self.groups, self.only_split)
        self.setTabOrder(self.only_split, self.table)
        self.setTabOrder(self.table, self.points)
        self.setTabOrder(self.points, self.reason)
        self.setTabOrder(self.reason, self.decide_button)
        self.setTabOrder(self.decide_button, self.meeting_button)
        self.setTabOrder(self.meeting_button, self.record_button)
        self.setTabOrder(self.record_button, self.finalise_button)
        self.setTabOrder(self.finalise_button, self.export_button)

    # ---------------------------------------------------------------- loading
    def load(self, workspace) -> None:
        self.workspace = workspace
        self.groups.blockSignals(True)
        self.groups.clear()
        for g in workspace.groups:
            self.groups.addItem(g.name, g.id)
        current = workspace.group.id if workspace.group else None
        index = max(0, self.groups.findData(current))
        self.groups.setCurrentIndex(index)
        self.groups.blockSignals(False)
        self._group_chosen(index)

    def _group_chosen(self, index: int) -> None:
        if self.workspace is None or index < 0:
            return
        self.group = next(g for g in self.workspace.groups if g.id == self.groups.itemData(index))
        self.refresh()

    def refresh(self, keep: tuple[str, str] | None = None) -> None:
        ws, group = self.workspace, self.group
        if ws is None or group is None:
            return
        plan = ws.plan
        self.names = {e.id: e.name for e in ws.experts}
        self.places = C.places(ws.store, plan, group)
        several = [p for p in self.places if len(p.scores) > 1]
        self.shown = [p for p in several if not self.only_split.isChecked()
                      or len(set(p.scores.values())) > 1 or p.decided is not None]
        order = {ind.code: i for i, ind in enumerate(ws.rubric.indicators)}
        self.shown.sort(key=lambda p: (-(p.spread > plan.spread_limit), p.decided is not None,
                                       order.get(p.indicator, 0), p.school_id))
        experts = [e.id for e in ws.experts if any(e.id in p.scores for p in self.shown)]
        self.expert_ids = experts
        # names on two lines, "张明华\n（组长）": the columns stay narrow enough to see the settled points
        heads = [translate("ConsensusView", "指标"), translate("ConsensusView", "学校")]
        heads += [self.names[e].replace("（", "\n（", 1) for e in experts]
        heads += [translate("ConsensusView", "差距"), translate("ConsensusView", "合议得分"),
                  translate("ConsensusView", "方式")]
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(self.shown))
        large = 0
        for row, p in enumerate(self.shown):
            points, method = SP.settled_points(p, plan.consensus)
            flagged = p.spread > plan.spread_limit
            large += flagged
            cells = [p.indicator, self._school(p.school_id, short=True)]
            # an expert's own figure in place of the rule's is marked ✎ (the reason on hover and in the box below)
            cells += [(fmt_points(p.scores[e]) + (" ✎" if e in p.overrides else "")) if e in p.scores else "—"
                      for e in experts]
            cells += [fmt_points(p.spread) + (" ⚠" if flagged else ""),
                      "—" if points is None else fmt_points(points),
                      t(METHODS.get(method, SP.SETTLED_BY.get(method, method))) if method else ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if flagged and p.decided is None:
                    item.setBackground(QBrush(FLAG_BG))
                if 2 <= col < 2 + len(experts) and experts[col - 2] in p.overrides:
                    item.setToolTip(translate("ConsensusView", "改定得分，理由：{0}").format(p.overrides[experts[col - 2]]))
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        rule = t(RULES.get(plan.consensus, plan.consensus))
        self.rule.setText(translate("ConsensusView", "合议规则：{0}。两位专家评分差距超过 {1} 分的标出（⚠），"
                                                     "请组长核实后定分；组长定分须写明理由。")
                          .format(rule, fmt_points(plan.spread_limit)))
        card = C.panel_scorer(ws.store, plan, ws.rubric, group).card()
        self.total.setText(translate("ConsensusView", "专家组合议得分：{0}").format(fmt_points(card.total)))
        note = translate("ConsensusView", "多位专家评分的指标 {0} 项，其中差距大 {1} 项。").format(len(several), large)
        if ws.expert_role != "lead":
            note += translate("ConsensusView", "（本机不是组长，定分以组长名义记录时请核实）")
        self.note.setText(note)
        self.show_state()
        target = 0
        if keep is not None:
            target = next((i for i, p in enumerate(self.shown) if (p.school_id, p.indicator) == keep), 0)
        if self.shown:
            self.table.setCurrentCell(target, 0)
        self._show_place(self.table.currentRow() if self.shown else -1)

    def _school(self, school_id: str, short: bool = False) -> str:
        if not school_id:
            return translate("ConsensusView", "集团整体")
        name = self.group.school(school_id).name
        # in the table, a member school without its group's long name: "中卫市第四中学教育集团总校" → "总校"
        prefix = self.group.name
        return name[len(prefix):] or name if short and name.startswith(prefix) else name

    # ---------------------------------------------------------------- one place
    def current(self) -> SP.PlaceScores | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_place(self, row: int) -> None:
        while self.scores_layout.count():
            item = self.scores_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # gone at once, not at the next turn of the event loop
                widget.deleteLater()
        self.error.clear()
        place = self.shown[row] if 0 <= row < len(self.shown) else None
        for w in (self.points, self.reason, self.decide_button):
            w.setEnabled(place is not None)
        if place is None:
            self.title.setText(translate("ConsensusView", "没有需要合议的指标。") if self.group else "")
            return
        ws = self.workspace
        ind = ws.indicator(place.indicator)
        text = ind.text_for(self.group.group_type)
        self.title.setText(f"{place.indicator} · {self._school(place.school_id)} · "
                           + translate("ConsensusView", "满分 {0}").format(fmt_points(ind.points)))
        self.text.setText(text if len(text) <= 90 else text[:88] + "…")
        self.text.setToolTip(text)
        for expert_id in sorted(place.scores, key=lambda e: self.names.get(e, e)):
            self.scores_layout.addWidget(self._expert_box(place, expert_id))
        self.scores_layout.addStretch(1)
        points, _method = SP.settled_points(place, ws.plan.consensus)
        self.points.setText(fmt_points(place.decided if place.decided is not None else points)
                            if (place.decided is not None or points is not None) else "")
        self.reason.setPlainText(place.decided_reason)

    def _expert_box(self, place: SP.PlaceScores, expert_id: str) -> QWidget:
        box = QGroupBox(f"{self.names.get(expert_id, expert_id)}：{fmt_points(place.scores[expert_id])} "
                        + translate("ConsensusView", "分"))
        layout = QVBoxLayout(box)
        if expert_id in place.overrides:  # the first line of the explanation gives the rule's figure beside it
            flag = QLabel(translate("ConsensusView", "✎ 改定得分（不按计分办法），理由：{0}").format(place.overrides[expert_id]))
            flag.setWordWrap(True)
            flag.setStyleSheet("color: #b00020;")
            layout.addWidget(flag)
        note = place.notes.get(expert_id) or ""
        lines = [note] if note else []
        lines += [core_text(line) for line in list(place.explanations.get(expert_id, ()))[:3]]
        text = QLabel("\n".join(lines) or translate("ConsensusView", "（无备注）"))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        thumbs = self._thumbs(place, expert_id)
        if thumbs is not None:
            layout.addWidget(thumbs)
        return box

    def _thumbs(self, place: SP.PlaceScores, expert_id: str) -> QWidget | None:
        from inspector_app.store import photo_records as PR  # Pillow: only when photos are shown
        ws = self.workspace
        photos = PR.list_photos(ws.store, ws.plan.id, self.group.id, expert_id=expert_id,
                                school_id=place.school_id, indicator=place.indicator)
        if not photos:
            return None
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        PR.prepare_files(ws.store, photos[:6])  # merged photos' thumbnails made on first display, in parallel
        for photo in photos[:6]:
            label = QLabel()
            tip = photo.caption
            try:
                pixmap = QPixmap(str(PR.file_path(ws.store, photo, thumb=True)))
                label.setPixmap(pixmap.scaled(THUMB_W, THUMB_H, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            except StoreError as exc:
                label.setText(core_text(str(exc))[:20])
                tip = "\n".join(t for t in (photo.caption, core_text(str(exc))) if t)  # the whole problem
            label.setToolTip(tip)
            layout.addWidget(label)
        layout.addStretch(1)
        return row

    def show_state(self) -> None:
        """定稿 or 征求意见稿, as the report and the panel bundle will say."""
        from inspector_app.store import finalisation as F
        ws = self.workspace
        state = F.report_state(ws.store, ws.plan, ws.rubric, self.group)
        text = core_text(state.label) + (translate("ConsensusView", "（第 {0} 版）").format(state.version) if state.version else "")
        self.state.setText(text)
        self.state.setStyleSheet("font-weight: bold; color: %s;" % ("#1b7a2f" if state.is_final else "#b06000"))
        self.finalise_button.setEnabled(ws.identity is not None and ws.identity.is_lead)

    def finalise(self, dialog=None) -> bool:
        """定稿 through the dialog; True when a version was recorded."""
        from inspector_app.ui.finalise_dialog import FinaliseDialog
        if self.group is None:
            return False
        dialog = dialog or FinaliseDialog(self.workspace, self.group, self)
        done = bool(dialog.exec()) and dialog.finalised is not None
        self.refresh()
        return done

    def decide(self) -> bool:
        place = self.current()
        if place is None:
            return False
        ws = self.workspace
        try:
            C.decide(ws.store, ws.plan, ws.rubric, self.group, place.school_id, place.indicator,
                     self.points.text().strip(), self.reason.toPlainText(), ws.expert_id)
        except (C.ConsensusError, StoreError) as exc:
            self.error.setText(core_text(str(exc)))
            return False
        self.refresh(keep=(place.school_id, place.indicator))
        self.decided.emit()
        return True
