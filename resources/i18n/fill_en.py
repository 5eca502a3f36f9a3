"""Fill English translations into inspector_en.ts (after `pyside6-lupdate`); keeps existing ones.

    pyside6-lupdate inspector_app/ui/*.py -ts resources/i18n/inspector_en.ts \
        -source-language zh_CN -target-language en -no-obsolete
    python resources/i18n/fill_en.py
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

EN = {
    '每项 × {0} 分': 'each × {0} pt', '填写 {0}–{1}{2}': 'enter {0}–{1}{2}', '（{0} 分）': ' ({0} pt)',
    '专家组意见写入反馈报告。输入即保存。': 'The panel’s findings go into the feedback report. Saved as you type.',
    '主要成绩(&A)': '&Achievements', '存在问题(&B)': 'Pro&blems', '整改建议(&S)': '&Suggestions',
    '专家组意见：{0}': 'Panel findings: {0}', '集团化办学督导考核': 'Inspection of education groups',
    '考核计划(&P)：': 'Ins&pections:',
    '这个数据文件夹里还没有考核计划。可以先打开演示考核看一看（一键建立，内容都标有“演示”），或者新建考核。':
        'There is no inspection in this data folder yet. Open the demo inspection to look around '
        '(made in one click, everything marked 演示), or create an inspection.',
    '打开(&O)': '&Open', '新建考核(&N)…': '&New inspection…', '打开演示考核(&D)': 'Open the &demo',
    '导入考核计划包…': 'Import a plan package…', '签名的考核计划包，即将提供': 'Signed plan packages: coming soon',
    '数据文件夹：{0}': 'Data folder: {0}', '专家：{0}': 'Expert: {0}', '（打开考核后确定）': '(set when an inspection is open)',
    '本机密钥指纹：{0}': 'Key fingerprint: {0}', '评分规则': 'Rule', '评分标准': 'Standard', '对照': 'Compare',
    '评分': 'Scoring', '佐证材料（已查阅的打勾）': 'Evidence (tick what you have seen)',
    '评价方式（已完成的打勾）': 'Methods (tick what is done)', '备注': 'Note',
    '现场看到的事实、问题、需要核实的地方…': 'Facts seen on site, problems, things to check…', '照片': 'Photos',
    '分': 'pt', '不在本人分工内（只可查看）': 'not assigned to you (view only)', '自评分：{0}': 'Self-score: {0}',
    '上年（{0}）本领域得分：{1}': 'Last year ({0}), this area: {1}', 'Inspector 督导考核': 'Inspector',
    '考核(&K)': '&Inspection', '主页(&H)': '&Home', '导入考核计划包(&I)…': '&Import a plan package…',
    '退出(&Q)': '&Quit', '导航(&G)': '&Go', '跳到指标编号(&J)…': '&Jump to code…',
    '搜索指标内容(&F)…': '&Find in indicators…', '下一项指标(&X)': 'Ne&xt indicator',
    '上一项指标(&P)': '&Previous indicator', '下一所学校(&S)': 'Next &school', '上一所学校(&U)': 'Previous sch&ool',
    '选择集团(&G)…': 'Choose &group…', '指标树(&T)': 'Indicator &tree', '评分页(&1)': 'Scoring page (&1)',
    '专家组意见(&2)': 'Panel findings (&2)', '语言(&L)': '&Language', '已保存 {0}': 'Saved {0}',
    '未保存': 'Not saved', '界面语言将在下次启动时切换': 'The language changes at the next start',
    '未开始': 'not started', '进行中': 'in progress', '已完成': 'done', '需注意': 'check',
    '集团(&J)：': 'Group (&J):', '跳到指标编号，如 C5（Ctrl+G）': 'Jump to a code, e.g. C5 (Ctrl+G)',
    '搜索指标内容（Ctrl+F）': 'Search indicators (Ctrl+F)', '指标': 'Indicator', '状态': 'State',
    '不在本人分工内': 'not assigned to you', '{0}/{1} 项 · {2} 分': '{0}/{1} · {2} pt',
    '正在导入照片…': 'Importing photos…', '取消': 'Cancel', '导入照片': 'Import photos',
    '正在导入照片 {0}/{1}：{2}': 'Importing photo {0}/{1}: {2}', '添加照片(&P)…': 'Add &photos…',
    '添加文件夹…': 'Add a folder…', '说明…': 'Caption…', '移除': 'Remove', '撤销移除': 'Undo remove',
    '可把照片或文件夹拖到这里。Enter 打开原图，Delete 移除。':
        'Drop photos or folders here. Enter opens the full photo, Delete removes it.',
    '添加照片': 'Add photos', '添加文件夹中的照片': 'Add the photos in a folder',
    '已取消导入，没有添加任何照片': 'Import cancelled; no photo was added', '已添加 {0} 张照片': 'Added {0} photos',
    '；{0} 个文件未导入：{1}': '; {0} files not imported: {1}', '照片说明': 'Caption',
    '说明（写入反馈报告）：': 'Caption (goes into the feedback report):',
    '已移除 1 张照片（可撤销）': 'Removed 1 photo (can be undone)', '新建考核': 'New inspection',
    '每行一个集团：集团名称（类型）：核心校、成员校、成员校\n例：城关教育集团（融合型）：城关小学、东关小学、西关小学':
        'One group a line: group name (type): lead school、member、member\n'
        'e.g. 城关教育集团（融合型）：城关小学、东关小学、西关小学',
    '组长在前，用顿号分开：张老师、李老师': 'Panel lead first, separated by 、: 张老师、李老师',
    '名称(&T)：': '&Title:', '指标体系(&R)：': '&Rubric:', '学年(&Y)：': 'School &year:', '阶段(&S)：': '&Stage:',
    '集团和学校(&G)：': '&Groups and schools:', '专家(&E)：': '&Experts:', '目前得分': 'Score so far',
    '各领域': 'Areas', '一票否决': 'Veto', '（加分）': ' (bonus)',
    '事实和理由（认定否决时必填）': 'Facts and reason (required for a veto)',
    '{0}：目前得分（{1}）': '{0}: score so far ({1})', '上年（{0}）：{1} 分，{2}，第 {3} 名': 'Last year ({0}): {1}, {2}, rank {3}',
    '基础分：{0}': 'Base: {0}', '加分：{0}': 'Bonus: {0}', '{0}：逐校指标 {1}/{2} 项，{3} 分': '{0}: per-school {1}/{2}, {3} pt',
}

path = Path(__file__).with_name("inspector_en.ts")
tree = ET.parse(path)
missing = []
for message in tree.iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source in EN:
        translation.text = EN[source]
        translation.attrib.pop("type", None)
    elif translation.get("type") == "unfinished":
        missing.append(source)
tree.write(path, encoding="utf-8", xml_declaration=True)
print(f"untranslated: {len(missing)}", *missing, sep="\n  ", file=sys.stderr)
