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

EN.update({
    # bundles
    '正在写入并校验数据包…': 'Writing and verifying the bundle…', '正在写入并校验：{0}': 'Writing and verifying: {0}',
    '已取消：目标文件夹中没有留下未完成的文件。': 'Cancelled: no unfinished file was left in the destination folder.',
    '{0} 未能导出：{1}': '{0} could not be exported: {1}', '没有可导出的内容。': 'Nothing to export.',
    '已导出，并已读回校验（完整、签名有效）：': 'Exported and read back (complete, signature valid):',
    '{0}（序号 {1}，{2} 张照片）': '{0} (sequence {1}, {2} photos)', '导出我的数据包': 'Export my bundles',
    '还没有评分，没有可导出的数据包。': 'Nothing scored yet: there is no bundle to export.',
    '导出我的数据包到文件夹（如 U 盘）': 'Export my bundles to a folder (e.g. a USB stick)',
    '导出专家组数据包到文件夹': 'Export the panel bundle to a folder', '导出专家组数据包': 'Export the panel bundle',
    '导出考核计划包到文件夹': 'Export the plan package to a folder', '导出考核计划包': 'Export the plan package',
    '导入数据包': 'Import bundles', '数据包': 'Bundles', '正在校验并导入…': 'Verifying and importing…',
    '正在校验并导入 {0}/{1}：{2}': 'Verifying and importing {0}/{1}: {2}', '导入考核计划包': 'Import a plan package',
    '导入结果': 'Import results', '签名人指纹：': 'Signer’s fingerprint:', '关闭': 'Close',
    '请与发送人当面核对指纹，然后点“核对指纹后信任”。':
        'Compare the fingerprint with the sender in person, then click “Trust after comparing fingerprints”.',
    '共 {0} 个文件：{1} 个已导入': '{0} files: {1} imported', '，{0} 个暂缓（签名人尚未受信任）': ', {0} held (signer not trusted yet)',
    '，{0} 个未导入': ', {0} not imported', '核对指纹后信任(&T)…': '&Trust after comparing fingerprints…',
    '核对指纹后信任': 'Trust after comparing fingerprints',
    '请发送人在他的电脑上打开“数据包 → 密钥”，念出本机指纹；逐组核对下面的指纹，一致才信任。':
        'Ask the sender to open “Bundles → Keys” on their computer and read out its fingerprint; compare it group '
        'by group with the one below and trust it only if they are the same.',
    '数据包上的签名人指纹：': 'Fingerprint of the bundle’s signer:', '对方念出的指纹(&F)：': '&Fingerprint read out:',
    '姓名(&N)：': '&Name:', '一致，信任(&T)': 'Same: &trust', '指纹一致。': 'The fingerprints match.',
    '指纹一致。请填写姓名。': 'The fingerprints match. Please enter the name.',
    '指纹不一致：不要信任，请当面再核对一次。': 'The fingerprints differ: do not trust; compare again in person.',
    # keys
    '本机': 'this computer', '已信任': 'trusted', '已吊销': 'revoked', '见过，未信任': 'seen, not trusted', '密钥': 'Keys',
    '本机指纹（交换数据包前念给对方核对）：': 'This computer’s fingerprint (read it out before exchanging bundles):',
    '导出公钥(&E)…': '&Export public key…', '密钥列表(&L)：': 'Key &list:', '姓名': 'Name', '指纹': 'Fingerprint',
    '说明': 'Details', '吊销(&R)…': '&Revoke…', '导出公钥': 'Export public key', '公钥文件': 'Public key file',
    '已导出公钥：{0}': 'Public key exported: {0}', '吊销密钥': 'Revoke key', '吊销 {0}（{1}）的理由：': 'Reason to revoke {0} ({1}):',
    '教育局发来的签名考核计划包（.zip）': 'The signed plan package from the education bureau (.zip)',
    # consensus
    '取各位专家的平均分': 'the mean of the experts’ points', '取各位专家的中位数': 'the median of the experts’ points',
    '评分不一致时由组长决定并写明理由': 'where experts differ, the panel lead decides with a written reason',
    '平均分': 'mean', '中位数': 'median', '组长决定': 'lead decided', '一位专家评分': 'one expert',
    '集团(&Q)：': 'Group (&Q):', '只看评分不一致的(&O)': '&Only where experts differ', '组长定分': 'Lead’s decision',
    '定分理由（必填，写入反馈报告）': 'Reason (required; goes into the feedback report)', '定分(&D)': '&Decide',
    '得分(&S)：': '&Points:', '理由(&R)：': '&Reason:', '导出专家组数据包(&E)…': '&Export the panel bundle…',
    '学校': 'School', '差距': 'Spread', '合议得分': 'Panel points', '方式': 'How',
    '合议规则：{0}。两位专家评分差距超过 {1} 分的标出（⚠），请组长核实后定分；组长定分须写明理由。':
        'Consensus rule: {0}. Spreads over {1} pt are flagged (⚠) for the lead to check and decide; '
        'a lead’s decision needs a written reason.',
    '专家组合议得分：{0}': 'Panel total: {0}', '多位专家评分的指标 {0} 项，其中差距大 {1} 项。':
        '{0} places scored by several experts, {1} with a large spread.',
    '（本机不是组长，定分以组长名义记录时请核实）': ' (this computer is not the panel lead’s: check before deciding)',
    '集团整体': 'Group as a whole', '没有需要合议的指标。': 'Nothing to settle.', '满分 {0}': 'max {0}',
    '（无备注）': '(no note)',
    # reports
    '生成现场反馈报告': 'Feedback report', '打印评分表': 'Print score sheet',
    '{0} 在 {1} 还没有评分，没有评分表可打印。': '{0} has not scored {1} yet: there is no score sheet to print.',
    '正在排版 PDF…': 'Laying out the PDF…', '已取消，没有生成文件': 'Cancelled; no file was written',
    '已生成：{0}': 'Written: {0}',
    # bureau
    '名次': 'Rank', '集团': 'Group', '类型': 'Type', '总分': 'Total', '等次': 'Grade', '类内排名': 'Rank in type',
    '标记': 'Flags', '领域 / 指标 / 学校': 'Area / indicator / school', '专家组得分': 'Panel points', '自评分': 'Self-score',
    '评分专家': 'Scored by', '导出结果工作簿(&X)…': 'Export results &workbook…', '导出公示 PDF(&P)…': 'Export &public PDF…',
    '{0} · {1}：{2} 个集团': '{0} · {1}: {2} groups', '未定': 'undecided', '等次分布：{0}': 'Grades: {0}',
    '；上年第 {0} 名': '; last year rank {0}', '{0}（{1}）：{2} 分，{3}，第 {4} 名{5}': '{0} ({1}): {2} pt, {3}, rank {4}{5}',
    '导出结果工作簿': 'Export results workbook', 'Excel 工作簿': 'Excel workbook', '导出公示 PDF': 'Export public PDF',
    '正在写入 {0}…': 'Writing {0}…', '已写入：{0}': 'Written: {0}',
    # menus
    '这是演示考核：内容都是编造的，标有“演示”。开始真正的考核：“考核 → 导入考核计划包”（教育局发来的计划包），或“考核 → 新建考核”。':
        'This is the demo inspection: everything in it is made up and marked 演示. To start a real one: '
        '“Inspection → Import a plan package” (the package from the education bureau), or “Inspection → New inspection”.',
    '数据包(&B)': '&Bundles', '导出我的数据包(&E)…': '&Export my bundles…', '导入数据包(&I)…': '&Import bundles…',
    '密钥(&K)…': '&Keys…', '专家组(&P)': '&Panel', '合议(&C)': '&Consensus', '报告(&R)': '&Reports',
    '生成现场反馈报告(&F)…': '&Feedback report…', '打印评分表(&S)…': 'Print &score sheet…', '教育局(&U)': 'B&ureau',
    '汇总排名(&A)': 'R&anking', '导出考核计划包(&K)…': 'Export the plan pac&kage…',
})

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
