<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>运行环境</source>
        <translation>Runtime</translation>
    </message>
    <message>
        <source>程序库</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>关于 Inspector 督导考核</source>
        <translation>About Inspector</translation>
    </message>
    <message>
        <source>从源代码运行（未打包）</source>
        <translation>running from source (not built)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inspector 集团化办学督导考核&lt;/b&gt;&lt;br&gt;版本 {0}&lt;br&gt;构建时间：{1}&lt;br&gt;平台：{2}</source>
        <translation>&lt;b&gt;Inspector · inspection of education groups&lt;/b&gt;&lt;br&gt;Version {0}&lt;br&gt;Built: {1}&lt;br&gt;Platform: {2}</translation>
    </message>
    <message>
        <source>本程序附带的字体和程序库及其许可证（点一行查看全文）：</source>
        <translation>The fonts and libraries shipped with this program and their licences (click a row for the full text):</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>（此程序库没有附带许可证全文，许可证见上表）</source>
        <translation>(this library ships no licence text; its licence is named above)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>从 {0} 的备份恢复</source>
        <translation>Restore the backup of {0}</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>恢复未完成：{0}</source>
        <translation>The restore did not finish: {0}</translation>
    </message>
    <message>
        <source>原来的文件保留在 {0}。</source>
        <translation>The previous file is kept at {0}.</translation>
    </message>
    <message>
        <source>已从 {0} 恢复，恢复后的数据库已通过完整性检查。</source>
        <translation>Restored from {0}; the restored database passed the integrity check. </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>用这个备份替换当前的数据库？

{0}
内容：{1}

当前的数据库不会删除：它将另存在备份文件夹 {2} 中（文件名以 replaced- 开头，已损坏的以 damaged- 开头）。恢复后重新打开考核。</source>
        <translation>Replace the current database by this backup?

{0}
Contents: {1}

The current database is not deleted: it is kept in the backup folder {2} (its name begins with replaced-, or damaged- when it is damaged). The inspection opens again after the restore.</translation>
    </message>
    <message>
        <source>正在检查备份…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>原来的数据库保留在 {0}。</source>
        <translation>The previous database is kept at {0}.</translation>
    </message>
    <message>
        <source>原来没有数据库。</source>
        <translation>There was no database before.</translation>
    </message>
    <message>
        <source>已从 {0} 恢复，恢复后的数据库已通过完整性检查。</source>
        <translation>Restored from {0}; the restored database passed the integrity check. </translation>
    </message>
    <message>
        <source>恢复未完成，当前的数据库没有改变：{0}</source>
        <translation>The restore did not finish; the current database is unchanged: {0}</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>有改动时，程序每 5 分钟和退出时自动备份数据库；备份按时间保留（最近一小时的全部、一天内每小时一份、一个月内每天一份）。备份文件夹：{0}</source>
        <translation>While there are changes, the database is backed up every 5 minutes and on exit; backups are kept by age (all of the last hour, one an hour for a day, one a day for a month). Backup folder: {0}</translation>
    </message>
    <message>
        <source>已有的备份(&amp;L)：</source>
        <translation>&amp;Backups:</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>还没有备份。</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>恢复所选备份(&amp;R)…</source>
        <translation>&amp;Restore the chosen backup…</translation>
    </message>
    <message>
        <source>从其他文件恢复(&amp;F)…</source>
        <translation>Restore from another &amp;file…</translation>
    </message>
    <message>
        <source>打开备份文件夹(&amp;O)</source>
        <translation>&amp;Open the backup folder</translation>
    </message>
    <message>
        <source>从其他文件恢复</source>
        <translation>Restore from another file</translation>
    </message>
    <message>
        <source>Inspector 数据库</source>
        <translation>Inspector database</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>正在写入并校验：{0}</source>
        <translation>Writing and verifying: {0}</translation>
    </message>
    <message>
        <source>已取消：目标文件夹中没有留下未完成的文件。</source>
        <translation>Cancelled: no unfinished file was left in the destination folder.</translation>
    </message>
    <message>
        <source>{0} 未能导出：{1}</source>
        <translation>{0} could not be exported: {1}</translation>
    </message>
    <message>
        <source>没有可导出的内容。</source>
        <translation>Nothing to export.</translation>
    </message>
    <message>
        <source>本机密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>本机密钥设有口令。请输入口令（签名导出的数据包、打开发给本机的数据包都要用到）：</source>
        <translation>This computer's keys are protected by a passphrase. Enter it (needed to sign exported bundles and to open bundles sent to this computer):</translation>
    </message>
    <message>
        <source>已导出，并已读回校验（完整、签名有效）：</source>
        <translation>Exported and read back (complete, signature valid):</translation>
    </message>
    <message>
        <source>{0}（序号 {1}，{2} 张照片；{3}）</source>
        <translation>{0} (sequence {1}, {2} photos; {3})</translation>
    </message>
    <message>
        <source>　注意：{0}</source>
        <translation>  Note: {0}</translation>
    </message>
    <message>
        <source>导出我的数据包</source>
        <translation>Export my bundles</translation>
    </message>
    <message>
        <source>还没有评分，没有可导出的数据包。</source>
        <translation>Nothing scored yet: there is no bundle to export.</translation>
    </message>
    <message>
        <source>导出我的数据包到文件夹（如 U 盘）</source>
        <translation>Export my bundles to a folder (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>导出专家组数据包到文件夹</source>
        <translation>Export the panel bundle to a folder</translation>
    </message>
    <message>
        <source>导出专家组数据包</source>
        <translation>Export the panel bundle</translation>
    </message>
    <message>
        <source>导出考核计划包到文件夹</source>
        <translation>Export the plan package to a folder</translation>
    </message>
    <message>
        <source>导出考核计划包</source>
        <translation>Export the plan package</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>正在校验 {0}/{1}：{2}</source>
        <translation>Verifying {0}/{1}: {2}</translation>
    </message>
    <message>
        <source>正在校验并导入…</source>
        <translation>Verifying and importing…</translation>
    </message>
    <message>
        <source>导入考核计划包</source>
        <translation>Import a plan package</translation>
    </message>
</context>
<context>
    <name>BureauView</name>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>集团</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>类内排名</source>
        <translation>Rank in type</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>改定得分</source>
        <translation>Override points</translation>
    </message>
    <message>
        <source>领域 / 指标 / 学校</source>
        <translation>Area / indicator / school</translation>
    </message>
    <message>
        <source>专家组得分</source>
        <translation>Panel points</translation>
    </message>
    <message>
        <source>自评分</source>
        <translation>Self-score</translation>
    </message>
    <message>
        <source>评分专家</source>
        <translation>Scored by</translation>
    </message>
    <message>
        <source>，按计分办法 {0} 分</source>
        <translation>, {0} by the rule</translation>
    </message>
    <message>
        <source>{0}：改定为 {1} 分{2}；理由：{3}</source>
        <translation>{0}: overridden to {1}{2}; reason: {3}</translation>
    </message>
    <message>
        <source>导出结果工作簿(&amp;X)…</source>
        <translation>Export results &amp;workbook…</translation>
    </message>
    <message>
        <source>导出公示(&amp;F)…</source>
        <translation>Export the public &amp;notice…</translation>
    </message>
    <message>
        <source>整改台账(&amp;Z)…</source>
        <translation>Recti&amp;fication ledger…</translation>
    </message>
    <message>
        <source>每一条整改事项：逾期的在前，可按集团、类别、状态筛选（Ctrl+T）</source>
        <translation>Every rectification item, overdue first; filter by group, area and status (Ctrl+T)</translation>
    </message>
    <message>
        <source>导出公示</source>
        <translation>Export the public notice</translation>
    </message>
    <message>
        <source>{0} · {1}：{2} 个集团</source>
        <translation>{0} · {1}: {2} group(s)</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>undecided</translation>
    </message>
    <message>
        <source>未完成（不排名、不评等次、不奖惩）：{0}</source>
        <translation>Unfinished (not ranked, graded or penalised): {0}</translation>
    </message>
    <message>
        <source>等次分布：{0}</source>
        <translation>Grades: {0}</translation>
    </message>
    <message>
        <source>；上年第 {0} 名</source>
        <translation>; last year rank {0}</translation>
    </message>
    <message>
        <source>{0}（{1}）：{2} 分，{3}，第 {4} 名{5}</source>
        <translation>{0} ({1}): {2} pt, {3}, rank {4}{5}</translation>
    </message>
    <message>
        <source>（改定）</source>
        <translation> (overridden)</translation>
    </message>
    <message>
        <source>导出结果工作簿</source>
        <translation>Export results workbook</translation>
    </message>
    <message>
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>已取消，没有写入文件</source>
        <translation>Cancelled; no file was written</translation>
    </message>
    <message>
        <source>正在写入 {0}…</source>
        <translation>Writing {0}…</translation>
    </message>
    <message>
        <source>已写入：{0}</source>
        <translation>Written: {0}</translation>
    </message>
</context>
<context>
    <name>CaptionDialog</name>
    <message>
        <source>照片说明 — {0}</source>
        <translation>Photo caption — {0}</translation>
    </message>
    <message>
        <source>这张照片已选入报告：说明会印在反馈报告的照片下方。</source>
        <translation>This photo is in the report: the caption is printed under it in the feedback report.</translation>
    </message>
    <message>
        <source>这张照片未选入报告：说明只留在评分记录中。</source>
        <translation>This photo is not in the report: the caption stays in the scoring record only.</translation>
    </message>
    <message>
        <source>照片说明（拍的是什么、说明了什么问题）：</source>
        <translation>Caption (what the photo shows and what it tells):</translation>
    </message>
    <message>
        <source>例如：三楼消防通道堆放杂物，未及时清理。</source>
        <translation>For example: the fire exit on the third floor is blocked by clutter.</translation>
    </message>
    <message>
        <source>保存（Ctrl+Enter）</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0} / {1} 字</source>
        <translation>{0} / {1} characters</translation>
    </message>
</context>
<context>
    <name>CompletionCheck</name>
    <message>
        <source> 等 {0} 项</source>
        <translation> and more, {0} in all</translation>
    </message>
    <message>
        <source>{0}：{1} 项未评 —— {2}{3}</source>
        <translation>{0}: {1} not scored — {2}{3}</translation>
    </message>
    <message>
        <source>{0}：{1} 项需注意 —— {2}{3}</source>
        <translation>{0}: {1} to look at again — {2}{3}</translation>
    </message>
    <message>
        <source>完成检查</source>
        <translation>Completion check</translation>
    </message>
    <message>
        <source>分给您的指标都已评完。</source>
        <translation>Every indicator assigned to you is scored.</translation>
    </message>
    <message>
        <source>还有没有评完的指标：</source>
        <translation>Some indicators are not scored yet:</translation>
    </message>
    <message>
        <source>标有 ▲ 的指标请再核对一下（有错误，或与自评分相差达到满分的两成）：</source>
        <translation>Please check the indicators marked ▲ again (an error, or 20% of the maximum or more away from the self-score):</translation>
    </message>
    <message>
        <source>转到第一项未评(&amp;G)</source>
        <translation>&amp;Go to the first not scored</translation>
    </message>
    <message>
        <source>转到第一项需注意(&amp;G)</source>
        <translation>&amp;Go to the first marked ▲</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>仍然导出(&amp;E)</source>
        <translation>&amp;Export anyway</translation>
    </message>
    <message>
        <source>返回评分(&amp;B)</source>
        <translation>&amp;Back to scoring</translation>
    </message>
</context>
<context>
    <name>ConsensusView</name>
    <message>
        <source>取各位专家的平均分</source>
        <translation>the mean of the experts’ points</translation>
    </message>
    <message>
        <source>取各位专家的中位数</source>
        <translation>the median of the experts’ points</translation>
    </message>
    <message>
        <source>评分不一致时由组长决定并写明理由</source>
        <translation>where experts differ, the panel lead decides with a written reason</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>median</translation>
    </message>
    <message>
        <source>组长决定</source>
        <translation>lead decided</translation>
    </message>
    <message>
        <source>一位专家评分</source>
        <translation>one expert</translation>
    </message>
    <message>
        <source>集团(&amp;Q)：</source>
        <translation>Group (&amp;Q):</translation>
    </message>
    <message>
        <source>只看评分不一致的(&amp;O)</source>
        <translation>&amp;Only where experts differ</translation>
    </message>
    <message>
        <source>组长定分</source>
        <translation>Lead’s decision</translation>
    </message>
    <message>
        <source>定分理由（必填，写入反馈报告）</source>
        <translation>Reason (required; goes into the feedback report)</translation>
    </message>
    <message>
        <source>定分(&amp;D)</source>
        <translation>&amp;Decide</translation>
    </message>
    <message>
        <source>得分(&amp;S)：</source>
        <translation>&amp;Points:</translation>
    </message>
    <message>
        <source>理由(&amp;W)：</source>
        <translation>Reason (&amp;W):</translation>
    </message>
    <message>
        <source>导出专家组数据包(&amp;E)…</source>
        <translation>&amp;Export the panel bundle…</translation>
    </message>
    <message>
        <source>定稿(&amp;F)…</source>
        <translation>&amp;Finalise…</translation>
    </message>
    <message>
        <source>反馈会记录(&amp;M)…</source>
        <translation>Feedback &amp;meeting…</translation>
    </message>
    <message>
        <source>合议记录(&amp;C)…</source>
        <translation>&amp;Consensus record…</translation>
    </message>
    <message>
        <source>内部资料：各专家评分、极差、定分理由（PDF 或 Word）</source>
        <translation>Internal: each expert's scores, spreads and the reasons for the settled scores (PDF or Word)</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>差距</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>合议得分</source>
        <translation>Panel points</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>改定得分，理由：{0}</source>
        <translation>Overridden; reason: {0}</translation>
    </message>
    <message>
        <source>合议规则：{0}。两位专家评分差距超过 {1} 分的标出（⚠），请组长核实后定分；组长定分须写明理由。</source>
        <translation>Consensus rule: {0}. Spreads over {1} pt are flagged (⚠) for the lead to check and decide; a lead’s decision needs a written reason.</translation>
    </message>
    <message>
        <source>专家组合议得分：{0}</source>
        <translation>Panel total: {0}</translation>
    </message>
    <message>
        <source>多位专家评分的指标 {0} 项，其中差距大 {1} 项。</source>
        <translation>{0} places scored by several experts, {1} with a large spread.</translation>
    </message>
    <message>
        <source>（本机不是组长，定分以组长名义记录时请核实）</source>
        <translation> (this computer is not the panel lead’s: check before deciding)</translation>
    </message>
    <message>
        <source>集团整体</source>
        <translation>Group as a whole</translation>
    </message>
    <message>
        <source>没有需要合议的指标。</source>
        <translation>Nothing to settle.</translation>
    </message>
    <message>
        <source>满分 {0}</source>
        <translation>Full marks {0}</translation>
    </message>
    <message>
        <source>分</source>
        <translation>pt</translation>
    </message>
    <message>
        <source>✎ 改定得分（不按计分办法），理由：{0}</source>
        <translation>✎ Overridden (not by the rule); reason: {0}</translation>
    </message>
    <message>
        <source>（无备注）</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <source>（第 {0} 版）</source>
        <translation>(version {0})</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>基本合格</source>
        <translation>Basic pass</translation>
    </message>
    <message>
        <source>暂计</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <source>未评</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>已评</source>
        <translation>Scored</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>undecided</translation>
    </message>
    <message>
        <source>已定稿</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>征求意见稿</source>
        <translation>Draft for comment</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>组员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>核心校</source>
        <translation>Lead school</translation>
    </message>
    <message>
        <source>成员校</source>
        <translation>Member school</translation>
    </message>
    <message>
        <source>融合型</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>紧密型</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>松散型</source>
        <translation>Loose</translation>
    </message>
    <message>
        <source>共建型</source>
        <translation>Co-built</translation>
    </message>
    <message>
        <source>托管型</source>
        <translation>Entrusted</translation>
    </message>
    <message>
        <source>联盟型</source>
        <translation>Alliance</translation>
    </message>
    <message>
        <source>一体型</source>
        <translation>Integrated</translation>
    </message>
    <message>
        <source>协作型</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <source>加分项</source>
        <translation>Bonus item</translation>
    </message>
    <message>
        <source>一票否决</source>
        <translation>Veto</translation>
    </message>
    <message>
        <source>演示</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>没有考核计划</source>
        <translation>No inspection</translation>
    </message>
    <message>
        <source>集团整体</source>
        <translation>Group as a whole</translation>
    </message>
    <message>
        <source>按教育集团整体评一次分</source>
        <translation>Scored once for the education group as a whole</translation>
    </message>
    <message>
        <source>无扣分</source>
        <translation>Nothing deducted</translation>
    </message>
    <message>
        <source>扣完为止，最低 0 分</source>
        <translation>Deducted down to 0 at the lowest</translation>
    </message>
    <message>
        <source>无 → 0</source>
        <translation>None → 0</translation>
    </message>
    <message>
        <source>尚未评分</source>
        <translation>Not scored yet</translation>
    </message>
    <message>
        <source>应为文字</source>
        <translation>Should be text</translation>
    </message>
    <message>
        <source>应为数字，而不是是/否</source>
        <translation>Should be a number, not yes/no</translation>
    </message>
    <message>
        <source>不是 Inspector 的数据库，或已损坏</source>
        <translation>Not an Inspector database, or damaged</translation>
    </message>
    <message>
        <source>全集团</source>
        <translation>whole group</translation>
    </message>
    <message>
        <source>未整改</source>
        <translation>not rectified</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>已整改</source>
        <translation>rectified</translation>
    </message>
    <message>
        <source>复查通过</source>
        <translation>passed at re-check</translation>
    </message>
    <message>
        <source>复查未通过</source>
        <translation>failed at re-check</translation>
    </message>
    <message>
        <source>整改事项的内容</source>
        <translation>The text of the item</translation>
    </message>
    <message>
        <source>修改理由</source>
        <translation>The reason for the change</translation>
    </message>
    <message>
        <source>删去理由</source>
        <translation>The reason for removing it</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>The reason</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification report</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>The area</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>列出</source>
        <translation>listed</translation>
    </message>
    <message>
        <source>删去</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>自评</source>
        <translation>self-assessment</translation>
    </message>
    <message>
        <source>初评</source>
        <translation>first review</translation>
    </message>
    <message>
        <source>复评</source>
        <translation>re-inspection</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>re-check</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>expert</translation>
    </message>
    <message>
        <source>教育局</source>
        <translation>education bureau</translation>
    </message>
    <message>
        <source>只查看</source>
        <translation>view only</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>征求意见稿（未定稿）</source>
        <translation>draft for comments (not finalised)</translation>
    </message>
    <message>
        <source>定稿后有改动，须重新定稿</source>
        <translation>changed after finalising: finalise again</translation>
    </message>
    <message>
        <source>未定稿</source>
        <translation>not finalised</translation>
    </message>
    <message>
        <source>尚无专家组结果</source>
        <translation>no panel result yet</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>{0} {1}，目标 {2}，完成 {3} × {4} 分 = {5}</source>
        <translation>{0} {1}, target {2}, {3} achieved × {4} pt = {5}</translation>
    </message>
    <message>
        <source>完成比例 {0} × {1} 分 = {2}</source>
        <translation>{0} achieved × {1} pt = {2}</translation>
    </message>
    <message>
        <source>{0} {1} × {2} 分 = {3}</source>
        <translation>{0} {1} × {2} pt = {3}</translation>
    </message>
    <message>
        <source>{0}：{1}，按 {2} 计 = {3}</source>
        <translation>{0}: {1}, counted as {2} = {3}</translation>
    </message>
    <message>
        <source>{0} {1}，比 {2} 低 {3} 个{4} × {5} = −{6}</source>
        <translation>{0} {1}, {3} {4} below {2} × {5} = −{6}</translation>
    </message>
    <message>
        <source>{0} {1}，达到 {2} → 满分</source>
        <translation>{0} {1}, reaches {2} → full marks</translation>
    </message>
    <message>
        <source>{0} {1}，达到 {2}，不扣分</source>
        <translation>{0} {1}, reaches {2}, nothing deducted</translation>
    </message>
    <message>
        <source>{0} {1} 项 × {2} = +{3}</source>
        <translation>{0} {1} × {2} = +{3}</translation>
    </message>
    <message>
        <source>{0} {1} 项 × {2} = −{3}</source>
        <translation>{0} {1} × {2} = −{3}</translation>
    </message>
    <message>
        <source>合计 {0}，本项最高 {1} 分</source>
        <translation>Total {0}; at most {1} pt for this item</translation>
    </message>
    <message>
        <source>同类取最高分：{0} → {1}</source>
        <translation>The highest of its kind counts: {0} → {1}</translation>
    </message>
    <message>
        <source>最高达到{0} → {1}</source>
        <translation>Highest level reached: {0} → {1}</translation>
    </message>
    <message>
        <source>✗ 未做到：{0}，本项不得分 → 0</source>
        <translation>✗ Not done: {0}; no points for this item → 0</translation>
    </message>
    <message>
        <source>✗ {0}（{1} 分）未得</source>
        <translation>✗ {0} ({1} pt) not earned</translation>
    </message>
    <message>
        <source>未满足前提：{0}，本项不得分 → 0</source>
        <translation>Precondition not met: {0}; no points for this item → 0</translation>
    </message>
    <message>
        <source>考核组直接给分 {0} 分（满分 {1}）</source>
        <translation>Points given directly by the panel: {0} (out of {1})</translation>
    </message>
    <message>
        <source>考核组评定 {0} 分；理由：{1}</source>
        <translation>Judged by the panel: {0} pt; reason: {1}</translation>
    </message>
    <message>
        <source>考核组改定为 {0} 分（按计分办法为 {1} 分）；理由：{2}</source>
        <translation>Changed by the panel to {0} pt (the scoring rule gives {1} pt); reason: {2}</translation>
    </message>
    <message>
        <source>本项不适用：{0}</source>
        <translation>Not applicable: {0}</translation>
    </message>
    <message>
        <source>尚未填写: {0}</source>
        <translation>Not filled in yet: {0}</translation>
    </message>
    <message>
        <source>满分 {0}</source>
        <translation>Full marks {0}</translation>
    </message>
    <message>
        <source>登记 {0} 项，其中 {1} 年（基数）{2} 项</source>
        <translation>{0} registered, {2} of them in {1} (the base year)</translation>
    </message>
    <message>
        <source>登记 {0} 项</source>
        <translation>{0} registered</translation>
    </message>
    <message>
        <source>还有 {0} 所学校未完成</source>
        <translation>{0} school(s) still to be scored</translation>
    </message>
    <message>
        <source>尚有 {0} 项未评分（按 0 分计），总分与等次为暂计</source>
        <translation>{0} item(s) not scored yet (counted as 0): the total and the grade are provisional</translation>
    </message>
    <message>
        <source>尚有 {0} 项未评分（按 0 分计），总分为暂计</source>
        <translation>{0} item(s) not scored yet (counted as 0): the total is provisional</translation>
    </message>
    <message>
        <source>等次由{0}根据考核成绩确定，指标体系未规定分数线</source>
        <translation>The grade is decided by {0} from the scores; the rubric sets no thresholds</translation>
    </message>
    <message>
        <source>综合得分 = {0} + 加分 {1} = {2}</source>
        <translation>Overall score = {0} + bonus {1} = {2}</translation>
    </message>
    <message>
        <source>综合得分 = {0} = {1}</source>
        <translation>Overall score = {0} = {1}</translation>
    </message>
    <message>
        <source>一票否决：{0}</source>
        <translation>Veto: {0}</translation>
    </message>
    <message>
        <source>取消“{0}”资格，定为“{1}”：{2}</source>
        <translation>“{0}” withheld, graded “{1}”: {2}</translation>
    </message>
    <message>
        <source>认定取消资格须写明查实的事实和理由</source>
        <translation>Withholding the grade needs the established facts and reasons</translation>
    </message>
    <message>
        <source>认定一票否决须写明事实和理由</source>
        <translation>A veto needs the facts and reasons</translation>
    </message>
    <message>
        <source>专家评分不一致（{0}），待组长决定</source>
        <translation>The experts disagree ({0}); the lead decides</translation>
    </message>
    <message>
        <source>逐校评分，集团得分取{0}（{1}）</source>
        <translation>Scored school by school; the group's score is {0} ({1})</translation>
    </message>
    <message>
        <source>逐校评分，集团得分取{0}</source>
        <translation>Scored school by school; the group's score is {0}</translation>
    </message>
    <message>
        <source>不适用于{0}</source>
        <translation>Not applicable to {0}</translation>
    </message>
    <message>
        <source>不能大于 {0}（填写的是 {1}）</source>
        <translation>Cannot be more than {0} ({1} was entered)</translation>
    </message>
    <message>
        <source>不能小于 {0}（填写的是 {1}）</source>
        <translation>Cannot be less than {0} ({1} was entered)</translation>
    </message>
    <message>
        <source>最多 {0}，而不是 {1}</source>
        <translation>At most {0}, not {1}</translation>
    </message>
    <message>
        <source>直接给分不能超过本项满分 {0} 分（填写的是 {1}）</source>
        <translation>Points given directly cannot exceed this item's {0} pt ({1} was entered)</translation>
    </message>
    <message>
        <source>“{0}” 完成数（得分）不能大于应完成数（满分）</source>
        <translation>“{0}”: done (score) cannot be more than required (full marks)</translation>
    </message>
    <message>
        <source>“{0}” 的分母应大于 0</source>
        <translation>“{0}”: the denominator should be more than 0</translation>
    </message>
    <message>
        <source>“{0}” 不是可选项；可选: {1}</source>
        <translation>“{0}” is not one of the choices; choose from: {1}</translation>
    </message>
    <message>
        <source>文字过长（{0} 字）</source>
        <translation>The text is too long ({0} characters)</translation>
    </message>
    <message>
        <source>磁盘空间已满（或文件超过大小限制），无法写入 {0}。已保存的内容没有受影响。</source>
        <translation>The disk is full (or the file is over its size limit); {0} cannot be written. Nothing already saved is affected.</translation>
    </message>
    <message>
        <source>{0} 是一个文件夹，不能写成文件；请给出文件名（例如 {1}）。已保存的内容没有受影响。</source>
        <translation>{0} is a folder and cannot be written as a file; please give a file name (e.g. {1}). Nothing already saved is affected.</translation>
    </message>
    <message>
        <source>无法写入 {0}：文件夹是只读的或没有权限。已保存的内容没有受影响。</source>
        <translation>Cannot write {0}: the folder is read-only or not permitted. Nothing already saved is affected.</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>整改时限 {0} 早于考核日期 {1}（{2}）；</source>
        <translation>The deadline {0} is before the visit date {1} ({2}); </translation>
    </message>
    <message>
        <source>整改时限应在考核之后</source>
        <translation>a deadline must come after the visit</translation>
    </message>
    <message>
        <source>指标 {0} 不在考核计划“{1}”的指标体系中（{2}）</source>
        <translation>Indicator {0} is not in the rubric of inspection “{1}” ({2})</translation>
    </message>
    <message>
        <source>指标 {0} 不适用于 {1}（{2}）</source>
        <translation>Indicator {0} does not apply to {1} ({2})</translation>
    </message>
    <message>
        <source>学校 “{0}” 不在考核计划中的 {1}：{2}</source>
        <translation>School “{0}” is not in {1} in this inspection: {2}</translation>
    </message>
    <message>
        <source>{0}应写成 2024-12-31 这样的日期，而不是 “{1}”</source>
        <translation>{0} must be a date such as 2024-12-31, not “{1}”</translation>
    </message>
    <message>
        <source>{0}过长（{1} 字，最多 {2} 字）</source>
        <translation>{0} is too long ({1} characters, at most {2})</translation>
    </message>
    <message>
        <source>整改事项 {0} 已删去，不能再改</source>
        <translation>Rectification item {0} has been removed and cannot be changed</translation>
    </message>
    <message>
        <source>{0}不能为空</source>
        <translation>{0} may not be empty</translation>
    </message>
    <message>
        <source>状态 {0} → {1}</source>
        <translation>status {0} → {1}</translation>
    </message>
    <message>
        <source>状态 {0} → {1}；{2}</source>
        <translation>status {0} → {1}; {2}</translation>
    </message>
    <message>
        <source>添加佐证：{0}</source>
        <translation>evidence added: {0}</translation>
    </message>
    <message>
        <source>修改：{0}</source>
        <translation>corrected: {0}</translation>
    </message>
    <message>
        <source>{0}；评分 {1} 条，照片 {2} 张</source>
        <translation>{0}; {1} scores, {2} photos</translation>
    </message>
    <message>
        <source>各校得分的平均分</source>
        <translation>the mean of the schools' scores</translation>
    </message>
    <message>
        <source>各校得分的最低分</source>
        <translation>the lowest of the schools' scores</translation>
    </message>
    <message>
        <source>各校得分之和</source>
        <translation>the sum of the schools' scores</translation>
    </message>
    <message>
        <source>无法读取（{0}）</source>
        <translation>Cannot be read ({0})</translation>
    </message>
    <message>
        <source>{0} 不存在，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} does not exist; nothing restored. “inspector backup list” lists the backups.</translation>
    </message>
    <message>
        <source>{0} 是一个文件夹，不是备份文件，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} is a folder, not a backup file; nothing restored. “inspector backup list” lists the backups.</translation>
    </message>
    <message>
        <source>{0} 不是 Inspector 的数据库备份，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} is not a backup of an Inspector database; nothing restored. “inspector backup list” lists the backups.</translation>
    </message>
    <message>
        <source>{0} 由更新版本的 Inspector 建立，本程序不能使用，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} was made by a newer version of Inspector and cannot be used here; nothing restored. “inspector backup list” lists the backups.</translation>
    </message>
    <message>
        <source>{0} 不是可以使用的备份（{1}），未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} is not a usable backup ({1}); nothing restored. “inspector backup list” lists the backups.</translation>
    </message>
    <message>
        <source>备份失败：{0}</source>
        <translation>Backup failed: {0}</translation>
    </message>
</context>
<context>
    <name>CountWay</name>
    <message>
        <source>计分方式：</source>
        <translation>Scored from:</translation>
    </message>
    <message>
        <source>逐项登记(&amp;S)</source>
        <translation>Li&amp;st each item</translation>
    </message>
    <message>
        <source>在下方登记表中每项登记一行，同一项目只按最高级别算一次</source>
        <translation>One line per item in the register below; the same project counts once, at its highest level</translation>
    </message>
    <message>
        <source>按登记表计分</source>
        <translation>Score from the register</translation>
    </message>
    <message>
        <source>直接选择级别(&amp;C)</source>
        <translation>&amp;Choose the level</translation>
    </message>
    <message>
        <source>直接填写个数(&amp;C)</source>
        <translation>Type the &amp;counts</translation>
    </message>
    <message>
        <source>不登记各项，直接选择达到的最高级别</source>
        <translation>No register: choose the highest level reached</translation>
    </message>
    <message>
        <source>不登记各项，直接填写各级别的项数</source>
        <translation>No register: type how many items there are at each level</translation>
    </message>
    <message>
        <source>得分按下方登记表算出：每项获奖或项目登记一行。</source>
        <translation>The points come from the register below: one line per award or project.</translation>
    </message>
    <message>
        <source>登记表中已有 {0} 项，还没有计入得分：请按“按登记表计分”。</source>
        <translation>The register holds {0} items that are not counted yet: press “Score from the register”.</translation>
    </message>
    <message>
        <source>登记第一项后即计分。</source>
        <translation>The item is scored as soon as the first line is added.</translation>
    </message>
    <message>
        <source>先前直接选择的级别仍保留（灰色，不计分），改选“直接选择级别”即按它计分。</source>
        <translation>The level chosen before is kept (grey, not counted); choose “Choose the level” to score from it.</translation>
    </message>
    <message>
        <source>先前直接填写的个数仍保留（灰色，不计分），改选“直接填写个数”即按它们计分。</source>
        <translation>The counts typed before are kept (grey, not counted); choose “Type the counts” to score from them.</translation>
    </message>
    <message>
        <source>得分按下面直接选择的最高级别算出。</source>
        <translation>The points come from the highest level chosen below.</translation>
    </message>
    <message>
        <source>得分按下面直接填写的个数算出。</source>
        <translation>The points come from the counts typed below.</translation>
    </message>
    <message>
        <source>登记表中的 {0} 项仍保留（灰色，不计分），改选“逐项登记”即按登记表计分。</source>
        <translation>The register's {0} items are kept (grey, not counted); choose “List each item” to score from the register.</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>移除文件</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>撤销移除文件</source>
        <translation>Undo file removal</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>佐证文件列表</source>
        <translation>Evidence file list</translation>
    </message>
    <message>
        <source>PDF、Word、表格、手机录音（m4a/mp3/amr/wav）。Enter 打开，Delete 移除。</source>
        <translation>PDF, Word, spreadsheets, phone recordings (m4a/mp3/amr/wav). Enter opens, Delete removes.</translation>
    </message>
    <message>
        <source>{0}
校验值 SHA-256：{1}</source>
        <translation>{0}
SHA-256: {1}</translation>
    </message>
    <message>
        <source>添加佐证文件</source>
        <translation>Add evidence files</translation>
    </message>
    <message>
        <source>佐证文件</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <source>正在检查并保存文件…</source>
        <translation>Checking and saving files…</translation>
    </message>
    <message>
        <source>已取消，没有添加任何文件</source>
        <translation>Cancelled; no file was added</translation>
    </message>
    <message>
        <source>已添加 {0} 个佐证文件</source>
        <translation>{0} evidence file(s) added</translation>
    </message>
    <message>
        <source>；{0} 个未添加：{1}</source>
        <translation>; {0} not added: {1}</translation>
    </message>
    <message>
        <source>已用系统程序打开“{0}”（副本，原件不会被改动）</source>
        <translation>Opened “{0}” in the system viewer (a copy; the original is never changed)</translation>
    </message>
    <message>
        <source>本机没有能打开“{0}”的程序；副本在 {1}</source>
        <translation>No program on this computer opens “{0}”; the copy is at {1}</translation>
    </message>
    <message>
        <source>已移除“{0}”（可撤销）</source>
        <translation>Removed “{0}” (can be undone)</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Y 是 · N 否 · A 不适用</source>
        <translation>Y yes · N no · A n/a</translation>
    </message>
    <message>
        <source>每项 × {0} 分；</source>
        <translation>{0} points each; </translation>
    </message>
    <message>
        <source>填写个数，0 即没有</source>
        <translation>enter the number; 0 means none</translation>
    </message>
    <message>
        <source>填写个数，0 即无缺项</source>
        <translation>enter the number; 0 means nothing missing</translation>
    </message>
    <message>
        <source>↑↓ 选择（Alt+↓ 展开列表）</source>
        <translation>↑↓ to choose (Alt+↓ opens the list)</translation>
    </message>
    <message>
        <source>可填：</source>
        <translation>Accepted: </translation>
    </message>
    <message>
        <source>填写 {0}–{1}{2}</source>
        <translation>enter {0}–{1}{2}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>一项也没有：记为 0（空格键切换）</source>
        <translation>None at all: records 0 (Space toggles)</translation>
    </message>
    <message>
        <source>无缺项</source>
        <translation>Nothing missing</translation>
    </message>
    <message>
        <source>一项也不缺：记为 0（空格键切换）</source>
        <translation>Nothing is missing: records 0 (Space toggles)</translation>
    </message>
    <message>
        <source>（{0} 分）</source>
        <translation> ({0} pt)</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>{0} 文件</source>
        <translation>{0} file</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <source>定稿：{0}</source>
        <translation>Finalise: {0}</translation>
    </message>
    <message>
        <source>定稿后，反馈报告、专家组数据包和教育局公布的都是这一版结果；之后的修改须写明理由，成为新的一版，原版本保留。</source>
        <translation>Once finalised, the feedback report, the panel bundle and what the bureau publishes are this version; a later change needs a reason and becomes a new version, the old one kept.</translation>
    </message>
    <message>
        <source>已定稿第 {0} 版（{1}）。</source>
        <translation>Version {0} finalised ({1}). </translation>
    </message>
    <message>
        <source>定稿后再修改时必填</source>
        <translation>Required when changing a finalised result</translation>
    </message>
    <message>
        <source>考核日期(&amp;V)：</source>
        <translation>&amp;Visit date:</translation>
    </message>
    <message>
        <source>反馈会日期(&amp;M)：</source>
        <translation>Feedback &amp;meeting date:</translation>
    </message>
    <message>
        <source>修改理由(&amp;R)：</source>
        <translation>&amp;Reason for the change:</translation>
    </message>
    <message>
        <source>定稿(&amp;F)</source>
        <translation>&amp;Finalise</translation>
    </message>
    <message>
        <source>集团 {0} 有 {1} 项整改事项的整改时限早于考核日期 {2}。请在“专家组意见”的整改事项中选中该项，点“修改”改正整改时限（或改正考核日期），再定稿：</source>
        <translation>Group {0} has {1} rectification item(s) with a deadline before the visit date {2}. In Panel findings, select the item under the rectification items and click Edit to correct its deadline (or correct the visit date), then finalise:</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>专家组意见写入反馈报告。输入即保存。</source>
        <translation>The panel’s findings go into the feedback report. Saved as you type.</translation>
    </message>
    <message>
        <source>主要成绩(&amp;A)</source>
        <translation>&amp;Achievements</translation>
    </message>
    <message>
        <source>存在问题(&amp;Q)</source>
        <translation>Problems (&amp;Q)</translation>
    </message>
    <message>
        <source>整改建议(&amp;S)</source>
        <translation>&amp;Suggestions</translation>
    </message>
    <message>
        <source>专家组意见：{0}</source>
        <translation>Panel findings: {0}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>数字，如 85</source>
        <translation>a number, e.g. 85</translation>
    </message>
    <message>
        <source>百分数，如 85%</source>
        <translation>a percentage, e.g. 85%</translation>
    </message>
    <message>
        <source>完成数/应完成数 或 得分/满分，如 5/7、8.5/10</source>
        <translation>done/required or score/out of, e.g. 5/7, 8.5/10</translation>
    </message>
    <message>
        <source>直接给分，如 3.5分</source>
        <translation>points given directly, e.g. 3.5</translation>
    </message>
    <message>
        <source>是（按 100% 计）或 否（按 0 计）</source>
        <translation>是 (counts as 100%) or 否 (counts as 0)</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用手册(&amp;M)</source>
        <translation>User &amp;manual</translation>
    </message>
    <message>
        <source>快捷键一览(&amp;K)…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>关于 Inspector 督导考核(&amp;A)…</source>
        <translation>&amp;About Inspector…</translation>
    </message>
    <message>
        <source>使用手册</source>
        <translation>User manual</translation>
    </message>
    <message>
        <source>没有找到使用手册（{0}）。</source>
        <translation>The user manual ({0}) was not found.</translation>
    </message>
    <message>
        <source>这台电脑上没有能打开 PDF 文件的程序，使用手册没有打开。</source>
        <translation>No program on this computer opens PDF files, so the manual did not open.</translation>
    </message>
    <message>
        <source>使用手册是文件夹“{0}”里的文件“{1}”。可以复制它的位置，或打开这个文件夹，把手册拷到有 PDF 阅读器的电脑上阅读。</source>
        <translation>The manual is the file “{1}” in the folder “{0}”. You can copy its location, or open the folder and copy the manual to a computer with a PDF reader.</translation>
    </message>
    <message>
        <source>复制位置(&amp;C)</source>
        <translation>&amp;Copy location</translation>
    </message>
    <message>
        <source>打开所在文件夹(&amp;F)</source>
        <translation>Open its &amp;folder</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>集团化办学督导考核</source>
        <translation>Inspection of education groups</translation>
    </message>
    <message>
        <source>考核计划(&amp;A)：</source>
        <translation>Inspections (&amp;A):</translation>
    </message>
    <message>
        <source>这个数据文件夹里还没有考核计划。可以先打开演示考核看一看（一键建立，内容都标有“演示”），或者新建考核。</source>
        <translation>There is no inspection in this data folder yet. Open the demo inspection to look around (made in one click, everything marked 演示), or create an inspection.</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>新建考核(&amp;N)…</source>
        <translation>&amp;New inspection…</translation>
    </message>
    <message>
        <source>打开演示考核(&amp;D)</source>
        <translation>Open the &amp;demo</translation>
    </message>
    <message>
        <source>导入考核计划包(&amp;I)…</source>
        <translation>&amp;Import a plan package…</translation>
    </message>
    <message>
        <source>教育局发来的签名考核计划包（.zip）</source>
        <translation>The signed plan package from the education bureau (.zip)</translation>
    </message>
    <message>
        <source>数据文件夹：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <source>{0}/{1} 项已评</source>
        <translation>{0}/{1} items scored</translation>
    </message>
    <message>
        <source>专家：{0}</source>
        <translation>Expert: {0}</translation>
    </message>
    <message>
        <source>（打开考核后确定）</source>
        <translation>(set when an inspection is open)</translation>
    </message>
    <message>
        <source>本机密钥指纹：{0}</source>
        <translation>Key fingerprint: {0}</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>您是哪位专家？</source>
        <translation>Which expert are you?</translation>
    </message>
    <message>
        <source>考核计划“{0}”：请选择您在本次考核中的身份。选择专家后才能录入评分；本机密钥指纹 {1}。</source>
        <translation>Inspection “{0}”: choose who you are in it. Scores can be entered once an expert is chosen; this laptop's key fingerprint is {1}.</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>expert</translation>
    </message>
    <message>
        <source>（计划登记了另一把密钥）</source>
        <translation>(the inspection registers another key)</translation>
    </message>
    <message>
        <source>教育局（签发本计划的电脑）</source>
        <translation>Bureau (the computer that issued this inspection)</translation>
    </message>
    <message>
        <source>只查看，不录入评分</source>
        <translation>View only, enter no scores</translation>
    </message>
    <message>
        <source>请先选择一项。</source>
        <translation>Choose one first.</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>◀ 上一项</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>下一项 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>下一未评项 ▶▶</source>
        <translation>Next unscored ▶▶</translation>
    </message>
    <message>
        <source>Alt+← 或 Ctrl+PgUp</source>
        <translation>Alt+← or Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Alt+→ 或 Ctrl+PgDown</source>
        <translation>Alt+→ or Ctrl+PgDown</translation>
    </message>
    <message>
        <source>F8：跳到下一项还没有评完的指标</source>
        <translation>F8: go to the next indicator not yet scored</translation>
    </message>
    <message>
        <source>评分规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>评分标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>对照</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>上年整改</source>
        <translation>Last year's rectification</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>佐证材料（已查阅的打勾）</source>
        <translation>Evidence (tick what you have seen)</translation>
    </message>
    <message>
        <source>评价方式（已完成的打勾）</source>
        <translation>Methods (tick what is done)</translation>
    </message>
    <message>
        <source>现场看到的事实、问题、需要核实的地方…</source>
        <translation>Facts seen on site, problems, things to check…</translation>
    </message>
    <message>
        <source>分</source>
        <translation>pt</translation>
    </message>
    <message>
        <source>已改为“{0}”；另一种方式已填的内容都保留着，随时可以改回。</source>
        <translation>Now “{0}”: what was entered the other way is kept, and you can switch back at any time.</translation>
    </message>
    <message>
        <source>{0}/{1} 校已评（全部评完后计入领域得分）</source>
        <translation>{0}/{1} schools scored (counts in its area once all are)</translation>
    </message>
    <message>
        <source>不在本人分工内（只可查看）</source>
        <translation>not assigned to you (view only)</translation>
    </message>
    <message>
        <source>{0}（{1}，整改时限 {2}）</source>
        <translation>{0} ({1}, due {2})</translation>
    </message>
    <message>
        <source>备注(&amp;Z)</source>
        <translation>Note (&amp;Z)</translation>
    </message>
    <message>
        <source>照片(&amp;X)</source>
        <translation>Photos (&amp;X)</translation>
    </message>
    <message>
        <source>佐证文件（文档、表格、录音）(&amp;W)</source>
        <translation>Evidence files (documents, spreadsheets, recordings) (&amp;W)</translation>
    </message>
    <message>
        <source>自评分：{0}</source>
        <translation>Self-score: {0}</translation>
    </message>
    <message>
        <source>上年（{0}）本领域得分：{1}</source>
        <translation>Last year ({0}), this area: {1}</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>▲ 需注意：与学校自评分 {0} 分相差 {1} 分，达到该项满分的两成；请核对佐证</source>
        <translation>▲ Needs attention: {1} pt away from the school's self-score of {0}, a fifth of the maximum or more; check the evidence</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>本机</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>已信任</source>
        <translation>trusted</translation>
    </message>
    <message>
        <source>已吊销</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>见过，未信任</source>
        <translation>seen, not trusted</translation>
    </message>
    <message>
        <source>密钥</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>本机指纹（交换数据包前念给对方核对）：</source>
        <translation>This computer’s fingerprint (read it out before exchanging bundles):</translation>
    </message>
    <message>
        <source>导出公钥(&amp;E)…</source>
        <translation>&amp;Export public key…</translation>
    </message>
    <message>
        <source>密钥列表(&amp;L)：</source>
        <translation>Key &amp;list:</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>核对指纹后信任(&amp;T)…</source>
        <translation>&amp;Trust after comparing fingerprints…</translation>
    </message>
    <message>
        <source>吊销(&amp;R)…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>导出公钥</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <source>公钥文件</source>
        <translation>Public key file</translation>
    </message>
    <message>
        <source>已导出公钥：{0}</source>
        <translation>Public key exported: {0}</translation>
    </message>
    <message>
        <source>吊销密钥</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>吊销 {0}（{1}）的理由：</source>
        <translation>Reason to revoke {0} ({1}):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>这是演示考核：内容都是编造的，标有“演示”。开始真正的考核：“考核 → 导入考核计划包”（教育局发来的计划包），或“考核 → 新建考核”。</source>
        <translation>This is the demo inspection: everything in it is made up and marked 演示. To start a real one: “Inspection → Import a plan package” (the package from the education bureau), or “Inspection → New inspection”.</translation>
    </message>
    <message>
        <source>Inspector 督导考核</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>每一次改动都立即存入本机数据库；这里显示最近一次保存的时间</source>
        <translation>Every change is stored at once on this computer; this shows the time of the latest save</translation>
    </message>
    <message>
        <source>考核(&amp;K)</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <source>主页(&amp;H)</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <source>新建考核(&amp;N)…</source>
        <translation>&amp;New inspection…</translation>
    </message>
    <message>
        <source>打开演示考核(&amp;D)</source>
        <translation>Open the &amp;demo</translation>
    </message>
    <message>
        <source>导入考核计划包(&amp;I)…</source>
        <translation>&amp;Import a plan package…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>导航(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>搜索指标内容(&amp;F)…</source>
        <translation>&amp;Find in indicators…</translation>
    </message>
    <message>
        <source>下一项指标(&amp;X)</source>
        <translation>Ne&amp;xt indicator</translation>
    </message>
    <message>
        <source>上一项指标(&amp;P)</source>
        <translation>&amp;Previous indicator</translation>
    </message>
    <message>
        <source>下一未评项(&amp;N)</source>
        <translation>&amp;Next unscored</translation>
    </message>
    <message>
        <source>下一所学校(&amp;S)</source>
        <translation>Next &amp;school</translation>
    </message>
    <message>
        <source>上一所学校(&amp;U)</source>
        <translation>Previous sch&amp;ool</translation>
    </message>
    <message>
        <source>跳到指标编号(&amp;G)…</source>
        <translation>&amp;Go to code…</translation>
    </message>
    <message>
        <source>选择集团(&amp;J)…</source>
        <translation>Choose group (&amp;J)…</translation>
    </message>
    <message>
        <source>指标树(&amp;T)</source>
        <translation>Indicator &amp;tree</translation>
    </message>
    <message>
        <source>评分页(&amp;1)</source>
        <translation>Scoring page (&amp;1)</translation>
    </message>
    <message>
        <source>专家组意见(&amp;2)</source>
        <translation>Panel findings (&amp;2)</translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>未选择身份，不能录入评分</source>
        <translation>no identity chosen, nothing can be scored</translation>
    </message>
    <message>
        <source>本集团分给您的指标都已评完</source>
        <translation>Every indicator of this group assigned to you is scored</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation>Nothing saved yet</translation>
    </message>
    <message>
        <source>最近一次保存：{0}</source>
        <translation>Last saved: {0}</translation>
    </message>
    <message>
        <source>还没有填写任何内容</source>
        <translation>Nothing entered yet</translation>
    </message>
    <message>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>界面语言将在下次启动时切换</source>
        <translation>The language changes at the next start</translation>
    </message>
    <message>
        <source>数据包(&amp;B)</source>
        <translation>&amp;Bundles</translation>
    </message>
    <message>
        <source>导出我的数据包(&amp;E)…</source>
        <translation>&amp;Export my bundles…</translation>
    </message>
    <message>
        <source>导入数据包(&amp;I)…</source>
        <translation>&amp;Import bundles…</translation>
    </message>
    <message>
        <source>完成检查(&amp;C)…</source>
        <translation>&amp;Completion check…</translation>
    </message>
    <message>
        <source>我的身份(&amp;W)…</source>
        <translation>&amp;Who am I…</translation>
    </message>
    <message>
        <source>密钥(&amp;K)…</source>
        <translation>&amp;Keys…</translation>
    </message>
    <message>
        <source>数据(&amp;T)</source>
        <translation>Da&amp;ta</translation>
    </message>
    <message>
        <source>备份与恢复(&amp;B)…</source>
        <translation>&amp;Backup and restore…</translation>
    </message>
    <message>
        <source>立即备份(&amp;N)</source>
        <translation>Back up &amp;now</translation>
    </message>
    <message>
        <source>专家组(&amp;P)</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>合议(&amp;C)</source>
        <translation>&amp;Consensus</translation>
    </message>
    <message>
        <source>导出专家组数据包(&amp;E)…</source>
        <translation>&amp;Export the panel bundle…</translation>
    </message>
    <message>
        <source>报告(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>生成现场反馈报告(&amp;R)…</source>
        <translation>Feedback &amp;report…</translation>
    </message>
    <message>
        <source>打印评分表(&amp;P)…</source>
        <translation>&amp;Print score sheet…</translation>
    </message>
    <message>
        <source>生成合议记录(&amp;M)…</source>
        <translation>Consensus record (&amp;M)…</translation>
    </message>
    <message>
        <source>反馈会记录(&amp;H)…</source>
        <translation>Feedback meeting (&amp;H)…</translation>
    </message>
    <message>
        <source>教育局(&amp;U)</source>
        <translation>B&amp;ureau</translation>
    </message>
    <message>
        <source>汇总排名(&amp;A)</source>
        <translation>R&amp;anking</translation>
    </message>
    <message>
        <source>导出结果工作簿(&amp;X)…</source>
        <translation>Export results &amp;workbook…</translation>
    </message>
    <message>
        <source>导出公示（PDF 或 Word）(&amp;P)…</source>
        <translation>Export the &amp;public notice (PDF or Word)…</translation>
    </message>
    <message>
        <source>公示信息(&amp;I)…</source>
        <translation>Publication deta&amp;ils…</translation>
    </message>
    <message>
        <source>导出考核计划包(&amp;K)…</source>
        <translation>Export the plan pac&amp;kage…</translation>
    </message>
</context>
<context>
    <name>MarkupEditor</name>
    <message>
        <source>照片标注画布</source>
        <translation>Photo markup canvas</translation>
    </message>
    <message>
        <source>标注文字</source>
        <translation>Markup word</translation>
    </message>
    <message>
        <source>要写在照片上的字（最多 {0} 字）：</source>
        <translation>Word to write on the photo (at most {0} characters):</translation>
    </message>
    <message>
        <source>标注照片 — {0}</source>
        <translation>Mark up photo — {0}</translation>
    </message>
    <message>
        <source>圈</source>
        <translation>Circle</translation>
    </message>
    <message>
        <source>箭头</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Word</translation>
    </message>
    <message>
        <source>添加到中间（Enter）</source>
        <translation>Add in the middle (Enter)</translation>
    </message>
    <message>
        <source>撤销（Ctrl+Z）</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>删除所选（Delete）</source>
        <translation>Delete selected (Delete)</translation>
    </message>
    <message>
        <source>全部清除</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>拖动画圈或箭头，单击写字。键盘：1/2/3 选工具，Enter 在中间添加，方向键移动所选（Shift 移得更远），N 选下一个，Delete 删除，Ctrl+Z 撤销，Ctrl+S 保存，Esc 取消。原图不会改动，标注单独保存。</source>
        <translation>Drag to draw a circle or an arrow, click to write a word. Keyboard: 1/2/3 pick the tool, Enter adds in the middle, arrow keys move the selected shape (Shift: further), N selects the next, Delete deletes, Ctrl+Z undoes, Ctrl+S saves, Esc cancels. The original photo is never changed; the markup is kept apart.</translation>
    </message>
    <message>
        <source>保存标注（Ctrl+S）</source>
        <translation>Save markup (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>反馈会记录 — {0}</source>
        <translation>Feedback meeting — {0}</translation>
    </message>
    <message>
        <source>写入现场反馈报告的“反馈会”一节。</source>
        <translation>Printed in the “feedback meeting” section of the feedback report.</translation>
    </message>
    <message>
        <source>只有本计划的组长可以记录反馈会；这里只能查看。</source>
        <translation>Only the panel lead of this inspection can record the feedback meeting; here it can only be read.</translation>
    </message>
    <message>
        <source>如 2024-09-26 15:30</source>
        <translation>e.g. 2024-09-26 15:30</translation>
    </message>
    <message>
        <source>考核组成员，集团和学校的参会人员</source>
        <translation>The panel, and who attended for the group and its schools</translation>
    </message>
    <message>
        <source>被考核单位对反馈意见的表态</source>
        <translation>What the inspected unit said in response</translation>
    </message>
    <message>
        <source>时间(&amp;T)：</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>地点(&amp;P)：</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>参加人员(&amp;A)：</source>
        <translation>&amp;Attendees:</translation>
    </message>
    <message>
        <source>单位意见(&amp;R)：</source>
        <translation>Unit's &amp;response:</translation>
    </message>
</context>
<context>
    <name>MergeResults</name>
    <message>
        <source>请与发送人当面核对指纹，然后点“核对指纹后信任”。</source>
        <translation>Compare the fingerprint with the sender in person, then click “Trust after comparing fingerprints”.</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>签名人指纹：</source>
        <translation>Signer’s fingerprint:</translation>
    </message>
    <message>
        <source>核对指纹后信任(&amp;T)…</source>
        <translation>&amp;Trust after comparing fingerprints…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 {0} 个文件：{1} 个已导入</source>
        <translation>{0} files: {1} imported</translation>
    </message>
    <message>
        <source>，{0} 个暂缓（签名人尚未受信任）</source>
        <translation>, {0} held (signer not trusted yet)</translation>
    </message>
    <message>
        <source>，{0} 个未导入</source>
        <translation>, {0} not imported</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>done</translation>
    </message>
    <message>
        <source>需注意</source>
        <translation>check</translation>
    </message>
    <message>
        <source>还没有填写任何内容</source>
        <translation>Nothing entered yet</translation>
    </message>
    <message>
        <source>已填写一部分，还不能计分</source>
        <translation>Partly entered, not yet scored</translation>
    </message>
    <message>
        <source>已评分（或已答“不适用”）</source>
        <translation>Scored (or answered “not applicable”)</translation>
    </message>
    <message>
        <source>需注意：填写有错误，或与学校自评分相差达到该项满分的两成</source>
        <translation>Needs attention: an entry has an error, or the score differs from the school's self-score by 20% of the maximum or more</translation>
    </message>
    <message>
        <source>集团(&amp;J)：</source>
        <translation>Group (&amp;J):</translation>
    </message>
    <message>
        <source>“几/几 项已评”数的是分给您评的项：集团整体的每项指标算一项，逐校评分的指标（如 C20）每所学校各算一项，所以可能比右栏数的指标多</source>
        <translation>"N/M items scored" counts the items you are to score: each indicator of the group as a whole is one item, an indicator scored school by school (such as C20) one item per school, so it can be more than the indicators counted on the right</translation>
    </message>
    <message>
        <source>{0}/{1} 项已评</source>
        <translation>{0}/{1} items scored</translation>
    </message>
    <message>
        <source>分给您评的 {1} 项中已评 {0} 项（逐校评分的指标每所学校各算一项）</source>
        <translation>{0} of the {1} items you are to score are scored (an indicator scored school by school is one item per school)</translation>
    </message>
    <message>
        <source>跳到指标编号，如 C5（Ctrl+G）</source>
        <translation>Jump to a code, e.g. C5 (Ctrl+G)</translation>
    </message>
    <message>
        <source>搜索指标内容（Ctrl+F）</source>
        <translation>Search indicators (Ctrl+F)</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>▲ 需注意：有错误，或与自评分相差达到满分的两成</source>
        <translation>▲ Needs attention: an error, or 20% of the maximum or more away from the self-score</translation>
    </message>
    <message>
        <source> {0}/{1} 校</source>
        <translation> {0}/{1} schools</translation>
    </message>
    <message>
        <source>逐校评分：{0}/{1} 校已评，全部评完后计入领域得分</source>
        <translation>Scored per school: {0}/{1} schools scored; counts in its area once all are</translation>
    </message>
    <message>
        <source>不在本人分工内</source>
        <translation>not assigned to you</translation>
    </message>
    <message>
        <source>{0}　{1}/{2} 项 · {3} 分</source>
        <translation>{0}  {1}/{2} · {3} pt</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PanelAnswer</name>
    <message>
        <source>考核组改定得分，或本项不适用</source>
        <translation>Panel override, or not applicable</translation>
    </message>
    <message>
        <source>改定得分</source>
        <translation>Override points</translation>
    </message>
    <message>
        <source>撤销改定</source>
        <translation>Undo override</translation>
    </message>
    <message>
        <source>回到按计分办法得出的分数（改定得分和理由一并删除，历史记录保留）</source>
        <translation>Back to the points the rule gives (the override and its reason are removed together; the history keeps them)</translation>
    </message>
    <message>
        <source>改定得分(&amp;O)：</source>
        <translation>&amp;Override points:</translation>
    </message>
    <message>
        <source>为什么不按计分办法给分（必填），如：按评分标准原文，缺一项扣0.5分适用于全部5分</source>
        <translation>Why the rule's points are not given (required), e.g. the standard's "−0.5 per missing item" read as applying to all 5 points</translation>
    </message>
    <message>
        <source>改定理由</source>
        <translation>Reason for the override</translation>
    </message>
    <message>
        <source>改定理由(&amp;E)：</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <source>本项不适用(&amp;N)</source>
        <translation>&amp;Not applicable</translation>
    </message>
    <message>
        <source>不适用的理由（必填），如：本集团没有农村学校</source>
        <translation>Why it does not apply (required), e.g. the group has no rural school</translation>
    </message>
    <message>
        <source>不适用的理由</source>
        <translation>Why it does not apply</translation>
    </message>
    <message>
        <source>0 至 {0} 分；空着即按计分办法</source>
        <translation>0 to {0} points; empty: as the rule gives</translation>
    </message>
    <message>
        <source>本项不适用：不计分，也不计入应评项数</source>
        <translation>Not applicable: not scored and not counted among the indicators to score</translation>
    </message>
    <message>
        <source>按计分办法：{0} 分　→　考核组改定：{1} 分</source>
        <translation>By the rule: {0} points → panel's override: {1} points</translation>
    </message>
    <message>
        <source>按计分办法：{0} 分（未改定）</source>
        <translation>By the rule: {0} points (not overridden)</translation>
    </message>
    <message>
        <source>改定得分须写明理由：写下理由后才保存</source>
        <translation>An override needs a reason: it is saved once the reason is written</translation>
    </message>
    <message>
        <source>请写明本项不适用的理由：写下理由后才保存</source>
        <translation>Write why the indicator does not apply: it is saved once the reason is written</translation>
    </message>
</context>
<context>
    <name>PhotosView</name>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>Add a folder…</translation>
    </message>
    <message>
        <source>说明…</source>
        <translation>Caption…</translation>
    </message>
    <message>
        <source>标注…</source>
        <translation>Mark up…</translation>
    </message>
    <message>
        <source>选入报告</source>
        <translation>Put in report</translation>
    </message>
    <message>
        <source>选入的照片印在现场反馈报告的“附：现场照片”中（新添加的照片默认选入）</source>
        <translation>Photos in the report are printed under “Appendix: photos” of the feedback report (new photos are in by default)</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>撤销移除</source>
        <translation>Undo remove</translation>
    </message>
    <message>
        <source>可把照片或文件夹拖到这里。Enter 打开原图，Delete 移除；✓ 表示已选入报告。</source>
        <translation>Drop photos or folders here. Enter opens the original, Delete removes; ✓ marks a photo in the report.</translation>
    </message>
    <message>
        <source>（无说明）</source>
        <translation>(no caption)</translation>
    </message>
    <message>
        <source>已选入报告</source>
        <translation>In the report</translation>
    </message>
    <message>
        <source>未选入报告</source>
        <translation>Not in the report</translation>
    </message>
    <message>
        <source>拍摄时间：</source>
        <translation>Taken: </translation>
    </message>
    <message>
        <source>文件时间：</source>
        <translation>File time: </translation>
    </message>
    <message>
        <source>有标注（原图未改动）</source>
        <translation>Marked up (the original is unchanged)</translation>
    </message>
    <message>
        <source>已选入报告 ✓</source>
        <translation>In the report ✓</translation>
    </message>
    <message>
        <source>“{0}”不再选入报告</source>
        <translation>“{0}” is no longer in the report</translation>
    </message>
    <message>
        <source>“{0}”已选入报告</source>
        <translation>“{0}” is now in the report</translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>添加文件夹中的照片</source>
        <translation>Add the photos in a folder</translation>
    </message>
    <message>
        <source>导入照片</source>
        <translation>Import photos</translation>
    </message>
    <message>
        <source>正在导入照片…</source>
        <translation>Importing photos…</translation>
    </message>
    <message>
        <source>已取消导入，没有添加任何照片</source>
        <translation>Import cancelled; no photo was added</translation>
    </message>
    <message>
        <source>已添加 {0} 张照片</source>
        <translation>Added {0} photos</translation>
    </message>
    <message>
        <source>；{0} 个文件未导入：{1}</source>
        <translation>; {0} files not imported: {1}</translation>
    </message>
    <message>
        <source>已移除 1 张照片（可撤销）</source>
        <translation>Removed 1 photo (can be undone)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>新建考核</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <source>——模板，未完成，不能评分</source>
        <translation> — template, unfinished, cannot be scored</translation>
    </message>
    <message>
        <source>每行一个集团：集团名称（类型）：核心校、成员校、成员校
例：城关教育集团（融合型）：城关小学、东关小学、西关小学</source>
        <translation>One group a line: group name (type as the rubric names it): lead school, member, member
e.g. Chengguan Education Group: Chengguan Primary, Dongguan Primary, Xiguan Primary</translation>
    </message>
    <message>
        <source>组长在前，用顿号分开：张老师、李老师</source>
        <translation>Panel lead first, separated by commas: Zhang, Li</translation>
    </message>
    <message>
        <source>名称(&amp;T)：</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>指标体系(&amp;R)：</source>
        <translation>&amp;Rubric:</translation>
    </message>
    <message>
        <source>学年(&amp;Y)：</source>
        <translation>School &amp;year:</translation>
    </message>
    <message>
        <source>阶段(&amp;S)：</source>
        <translation>R&amp;ound:</translation>
    </message>
    <message>
        <source>集团和学校(&amp;G)：</source>
        <translation>&amp;Groups and schools:</translation>
    </message>
    <message>
        <source>专家(&amp;E)：</source>
        <translation>&amp;Experts:</translation>
    </message>
    <message>
        <source>在这里建立的考核，数据包不加密（没有登记各位专家的公钥），适合演练和不需要保密的考核。需要加密的正式考核，请技术人员用考核名单建立。</source>
        <translation>An inspection created here has unencrypted bundles (no expert’s public key is registered): fine for practice and for inspections that need no secrecy. For a formal inspection with encrypted bundles, ask your IT staff to create it from the roster.</translation>
    </message>
    <message>
        <source>供技术人员：命令行 inspector plan create --roster，见使用手册第三章“建立考核计划”。</source>
        <translation>For IT staff: the command inspector plan create --roster; see chapter 3 of the manual, “Creating the inspection plan”.</translation>
    </message>
    <message>
        <source>完整的指标体系：{0} 项指标，总分 {1} 分</source>
        <translation>Complete rubric: {0} indicators, {1} points in all</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>公示信息 — {0}</source>
        <translation>Publication details — {0}</translation>
    </message>
    <message>
        <source>由教育局填写：印在考核结果公示的落款和正文中，整改报告截止日期印在现场反馈报告的整改要求中。日期写成 2024-10-08 这样。</source>
        <translation>Set by the bureau: printed in the text and sign-off of the public notice; the rectification report date is printed in the feedback report's requirements. Write dates like 2024-10-08.</translation>
    </message>
    <message>
        <source>发布单位(&amp;B)：</source>
        <translation>Issuing &amp;body:</translation>
    </message>
    <message>
        <source>公示开始日期(&amp;S)：</source>
        <translation>Publicity &amp;starts:</translation>
    </message>
    <message>
        <source>公示截止日期(&amp;E)：</source>
        <translation>Publicity &amp;ends:</translation>
    </message>
    <message>
        <source>异议受理方式(&amp;O)：</source>
        <translation>&amp;Objections to:</translation>
    </message>
    <message>
        <source>整改报告截止日期(&amp;R)：</source>
        <translation>&amp;Rectification report due:</translation>
    </message>
    <message>
        <source>如 沙坡头区教育局</source>
        <translation>e.g. Shapotou District Education Bureau</translation>
    </message>
    <message>
        <source>电话、邮箱、地址</source>
        <translation>Telephone, e-mail, address</translation>
    </message>
</context>
<context>
    <name>RectifyItems</name>
    <message>
        <source>存在问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>责任单位 · 责任人</source>
        <translation>Responsible unit · person</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>修改整改事项 {0}</source>
        <translation>Correct rectification item {0}</translation>
    </message>
    <message>
        <source>新增整改事项 · {0}</source>
        <translation>New rectification item · {0}</translation>
    </message>
    <message>
        <source>不写：所涉指标的一级指标</source>
        <translation>Empty: the area of its indicator</translation>
    </message>
    <message>
        <source>如：总校校长 张某</source>
        <translation>e.g. Principal of the lead school, Zhang</translation>
    </message>
    <message>
        <source>存在问题(&amp;T)：</source>
        <translation>&amp;Text of the problem:</translation>
    </message>
    <message>
        <source>所涉指标(&amp;I)：</source>
        <translation>&amp;Indicators:</translation>
    </message>
    <message>
        <source>所涉学校(&amp;C)：</source>
        <translation>S&amp;chools:</translation>
    </message>
    <message>
        <source>问题类别(&amp;K)：</source>
        <translation>&amp;Kind (area):</translation>
    </message>
    <message>
        <source>整改时限(&amp;D)：</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>责任单位(&amp;U)：</source>
        <translation>Responsible &amp;unit:</translation>
    </message>
    <message>
        <source>责任人(&amp;P)：</source>
        <translation>Responsible &amp;person:</translation>
    </message>
    <message>
        <source>修改理由(&amp;R)：</source>
        <translation>&amp;Reason for the change:</translation>
    </message>
    <message>
        <source>不勾选学校：全集团。空格键勾选。</source>
        <translation>No school ticked: the whole group. Space ticks.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>删去</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>整改事项(&amp;Z)</source>
        <translation>Rectification items (&amp;Z)</translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation>Rectification items</translation>
    </message>
    <message>
        <source>新增(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>删去(&amp;D)…</source>
        <translation>Remove (&amp;D)…</translation>
    </message>
    <message>
        <source>编号 {0} · 类别 {1}
{2}</source>
        <translation>Item {0} · area {1}
{2}</translation>
    </message>
    <message>
        <source>由专家组组长填写，此处只读</source>
        <translation>Written by the panel lead; read-only here</translation>
    </message>
    <message>
        <source>删去整改事项 {0}</source>
        <translation>Remove rectification item {0}</translation>
    </message>
    <message>
        <source>删去“{0}”的理由(&amp;R)（记录保留）：</source>
        <translation>&amp;Reason for removing “{0}” (its record is kept):</translation>
    </message>
</context>
<context>
    <name>RectifyRecord</name>
    <message>
        <source>整改情况</source>
        <translation>Rectification report</translation>
    </message>
    <message>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>状态(&amp;C)：</source>
        <translation>&amp;Change status to:</translation>
    </message>
    <message>
        <source>被考核单位报告的整改措施和结果</source>
        <translation>What the unit reports it did and achieved</translation>
    </message>
    <message>
        <source>整改情况(&amp;R)：</source>
        <translation>&amp;Response:</translation>
    </message>
    <message>
        <source>必填：如 收到整改报告</source>
        <translation>Required, e.g. rectification report received</translation>
    </message>
    <message>
        <source>理由(&amp;Y)：</source>
        <translation>Reason (&amp;Y):</translation>
    </message>
    <message>
        <source>记录(&amp;W)</source>
        <translation>Record (&amp;W)</translation>
    </message>
    <message>
        <source>佐证(&amp;E)：</source>
        <translation>&amp;Evidence:</translation>
    </message>
    <message>
        <source>添加佐证(&amp;F)…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>变更记录(&amp;H)：</source>
        <translation>&amp;History:</translation>
    </message>
    <message>
        <source>在上面的台账中选一项</source>
        <translation>Choose an item in the ledger above</translation>
    </message>
    <message>
        <source>
（只有签发本计划的教育局或专家组组长可以记录整改情况）</source>
        <translation>
(Only the bureau that issued this inspection, or the panel lead, records rectification here)</translation>
    </message>
    <message>
        <source>（理由：{0}）</source>
        <translation> (reason: {0})</translation>
    </message>
    <message>
        <source>（日期 {0}）</source>
        <translation> (date {0})</translation>
    </message>
    <message>
        <source>{0}（待记录）</source>
        <translation>{0} (not yet recorded)</translation>
    </message>
    <message>
        <source>没有改变：状态、整改情况和佐证都和记录的一样</source>
        <translation>Nothing changed: the status, response and evidence are as recorded</translation>
    </message>
    <message>
        <source>选择整改佐证文件</source>
        <translation>Choose rectification evidence files</translation>
    </message>
    <message>
        <source>整改佐证（{0}）</source>
        <translation>Rectification evidence ({0})</translation>
    </message>
    <message>
        <source>添加整改佐证</source>
        <translation>Add rectification evidence</translation>
    </message>
    <message>
        <source>正在检查并保存佐证文件…</source>
        <translation>Checking and keeping the evidence files…</translation>
    </message>
    <message>
        <source>系统中没有可以打开“{0}”的程序</source>
        <translation>No program on this computer opens “{0}”</translation>
    </message>
</context>
<context>
    <name>RectifyView</name>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>集团</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>报告整改日期</source>
        <translation>Reported fixed on</translation>
    </message>
    <message>
        <source>复查通过日期</source>
        <translation>Passed re-check on</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification report</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>整改台账 · {0}</source>
        <translation>Rectification ledger · {0}</translation>
    </message>
    <message>
        <source>集团(&amp;G)：</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>类别(&amp;A)：</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>事项(&amp;L)：</source>
        <translation>Items (&amp;L):</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>共 {0} 项，逾期 {1} 项（按 {2} 计）</source>
        <translation>{0} items, {1} overdue (as of {2})</translation>
    </message>
</context>
<context>
    <name>RegisterEditor</name>
    <message>
        <source>获奖/项目登记表（本集团）</source>
        <translation>Award/project register (this group)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>已登记的项目</source>
        <translation>Registered items</translation>
    </message>
    <message>
        <source>获奖或项目名称，同名视为同一项目</source>
        <translation>Name of the award or project; the same name is the same project</translation>
    </message>
    <message>
        <source>名称(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>如 2023</source>
        <translation>e.g. 2023</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>级别(&amp;V)：</source>
        <translation>Le&amp;vel:</translation>
    </message>
    <message>
        <source>学校：</source>
        <translation>School:</translation>
    </message>
    <message>
        <source>佐证：证书、文件名或文号</source>
        <translation>Evidence: certificate, file name or document number</translation>
    </message>
    <message>
        <source>佐证：</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>登记此项(&amp;A)</source>
        <translation>&amp;Add item</translation>
    </message>
    <message>
        <source>删除所选(&amp;D)</source>
        <translation>&amp;Delete selected</translation>
    </message>
    <message>
        <source>每项获奖或项目登记一行，得分自动算出。同一项目登记了不止一次的（如先评为市级、后评为省级），只按最高的级别算一次。</source>
        <translation>One line per award or project; the points follow by themselves. A project registered more than once (first at city level and later at provincial level, say) counts once, at its highest level.</translation>
    </message>
    <message>
        <source>本项只算比 {0} 年多出来的项数，{0} 年的项数是“基数”。</source>
        <translation>Only the items beyond those of {0} count: the {0} items are the “baseline”.</translation>
    </message>
    <message>
        <source>基数已从本电脑上 {0} 学年的考核中自动读出（{1} 项），您不用再登记，只登记本期的项目即可。</source>
        <translation>The baseline was read from the {0} inspection on this computer ({1} items): nothing to register for it, only this year's items.</translation>
    </message>
    <message>
        <source>本电脑上没有 {0} 学年考核的登记表，基数暂按 0 项算，登记的各项都算新增。如 {1} 年也有获奖，请把那些项目也登记在这里，年份填 {1}：它们只作基数，不加分。</source>
        <translation>This computer holds no register from the {0} inspection, so the baseline is 0 items for now and every item registered counts as new. If there were awards in {1}, register those items here too, with the year {1}: they only form the baseline and earn no points.</translation>
    </message>
    <message>
        <source>上方“对照”中的 {0} 年总数只供参考，不会自动减去。</source>
        <translation>The {0} total shown under “Compare” above is for reference only: it is not subtracted.</translation>
    </message>
    <message>
        <source>请先填写名称</source>
        <translation>Type the name first</translation>
    </message>
    <message>
        <source>请先在表中选中要删除的项</source>
        <translation>Select the items to delete in the table first</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Word 文档</source>
        <translation>Word document</translation>
    </message>
    <message>
        <source>生成现场反馈报告</source>
        <translation>Feedback report</translation>
    </message>
    <message>
        <source>生成合议记录</source>
        <translation>Consensus record</translation>
    </message>
    <message>
        <source>打印评分表</source>
        <translation>Print score sheet</translation>
    </message>
    <message>
        <source>{0} 在 {1} 还没有评分，没有评分表可打印。</source>
        <translation>{0} has not scored {1} yet: there is no score sheet to print.</translation>
    </message>
    <message>
        <source>{0} 是一个文件夹，请写出文件名</source>
        <translation>{0} is a folder; please give a file name</translation>
    </message>
    <message>
        <source>没有生成文件：{0}</source>
        <translation>No file was written: {0}</translation>
    </message>
    <message>
        <source>正在写入 Word 文档…</source>
        <translation>Writing the Word document…</translation>
    </message>
    <message>
        <source>正在排版 PDF…</source>
        <translation>Laying out the PDF…</translation>
    </message>
    <message>
        <source>已取消，没有生成文件</source>
        <translation>Cancelled; no file was written</translation>
    </message>
    <message>
        <source>已生成：{0}</source>
        <translation>Written: {0}</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>目前得分</source>
        <translation>Score so far</translation>
    </message>
    <message>
        <source>各领域</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>一票否决</source>
        <translation>Veto</translation>
    </message>
    <message>
        <source>（加分）</source>
        <translation> (bonus)</translation>
    </message>
    <message>
        <source>一票否决 · 取消资格</source>
        <translation>Veto · withheld grade</translation>
    </message>
    <message>
        <source>认定取消“{0}”资格(&amp;Q)</source>
        <translation>Found: withhold “{0}” (&amp;Q)</translation>
    </message>
    <message>
        <source>认定取消“{0}”资格</source>
        <translation>Found: withhold “{0}”</translation>
    </message>
    <message>
        <source>认定否决</source>
        <translation>Veto found</translation>
    </message>
    <message>
        <source>认定否决(&amp;F)</source>
        <translation>Veto &amp;found</translation>
    </message>
    <message>
        <source>查实的事实和理由（认定时必填）</source>
        <translation>Facts established and reasons (required when found)</translation>
    </message>
    <message>
        <source>事实和理由（认定否决时必填）</source>
        <translation>Facts and reason (required for a veto)</translation>
    </message>
    <message>
        <source>{0}：目前得分（{1}）</source>
        <translation>{0}: score so far ({1})</translation>
    </message>
    <message>
        <source>上年（{0}）：{1} 分，{2}，第 {3} 名</source>
        <translation>Last year ({0}): {1}, {2}, rank {3}</translation>
    </message>
    <message>
        <source>认定取消资格须写明查实的事实和理由</source>
        <translation>Withholding the grade needs the established facts and reasons</translation>
    </message>
    <message>
        <source>认定否决须写明事实和理由</source>
        <translation>A veto needs the facts and the reason</translation>
    </message>
    <message>
        <source>未保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <source>未保存：离开理由框即保存</source>
        <translation>Not saved: saved when you leave the reason box</translation>
    </message>
    <message>
        <source>已保存：认定取消资格</source>
        <translation>Saved: grade withheld</translation>
    </message>
    <message>
        <source>已保存：认定否决</source>
        <translation>Saved: veto found</translation>
    </message>
    <message>
        <source>尚未评分</source>
        <translation>Not scored yet</translation>
    </message>
    <message>
        <source>共 {0} 项指标，评分后这里显示暂计得分</source>
        <translation>{0} indicators; the provisional total shows here once scoring starts</translation>
    </message>
    <message>
        <source>暂计 {0}</source>
        <translation>Provisional {0}</translation>
    </message>
    <message>
        <source>等次待评完（指标已评完 {0}/{1}）</source>
        <translation>Grade when all are scored ({0}/{1} indicators scored)</translation>
    </message>
    <message>
        <source>等次在全集团 {0} 项指标都评完后给出。逐校评分的指标（如 C20）要每所学校都评完才算评完一项指标，所以这里的数可能比左边“项已评”的少</source>
        <translation>The grade is given once all {0} indicators of the group are scored. An indicator scored school by school (such as C20) counts as scored only when every school is, so this count can be lower than "items scored" on the left</translation>
    </message>
    <message>
        <source>含考核组改定得分：{0}</source>
        <translation>Includes the panel's overrides: {0}</translation>
    </message>
    <message>
        <source>基础分：{0}</source>
        <translation>Base: {0}</translation>
    </message>
    <message>
        <source>加分：{0}</source>
        <translation>Bonus: {0}</translation>
    </message>
    <message>
        <source>{0}：逐校指标 {1}/{2} 项，{3} 分</source>
        <translation>{0}: per-school {1}/{2}, {3} pt</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <source>下一个 / 上一个输入框，按页面从上到下的顺序</source>
        <translation>Next / previous input, down the page in reading order</translation>
    </message>
    <message>
        <source>是否题：是 / 否 / 不适用；Delete 清除回“—”</source>
        <translation>Yes/no questions: yes / no / not applicable; Delete clears back to “—”</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>Digits</translation>
    </message>
    <message>
        <source>计数题：直接输入个数，0 表示无缺项（获奖等计数：0 表示没有）</source>
        <translation>Counts: type the number; 0 means nothing missing (for counts of awards and the like: none)</translation>
    </message>
    <message>
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>勾选 / 取消勾选；按下按钮</source>
        <translation>Tick / untick; press a button</translation>
    </message>
    <message>
        <source>在照片或材料列表中：打开原件</source>
        <translation>In the photo or document list: open the original</translation>
    </message>
    <message>
        <source>在照片或材料列表中：移除（可撤销）</source>
        <translation>In the photo or document list: remove (can be undone)</translation>
    </message>
    <message>
        <source>跳到本项的备注 / 照片 / 佐证文件</source>
        <translation>Go to this indicator's note / photos / evidence files</translation>
    </message>
    <message>
        <source>一票否决（右侧得分栏）：认定否决 / 认定取消资格，再写事实和理由</source>
        <translation>Vetoes (score panel, right): find the veto / withdraw the top grade, then write the facts and reasons</translation>
    </message>
    <message>
        <source>带下划线的字母</source>
        <translation>underlined letter</translation>
    </message>
    <message>
        <source>打开菜单，或跳到标签旁的输入框</source>
        <translation>Open a menu, or go to the input beside a label</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> or </translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>整个程序都可以只用键盘操作。菜单里的每一项也都写着它的快捷键。</source>
        <translation>The whole program works from the keyboard. Every menu item shows its shortcut too.</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>评分页</source>
        <translation>Scoring page</translation>
    </message>
    <message>
        <source>打开使用手册(&amp;M)</source>
        <translation>Open the &amp;manual</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>核对指纹后信任</source>
        <translation>Trust after comparing fingerprints</translation>
    </message>
    <message>
        <source>请发送人在他的电脑上打开“数据包 → 密钥”，念出本机指纹；逐组核对下面的指纹，一致才信任。</source>
        <translation>Ask the sender to open “Bundles → Keys” on their computer and read out its fingerprint; compare it group by group with the one below and trust it only if they are the same.</translation>
    </message>
    <message>
        <source>数据包上的签名人指纹：</source>
        <translation>Fingerprint of the bundle’s signer:</translation>
    </message>
    <message>
        <source>对方念出的指纹(&amp;F)：</source>
        <translation>&amp;Fingerprint read out:</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>一致，信任(&amp;T)</source>
        <translation>Same: &amp;trust</translation>
    </message>
    <message>
        <source>您填写的姓名“{0}”与数据包所称的“{1}”不一致：请当面核实是谁的数据包。</source>
        <translation>The name you typed, “{0}”, differs from “{1}”, the name the bundle claims: check in person whose bundle it is.</translation>
    </message>
    <message>
        <source>指纹一致。</source>
        <translation>The fingerprints match.</translation>
    </message>
    <message>
        <source>指纹一致。请填写姓名。</source>
        <translation>The fingerprints match. Please enter the name.</translation>
    </message>
    <message>
        <source>指纹不一致：不要信任，请当面再核对一次。</source>
        <translation>The fingerprints differ: do not trust; compare again in person.</translation>
    </message>
</context>
</TS>