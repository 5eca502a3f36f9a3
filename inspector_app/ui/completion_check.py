"""完成检查: before an expert's bundles leave the laptop, what is not scored yet, group by group."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.ui.i18n import translate

SHOWN_PER_GROUP = 12  # places named in a group's line; the rest counted


def _named(group, places, line: str) -> str:
    """A group's line of the check: `line` (group, count, names, more) with the first places named."""
    names = [p.code + (f"（{group.school(p.school_id).name}）" if p.school_id else "") for p in places[:SHOWN_PER_GROUP]]
    more = translate("CompletionCheck", " 等 {0} 项").format(len(places)) if len(places) > SHOWN_PER_GROUP else ""
    return line.format(group.name, len(places), "、".join(names), more)


def _lines(workspace, group_ids: list[str], find, line: str) -> list[str]:
    """One line per group with places `find` names, in the workspace's order of groups."""
    lines = []
    for group in (g for g in workspace.groups if g.id in group_ids):
        places = find(group.id)
        if places:
            lines.append(_named(group, places, line))
    return lines


def missing_lines(workspace, group_ids: list[str]) -> list[str]:
    return _lines(workspace, group_ids, workspace.unscored_in,
                  translate("CompletionCheck", "{0}：{1} 项未评 —— {2}{3}"))


def attention_lines(workspace, group_ids: list[str]) -> list[str]:
    """Every group's ▲ places, to look at again: the open group's as the navigator marks them, the others' from
    what is stored (far from the self-score)."""
    return _lines(workspace, group_ids, workspace.attention_in,
                  translate("CompletionCheck", "{0}：{1} 项需注意 —— {2}{3}"))


def first_to_visit(workspace, group_ids: list[str]):
    """(group id, place) of the first place not scored, in the order the check lists them, else of the first ▲;
    None when there is neither. The open group comes first: the expert is in it."""
    ordered = sorted((g for g in workspace.groups if g.id in group_ids),
                     key=lambda g: workspace.group is None or g.id != workspace.group.id)
    for finder in (workspace.unscored_in, workspace.attention_in):
        for group in ordered:
            places = finder(group.id)
            if places:
                return group.id, places[0]
    return None


def confirm_complete(parent: QWidget, workspace, group_ids: list[str], *, exporting: bool = True,
                     go_to: Callable[[str, object], None] | None = None) -> bool:
    """Say what is missing, and what is marked ▲; True to go on (nothing of either, or the expert chose to
    export as it stands). A ▲ does not hold an export back: it asks for a second look. Not exporting (F9),
    the default button goes to the first place missing (else the first ▲) through `go_to(group id, place)`."""
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
        target = first_to_visit(workspace, group_ids) if go_to is not None else None
        go = None
        if target is not None:
            go = box.addButton(translate("CompletionCheck", "转到第一项未评(&G)") if lines
                               else translate("CompletionCheck", "转到第一项需注意(&G)"),
                               QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(go)
        close = box.addButton(translate("CompletionCheck", "关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(close)
        if go is None:
            box.setDefaultButton(close)
        box.exec()
        if go is not None and box.clickedButton() is go:
            go_to(*target)
        return False
    go = box.addButton(translate("CompletionCheck", "仍然导出(&E)"), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(translate("CompletionCheck", "返回评分(&B)"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is go
