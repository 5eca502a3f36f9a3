"""Navigation: group → unit (集团整体 / each school) → area → indicator, with each
indicator's state, each unit's progress, a jump-to-code box and a text search."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from inspector_app.numbers import fmt_points
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.workspace import ATTENTION, DONE, IN_PROGRESS, NOT_STARTED, Place, Workspace

ROLE = Qt.ItemDataRole.UserRole
UNIT_LABEL = Qt.ItemDataRole.UserRole + 1  # a unit row's own name, shown before its progress
NAME = Qt.ItemDataRole.UserRole + 2  # a row's whole name (an indicator's with its code), for its tooltips
STATE_COLOURS = {NOT_STARTED: "#777777", IN_PROGRESS: "#a86400", DONE: "#1b7a2f", ATTENTION: "#b00020"}
STATE_MARKS = {NOT_STARTED: "○", IN_PROGRESS: "◐", DONE: "●", ATTENTION: "▲"}


def state_name(state: str) -> str:
    return {NOT_STARTED: translate("Navigator", "未开始"), IN_PROGRESS: translate("Navigator", "进行中"),
            DONE: translate("Navigator", "已完成"), ATTENTION: translate("Navigator", "需注意")}[state]


def state_text(state: str) -> str:
    return f"{STATE_MARKS[state]} {state_name(state)}"


def state_meaning(state: str) -> str:
    """What a mark means, for its tooltip and the legend."""
    return {NOT_STARTED: translate("Navigator", "还没有填写任何内容"),
            IN_PROGRESS: translate("Navigator", "已填写一部分，还不能计分"),
            DONE: translate("Navigator", "已评分（或已答“不适用”）"),
            ATTENTION: translate("Navigator", "需注意：填写有错误，或与学校自评分相差达到该项满分的两成")}[state]


def short_names(names: list[str]) -> dict[str, str]:
    """School names without the prefix they all share (中卫市第七小学教育集团总校 → 总校): what tells them apart."""
    if len(names) < 2:
        return {n: n for n in names}
    prefix = names[0]
    for name in names[1:]:
        while not name.startswith(prefix):
            prefix = prefix[:-1]
    cut = len(prefix)
    result = {}
    for name in names:
        rest = name[cut:].strip("　 ·-—()（）")
        result[name] = rest if len(rest) >= 2 else name
    return result


class Navigator(QWidget):
    place_chosen = Signal(object)  # Place
    group_chosen = Signal(str)
    go_to_page = Signal()  # a jump or search was confirmed: focus the page's first input

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.items: dict[Place, QTreeWidgetItem] = {}
        self.unit_items: dict[str, QTreeWidgetItem] = {}
        # What the rows show, kept so a keystroke repaints only what it changed: each unit's places
        # done, and each per-school indicator's "n/m 校" count.
        self._unit_done: dict[str, tuple[int, int]] = {}  # each unit's (scored, to score) of my places
        self._school_counts: dict[str, tuple[int, int]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group_combo = QComboBox()
        group_label = QLabel(translate("Navigator", "集团(&J)："))
        group_label.setBuddy(self.group_combo)
        layout.addWidget(group_label)
        # Items to score, not indicators: an indicator scored per school is one item a school (the score panel
        # counts the group's indicators, so the two numbers differ by design and each says which it counts).
        self.group_combo.setToolTip(translate(
            "Navigator", "“几/几 项已评”数的是分给您评的项：集团整体的每项指标算一项，逐校评分的指标（如 C20）"
                         "每所学校各算一项，所以可能比右栏数的指标多"))
        layout.addWidget(self.group_combo)
        self.jump = QLineEdit()
        self.jump.setPlaceholderText(translate("Navigator", "跳到指标编号，如 C5（Ctrl+G）"))
        self.jump.setClearButtonEnabled(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Navigator", "搜索指标内容（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        # Escape in the search box clears it: every indicator is listed again
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)
        layout.addWidget(self.jump)
        layout.addWidget(self.search)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("Navigator", "指标"), translate("Navigator", "状态")])
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        # A fixed state column, wide enough for its longest text: resizing to contents re-measures every
        # item on every keystroke, which grows with the group's places (1.6 ms at 541 items).
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.Fixed)
        self.tree.header().resizeSection(1, self._state_width())
        layout.addWidget(self.tree, 1)
        self.legend = QLabel("　".join(f"{STATE_MARKS[st]} {state_name(st)}" for st in STATE_MARKS))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")
        self.legend.setToolTip("\n".join(f"{STATE_MARKS[st]} {state_name(st)}：{state_meaning(st)}" for st in STATE_MARKS))
        self.legend_detail = QLabel(translate("Navigator", "▲ 需注意：有错误，或与自评分相差达到满分的两成"))
        self.legend_detail.setWordWrap(True)
        self.legend_detail.setStyleSheet("color: #555;")
        layout.addWidget(self.legend)
        layout.addWidget(self.legend_detail)
        self.group_combo.activated.connect(self._group_activated)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _c: self.go_to_page.emit() if item.data(0, ROLE) else None)
        self.jump.returnPressed.connect(self._jump)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._search_go)

    def _state_width(self) -> int:
        metrics = self.tree.fontMetrics()
        # Marks alone (their words are in the legend and each tooltip) and a school count: the indicator's
        # words keep the room. A unit's progress spans both columns, so it takes none here.
        widest = [STATE_MARKS[s] + translate("Navigator", " {0}/{1} 校").format(99, 99) for s in STATE_MARKS] + [
            translate("Navigator", "状态")]
        return max(metrics.horizontalAdvance(t) for t in widest) + 2 * metrics.averageCharWidth() + 8

    # ---------------------------------------------------------------- building
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Reopened where she left off: that row in the middle of the tree, not half under its bottom edge
        # (selected before the window had its size).
        super().showEvent(event)
        item = self.tree.currentItem()
        if item is not None:
            self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)

    def load(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        progress = workspace.group_progress()
        for g in workspace.groups:
            self.group_combo.addItem(self._group_text(g, progress.get(g.id, (0, 0))), g.id)
            self.group_combo.setItemData(self.group_combo.count() - 1, self._group_tip(progress.get(g.id, (0, 0))),
                                         Qt.ItemDataRole.ToolTipRole)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(workspace.group.id)))
        self.group_combo.blockSignals(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        self.items.clear()
        self.unit_items.clear()
        self._unit_done.clear()
        self._school_counts.clear()
        ws = workspace
        shorts = short_names([u.name for u in ws.units if u.school_id])
        for unit in ws.units:
            label = core_text(shorts.get(unit.name, unit.name))
            unit_item = QTreeWidgetItem([label, ""])
            unit_item.setData(0, UNIT_LABEL, label)
            unit_item.setData(0, NAME, core_text(unit.name))  # its tooltip: the whole name, and its progress
            font = unit_item.font(0)
            font.setBold(True)
            unit_item.setFont(0, font)
            self.tree.addTopLevelItem(unit_item)
            unit_item.setFirstColumnSpanned(True)  # its progress reads across the state column
            self.unit_items[unit.school_id] = unit_item
            by_area: dict[str, QTreeWidgetItem] = {}
            for code in unit.codes:
                ind = ws.indicator(code)
                area_item = by_area.get(ind.area_code)
                if area_item is None:
                    area = ws.rubric.area(ind.area_code)
                    area_item = QTreeWidgetItem([f"{area.code} {area.title}", ""])
                    area_item.setToolTip(0, f"{area.code} {area.title}")  # a long title is cut in the narrow tree
                    unit_item.addChild(area_item)
                    area_item.setFirstColumnSpanned(True)  # an area has no state of its own: its title has the row
                    by_area[ind.area_code] = area_item
                place = Place(unit.school_id, code)
                name = f"{code} {ind.text_for(ws.group.group_type)}"
                item = QTreeWidgetItem([name, ""])
                item.setData(0, ROLE, place)
                # The name whole (the column cuts it, and a fixed width is kept: measuring every item costs
                # a keystroke's time), on its state too, which _paint writes after it.
                item.setToolTip(0, name)
                item.setData(1, NAME, name)
                if not ws.is_mine(place):
                    item.setForeground(0, QBrush(QColor("#9a9a9a")))
                area_item.addChild(item)
                self.items[place] = item
                self._paint(place)
            self._paint_unit(unit.school_id)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._filter(self.search.text())

    @staticmethod
    def _group_text(g, progress: tuple[int, int]) -> str:
        done, total = progress
        return (g.name + (f"（{core_text(g.group_type)}）" if g.group_type else "")
                + "　" + translate("Navigator", "{0}/{1} 项已评").format(done, total))

    @staticmethod
    def _group_tip(progress: tuple[int, int]) -> str:
        # Items to score, not indicators: an indicator scored school by school is one item per school, so this
        # count can differ from the score panel's count of indicators.
        done, total = progress
        return translate("Navigator", "分给您评的 {1} 项中已评 {0} 项（逐校评分的指标每所学校各算一项）").format(done, total)

    def update_group_progress(self) -> None:
        ws = self.workspace
        index = self.group_combo.findData(ws.group.id)
        if index >= 0:
            counts = [self._unit_done.get(u.school_id, (0, 0)) for u in ws.units]  # as each unit's row shows it
            done, total = sum(d for d, _t in counts), sum(t for _d, t in counts)
            self.group_combo.setItemText(index, self._group_text(ws.group, (done, total)))
            self.group_combo.setItemData(index, self._group_tip((done, total)), Qt.ItemDataRole.ToolTipRole)

    def _paint(self, place: Place) -> None:
        item = self.items.get(place)
        if item is None:
            return
        state = self.workspace.state(place)
        text = STATE_MARKS[state]
        tip = f"{item.data(1, NAME)}\n{state_text(state)}：{state_meaning(state)}"
        if place.school_id and self.workspace.indicator(place.code).scope.per_school:
            done, total = self._school_counts.get(place.code) or self._count_schools(place.code)
            if total > 1:
                text += translate("Navigator", " {0}/{1} 校").format(done, total)
                tip += "\n" + translate("Navigator", "逐校评分：{0}/{1} 校已评，全部评完后计入领域得分").format(done, total)
        if not self.workspace.is_mine(place):
            tip += "\n" + translate("Navigator", "不在本人分工内")
        item.setText(1, text)
        item.setToolTip(1, tip)
        item.setForeground(1, QBrush(QColor(STATE_COLOURS[state])))

    def _count_schools(self, code: str) -> tuple[int, int]:
        count = self._school_counts[code] = self.workspace.schools_scored(code)
        return count

    def _paint_unit(self, school_id: str) -> None:
        done, total = self.workspace.unit_progress(school_id)
        self._unit_done[school_id] = (done, total)
        points = self.workspace.unit_points(school_id)
        item = self.unit_items[school_id]
        progress = translate("Navigator", "{0}　{1}/{2} 项 · {3} 分")
        item.setText(0, progress.format(item.data(0, UNIT_LABEL), done, total, fmt_points(points)))
        item.setToolTip(0, progress.format(item.data(0, NAME), done, total, fmt_points(points)))

    def update_place(self, place: Place | None) -> None:
        if place is None or self.workspace is None:
            return
        # A per-school indicator's "3/7 校" shows on every school's row: those are repainted when the
        # count changed; otherwise only this row (its own unit's total and the group's follow).
        before = self._school_counts.get(place.code)
        after = self._count_schools(place.code) if place.school_id else None
        same = self.workspace.school_places(place.code) if place.school_id and after != before else [place]
        for other in same:
            self._paint(other)
        self._paint_unit(place.school_id)
        self.update_group_progress()

    # ---------------------------------------------------------------- moving
    def current(self) -> Place | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def select(self, place: Place | None) -> None:
        item = self.items.get(place)
        if item is not None:
            item.setHidden(False)
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    @Slot(object, object)
    def _current_changed(self, item, _previous) -> None:
        place = item.data(0, ROLE) if item is not None else None
        if place is not None:
            self.place_chosen.emit(place)

    def _group_activated(self, index: int) -> None:
        self.group_chosen.emit(self.group_combo.itemData(index))

    def _jump(self) -> None:
        ws = self.workspace
        code = self.jump.text().strip().upper()
        here = self.current()
        candidates = [p for p in ws.places if p.code.upper() == code]
        if not candidates:
            self.jump.setStyleSheet("color: #b00020;")
            return
        self.jump.setStyleSheet("")
        place = next((p for p in candidates if here and p.school_id == here.school_id), candidates[0])
        self.jump.clear()
        self.select(place)
        self.go_to_page.emit()

    def _filter(self, text: str) -> None:
        if self.workspace is None:
            return
        hits = set(self.workspace.search(text))
        for place, item in self.items.items():
            item.setHidden(place not in hits)
        # a school or area with nothing found in it is not listed while searching
        for unit_item in self.unit_items.values():
            any_unit = False
            for i in range(unit_item.childCount()):
                area_item = unit_item.child(i)
                shown = any(not area_item.child(j).isHidden() for j in range(area_item.childCount()))
                area_item.setHidden(not shown)
                any_unit |= shown
            unit_item.setHidden(not any_unit)

    def _search_go(self) -> None:
        hits = self.workspace.search(self.search.text())
        if hits:
            self.select(hits[0])
            self.go_to_page.emit()
