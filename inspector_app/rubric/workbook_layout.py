"""The layout of a rubric workbook (one sheet per level of the seed's table) and the rubric file's text.

A workbook is one sheet per level of the seed's table (一级指标, 二级指标, 指标, 评分部分) plus 基本信息,
等级 and 说明事项. Rule details that have no column of their own stay in 规则参数 / 其他 as YAML flow text
(`{condition: 班子成员团结}`), so nothing in a rubric is lost on the way (workbook_export.py, workbook_import.py).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from inspector_app.rubric.model import TARGETS
from inspector_app.rubric.yamlnodes import Problem, YNode, YScalar, YSeq
from inspector_app.said import Said

AT_CELL = Said("{0}: {1}: {2}: {3}", "{0}: {1}: {2}: {3}", kept=(0,))  # a problem's layout: the window reads each part back

# Sheet names and columns. Column headers are what a bureau officer sees; keys are the rubric file's fields.
INFO = "基本信息"
GRADES = "等级"
NOTES = "说明事项"
AREAS = "一级指标"
GROUPS = "二级指标"
INDICATORS = "指标"
PARTS = "评分部分"
README = "填写说明"

INFO_FIELDS = [("format", "格式版本"), ("id", "编号"), ("version", "版本"), ("title", "名称"),
               ("status", "状态（complete 完整 / template 模板）"), ("total", "总分"),
               ("group_types", "集团类型（每行一个）"), ("open_points", "尚待补充的内容（每行一条）"),
               ("source.seed", "来源文件"), ("source.document", "依据文件"), ("source.issuer", "发布单位"),
               ("veto", "一票否决"), ("composite", "加权合成")]
GRADE_COLS = [("label", "等级"), ("min", "下限（含）"), ("max", "上限（不含）"), ("*", "其他")]
AREA_COLS = [("code", "编号"), ("title", "名称"), ("max", "满分"), ("bonus", "加分项（是/否）"), ("*", "其他")]
GROUP_COLS = [("area", "一级指标"), ("code", "编号"), ("title", "名称"), ("*", "其他")]
INDICATOR_COLS = [("area", "一级指标"), ("group", "二级指标"), ("code", "三级指标"), ("text", "考核要点"),
                  ("points", "分值"), ("standard", "评分标准"), ("targets", "考核对象"), ("methods", "评价方式"),
                  ("evidence", "佐证材料"), ("rule.type", "计分规则"), ("rule.*", "规则参数"), ("*", "其他")]
PART_COLS = [("indicator", "三级指标"), ("key", "部分编号"), ("label", "名称"), ("points", "分值"),
             ("rule.type", "计分规则"), ("rule.*", "规则参数"), ("*", "其他")]
LIST_FIELDS = {"group_types", "open_points", "targets", "methods", "evidence"}
NUMBER_FIELDS = {"total", "max", "min", "points"}
TARGET_LABELS = {"lead": "核心校", "members": "成员校"}
TARGET_KEYS = {**{v: k for k, v in TARGET_LABELS.items()}, **{v: k for k, v in TARGETS.items()},
               **{k: k for k in TARGETS}}


class WorkbookError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class CellProblem(Problem):
    """A problem located by sheet and cell rather than by line."""
    cell: str = ""

    def __str__(self) -> str:
        return AT_CELL(self.file, self.cell, self.field, self.message)


def plain(node: YNode | None):
    """A node tree as plain Python: strings, lists and dicts (order kept)."""
    if node is None:
        return None
    if isinstance(node, YScalar):
        return node.value
    if isinstance(node, YSeq):
        return [plain(n) for n in node.items]
    return {k: plain(v) for k, v in node.items.items()}


def flow(value) -> str:
    """YAML flow text for a cell; scalars stay plain where YAML reads them back as the same text."""
    import yaml
    return yaml.dump(value, Dumper=_dumper(), default_flow_style=True, allow_unicode=True,
                     width=10 ** 6, sort_keys=False).strip().removesuffix("...").strip()


def rubric_text(tree) -> str:
    """A plain tree as a rubric file (block YAML), every value written as the text it was."""
    import yaml
    return yaml.dump(tree, Dumper=_dumper(), default_flow_style=None, allow_unicode=True,
                     width=4096, sort_keys=False, indent=2)


@functools.lru_cache(maxsize=1)
def _dumper():
    import yaml

    class TextDumper(yaml.SafeDumper):
        pass

    def text(dumper, value: str):
        # Tag each string with what YAML would resolve it to, so it is written plain (`5`, not '5'):
        # the rubric reader keeps every scalar as text, so plain `5` reads back as the text "5".
        if value == "" or value != value.strip() or "\n" in value:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else '"')
        tag = dumper.resolve(yaml.ScalarNode, value, (True, False))
        return yaml.ScalarNode(tag, value)

    TextDumper.add_representer(str, text)
    return TextDumper
