"""Help for the options every command shares (--plan, --group, --json …), written once.

A command may give its own help; an option left without one takes the shared text here, so
`inspector X --help` never shows a bare option. A test walks every command and fails on any option
that has neither.
"""
from __future__ import annotations

import argparse

SHARED = {
    "--json": "以 JSON 输出（供其他程序读取）",
    "--plan": "考核计划的编号或名称（本机只有一个考核计划时可省略）",
    "--group": "集团的编号或名称",
    "--school": "学校的编号或名称（逐校评分的指标；集团整体评分时省略）",
    "--indicator": "指标编号（如 C5；大小写均可）",
    "--points": "得分（不超过该指标的分值）",
    "--reason": "理由（必填，会写入历史记录和合议记录）",
    "--out": "要写出的文件或文件夹",
    "--limit": "最多显示多少条（1–100000）",
}
POSITIONAL = {
    "rubric": "指标体系编号（见 rubric list）或指标文件路径",
    "files": "一个或多个文件",
    "file": "文件",
    "source": "来源：文件或文件夹",
    "values": "输入项，写成 键=值（键名见 rubric show 的“输入项”），如 ratio.value=18",
}
BY_COMMAND = {
    ("rubric check", "files"): "要检查的指标文件（YAML）",
    ("plan baseline", "source"): "上一年的结果工作簿（results 写出的 .xlsx）或上一年的数据文件夹",
    ("photo add", "files"): "照片文件或文件夹（文件夹中的照片全部导入）",
    ("merge", "files"): "要合并的数据包（.zip），可以一次给多个",
    ("verify", "files"): "要检查的数据包（.zip）",
    ("keys trust", "source"): "对方的公钥文件（.pub），或当面核对过的指纹（如 N2CR-RR4M-HHAL-J6KL）",
    ("roster check", "file"): "名册文件（.yaml 或 .xlsx）",
    ("report", "--out"): "报告文件（.pdf）",
    ("panel export", "--out"): "写出专家组数据包的文件夹（如 U 盘）",
    ("package", "--out"): "写出计划包的文件夹（如 U 盘）",
    ("roster template", "--out"): "要写出的名册模板（.xlsx）",
}


def fill(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Give every option without help its shared text; return the ones still without any."""
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                missing += fill(sub, path + (name,))
            continue
        if action.help or isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            continue
        name = action.option_strings[-1] if action.option_strings else action.dest
        command = " ".join(path)
        action.help = (BY_COMMAND.get((command, name)) or SHARED.get(name)
                       or (POSITIONAL.get(action.dest) if not action.option_strings else None))
        if not action.help:
            missing.append((command, name))
    return missing
