<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>字体</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>运行环境</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>程序库</source>
        <translation>程序库</translation>
    </message>
    <message>
        <source>关于 Inspector 督导考核</source>
        <translation>关于 Inspector 督导考核</translation>
    </message>
    <message>
        <source>从源代码运行（未打包）</source>
        <translation>从源代码运行（未打包）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inspector 集团化办学督导考核&lt;/b&gt;&lt;br&gt;版本 {0}&lt;br&gt;构建时间：{1}&lt;br&gt;平台：{2}</source>
        <translation>&lt;b&gt;Inspector 集团化办学督导考核&lt;/b&gt;&lt;br&gt;版本 {0}&lt;br&gt;构建时间：{1}&lt;br&gt;平台：{2}</translation>
    </message>
    <message>
        <source>本程序附带的字体和程序库及其许可证（点一行查看全文）：</source>
        <translation>本程序附带的字体和程序库及其许可证（点一行查看全文）：</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>（此程序库没有附带许可证全文，许可证见上表）</source>
        <translation>（此程序库没有附带许可证全文，许可证见上表）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>从 {0} 的备份恢复</source>
        <translation>从 {0} 的备份恢复</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>恢复未完成：{0}</source>
        <translation>恢复未完成：{0}</translation>
    </message>
    <message>
        <source>原来的文件保留在 {0}。</source>
        <translation>原来的文件保留在 {0}。</translation>
    </message>
    <message>
        <source>已从 {0} 恢复，恢复后的数据库已通过完整性检查。</source>
        <translation>已从 {0} 恢复，恢复后的数据库已通过完整性检查。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>恢复(&amp;R)</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>用这个备份替换当前的数据库？

{0}
内容：{1}

当前的数据库不会删除：它将另存在备份文件夹 {2} 中（文件名以 replaced- 开头，已损坏的以 damaged- 开头）。恢复后重新打开考核。</source>
        <translation>用这个备份替换当前的数据库？

{0}
内容：{1}

当前的数据库不会删除：它将另存在备份文件夹 {2} 中（文件名以 replaced- 开头，已损坏的以 damaged- 开头）。恢复后重新打开考核。</translation>
    </message>
    <message>
        <source>正在检查备份…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>原来的数据库保留在 {0}。</source>
        <translation>原来的数据库保留在 {0}。</translation>
    </message>
    <message>
        <source>原来没有数据库。</source>
        <translation>原来没有数据库。</translation>
    </message>
    <message>
        <source>已从 {0} 恢复，恢复后的数据库已通过完整性检查。</source>
        <translation>已从 {0} 恢复，恢复后的数据库已通过完整性检查。</translation>
    </message>
    <message>
        <source>恢复未完成，当前的数据库没有改变：{0}</source>
        <translation>恢复未完成，当前的数据库没有改变：{0}</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>有改动时，程序每 5 分钟和退出时自动备份数据库；备份按时间保留（最近一小时的全部、一天内每小时一份、一个月内每天一份）。备份文件夹：{0}</source>
        <translation>有改动时，程序每 5 分钟和退出时自动备份数据库；备份按时间保留（最近一小时的全部、一天内每小时一份、一个月内每天一份）。备份文件夹：{0}</translation>
    </message>
    <message>
        <source>已有的备份(&amp;L)：</source>
        <translation>已有的备份(&amp;L)：</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>还没有备份。</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>恢复所选备份(&amp;R)…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <source>从其他文件恢复(&amp;F)…</source>
        <translation>从其他文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>打开备份文件夹(&amp;O)</source>
        <translation>打开备份文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>从其他文件恢复</source>
        <translation>从其他文件恢复</translation>
    </message>
    <message>
        <source>Inspector 数据库</source>
        <translation>Inspector 数据库</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>正在写入并校验：{0}</source>
        <translation>正在写入并校验：{0}</translation>
    </message>
    <message>
        <source>已取消：目标文件夹中没有留下未完成的文件。</source>
        <translation>已取消：目标文件夹中没有留下未完成的文件。</translation>
    </message>
    <message>
        <source>{0} 未能导出：{1}</source>
        <translation>{0} 未能导出：{1}</translation>
    </message>
    <message>
        <source>没有可导出的内容。</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <source>本机密钥口令</source>
        <translation>本机密钥口令</translation>
    </message>
    <message>
        <source>本机密钥设有口令。请输入口令（签名导出的数据包、打开发给本机的数据包都要用到）：</source>
        <translation>本机密钥设有口令。请输入口令（签名导出的数据包、打开发给本机的数据包都要用到）：</translation>
    </message>
    <message>
        <source>已导出，并已读回校验（完整、签名有效）：</source>
        <translation>已导出，并已读回校验（完整、签名有效）：</translation>
    </message>
    <message>
        <source>{0}（序号 {1}，{2} 张照片；{3}）</source>
        <translation>{0}（序号 {1}，{2} 张照片；{3}）</translation>
    </message>
    <message>
        <source>　注意：{0}</source>
        <translation>　注意：{0}</translation>
    </message>
    <message>
        <source>导出我的数据包</source>
        <translation>导出我的数据包</translation>
    </message>
    <message>
        <source>还没有评分，没有可导出的数据包。</source>
        <translation>还没有评分，没有可导出的数据包。</translation>
    </message>
    <message>
        <source>导出我的数据包到文件夹（如 U 盘）</source>
        <translation>导出我的数据包到文件夹（如 U 盘）</translation>
    </message>
    <message>
        <source>导出专家组数据包到文件夹</source>
        <translation>导出专家组数据包到文件夹</translation>
    </message>
    <message>
        <source>导出专家组数据包</source>
        <translation>导出专家组数据包</translation>
    </message>
    <message>
        <source>导出考核计划包到文件夹</source>
        <translation>导出考核计划包到文件夹</translation>
    </message>
    <message>
        <source>导出考核计划包</source>
        <translation>导出考核计划包</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>正在校验 {0}/{1}：{2}</source>
        <translation>正在校验 {0}/{1}：{2}</translation>
    </message>
    <message>
        <source>正在校验并导入…</source>
        <translation>正在校验并导入…</translation>
    </message>
    <message>
        <source>导入考核计划包</source>
        <translation>导入考核计划包</translation>
    </message>
</context>
<context>
    <name>BureauView</name>
    <message>
        <source>名次</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>集团</source>
        <translation>集团</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>类内排名</source>
        <translation>类内排名</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>改定得分</source>
        <translation>改定得分</translation>
    </message>
    <message>
        <source>领域 / 指标 / 学校</source>
        <translation>领域 / 指标 / 学校</translation>
    </message>
    <message>
        <source>专家组得分</source>
        <translation>专家组得分</translation>
    </message>
    <message>
        <source>自评分</source>
        <translation>自评分</translation>
    </message>
    <message>
        <source>评分专家</source>
        <translation>评分专家</translation>
    </message>
    <message>
        <source>，按计分办法 {0} 分</source>
        <translation>，按计分办法 {0} 分</translation>
    </message>
    <message>
        <source>{0}：改定为 {1} 分{2}；理由：{3}</source>
        <translation>{0}：改定为 {1} 分{2}；理由：{3}</translation>
    </message>
    <message>
        <source>导出结果工作簿(&amp;X)…</source>
        <translation>导出结果工作簿(&amp;X)…</translation>
    </message>
    <message>
        <source>导出公示(&amp;F)…</source>
        <translation>导出公示(&amp;F)…</translation>
    </message>
    <message>
        <source>整改台账(&amp;Z)…</source>
        <translation>整改台账(&amp;Z)…</translation>
    </message>
    <message>
        <source>每一条整改事项：逾期的在前，可按集团、类别、状态筛选（Ctrl+T）</source>
        <translation>每一条整改事项：逾期的在前，可按集团、类别、状态筛选（Ctrl+T）</translation>
    </message>
    <message>
        <source>导出公示</source>
        <translation>导出公示</translation>
    </message>
    <message>
        <source>{0} · {1}：{2} 个集团</source>
        <translation>{0} · {1}：{2} 个集团</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>未完成（不排名、不评等次、不奖惩）：{0}</source>
        <translation>未完成（不排名、不评等次、不奖惩）：{0}</translation>
    </message>
    <message>
        <source>等次分布：{0}</source>
        <translation>等次分布：{0}</translation>
    </message>
    <message>
        <source>；上年第 {0} 名</source>
        <translation>；上年第 {0} 名</translation>
    </message>
    <message>
        <source>{0}（{1}）：{2} 分，{3}，第 {4} 名{5}</source>
        <translation>{0}（{1}）：{2} 分，{3}，第 {4} 名{5}</translation>
    </message>
    <message>
        <source>（改定）</source>
        <translation>（改定）</translation>
    </message>
    <message>
        <source>导出结果工作簿</source>
        <translation>导出结果工作簿</translation>
    </message>
    <message>
        <source>Excel 工作簿</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>已取消，没有写入文件</source>
        <translation>已取消，没有写入文件</translation>
    </message>
    <message>
        <source>正在写入 {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <source>已写入：{0}</source>
        <translation>已写入：{0}</translation>
    </message>
</context>
<context>
    <name>CaptionDialog</name>
    <message>
        <source>照片说明 — {0}</source>
        <translation>照片说明 — {0}</translation>
    </message>
    <message>
        <source>这张照片已选入报告：说明会印在反馈报告的照片下方。</source>
        <translation>这张照片已选入报告：说明会印在反馈报告的照片下方。</translation>
    </message>
    <message>
        <source>这张照片未选入报告：说明只留在评分记录中。</source>
        <translation>这张照片未选入报告：说明只留在评分记录中。</translation>
    </message>
    <message>
        <source>照片说明（拍的是什么、说明了什么问题）：</source>
        <translation>照片说明（拍的是什么、说明了什么问题）：</translation>
    </message>
    <message>
        <source>例如：三楼消防通道堆放杂物，未及时清理。</source>
        <translation>例如：三楼消防通道堆放杂物，未及时清理。</translation>
    </message>
    <message>
        <source>保存（Ctrl+Enter）</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{0} / {1} 字</source>
        <translation>{0} / {1} 字</translation>
    </message>
</context>
<context>
    <name>CompletionCheck</name>
    <message>
        <source> 等 {0} 项</source>
        <translation> 等 {0} 项</translation>
    </message>
    <message>
        <source>{0}：{1} 项未评 —— {2}{3}</source>
        <translation>{0}：{1} 项未评 —— {2}{3}</translation>
    </message>
    <message>
        <source>{0}：{1} 项需注意 —— {2}{3}</source>
        <translation>{0}：{1} 项需注意 —— {2}{3}</translation>
    </message>
    <message>
        <source>完成检查</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <source>分给您的指标都已评完。</source>
        <translation>分给您的指标都已评完。</translation>
    </message>
    <message>
        <source>还有没有评完的指标：</source>
        <translation>还有没有评完的指标：</translation>
    </message>
    <message>
        <source>标有 ▲ 的指标请再核对一下（有错误，或与自评分相差达到满分的两成）：</source>
        <translation>标有 ▲ 的指标请再核对一下（有错误，或与自评分相差达到满分的两成）：</translation>
    </message>
    <message>
        <source>转到第一项未评(&amp;G)</source>
        <translation>转到第一项未评(&amp;G)</translation>
    </message>
    <message>
        <source>转到第一项需注意(&amp;G)</source>
        <translation>转到第一项需注意(&amp;G)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>仍然导出(&amp;E)</source>
        <translation>仍然导出(&amp;E)</translation>
    </message>
    <message>
        <source>返回评分(&amp;B)</source>
        <translation>返回评分(&amp;B)</translation>
    </message>
</context>
<context>
    <name>ConsensusView</name>
    <message>
        <source>取各位专家的平均分</source>
        <translation>取各位专家的平均分</translation>
    </message>
    <message>
        <source>取各位专家的中位数</source>
        <translation>取各位专家的中位数</translation>
    </message>
    <message>
        <source>评分不一致时由组长决定并写明理由</source>
        <translation>评分不一致时由组长决定并写明理由</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>组长决定</source>
        <translation>组长决定</translation>
    </message>
    <message>
        <source>一位专家评分</source>
        <translation>一位专家评分</translation>
    </message>
    <message>
        <source>集团(&amp;Q)：</source>
        <translation>集团(&amp;Q)：</translation>
    </message>
    <message>
        <source>只看评分不一致的(&amp;O)</source>
        <translation>只看评分不一致的(&amp;O)</translation>
    </message>
    <message>
        <source>组长定分</source>
        <translation>组长定分</translation>
    </message>
    <message>
        <source>定分理由（必填，写入反馈报告）</source>
        <translation>定分理由（必填，写入反馈报告）</translation>
    </message>
    <message>
        <source>定分(&amp;D)</source>
        <translation>定分(&amp;D)</translation>
    </message>
    <message>
        <source>得分(&amp;S)：</source>
        <translation>得分(&amp;S)：</translation>
    </message>
    <message>
        <source>理由(&amp;W)：</source>
        <translation>理由(&amp;W)：</translation>
    </message>
    <message>
        <source>导出专家组数据包(&amp;E)…</source>
        <translation>导出专家组数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>定稿(&amp;F)…</source>
        <translation>定稿(&amp;F)…</translation>
    </message>
    <message>
        <source>反馈会记录(&amp;M)…</source>
        <translation>反馈会记录(&amp;M)…</translation>
    </message>
    <message>
        <source>合议记录(&amp;C)…</source>
        <translation>合议记录(&amp;C)…</translation>
    </message>
    <message>
        <source>内部资料：各专家评分、极差、定分理由（PDF 或 Word）</source>
        <translation>内部资料：各专家评分、极差、定分理由（PDF 或 Word）</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>差距</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>合议得分</source>
        <translation>合议得分</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>改定得分，理由：{0}</source>
        <translation>改定得分，理由：{0}</translation>
    </message>
    <message>
        <source>合议规则：{0}。两位专家评分差距超过 {1} 分的标出（⚠），请组长核实后定分；组长定分须写明理由。</source>
        <translation>合议规则：{0}。两位专家评分差距超过 {1} 分的标出（⚠），请组长核实后定分；组长定分须写明理由。</translation>
    </message>
    <message>
        <source>专家组合议得分：{0}</source>
        <translation>专家组合议得分：{0}</translation>
    </message>
    <message>
        <source>多位专家评分的指标 {0} 项，其中差距大 {1} 项。</source>
        <translation>多位专家评分的指标 {0} 项，其中差距大 {1} 项。</translation>
    </message>
    <message>
        <source>（本机不是组长，定分以组长名义记录时请核实）</source>
        <translation>（本机不是组长，定分以组长名义记录时请核实）</translation>
    </message>
    <message>
        <source>集团整体</source>
        <translation>集团整体</translation>
    </message>
    <message>
        <source>没有需要合议的指标。</source>
        <translation>没有需要合议的指标。</translation>
    </message>
    <message>
        <source>满分 {0}</source>
        <translation>满分 {0}</translation>
    </message>
    <message>
        <source>分</source>
        <translation>分</translation>
    </message>
    <message>
        <source>✎ 改定得分（不按计分办法），理由：{0}</source>
        <translation>✎ 改定得分（不按计分办法），理由：{0}</translation>
    </message>
    <message>
        <source>（无备注）</source>
        <translation>（无备注）</translation>
    </message>
    <message>
        <source>（第 {0} 版）</source>
        <translation>（第 {0} 版）</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>优秀</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>基本合格</source>
        <translation>基本合格</translation>
    </message>
    <message>
        <source>暂计</source>
        <translation>暂计</translation>
    </message>
    <message>
        <source>未评</source>
        <translation>未评</translation>
    </message>
    <message>
        <source>已评</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>已定稿</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>征求意见稿</source>
        <translation>征求意见稿</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>组员</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>核心校</source>
        <translation>核心校</translation>
    </message>
    <message>
        <source>成员校</source>
        <translation>成员校</translation>
    </message>
    <message>
        <source>融合型</source>
        <translation>融合型</translation>
    </message>
    <message>
        <source>紧密型</source>
        <translation>紧密型</translation>
    </message>
    <message>
        <source>松散型</source>
        <translation>松散型</translation>
    </message>
    <message>
        <source>共建型</source>
        <translation>共建型</translation>
    </message>
    <message>
        <source>托管型</source>
        <translation>托管型</translation>
    </message>
    <message>
        <source>联盟型</source>
        <translation>联盟型</translation>
    </message>
    <message>
        <source>一体型</source>
        <translation>一体型</translation>
    </message>
    <message>
        <source>协作型</source>
        <translation>协作型</translation>
    </message>
    <message>
        <source>加分项</source>
        <translation>加分项</translation>
    </message>
    <message>
        <source>一票否决</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>演示</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>没有考核计划</source>
        <translation>没有考核计划</translation>
    </message>
    <message>
        <source>集团整体</source>
        <translation>集团整体</translation>
    </message>
    <message>
        <source>按教育集团整体评一次分</source>
        <translation>按教育集团整体评一次分</translation>
    </message>
    <message>
        <source>无扣分</source>
        <translation>无扣分</translation>
    </message>
    <message>
        <source>扣完为止，最低 0 分</source>
        <translation>扣完为止，最低 0 分</translation>
    </message>
    <message>
        <source>无 → 0</source>
        <translation>无 → 0</translation>
    </message>
    <message>
        <source>尚未评分</source>
        <translation>尚未评分</translation>
    </message>
    <message>
        <source>应为文字</source>
        <translation>应为文字</translation>
    </message>
    <message>
        <source>应为数字，而不是是/否</source>
        <translation>应为数字，而不是是/否</translation>
    </message>
    <message>
        <source>不是 Inspector 的数据库，或已损坏</source>
        <translation>不是 Inspector 的数据库，或已损坏</translation>
    </message>
    <message>
        <source>全集团</source>
        <translation>全集团</translation>
    </message>
    <message>
        <source>未整改</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>已整改</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>复查通过</source>
        <translation>复查通过</translation>
    </message>
    <message>
        <source>复查未通过</source>
        <translation>复查未通过</translation>
    </message>
    <message>
        <source>整改事项的内容</source>
        <translation>整改事项的内容</translation>
    </message>
    <message>
        <source>修改理由</source>
        <translation>修改理由</translation>
    </message>
    <message>
        <source>删去理由</source>
        <translation>删去理由</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>列出</source>
        <translation>列出</translation>
    </message>
    <message>
        <source>删去</source>
        <translation>删去</translation>
    </message>
    <message>
        <source>自评</source>
        <translation>自评</translation>
    </message>
    <message>
        <source>初评</source>
        <translation>初评</translation>
    </message>
    <message>
        <source>复评</source>
        <translation>复评</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>教育局</source>
        <translation>教育局</translation>
    </message>
    <message>
        <source>只查看</source>
        <translation>只查看</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>征求意见稿（未定稿）</source>
        <translation>征求意见稿（未定稿）</translation>
    </message>
    <message>
        <source>定稿后有改动，须重新定稿</source>
        <translation>定稿后有改动，须重新定稿</translation>
    </message>
    <message>
        <source>未定稿</source>
        <translation>未定稿</translation>
    </message>
    <message>
        <source>尚无专家组结果</source>
        <translation>尚无专家组结果</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>{0} {1}，目标 {2}，完成 {3} × {4} 分 = {5}</source>
        <translation>{0} {1}，目标 {2}，完成 {3} × {4} 分 = {5}</translation>
    </message>
    <message>
        <source>完成比例 {0} × {1} 分 = {2}</source>
        <translation>完成比例 {0} × {1} 分 = {2}</translation>
    </message>
    <message>
        <source>{0} {1} × {2} 分 = {3}</source>
        <translation>{0} {1} × {2} 分 = {3}</translation>
    </message>
    <message>
        <source>{0}：{1}，按 {2} 计 = {3}</source>
        <translation>{0}：{1}，按 {2} 计 = {3}</translation>
    </message>
    <message>
        <source>{0} {1}，比 {2} 低 {3} 个{4} × {5} = −{6}</source>
        <translation>{0} {1}，比 {2} 低 {3} 个{4} × {5} = −{6}</translation>
    </message>
    <message>
        <source>{0} {1}，达到 {2} → 满分</source>
        <translation>{0} {1}，达到 {2} → 满分</translation>
    </message>
    <message>
        <source>{0} {1}，达到 {2}，不扣分</source>
        <translation>{0} {1}，达到 {2}，不扣分</translation>
    </message>
    <message>
        <source>{0} {1} 项 × {2} = +{3}</source>
        <translation>{0} {1} 项 × {2} = +{3}</translation>
    </message>
    <message>
        <source>{0} {1} 项 × {2} = −{3}</source>
        <translation>{0} {1} 项 × {2} = −{3}</translation>
    </message>
    <message>
        <source>合计 {0}，本项最高 {1} 分</source>
        <translation>合计 {0}，本项最高 {1} 分</translation>
    </message>
    <message>
        <source>同类取最高分：{0} → {1}</source>
        <translation>同类取最高分：{0} → {1}</translation>
    </message>
    <message>
        <source>最高达到{0} → {1}</source>
        <translation>最高达到{0} → {1}</translation>
    </message>
    <message>
        <source>✗ 未做到：{0}，本项不得分 → 0</source>
        <translation>✗ 未做到：{0}，本项不得分 → 0</translation>
    </message>
    <message>
        <source>✗ {0}（{1} 分）未得</source>
        <translation>✗ {0}（{1} 分）未得</translation>
    </message>
    <message>
        <source>未满足前提：{0}，本项不得分 → 0</source>
        <translation>未满足前提：{0}，本项不得分 → 0</translation>
    </message>
    <message>
        <source>考核组直接给分 {0} 分（满分 {1}）</source>
        <translation>考核组直接给分 {0} 分（满分 {1}）</translation>
    </message>
    <message>
        <source>考核组评定 {0} 分；理由：{1}</source>
        <translation>考核组评定 {0} 分；理由：{1}</translation>
    </message>
    <message>
        <source>考核组改定为 {0} 分（按计分办法为 {1} 分）；理由：{2}</source>
        <translation>考核组改定为 {0} 分（按计分办法为 {1} 分）；理由：{2}</translation>
    </message>
    <message>
        <source>本项不适用：{0}</source>
        <translation>本项不适用：{0}</translation>
    </message>
    <message>
        <source>尚未填写: {0}</source>
        <translation>尚未填写: {0}</translation>
    </message>
    <message>
        <source>满分 {0}</source>
        <translation>满分 {0}</translation>
    </message>
    <message>
        <source>登记 {0} 项，其中 {1} 年（基数）{2} 项</source>
        <translation>登记 {0} 项，其中 {1} 年（基数）{2} 项</translation>
    </message>
    <message>
        <source>登记 {0} 项</source>
        <translation>登记 {0} 项</translation>
    </message>
    <message>
        <source>还有 {0} 所学校未完成</source>
        <translation>还有 {0} 所学校未完成</translation>
    </message>
    <message>
        <source>尚有 {0} 项未评分（按 0 分计），总分与等次为暂计</source>
        <translation>尚有 {0} 项未评分（按 0 分计），总分与等次为暂计</translation>
    </message>
    <message>
        <source>尚有 {0} 项未评分（按 0 分计），总分为暂计</source>
        <translation>尚有 {0} 项未评分（按 0 分计），总分为暂计</translation>
    </message>
    <message>
        <source>等次由{0}根据考核成绩确定，指标体系未规定分数线</source>
        <translation>等次由{0}根据考核成绩确定，指标体系未规定分数线</translation>
    </message>
    <message>
        <source>综合得分 = {0} + 加分 {1} = {2}</source>
        <translation>综合得分 = {0} + 加分 {1} = {2}</translation>
    </message>
    <message>
        <source>综合得分 = {0} = {1}</source>
        <translation>综合得分 = {0} = {1}</translation>
    </message>
    <message>
        <source>一票否决：{0}</source>
        <translation>一票否决：{0}</translation>
    </message>
    <message>
        <source>取消“{0}”资格，定为“{1}”：{2}</source>
        <translation>取消“{0}”资格，定为“{1}”：{2}</translation>
    </message>
    <message>
        <source>认定取消资格须写明查实的事实和理由</source>
        <translation>认定取消资格须写明查实的事实和理由</translation>
    </message>
    <message>
        <source>认定一票否决须写明事实和理由</source>
        <translation>认定一票否决须写明事实和理由</translation>
    </message>
    <message>
        <source>专家评分不一致（{0}），待组长决定</source>
        <translation>专家评分不一致（{0}），待组长决定</translation>
    </message>
    <message>
        <source>逐校评分，集团得分取{0}（{1}）</source>
        <translation>逐校评分，集团得分取{0}（{1}）</translation>
    </message>
    <message>
        <source>逐校评分，集团得分取{0}</source>
        <translation>逐校评分，集团得分取{0}</translation>
    </message>
    <message>
        <source>不适用于{0}</source>
        <translation>不适用于{0}</translation>
    </message>
    <message>
        <source>不能大于 {0}（填写的是 {1}）</source>
        <translation>不能大于 {0}（填写的是 {1}）</translation>
    </message>
    <message>
        <source>不能小于 {0}（填写的是 {1}）</source>
        <translation>不能小于 {0}（填写的是 {1}）</translation>
    </message>
    <message>
        <source>最多 {0}，而不是 {1}</source>
        <translation>最多 {0}，而不是 {1}</translation>
    </message>
    <message>
        <source>直接给分不能超过本项满分 {0} 分（填写的是 {1}）</source>
        <translation>直接给分不能超过本项满分 {0} 分（填写的是 {1}）</translation>
    </message>
    <message>
        <source>“{0}” 完成数（得分）不能大于应完成数（满分）</source>
        <translation>“{0}” 完成数（得分）不能大于应完成数（满分）</translation>
    </message>
    <message>
        <source>“{0}” 的分母应大于 0</source>
        <translation>“{0}” 的分母应大于 0</translation>
    </message>
    <message>
        <source>“{0}” 不是可选项；可选: {1}</source>
        <translation>“{0}” 不是可选项；可选: {1}</translation>
    </message>
    <message>
        <source>文字过长（{0} 字）</source>
        <translation>文字过长（{0} 字）</translation>
    </message>
    <message>
        <source>磁盘空间已满（或文件超过大小限制），无法写入 {0}。已保存的内容没有受影响。</source>
        <translation>磁盘空间已满（或文件超过大小限制），无法写入 {0}。已保存的内容没有受影响。</translation>
    </message>
    <message>
        <source>{0} 是一个文件夹，不能写成文件；请给出文件名（例如 {1}）。已保存的内容没有受影响。</source>
        <translation>{0} 是一个文件夹，不能写成文件；请给出文件名（例如 {1}）。已保存的内容没有受影响。</translation>
    </message>
    <message>
        <source>无法写入 {0}：文件夹是只读的或没有权限。已保存的内容没有受影响。</source>
        <translation>无法写入 {0}：文件夹是只读的或没有权限。已保存的内容没有受影响。</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>整改时限 {0} 早于考核日期 {1}（{2}）；</source>
        <translation>整改时限 {0} 早于考核日期 {1}（{2}）；</translation>
    </message>
    <message>
        <source>整改时限应在考核之后</source>
        <translation>整改时限应在考核之后</translation>
    </message>
    <message>
        <source>指标 {0} 不在考核计划“{1}”的指标体系中（{2}）</source>
        <translation>指标 {0} 不在考核计划“{1}”的指标体系中（{2}）</translation>
    </message>
    <message>
        <source>指标 {0} 不适用于 {1}（{2}）</source>
        <translation>指标 {0} 不适用于 {1}（{2}）</translation>
    </message>
    <message>
        <source>学校 “{0}” 不在考核计划中的 {1}：{2}</source>
        <translation>学校 “{0}” 不在考核计划中的 {1}：{2}</translation>
    </message>
    <message>
        <source>{0}应写成 2024-12-31 这样的日期，而不是 “{1}”</source>
        <translation>{0}应写成 2024-12-31 这样的日期，而不是 “{1}”</translation>
    </message>
    <message>
        <source>{0}过长（{1} 字，最多 {2} 字）</source>
        <translation>{0}过长（{1} 字，最多 {2} 字）</translation>
    </message>
    <message>
        <source>整改事项 {0} 已删去，不能再改</source>
        <translation>整改事项 {0} 已删去，不能再改</translation>
    </message>
    <message>
        <source>{0}不能为空</source>
        <translation>{0}不能为空</translation>
    </message>
    <message>
        <source>状态 {0} → {1}</source>
        <translation>状态 {0} → {1}</translation>
    </message>
    <message>
        <source>状态 {0} → {1}；{2}</source>
        <translation>状态 {0} → {1}；{2}</translation>
    </message>
    <message>
        <source>添加佐证：{0}</source>
        <translation>添加佐证：{0}</translation>
    </message>
    <message>
        <source>修改：{0}</source>
        <translation>修改：{0}</translation>
    </message>
    <message>
        <source>{0}；评分 {1} 条，照片 {2} 张</source>
        <translation>{0}；评分 {1} 条，照片 {2} 张</translation>
    </message>
    <message>
        <source>各校得分的平均分</source>
        <translation>各校得分的平均分</translation>
    </message>
    <message>
        <source>各校得分的最低分</source>
        <translation>各校得分的最低分</translation>
    </message>
    <message>
        <source>各校得分之和</source>
        <translation>各校得分之和</translation>
    </message>
    <message>
        <source>无法读取（{0}）</source>
        <translation>无法读取（{0}）</translation>
    </message>
    <message>
        <source>{0} 不存在，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} 不存在，未恢复。可用“inspector backup list”查看已有的备份。</translation>
    </message>
    <message>
        <source>{0} 是一个文件夹，不是备份文件，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} 是一个文件夹，不是备份文件，未恢复。可用“inspector backup list”查看已有的备份。</translation>
    </message>
    <message>
        <source>{0} 不是 Inspector 的数据库备份，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} 不是 Inspector 的数据库备份，未恢复。可用“inspector backup list”查看已有的备份。</translation>
    </message>
    <message>
        <source>{0} 由更新版本的 Inspector 建立，本程序不能使用，未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} 由更新版本的 Inspector 建立，本程序不能使用，未恢复。可用“inspector backup list”查看已有的备份。</translation>
    </message>
    <message>
        <source>{0} 不是可以使用的备份（{1}），未恢复。可用“inspector backup list”查看已有的备份。</source>
        <translation>{0} 不是可以使用的备份（{1}），未恢复。可用“inspector backup list”查看已有的备份。</translation>
    </message>
    <message>
        <source>备份失败：{0}</source>
        <translation>备份失败：{0}</translation>
    </message>
</context>
<context>
    <name>CountWay</name>
    <message>
        <source>计分方式：</source>
        <translation>计分方式：</translation>
    </message>
    <message>
        <source>逐项登记(&amp;S)</source>
        <translation>逐项登记(&amp;S)</translation>
    </message>
    <message>
        <source>在下方登记表中每项登记一行，同一项目只按最高级别算一次</source>
        <translation>在下方登记表中每项登记一行，同一项目只按最高级别算一次</translation>
    </message>
    <message>
        <source>按登记表计分</source>
        <translation>按登记表计分</translation>
    </message>
    <message>
        <source>直接选择级别(&amp;C)</source>
        <translation>直接选择级别(&amp;C)</translation>
    </message>
    <message>
        <source>直接填写个数(&amp;C)</source>
        <translation>直接填写个数(&amp;C)</translation>
    </message>
    <message>
        <source>不登记各项，直接选择达到的最高级别</source>
        <translation>不登记各项，直接选择达到的最高级别</translation>
    </message>
    <message>
        <source>不登记各项，直接填写各级别的项数</source>
        <translation>不登记各项，直接填写各级别的项数</translation>
    </message>
    <message>
        <source>得分按下方登记表算出：每项获奖或项目登记一行。</source>
        <translation>得分按下方登记表算出：每项获奖或项目登记一行。</translation>
    </message>
    <message>
        <source>登记表中已有 {0} 项，还没有计入得分：请按“按登记表计分”。</source>
        <translation>登记表中已有 {0} 项，还没有计入得分：请按“按登记表计分”。</translation>
    </message>
    <message>
        <source>登记第一项后即计分。</source>
        <translation>登记第一项后即计分。</translation>
    </message>
    <message>
        <source>先前直接选择的级别仍保留（灰色，不计分），改选“直接选择级别”即按它计分。</source>
        <translation>先前直接选择的级别仍保留（灰色，不计分），改选“直接选择级别”即按它计分。</translation>
    </message>
    <message>
        <source>先前直接填写的个数仍保留（灰色，不计分），改选“直接填写个数”即按它们计分。</source>
        <translation>先前直接填写的个数仍保留（灰色，不计分），改选“直接填写个数”即按它们计分。</translation>
    </message>
    <message>
        <source>得分按下面直接选择的最高级别算出。</source>
        <translation>得分按下面直接选择的最高级别算出。</translation>
    </message>
    <message>
        <source>得分按下面直接填写的个数算出。</source>
        <translation>得分按下面直接填写的个数算出。</translation>
    </message>
    <message>
        <source>登记表中的 {0} 项仍保留（灰色，不计分），改选“逐项登记”即按登记表计分。</source>
        <translation>登记表中的 {0} 项仍保留（灰色，不计分），改选“逐项登记”即按登记表计分。</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>添加文件…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>移除文件</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>撤销移除文件</source>
        <translation>撤销移除文件</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>佐证文件列表</source>
        <translation>佐证文件列表</translation>
    </message>
    <message>
        <source>PDF、Word、表格、手机录音（m4a/mp3/amr/wav）。Enter 打开，Delete 移除。</source>
        <translation>PDF、Word、表格、手机录音（m4a/mp3/amr/wav）。Enter 打开，Delete 移除。</translation>
    </message>
    <message>
        <source>{0}
校验值 SHA-256：{1}</source>
        <translation>{0}
校验值 SHA-256：{1}</translation>
    </message>
    <message>
        <source>添加佐证文件</source>
        <translation>添加佐证文件</translation>
    </message>
    <message>
        <source>佐证文件</source>
        <translation>佐证文件</translation>
    </message>
    <message>
        <source>正在检查并保存文件…</source>
        <translation>正在检查并保存文件…</translation>
    </message>
    <message>
        <source>已取消，没有添加任何文件</source>
        <translation>已取消，没有添加任何文件</translation>
    </message>
    <message>
        <source>已添加 {0} 个佐证文件</source>
        <translation>已添加 {0} 个佐证文件</translation>
    </message>
    <message>
        <source>；{0} 个未添加：{1}</source>
        <translation>；{0} 个未添加：{1}</translation>
    </message>
    <message>
        <source>已用系统程序打开“{0}”（副本，原件不会被改动）</source>
        <translation>已用系统程序打开“{0}”（副本，原件不会被改动）</translation>
    </message>
    <message>
        <source>本机没有能打开“{0}”的程序；副本在 {1}</source>
        <translation>本机没有能打开“{0}”的程序；副本在 {1}</translation>
    </message>
    <message>
        <source>已移除“{0}”（可撤销）</source>
        <translation>已移除“{0}”（可撤销）</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Y 是 · N 否 · A 不适用</source>
        <translation>Y 是 · N 否 · A 不适用</translation>
    </message>
    <message>
        <source>每项 × {0} 分；</source>
        <translation>每项 × {0} 分；</translation>
    </message>
    <message>
        <source>填写个数，0 即没有</source>
        <translation>填写个数，0 即没有</translation>
    </message>
    <message>
        <source>填写个数，0 即无缺项</source>
        <translation>填写个数，0 即无缺项</translation>
    </message>
    <message>
        <source>↑↓ 选择（Alt+↓ 展开列表）</source>
        <translation>↑↓ 选择（Alt+↓ 展开列表）</translation>
    </message>
    <message>
        <source>可填：</source>
        <translation>可填：</translation>
    </message>
    <message>
        <source>填写 {0}–{1}{2}</source>
        <translation>填写 {0}–{1}{2}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <source>一项也没有：记为 0（空格键切换）</source>
        <translation>一项也没有：记为 0（空格键切换）</translation>
    </message>
    <message>
        <source>无缺项</source>
        <translation>无缺项</translation>
    </message>
    <message>
        <source>一项也不缺：记为 0（空格键切换）</source>
        <translation>一项也不缺：记为 0（空格键切换）</translation>
    </message>
    <message>
        <source>（{0} 分）</source>
        <translation>（{0} 分）</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>所有文件</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>{0} 文件</source>
        <translation>{0} 文件</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <source>定稿：{0}</source>
        <translation>定稿：{0}</translation>
    </message>
    <message>
        <source>定稿后，反馈报告、专家组数据包和教育局公布的都是这一版结果；之后的修改须写明理由，成为新的一版，原版本保留。</source>
        <translation>定稿后，反馈报告、专家组数据包和教育局公布的都是这一版结果；之后的修改须写明理由，成为新的一版，原版本保留。</translation>
    </message>
    <message>
        <source>已定稿第 {0} 版（{1}）。</source>
        <translation>已定稿第 {0} 版（{1}）。</translation>
    </message>
    <message>
        <source>定稿后再修改时必填</source>
        <translation>定稿后再修改时必填</translation>
    </message>
    <message>
        <source>考核日期(&amp;V)：</source>
        <translation>考核日期(&amp;V)：</translation>
    </message>
    <message>
        <source>反馈会日期(&amp;M)：</source>
        <translation>反馈会日期(&amp;M)：</translation>
    </message>
    <message>
        <source>修改理由(&amp;R)：</source>
        <translation>修改理由(&amp;R)：</translation>
    </message>
    <message>
        <source>定稿(&amp;F)</source>
        <translation>定稿(&amp;F)</translation>
    </message>
    <message>
        <source>集团 {0} 有 {1} 项整改事项的整改时限早于考核日期 {2}。请在“专家组意见”的整改事项中选中该项，点“修改”改正整改时限（或改正考核日期），再定稿：</source>
        <translation>集团 {0} 有 {1} 项整改事项的整改时限早于考核日期 {2}。请在“专家组意见”的整改事项中选中该项，点“修改”改正整改时限（或改正考核日期），再定稿：</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>专家组意见写入反馈报告。输入即保存。</source>
        <translation>专家组意见写入反馈报告。输入即保存。</translation>
    </message>
    <message>
        <source>主要成绩(&amp;A)</source>
        <translation>主要成绩(&amp;A)</translation>
    </message>
    <message>
        <source>存在问题(&amp;Q)</source>
        <translation>存在问题(&amp;Q)</translation>
    </message>
    <message>
        <source>整改建议(&amp;S)</source>
        <translation>整改建议(&amp;S)</translation>
    </message>
    <message>
        <source>专家组意见：{0}</source>
        <translation>专家组意见：{0}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>数字，如 85</source>
        <translation>数字，如 85</translation>
    </message>
    <message>
        <source>百分数，如 85%</source>
        <translation>百分数，如 85%</translation>
    </message>
    <message>
        <source>完成数/应完成数 或 得分/满分，如 5/7、8.5/10</source>
        <translation>完成数/应完成数 或 得分/满分，如 5/7、8.5/10</translation>
    </message>
    <message>
        <source>直接给分，如 3.5分</source>
        <translation>直接给分，如 3.5分</translation>
    </message>
    <message>
        <source>是（按 100% 计）或 否（按 0 计）</source>
        <translation>是（按 100% 计）或 否（按 0 计）</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>使用手册(&amp;M)</source>
        <translation>使用手册(&amp;M)</translation>
    </message>
    <message>
        <source>快捷键一览(&amp;K)…</source>
        <translation>快捷键一览(&amp;K)…</translation>
    </message>
    <message>
        <source>关于 Inspector 督导考核(&amp;A)…</source>
        <translation>关于 Inspector 督导考核(&amp;A)…</translation>
    </message>
    <message>
        <source>使用手册</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <source>没有找到使用手册（{0}）。</source>
        <translation>没有找到使用手册（{0}）。</translation>
    </message>
    <message>
        <source>这台电脑上没有能打开 PDF 文件的程序，使用手册没有打开。</source>
        <translation>这台电脑上没有能打开 PDF 文件的程序，使用手册没有打开。</translation>
    </message>
    <message>
        <source>使用手册是文件夹“{0}”里的文件“{1}”。可以复制它的位置，或打开这个文件夹，把手册拷到有 PDF 阅读器的电脑上阅读。</source>
        <translation>使用手册是文件夹“{0}”里的文件“{1}”。可以复制它的位置，或打开这个文件夹，把手册拷到有 PDF 阅读器的电脑上阅读。</translation>
    </message>
    <message>
        <source>复制位置(&amp;C)</source>
        <translation>复制位置(&amp;C)</translation>
    </message>
    <message>
        <source>打开所在文件夹(&amp;F)</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>集团化办学督导考核</source>
        <translation>集团化办学督导考核</translation>
    </message>
    <message>
        <source>考核计划(&amp;A)：</source>
        <translation>考核计划(&amp;A)：</translation>
    </message>
    <message>
        <source>这个数据文件夹里还没有考核计划。可以先打开演示考核看一看（一键建立，内容都标有“演示”），或者新建考核。</source>
        <translation>这个数据文件夹里还没有考核计划。可以先打开演示考核看一看（一键建立，内容都标有“演示”），或者新建考核。</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>新建考核(&amp;N)…</source>
        <translation>新建考核(&amp;N)…</translation>
    </message>
    <message>
        <source>打开演示考核(&amp;D)</source>
        <translation>打开演示考核(&amp;D)</translation>
    </message>
    <message>
        <source>导入考核计划包(&amp;I)…</source>
        <translation>导入考核计划包(&amp;I)…</translation>
    </message>
    <message>
        <source>教育局发来的签名考核计划包（.zip）</source>
        <translation>教育局发来的签名考核计划包（.zip）</translation>
    </message>
    <message>
        <source>数据文件夹：{0}</source>
        <translation>数据文件夹：{0}</translation>
    </message>
    <message>
        <source>{0}/{1} 项已评</source>
        <translation>{0}/{1} 项已评</translation>
    </message>
    <message>
        <source>专家：{0}</source>
        <translation>专家：{0}</translation>
    </message>
    <message>
        <source>（打开考核后确定）</source>
        <translation>（打开考核后确定）</translation>
    </message>
    <message>
        <source>本机密钥指纹：{0}</source>
        <translation>本机密钥指纹：{0}</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>您是哪位专家？</source>
        <translation>您是哪位专家？</translation>
    </message>
    <message>
        <source>考核计划“{0}”：请选择您在本次考核中的身份。选择专家后才能录入评分；本机密钥指纹 {1}。</source>
        <translation>考核计划“{0}”：请选择您在本次考核中的身份。选择专家后才能录入评分；本机密钥指纹 {1}。</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>（计划登记了另一把密钥）</source>
        <translation>（计划登记了另一把密钥）</translation>
    </message>
    <message>
        <source>教育局（签发本计划的电脑）</source>
        <translation>教育局（签发本计划的电脑）</translation>
    </message>
    <message>
        <source>只查看，不录入评分</source>
        <translation>只查看，不录入评分</translation>
    </message>
    <message>
        <source>请先选择一项。</source>
        <translation>请先选择一项。</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>◀ 上一项</source>
        <translation>◀ 上一项</translation>
    </message>
    <message>
        <source>下一项 ▶</source>
        <translation>下一项 ▶</translation>
    </message>
    <message>
        <source>下一未评项 ▶▶</source>
        <translation>下一未评项 ▶▶</translation>
    </message>
    <message>
        <source>Alt+← 或 Ctrl+PgUp</source>
        <translation>Alt+← 或 Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Alt+→ 或 Ctrl+PgDown</source>
        <translation>Alt+→ 或 Ctrl+PgDown</translation>
    </message>
    <message>
        <source>F8：跳到下一项还没有评完的指标</source>
        <translation>F8：跳到下一项还没有评完的指标</translation>
    </message>
    <message>
        <source>评分规则</source>
        <translation>评分规则</translation>
    </message>
    <message>
        <source>评分标准</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>对照</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>上年整改</source>
        <translation>上年整改</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>佐证材料（已查阅的打勾）</source>
        <translation>佐证材料（已查阅的打勾）</translation>
    </message>
    <message>
        <source>评价方式（已完成的打勾）</source>
        <translation>评价方式（已完成的打勾）</translation>
    </message>
    <message>
        <source>现场看到的事实、问题、需要核实的地方…</source>
        <translation>现场看到的事实、问题、需要核实的地方…</translation>
    </message>
    <message>
        <source>分</source>
        <translation>分</translation>
    </message>
    <message>
        <source>已改为“{0}”；另一种方式已填的内容都保留着，随时可以改回。</source>
        <translation>已改为“{0}”；另一种方式已填的内容都保留着，随时可以改回。</translation>
    </message>
    <message>
        <source>{0}/{1} 校已评（全部评完后计入领域得分）</source>
        <translation>{0}/{1} 校已评（全部评完后计入领域得分）</translation>
    </message>
    <message>
        <source>不在本人分工内（只可查看）</source>
        <translation>不在本人分工内（只可查看）</translation>
    </message>
    <message>
        <source>{0}（{1}，整改时限 {2}）</source>
        <translation>{0}（{1}，整改时限 {2}）</translation>
    </message>
    <message>
        <source>备注(&amp;Z)</source>
        <translation>备注(&amp;Z)</translation>
    </message>
    <message>
        <source>照片(&amp;X)</source>
        <translation>照片(&amp;X)</translation>
    </message>
    <message>
        <source>佐证文件（文档、表格、录音）(&amp;W)</source>
        <translation>佐证文件（文档、表格、录音）(&amp;W)</translation>
    </message>
    <message>
        <source>自评分：{0}</source>
        <translation>自评分：{0}</translation>
    </message>
    <message>
        <source>上年（{0}）本领域得分：{1}</source>
        <translation>上年（{0}）本领域得分：{1}</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>▲ 需注意：与学校自评分 {0} 分相差 {1} 分，达到该项满分的两成；请核对佐证</source>
        <translation>▲ 需注意：与学校自评分 {0} 分相差 {1} 分，达到该项满分的两成；请核对佐证</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>本机</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>已信任</source>
        <translation>已信任</translation>
    </message>
    <message>
        <source>已吊销</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>见过，未信任</source>
        <translation>见过，未信任</translation>
    </message>
    <message>
        <source>密钥</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>本机指纹（交换数据包前念给对方核对）：</source>
        <translation>本机指纹（交换数据包前念给对方核对）：</translation>
    </message>
    <message>
        <source>导出公钥(&amp;E)…</source>
        <translation>导出公钥(&amp;E)…</translation>
    </message>
    <message>
        <source>密钥列表(&amp;L)：</source>
        <translation>密钥列表(&amp;L)：</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>指纹</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>核对指纹后信任(&amp;T)…</source>
        <translation>核对指纹后信任(&amp;T)…</translation>
    </message>
    <message>
        <source>吊销(&amp;R)…</source>
        <translation>吊销(&amp;R)…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>导出公钥</source>
        <translation>导出公钥</translation>
    </message>
    <message>
        <source>公钥文件</source>
        <translation>公钥文件</translation>
    </message>
    <message>
        <source>已导出公钥：{0}</source>
        <translation>已导出公钥：{0}</translation>
    </message>
    <message>
        <source>吊销密钥</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>吊销 {0}（{1}）的理由：</source>
        <translation>吊销 {0}（{1}）的理由：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>数据包(&amp;B)</source>
        <translation>数据包(&amp;B)</translation>
    </message>
    <message>
        <source>导出我的数据包(&amp;E)…</source>
        <translation>导出我的数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>导入数据包(&amp;I)…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>完成检查(&amp;C)…</source>
        <translation>完成检查(&amp;C)…</translation>
    </message>
    <message>
        <source>我的身份(&amp;W)…</source>
        <translation>我的身份(&amp;W)…</translation>
    </message>
    <message>
        <source>密钥(&amp;K)…</source>
        <translation>密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>数据(&amp;T)</source>
        <translation>数据(&amp;T)</translation>
    </message>
    <message>
        <source>备份与恢复(&amp;B)…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>立即备份(&amp;N)</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <source>专家组(&amp;P)</source>
        <translation>专家组(&amp;P)</translation>
    </message>
    <message>
        <source>合议(&amp;C)</source>
        <translation>合议(&amp;C)</translation>
    </message>
    <message>
        <source>导出专家组数据包(&amp;E)…</source>
        <translation>导出专家组数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>报告(&amp;R)</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>生成现场反馈报告(&amp;R)…</source>
        <translation>生成现场反馈报告(&amp;R)…</translation>
    </message>
    <message>
        <source>打印评分表(&amp;P)…</source>
        <translation>打印评分表(&amp;P)…</translation>
    </message>
    <message>
        <source>生成合议记录(&amp;M)…</source>
        <translation>生成合议记录(&amp;M)…</translation>
    </message>
    <message>
        <source>反馈会记录(&amp;H)…</source>
        <translation>反馈会记录(&amp;H)…</translation>
    </message>
    <message>
        <source>教育局(&amp;U)</source>
        <translation>教育局(&amp;U)</translation>
    </message>
    <message>
        <source>汇总排名(&amp;A)</source>
        <translation>汇总排名(&amp;A)</translation>
    </message>
    <message>
        <source>导出结果工作簿(&amp;X)…</source>
        <translation>导出结果工作簿(&amp;X)…</translation>
    </message>
    <message>
        <source>导出公示（PDF 或 Word）(&amp;P)…</source>
        <translation>导出公示（PDF 或 Word）(&amp;P)…</translation>
    </message>
    <message>
        <source>公示信息(&amp;I)…</source>
        <translation>公示信息(&amp;I)…</translation>
    </message>
    <message>
        <source>导出考核计划包(&amp;K)…</source>
        <translation>导出考核计划包(&amp;K)…</translation>
    </message>
    <message>
        <source>这是演示考核：内容都是编造的，标有“演示”。开始真正的考核：“考核 → 导入考核计划包”（教育局发来的计划包），或“考核 → 新建考核”。</source>
        <translation>这是演示考核：内容都是编造的，标有“演示”。开始真正的考核：“考核 → 导入考核计划包”（教育局发来的计划包），或“考核 → 新建考核”。</translation>
    </message>
    <message>
        <source>Inspector 督导考核</source>
        <translation>Inspector 督导考核</translation>
    </message>
    <message>
        <source>每一次改动都立即存入本机数据库；这里显示最近一次保存的时间</source>
        <translation>每一次改动都立即存入本机数据库；这里显示最近一次保存的时间</translation>
    </message>
    <message>
        <source>考核(&amp;K)</source>
        <translation>考核(&amp;K)</translation>
    </message>
    <message>
        <source>主页(&amp;H)</source>
        <translation>主页(&amp;H)</translation>
    </message>
    <message>
        <source>新建考核(&amp;N)…</source>
        <translation>新建考核(&amp;N)…</translation>
    </message>
    <message>
        <source>打开演示考核(&amp;D)</source>
        <translation>打开演示考核(&amp;D)</translation>
    </message>
    <message>
        <source>导入考核计划包(&amp;I)…</source>
        <translation>导入考核计划包(&amp;I)…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>导航(&amp;G)</source>
        <translation>导航(&amp;G)</translation>
    </message>
    <message>
        <source>搜索指标内容(&amp;F)…</source>
        <translation>搜索指标内容(&amp;F)…</translation>
    </message>
    <message>
        <source>下一项指标(&amp;X)</source>
        <translation>下一项指标(&amp;X)</translation>
    </message>
    <message>
        <source>上一项指标(&amp;P)</source>
        <translation>上一项指标(&amp;P)</translation>
    </message>
    <message>
        <source>下一未评项(&amp;N)</source>
        <translation>下一未评项(&amp;N)</translation>
    </message>
    <message>
        <source>下一所学校(&amp;S)</source>
        <translation>下一所学校(&amp;S)</translation>
    </message>
    <message>
        <source>上一所学校(&amp;U)</source>
        <translation>上一所学校(&amp;U)</translation>
    </message>
    <message>
        <source>跳到指标编号(&amp;G)…</source>
        <translation>跳到指标编号(&amp;G)…</translation>
    </message>
    <message>
        <source>选择集团(&amp;J)…</source>
        <translation>选择集团(&amp;J)…</translation>
    </message>
    <message>
        <source>指标树(&amp;T)</source>
        <translation>指标树(&amp;T)</translation>
    </message>
    <message>
        <source>评分页(&amp;1)</source>
        <translation>评分页(&amp;1)</translation>
    </message>
    <message>
        <source>专家组意见(&amp;2)</source>
        <translation>专家组意见(&amp;2)</translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>未选择身份，不能录入评分</source>
        <translation>未选择身份，不能录入评分</translation>
    </message>
    <message>
        <source>本集团分给您的指标都已评完</source>
        <translation>本集团分给您的指标都已评完</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>最近一次保存：{0}</source>
        <translation>最近一次保存：{0}</translation>
    </message>
    <message>
        <source>还没有填写任何内容</source>
        <translation>还没有填写任何内容</translation>
    </message>
    <message>
        <source>未保存</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>界面语言将在下次启动时切换</source>
        <translation>界面语言将在下次启动时切换</translation>
    </message>
</context>
<context>
    <name>MarkupEditor</name>
    <message>
        <source>照片标注画布</source>
        <translation>照片标注画布</translation>
    </message>
    <message>
        <source>标注文字</source>
        <translation>标注文字</translation>
    </message>
    <message>
        <source>要写在照片上的字（最多 {0} 字）：</source>
        <translation>要写在照片上的字（最多 {0} 字）：</translation>
    </message>
    <message>
        <source>标注照片 — {0}</source>
        <translation>标注照片 — {0}</translation>
    </message>
    <message>
        <source>圈</source>
        <translation>圈</translation>
    </message>
    <message>
        <source>箭头</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>添加到中间（Enter）</source>
        <translation>添加到中间（Enter）</translation>
    </message>
    <message>
        <source>撤销（Ctrl+Z）</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>删除所选（Delete）</source>
        <translation>删除所选（Delete）</translation>
    </message>
    <message>
        <source>全部清除</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>拖动画圈或箭头，单击写字。键盘：1/2/3 选工具，Enter 在中间添加，方向键移动所选（Shift 移得更远），N 选下一个，Delete 删除，Ctrl+Z 撤销，Ctrl+S 保存，Esc 取消。原图不会改动，标注单独保存。</source>
        <translation>拖动画圈或箭头，单击写字。键盘：1/2/3 选工具，Enter 在中间添加，方向键移动所选（Shift 移得更远），N 选下一个，Delete 删除，Ctrl+Z 撤销，Ctrl+S 保存，Esc 取消。原图不会改动，标注单独保存。</translation>
    </message>
    <message>
        <source>保存标注（Ctrl+S）</source>
        <translation>保存标注（Ctrl+S）</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>反馈会记录 — {0}</source>
        <translation>反馈会记录 — {0}</translation>
    </message>
    <message>
        <source>写入现场反馈报告的“反馈会”一节。</source>
        <translation>写入现场反馈报告的“反馈会”一节。</translation>
    </message>
    <message>
        <source>只有本计划的组长可以记录反馈会；这里只能查看。</source>
        <translation>只有本计划的组长可以记录反馈会；这里只能查看。</translation>
    </message>
    <message>
        <source>如 2024-09-26 15:30</source>
        <translation>如 2024-09-26 15:30</translation>
    </message>
    <message>
        <source>考核组成员，集团和学校的参会人员</source>
        <translation>考核组成员，集团和学校的参会人员</translation>
    </message>
    <message>
        <source>被考核单位对反馈意见的表态</source>
        <translation>被考核单位对反馈意见的表态</translation>
    </message>
    <message>
        <source>时间(&amp;T)：</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>地点(&amp;P)：</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>参加人员(&amp;A)：</source>
        <translation>参加人员(&amp;A)：</translation>
    </message>
    <message>
        <source>单位意见(&amp;R)：</source>
        <translation>单位意见(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>MergeResults</name>
    <message>
        <source>请与发送人当面核对指纹，然后点“核对指纹后信任”。</source>
        <translation>请与发送人当面核对指纹，然后点“核对指纹后信任”。</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>签名人指纹：</source>
        <translation>签名人指纹：</translation>
    </message>
    <message>
        <source>核对指纹后信任(&amp;T)…</source>
        <translation>核对指纹后信任(&amp;T)…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>共 {0} 个文件：{1} 个已导入</source>
        <translation>共 {0} 个文件：{1} 个已导入</translation>
    </message>
    <message>
        <source>，{0} 个暂缓（签名人尚未受信任）</source>
        <translation>，{0} 个暂缓（签名人尚未受信任）</translation>
    </message>
    <message>
        <source>，{0} 个未导入</source>
        <translation>，{0} 个未导入</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>未开始</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>需注意</source>
        <translation>需注意</translation>
    </message>
    <message>
        <source>还没有填写任何内容</source>
        <translation>还没有填写任何内容</translation>
    </message>
    <message>
        <source>已填写一部分，还不能计分</source>
        <translation>已填写一部分，还不能计分</translation>
    </message>
    <message>
        <source>已评分（或已答“不适用”）</source>
        <translation>已评分（或已答“不适用”）</translation>
    </message>
    <message>
        <source>需注意：填写有错误，或与学校自评分相差达到该项满分的两成</source>
        <translation>需注意：填写有错误，或与学校自评分相差达到该项满分的两成</translation>
    </message>
    <message>
        <source>集团(&amp;J)：</source>
        <translation>集团(&amp;J)：</translation>
    </message>
    <message>
        <source>“几/几 项已评”数的是分给您评的项：集团整体的每项指标算一项，逐校评分的指标（如 C20）每所学校各算一项，所以可能比右栏数的指标多</source>
        <translation>“几/几 项已评”数的是分给您评的项：集团整体的每项指标算一项，逐校评分的指标（如 C20）每所学校各算一项，所以可能比右栏数的指标多</translation>
    </message>
    <message>
        <source>{0}/{1} 项已评</source>
        <translation>{0}/{1} 项已评</translation>
    </message>
    <message>
        <source>分给您评的 {1} 项中已评 {0} 项（逐校评分的指标每所学校各算一项）</source>
        <translation>分给您评的 {1} 项中已评 {0} 项（逐校评分的指标每所学校各算一项）</translation>
    </message>
    <message>
        <source>跳到指标编号，如 C5（Ctrl+G）</source>
        <translation>跳到指标编号，如 C5（Ctrl+G）</translation>
    </message>
    <message>
        <source>搜索指标内容（Ctrl+F）</source>
        <translation>搜索指标内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>▲ 需注意：有错误，或与自评分相差达到满分的两成</source>
        <translation>▲ 需注意：有错误，或与自评分相差达到满分的两成</translation>
    </message>
    <message>
        <source> {0}/{1} 校</source>
        <translation> {0}/{1} 校</translation>
    </message>
    <message>
        <source>逐校评分：{0}/{1} 校已评，全部评完后计入领域得分</source>
        <translation>逐校评分：{0}/{1} 校已评，全部评完后计入领域得分</translation>
    </message>
    <message>
        <source>不在本人分工内</source>
        <translation>不在本人分工内</translation>
    </message>
    <message>
        <source>{0}　{1}/{2} 项 · {3} 分</source>
        <translation>{0}　{1}/{2} 项 · {3} 分</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>正在取消…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PanelAnswer</name>
    <message>
        <source>考核组改定得分，或本项不适用</source>
        <translation>考核组改定得分，或本项不适用</translation>
    </message>
    <message>
        <source>改定得分</source>
        <translation>改定得分</translation>
    </message>
    <message>
        <source>撤销改定</source>
        <translation>撤销改定</translation>
    </message>
    <message>
        <source>回到按计分办法得出的分数（改定得分和理由一并删除，历史记录保留）</source>
        <translation>回到按计分办法得出的分数（改定得分和理由一并删除，历史记录保留）</translation>
    </message>
    <message>
        <source>改定得分(&amp;O)：</source>
        <translation>改定得分(&amp;O)：</translation>
    </message>
    <message>
        <source>为什么不按计分办法给分（必填），如：按评分标准原文，缺一项扣0.5分适用于全部5分</source>
        <translation>为什么不按计分办法给分（必填），如：按评分标准原文，缺一项扣0.5分适用于全部5分</translation>
    </message>
    <message>
        <source>改定理由</source>
        <translation>改定理由</translation>
    </message>
    <message>
        <source>改定理由(&amp;E)：</source>
        <translation>改定理由(&amp;E)：</translation>
    </message>
    <message>
        <source>本项不适用(&amp;N)</source>
        <translation>本项不适用(&amp;N)</translation>
    </message>
    <message>
        <source>不适用的理由（必填），如：本集团没有农村学校</source>
        <translation>不适用的理由（必填），如：本集团没有农村学校</translation>
    </message>
    <message>
        <source>不适用的理由</source>
        <translation>不适用的理由</translation>
    </message>
    <message>
        <source>0 至 {0} 分；空着即按计分办法</source>
        <translation>0 至 {0} 分；空着即按计分办法</translation>
    </message>
    <message>
        <source>本项不适用：不计分，也不计入应评项数</source>
        <translation>本项不适用：不计分，也不计入应评项数</translation>
    </message>
    <message>
        <source>按计分办法：{0} 分　→　考核组改定：{1} 分</source>
        <translation>按计分办法：{0} 分　→　考核组改定：{1} 分</translation>
    </message>
    <message>
        <source>按计分办法：{0} 分（未改定）</source>
        <translation>按计分办法：{0} 分（未改定）</translation>
    </message>
    <message>
        <source>改定得分须写明理由：写下理由后才保存</source>
        <translation>改定得分须写明理由：写下理由后才保存</translation>
    </message>
    <message>
        <source>请写明本项不适用的理由：写下理由后才保存</source>
        <translation>请写明本项不适用的理由：写下理由后才保存</translation>
    </message>
</context>
<context>
    <name>PhotosView</name>
    <message>
        <source>添加照片…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>说明…</source>
        <translation>说明…</translation>
    </message>
    <message>
        <source>标注…</source>
        <translation>标注…</translation>
    </message>
    <message>
        <source>选入报告</source>
        <translation>选入报告</translation>
    </message>
    <message>
        <source>选入的照片印在现场反馈报告的“附：现场照片”中（新添加的照片默认选入）</source>
        <translation>选入的照片印在现场反馈报告的“附：现场照片”中（新添加的照片默认选入）</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>撤销移除</source>
        <translation>撤销移除</translation>
    </message>
    <message>
        <source>可把照片或文件夹拖到这里。Enter 打开原图，Delete 移除；✓ 表示已选入报告。</source>
        <translation>可把照片或文件夹拖到这里。Enter 打开原图，Delete 移除；✓ 表示已选入报告。</translation>
    </message>
    <message>
        <source>（无说明）</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <source>已选入报告</source>
        <translation>已选入报告</translation>
    </message>
    <message>
        <source>未选入报告</source>
        <translation>未选入报告</translation>
    </message>
    <message>
        <source>拍摄时间：</source>
        <translation>拍摄时间：</translation>
    </message>
    <message>
        <source>文件时间：</source>
        <translation>文件时间：</translation>
    </message>
    <message>
        <source>有标注（原图未改动）</source>
        <translation>有标注（原图未改动）</translation>
    </message>
    <message>
        <source>已选入报告 ✓</source>
        <translation>已选入报告 ✓</translation>
    </message>
    <message>
        <source>“{0}”不再选入报告</source>
        <translation>“{0}”不再选入报告</translation>
    </message>
    <message>
        <source>“{0}”已选入报告</source>
        <translation>“{0}”已选入报告</translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>添加文件夹中的照片</source>
        <translation>添加文件夹中的照片</translation>
    </message>
    <message>
        <source>导入照片</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <source>正在导入照片…</source>
        <translation>正在导入照片…</translation>
    </message>
    <message>
        <source>已取消导入，没有添加任何照片</source>
        <translation>已取消导入，没有添加任何照片</translation>
    </message>
    <message>
        <source>已添加 {0} 张照片</source>
        <translation>已添加 {0} 张照片</translation>
    </message>
    <message>
        <source>；{0} 个文件未导入：{1}</source>
        <translation>；{0} 个文件未导入：{1}</translation>
    </message>
    <message>
        <source>已移除 1 张照片（可撤销）</source>
        <translation>已移除 1 张照片（可撤销）</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>新建考核</source>
        <translation>新建考核</translation>
    </message>
    <message>
        <source>——模板，未完成，不能评分</source>
        <translation>——模板，未完成，不能评分</translation>
    </message>
    <message>
        <source>每行一个集团：集团名称（类型）：核心校、成员校、成员校
例：城关教育集团（融合型）：城关小学、东关小学、西关小学</source>
        <translation>每行一个集团：集团名称（类型）：核心校、成员校、成员校
例：城关教育集团（融合型）：城关小学、东关小学、西关小学</translation>
    </message>
    <message>
        <source>组长在前，用顿号分开：张老师、李老师</source>
        <translation>组长在前，用顿号分开：张老师、李老师</translation>
    </message>
    <message>
        <source>名称(&amp;T)：</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <source>指标体系(&amp;R)：</source>
        <translation>指标体系(&amp;R)：</translation>
    </message>
    <message>
        <source>学年(&amp;Y)：</source>
        <translation>学年(&amp;Y)：</translation>
    </message>
    <message>
        <source>阶段(&amp;S)：</source>
        <translation>阶段(&amp;S)：</translation>
    </message>
    <message>
        <source>集团和学校(&amp;G)：</source>
        <translation>集团和学校(&amp;G)：</translation>
    </message>
    <message>
        <source>专家(&amp;E)：</source>
        <translation>专家(&amp;E)：</translation>
    </message>
    <message>
        <source>在这里建立的考核，数据包不加密（没有登记各位专家的公钥），适合演练和不需要保密的考核。需要加密的正式考核，请技术人员用考核名单建立。</source>
        <translation>在这里建立的考核，数据包不加密（没有登记各位专家的公钥），适合演练和不需要保密的考核。需要加密的正式考核，请技术人员用考核名单建立。</translation>
    </message>
    <message>
        <source>供技术人员：命令行 inspector plan create --roster，见使用手册第三章“建立考核计划”。</source>
        <translation>供技术人员：命令行 inspector plan create --roster，见使用手册第三章“建立考核计划”。</translation>
    </message>
    <message>
        <source>完整的指标体系：{0} 项指标，总分 {1} 分</source>
        <translation>完整的指标体系：{0} 项指标，总分 {1} 分</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>公示信息 — {0}</source>
        <translation>公示信息 — {0}</translation>
    </message>
    <message>
        <source>由教育局填写：印在考核结果公示的落款和正文中，整改报告截止日期印在现场反馈报告的整改要求中。日期写成 2024-10-08 这样。</source>
        <translation>由教育局填写：印在考核结果公示的落款和正文中，整改报告截止日期印在现场反馈报告的整改要求中。日期写成 2024-10-08 这样。</translation>
    </message>
    <message>
        <source>发布单位(&amp;B)：</source>
        <translation>发布单位(&amp;B)：</translation>
    </message>
    <message>
        <source>公示开始日期(&amp;S)：</source>
        <translation>公示开始日期(&amp;S)：</translation>
    </message>
    <message>
        <source>公示截止日期(&amp;E)：</source>
        <translation>公示截止日期(&amp;E)：</translation>
    </message>
    <message>
        <source>异议受理方式(&amp;O)：</source>
        <translation>异议受理方式(&amp;O)：</translation>
    </message>
    <message>
        <source>整改报告截止日期(&amp;R)：</source>
        <translation>整改报告截止日期(&amp;R)：</translation>
    </message>
    <message>
        <source>如 沙坡头区教育局</source>
        <translation>如 沙坡头区教育局</translation>
    </message>
    <message>
        <source>电话、邮箱、地址</source>
        <translation>电话、邮箱、地址</translation>
    </message>
</context>
<context>
    <name>RectifyItems</name>
    <message>
        <source>存在问题</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>责任单位 · 责任人</source>
        <translation>责任单位 · 责任人</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>修改整改事项 {0}</source>
        <translation>修改整改事项 {0}</translation>
    </message>
    <message>
        <source>新增整改事项 · {0}</source>
        <translation>新增整改事项 · {0}</translation>
    </message>
    <message>
        <source>不写：所涉指标的一级指标</source>
        <translation>不写：所涉指标的一级指标</translation>
    </message>
    <message>
        <source>如：总校校长 张某</source>
        <translation>如：总校校长 张某</translation>
    </message>
    <message>
        <source>存在问题(&amp;T)：</source>
        <translation>存在问题(&amp;T)：</translation>
    </message>
    <message>
        <source>所涉指标(&amp;I)：</source>
        <translation>所涉指标(&amp;I)：</translation>
    </message>
    <message>
        <source>所涉学校(&amp;C)：</source>
        <translation>所涉学校(&amp;C)：</translation>
    </message>
    <message>
        <source>问题类别(&amp;K)：</source>
        <translation>问题类别(&amp;K)：</translation>
    </message>
    <message>
        <source>整改时限(&amp;D)：</source>
        <translation>整改时限(&amp;D)：</translation>
    </message>
    <message>
        <source>责任单位(&amp;U)：</source>
        <translation>责任单位(&amp;U)：</translation>
    </message>
    <message>
        <source>责任人(&amp;P)：</source>
        <translation>责任人(&amp;P)：</translation>
    </message>
    <message>
        <source>修改理由(&amp;R)：</source>
        <translation>修改理由(&amp;R)：</translation>
    </message>
    <message>
        <source>不勾选学校：全集团。空格键勾选。</source>
        <translation>不勾选学校：全集团。空格键勾选。</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>删去</source>
        <translation>删去</translation>
    </message>
    <message>
        <source>整改事项(&amp;Z)</source>
        <translation>整改事项(&amp;Z)</translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>新增(&amp;N)…</source>
        <translation>新增(&amp;N)…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>删去(&amp;D)…</source>
        <translation>删去(&amp;D)…</translation>
    </message>
    <message>
        <source>编号 {0} · 类别 {1}
{2}</source>
        <translation>编号 {0} · 类别 {1}
{2}</translation>
    </message>
    <message>
        <source>由专家组组长填写，此处只读</source>
        <translation>由专家组组长填写，此处只读</translation>
    </message>
    <message>
        <source>删去整改事项 {0}</source>
        <translation>删去整改事项 {0}</translation>
    </message>
    <message>
        <source>删去“{0}”的理由(&amp;R)（记录保留）：</source>
        <translation>删去“{0}”的理由(&amp;R)（记录保留）：</translation>
    </message>
</context>
<context>
    <name>RectifyRecord</name>
    <message>
        <source>整改情况</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>日期(&amp;D)：</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>状态(&amp;C)：</source>
        <translation>状态(&amp;C)：</translation>
    </message>
    <message>
        <source>被考核单位报告的整改措施和结果</source>
        <translation>被考核单位报告的整改措施和结果</translation>
    </message>
    <message>
        <source>整改情况(&amp;R)：</source>
        <translation>整改情况(&amp;R)：</translation>
    </message>
    <message>
        <source>必填：如 收到整改报告</source>
        <translation>必填：如 收到整改报告</translation>
    </message>
    <message>
        <source>理由(&amp;Y)：</source>
        <translation>理由(&amp;Y)：</translation>
    </message>
    <message>
        <source>记录(&amp;W)</source>
        <translation>记录(&amp;W)</translation>
    </message>
    <message>
        <source>佐证(&amp;E)：</source>
        <translation>佐证(&amp;E)：</translation>
    </message>
    <message>
        <source>添加佐证(&amp;F)…</source>
        <translation>添加佐证(&amp;F)…</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>变更记录(&amp;H)：</source>
        <translation>变更记录(&amp;H)：</translation>
    </message>
    <message>
        <source>在上面的台账中选一项</source>
        <translation>在上面的台账中选一项</translation>
    </message>
    <message>
        <source>
（只有签发本计划的教育局或专家组组长可以记录整改情况）</source>
        <translation>
（只有签发本计划的教育局或专家组组长可以记录整改情况）</translation>
    </message>
    <message>
        <source>（理由：{0}）</source>
        <translation>（理由：{0}）</translation>
    </message>
    <message>
        <source>（日期 {0}）</source>
        <translation>（日期 {0}）</translation>
    </message>
    <message>
        <source>{0}（待记录）</source>
        <translation>{0}（待记录）</translation>
    </message>
    <message>
        <source>没有改变：状态、整改情况和佐证都和记录的一样</source>
        <translation>没有改变：状态、整改情况和佐证都和记录的一样</translation>
    </message>
    <message>
        <source>选择整改佐证文件</source>
        <translation>选择整改佐证文件</translation>
    </message>
    <message>
        <source>整改佐证（{0}）</source>
        <translation>整改佐证（{0}）</translation>
    </message>
    <message>
        <source>添加整改佐证</source>
        <translation>添加整改佐证</translation>
    </message>
    <message>
        <source>正在检查并保存佐证文件…</source>
        <translation>正在检查并保存佐证文件…</translation>
    </message>
    <message>
        <source>系统中没有可以打开“{0}”的程序</source>
        <translation>系统中没有可以打开“{0}”的程序</translation>
    </message>
</context>
<context>
    <name>RectifyView</name>
    <message>
        <source>编号</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>集团</source>
        <translation>集团</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>报告整改日期</source>
        <translation>报告整改日期</translation>
    </message>
    <message>
        <source>复查通过日期</source>
        <translation>复查通过日期</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>整改台账 · {0}</source>
        <translation>整改台账 · {0}</translation>
    </message>
    <message>
        <source>集团(&amp;G)：</source>
        <translation>集团(&amp;G)：</translation>
    </message>
    <message>
        <source>类别(&amp;A)：</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <source>状态(&amp;S)：</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>事项(&amp;L)：</source>
        <translation>事项(&amp;L)：</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>共 {0} 项，逾期 {1} 项（按 {2} 计）</source>
        <translation>共 {0} 项，逾期 {1} 项（按 {2} 计）</translation>
    </message>
</context>
<context>
    <name>RegisterEditor</name>
    <message>
        <source>获奖/项目登记表（本集团）</source>
        <translation>获奖/项目登记表（本集团）</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>已登记的项目</source>
        <translation>已登记的项目</translation>
    </message>
    <message>
        <source>获奖或项目名称，同名视为同一项目</source>
        <translation>获奖或项目名称，同名视为同一项目</translation>
    </message>
    <message>
        <source>名称(&amp;M)：</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>如 2023</source>
        <translation>如 2023</translation>
    </message>
    <message>
        <source>年份：</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>级别(&amp;V)：</source>
        <translation>级别(&amp;V)：</translation>
    </message>
    <message>
        <source>学校：</source>
        <translation>学校：</translation>
    </message>
    <message>
        <source>佐证：证书、文件名或文号</source>
        <translation>佐证：证书、文件名或文号</translation>
    </message>
    <message>
        <source>佐证：</source>
        <translation>佐证：</translation>
    </message>
    <message>
        <source>登记此项(&amp;A)</source>
        <translation>登记此项(&amp;A)</translation>
    </message>
    <message>
        <source>删除所选(&amp;D)</source>
        <translation>删除所选(&amp;D)</translation>
    </message>
    <message>
        <source>每项获奖或项目登记一行，得分自动算出。同一项目登记了不止一次的（如先评为市级、后评为省级），只按最高的级别算一次。</source>
        <translation>每项获奖或项目登记一行，得分自动算出。同一项目登记了不止一次的（如先评为市级、后评为省级），只按最高的级别算一次。</translation>
    </message>
    <message>
        <source>本项只算比 {0} 年多出来的项数，{0} 年的项数是“基数”。</source>
        <translation>本项只算比 {0} 年多出来的项数，{0} 年的项数是“基数”。</translation>
    </message>
    <message>
        <source>基数已从本电脑上 {0} 学年的考核中自动读出（{1} 项），您不用再登记，只登记本期的项目即可。</source>
        <translation>基数已从本电脑上 {0} 学年的考核中自动读出（{1} 项），您不用再登记，只登记本期的项目即可。</translation>
    </message>
    <message>
        <source>本电脑上没有 {0} 学年考核的登记表，基数暂按 0 项算，登记的各项都算新增。如 {1} 年也有获奖，请把那些项目也登记在这里，年份填 {1}：它们只作基数，不加分。</source>
        <translation>本电脑上没有 {0} 学年考核的登记表，基数暂按 0 项算，登记的各项都算新增。如 {1} 年也有获奖，请把那些项目也登记在这里，年份填 {1}：它们只作基数，不加分。</translation>
    </message>
    <message>
        <source>上方“对照”中的 {0} 年总数只供参考，不会自动减去。</source>
        <translation>上方“对照”中的 {0} 年总数只供参考，不会自动减去。</translation>
    </message>
    <message>
        <source>请先填写名称</source>
        <translation>请先填写名称</translation>
    </message>
    <message>
        <source>请先在表中选中要删除的项</source>
        <translation>请先在表中选中要删除的项</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Word 文档</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>生成现场反馈报告</source>
        <translation>生成现场反馈报告</translation>
    </message>
    <message>
        <source>生成合议记录</source>
        <translation>生成合议记录</translation>
    </message>
    <message>
        <source>打印评分表</source>
        <translation>打印评分表</translation>
    </message>
    <message>
        <source>{0} 在 {1} 还没有评分，没有评分表可打印。</source>
        <translation>{0} 在 {1} 还没有评分，没有评分表可打印。</translation>
    </message>
    <message>
        <source>{0} 是一个文件夹，请写出文件名</source>
        <translation>{0} 是一个文件夹，请写出文件名</translation>
    </message>
    <message>
        <source>没有生成文件：{0}</source>
        <translation>没有生成文件：{0}</translation>
    </message>
    <message>
        <source>正在写入 Word 文档…</source>
        <translation>正在写入 Word 文档…</translation>
    </message>
    <message>
        <source>正在排版 PDF…</source>
        <translation>正在排版 PDF…</translation>
    </message>
    <message>
        <source>已取消，没有生成文件</source>
        <translation>已取消，没有生成文件</translation>
    </message>
    <message>
        <source>已生成：{0}</source>
        <translation>已生成：{0}</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>目前得分</source>
        <translation>目前得分</translation>
    </message>
    <message>
        <source>各领域</source>
        <translation>各领域</translation>
    </message>
    <message>
        <source>一票否决</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>（加分）</source>
        <translation>（加分）</translation>
    </message>
    <message>
        <source>一票否决 · 取消资格</source>
        <translation>一票否决 · 取消资格</translation>
    </message>
    <message>
        <source>认定取消“{0}”资格(&amp;Q)</source>
        <translation>认定取消“{0}”资格(&amp;Q)</translation>
    </message>
    <message>
        <source>认定取消“{0}”资格</source>
        <translation>认定取消“{0}”资格</translation>
    </message>
    <message>
        <source>认定否决</source>
        <translation>认定否决</translation>
    </message>
    <message>
        <source>认定否决(&amp;F)</source>
        <translation>认定否决(&amp;F)</translation>
    </message>
    <message>
        <source>查实的事实和理由（认定时必填）</source>
        <translation>查实的事实和理由（认定时必填）</translation>
    </message>
    <message>
        <source>事实和理由（认定否决时必填）</source>
        <translation>事实和理由（认定否决时必填）</translation>
    </message>
    <message>
        <source>{0}：目前得分（{1}）</source>
        <translation>{0}：目前得分（{1}）</translation>
    </message>
    <message>
        <source>上年（{0}）：{1} 分，{2}，第 {3} 名</source>
        <translation>上年（{0}）：{1} 分，{2}，第 {3} 名</translation>
    </message>
    <message>
        <source>认定取消资格须写明查实的事实和理由</source>
        <translation>认定取消资格须写明查实的事实和理由</translation>
    </message>
    <message>
        <source>认定否决须写明事实和理由</source>
        <translation>认定否决须写明事实和理由</translation>
    </message>
    <message>
        <source>未保存：{0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>未保存：离开理由框即保存</source>
        <translation>未保存：离开理由框即保存</translation>
    </message>
    <message>
        <source>已保存：认定取消资格</source>
        <translation>已保存：认定取消资格</translation>
    </message>
    <message>
        <source>已保存：认定否决</source>
        <translation>已保存：认定否决</translation>
    </message>
    <message>
        <source>尚未评分</source>
        <translation>尚未评分</translation>
    </message>
    <message>
        <source>共 {0} 项指标，评分后这里显示暂计得分</source>
        <translation>共 {0} 项指标，评分后这里显示暂计得分</translation>
    </message>
    <message>
        <source>暂计 {0}</source>
        <translation>暂计 {0}</translation>
    </message>
    <message>
        <source>等次待评完（指标已评完 {0}/{1}）</source>
        <translation>等次待评完（指标已评完 {0}/{1}）</translation>
    </message>
    <message>
        <source>等次在全集团 {0} 项指标都评完后给出。逐校评分的指标（如 C20）要每所学校都评完才算评完一项指标，所以这里的数可能比左边“项已评”的少</source>
        <translation>等次在全集团 {0} 项指标都评完后给出。逐校评分的指标（如 C20）要每所学校都评完才算评完一项指标，所以这里的数可能比左边“项已评”的少</translation>
    </message>
    <message>
        <source>含考核组改定得分：{0}</source>
        <translation>含考核组改定得分：{0}</translation>
    </message>
    <message>
        <source>基础分：{0}</source>
        <translation>基础分：{0}</translation>
    </message>
    <message>
        <source>加分：{0}</source>
        <translation>加分：{0}</translation>
    </message>
    <message>
        <source>{0}：逐校指标 {1}/{2} 项，{3} 分</source>
        <translation>{0}：逐校指标 {1}/{2} 项，{3} 分</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <source>下一个 / 上一个输入框，按页面从上到下的顺序</source>
        <translation>下一个 / 上一个输入框，按页面从上到下的顺序</translation>
    </message>
    <message>
        <source>是否题：是 / 否 / 不适用；Delete 清除回“—”</source>
        <translation>是否题：是 / 否 / 不适用；Delete 清除回“—”</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>计数题：直接输入个数，0 表示无缺项（获奖等计数：0 表示没有）</source>
        <translation>计数题：直接输入个数，0 表示无缺项（获奖等计数：0 表示没有）</translation>
    </message>
    <message>
        <source>空格</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>勾选 / 取消勾选；按下按钮</source>
        <translation>勾选 / 取消勾选；按下按钮</translation>
    </message>
    <message>
        <source>在照片或材料列表中：打开原件</source>
        <translation>在照片或材料列表中：打开原件</translation>
    </message>
    <message>
        <source>在照片或材料列表中：移除（可撤销）</source>
        <translation>在照片或材料列表中：移除（可撤销）</translation>
    </message>
    <message>
        <source>跳到本项的备注 / 照片 / 佐证文件</source>
        <translation>跳到本项的备注 / 照片 / 佐证文件</translation>
    </message>
    <message>
        <source>一票否决（右侧得分栏）：认定否决 / 认定取消资格，再写事实和理由</source>
        <translation>一票否决（右侧得分栏）：认定否决 / 认定取消资格，再写事实和理由</translation>
    </message>
    <message>
        <source>带下划线的字母</source>
        <translation>带下划线的字母</translation>
    </message>
    <message>
        <source>打开菜单，或跳到标签旁的输入框</source>
        <translation>打开菜单，或跳到标签旁的输入框</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>整个程序都可以只用键盘操作。菜单里的每一项也都写着它的快捷键。</source>
        <translation>整个程序都可以只用键盘操作。菜单里的每一项也都写着它的快捷键。</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>评分页</source>
        <translation>评分页</translation>
    </message>
    <message>
        <source>打开使用手册(&amp;M)</source>
        <translation>打开使用手册(&amp;M)</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>核对指纹后信任</source>
        <translation>核对指纹后信任</translation>
    </message>
    <message>
        <source>请发送人在他的电脑上打开“数据包 → 密钥”，念出本机指纹；逐组核对下面的指纹，一致才信任。</source>
        <translation>请发送人在他的电脑上打开“数据包 → 密钥”，念出本机指纹；逐组核对下面的指纹，一致才信任。</translation>
    </message>
    <message>
        <source>数据包上的签名人指纹：</source>
        <translation>数据包上的签名人指纹：</translation>
    </message>
    <message>
        <source>对方念出的指纹(&amp;F)：</source>
        <translation>对方念出的指纹(&amp;F)：</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>一致，信任(&amp;T)</source>
        <translation>一致，信任(&amp;T)</translation>
    </message>
    <message>
        <source>您填写的姓名“{0}”与数据包所称的“{1}”不一致：请当面核实是谁的数据包。</source>
        <translation>您填写的姓名“{0}”与数据包所称的“{1}”不一致：请当面核实是谁的数据包。</translation>
    </message>
    <message>
        <source>指纹一致。</source>
        <translation>指纹一致。</translation>
    </message>
    <message>
        <source>指纹一致。请填写姓名。</source>
        <translation>指纹一致。请填写姓名。</translation>
    </message>
    <message>
        <source>指纹不一致：不要信任，请当面再核对一次。</source>
        <translation>指纹不一致：不要信任，请当面再核对一次。</translation>
    </message>
</context>
</TS>