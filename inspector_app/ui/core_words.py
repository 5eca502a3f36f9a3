"""The core's words in the window's language.

The core (store, scoring, reports) speaks Chinese: its messages are also what the command line prints and
what the printed documents say, so they stay as they are. The window maps the core texts it shows onto
its own translations: each known text below is a pattern of the core's message, with `{0}`, `{1}`… where
the core puts a value (a file, a number, a name), translated like any other string of the window
(context "Core" in resources/i18n/*.ts). Under Chinese `core_text` returns the text unchanged. Under
English a known message comes back in English, its values kept (and translated themselves when they are
known words such as a grade); a message made of several sentences is translated sentence by sentence;
what is not known (a rubric's own wording: indicator titles, rules) stays as the rubric says it.

Messages the core declares with their English form (inspector_app/said.py, `Said("中文 {0}", "English {0}")`)
are known here without being listed: their English comes from the .ts if a translation is written there
(context "Core", the Chinese form as source), else from the core's own English form.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from inspector_app import said
from inspector_app.ui.i18n import SOURCE_LANGUAGE, current_language, installs, translate

# Words the core returns on their own: grades, states, kinds.
WORDS = (
    QT_TRANSLATE_NOOP("Core", "优秀"), QT_TRANSLATE_NOOP("Core", "良好"), QT_TRANSLATE_NOOP("Core", "合格"),
    QT_TRANSLATE_NOOP("Core", "不合格"), QT_TRANSLATE_NOOP("Core", "基本合格"), QT_TRANSLATE_NOOP("Core", "暂计"),
    QT_TRANSLATE_NOOP("Core", "未评"), QT_TRANSLATE_NOOP("Core", "已评"), QT_TRANSLATE_NOOP("Core", "不适用"),
    QT_TRANSLATE_NOOP("Core", "未定"), QT_TRANSLATE_NOOP("Core", "已定稿"), QT_TRANSLATE_NOOP("Core", "未完成"),
    QT_TRANSLATE_NOOP("Core", "征求意见稿"), QT_TRANSLATE_NOOP("Core", "是"), QT_TRANSLATE_NOOP("Core", "否"),
    QT_TRANSLATE_NOOP("Core", "组长"), QT_TRANSLATE_NOOP("Core", "组员"), QT_TRANSLATE_NOOP("Core", "核心校"),
    QT_TRANSLATE_NOOP("Core", "成员校"), QT_TRANSLATE_NOOP("Core", "融合型"), QT_TRANSLATE_NOOP("Core", "紧密型"),
    QT_TRANSLATE_NOOP("Core", "松散型"), QT_TRANSLATE_NOOP("Core", "共建型"), QT_TRANSLATE_NOOP("Core", "托管型"),
    QT_TRANSLATE_NOOP("Core", "联盟型"), QT_TRANSLATE_NOOP("Core", "一体型"), QT_TRANSLATE_NOOP("Core", "协作型"),
    QT_TRANSLATE_NOOP("Core", "加分项"), QT_TRANSLATE_NOOP("Core", "一票否决"),
    QT_TRANSLATE_NOOP("Core", "演示"), QT_TRANSLATE_NOOP("Core", "没有考核计划"),
    QT_TRANSLATE_NOOP("Core", "集团整体"), QT_TRANSLATE_NOOP("Core", "按教育集团整体评一次分"),
    QT_TRANSLATE_NOOP("Core", "无扣分"), QT_TRANSLATE_NOOP("Core", "扣完为止，最低 0 分"), QT_TRANSLATE_NOOP("Core", "无 → 0"),
    QT_TRANSLATE_NOOP("Core", "尚未评分"), QT_TRANSLATE_NOOP("Core", "应为文字"), QT_TRANSLATE_NOOP("Core", "应为数字，而不是是/否"),
    QT_TRANSLATE_NOOP("Core", "各校得分的平均分"), QT_TRANSLATE_NOOP("Core", "各校得分的最低分"),
    QT_TRANSLATE_NOOP("Core", "各校得分之和"),
    QT_TRANSLATE_NOOP("Core", "不是 Inspector 的数据库，或已损坏"),
    QT_TRANSLATE_NOOP("Core", "全集团"), QT_TRANSLATE_NOOP("Core", "未整改"), QT_TRANSLATE_NOOP("Core", "整改中"),
    QT_TRANSLATE_NOOP("Core", "已整改"), QT_TRANSLATE_NOOP("Core", "复查通过"), QT_TRANSLATE_NOOP("Core", "复查未通过"),
    QT_TRANSLATE_NOOP("Core", "整改事项的内容"), QT_TRANSLATE_NOOP("Core", "修改理由"), QT_TRANSLATE_NOOP("Core", "删去理由"),
    QT_TRANSLATE_NOOP("Core", "理由"), QT_TRANSLATE_NOOP("Core", "整改情况"), QT_TRANSLATE_NOOP("Core", "责任单位"),
    QT_TRANSLATE_NOOP("Core", "责任人"), QT_TRANSLATE_NOOP("Core", "问题类别"), QT_TRANSLATE_NOOP("Core", "整改时限"),
    QT_TRANSLATE_NOOP("Core", "列出"), QT_TRANSLATE_NOOP("Core", "删去"),
    QT_TRANSLATE_NOOP("Core", "自评"), QT_TRANSLATE_NOOP("Core", "初评"), QT_TRANSLATE_NOOP("Core", "复评"), QT_TRANSLATE_NOOP("Core", "复查"),
    QT_TRANSLATE_NOOP("Core", "专家"), QT_TRANSLATE_NOOP("Core", "教育局"), QT_TRANSLATE_NOOP("Core", "只查看"),
    QT_TRANSLATE_NOOP("Core", "本机"), QT_TRANSLATE_NOOP("Core", "征求意见稿（未定稿）"),
    QT_TRANSLATE_NOOP("Core", "定稿后有改动，须重新定稿"), QT_TRANSLATE_NOOP("Core", "未定稿"),
    QT_TRANSLATE_NOOP("Core", "尚无专家组结果"),
    QT_TRANSLATE_NOOP("Core", "逾期"),
)

# Messages with values in them ({0}, {1}…), most specific first. Each placeholder appears once.
MESSAGES = (
    # scoring: the live explanation (rubric/rules, scoring/engine)
    QT_TRANSLATE_NOOP("Core", "{0} {1}，目标 {2}，完成 {3} × {4} 分 = {5}"),
    QT_TRANSLATE_NOOP("Core", "完成比例 {0} × {1} 分 = {2}"),
    QT_TRANSLATE_NOOP("Core", "{0} {1} × {2} 分 = {3}"),
    QT_TRANSLATE_NOOP("Core", "{0}：{1}，按 {2} 计 = {3}"),
    QT_TRANSLATE_NOOP("Core", "{0} {1}，比 {2} 低 {3} 个{4} × {5} = −{6}"),
    QT_TRANSLATE_NOOP("Core", "{0} {1}，达到 {2} → 满分"),
    QT_TRANSLATE_NOOP("Core", "{0} {1}，达到 {2}，不扣分"),
    QT_TRANSLATE_NOOP("Core", "{0} {1} 项 × {2} = +{3}"),
    QT_TRANSLATE_NOOP("Core", "{0} {1} 项 × {2} = −{3}"),
    QT_TRANSLATE_NOOP("Core", "合计 {0}，本项最高 {1} 分"),
    QT_TRANSLATE_NOOP("Core", "同类取最高分：{0} → {1}"),
    QT_TRANSLATE_NOOP("Core", "最高达到{0} → {1}"),
    QT_TRANSLATE_NOOP("Core", "✗ 未做到：{0}，本项不得分 → 0"),
    QT_TRANSLATE_NOOP("Core", "✗ {0}（{1} 分）未得"),
    QT_TRANSLATE_NOOP("Core", "未满足前提：{0}，本项不得分 → 0"),
    QT_TRANSLATE_NOOP("Core", "考核组直接给分 {0} 分（满分 {1}）"),
    QT_TRANSLATE_NOOP("Core", "考核组评定 {0} 分；理由：{1}"),
    QT_TRANSLATE_NOOP("Core", "考核组改定为 {0} 分（按计分办法为 {1} 分）；理由：{2}"),
    QT_TRANSLATE_NOOP("Core", "本项不适用：{0}"),
    QT_TRANSLATE_NOOP("Core", "尚未填写: {0}"),
    QT_TRANSLATE_NOOP("Core", "满分 {0}"),
    QT_TRANSLATE_NOOP("Core", "登记 {0} 项，其中 {1} 年（基数）{2} 项"),
    QT_TRANSLATE_NOOP("Core", "登记 {0} 项"),
    QT_TRANSLATE_NOOP("Core", "还有 {0} 所学校未完成"),
    QT_TRANSLATE_NOOP("Core", "尚有 {0} 项未评分（按 0 分计），总分与等次为暂计"),
    QT_TRANSLATE_NOOP("Core", "尚有 {0} 项未评分（按 0 分计），总分为暂计"),
    QT_TRANSLATE_NOOP("Core", "等次由{0}根据考核成绩确定，指标体系未规定分数线"),
    QT_TRANSLATE_NOOP("Core", "综合得分 = {0} + 加分 {1} = {2}"),
    QT_TRANSLATE_NOOP("Core", "综合得分 = {0} = {1}"),
    QT_TRANSLATE_NOOP("Core", "一票否决：{0}"),
    QT_TRANSLATE_NOOP("Core", "取消“{0}”资格，定为“{1}”：{2}"),
    QT_TRANSLATE_NOOP("Core", "认定取消资格须写明查实的事实和理由"),
    QT_TRANSLATE_NOOP("Core", "认定一票否决须写明事实和理由"),
    QT_TRANSLATE_NOOP("Core", "专家评分不一致（{0}），待组长决定"),
    QT_TRANSLATE_NOOP("Core", "逐校评分，集团得分取{0}（{1}）"),
    QT_TRANSLATE_NOOP("Core", "逐校评分，集团得分取{0}"),
    QT_TRANSLATE_NOOP("Core", "不适用于{0}"),
    # typed values (rubric/rules/inputs.py)
    QT_TRANSLATE_NOOP("Core", "不能大于 {0}（填写的是 {1}）"),
    QT_TRANSLATE_NOOP("Core", "不能小于 {0}（填写的是 {1}）"),
    QT_TRANSLATE_NOOP("Core", "最多 {0}，而不是 {1}"),
    QT_TRANSLATE_NOOP("Core", "直接给分不能超过本项满分 {0} 分（填写的是 {1}）"),
    QT_TRANSLATE_NOOP("Core", "“{0}” 完成数（得分）不能大于应完成数（满分）"),
    QT_TRANSLATE_NOOP("Core", "“{0}” 的分母应大于 0"),
    QT_TRANSLATE_NOOP("Core", "“{0}” 不是可选项；可选: {1}"),
    QT_TRANSLATE_NOOP("Core", "文字过长（{0} 字）"),
    # backups and restores (store/backup.py)
    QT_TRANSLATE_NOOP("Core", "{0}；评分 {1} 条，照片 {2} 张"),
    QT_TRANSLATE_NOOP("Core", "无法读取（{0}）"),
    QT_TRANSLATE_NOOP("Core", "{0} 不存在，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 是一个文件夹，不是备份文件，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 不是 Inspector 的数据库备份，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 由更新版本的 Inspector 建立，本程序不能使用，未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "{0} 不是可以使用的备份（{1}），未恢复。可用“inspector backup list”查看已有的备份。"),
    QT_TRANSLATE_NOOP("Core", "备份失败：{0}"),
    # storage (fsutil.explain_os_error)
    QT_TRANSLATE_NOOP("Core", "磁盘空间已满（或文件超过大小限制），无法写入 {0}。已保存的内容没有受影响。"),
    QT_TRANSLATE_NOOP("Core", "{0} 是一个文件夹，不能写成文件；请给出文件名（例如 {1}）。已保存的内容没有受影响。"),
    QT_TRANSLATE_NOOP("Core", "无法写入 {0}：文件夹是只读的或没有权限。已保存的内容没有受影响。"),
    QT_TRANSLATE_NOOP("Core", "无法写入 {0}：{1}"),
    # rectification items (store/rectification.py)
    QT_TRANSLATE_NOOP("Core", "整改时限 {0} 早于考核日期 {1}（{2}）；"),
    QT_TRANSLATE_NOOP("Core", "整改时限应在考核之后"),
    QT_TRANSLATE_NOOP("Core", "指标 {0} 不在考核计划“{1}”的指标体系中（{2}）"),
    QT_TRANSLATE_NOOP("Core", "指标 {0} 不适用于 {1}（{2}）"),
    QT_TRANSLATE_NOOP("Core", "学校 “{0}” 不在考核计划中的 {1}：{2}"),
    QT_TRANSLATE_NOOP("Core", "{0}应写成 2024-12-31 这样的日期，而不是 “{1}”"),
    QT_TRANSLATE_NOOP("Core", "{0}过长（{1} 字，最多 {2} 字）"),
    QT_TRANSLATE_NOOP("Core", "整改事项 {0} 已删去，不能再改"),
    QT_TRANSLATE_NOOP("Core", "{0}不能为空"),
    QT_TRANSLATE_NOOP("Core", "状态 {0} → {1}；{2}"), QT_TRANSLATE_NOOP("Core", "状态 {0} → {1}"),
    QT_TRANSLATE_NOOP("Core", "添加佐证：{0}"), QT_TRANSLATE_NOOP("Core", "修改：{0}"),
)

_PLACE = re.compile(r"\{(\d+)\}")
_SENTENCE = re.compile(r"(?<=[。；\n])")


def _compile(source: str) -> re.Pattern:
    parts = _PLACE.split(source)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<v{p}>.+?)" for i, p in enumerate(parts)), re.DOTALL)


@lru_cache(maxsize=None)
def _listed() -> tuple[tuple[re.Pattern, str, str], ...]:
    return tuple((_compile(source), source, "", ()) for source in MESSAGES)


_declared: list[tuple[re.Pattern, str, str, tuple[int, ...]]] = []
_declared_from = [0]  # how many declared messages _declared was made from


_FIELD = re.compile(r"\{0\}[:：] ?")


def _renumbered(text: str) -> str:
    return _PLACE.sub(lambda m: "{%d}" % (int(m.group(1)) - 1), text)


def _forms(forms) -> list[tuple[str, str, tuple[int, ...]]]:
    """(Chinese, English, places kept) of each declared message; one that starts with the field it is about
    ("{0}: 应为文字") also without it, as the window shows it under the field (ui/inputs.plain_error takes the field
    off)."""
    found = []
    for f in forms:
        found.append((f.zh, f.en, f.kept))
        head, english = _FIELD.match(f.zh), re.match(r"\{0\}: ", f.en)
        if head and english and "{0}" not in f.zh[head.end():]:
            found.append((_renumbered(f.zh[head.end():]), _renumbered(f.en[english.end():]),
                          tuple(k - 1 for k in f.kept if k)))
    return found


def _patterns() -> list[tuple[re.Pattern, str, str, tuple[int, ...]]]:
    """(pattern, Chinese source, English form of the core or "", places kept): the core's declared messages
    (longest first, so a message is not taken for a shorter one inside it), then the listed ones."""
    forms = said.known()
    if len(forms) != _declared_from[0]:
        _declared[:] = sorted(((_compile(zh), zh, en, kept) for zh, en, kept in _forms(forms)
                               if _PLACE.sub("", zh).strip()), key=lambda p: (_layout(p[1]), -len(p[1])))
        _declared_from[0] = len(forms)
    return [*_declared, *_listed()]


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _layout(source: str) -> bool:
    """A form with no word of its own, only values and marks ("{0}!{1}: {2}", a problem's place and message): tried
    after every message that has words, and never across lines (each problem of a list is a line)."""
    return not _CJK.search(source)


# Values that are a list or a path of parts: each part said on its own ("第 3 项 → 得分", "融合型 或 紧密型", the
# differences a message lists: "阶段：本机为…；集团 … 的自评分不同"; the lines of a list of problems).
_STEPS = (("\n", "\n"), ("；", "; "), (" → ", " → "), (" 或 ", " or "))


def _value(value: str, depth: int) -> str:
    found = _one(value, depth + 1)
    if found is not None:
        return found
    for step, english in _STEPS:
        if step in value:
            return english.join(_one(part, depth + 1) or part for part in value.split(step))
    if "、" in value:  # a list of known words ("自评、初评、复评"), or of names among known words ("张组长、教育局")
        parts = value.split("、")
        said_ = [_one(part, depth + 1) for part in parts]
        if any(p is not None for p in said_) and all(s is not None or _name_like(p) for s, p in zip(said_, parts)):
            return ", ".join(s if s is not None else p for s, p in zip(said_, parts))
        if not _CJK.search(value):  # codes and figures ("C2（-0.4）、C3（-0.6）", files "a.pdf、b.pdf"): an English list
            return ", ".join(p.replace("（", " (").replace("）", ")").strip() for p in parts)
    return value


def _name_like(part: str) -> bool:
    """An item of a list that is a person's or a school's name or a code, not a rubric's wording: short, one word."""
    return not _CJK.search(part) or (len(part.strip()) <= 10 and not any(c in part for c in "（）()“”，,：:；;。 "))


def _english(source: str, own: str) -> str:
    found = translate("Core", source)
    return own if own and found == source else found


_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("【", "】"))


def _balanced(value: str) -> bool:
    """A value put into a message never holds half a bracket: "自评高 1 分）；差异…（-0.4" is a wrong split."""
    for left, right in _PAIRS:
        depth = 0
        for ch in value:
            depth += (ch == left) - (ch == right)
            if depth < 0:
                return False
        if depth:
            return False
    return True


def _one(text: str, depth: int = 0) -> str | None:
    stripped = text.strip()
    if not stripped:
        return text
    if stripped in WORDS:
        return text.replace(stripped, translate("Core", stripped))
    for regex, source, own, kept in _patterns():
        match = regex.fullmatch(stripped)
        if match and all(_balanced(v) for v in match.groupdict().values()) and \
                not (_layout(source) and any("\n" in v for v in match.groupdict().values())):
            values = {k: v for k, v in match.groupdict().items()}
            args = [_value(values[f"v{i}"], depth) if depth < _NESTED and i not in kept else values[f"v{i}"]
                    for i in range(len(values))]
            return text.replace(stripped, _english(source, own).format(*args))
    if depth == 0 and len(stripped) > 1 and stripped[-1] in _ENDS:  # a sentence of a longer message: "…；"
        inner = _one(stripped[:-1], depth)
        if inner is not None:
            return text.replace(stripped, inner.rstrip() + _ENDS[stripped[-1]])
    return None


_ENDS = {"；": "; ", "。": ". "}
# How deep values are said in English: a message inside a message inside a message ("…已被改动" of "照片“…”的文件" of
# "照片“…”（指标 C3，集团整体）"), the innermost value (集团整体) still a known word.
_NESTED = 3


_cache_key: list = [None, -1, -1]  # language, translators' install, declared forms: what the cache was filled under


def core_text(text: str) -> str:
    """A message or word from the core, in the window's language (unchanged under Chinese).

    Kept per (language, text): a list repaints the same texts again and again. The cache is emptied when
    translators are installed again (the language changes) or a module declares more messages."""
    if not text:
        return text
    language = current_language()
    if language == SOURCE_LANGUAGE:
        return text
    key = (language, installs(), said.count())
    if tuple(_cache_key) != key:
        _cached.cache_clear()
        _cache_key[:] = key
    return _cached(language, text)


@lru_cache(maxsize=8192)
def _cached(language: str, text: str) -> str:  # noqa: ARG001 - the language is part of the key
    return _uncached(text)


def _uncached(text: str) -> str:
    """The text whole if a message says it; else (or when saying it sentence by sentence leaves less Chinese: a
    value may have taken in the sentences after it) each sentence on its own."""
    whole = _one(text)
    if "; " in text and (whole is None or _CJK.search(whole)):  # problems joined "; " (rubric/yamlnodes.YamlFileError)
        split = "; ".join(_uncached(p) for p in text.split("; "))
        if whole is None or len(_CJK.findall(split)) < len(_CJK.findall(whole)):
            return split
    parts = [p for p in _SENTENCE.split(text) if p]
    if whole is not None and (len(parts) == 1 or not _CJK.search(whole)):
        return whole
    if len(parts) > 1:
        split = "".join(_uncached(p) for p in parts)
        split = split if text[-1:].isspace() else split.rstrip()
        if whole is None or len(_CJK.findall(split)) < len(_CJK.findall(whole)):
            return split
        return whole
    head, colon, rest = text.partition("：")  # "field：message": the field as the rubric names it
    if colon and rest:
        return f"{_uncached(head)}: {_uncached(rest)}"
    return text


_SEPARATORS = {"，": ", ", "；": "; ", "、": ", "}


def listing(items, separator: str = "，") -> str:
    """Items the core would join with `separator` (grades and their counts, unfinished groups…), each in the
    window's language, joined the window's way."""
    if current_language() != SOURCE_LANGUAGE:
        separator = _SEPARATORS.get(separator, separator)
    return separator.join(core_text(str(i)) for i in items)


def identity_text(identity) -> str:
    """Who the user is ("张老师（组长）", "教育局"), the role in the window's language."""
    if current_language() == SOURCE_LANGUAGE:
        return identity.label
    if identity.expert is not None:
        from inspector_app.store.experts import ROLES
        role = ROLES.get(identity.expert.role)
        return f"{identity.expert.name} ({core_text(role)})" if role else identity.expert.name
    return core_text(identity.label)


def fault_text(exc: BaseException, path: Path | str) -> str:
    """A failure to write or read `path`, in plain words: a StorageError's explanation as it is, any other
    OSError explained (disk full, read-only, a folder), a StoreError's message; never "[Errno …]"."""
    from inspector_app.fsutil import StorageError, explain_os_error
    if isinstance(exc, StorageError):
        return core_text(exc.strerror or explain_os_error(exc, path))
    if isinstance(exc, OSError):
        return core_text(explain_os_error(exc, path))
    return core_text(str(exc) or type(exc).__name__)
