"""The indicator page: what the indicator asks, the rule, inputs fitted to it, the points
as they stand, evidence and methods ticked as done, the note, the photos, and the
unit's self-score and earlier figures beside it."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from inspector_app.numbers import fmt_points
from inspector_app.rubric.model import METHODS
from inspector_app.rubric.rules.register import REGISTER
from inspector_app.ui.core_words import core_text
from inspector_app.ui.count_way import CountWay
from inspector_app.ui.i18n import translate
from inspector_app.ui.scrolling import FollowingScrollArea
from inspector_app.ui.inputs import ERROR_STYLE, FieldInputs, plain_error, room_for_focus
from inspector_app.ui.evidence_view import EvidenceView
from inspector_app.ui.panel_answer import PanelAnswer
from inspector_app.ui.photos_view import PhotosView
from inspector_app.ui.register_editor import RegisterEditor
from inspector_app.workspace import Change, Place, Workspace
from inspector_app.workspace_register import BY_REGISTER

SAVE_DELAY_MS = 300


def _wrap(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class IndicatorPage(FollowingScrollArea):
    changed = Signal(object)  # Change: a draft or a save
    message = Signal(str, bool)
    step_requested = Signal(int)  # 上一项 / 下一项
    next_unscored_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.place: Place | None = None
        self._loading = False
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.commit_now)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: it drew no focus ring, and Tab from the tree seemed lost there once.
        # Everything on it takes the keyboard itself and the page follows it (FollowingScrollArea).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        self.title = _wrap(style="font-size: 16pt; font-weight: bold;")
        self.where = _wrap(style="color: #555;")
        self.text = _wrap(style="font-size: 12pt;")
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        self.previous_button = QPushButton(translate("IndicatorPage", "◀ 上一项"))
        self.next_button = QPushButton(translate("IndicatorPage", "下一项 ▶"))
        self.unscored_button = QPushButton(translate("IndicatorPage", "下一未评项 ▶▶"))
        self.previous_button.setToolTip(translate("IndicatorPage", "Alt+← 或 Ctrl+PgUp"))
        self.next_button.setToolTip(translate("IndicatorPage", "Alt+→ 或 Ctrl+PgDown"))
        self.unscored_button.setToolTip(translate("IndicatorPage", "F8：跳到下一项还没有评完的指标"))
        for button in (self.previous_button, self.next_button, self.unscored_button):
            heading.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.unscored_button.clicked.connect(self.next_unscored_requested)
        layout.addLayout(heading)
        layout.addWidget(self.where)
        layout.addWidget(self.text)

        facts = QGridLayout()
        self.rule = _wrap()
        self.standard = _wrap()
        self.beside = _wrap(style="color: #1d4f91;")
        facts.addWidget(_wrap(translate("IndicatorPage", "评分规则"), "font-weight: bold;"), 0, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.rule, 0, 1)
        facts.addWidget(_wrap(translate("IndicatorPage", "评分标准"), "font-weight: bold;"), 1, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.standard, 1, 1)
        facts.addWidget(_wrap(translate("IndicatorPage", "对照"), "font-weight: bold;"), 2, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.beside, 2, 1)
        # Last year's open 整改事项 on this indicator: what the panel checks first (store/rectification.py).
        self.carried_title = _wrap(translate("IndicatorPage", "上年整改"), "font-weight: bold; color: #9a3412;")
        self.carried = _wrap(style="color: #9a3412;")
        facts.addWidget(self.carried_title, 3, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.carried, 3, 1)
        facts.setColumnStretch(1, 1)
        layout.addLayout(facts)

        scoring = QGroupBox(translate("IndicatorPage", "评分"))
        scoring_layout = QVBoxLayout(scoring)
        self.count_way = CountWay()  # only for the rules counted from a register: the register or typed counts
        scoring_layout.addWidget(self.count_way)
        score_layout = QHBoxLayout()
        scoring_layout.addLayout(score_layout)
        self.inputs = FieldInputs()
        score_layout.addWidget(self.inputs, 3)
        result = QVBoxLayout()
        self.points = _wrap(style="font-size: 20pt; font-weight: bold;")
        self.explanation = _wrap(style="color: #333;")
        self.error = _wrap(style=ERROR_STYLE)
        self.attention = _wrap(style=ERROR_STYLE)  # why the navigator marks this place ▲, when it is the self-score
        result.addWidget(self.points)
        result.addWidget(self.attention)
        result.addWidget(self.explanation)
        result.addWidget(self.error)
        result.addStretch(1)
        score_layout.addLayout(result, 2)
        layout.addWidget(scoring)
        self.register = RegisterEditor()  # only for the rules counted from a register
        layout.addWidget(self.register)
        self.panel_answer = PanelAnswer()
        layout.addWidget(self.panel_answer)

        checks = QVBoxLayout()  # one above the other: Tab reads down the page, and nothing is squeezed at 125%
        self.evidence_box = QGroupBox(translate("IndicatorPage", "佐证材料（已查阅的打勾）"))
        self.evidence_layout = QVBoxLayout(self.evidence_box)
        self.methods_box = QGroupBox(translate("IndicatorPage", "评价方式（已完成的打勾）"))
        self.methods_layout = QVBoxLayout(self.methods_box)
        checks.addWidget(self.evidence_box)
        checks.addWidget(self.methods_box)
        layout.addLayout(checks)
        self.evidence_checks: list[QCheckBox] = []
        self.method_checks: list[QCheckBox] = []

        # Alt+Z / Alt+X / Alt+W: the note, photos and files are some twenty Tab presses below the score
        note_box = QGroupBox(translate("IndicatorPage", "备注(&Z)"))
        note_layout = QVBoxLayout(note_box)
        self.note = _NoteEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(72)
        self.note.setPlaceholderText(translate("IndicatorPage", "现场看到的事实、问题、需要核实的地方…"))
        note_layout.addWidget(self.note)
        layout.addWidget(note_box)

        photo_box = QGroupBox(translate("IndicatorPage", "照片(&X)"))
        photo_layout = QVBoxLayout(photo_box)
        self.photos = PhotosView()
        photo_layout.addWidget(self.photos)
        layout.addWidget(photo_box)
        files_box = QGroupBox(translate("IndicatorPage", "佐证文件（文档、表格、录音）(&W)"))
        files_layout = QVBoxLayout(files_box)
        self.files = EvidenceView()
        files_layout.addWidget(self.files)
        layout.addWidget(files_box)
        layout.addStretch(1)

        self.inputs.changed.connect(self._input_changed)
        self.inputs.left.connect(self.commit_now)
        self.panel_answer.changed.connect(self._input_changed)
        self.panel_answer.left.connect(self.commit_now)
        self.register.changed.connect(self._register_changed)
        self.count_way.chosen.connect(self._choose_way)
        self.count_way.use_register.connect(lambda: self._choose_way(BY_REGISTER))
        self.note.textChanged.connect(self._note_changed)
        self.note.focus_out.connect(self.commit_now)
        self.photos.message.connect(self.message)
        self.files.message.connect(self.message)

    # ---------------------------------------------------------------- showing
    def show_place(self, workspace: Workspace, place: Place) -> None:
        self.commit_now()
        self.workspace, self.place = workspace, place
        self._loading = True
        ind = workspace.indicator(place.code)
        mine = workspace.is_mine(place)
        self.title.setText(f"{ind.code}　{fmt_points(ind.points)} " + translate("IndicatorPage", "分"))
        self.show_where()
        self.text.setText(ind.text_for(workspace.group.group_type))
        self.rule.setText(ind.rule.describe())
        self.standard.setText(ind.standard or "—")
        self.beside.setText(self._beside(workspace, place))
        carried = workspace.carried_items(place.code)
        self.carried.setText("\n".join(translate("IndicatorPage", "{0}（{1}，整改时限 {2}）").format(
            i.text, core_text(i.status), i.deadline or "—") for i in carried))
        self.carried_title.setVisible(bool(carried))
        self.carried.setVisible(bool(carried))
        values = workspace.inputs(place)
        self._show_counting()
        self.panel_answer.show_values(values, ind.points, mine)
        self._fill_checks(self.evidence_layout, self.evidence_checks, list(ind.evidence),
                          workspace.entry_value(place, "evidence"), mine, self._evidence_changed)
        methods = list(ind.methods) + [m for m in METHODS if m not in ind.methods]
        self._fill_checks(self.methods_layout, self.method_checks, methods,
                          workspace.entry_value(place, "methods"), mine, self._methods_changed)
        self.evidence_box.setVisible(bool(ind.evidence))
        self.note.setPlainText(workspace.entry_value(place, "note"))
        self.note.setReadOnly(not mine)
        self.photos.show_place(workspace, place)
        self.photos.setEnabled(mine)
        self.files.show_place(workspace, place)
        self.files.setEnabled(mine)
        self.show_outcome(workspace.error(place))
        self._set_tab_order()
        for button in self.findChildren(QAbstractButton):
            if not isinstance(button, QCheckBox):
                room_for_focus(button)
        self._loading = False
        self.verticalScrollBar().setValue(0)

    def _show_counting(self, register_too: bool = True) -> None:
        """The rule's inputs; for a count from a register, the way chosen (ui/count_way.py) and only its inputs
        editable: the other's kept figures greyed, or out of sight when it holds nothing. `register_too`: the
        register editor is shown afresh (not after its own edit: it keeps the level and school chosen)."""
        ws, place = self.workspace, self.place
        rule = ws.indicator(place.code).rule
        mine = ws.is_mine(place)
        values = ws.inputs(place)
        counted = rule.type in ("awards", "highest")
        self.count_way.setVisible(counted)
        by_register, typed = False, True
        if counted:
            way, typed, items = ws.count_way(place), bool(ws.typed_counts(place)), len(ws.register_items(place.code))
            by_register = way == BY_REGISTER
            self.count_way.show_way(way, highest=rule.type == "highest", items=items, typed=typed,
                                    scoring=values.get(REGISTER) is not None, enabled=mine and ws.can_score)
            self.register.setVisible(by_register or items > 0)
            if register_too:
                self.register.show_place(ws, place, mine and by_register)
        else:
            self.register.setVisible(False)
        self.inputs.build(rule.fields(), values, enabled=mine and not by_register)
        self.inputs.setVisible(not by_register or typed)

    def _set_tab_order(self) -> None:
        counted = self.count_way.isVisibleTo(self)
        chain = ([self.previous_button, self.next_button, self.unscored_button]
                 + (self.count_way.focus_chain() if counted else []) + self.inputs.focus_chain()
                 + (self.register.focus_chain() if self.register.isVisibleTo(self) else []) + self.panel_answer.focus_chain()
                 + self.evidence_checks + self.method_checks + [self.note] + self.photos.focus_chain()
                 + self.files.focus_chain())
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _beside(self, ws: Workspace, place: Place) -> str:
        parts = []
        own = ws.self_score(place)
        parts.append(translate("IndicatorPage", "自评分：{0}").format(fmt_points(own) if own is not None else "—"))
        for label, value in ws.baselines(place.code):
            parts.append(f"{label}：{value}")
        last = ws.last_year()
        if last:
            area = ws.indicator(place.code).area_code
            if area in last.get("areas", {}):
                parts.append(translate("IndicatorPage", "上年（{0}）本领域得分：{1}").format(last["year"], last["areas"][area]))
        return "　｜　".join(parts)

    def _fill_checks(self, layout, store: list, labels: list[str], ticked, enabled: bool, slot) -> None:
        for box in store:
            box.hide()
            box.setParent(None)
            box.deleteLater()
        store.clear()
        for label in labels:
            box = QCheckBox(label)
            box.setChecked(label in ticked)
            box.setEnabled(enabled)
            box.toggled.connect(slot)
            layout.addWidget(box)
            box.show()
            store.append(box)

    def show_outcome(self, error: str = "", field_key: str = "") -> None:
        ws, place = self.workspace, self.place
        ind = ws.indicator(place.code)
        answered, points, lines = ws.outcome(place)
        if points is None and answered and not ws.applicable(place):
            self.points.setText(translate("IndicatorPage", "不适用"))
        else:
            self.points.setText(f"{fmt_points(points)} / {fmt_points(ind.points)}")
        self.explanation.setText("\n".join(core_text(line) for line in lines))
        gap = ws.self_gap(place, points)
        self.attention.setText(translate("IndicatorPage", "▲ 需注意：与学校自评分 {0} 分相差 {1} 分，达到该项满分的两成；请核对佐证")
                               .format(fmt_points(ws.self_score(place)), fmt_points(gap)) if gap is not None else "")
        self.attention.setVisible(gap is not None)
        computed, reason = ws.computed(place)
        self.panel_answer.show_points(computed, points, bool(reason), ws.applicable(place) or not answered)
        # Said once: under the field it is about, or here when it names none.
        shown_by_field = bool(error) and (self.inputs.show_error(field_key, error)
                                          or self.panel_answer.show_error(field_key, error))
        if not error:
            self.inputs.clear_errors()
            self.panel_answer.clear_errors()
        self.error.setText(core_text(plain_error(error)) if error and not shown_by_field else "")
        self.error.setVisible(bool(error) and not shown_by_field)
        if error:  # scrolled into view once the layout has placed it: a refusal below the fold is not missed
            QTimer.singleShot(0, lambda key=field_key: self._reveal_error(key))

    def _reveal_error(self, key: str) -> None:
        label = self.inputs.errors.get(key)
        for target in (label, self.error):
            if target is not None and target.isVisible():
                self.ensureWidgetVisible(target)
                return

    # ---------------------------------------------------------------- editing
    @Slot(str, object)
    def _input_changed(self, key: str, value) -> None:
        change = self.workspace.draft(self.place, key, value)
        self.show_outcome(change.error, change.field_key)
        self.save_timer.start()
        self.changed.emit(change)

    def _register_changed(self, change) -> None:
        """The register was edited and the entry scored from it: the page as it now stands."""
        self._show_counting(register_too=False)
        self._set_tab_order()
        self.show_outcome(change.error if change.field_key != REGISTER else "", change.field_key)
        self.changed.emit(change)

    def _choose_way(self, way: str) -> None:
        """逐项登记 or 直接填写: the chosen way scores the entry, the other's figures are kept (and it says so)."""
        self.commit_now()
        change = self.workspace.choose_count_way(self.place, way)
        self._show_counting()
        self._set_tab_order()
        self.show_outcome(change.error, change.field_key)
        if not change.error:
            chosen = self.count_way.by_register if way == BY_REGISTER else self.count_way.by_hand
            self.message.emit(translate("IndicatorPage", "已改为“{0}”；另一种方式已填的内容都保留着，随时可以改回。")
                              .format(re.sub(r"\(&\w\)|&", "", chosen.text())), False)
        self.changed.emit(change)

    def _note_changed(self) -> None:
        if self._loading:
            return
        self.workspace.draft_entry(self.place, note=self.note.toPlainText())
        self.save_timer.start()

    def _evidence_changed(self) -> None:
        if not self._loading:
            self.workspace.draft_entry(self.place, evidence=[b.text() for b in self.evidence_checks if b.isChecked()])
            self.commit_now()

    def _methods_changed(self) -> None:
        if not self._loading:
            self.workspace.draft_entry(self.place, methods=[b.text() for b in self.method_checks if b.isChecked()])
            self.commit_now()

    @Slot()
    def commit_now(self) -> None:
        self.save_timer.stop()
        if self.workspace is None or not self.workspace.dirty:
            return
        change = self.workspace.commit()
        if change.error and change.place == self.place:
            self.show_outcome(change.error, change.field_key)
        self.changed.emit(change)

    def show_where(self) -> None:
        """The line under the title: the unit, how the indicator is scored, and for one scored school by school
        how many schools have it."""
        workspace, place = self.workspace, self.place
        ind = workspace.indicator(place.code)
        where = core_text(workspace.school_name(place.school_id)) + "　·　" + core_text(ind.scope.describe())
        if place.school_id and ind.scope.per_school:
            done, total = workspace.schools_scored(place.code)
            if total > 1:
                where += "　·　" + translate("IndicatorPage", "{0}/{1} 校已评（全部评完后计入领域得分）").format(done, total)
        if not workspace.is_mine(place):
            where += "　·　" + translate("IndicatorPage", "不在本人分工内（只可查看）")
        self.where.setText(where)

    def focus_first(self) -> None:
        editor = self.inputs.first_editor()
        if editor is None and self.register.isVisibleTo(self) and self.register.name.isEnabled():
            editor = self.register.name  # 逐项登记: the name of the next item
        if editor is not None:
            editor.setFocus(Qt.FocusReason.TabFocusReason)
            if hasattr(editor, "selectAll"):
                editor.selectAll()
            self.ensureWidgetVisible(editor)


class _NoteEdit(QPlainTextEdit):
    focus_out = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_out.emit()
