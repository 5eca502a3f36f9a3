"""Bundles from the window: export my work, import bundles and plan packages, the panel's and the bureau's
exports, keys. Thin over inspector_app.bundles, each as an `Operation`: the store is read (gather) and
written (record) on the main thread; writing and verifying zips, reading bundles and decoding their photos
run on the worker.

The methods return at once with a list that fills as bundles are recorded (at once when operations run
inline, as in tests); `finished` is emitted when all of an action's work is recorded."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from inspector_app.store import entries as E
from inspector_app.store.db import StoreError
from inspector_app.ui import file_dialogs
from inspector_app.ui.core_words import core_text
from inspector_app.ui.i18n import translate
from inspector_app.ui.operation import Operation

# The bundle modules (cryptography, Pillow) load with the first bundle action, not at start.

BUNDLE_FILTER = "*.zip"



class BundleActions(QObject):
    job_started = Signal(object)  # the Operation: tests cancel through it
    finished = Signal(list)  # an action's results, once all recorded
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
        """The key store of the open data folder, kept while the folder stays the same (once unlocked, the
        passphrase is not asked again in this session)."""
        from inspector_app.bundles.keys import KeyStore
        kept = getattr(self, "_keystore", None)
        if kept is None or kept.data_dir != self.window.store.data_dir:
            kept = self._keystore = KeyStore(self.window.store.data_dir)
        return kept

    def unlocked_keystore(self):
        """The key store with its private keys unlocked, asking for the passphrase here on the main thread
        (never on a worker); None when the user cancels. A wrong passphrase is said and asked again."""
        from inspector_app.bundles.canonical import BundleError
        keystore = self.keystore()
        while keystore.needs_passphrase():
            text, ok = QInputDialog.getText(
                self.parent_widget, translate("BundleActions", "本机密钥口令"),
                translate("BundleActions", "本机密钥设有口令。请输入口令（签名导出的数据包、打开发给本机的数据包都要用到）："),
                QLineEdit.EchoMode.Password)
            if not ok:
                return None
            try:
                keystore.unlock(text)
            except BundleError as exc:
                self._warn(translate("BundleActions", "本机密钥口令"), exc.message)
        return keystore

    # ---------------------------------------------------------------- exporting
    def _folder(self, title: str) -> Path | None:
        folder = file_dialogs.existing_directory(self.parent_widget, title, file_dialogs.BUNDLE_EXPORT,
                                                 self.window.store)
        return Path(folder) if folder else None

    def _run_exports(self, title: str, exports: list) -> list:
        """exports: [(what, prepare() -> PreparedExport)], each gathered only once the one before is recorded
        (its sequence number and hash chain follow from it). Stops at the first problem; says what was written."""
        done: list = []
        self._next_export(title, list(exports), done)
        return done

    def _next_export(self, title: str, exports: list, done: list) -> None:
        from inspector_app.bundles.canonical import BundleError
        if not exports:
            # What was typed here and travels in no bundle is said as the command line says it, as a warning.
            tell = self._warn if any(getattr(r, "warnings", ()) for r in done) else self._say
            tell(title, self._written(done) or translate("BundleActions", "没有可导出的内容。"))
            self.finished.emit(done)
            return
        what, prepare = exports.pop(0)
        try:
            prepared = prepare()
        except (BundleError, StoreError, OSError, ValueError) as exc:
            self._export_failed(title, what, done, exc)
            return
        label = translate("BundleActions", "正在写入并校验：{0}").format(what)
        op = Operation(self.parent_widget, title, lambda progress: prepared.write(progress, progress.cancelled),
                       label=label)

        def recorded(_result) -> None:
            try:
                done.append(prepared.record(self.window.store))
            except StoreError as exc:
                self._export_failed(title, what, done, exc)
                return
            self._next_export(title, exports, done)

        def cancelled(_result) -> None:
            if prepared.path is not None and prepared.bundle_hash:
                done.append(prepared.record(self.window.store))  # finished before the cancel: it is out there
            self._say(title, self._written(done)
                      + translate("BundleActions", "已取消：目标文件夹中没有留下未完成的文件。"))
            self.finished.emit(done)

        op.on_success(recorded).on_cancel(cancelled).on_failure(lambda exc: self._export_failed(title, what, done, exc))
        self.job_started.emit(op)
        op.start()

    def _export_failed(self, title: str, what: str, done: list, exc: BaseException) -> None:
        self._warn(title, self._written(done) + translate("BundleActions", "{0} 未能导出：{1}").format(what, core_text(str(exc))))
        self.finished.emit(done)

    @staticmethod
    def _written(done: list) -> str:
        if not done:
            return ""
        lines = [translate("BundleActions", "已导出，并已读回校验（完整、签名有效）：")]
        for r in done:
            lines.append(translate("BundleActions", "{0}（序号 {1}，{2} 张照片；{3}）").format(
                r.path, r.sequence, r.photos, core_text(r.sealed_to)))
            carried = r.carried_said() if hasattr(r, "carried_said") else ()  # photos and evidence files, as the CLI
            lines += ["　" + core_text(line) for line in carried]
            lines += [translate("BundleActions", "　注意：{0}").format(core_text(w)) for w in getattr(r, "warnings", ())]
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
        from inspector_app.ui.completion_check import confirm_complete
        if not confirm_complete(self.parent_widget, ws, [g.id for g in chosen]):
            return []
        folder = folder or self._folder(translate("BundleActions", "导出我的数据包到文件夹（如 U 盘）"))
        if folder is None:
            return []
        keystore = self.unlocked_keystore()
        if keystore is None:
            return []
        exports = [(g.name, lambda g=g: X.prepare_expert(store, keystore, plan, g, expert, folder)) for g in chosen]
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
        store, keystore = self.window.store, self.unlocked_keystore()
        if keystore is None:
            return []
        title = translate("BundleActions", "导出专家组数据包")
        return self._run_exports(title, [(group.name, lambda: X.prepare_panel(
            store, keystore, ws.plan, group, ws.expert_id, folder))])

    def export_plan_package(self, folder: Path | None = None) -> list:
        from inspector_app.bundles import export as X
        ws = self.window.workspace
        if ws is None:
            return []
        folder = folder or self._folder(translate("BundleActions", "导出考核计划包到文件夹"))
        if folder is None:
            return []
        store, keystore = self.window.store, self.unlocked_keystore()
        if keystore is None:
            return []
        title = translate("BundleActions", "导出考核计划包")
        return self._run_exports(title, [(ws.plan.title, lambda: X.prepare_plan(store, keystore, ws.plan, folder))])

    # ---------------------------------------------------------------- importing
    def import_files(self, paths: list[Path] | None = None, title: str = "") -> list:
        """Merge bundles and show what happened to each.

        The files are read and verified, and their photos decoded, on the worker (`open_bundle`, no database);
        each is then merged here on the main thread. A bundle is verified completely before anything of it is
        written, so Cancel leaves every file either merged or untouched: those read before it are merged.
        Returns a list that fills with the outcomes.
        """
        title = title or translate("BundleActions", "导入数据包")
        if paths is None:
            names = file_dialogs.open_file_names(self.parent_widget, title, file_dialogs.BUNDLES_IMPORT,
                                                 self.window.store,
                                                 translate("BundleActions", "数据包") + f" ({BUNDLE_FILTER})")
            paths = [Path(n) for n in names]
        if not paths:
            return []
        self.window.commit_all()
        from inspector_app.bundles.merge import open_bundle
        keystore, photos_dir = self.unlocked_keystore(), self.window.store.photos_dir
        if keystore is None:
            return []
        outcomes: list = []

        def work(progress) -> list:
            opened = []
            for i, path in enumerate(paths):
                if progress.cancelled():
                    break
                progress(i, len(paths), translate("BundleActions", "正在校验 {0}/{1}：{2}").format(
                    i + 1, len(paths), path.name))
                opened.append(open_bundle(path, keystore, photos_dir, cancelled=progress.cancelled))
            return opened

        def record(opened) -> None:
            outcomes.extend(self._merge_opened(opened or [], keystore, title))

        op = Operation(self.parent_widget, title, work, label=translate("BundleActions", "正在校验并导入…"))
        op.on_success(record).on_cancel(record)
        self.job_started.emit(op)
        op.start()
        return outcomes

    def _merge_opened(self, opened: list, keystore, title: str) -> list:
        from inspector_app.bundles.canonical import BundleCancelled
        from inspector_app.bundles.merge import merge_opened
        results = []
        try:
            for item in opened:
                if isinstance(item.error, BundleCancelled):
                    continue  # cancelled while it was being read: untouched
                results += [(item.path, merge_opened(self.window.store, keystore, item))]
        finally:
            for item in opened:
                item.close()
        self.store_changed.emit()
        created = [o for _p, o in results if o.status == "created"]
        from inspector_app.ui.merge_results import MergeResultsDialog
        dialog = MergeResultsDialog(results, keystore, self._reimport, self.parent_widget)
        self.last_results = dialog
        dialog.exec()
        if created:
            plan_id = self.window.store.setting("current_plan")
            if plan_id:
                self.plan_created.emit(plan_id)
        outcomes = [o for _p, o in dialog.results]
        self.finished.emit(outcomes)
        return outcomes

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
        KeysDialog(self.keystore(), ws.expert_name if ws else "", self.parent_widget, self.window.store).exec()

    # ---------------------------------------------------------------- messages
    def _say(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent_widget, title, text.strip())

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent_widget, title, text.strip())
