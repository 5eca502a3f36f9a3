"""The core's words in the window's language.

The core (store, scoring, reports) speaks Chinese: its messages are also what the command line prints and
what the printed documents say, so they stay as they are. The window maps the core texts it shows onto
its own translations: each known text below is a pattern of the core's message, with `{0}`, `{1}`… where
the core puts a value (a file, a number, a name), translated like any other string of the window
(context "Core" in resources/i18n/*.ts). Under Chinese `core_text` returns the text unchanged. Under
English a known message comes back in English, its values kept (and translated themselves when they are
known words such as a grade); a message made of several sentences is translated sentence by sentence;
what is not known (a rubric's own wording: indicator titles, rules) stays as the rubric says it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from inspector_app.ui.i18n import SOURCE_LANGUAGE, current_language, translate

# Words the core returns on their own: grades, states, kinds.
WORDS = (
    QT_TRANSLATE_NOOP("Core", "优秀"), QT_TRANSLATE_NOOP("Core", "良好"), QT_TRANSLATE_NOOP("Core", "合格"),
    QT_TRANSLATE_NOOP("Core", "不合格"), QT_TRANSLATE_NOOP("Core", "基本合格"), QT_TRANSLATE_NOOP("Core", "暂计"),
    QT_TRANSLATE_NOOP("Core", "未评"), QT_TRANSLATE_NOOP("Core", "已评"), QT_TRANSLATE_NOOP("Core", "不适用"),
    QT_TRANSLATE_NOOP("Core", "未定"), QT_TRANSLATE_NOOP("Core", "已定稿"), QT_TRANSLATE_NOOP("Core", "未完成"),
    QT_TRANSLATE_NOOP("Core", "征求意见稿"), QT_TRANSLATE_NOOP("Core", "是"), QT_TRANSLATE_NOOP("Core", "否"),
    QT_TRANSLATE_NOOP("Core", "组长"), QT_TRANSLATE_NOOP("Core", "组员"), QT_TRANSLATE_NOOP("Core", "核心校"),
    QT_TRANSLATE_NOOP("Core", "成员校"), QT_TRANSLATE_NOOP("Core", "融合型"), QT_TRANSLATE_NOOP("Core", "紧密型"),
    QT_TRANSLATE_NOOP("Core", "松散型"), QT_TRANSLATE_NOOP("Core", "加分项"), QT_TRANSLATE_NOOP("Core", "一票否决"),
    QT_TRANSLATE_NOOP("Core", "演示"), QT_TRANSLATE_NOOP("Core", "没有考核计划"),
    QT_TRANSLATE_NOOP("Core", "不是 Inspector 的数据库，或已损坏"),
)

# Messages with values in them ({0}, {1}…), most specific first.
MESSAGES = (
    # scoring: the live explanation and the typed values
    QT_TRANSLATE_NOOP("Core", "{0} 项 × {1} = {2}"),
    QT_TRANSLATE_NOOP("Core", "不能大于 {0}"),
    QT_TRANSLATE_NOOP("Core", "不能小于 {0}"),
    QT_TRANSLATE_NOOP("Core", "不能大于 100%"),
    QT_TRANSLATE_NOOP("Core", "应为数字，而不是 “{0}”"),
    QT_TRANSLATE_NOOP("Core", "应为整数，而不是 “{0}”"),
    # backups and restores
    QT_TRANSLATE_NOOP("Core", "{0}；评分 {1} 条，照片 {2} 张"),
    QT_TRANSLATE_NOOP("Core", "无法读取（{0}）"),
    QT_TRANSLATE_NOOP("Core", "{0} 不存在，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 是一个文件夹，不是备份文件，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 不是 Inspector 的数据库备份，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 由更新版本的 Inspector 建立，本程序不能使用，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 不是可以使用的备份（{1}），未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "备份失败：{0}"),
    # storage
    QT_TRANSLATE_NOOP("Core", "磁盘空间不足，无法写入 {0}"),
    QT_TRANSLATE_NOOP("Core", "没有写入 {0} 的权限"),
    QT_TRANSLATE_NOOP("Core", "{0} 所在的磁盘是只读的"),
)

_PLACE = re.compile(r"\{(\d+)\}")
_SENTENCE = re.compile(r"(?<=[。；\n])")


@lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    compiled = []
    for source in MESSAGES:
        parts = _PLACE.split(source)
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<v{p}>.+?)" for i, p in enumerate(parts))
        compiled.append((re.compile(regex, re.DOTALL), source))
    return tuple(compiled)


def _one(text: str, depth: int = 0) -> str | None:
    stripped = text.strip()
    if not stripped:
        return text
    if stripped in WORDS:
        return text.replace(stripped, translate("Core", stripped))
    for regex, source in _patterns():
        match = regex.fullmatch(stripped)
        if match:
            values = {k: v for k, v in match.groupdict().items()}
            args = [(_one(values[f"v{i}"], depth + 1) or values[f"v{i}"]) if depth < 2 else values[f"v{i}"]
                    for i in range(len(values))]
            return text.replace(stripped, translate("Core", source).format(*args))
    return None


def core_text(text: str) -> str:
    """A message or word from the core, in the window's language (unchanged under Chinese)."""
    if not text or current_language() == SOURCE_LANGUAGE:
        return text
    whole = _one(text)
    if whole is not None:
        return whole
    parts = [p for p in _SENTENCE.split(text) if p]
    if len(parts) > 1:
        return "".join(core_text(p) for p in parts)
    head, colon, rest = text.partition("：")  # "field：message": the field as the rubric names it
    if colon and rest:
        return f"{core_text(head)}: {core_text(rest)}"
    return text


def fault_text(exc: BaseException, path: Path | str) -> str:
    """A failure to write or read `path`, in plain words: a StorageError's explanation as it is, any other
    OSError explained (disk full, read-only, a folder), a StoreError's message; never "[Errno …]"."""
    from inspector_app.fsutil import StorageError, explain_os_error
    if isinstance(exc, StorageError):
        return core_text(exc.strerror or explain_os_error(exc, path))
    if isinstance(exc, OSError):
        return core_text(explain_os_error(exc, path))
    return core_text(str(exc) or type(exc).__name__)
