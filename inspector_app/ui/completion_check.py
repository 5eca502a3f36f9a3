"""完成检查: before an expert's bundles leave the laptop, what is not scored yet, group by group."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.ui.i18n import translate

SHOWN_PER_GROUP = 12  # places named in a group's line; the rest counted


def missing_lines(workspace, group_ids: list[str]) -> list[str]:
    lines = []
    for group in (g for g in workspace.groups if g.id in group_ids):
        places = workspace.unscored_in(group.id)
        if not places:
            continue
        names = [p.code + (f"（{group.school(p.school_id).name}）" if p.school_id else "")
                 for p in places[:SHOWN_PER_GROUP]]
        more = translate("CompletionCheck", " 等 {0} 项").format(len(places)) if len(places) > SHOWN_PER_GROUP else ""
        lines.append(translate("CompletionCheck", "{0}：{1} 项未评 —— {2}{3}").format(
            group.name, len(places), "、".join(names), more))
    return lines


def attention_lines(workspace, group_ids: list[str]) -> list[str]:
    """The open group's ▲ places, to look at again (other groups' are shown when they are opened)."""
    group = workspace.group
    if group is None or group.id not in group_ids:
        return []
    places = workspace.needing_attention()
    if not places:
        return []
    names = [p.code + (f"（{group.school(p.school_id).name}）" if p.school_id else "") for p in places[:SHOWN_PER_GROUP]]
    more = translate("CompletionCheck", " 等 {0} 项").format(len(places)) if len(places) > SHOWN_PER_GROUP else ""
    return [translate("CompletionCheck", "{0}：{1} 项需注意 —— {2}{3}").format(
        group.name, len(places), "、".join(names), more)]


def confirm_complete(parent: QWidget, workspace, group_ids: list[str], *, exporting: bool = True) -> bool:
    """Say what is missing, and what is marked ▲; True to go on (nothing of either, or the expert chose to
    export as it stands). A ▲ does not hold an export back: it asks for a second look."""
    lines = missing_lines(workspace, group_ids)
    attention = attention_lines(workspace, group_ids)
    title = translate("CompletionCheck", "完成检查")
    if not lines and not attention:
        if not exporting:
            QMessageBox.information(parent, title, translate("CompletionCheck", "分给您的指标都已评完。"))
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    parts = []
    if lines:
        parts.append(translate("CompletionCheck", "还有没有评完的指标：") + "\n\n" + "\n".join(lines))
    else:
        parts.append(translate("CompletionCheck", "分给您的指标都已评完。"))
    if attention:
        parts.append(translate("CompletionCheck", "标有 ▲ 的指标请再核对一下（有错误，或与自评分相差达到满分的两成）：")
                     + "\n\n" + "\n".join(attention))
    box.setText("\n\n".join(parts))
    if not exporting:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
        return False
    go = box.addButton(translate("CompletionCheck", "仍然导出(&E)"), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(translate("CompletionCheck", "返回评分(&B)"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is go
