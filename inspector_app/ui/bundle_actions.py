"""Bundles from the window: export my work, import bundles and plan packages, the panel's and the bureau's
exports, keys. Thin over inspector_app.bundles: the store is read and written on the main thread, the zip
writing and read-back runs on a worker (`FileJob`, through the exports' `file_work` hook)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from inspector_app.store import entries as E
from inspector_app.store.db import StoreError
from inspector_app.ui.i18n import translate
from inspector_app.ui.jobs import FileJob

# The bundle modules (cryptography, Pillow) load with the first bundle action, not at start.

BUNDLE_FILTER = "*.zip"


def t(text: str) -> str:
    return translate("BundleActions", text)


class BundleActions(QObject):
    job_started = Signal(object)  # FileJob: tests cancel through it
    store_changed = Signal()  # an import wrote to the store: views reload
    plan_created = Signal(str)  # a plan package made a plan here

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_results = None  # the last MergeResultsDialog

    @property
    def parent_widget(self) -> QWidget:
        return self.window

    def keystore(self):
        from inspector_app.bundles.keys import KeyStore
        return KeyStore(self.window.store.data_dir)

    # ---------------------------------------------------------------- exporting
    def _folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self.parent_widget, title)
        return Path(folder) if folder else None

    def _run_exports(self, title: str, exports) -> list:
        """exports: [(what, fn(job) -> ExportResult)]. Stops at the first problem; says what was written."""
        from inspector_app.bundles.canonical import BundleCancelled, BundleError
        done: list = []
        with FileJob(self.parent_widget, title, translate("BundleActions", "正在写入并校验数据包…")) as job:
            self.job_started.emit(job)
            for what, make in exports:
                job.set_label(translate("BundleActions", "正在写入并校验：{0}").format(what))
                try:
                    done.append(make(job))
                except BundleCancelled:
                    self._say(title, self._written(done)
                              + translate("BundleActions", "已取消：目标文件夹中没有留下未完成的文件。"))
                    return done
                except (BundleError, StoreError, OSError) as exc:
                    self._warn(title, self._written(done)
                               + translate("BundleActions", "{0} 未能导出：{1}").format(what, exc))
                    return done
        self._say(title, self._written(done) or translate("BundleActions", "没有可导出的内容。"))
        return done

    @staticmethod
    def _written(done: list) -> str:
        if not done:
            return ""
        lines = [translate("BundleActions", "已导出，并已读回校验（完整、签名有效）：")]
        for r in done:
            lines.append(translate("BundleActions", "{0}（序号 {1}，{2} 张照片）").format(
                r.path, r.sequence, r.photos))
        return "\n".join(lines) + "\n\n"

    def export_mine(self, folder: Path | None = None) -> list:
        """One signed bundle per group this expert has scored, e.g. onto a USB stick."""
        from inspector_app.bundles import export as X
        ws = self.window.workspace
        if ws is None:
            return []
        self.window.commit_all()
        store, plan, expert = self.window.store, ws.plan, ws.expert_id
        chosen = [g for g in ws.groups if E.entries(store, plan.id, g.id, expert)]
        if not chosen:
            self._say(translate("BundleActions", "导出我的数据包"),
                      translate("BundleActions", "还没有评分，没有可导出的数据包。"))
            return []
        folder = folder or self._folder(translate("BundleActions", "导出我的数据包到文件夹（如 U 盘）"))
        if folder is None:
            return []
        keystore = self.keystore()
        exports = [(g.name, lambda job, g=g: X.export_expert(
            store, keystore, plan, g, expert, folder, progress=job.progress, cancelled=job.cancelled,
            file_work=job.run)) for g in chosen]
        return self._run_exports(translate("BundleActions", "导出我的数据包"), exports)

    def export_panel(self, group_id: str, folder: Path | None = None) -> list:
        from inspector_app.bundles import export as X
        ws = self.window.workspace
        if ws is None:
            return []
        self.window.commit_all()
        group = next(g for g in ws.groups if g.id == group_id)
        folder = folder or self._folder(translate("BundleActions", "导出专家组数据包到文件夹"))
        if folder is None:
            return []
        store, keystore = self.window.store, self.keystore()
        title = translate("BundleActions", "导出专家组数据包")
        return self._run_exports(title, [(group.name, lambda job: X.export_panel(
            store, keystore, ws.plan, group, ws.expert_id, folder, progress=job.progress, cancelled=job.cancelled,
            file_work=job.run))])

    def export_plan_package(self, folder: Path | None = None) -> list:
        from inspector_app.bundles import export as X
        ws = self.window.workspace
        if ws is None:
            return []
        folder = folder or self._folder(translate("BundleActions", "导出考核计划包到文件夹"))
        if folder is None:
            return []
        store, keystore = self.window.store, self.keystore()
        title = translate("BundleActions", "导出考核计划包")
        return self._run_exports(title, [(ws.plan.title, lambda job: X.export_plan(
            store, keystore, ws.plan, folder, progress=job.progress, cancelled=job.cancelled, file_work=job.run))])

    # ---------------------------------------------------------------- importing
    def import_files(self, paths: list[Path] | None = None, title: str = "") -> list:
        """Merge bundles and show what happened to each.

        merge_files writes to the store, so it runs here on the main thread, one file at a time, with the
        event loop turning between files: the window stays live and Cancel stops before the next file.
        (A bundle is verified completely before anything of it is written, so stopping between files
        leaves every file either merged or untouched.)
        """
        title = title or translate("BundleActions", "导入数据包")
        if paths is None:
            names, _ = QFileDialog.getOpenFileNames(self.parent_widget, title, "",
                                                    translate("BundleActions", "数据包") + f" ({BUNDLE_FILTER})")
            paths = [Path(n) for n in names]
        if not paths:
            return []
        self.window.commit_all()
        results = self.merge(paths, title)
        self.store_changed.emit()
        created = [o for _p, o in results if o.status == "created"]
        from inspector_app.ui.merge_results import MergeResultsDialog
        dialog = MergeResultsDialog(results, self.keystore(), self._reimport, self.parent_widget)
        self.last_results = dialog
        dialog.exec()
        if created:
            plan_id = self.window.store.setting("current_plan")
            if plan_id:
                self.plan_created.emit(plan_id)
        return [o for _p, o in dialog.results]

    def merge(self, paths: list[Path], title: str) -> list[tuple[Path, object]]:
        from inspector_app.bundles.merge import merge_files
        store, keystore = self.window.store, self.keystore()
        progress = QProgressDialog(translate("BundleActions", "正在校验并导入…"), translate("BundleActions", "取消"),
                                   0, len(paths), self.parent_widget)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        results = []
        try:
            for i, path in enumerate(paths):
                progress.setValue(i)
                progress.setLabelText(translate("BundleActions", "正在校验并导入 {0}/{1}：{2}").format(
                    i + 1, len(paths), path.name))
                QApplication.processEvents()
                if progress.wasCanceled():
                    break
                results += [(path, o) for o in merge_files(store, keystore, [path])]
        finally:
            progress.reset()
            progress.deleteLater()
        return results

    def _reimport(self, path: Path) -> list:
        from inspector_app.bundles.merge import merge_files
        outcomes = merge_files(self.window.store, self.keystore(), [path])
        self.store_changed.emit()
        return outcomes

    def import_plan_package(self) -> list:
        return self.import_files(title=translate("BundleActions", "导入考核计划包"))

    # ---------------------------------------------------------------- keys
    def show_keys(self) -> None:
        from inspector_app.ui.keys_dialog import KeysDialog
        ws = self.window.workspace
        KeysDialog(self.keystore(), ws.expert_name if ws else "", self.parent_widget).exec()

    # ---------------------------------------------------------------- messages
    def _say(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent_widget, title, text.strip())

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent_widget, title, text.strip())
