"""The expert's window: home, or the work area (navigator | indicator page or findings | score),
with the actions and shortcuts that move between them and the save state in the status bar."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from inspector_app.store import plans as P
from inspector_app.store.db import Store, StoreError
from inspector_app.ui.home_view import HomeView
from inspector_app.ui.identity_dialog import ask_after_new_plan
from inspector_app.ui.i18n import LANGUAGES, current_language, translate
from inspector_app.ui.indicator_page import IndicatorPage
from inspector_app.ui.inputs import FOCUS_STYLE
from inspector_app.ui.navigator import Navigator
from inspector_app.ui.score_panel import ScorePanel
from inspector_app.workspace import Change, Place, Workspace

BACKUP_CHECK_MS = 60_000
REMEMBER_DELAY_MS = 1500  # where the expert is, written once she pauses (not a write per arrow key)
SAVED_STYLE = ("color: #ffffff; background: #1b7a2f; font-weight: bold; font-size: 11pt;"
               " padding: 2px 10px; border-radius: 3px;")
ERROR_STYLE = ("color: #ffffff; background: #b00020; font-weight: bold; font-size: 11pt;"
               " padding: 2px 10px; border-radius: 3px;")


def program_name() -> str:
    """The program as its desktop menu entry names it (build/linux/inspector.desktop); English: Inspector."""
    return translate("MainWindow", "Inspector 督导考核")


def DEMO_NOTICE() -> str:  # noqa: N802 - a translated constant
    return translate("MainWindow", "这是演示考核：内容都是编造的，标有“演示”。开始真正的考核：“考核 → 导入考核计划包”"
                                   "（教育局发来的计划包），或“考核 → 新建考核”。")



class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None, *, home: bool = True):
        super().__init__(parent)
        self.store = store
        self.workspace: Workspace | None = None
        self.place: Place | None = None
        self.setWindowTitle(program_name())
        self.setStyleSheet(FOCUS_STYLE)
        # Never larger than the screen: where nothing maximises the window (no window manager), a 1366×768
        # laptop at 125% has 1093×614 to show it in.
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1280, screen.width()) if screen else 1280, min(720, screen.height()) if screen else 720)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px; border-bottom: 1px solid #e0c060;")
        self.banner.hide()
        column.addWidget(self.banner)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.home = HomeView()
        self.navigator = Navigator()
        self.page = IndicatorPage()
        self._findings = None  # built on first use or just after the first paint (findings_view)
        self.score = ScorePanel()
        self.middle = QStackedWidget()
        self.middle.addWidget(self.page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.navigator, self.middle, self.score.scrolled()):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([330, 760, 260])
        self.splitter.setChildrenCollapsible(False)
        self.navigator.setMinimumWidth(240)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.splitter)

        self.saved = QLabel()
        self.saved.setStyleSheet(SAVED_STYLE)
        self.saved.setToolTip(translate("MainWindow", "每一次改动都立即存入本机数据库；这里显示最近一次保存的时间"))
        self.saved.hide()
        self.statusBar().addPermanentWidget(self.saved)
        self.remember_timer = QTimer(self)
        self.remember_timer.setSingleShot(True)
        self.remember_timer.setInterval(REMEMBER_DELAY_MS)
        self.remember_timer.timeout.connect(self.remember_place)
        self._make_actions()
        from inspector_app.ui.data_menus import DataMenus  # bundles, 合议, reports, 教育局: their own module
        self.data_menus = DataMenus(self)
        self.home.open_plan.connect(self.open_plan)
        self.home.open_demo.connect(self.open_demo)
        self.home.create_plan.connect(self.create_plan)
        self.navigator.place_chosen.connect(self.show_place)
        self.navigator.group_chosen.connect(self.select_group)
        self.navigator.go_to_page.connect(self.page.focus_first)
        self.page.changed.connect(self.apply_change)
        self.page.message.connect(self.show_message)
        self.page.photos.changed.connect(lambda: self.navigator.update_place(self.place))
        self.page.photos.saved.connect(self.note_saved)
        self.page.files.saved.connect(self.note_saved)
        self.page.step_requested.connect(self.step)
        self.page.next_unscored_requested.connect(self.next_unscored)
        self.score.veto_changed.connect(self.set_veto)
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self._backup)
        self.backup_timer.start(BACKUP_CHECK_MS)
        if home:
            self.show_home()
        report = store.report
        notices = [text for text in (report.recovered, report.location_warning) if text]
        if notices:
            from inspector_app.ui.core_words import core_text
            self.banner.setText("\n".join(core_text(text) for text in notices))
            self.banner.show()

    # ---------------------------------------------------------------- actions
    def add_action(self, menu, text: str, slot, keys=(), enabled: bool = True) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        action.setEnabled(enabled)
        menu.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "考核(&K)"))
        self.add_action(file_menu, translate("MainWindow", "主页(&H)"), self.show_home, ["Alt+Home"])
        self.add_action(file_menu, translate("MainWindow", "新建考核(&N)…"), self.create_plan, ["Ctrl+N"])
        self.add_action(file_menu, translate("MainWindow", "打开演示考核(&D)"), self.open_demo)
        self.import_action = self.add_action(file_menu, translate("MainWindow", "导入考核计划包(&I)…"), lambda: None)
        file_menu.addSeparator()
        self.add_action(file_menu, translate("MainWindow", "退出(&Q)"), self.close, ["Ctrl+Q"])
        go = bar.addMenu(translate("MainWindow", "导航(&G)"))
        self.work_actions = [
            self.add_action(go, translate("MainWindow", "跳到指标编号(&G)…"), self.focus_jump, ["Ctrl+G"]),
            self.add_action(go, translate("MainWindow", "搜索指标内容(&F)…"), self.focus_search, ["Ctrl+F"]),
            self.add_action(go, translate("MainWindow", "下一项指标(&X)"), lambda: self.step(1),
                         ["Ctrl+PgDown", "Alt+Right"]),
            self.add_action(go, translate("MainWindow", "上一项指标(&P)"), lambda: self.step(-1),
                         ["Ctrl+PgUp", "Alt+Left"]),
            self.add_action(go, translate("MainWindow", "下一未评项(&N)"), self.next_unscored, ["F8"]),
            # not Alt+Down/Up: those open a list (the group chooser, a yes/no) from the keyboard
            self.add_action(go, translate("MainWindow", "下一所学校(&S)"), lambda: self.step_unit(1),
                         ["Ctrl+Shift+PgDown"]),
            self.add_action(go, translate("MainWindow", "上一所学校(&U)"), lambda: self.step_unit(-1),
                         ["Ctrl+Shift+PgUp"]),
            self.add_action(go, translate("MainWindow", "选择集团(&J)…"), self.focus_groups, ["Ctrl+J"]),
            self.add_action(go, translate("MainWindow", "指标树(&T)"), self.focus_tree, ["F6"]),
            self.add_action(go, translate("MainWindow", "评分页(&1)"), self.go_scoring, ["Ctrl+1"]),
            self.add_action(go, translate("MainWindow", "专家组意见(&2)"), self.show_findings, ["Ctrl+2"]),
        ]
        view = bar.addMenu(translate("MainWindow", "语言(&L)"))
        # the language in use is ticked; choosing another ticks it for the next start
        languages = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGES.items():
            action = self.add_action(view, name, lambda _=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == current_language())
            languages.addAction(action)
            self.language_actions[code] = action

    # ---------------------------------------------------------------- screens
    def show_home(self) -> None:
        self.commit_all()
        self.remember_place()
        self.home.load(self.store)
        self.stack.setCurrentWidget(self.home)
        self._demo_notice(False)  # the demo's notice belongs to the demo, not to the list of plans
        for action in getattr(self, "work_actions", []):
            action.setEnabled(False)
        self.home.plans.setFocus() if self.home.plans.count() else self.home.demo_button.setFocus()

    @Slot()
    def open_demo(self) -> None:
        from inspector_app.store.demo import make_demo  # not needed by a start on a real plan

        try:
            plan = make_demo(self.store)
        except StoreError as exc:
            self.show_save_error(str(exc))
            return
        self.open_plan(plan.id)

    @Slot()
    def create_plan(self) -> None:
        from inspector_app.ui.plan_dialog import PlanDialog
        dialog = PlanDialog(self)
        while dialog.exec():
            rubric, spec = dialog.spec()
            try:
                from inspector_app.bundles.keys import KeyStore
                own = KeyStore(self.store.data_dir).own_key()  # this laptop issues the plan
                plan = P.create_plan(self.store, rubric, spec, issuer_key_id=own.key_id)
            except StoreError as exc:
                from inspector_app.ui.core_words import core_text
                dialog.show_error(core_text(str(exc)))
                continue
            ask_after_new_plan(self.store, plan, self)
            self.open_plan(plan.id)
            return

    @Slot()
    def choose_identity(self) -> None:
        """您是哪位专家？ asked again (a laptop handed to another expert, or a choice once closed)."""
        from inspector_app.ui.identity_dialog import IdentityDialog, own_key
        if self.workspace is None:
            return
        self.commit_all()
        dialog = IdentityDialog(self.workspace, own_key(self.store), self)
        if dialog.exec() and dialog.chosen is not None:
            self.open_plan(self.workspace.plan.id)

    @Slot(str)
    def open_plan(self, plan_id: str) -> None:
        self.commit_all()
        self.remember_place()
        try:
            plan = P.get_plan(self.store, plan_id)
            self.workspace = Workspace(self.store, plan)
            self.store.set_setting("current_plan", plan.id)
        except StoreError as exc:
            self.show_save_error(str(exc))
            return
        # Before anything is scored: who the user is (the key decides, or the user is asked).
        from inspector_app.ui.identity_dialog import settle_identity
        identity = settle_identity(self, self.workspace)
        from inspector_app.ui.core_words import identity_text
        who = identity_text(identity) if identity else translate("MainWindow", "未选择身份，不能录入评分")
        self.setWindowTitle(f"{plan.title} — {who} — {program_name()}")
        self._demo_notice(plan.demo)  # every time the demo opens (a second start reopens it as the current plan)
        self.stack.setCurrentWidget(self.splitter)
        for action in self.work_actions:
            action.setEnabled(True)
        if self.workspace.group is None:
            return
        self.show_saved_state()
        left = self.workspace.last_place()  # reopen where the expert left off
        if left is not None and left[0] != self.workspace.group.id:
            self.workspace.select_group(left[0])
        self._load_group(left[1] if left else None)
        if left is not None and self.place == left[1]:
            self.page.focus_first()  # the keyboard where she left off too, not on the group chooser

    def _load_group(self, place: Place | None = None) -> None:
        ws = self.workspace
        self.place = None
        self.navigator.load(ws)
        self.score.load(ws)
        if self._findings is not None:
            self._findings.load(ws)
        self.show_scoring()
        self.navigator.select(place if place in ws.places else ws.first_place())

    @Slot(str)
    def select_group(self, group_id: str) -> None:
        self.commit_all()
        self.workspace.select_group(group_id)
        self._load_group()
        self.remember_timer.start()

    @Slot(object)
    def show_place(self, place: Place) -> None:
        if self.workspace is None:
            return
        self.place = place
        self.middle.setCurrentWidget(self.page)
        self.page.show_place(self.workspace, place)
        self.score.show_unit(place.school_id)
        self.remember_timer.start()

    def remember_place(self) -> None:
        self.remember_timer.stop()
        if self.workspace is not None and self.place is not None:
            try:
                self.workspace.remember(self.place)
            except StoreError:
                pass  # where she was is a convenience; the work itself is saved apart

    def go_scoring(self) -> None:
        """Ctrl+1: the scoring page, and the keyboard in it, from the tree or the findings alike."""
        self.show_scoring()
        if self.place is not None:
            self.page.focus_first()

    def show_scoring(self) -> None:
        if self._findings is not None:
            self._findings.commit_now()
        self._show_work()
        self.middle.setCurrentWidget(self.page)

    @property
    def findings(self):
        """The panel's findings (专家组意见), not on the first screen: made when first wanted."""
        if self._findings is None:
            from inspector_app.ui.findings_view import FindingsView
            self._findings = FindingsView()
            self.middle.addWidget(self._findings)
            self._findings.changed.connect(self.apply_change)
            if self.workspace is not None:
                self._findings.load(self.workspace)
        return self._findings

    def show_findings(self) -> None:
        self.page.commit_now()
        self._show_work()
        self.middle.setCurrentWidget(self.findings)
        self.findings.edits["achievements"].setFocus()

    def _show_work(self) -> None:
        if self.workspace is not None:
            self.stack.setCurrentWidget(self.splitter)

    def _demo_notice(self, shown: bool) -> None:
        """The demo's notice in the banner, or out of it, keeping any other message it is showing (the account
        of an unclean exit, a save error): those are not the demo's to hide."""
        notice = DEMO_NOTICE()
        others = [] if self.banner.isHidden() else [t for t in self.banner.text().split("\n") if t and t != notice]
        if not others:
            self.show_notice(notice) if shown else self.banner.hide()
            return
        self.banner.setText("\n".join(others + ([notice] if shown else [])))

    def show_notice(self, text: str) -> None:
        """A yellow line above everything, e.g. that this is the demo inspection."""
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px; border-bottom: 1px solid #e0c060;")
        self.banner.setText(text)
        self.banner.show()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from inspector_app.ui.enter_key import press_focused_button
        if not press_focused_button(self, event):
            super().keyPressEvent(event)

    # ---------------------------------------------------------------- moving
    def _go(self, target) -> None:
        """To a place found by one of the moves below (None: stay)."""
        if target is not None:
            self.navigator.select(target)
            self.page.focus_first()

    def go_to(self, group_id: str, place: Place) -> None:
        """To a place of any group (完成检查's 转到): its group opened first when another one is open."""
        if self.workspace is not None and getattr(self.workspace.group, "id", None) != group_id:
            self.select_group(group_id)
        self._go(place if self.workspace is not None else None)

    def step(self, delta: int) -> None:
        self._go(self.workspace.step(self.place, delta) if self.workspace else None)

    def next_unscored(self) -> None:
        self.page.commit_now()
        target = self.workspace.next_unscored(self.place) if self.workspace else None
        if target is None:
            self.statusBar().showMessage(translate("MainWindow", "本集团分给您的指标都已评完"), 8000)
            return
        self._go(target)

    def step_unit(self, delta: int) -> None:
        self._go(self.workspace.step_unit(self.place, delta) if self.workspace else None)

    def focus_jump(self) -> None:
        self.navigator.jump.setFocus()
        self.navigator.jump.selectAll()

    def focus_search(self) -> None:
        self.navigator.search.setFocus()
        self.navigator.search.selectAll()

    def focus_groups(self) -> None:
        self.navigator.group_combo.setFocus()

    def focus_tree(self) -> None:
        self.navigator.tree.setFocus()

    # ---------------------------------------------------------------- changes
    @Slot(object)
    def apply_change(self, change: Change) -> None:
        """Every edit comes back here: score panel, navigator state, save state."""
        if change.card is not None:
            self.score.show_card(change.card)
        if change.place is not None:
            self.navigator.update_place(change.place)
            if change.place.school_id:
                self.score.show_unit(change.place.school_id)
            if change.place == self.place:
                self.page.show_where()  # its "3/7 校已评" counts this school as soon as it is scored
        if change.save_error:
            self.show_save_error(change.save_error)
        elif change.saved_at:
            self.note_saved(change.saved_at)
        if change.notice:  # a finalised group changed: said at once, as the command line says it
            self.show_message(change.notice, True)

    @Slot(str, bool, str)
    def set_veto(self, key: str, value: bool, reason: str) -> None:
        change = self.workspace.set_veto(key, value, reason)
        self.apply_change(change)
        self.score.show_veto_state(key, change)
        self.score.show_card(self.workspace.card())

    @Slot()
    def note_saved(self, at: str = "") -> None:
        """Every kind of save (an entry, a photo, a veto, a finding, a decision) says its time here."""
        from datetime import datetime
        self.saved.setStyleSheet(SAVED_STYLE)
        self.saved.setText(translate("MainWindow", "已保存 {0}").format(at or datetime.now().strftime("%H:%M:%S")))
        self.saved.show()
        if self.banner.isVisible() and self.banner.styleSheet().startswith("background: #fde7e9"):
            self.banner.hide()  # the save that failed went through since

    def show_saved_state(self) -> None:
        """At opening: when the last change in this data folder was saved (the newest history row, as
        `inspector history` lists it), in local time; nothing unsaved is ever left behind."""
        from datetime import datetime

        from inspector_app.store.history import last_change_at
        last = last_change_at(self.store)
        when = datetime.fromisoformat(last).astimezone() if last else None
        self.saved.setStyleSheet(SAVED_STYLE)
        self.saved.setText(translate("MainWindow", "已保存 {0}").format(f"{when:%H:%M:%S}") if when
                           else translate("MainWindow", "尚未保存"))
        self.saved.setToolTip(translate("MainWindow", "最近一次保存：{0}").format(f"{when:%Y-%m-%d %H:%M:%S}")
                              if when else translate("MainWindow", "还没有填写任何内容"))
        self.saved.show()

    def show_save_error(self, message: str) -> None:
        from inspector_app.ui.core_words import core_text
        message = core_text(message)  # the core's words in the window's language
        self.saved.setStyleSheet(ERROR_STYLE)
        self.saved.setText(translate("MainWindow", "未保存"))
        self.saved.show()
        self.statusBar().showMessage(message)
        self.banner.setStyleSheet("background: #fde7e9; color: #b00020; padding: 6px;")
        self.banner.setText(message)
        self.banner.show()

    @Slot(str, bool)
    def show_message(self, text: str, is_error: bool) -> None:
        from inspector_app.ui.core_words import core_text
        self.statusBar().showMessage(core_text(text), 0 if is_error else 6000)

    def set_language(self, code: str) -> None:
        self.store.set_setting("language", code)
        self.statusBar().showMessage(translate("MainWindow", "界面语言将在下次启动时切换"), 8000)

    def release_store(self) -> None:
        """Before the database file is replaced (a restore): save, stop long work, close the store."""
        from inspector_app.ui.operation import Operation
        Operation.cancel_all()
        self.commit_all()
        self.remember_place()
        self.backup_timer.stop()
        self.workspace = None
        self.place = None
        self.store.close()

    def adopt_store(self, store: Store) -> None:
        """The data folder reopened (after a restore): its current plan, or home."""
        self.store = store
        self.backup_timer.start(BACKUP_CHECK_MS)
        current = store.setting("current_plan")
        if current and any(p.id == current for p in P.list_plans(store)):
            self.open_plan(current)
        if self.workspace is None:
            self.show_home()
        else:
            self.show_saved_state()

    def commit_all(self) -> None:
        self.page.commit_now()
        if self._findings is not None:
            self._findings.commit_now()

    def _backup(self) -> None:
        from inspector_app.store import backup  # first needed a minute after start

        try:
            backup.maybe_backup(self.store)
        except (StoreError, OSError) as exc:
            self.show_message(str(exc), True)

    def closeEvent(self, event) -> None:  # noqa: N802
        from inspector_app.ui.operation import Operation
        Operation.cancel_all()  # long work stops and is recorded (or dropped) before the store closes
        self.commit_all()
        self.remember_place()
        if self.workspace is not None and self.workspace.dirty:
            self.commit_all()
        self._backup()
        self.backup_timer.stop()
        super().closeEvent(event)
