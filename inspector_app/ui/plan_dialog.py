"""Create an inspection: rubric, school year, stage, groups with their schools, experts."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from inspector_app.rubric.catalog import load_catalog
from inspector_app.store import plans as P
from inspector_app.ui.i18n import translate


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
        for rubric in sorted(self.catalog.rubrics.values(), key=lambda r: r.title):
            self.rubric.addItem(f"{rubric.title}（{rubric.version}）", rubric.id)
        self.year = QLineEdit("2024—2025")
        self.stage = QComboBox()
        self.stage.addItems(list(P.STAGES))
        self.groups = QPlainTextEdit()
        self.groups.setTabChangesFocus(True)
        self.groups.setPlaceholderText(translate(
            "PlanDialog", "每行一个集团：集团名称（类型）：核心校、成员校、成员校\n"
                          "例：城关教育集团（融合型）：城关小学、东关小学、西关小学"))
        self.experts = QLineEdit()
        self.experts.setPlaceholderText(translate("PlanDialog", "组长在前，用顿号分开：张老师、李老师"))
        form.addRow(translate("PlanDialog", "名称(&T)："), self.title)
        form.addRow(translate("PlanDialog", "指标体系(&R)："), self.rubric)
        form.addRow(translate("PlanDialog", "学年(&Y)："), self.year)
        form.addRow(translate("PlanDialog", "阶段(&S)："), self.stage)
        form.addRow(translate("PlanDialog", "集团和学校(&G)："), self.groups)
        form.addRow(translate("PlanDialog", "专家(&E)："), self.experts)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def spec(self) -> tuple[object, P.PlanSpec]:
        rubric = self.catalog.rubrics[self.rubric.currentData()]
        names = [n.strip() for n in self.experts.text().replace(",", "、").replace("，", "、").split("、") if n.strip()]
        experts = [P.ExpertSpec(n, "lead" if i == 0 else "member") for i, n in enumerate(names)]
        title = self.title.text().strip() or f"{self.year.text().strip()}学年{rubric.title}"
        return rubric, P.PlanSpec(title=title, school_year=self.year.text().strip(), stage=self.stage.currentText(),
                                  groups=parse_groups(self.groups.toPlainText(), rubric.group_types), experts=experts)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
