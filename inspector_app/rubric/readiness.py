"""Whether a rubric can be scored: a template (status template, items of 0 points) cannot.

One check for every way in: the window's 新建考核, `inspector plan create`, a plan package read on a
laptop, and every entry typed on such a plan. A template's items carry 0 points until the bureau
fills them in, so scores made on it would mean nothing.
"""
from __future__ import annotations

from inspector_app.rubric.model import Rubric
from inspector_app.said import Said

# What to do is said in plain words for the expert or the officer who reads it; the commands are an aside for IT
# staff at the end, as 新建考核's encryption note does.
TEMPLATE = Said(
    "“{0}”是一份模板，还不能用来评分：原文件没有给出全部指标和分值（{1} 项指标的分值是 0：{2}，评出来的分数没有意义）。"
    "尚待教育局补充的内容：\n{3}\n"
    "请选择一套完整的指标体系，或向教育局要完整的指标体系；也可以请教育局按《使用手册》“教育局”一章所说，"
    "在 Excel 中把这份模板补全（填好分值和评分标准）后再发来。\n"
    "（供技术人员：inspector rubric export {4} --out 指标.xlsx 导出，补全后把状态改为 complete，"
    "inspector rubric import 指标.xlsx --out 指标.yaml 读回，放进数据文件夹的 rubrics 文件夹。）",
    "“{0}” is a template and cannot be scored yet: the source document does not give every indicator and its "
    "points ({1} indicator(s) worth 0 points: {2}; scores made on them would mean nothing). Still to be supplied by "
    "the education bureau:\n{3}\nChoose a complete rubric, or ask the education bureau for the complete rubric; "
    "the bureau can also complete this template in Excel (the points and the scoring rules), as the manual's "
    "chapter for the bureau describes, and send it again.\n(For IT staff: inspector rubric export {4} --out "
    "rubric.xlsx, complete it and set the status to complete, read it back with inspector rubric import "
    "rubric.xlsx --out rubric.yaml and put it in the rubrics folder of the data folder.)")

NOT_CREATED = Said("未建立考核计划：{0}", "No inspection was created: {0}")
NOT_IMPORTED = Said("计划包未导入，本机没有任何改变：{0}", "The plan package was not imported; nothing on this laptop changed: {0}")


def unscored(rubric: Rubric) -> list[str]:
    """The codes of the indicators worth 0 points."""
    return [i.code for i in rubric.indicators if not i.points]


def scoring_refusal(rubric: Rubric) -> str:
    """Why `rubric` cannot be scored, in plain words naming its 0-point items ("" when it can be)."""
    zero = unscored(rubric)
    if rubric.status != "template" and not zero:
        return ""
    missing = "\n".join(f"· {p}" for p in rubric.open_points) or "—"
    return TEMPLATE(rubric.title, len(zero), "、".join(zero) or "—", missing, rubric.id)
