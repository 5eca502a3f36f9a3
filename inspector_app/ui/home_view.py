"""Home: the inspections in this data folder, open one, create one, open the demo; who I am."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.store.db import Store, StoreError
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.inspection import Inspection, chosen_expert_id


def own_fingerprint(store: Store) -> str:
    """The fingerprint of this install's signing key, read aloud when keys are compared."""
    try:
        from inspector_app.bundles.keys import KeyStore
    except ImportError:  # bundles not installed in this build
        return ""
    try:
        return KeyStore(store.data_dir).own_key().fingerprint
    except Exception:  # noqa: BLE001 - a key problem must not keep the window from opening
        return ""


class HomeView(QWidget):
    open_plan = Signal(str)
    create_plan = Signal()
    open_demo = Signal()
    import_package = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 4)
        outer.addStretch(1)
        title = QLabel(translate("HomeView", "集团化办学督导考核"))
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        column.addSpacing(24)
        column.addWidget(title)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.who)
        column.addSpacing(12)
        label = QLabel(translate("HomeView", "考核计划(&A)："))
        self.plans = QListWidget()
        label.setBuddy(self.plans)
        column.addWidget(label)
        column.addWidget(self.plans, 1)
        self.empty = QLabel(translate(
            "HomeView", "这个数据文件夹里还没有考核计划。可以先打开演示考核看一看（一键建立，内容都标有“演示”），"
            "或者新建考核。"))
        self.empty.setWordWrap(True)
        column.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(translate("HomeView", "打开(&O)"))
        self.open_button.setDefault(True)
        self.new_button = QPushButton(translate("HomeView", "新建考核(&N)…"))
        self.demo_button = QPushButton(translate("HomeView", "打开演示考核(&D)"))
        self.import_button = QPushButton(translate("HomeView", "导入考核计划包(&I)…"))
        self.import_button.setToolTip(translate("HomeView", "教育局发来的签名考核计划包（.zip）"))
        for b in (self.open_button, self.new_button, self.demo_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.where = QLabel()
        self.where.setStyleSheet("color: #666;")
        self.where.setWordWrap(True)
        column.addWidget(self.where)
        column.addSpacing(24)
        self.open_button.clicked.connect(self._open)
        self.plans.itemActivated.connect(lambda _i: self._open())
        self.new_button.clicked.connect(self.create_plan)
        self.demo_button.clicked.connect(self.open_demo)
        self.import_button.clicked.connect(self.import_package)

    def load(self, store: Store) -> None:
        self.store = store
        self.plans.clear()
        for plan in P.list_plans(store):
            try:
                rubric_title = P.plan_rubric(store, plan).title
            except StoreError as exc:
                rubric_title = core_text(str(exc))
            item = QListWidgetItem(f"{plan.title}\n    {plan.school_year} · {core_text(plan.stage)} · {rubric_title}"
                                   f"{self._progress(store, plan)}")
            item.setData(Qt.ItemDataRole.UserRole, plan.id)
            self.plans.addItem(item)
        has_plans = self.plans.count() > 0
        self.empty.setVisible(not has_plans)
        self.open_button.setEnabled(has_plans)
        if has_plans:
            current = store.setting("current_plan")
            rows = [self.plans.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.plans.count())]
            self.plans.setCurrentRow(rows.index(current) if current in rows else 0)
        self._show_who()
        self.where.setText(translate("HomeView", "数据文件夹：{0}").format(store.data_dir))

    @staticmethod
    def _progress(store: Store, plan) -> str:
        """" · 12/24 项已评" for the expert this laptop chose in the plan ("" when nobody chose yet)."""
        expert_id = chosen_expert_id(store, plan.id)
        if not expert_id:
            return ""
        try:
            done, total = Inspection(store, plan).progress(expert_id)
        except StoreError:
            return ""
        return " · " + translate("HomeView", "{0}/{1} 项已评").format(done, total)

    def _show_who(self) -> None:
        store = self.store
        plan_id = store.setting("current_plan")
        name = ""
        if plan_id:
            expert_id = chosen_expert_id(store, plan_id)
            name = next((e.name for e in EX.experts(store, plan_id) if e.id == expert_id), "")
        fingerprint = own_fingerprint(store)
        parts = [translate("HomeView", "专家：{0}").format(name or translate("HomeView", "（打开考核后确定）"))]
        parts.append(translate("HomeView", "本机密钥指纹：{0}").format(fingerprint or "—"))
        self.who.setText("　　".join(parts))

    def _open(self) -> None:
        item = self.plans.currentItem()
        if item is not None:
            self.open_plan.emit(item.data(Qt.ItemDataRole.UserRole))
