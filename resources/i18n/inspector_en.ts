<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FieldInputs</name>
    <message>
        <location filename="../../inspector_app/ui/inputs.py" line="103" />
        <source>每项 × {0} 分</source>
        <translation>each × {0} pt</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inputs.py" line="108" />
        <source>填写 {0}–{1}{2}</source>
        <translation>enter {0}–{1}{2}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inputs.py" line="114" />
        <source>（{0} 分）</source>
        <translation> ({0} pt)</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <location filename="../../inspector_app/ui/findings_view.py" line="39" />
        <source>专家组意见写入反馈报告。输入即保存。</source>
        <translation>The panel’s findings go into the feedback report. Saved as you type.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings_view.py" line="42" />
        <source>主要成绩(&amp;A)</source>
        <translation>&amp;Achievements</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings_view.py" line="43" />
        <source>存在问题(&amp;B)</source>
        <translation>Pro&amp;blems</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings_view.py" line="44" />
        <source>整改建议(&amp;S)</source>
        <translation>&amp;Suggestions</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings_view.py" line="61" />
        <source>专家组意见：{0}</source>
        <translation>Panel findings: {0}</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="39" />
        <source>集团化办学督导考核</source>
        <translation>Inspection of education groups</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="48" />
        <source>考核计划(&amp;P)：</source>
        <translation>Ins&amp;pections:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="53" />
        <source>这个数据文件夹里还没有考核计划。可以先打开演示考核看一看（一键建立，内容都标有“演示”），或者新建考核。</source>
        <translation>There is no inspection in this data folder yet. Open the demo inspection to look around (made in one click, everything marked 演示), or create an inspection.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="59" />
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="61" />
        <source>新建考核(&amp;N)…</source>
        <translation>&amp;New inspection…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="62" />
        <source>打开演示考核(&amp;D)</source>
        <translation>Open the &amp;demo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="63" />
        <source>导入考核计划包…</source>
        <translation>Import a plan package…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="65" />
        <source>签名的考核计划包，即将提供</source>
        <translation>Signed plan packages: coming soon</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="99" />
        <source>数据文件夹：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="109" />
        <source>专家：{0}</source>
        <translation>Expert: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="109" />
        <source>（打开考核后确定）</source>
        <translation>(set when an inspection is open)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/home_view.py" line="110" />
        <source>本机密钥指纹：{0}</source>
        <translation>Key fingerprint: {0}</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="59" />
        <source>评分规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="61" />
        <source>评分标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="63" />
        <source>对照</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="68" />
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="84" />
        <source>佐证材料（已查阅的打勾）</source>
        <translation>Evidence (tick what you have seen)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="86" />
        <source>评价方式（已完成的打勾）</source>
        <translation>Methods (tick what is done)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="94" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="99" />
        <source>现场看到的事实、问题、需要核实的地方…</source>
        <translation>Facts seen on site, problems, things to check…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="103" />
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="123" />
        <source>分</source>
        <translation>pt</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="126" />
        <source>不在本人分工内（只可查看）</source>
        <translation>not assigned to you (view only)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="154" />
        <source>自评分：{0}</source>
        <translation>Self-score: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/indicator_page.py" line="161" />
        <source>上年（{0}）本领域得分：{1}</source>
        <translation>Last year ({0}), this area: {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="35" />
        <source>Inspector 督导考核</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="107" />
        <source>考核(&amp;K)</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="108" />
        <source>主页(&amp;H)</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="109" />
        <source>新建考核(&amp;N)…</source>
        <translation>&amp;New inspection…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="110" />
        <source>打开演示考核(&amp;D)</source>
        <translation>Open the &amp;demo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="111" />
        <source>导入考核计划包(&amp;I)…</source>
        <translation>&amp;Import a plan package…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="114" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="115" />
        <source>导航(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="117" />
        <source>跳到指标编号(&amp;J)…</source>
        <translation>&amp;Jump to code…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="118" />
        <source>搜索指标内容(&amp;F)…</source>
        <translation>&amp;Find in indicators…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="119" />
        <source>下一项指标(&amp;X)</source>
        <translation>Ne&amp;xt indicator</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="121" />
        <source>上一项指标(&amp;P)</source>
        <translation>&amp;Previous indicator</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="123" />
        <source>下一所学校(&amp;S)</source>
        <translation>Next &amp;school</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="125" />
        <source>上一所学校(&amp;U)</source>
        <translation>Previous sch&amp;ool</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="127" />
        <source>选择集团(&amp;G)…</source>
        <translation>Choose &amp;group…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="128" />
        <source>指标树(&amp;T)</source>
        <translation>Indicator &amp;tree</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="129" />
        <source>评分页(&amp;1)</source>
        <translation>Scoring page (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="130" />
        <source>专家组意见(&amp;2)</source>
        <translation>Panel findings (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="132" />
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="260" />
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="271" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="283" />
        <source>界面语言将在下次启动时切换</source>
        <translation>The language changes at the next start</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="19" />
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="19" />
        <source>进行中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="20" />
        <source>已完成</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="20" />
        <source>需注意</source>
        <translation>check</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="37" />
        <source>集团(&amp;J)：</source>
        <translation>Group (&amp;J):</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="42" />
        <source>跳到指标编号，如 C5（Ctrl+G）</source>
        <translation>Jump to a code, e.g. C5 (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="45" />
        <source>搜索指标内容（Ctrl+F）</source>
        <translation>Search indicators (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="51" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="51" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="100" />
        <source>不在本人分工内</source>
        <translation>not assigned to you</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/navigator.py" line="121" />
        <source>{0}/{1} 项 · {2} 分</source>
        <translation>{0}/{1} · {2} pt</translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message>
        <location filename="../../inspector_app/ui/workers.py" line="64" />
        <source>正在导入照片…</source>
        <translation>Importing photos…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/workers.py" line="64" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/workers.py" line="66" />
        <source>导入照片</source>
        <translation>Import photos</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/workers.py" line="89" />
        <source>正在导入照片 {0}/{1}：{2}</source>
        <translation>Importing photo {0}/{1}: {2}</translation>
    </message>
</context>
<context>
    <name>PhotosView</name>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="34" />
        <source>添加照片(&amp;P)…</source>
        <translation>Add &amp;photos…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="35" />
        <source>添加文件夹…</source>
        <translation>Add a folder…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="36" />
        <source>说明…</source>
        <translation>Caption…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="37" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="38" />
        <source>撤销移除</source>
        <translation>Undo remove</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="53" />
        <source>可把照片或文件夹拖到这里。Enter 打开原图，Delete 移除。</source>
        <translation>Drop photos or folders here. Enter opens the full photo, Delete removes it.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="87" />
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="87" />
        <location filename="../../inspector_app/ui/photos_view.py" line="196" />
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="92" />
        <source>添加文件夹中的照片</source>
        <translation>Add the photos in a folder</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="109" />
        <source>已取消导入，没有添加任何照片</source>
        <translation>Import cancelled; no photo was added</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="111" />
        <source>已添加 {0} 张照片</source>
        <translation>Added {0} photos</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="113" />
        <source>；{0} 个文件未导入：{1}</source>
        <translation>; {0} files not imported: {1}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="153" />
        <source>照片说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="153" />
        <source>说明（写入反馈报告）：</source>
        <translation>Caption (goes into the feedback report):</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photos_view.py" line="168" />
        <source>已移除 1 张照片（可撤销）</source>
        <translation>Removed 1 photo (can be undone)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="33" />
        <source>新建考核</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="48" />
        <source>每行一个集团：集团名称（类型）：核心校、成员校、成员校
例：城关教育集团（融合型）：城关小学、东关小学、西关小学</source>
        <translation>One group a line: group name (type): lead school、member、member
e.g. 城关教育集团（融合型）：城关小学、东关小学、西关小学</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="52" />
        <source>组长在前，用顿号分开：张老师、李老师</source>
        <translation>Panel lead first, separated by 、: 张老师、李老师</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="53" />
        <source>名称(&amp;T)：</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="54" />
        <source>指标体系(&amp;R)：</source>
        <translation>&amp;Rubric:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="55" />
        <source>学年(&amp;Y)：</source>
        <translation>School &amp;year:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="56" />
        <source>阶段(&amp;S)：</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="57" />
        <source>集团和学校(&amp;G)：</source>
        <translation>&amp;Groups and schools:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/plan_dialog.py" line="58" />
        <source>专家(&amp;E)：</source>
        <translation>&amp;Experts:</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="23" />
        <source>目前得分</source>
        <translation>Score so far</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="38" />
        <source>各领域</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="48" />
        <source>一票否决</source>
        <translation>Veto</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="71" />
        <source>（加分）</source>
        <translation> (bonus)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="93" />
        <source>事实和理由（认定否决时必填）</source>
        <translation>Facts and reason (required for a veto)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="98" />
        <source>{0}：目前得分（{1}）</source>
        <translation>{0}: score so far ({1})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="101" />
        <source>上年（{0}）：{1} 分，{2}，第 {3} 名</source>
        <translation>Last year ({0}): {1}, {2}, rank {3}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="118" />
        <source>基础分：{0}</source>
        <translation>Base: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="119" />
        <source>加分：{0}</source>
        <translation>Bonus: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/score_panel.py" line="127" />
        <source>{0}：逐校指标 {1}/{2} 项，{3} 分</source>
        <translation>{0}: per-school {1}/{2}, {3} pt</translation>
    </message>
</context>
</TS>