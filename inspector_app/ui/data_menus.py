"""The window's menus beyond scoring: 数据包 (bundles, keys), 专家组 (合议), 报告, 教育局 (汇总).

Builds the actions and wires them to the action objects; the consensus and bureau views join the
window's stack the first time they are shown, so starting the window does not build them. The main
window only creates this and shows its screens."""
from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from inspector_app.ui.bundle_actions import BundleActions
from inspector_app.ui.i18n import translate
from inspector_app.ui.report_actions import ReportActions



class DataMenus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.bundles = BundleActions(window)
        self.reports = ReportActions(window)
        self._consensus = None
        self._bureau = None
        add, bar = window.add_action, window.menuBar()
        plan_actions = []

        # 考核: the plan package, in (from the home view too) and out (the bureau's)
        window.import_action.triggered.connect(self.bundles.import_plan_package)
        window.import_action.setEnabled(True)
        window.home.import_package.connect(self.bundles.import_plan_package)

        menu = bar.addMenu(translate("MainWindow", "数据包(&B)"))
        plan_actions += [
            add(menu, translate("MainWindow", "导出我的数据包(&E)…"), self.bundles.export_mine, ["Ctrl+Shift+E"]),
        ]
        add(menu, translate("MainWindow", "导入数据包(&I)…"), lambda: self.bundles.import_files(), ["Ctrl+I"])
        # F9 beside F8 (下一未评项): what is left, then the check before export
        plan_actions.append(add(menu, translate("MainWindow", "完成检查(&C)…"), self.check_complete, ["F9"]))
        menu.addSeparator()
        plan_actions.append(add(menu, translate("MainWindow", "我的身份(&W)…"), window.choose_identity))
        add(menu, translate("MainWindow", "密钥(&K)…"), self.bundles.show_keys)

        # 数据: backups of this data folder, with or without a plan open
        from inspector_app.ui.backup_dialog import BackupActions
        self.backups = BackupActions(window)
        menu = bar.addMenu(translate("MainWindow", "数据(&T)"))
        add(menu, translate("MainWindow", "备份与恢复(&B)…"), self.show_backups)
        add(menu, translate("MainWindow", "立即备份(&N)"), lambda: self.backups.backup_now())

        menu = bar.addMenu(translate("MainWindow", "专家组(&P)"))
        plan_actions += [
            add(menu, translate("MainWindow", "合议(&C)"), self.show_consensus, ["Ctrl+3"]),
            add(menu, translate("MainWindow", "导出专家组数据包(&E)…"), self.export_panel),
        ]

        menu = bar.addMenu(translate("MainWindow", "报告(&R)"))
        plan_actions += [
            add(menu, translate("MainWindow", "生成现场反馈报告(&R)…"), lambda: self.reports.feedback(group_id=self._shown_group_id()),
                ["Ctrl+R"]),
            add(menu, translate("MainWindow", "打印评分表(&P)…"), lambda: self.reports.score_sheet(), ["Ctrl+P"]),
            add(menu, translate("MainWindow", "生成合议记录(&M)…"), lambda: self.reports.panel_record(group_id=self._shown_group_id())),
            add(menu, translate("MainWindow", "反馈会记录(&H)…"), lambda: self.meeting_dialog()),
        ]

        menu = bar.addMenu(translate("MainWindow", "教育局(&U)"))
        plan_actions += [
            add(menu, translate("MainWindow", "汇总排名(&A)"), self.show_bureau, ["Ctrl+4"]),
            add(menu, translate("MainWindow", "导出结果工作簿(&X)…"),
                lambda: self._bureau_then(self.bureau.export_workbook)),
            add(menu, translate("MainWindow", "导出公示（PDF 或 Word）(&P)…"), lambda: self._bureau_then(self.bureau.export_pdf)),
        ]
        plan_actions.append(add(menu, translate("MainWindow", "公示信息(&I)…"), lambda: self.publication_dialog()))
        menu.addSeparator()
        plan_actions.append(add(menu, translate("MainWindow", "导出考核计划包(&K)…"),
                                lambda: self.bundles.export_plan_package()))
        window.work_actions += plan_actions  # enabled while a plan is open, like navigation

        self.bundles.store_changed.connect(self.reload)
        self.bundles.plan_created.connect(window.open_plan)

    def check_complete(self) -> None:
        from inspector_app.ui.completion_check import confirm_complete
        ws = self.window.workspace
        if ws is not None:
            self.window.commit_all()
            confirm_complete(self.window, ws, [g.id for g in ws.groups], exporting=False, go_to=self.window.go_to)

    def show_backups(self):
        from inspector_app.ui.backup_dialog import BackupDialog
        self.window.commit_all()
        dialog = BackupDialog(self.backups, self.window)
        self.backup_dialog = dialog  # tests drive it while it is open
        dialog.open()
        return dialog

    def _shown_group_id(self) -> str | None:
        """The 合议 screen's chosen group while it is on show (the reports are of that group), else None."""
        showing = self._consensus is not None and self.window.stack.currentWidget() is self._consensus
        return self._consensus.group.id if showing and self._consensus.group is not None else None

    def meeting_dialog(self, group_id: str | None = None):
        """反馈会记录 of the group on show (the 合议 screen's, else the scoring screen's)."""
        from inspector_app.ui.meeting_dialog import MeetingDialog
        ws = self.window.workspace
        if ws is None:
            return None
        showing = self._consensus is not None and self.window.stack.currentWidget() is self._consensus
        group = next((g for g in ws.groups if g.id == group_id), None) or \
            (self._consensus.group if showing else None) or ws.group
        if group is None:
            return None
        self.window.commit_all()
        dialog = MeetingDialog(ws, group, self.window)
        dialog.saved.connect(lambda: self.window.note_saved())
        dialog.open()
        return dialog

    def publication_dialog(self):
        """公示信息: the bureau's fields of the plan, printed on the 公示 and the 整改要求."""
        from inspector_app.ui.publication_dialog import PublicationDialog
        ws = self.window.workspace
        if ws is None:
            return None
        dialog = PublicationDialog(self.window.store, ws.plan, self.window)

        def saved(plan) -> None:
            ws.plan = plan
            self.window.note_saved()
            if self._bureau is not None and self.window.stack.currentWidget() is self._bureau:
                self._bureau.load(self.window)
        dialog.saved.connect(saved)
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- screens
    @property
    def consensus(self):
        if self._consensus is None:
            from inspector_app.ui.consensus_view import ConsensusView
            self._consensus = ConsensusView()
            self._consensus.export_requested.connect(self.bundles.export_panel)
            self._consensus.decided.connect(lambda: self.window.note_saved())  # the lead's decision: 已保存 HH:MM:SS
            self._consensus.meeting_requested.connect(self.meeting_dialog)
            self._consensus.record_requested.connect(lambda g: self.reports.panel_record(group_id=g))
            self.window.stack.addWidget(self._consensus)
        return self._consensus

    @property
    def bureau(self):
        if self._bureau is None:
            from inspector_app.ui.bureau_view import BureauView
            self._bureau = BureauView()
            self.window.stack.addWidget(self._bureau)
        return self._bureau

    @Slot()
    def show_consensus(self) -> None:
        if self.window.workspace is None:
            return
        self.window.commit_all()
        self.consensus.load(self.window.workspace)
        self.window.stack.setCurrentWidget(self.consensus)
        self.consensus.table.setFocus()

    @Slot()
    def show_bureau(self) -> None:
        if self.window.workspace is None:
            return
        self.window.commit_all()
        self.bureau.load(self.window)
        self.window.stack.setCurrentWidget(self.bureau)
        self.bureau.table.setFocus()

    def _bureau_then(self, export) -> None:
        if self._bureau is None or self.window.stack.currentWidget() is not self._bureau:
            self.show_bureau()
        export()

    def export_panel(self) -> None:
        ws = self.window.workspace
        showing = self._consensus is not None and self.window.stack.currentWidget() is self._consensus
        group = self._consensus.group if showing else ws.group
        if group is not None:
            self.bundles.export_panel(group.id)

    @Slot()
    def reload(self) -> None:
        """An import changed the store: the screen on show reads it again."""
        current = self.window.stack.currentWidget()
        if self.window.workspace is None or current is None:
            return
        if current is self._consensus:
            self._consensus.refresh()
        elif current is self._bureau:
            self._bureau.load(self.window)
