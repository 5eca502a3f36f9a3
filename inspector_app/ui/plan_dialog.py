"""Create an inspection: rubric, school year, round (阶段), groups with their schools, experts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QLineEdit,
                               QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget)

from inspector_app.numbers import fmt_points
from inspector_app.rubric.catalog import load_catalog
from inspector_app.rubric.readiness import scoring_refusal
from inspector_app.store import plans as P
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate


def rubric_order(rubrics) -> list:
    """Complete rubrics first (they can be scored), then the templates, each by title."""
    return sorted(rubrics, key=lambda r: (r.status == "template", r.title))


def template_refusal(rubric) -> str:
    """Why a rubric cannot be scored, in the window's language ("" for a complete rubric): the core's check,
    the same words `inspector plan create` says."""
    return core_text(scoring_refusal(rubric))


def parse_groups(text: str, group_types: tuple[str, ...]) -> list[P.GroupSpec]:
    """One group per line: `集团名（类型）：核心校、成员校、成员校`; the first school is the lead."""
    groups = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        name, _, schools = line.replace(":", "：").partition("：")
        gtype = None
        for t in group_types:
            if name.endswith(f"（{t}）") or name.endswith(f"({t})"):
                gtype, name = t, name[: -len(t) - 2]
        names = [s.strip() for s in schools.replace(",", "、").replace("，", "、").split("、") if s.strip()]
        groups.append(P.GroupSpec(name=name.strip(), group_type=gtype, schools=[
            P.SchoolSpec(s, "lead" if i == 0 else "member") for i, s in enumerate(names)]))
    return groups


class PlanDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("PlanDialog", "新建考核"))
        self.resize(720, 520)
        self.catalog = load_catalog()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.title = QLineEdit()
        self.rubric = QComboBox()
        ordered = rubric_order(self.catalog.rubrics.values())
        for rubric in ordered:
            if rubric.status == "template" and self.rubric.count() and \
                    self.catalog.rubrics[self.rubric.itemData(self.rubric.count() - 1)].status != "template":
                self.rubric.insertSeparator(self.rubric.count())
            label = f"{rubric.title}（{rubric.version}）"
            if rubric.status == "template":
                label += translate("PlanDialog", "——模板，未完成，不能评分")
            self.rubric.addItem(label, rubric.id)
        self.rubric.setCurrentIndex(0)  # a complete one (complete rubrics come first)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_area = QScrollArea()  # a template's explanation is long: it scrolls, never cut
        self.about_area.setWidget(self.about)
        self.about_area.setWidgetResizable(True)
        self.about_area.setFrameShape(QFrame.Shape.NoFrame)
        self.about_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop: it holds no input, the reason is in sight whole (see _show_rubric), and a stop there
        # drew no focus ring, so Tab seemed to go nowhere.
        self.about_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.year = QLineEdit("2024—2025")
        self.stage = QComboBox()
        for stage in P.STAGES:  # shown in the window's language, kept as the plan says it
            self.stage.addItem(core_text(stage), stage)
        self.groups = QPlainTextEdit()
        self.groups.setTabChangesFocus(True)
        self.groups.setPlaceholderText(translate(
            "PlanDialog", "每行一个集团：集团名称（类型）：核心校、成员校、成员校\n"
                          "例：城关教育集团（融合型）：城关小学、东关小学、西关小学"))
        self.experts = QLineEdit()
        self.experts.setPlaceholderText(translate("PlanDialog", "组长在前，用顿号分开：张老师、李老师"))
        form.addRow(translate("PlanDialog", "名称(&T)："), self.title)
        form.addRow(translate("PlanDialog", "指标体系(&R)："), self.rubric)
        form.addRow("", self.about_area)
        form.addRow(translate("PlanDialog", "学年(&Y)："), self.year)
        form.addRow(translate("PlanDialog", "阶段(&S)："), self.stage)
        form.addRow(translate("PlanDialog", "集团和学校(&G)："), self.groups)
        form.addRow(translate("PlanDialog", "专家(&E)："), self.experts)
        self.plain_note = QLabel(translate("PlanDialog", "在这里建立的考核，数据包不加密（没有登记各位专家的公钥），"
                                                          "适合演练和不需要保密的考核。需要加密的正式考核，"
                                                          "请技术人员用考核名单建立。"))
        self.plain_note.setWordWrap(True)
        layout.addWidget(self.plain_note)
        self.it_note = QLabel(translate("PlanDialog", "供技术人员：命令行 inspector plan create --roster，"
                                                       "见使用手册第三章“建立考核计划”。"))
        self.it_note.setWordWrap(True)
        self.it_note.setStyleSheet("color: #555;")
        small = self.it_note.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.it_note.setFont(small)
        self.it_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.it_note)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()  # an empty line above the buttons until there is something to say
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.rubric.currentIndexChanged.connect(lambda _i: self._show_rubric())
        self._show_rubric()

    def chosen_rubric(self):
        return self.catalog.rubrics.get(self.rubric.currentData())

    def _show_rubric(self) -> None:
        rubric = self.chosen_rubric()
        if rubric is None:
            return
        refusal = template_refusal(rubric)
        if refusal:
            self.about.setStyleSheet("color: #b00020;")
            self.about.setText(refusal)
        else:
            self.about.setStyleSheet("color: #555;")
            total = fmt_points(rubric.total) if rubric.total is not None else "—"
            self.about.setText(translate("PlanDialog", "完整的指标体系：{0} 项指标，总分 {1} 分").format(
                len(rubric.indicators), total))
        self.about_area.setMinimumHeight(190 if refusal else 0)  # the whole reason in sight, the rest scrolls
        # A complete rubric's summary is one short line, the box as tall as it: a scroll area never asks for less
        # than room for its scrollbars, which left the line in the middle of an empty band.
        self.about.setWordWrap(bool(refusal))
        self.about_area.setMaximumHeight(190 if refusal else self.about.sizeHint().height())
        self.ok.setEnabled(not refusal)

    def accept(self) -> None:
        rubric = self.chosen_rubric()
        if rubric is None or template_refusal(rubric):
            self._show_rubric()  # a template is refused, with the reason beside it
            return
        super().accept()

    def spec(self) -> tuple[object, P.PlanSpec]:
        rubric = self.chosen_rubric()
        names = [n.strip() for n in self.experts.text().replace(",", "、").replace("，", "、").split("、") if n.strip()]
        experts = [P.ExpertSpec(n, "lead" if i == 0 else "member") for i, n in enumerate(names)]
        title = self.title.text().strip() or f"{self.year.text().strip()}学年{rubric.title}"
        return rubric, P.PlanSpec(title=title, school_year=self.year.text().strip(), stage=self.stage.currentData(),
                                  groups=parse_groups(self.groups.toPlainText(), rubric.group_types), experts=experts)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
