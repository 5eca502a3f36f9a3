"""The score as it stands: area subtotals against their maximum, bonus, veto, total and
grade for the group, and the current unit's points; refreshed from each change."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFrame, QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QProgressBar,
                               QScrollArea, QVBoxLayout, QWidget)

from inspector_app.numbers import fmt_points
from inspector_app.scoring.engine import ScoreCard
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.inputs import FOCUS_COLOR
from inspector_app.ui.scrolling import FollowingScrollArea
from inspector_app.workspace import Workspace


def _restyle(widget: QWidget, sheet: str) -> None:
    """A style sheet set only when it changes: setting one re-polishes the widget (each keystroke)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class _ReasonEdit(QPlainTextEdit):
    focus_out = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_out.emit()


class ScorePanel(QFrame):
    veto_changed = Signal(str, bool, str)  # key, value, reason

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(230)
        layout = QVBoxLayout(self)
        self.heading = QLabel(translate("ScorePanel", "目前得分"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        self.total_label.setStyleSheet("font-size: 24pt; font-weight: bold;")
        self.grade_label = QLabel()
        self.grade_label.setStyleSheet("font-size: 14pt;")
        for label in (self.total_label, self.grade_label):  # "Provisional 37.2" is wider than "暂计 37.2": wrapped, not cut
            label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #666;")
        layout.addWidget(self.total_label)
        layout.addWidget(self.grade_label)
        layout.addWidget(self.note_label)
        # The school on the page, near the top: scored school by school, her own school's total is what she
        # works towards (the group's areas count a per-school indicator only once every school has it).
        self.unit_label = QLabel()
        self.unit_label.setWordWrap(True)
        self.unit_label.setStyleSheet("font-weight: bold; color: #1d4f91;")
        layout.addWidget(self.unit_label)
        self.areas_box = QGroupBox(translate("ScorePanel", "各领域"))
        self.areas_grid = QGridLayout(self.areas_box)
        self.areas_grid.setColumnStretch(0, 1)
        layout.addWidget(self.areas_box)
        self.area_labels: dict[str, QLabel] = {}
        self.area_bars: dict[str, QProgressBar] = {}
        self.base_label = QLabel()
        self.bonus_label = QLabel()
        layout.addWidget(self.base_label)
        layout.addWidget(self.bonus_label)
        self.veto_box = QGroupBox(translate("ScorePanel", "一票否决"))
        self.veto_layout = QVBoxLayout(self.veto_box)
        layout.addWidget(self.veto_box)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.last_label.setStyleSheet("color: #1d4f91;")
        layout.addWidget(self.last_label)
        layout.addStretch(1)
        self.workspace: Workspace | None = None
        self.veto_states: dict = {}  # key -> (box, reason edit, state label, the reason as saved)
        self.veto_kinds: dict[str, bool] = {}  # key -> withholds the top grade (取消优秀资格) rather than fails

    def scrolled(self) -> QScrollArea:
        """The panel in a vertical scroll area: with vetoes and many areas it is taller than a school
        laptop's screen at 125%, and a window taller than the screen hides its own bottom (已保存)."""
        area = FollowingScrollArea()
        area.setWidget(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(self.minimumWidth() + area.verticalScrollBar().sizeHint().width())
        # A Tab stop (↑↓ and PgUp/PgDn read the rest of the panel), so a visible one: a ring when it has the
        # keyboard, room for it kept when it has not (nothing moves as focus comes and goes).
        area.setObjectName("scoreArea")
        area.setStyleSheet(f"QScrollArea#scoreArea {{ border: 2px solid transparent; }}"
                           f" QScrollArea#scoreArea:focus {{ border: 2px solid {FOCUS_COLOR}; }}")
        area.setAccessibleName(translate("ScorePanel", "目前得分"))
        return area

    def load(self, workspace: Workspace) -> None:
        self.workspace = workspace
        while self.areas_grid.count():
            old = self.areas_grid.takeAt(0).widget()
            old.hide()
            old.setParent(None)
            old.deleteLater()
        self.area_labels.clear()
        self.area_bars.clear()
        for row, area in enumerate(workspace.rubric.areas):
            title = QLabel(f"{area.title}" + (translate("ScorePanel", "（加分）")
                                              if area.bonus and not area.says_bonus else ""))
            title.setWordWrap(True)  # a long area title wraps in the narrow panel rather than being cut
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedHeight(5)
            self.areas_grid.addWidget(title, row * 2, 0)
            self.areas_grid.addWidget(value, row * 2, 1)
            self.areas_grid.addWidget(bar, row * 2 + 1, 0, 1, 2)
            self.area_labels[area.code] = value
            self.area_bars[area.code] = bar
        for child in self.veto_box.findChildren(QWidget):
            child.hide()
            child.setParent(None)
            child.deleteLater()
        self.veto_box.setVisible(bool(workspace.rubric.vetoes))
        grades = workspace.rubric.grades
        self.veto_box.setTitle(translate("ScorePanel", "一票否决 · 取消资格")
                               if any(v.withholds_top for v in workspace.rubric.vetoes)
                               else translate("ScorePanel", "一票否决"))
        current = workspace.vetoes()
        self.veto_states = {}
        self.veto_kinds = {}
        for veto in workspace.rubric.vetoes:
            value, reason = current.get(veto.key, (False, ""))
            # the box says what ticking means in a word; the finding itself wraps below it
            # Alt+F (否决) and Alt+Q (取消) reach the first finding of each kind from anywhere on the page
            first = not any(k == veto.withholds_top for k in self.veto_kinds.values())
            if veto.withholds_top:
                words = (translate("ScorePanel", "认定取消“{0}”资格(&Q)") if first
                         else translate("ScorePanel", "认定取消“{0}”资格"))
                box = QCheckBox(words.format(core_text(grades.labels[0])))
            else:
                box = QCheckBox(translate("ScorePanel", "认定否决(&F)") if first else translate("ScorePanel", "认定否决"))
            box.setChecked(value)
            text = QLabel(veto.text)
            text.setWordWrap(True)
            text.setBuddy(box)
            why = _ReasonEdit(reason)
            why.setPlaceholderText(translate("ScorePanel", "查实的事实和理由（认定时必填）") if veto.withholds_top
                                   else translate("ScorePanel", "事实和理由（认定否决时必填）"))
            why.setTabChangesFocus(True)
            why.setFixedHeight(60)
            state = QLabel()
            state.setWordWrap(True)
            box.toggled.connect(lambda on, k=veto.key, w=why: self.veto_changed.emit(k, on, w.toPlainText()))
            why.focus_out.connect(lambda k=veto.key, b=box, w=why: self._reason_left(k, b, w))
            why.textChanged.connect(lambda k=veto.key, b=box, w=why: self._reason_typed(k, b, w))
            for widget in (text, box, why, state):
                self.veto_layout.addWidget(widget)
                widget.show()  # now, not when the layout next runs: focus can move at once
            self.veto_states[veto.key] = (box, why, state, reason)
            self.veto_kinds[veto.key] = veto.withholds_top
            self._paint_veto(veto.key, saved=True)
        self.heading.setText(translate("ScorePanel", "{0}：目前得分（{1}）").format(workspace.group.name,
                                                                             workspace.expert_name))
        last = workspace.last_year()
        self.last_label.setText(translate("ScorePanel", "上年（{0}）：{1} 分，{2}，第 {3} 名").format(
            last["year"], last["total"], core_text(last["grade"] or "—"), last["rank"] or "—") if last else "")
        self.show_card(workspace.card())

    def _reason_typed(self, key: str, _box: QCheckBox, why) -> None:
        self._paint_veto(key, saved=why.toPlainText() == self.veto_states[key][3])

    def _reason_left(self, key: str, box: QCheckBox, why) -> None:
        if why.toPlainText() != self.veto_states[key][3] or (box.isChecked() and not why.toPlainText().strip()):
            self.veto_changed.emit(key, box.isChecked(), why.toPlainText())

    def show_veto_state(self, key: str, change) -> None:
        """After a save attempt: saved (the reason kept as the saved one), or why not."""
        if key not in self.veto_states:
            return
        box, why, state, saved_reason = self.veto_states[key]
        if change.error or change.save_error:
            self._paint_veto(key, saved=False, error=change.error or change.save_error)
            return
        self.veto_states[key] = (box, why, state, why.toPlainText())
        self._paint_veto(key, saved=True)

    def _paint_veto(self, key: str, saved: bool, error: str = "") -> None:
        box, why, state, _reason = self.veto_states[key]
        withholds = self.veto_kinds.get(key, False)
        if not saved:
            if box.isChecked() and not why.toPlainText().strip():
                error = error or (translate("ScorePanel", "认定取消资格须写明查实的事实和理由") if withholds
                                  else translate("ScorePanel", "认定否决须写明事实和理由"))
            state.setText(translate("ScorePanel", "未保存：{0}").format(error) if error
                          else translate("ScorePanel", "未保存：离开理由框即保存"))
            state.setStyleSheet("color: #b00020; font-weight: bold;")
        elif box.isChecked():
            state.setText(translate("ScorePanel", "已保存：认定取消资格") if withholds
                          else translate("ScorePanel", "已保存：认定否决"))
            state.setStyleSheet("color: #b00020;")
        else:
            state.setText("")
        state.setVisible(bool(state.text()))

    def show_card(self, card: ScoreCard) -> None:
        self.grade_label.setToolTip("")
        if card.done == 0 and not card.vetoed:
            # nothing scored yet: no total and no grade, rather than a large "0 不合格"
            self.total_label.setText("—")
            self.grade_label.setText(translate("ScorePanel", "尚未评分"))
            _restyle(self.grade_label, "font-size: 14pt; color: #555;")
            self.note_label.setText(translate("ScorePanel", "共 {0} 项指标，评分后这里显示暂计得分").format(card.count))
        elif not card.complete and not card.vetoed:
            self.total_label.setText(translate("ScorePanel", "暂计 {0}").format(fmt_points(card.total)))
            # The group's indicators, not the expert's items (the navigator's count): said in the words.
            self.grade_label.setText(translate("ScorePanel", "等次待评完（指标已评完 {0}/{1}）").format(card.done, card.count))
            self.grade_label.setToolTip(translate(
                "ScorePanel", "等次在全集团 {0} 项指标都评完后给出。逐校评分的指标（如 C20）要每所学校都评完才算评完一项指标，"
                              "所以这里的数可能比左边“项已评”的少").format(card.count))
            _restyle(self.grade_label, "font-size: 12pt; color: #555;")
            self.note_label.setText(core_text(card.grade_note))
        else:
            self.total_label.setText(fmt_points(card.total))
            self.grade_label.setText(core_text(card.grade or "—"))
            _restyle(self.grade_label, "font-size: 14pt; color: %s;" % ("#b00020" if card.vetoed or card.withheld else "#000"))
            self.note_label.setText(core_text(card.grade_note))
        if card.composite and card.done:  # 002: the total is the weighted composite; show how it is made
            self.note_label.setText("\n".join(t for t in (core_text(card.composite_text()), self.note_label.text()) if t))
        if card.overridden:  # the panel's own figure stands in the total somewhere: said under it
            said = translate("ScorePanel", "含考核组改定得分：{0}").format("、".join(card.overridden))
            self.note_label.setText("\n".join(t for t in (self.note_label.text(), said) if t))
        self.note_label.setVisible(bool(self.note_label.text()))  # nothing to say: no empty band
        for area in card.areas:
            label = self.area_labels.get(area.code)
            if label is None:
                continue
            label.setText(f"{fmt_points(area.points)} / {fmt_points(area.max)}")
            bar = self.area_bars[area.code]
            top, value = max(1, int(area.max * 10)), int(area.points * 10)
            if (bar.maximum(), bar.value()) != (top, value):  # a bar repaints at once: only the one that moved
                bar.setMaximum(top)
                bar.setValue(value)
        self.base_label.setText(translate("ScorePanel", "基础分：{0}").format(fmt_points(card.base)))
        self.bonus_label.setText(translate("ScorePanel", "加分：{0}").format(fmt_points(card.bonus)))

    def show_unit(self, school_id: str) -> None:
        ws = self.workspace
        if ws is None or not school_id:
            self.unit_label.setText("")
            self.unit_label.hide()  # no empty band under the grade on a group-level indicator
            return
        self.unit_label.show()
        done, total = ws.unit_progress(school_id)
        self.unit_label.setText(translate("ScorePanel", "{0}：逐校指标 {1}/{2} 项，{3} 分").format(
            ws.school_name(school_id), done, total, fmt_points(ws.unit_points(school_id))))
