<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于任务台账</source>
        <translation>About TaskLedger</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;任务台账：地市年度重点任务落实情况的台账、报表与报送材料，离线使用。</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;TaskLedger: the ledger, reports and submission materials of a city&apos;s yearly key tasks, for offline use.</translation>
    </message>
    <message>
        <source>许可</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>随程序附带的字体</source>
        <translation>Fonts shipped with the program</translation>
    </message>
    <message>
        <source>许可证全文见程序目录：{0}</source>
        <translation>Full licence texts are in the program folder: {0}</translation>
    </message>
    <message>
        <source>使用的开源软件库</source>
        <translation>Open-source libraries used</translation>
    </message>
    <message>
        <source>Qt 与 PySide6 以 LGPLv3 许可动态链接使用，可替换为其他兼容版本。</source>
        <translation>Qt and PySide6 are used under the LGPLv3, dynamically linked, and can be replaced by other compatible versions.</translation>
    </message>
    <message>
        <source>关于任务台账(&amp;A)…</source>
        <translation>&amp;About TaskLedger…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>任务台账</source>
        <translation>TaskLedger</translation>
    </message>
    <message>
        <source>找不到台账文件：{0}</source>
        <translation>Ledger file not found: {0}</translation>
    </message>
    <message>
        <source>还没有建立台账，任务台账将退出。
下次启动时会再次询问本单位和填报人。

确定退出吗？</source>
        <translation>No ledger has been created, so TaskLedger will quit.
The next start asks for your unit and name again.

Quit now?</translation>
    </message>
    <message>
        <source>无法打开台账</source>
        <translation>Cannot open the ledger</translation>
    </message>
    <message>
        <source>命令行</source>
        <translation>the command line</translation>
    </message>
    <message>
        <source>任务台账窗口</source>
        <translation>a TaskLedger window</translation>
    </message>
    <message>
        <source>这份台账正由计算机“{0}”上的用户“{1}”用{2}打开（自 {3} 起）。
同一份台账同时只能在一处修改：请等那边关闭后再打开。

台账文件：{4}</source>
        <translation>This ledger is open in {2} of user &quot;{1}&quot; on computer &quot;{0}&quot; (since {3}).
A ledger can be changed in one place at a time: open it again once it is closed there.

Ledger file: {4}</translation>
    </message>
    <message>
        <source>上一个任务台账窗口正在备份并关闭，请稍候…</source>
        <translation>The previous TaskLedger window is backing up and closing, please wait…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>台账正在使用中</source>
        <translation>The ledger is in use</translation>
    </message>
    <message>
        <source>台账类型“{0}”无法识别：文件可能由更新版本的任务台账创建，或已损坏。</source>
        <translation>Unknown ledger type “{0}”: the file may come from a newer TaskLedger, or be damaged.</translation>
    </message>
    <message>
        <source>自动备份未完成</source>
        <translation>Automatic backup failed</translation>
    </message>
    <message>
        <source>台账已保存并关闭，但自动备份失败：
</source>
        <translation>The ledger was saved and closed, but the automatic backup failed:
</translation>
    </message>
    <message>
        <source>正在备份台账…</source>
        <translation>Backing up the ledger…</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>备份时间：{0}
单位：{1}&#x3000;填报人：{2}
方案：{3}
佐证材料：{4} 个&#x3000;程序版本：{5}</source>
        <translation>Backed up: {0}
Unit: {1}  Reporter: {2}
Plan: {3}
Evidence: {4} files  Program version: {5}</translation>
    </message>
    <message>
        <source>
注意：备份时已有 {0} 个佐证材料文件缺失或被改动，恢复后仍缺。</source>
        <translation>
Note: {0} evidence files were already missing or altered when this backup was made; they stay missing after restoring.</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <source>备份到U盘或其他位置(&amp;S)…</source>
        <translation>Back up to a USB &amp;stick or elsewhere…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>选择备份保存的位置（如U盘）</source>
        <translation>Choose where to save the backup (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在备份台账…</source>
        <translation>Backing up the ledger…</translation>
    </message>
    <message>
        <source>正在检查备份 {0}…</source>
        <translation>Checking backup {0}…</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>还有导出或检查在进行，请等它完成后再恢复。</source>
        <translation>An export or check is still running; wait for it to finish before restoring.</translation>
    </message>
    <message>
        <source>备份完好。确定用它替换当前台账吗？

{0}

当前台账会先另存为“恢复前自动”备份。</source>
        <translation>The backup is intact. Replace the current ledger with it?

{0}

The current ledger is first saved as a “before restore” backup.</translation>
    </message>
    <message>
        <source>正在恢复备份 {0}…</source>
        <translation>Restoring backup {0}…</translation>
    </message>
    <message>
        <source>未能恢复</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>已从备份恢复：{0}</source>
        <translation>Restored from backup: {0}</translation>
    </message>
    <message>
        <source>已备份：{2}
佐证材料 {0} 个（{1}）存于同一文件夹的“{3}”中，每个文件只存一份，各次备份共用。</source>
        <translation>Backed up: {2}
{0} evidence files ({1}) are kept in the folder “{3}” beside it, each file once, shared by all backups.</translation>
    </message>
    <message>
        <source>
恢复前的台账已另存为：{0}</source>
        <translation>
The ledger as it was before is saved as: {0}</translation>
    </message>
</context>
<context>
    <name>BackupListDialog</name>
    <message>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>恢复前自动</source>
        <translation>Before restore (automatic)</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>备份保存在：{0}
请选择要恢复的备份。恢复前会先把当前台账另存为一份“恢复前自动”备份。佐证材料存于该文件夹的“{1}”中，复制备份时请连同它一起复制。</source>
        <translation>Backups are kept in: {0}
Choose the backup to restore. The current ledger is first saved as a “before restore” backup. Evidence files are in that folder’s “{1}”; copy it along with a backup.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>备份列表</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>还没有备份。关闭窗口时每天自动备份一次，也可用“工具 → 立即备份”。</source>
        <translation>No backups yet. The ledger is backed up once a day when the window closes, or use Tools → Back up now.</translation>
    </message>
    <message>
        <source>恢复所选备份(&amp;R)…</source>
        <translation>&amp;Restore selected backup…</translation>
    </message>
    <message>
        <source>选择其他备份文件(&amp;O)…</source>
        <translation>&amp;Other backup file…</translation>
    </message>
    <message>
        <source>打开备份文件夹(&amp;F)</source>
        <translation>Open backup &amp;folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>台账备份 (*.zip)</source>
        <translation>Ledger backups (*.zip)</translation>
    </message>
</context>
<context>
    <name>BulkPanel</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>所选举措的新状态</source>
        <translation>New status of the selected measures</translation>
    </message>
    <message>
        <source>选择状态</source>
        <translation>Choose a status</translation>
    </message>
    <message>
        <source>全部设为此状态(&amp;S)</source>
        <translation>Set all to this &amp;status</translation>
    </message>
    <message>
        <source>为所选举措添加同一条进展(&amp;A)…</source>
        <translation>&amp;Add the same progress entry to all…</translation>
    </message>
    <message>
        <source>为所选举措添加同一个佐证文件(&amp;I)…</source>
        <translation>Attach one evidence f&amp;ile to all…</translation>
    </message>
    <message>
        <source>每项操作都可以用“编辑 → 撤销”（Ctrl+Z）整体撤回。只选一项举措时，这里显示它的详细内容。</source>
        <translation>Edit → Undo (Ctrl+Z) takes back each action as a whole. With one measure selected, its details show here.</translation>
    </message>
    <message>
        <source>已选 {0} 项举措</source>
        <translation>{0} measures selected</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source> 等 {0} 项</source>
        <translation> ({0} in all)</translation>
    </message>
    <message>
        <source>{0} 项举措的状态改为“{1}”</source>
        <translation>Set the status of {0} measures to &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>添加进展 — {0} 项举措</source>
        <translation>Add progress — {0} measures</translation>
    </message>
    <message>
        <source>为 {0} 项举措添加进展</source>
        <translation>Add progress to {0} measures</translation>
    </message>
    <message>
        <source>选择佐证材料 — {0} 项举措</source>
        <translation>Choose evidence — {0} measures</translation>
    </message>
    <message>
        <source>已为 {0} 项举措添加 {1} 个佐证材料</source>
        <translation>Attached {1} evidence file(s) to {0} measures</translation>
    </message>
    <message>
        <source>正在为 {0} 项举措添加佐证材料…</source>
        <translation>Attaching evidence to {0} measures…</translation>
    </message>
    <message>
        <source>为 {0} 项举措添加佐证材料</source>
        <translation>Attach evidence to {0} measures</translation>
    </message>
</context>
<context>
    <name>ChangelogDialog</name>
    <message>
        <source>报送材料包 — 第{0}版</source>
        <translation>Submission package — version {0}</translation>
    </message>
    <message>
        <source>变更说明</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>变更说明会写入材料包，省级导入时据此只复核有变化的举措。</source>
        <translation>The changes are written into the package; on import the province reviews only the measures that changed.</translation>
    </message>
    <message>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>报送前检查 — 缺项清单</source>
        <translation>Pre-submission check — missing items</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>举措</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>已完成但无佐证</source>
        <translation>Done without evidence</translation>
    </message>
    <message>
        <source>无进展记录</source>
        <translation>No progress entry</translation>
    </message>
    <message>
        <source>缺指标完成值</source>
        <translation>Figure missing</translation>
    </message>
    <message>
        <source>未确认是否涉及</source>
        <translation>Involvement not confirmed</translation>
    </message>
    <message>
        <source>佐证文件缺失</source>
        <translation>Evidence file missing</translation>
    </message>
    <message>
        <source>佐证文件被改动</source>
        <translation>Evidence file altered</translation>
    </message>
    <message>
        <source>联系信息未填</source>
        <translation>Contact details missing</translation>
    </message>
    <message>
        <source>进展日期存疑</source>
        <translation>Doubtful progress date</translation>
    </message>
    <message>
        <source>不涉及未写理由</source>
        <translation>Not involved, no reason</translation>
    </message>
    <message>
        <source>省级退回修改</source>
        <translation>Returned by the province</translation>
    </message>
    <message>
        <source>单位全称</source>
        <translation>The unit&apos;s full name</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>The contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>The contact phone</translation>
    </message>
    <message>
        <source>尚未确认本单位是否涉及（相关地市举措）</source>
        <translation>Not yet confirmed whether your unit is involved (relevant-units measure)</translation>
    </message>
    <message>
        <source>确认是否涉及 →</source>
        <translation>Confirm involvement →</translation>
    </message>
    <message>
        <source>状态仍为“未启动”</source>
        <translation>Status is still &quot;Not started&quot;</translation>
    </message>
    <message>
        <source>更新状态 →</source>
        <translation>Update the status →</translation>
    </message>
    <message>
        <source>已完成，但没有佐证材料</source>
        <translation>Done, but no evidence attached</translation>
    </message>
    <message>
        <source>添加佐证材料 →</source>
        <translation>Add evidence →</translation>
    </message>
    <message>
        <source>状态为“{0}”，但没有任何进展记录</source>
        <translation>Status is &quot;{0}&quot; but there is no progress entry</translation>
    </message>
    <message>
        <source>添加进展 →</source>
        <translation>Add progress →</translation>
    </message>
    <message>
        <source>量化指标（{0}）未填本单位完成值</source>
        <translation>No figure of your unit for the target ({0})</translation>
    </message>
    <message>
        <source>填写完成值 →</source>
        <translation>Enter the figure →</translation>
    </message>
    <message>
        <source>被省级退回修改：{0}</source>
        <translation>Returned by the province: {0}</translation>
    </message>
    <message>
        <source>被省级退回修改</source>
        <translation>Returned by the province</translation>
    </message>
    <message>
        <source>按审核意见修改 →</source>
        <translation>Revise as the review asks →</translation>
    </message>
    <message>
        <source>已确认不涉及，但没有写理由</source>
        <translation>Confirmed not involved, but without a reason</translation>
    </message>
    <message>
        <source>填写理由 →</source>
        <translation>Give the reason →</translation>
    </message>
    <message>
        <source>一条进展的日期 {0} 晚于今天</source>
        <translation>A progress entry is dated {0}, after today</translation>
    </message>
    <message>
        <source>一条进展的日期 {0} 不在方案的时间范围内</source>
        <translation>A progress entry is dated {0}, outside the plan&apos;s period</translation>
    </message>
    <message>
        <source>查看并修改这条进展 →</source>
        <translation>Check and correct the entry →</translation>
    </message>
    <message>
        <source>佐证材料“{0}”的文件已从台账文件夹中缺失</source>
        <translation>The file of evidence &quot;{0}&quot; is missing from the ledger&apos;s folder</translation>
    </message>
    <message>
        <source>重新添加原文件 →</source>
        <translation>Attach the original again →</translation>
    </message>
    <message>
        <source>佐证材料“{0}”的文件已被改动，与登记时不符</source>
        <translation>The file of evidence &quot;{0}&quot; was altered since it was recorded</translation>
    </message>
    <message>
        <source>重新添加正确的原文件 →</source>
        <translation>Attach the right original again →</translation>
    </message>
    <message>
        <source>{0}未填写（报表和报告中要用）</source>
        <translation>{0} is not filled in (the table and the report print it)</translation>
    </message>
    <message>
        <source>打开台账设置 →</source>
        <translation>Open ledger settings →</translation>
    </message>
    <message>
        <source>缺什么</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>去补齐</source>
        <translation>Fix it</translation>
    </message>
    <message>
        <source>缺项清单</source>
        <translation>Missing items</translation>
    </message>
    <message>
        <source>仍然导出(&amp;E)</source>
        <translation>&amp;Export anyway</translation>
    </message>
    <message>
        <source>取消，先去补齐</source>
        <translation>Cancel and fix first</translation>
    </message>
    <message>
        <source>重新检查(&amp;R)</source>
        <translation>&amp;Recheck</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>没有发现缺项：各项举措、佐证材料和联系信息均已齐全。</source>
        <translation>Nothing is missing: all measures, evidence and contact details are complete.</translation>
    </message>
    <message>
        <source>发现 {0} 处缺项。可以先补齐再导出；确实要按现状报送，请点“仍然导出”。（点一行可转到要补齐的地方）</source>
        <translation>{0} gaps found. You can fix them first, or click &quot;Export anyway&quot; to hand in as it is. (Click a line to go where it is fixed.)</translation>
    </message>
    <message>
        <source>发现 {0} 处缺项，建议报送前补齐。点一行即可转到要补齐的地方。</source>
        <translation>{0} gaps found; better fix them before handing in. Click a line to go where it is fixed.</translation>
    </message>
</context>
<context>
    <name>ConsolidatedWidget</name>
    <message>
        <source>单位 × 任务(&amp;K)</source>
        <translation>Units × tas&amp;ks</translation>
    </message>
    <message>
        <source>单位 × 举措(&amp;J)</source>
        <translation>Units × m&amp;easures</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>↩ 退回修改</source>
        <translation>↩ Returned for revision</translation>
    </message>
    <message>
        <source>汇总矩阵</source>
        <translation>Consolidated matrix</translation>
    </message>
    <message>
        <source>指标汇总</source>
        <translation>Indicator totals</translation>
    </message>
    <message>
        <source>逾期单位</source>
        <translation>Overdue units</translation>
    </message>
    <message>
        <source>指标完成情况（各单位合计与全省目标）</source>
        <translation>Indicators (units&apos; total against the provincial target)</translation>
    </message>
    <message>
        <source>已报送 {0} / {1} 个单位</source>
        <translation>{0} of {1} units submitted</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>{0}：截止日期已过，尚未报送</source>
        <translation>{0}: deadline passed, not submitted</translation>
    </message>
    <message>
        <source>{0}：逾期报送（{1}）</source>
        <translation>{0}: handed in late ({1})</translation>
    </message>
    <message>
        <source>{0}：逾期举措 {1} 项（{2}）</source>
        <translation>{0}: {1} overdue measures ({2})</translation>
    </message>
    <message>
        <source>没有逾期单位</source>
        <translation>No overdue units</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>按状态统计</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>报送期限</source>
        <translation>Submission deadline</translation>
    </message>
    <message>
        <source>各部分完成情况</source>
        <translation>Progress by section</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>量化指标完成情况（竖线为目标）</source>
        <translation>Indicators (the line marks the target)</translation>
    </message>
    <message>
        <source>临期（7天内到期）</source>
        <translation>Due soon (within 7 days)</translation>
    </message>
    <message>
        <source>已完成但无佐证材料</source>
        <translation>Done but without evidence</translation>
    </message>
    <message>
        <source>序时进度（红黄绿灯）</source>
        <translation>Progress against time (lights)</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0}/{1}&#x3000;{2:.0f}%</source>
        <translation>{0}/{1}  {2:.0f}%</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>未填报</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>{0}&#x3000;目标{1}</source>
        <translation>{0}  target {1}</translation>
    </message>
    <message>
        <source>本单位承担的举措中没有量化指标</source>
        <translation>None of your unit&apos;s measures has an indicator</translation>
    </message>
    <message>
        <source>临期（{0}天内到期）</source>
        <translation>Due soon (within {0} days)</translation>
    </message>
    <message>
        <source>{0}：{1} 项</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{0}
截止：{1}&#x3000;状态：{2}</source>
        <translation>{0}
Deadline: {1}  Status: {2}</translation>
    </message>
</context>
<context>
    <name>DaysLeft</name>
    <message>
        <source>距报送截止</source>
        <translation>Until the submission deadline</translation>
    </message>
    <message>
        <source>已超过报送截止</source>
        <translation>Past the submission deadline</translation>
    </message>
    <message>
        <source>{0} 天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>截止日期 {0}</source>
        <translation>Deadline {0}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DivisionRecordDialog</name>
    <message>
        <source>为处室填报</source>
        <translation>Record for a division</translation>
    </message>
    <message>
        <source>处室(&amp;D)：</source>
        <translation>&amp;Division:</translation>
    </message>
    <message>
        <source>举措(&amp;M)：</source>
        <translation>&amp;Measure:</translation>
    </message>
    <message>
        <source>当前：</source>
        <translation>Now:</translation>
    </message>
    <message>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>新增进展(&amp;N)：</source>
        <translation>&amp;New progress entry:</translation>
    </message>
    <message>
        <source>进展日期(&amp;T)：</source>
        <translation>En&amp;try date:</translation>
    </message>
    <message>
        <source>存在问题(&amp;Q)：</source>
        <translation>&amp;Problems:</translation>
    </message>
    <message>
        <source>下一步打算(&amp;X)：</source>
        <translation>Ne&amp;xt steps:</translation>
    </message>
    <message>
        <source>保存(&amp;O)</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>还没有分配了省级举措的处室：请先在“处室与省级举措分工”中设置。</source>
        <translation>No division carries a provincial-level measure yet: set this up first in “Divisions and provincial measures”.</translation>
    </message>
    <message>
        <source>{0}，进展 {1} 条</source>
        <translation>{0}, {1} progress entries</translation>
    </message>
</context>
<context>
    <name>DivisionsDialog</name>
    <message>
        <source>处室与省级举措分工</source>
        <translation>Divisions and provincial measures</translation>
    </message>
    <message>
        <source>责任地市为“--”的举措由省局各处室负责。添加处室，再勾选每条举措由哪个（或哪几个）处室负责；处室可自建台账报送，也可在本台账中直接填报。</source>
        <translation>Measures whose responsible city is “--” are carried out by the provincial office&apos;s divisions. Add the divisions, then tick which division (or divisions) carries each measure. A division can keep its own ledger and hand in, or be recorded for here.</translation>
    </message>
    <message>
        <source>处室名称(&amp;N)：</source>
        <translation>Division &amp;name:</translation>
    </message>
    <message>
        <source>如 保护处</source>
        <translation>e.g. Protection Division</translation>
    </message>
    <message>
        <source>处室名称</source>
        <translation>Division name</translation>
    </message>
    <message>
        <source>添加处室(&amp;A)</source>
        <translation>&amp;Add division</translation>
    </message>
    <message>
        <source>删除所选处室(&amp;R)</source>
        <translation>&amp;Remove selected division</translation>
    </message>
    <message>
        <source>省级举措分工</source>
        <translation>Provincial measures by division</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>落实举措</source>
        <translation>Measure</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>进展内容(&amp;T)：</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>进展内容不能为空</source>
        <translation>The progress entry cannot be empty</translation>
    </message>
    <message>
        <source>一条进展最多 {0} 个字（现有 {1} 个），请分成几条</source>
        <translation>A progress entry holds at most {0} characters (this one has {1}); please split it</translation>
    </message>
    <message>
        <source>日期 {0} 晚于今天（{1}）。</source>
        <translation>The date {0} is after today ({1}).</translation>
    </message>
    <message>
        <source>日期 {0} 不在方案的时间范围内（{1} 至 {2}）。</source>
        <translation>The date {0} is outside the plan&apos;s period ({1} to {2}).</translation>
    </message>
    <message>
        <source>确定按这个日期保存吗？</source>
        <translation>Save it with this date?</translation>
    </message>
</context>
<context>
    <name>EvidenceActions</name>
    <message>
        <source>清理未关联的佐证材料(&amp;U)…</source>
        <translation>Remove &amp;unlinked evidence…</translation>
    </message>
    <message>
        <source>清理未关联的佐证材料</source>
        <translation>Remove unlinked evidence</translation>
    </message>
    <message>
        <source>还有其他工作在进行（如添加佐证材料），请等它完成后再清理。</source>
        <translation>Other work is still running (such as adding evidence); wait for it to finish first.</translation>
    </message>
    <message>
        <source>没有未关联任何举措的佐证材料。</source>
        <translation>No evidence file is unlinked from every measure.</translation>
    </message>
    <message>
        <source>{0}（{1}，{2}）</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>
……另有 {0} 份</source>
        <translation>
… and {0} more</translation>
    </message>
    <message>
        <source>以下 {0} 份佐证材料已不再关联任何举措，共 {1}：
{2}{3}

确定从台账中删除吗？删除记入操作日志；已有的备份中仍保留这些文件。</source>
        <translation>These {0} evidence files back no measure any more ({1} in all):
{2}{3}

Remove them from the ledger? The removal is recorded in the audit trail; existing backups still hold the files.</translation>
    </message>
    <message>
        <source>已删除 {0} 份未关联的佐证材料，释放 {1}</source>
        <translation>Removed {0} unlinked evidence files, freeing {1}</translation>
    </message>
    <message>
        <source>正在清理未关联的佐证材料…</source>
        <translation>Removing unlinked evidence…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>佐证材料 — {0}</source>
        <translation>Evidence — {0}</translation>
    </message>
    <message>
        <source>文件名：</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>例如：第三次专题会议纪要（盖章版）</source>
        <translation>e.g. minutes of the third working meeting (sealed copy)</translation>
    </message>
    <message>
        <source>材料日期(&amp;D)：</source>
        <translation>Document &amp;date:</translation>
    </message>
    <message>
        <source>文件本身的日期（如会议、发文、拍摄的日期），不是添加的日期</source>
        <translation>The date of the document itself (meeting, issue or photo date), not the day it was added</translation>
    </message>
    <message>
        <source>说明(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>说明最多 {0} 字</source>
        <translation>A note can have at most {0} characters</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>报送材料包 (*.zip)</source>
        <translation>Submission bundle (*.zip)</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>此导出功能在本版本中不可用（缺少模块 {0}）</source>
        <translation>This export is not available in this version (module {0} is missing)</translation>
    </message>
    <message>
        <source>正在导出 {0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <source>导出{0}（{1}）(&amp;{2})…</source>
        <translation>Export {0} ({1}) (&amp;{2})…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>FeedbackBanner</name>
    <message>
        <source>省级审核反馈</source>
        <translation>Provincial review feedback</translation>
    </message>
    <message>
        <source>通过 {0} 项，退回修改 {1} 项，待审核 {2} 项</source>
        <translation>{0} passed, {1} returned for revision, {2} pending</translation>
    </message>
    <message>
        <source>{0}对第{1}版报送材料的审核反馈（{2}）：{3}</source>
        <translation>Review by {0} of submission version {1} ({2}): {3}</translation>
    </message>
    <message>
        <source>。总体意见：{0}</source>
        <translation>. Overall comment: {0}</translation>
    </message>
    <message>
        <source>。本单位已制作第{0}版，等待省级审核。</source>
        <translation>. Version {0} has been made since and awaits the province&apos;s review.</translation>
    </message>
    <message>
        <source>。勾选“退回修改”可只看退回的举措。</source>
        <translation>. Tick “Returned” to see only the measures sent back.</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <source>省级审核：{0}</source>
        <translation>Provincial review: {0}</translation>
    </message>
    <message>
        <source>&#x3000;意见：{0}</source>
        <translation>  Comment: {0}</translation>
    </message>
    <message>
        <source>（已修改，待重新报送）</source>
        <translation> (changed since, to be handed in again)</translation>
    </message>
    <message>
        <source>（尚未修改）</source>
        <translation> (not changed yet)</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>欢迎使用任务台账</source>
        <translation>Welcome to TaskLedger</translation>
    </message>
    <message>
        <source>首次使用，请选择本单位并填写填报人姓名。台账将按内置的2021年度实施方案建立，保存在：
{0}</source>
        <translation>First start: choose your unit and enter the reporter&apos;s name. The ledger is created from the built-in 2021 plan and saved in:
{0}</translation>
    </message>
    <message>
        <source>请选择本单位</source>
        <translation>Choose your unit</translation>
    </message>
    <message>
        <source>本单位</source>
        <translation>Your unit</translation>
    </message>
    <message>
        <source>例如：张三（必填）</source>
        <translation>e.g. Zhang San (required)</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>本单位(&amp;U)：</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>填报人(&amp;N)：</source>
        <translation>&amp;Reporter:</translation>
    </message>
    <message>
        <source>地市台账（本单位填报）</source>
        <translation>City ledger (your unit reports)</translation>
    </message>
    <message>
        <source>省级台账（汇总各地市报送）</source>
        <translation>Provincial ledger (consolidates the units&apos; submissions)</translation>
    </message>
    <message>
        <source>台账类型(&amp;K)：</source>
        <translation>Ledger &amp;kind:</translation>
    </message>
    <message>
        <source>建立台账</source>
        <translation>Create ledger</translation>
    </message>
    <message>
        <source>本单位和填报人以后可在“文件 → 台账设置”中修改。</source>
        <translation>The unit and the reporter can be changed later in File → Ledger settings.</translation>
    </message>
</context>
<context>
    <name>HandinActions</name>
    <message>
        <source>报送前检查(&amp;C)…</source>
        <translation>Pre-submission &amp;check…</translation>
    </message>
    <message>
        <source>导出报送材料包(&amp;B)…</source>
        <translation>Export submission &amp;bundle…</translation>
    </message>
    <message>
        <source>填写省里发来的表格(&amp;T)…</source>
        <translation>Fill in the province&apos;s &amp;template…</translation>
    </message>
    <message>
        <source>导出{0}（PDF）(&amp;D)…</source>
        <translation>Export {0} (P&amp;DF)…</translation>
    </message>
    <message>
        <source>导出{0}模板（Excel）(&amp;L)…</source>
        <translation>Export {0} temp&amp;late (Excel)…</translation>
    </message>
    <message>
        <source>导入任务清单(&amp;I)…</source>
        <translation>&amp;Import task list…</translation>
    </message>
    <message>
        <source>正在检查缺项…</source>
        <translation>Checking for missing items…</translation>
    </message>
    <message>
        <source>未导出报送材料包</source>
        <translation>Submission bundle not exported</translation>
    </message>
    <message>
        <source>导出报送材料包</source>
        <translation>Export submission bundle</translation>
    </message>
    <message>
        <source>正在生成{0} {1}…</source>
        <translation>Creating {0} {1}…</translation>
    </message>
    <message>
        <source>正在生成报送材料包 {0}…</source>
        <translation>Creating submission bundle {0}…</translation>
    </message>
    <message>
        <source>导入审核反馈(&amp;F)…</source>
        <translation>Import review &amp;feedback…</translation>
    </message>
    <message>
        <source>导出{0}（压缩，便于发送）(&amp;Z)…</source>
        <translation>Export {0} (compressed for sending, &amp;Z)…</translation>
    </message>
    <message>
        <source>导入审核反馈</source>
        <translation>Import review feedback</translation>
    </message>
    <message>
        <source>审核反馈 (*.json);;所有文件 (*)</source>
        <translation>Review feedback (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>正在导入审核反馈…</source>
        <translation>Importing review feedback…</translation>
    </message>
    <message>
        <source>（压缩）</source>
        <translation> (compressed)</translation>
    </message>
    <message>
        <source>已生成，共 {0} 页。请注意：
</source>
        <translation>Created, {0} pages. Please note:
</translation>
    </message>
    <message>
        <source>选择省里发来的表格</source>
        <translation>Choose the province&apos;s template</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>保存填好的表格</source>
        <translation>Save the filled-in template</translation>
    </message>
    <message>
        <source>{0}（{1}填报）.xlsx</source>
        <translation>{0}（{1}填报）.xlsx</translation>
    </message>
    <message>
        <source>填写省里发来的表格</source>
        <translation>Fill in the province&apos;s template</translation>
    </message>
    <message>
        <source>正在填写 {0}…</source>
        <translation>Filling in {0}…</translation>
    </message>
    <message>
        <source>导出任务清单模板</source>
        <translation>Export task list template</translation>
    </message>
    <message>
        <source>正在导出 {0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <source>导入任务清单</source>
        <translation>Import task list</translation>
    </message>
    <message>
        <source>任务清单 (*.xlsx *.docx *.txt *.json)</source>
        <translation>Task lists (*.xlsx *.docx *.txt *.json)</translation>
    </message>
    <message>
        <source>正在读取 {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>guide_zh_CN.html</source>
        <translation>guide_en.html</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>使用说明(&amp;G)</source>
        <translation>&amp;Guide</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>（清除）</source>
        <translation>(cleared)</translation>
    </message>
    <message>
        <source>状态改为“{0}”</source>
        <translation>status set to &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>确认本单位涉及</source>
        <translation>confirmed involved</translation>
    </message>
    <message>
        <source>确认不涉及</source>
        <translation>confirmed not involved</translation>
    </message>
    <message>
        <source>不涉及的理由：{0}</source>
        <translation>reason for not involved: {0}</translation>
    </message>
    <message>
        <source>存在问题改为：{0}</source>
        <translation>problems: {0}</translation>
    </message>
    <message>
        <source>下一步打算改为：{0}</source>
        <translation>next steps: {0}</translation>
    </message>
    <message>
        <source>新增进展（{0}）：{1}</source>
        <translation>progress added ({0}): {1}</translation>
    </message>
    <message>
        <source>完成值：{0}</source>
        <translation>figure: {0}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>填报</source>
        <translation>recorded</translation>
    </message>
    <message>
        <source>修改进展（{0}）：{1}</source>
        <translation>progress changed ({0}): {1}</translation>
    </message>
    <message>
        <source>删除进展（{0}）：{1}</source>
        <translation>progress deleted ({0}): {1}</translation>
    </message>
    <message>
        <source>添加佐证材料：{0}</source>
        <translation>evidence attached: {0}</translation>
    </message>
    <message>
        <source>取消关联佐证材料：{0}</source>
        <translation>evidence unlinked: {0}</translation>
    </message>
    <message>
        <source>撤销：{0}</source>
        <translation>undone: {0}</translation>
    </message>
    <message>
        <source>重做：{0}</source>
        <translation>redone: {0}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>修改内容</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>还没有修改</source>
        <translation>No changes yet</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>导入报送材料包</source>
        <translation>Import submission bundles</translation>
    </message>
    <message>
        <source>共 {0} 个材料包：导入 {1} 个，此前已导入 {2} 个，存入历史 {3} 个，未导入 {4} 个。</source>
        <translation>{0} bundles: {1} imported, {2} already imported, {3} kept as history, {4} not imported.</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>语言(&amp;G)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>界面语言将在重新启动任务台账后生效。</source>
        <translation>The interface language changes the next time TaskLedger starts.</translation>
    </message>
</context>
<context>
    <name>LedgerWindow</name>
    <message>
        <source>未能完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>正在备份台账…（每天关闭时一次）</source>
        <translation>Backing up the ledger… (once a day, on closing)</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>正在关闭</source>
        <translation>Closing</translation>
    </message>
</context>
<context>
    <name>LightSummary</name>
    <message>
        <source>{0} {1} 项</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>在台账中只看{0}举措</source>
        <translation>Show only the measures with this light: {0}</translation>
    </message>
    <message>
        <source>完成进度落后序时进度 {0} 个百分点及以上为黄灯，超过 {1} 个百分点或已逾期为红灯；“推进中”未填完成进度的举措无灯。</source>
        <translation>Yellow: progress {0} or more points behind the time elapsed; red: more than {1} points behind, or overdue. An in-progress measure without a progress figure has no light.</translation>
    </message>
    <message>
        <source>没有红灯、黄灯举措</source>
        <translation>No red or yellow measures</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>导出当前列表为{0}（Excel）(&amp;Y)…</source>
        <translation>Export the current list as {0} (Excel) (&amp;Y)...</translation>
    </message>
    <message>
        <source>打印当前列表为{0}（PDF）(&amp;Q)…</source>
        <translation>Print the current list as {0} (PDF) (&amp;Q)...</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>任务台账 — {0} — {1}</source>
        <translation>TaskLedger — {0} — {1}</translation>
    </message>
    <message>
        <source>搜索举措、进展、佐证材料名称（Ctrl+F）</source>
        <translation>Search measures, progress entries, evidence names (Ctrl+F)</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>部分</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>全部部分</source>
        <translation>All sections</translation>
    </message>
    <message>
        <source>责任范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>全部范围</source>
        <translation>All scopes</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>全部期限</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已完成无佐证(&amp;N)</source>
        <translation>Done, &amp;no evidence</translation>
    </message>
    <message>
        <source>30天未更新(&amp;M)</source>
        <translation>Not updated for a &amp;month</translation>
    </message>
    <message>
        <source>显示省级举措（只读）(&amp;G)</source>
        <translation>Sho&amp;w provincial measures (read-only)</translation>
    </message>
    <message>
        <source>退回修改(&amp;U)</source>
        <translation>Returned for changes (&amp;Q)</translation>
    </message>
    <message>
        <source>只看省级审核反馈中退回修改的举措</source>
        <translation>Only the measures the province returned for revision</translation>
    </message>
    <message>
        <source>清除筛选(&amp;C)</source>
        <translation>&amp;Clear filters</translation>
    </message>
    <message>
        <source>落实举措列表</source>
        <translation>Measure list</translation>
    </message>
    <message>
        <source>台账(&amp;L)</source>
        <translation>&amp;Ledger</translation>
    </message>
    <message>
        <source>概览(&amp;O)</source>
        <translation>Dash&amp;board</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>修改即时保存</source>
        <translation>Changes are saved at once</translation>
    </message>
    <message>
        <source>更改填报人或本单位（台账设置）</source>
        <translation>Change the reporter or the unit (ledger settings)</translation>
    </message>
    <message>
        <source>{0} · 填报人：{1}</source>
        <translation>{0} · Reporter: {1}</translation>
    </message>
    <message>
        <source>临期（{0}天内）</source>
        <translation>Due soon ({0} days)</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>方案(&amp;P)</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>打印预览{0}(&amp;P)…</source>
        <translation>&amp;Print preview of the {0}…</translation>
    </message>
    <message>
        <source>到期提醒(&amp;R)…</source>
        <translation>&amp;Reminders...</translation>
    </message>
    <message>
        <source>换行显示全文(&amp;W)</source>
        <translation>&amp;Wrap long texts</translation>
    </message>
    <message>
        <source>显示任务清单(&amp;T)</source>
        <translation>Show the &amp;task list</translation>
    </message>
    <message>
        <source>未找到“{0}”</source>
        <translation>&quot;{0}&quot; not found</translation>
    </message>
    <message>
        <source>举措 {0} 不在当前筛选结果中，已改为显示举措 {1}</source>
        <translation>Measure {0} is not in the filtered list; showing measure {1} instead</translation>
    </message>
    <message>
        <source>当前筛选下没有举措</source>
        <translation>No measures match the filters</translation>
    </message>
    <message>
        <source>报告正文已保存</source>
        <translation>Report text saved</translation>
    </message>
    <message>
        <source>添加佐证材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <source>把 {0} 个文件添加为所选 {1} 项举措的佐证材料吗？</source>
        <translation>Attach {0} file(s) as evidence to the {1} selected measures?</translation>
    </message>
    <message>
        <source>把本单位从“{0}”改为“{1}”吗？

已填报的 {2} 条记录（状态、进展、完成值、佐证材料）将一并改为{1}的记录。</source>
        <translation>Change the unit from &quot;{0}&quot; to &quot;{1}&quot;?

The {2} records made so far (statuses, progress, figures, evidence) become {1}&apos;s records.</translation>
    </message>
    <message>
        <source>
其中举措 {0} 不属于{1}，改后不再显示（记录保留，改回原单位即可看到）。</source>
        <translation>
Measures {0} are not {1}&apos;s: they will no longer be shown (their records are kept and come back if the unit is changed back).</translation>
    </message>
    <message>
        <source>

此项修改会记入修改记录。</source>
        <translation>

The change is recorded in the history.</translation>
    </message>
    <message>
        <source>更改本单位</source>
        <translation>Change the unit</translation>
    </message>
    <message>
        <source>正在准备打印预览…</source>
        <translation>Preparing the print preview…</translation>
    </message>
    <message>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <source>台账设置(&amp;S)…</source>
        <translation>Ledger &amp;settings…</translation>
    </message>
    <message>
        <source>序时进度</source>
        <translation>Progress against time</translation>
    </message>
    <message>
        <source>全部灯</source>
        <translation>All lights</translation>
    </message>
    <message>
        <source>校验佐证材料(&amp;V)</source>
        <translation>&amp;Verify evidence</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>搜索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>{0}年&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <source>显示 {0} / {1} 项</source>
        <translation>Showing {0} of {1}</translation>
    </message>
    <message>
        <source>显示 {0} / {1} 项 + 省级 {2} 项</source>
        <translation>Showing {0} of {1} + {2} provincial</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>校验佐证材料</source>
        <translation>Verify evidence</translation>
    </message>
    <message>
        <source>已校验 {0} 个佐证材料，全部完好。</source>
        <translation>Verified {0} evidence files; all are intact.</translation>
    </message>
    <message>
        <source>文件缺失</source>
        <translation>file missing</translation>
    </message>
    <message>
        <source>内容已被改动</source>
        <translation>content altered</translation>
    </message>
    <message>
        <source>{0}（{1}，举措 {2}）</source>
        <translation>{0} ({1}, measure {2})</translation>
    </message>
    <message>
        <source>
……另有 {0} 个</source>
        <translation>
… and {0} more</translation>
    </message>
    <message>
        <source>已校验 {0} 个佐证材料，发现 {1} 个问题：
</source>
        <translation>Verified {0} evidence files, found {1} problems:
</translation>
    </message>
    <message>
        <source>正在校验佐证材料…</source>
        <translation>Verifying evidence…</translation>
    </message>
</context>
<context>
    <name>MeasurePanel</name>
    <message>
        <source>本单位是否涉及（相关地市举措需确认）</source>
        <translation>Is your unit involved? (to confirm for measures of relevant units)</translation>
    </message>
    <message>
        <source>本单位涉及(&amp;Y)</source>
        <translation>&amp;Yes, involved</translation>
    </message>
    <message>
        <source>不涉及(&amp;J)</source>
        <translation>No, our &amp;unit is not involved</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>量化指标：</source>
        <translation>Indicators:</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>存在的问题（离开此框即保存）</source>
        <translation>Problems (saved when you leave the field)</translation>
    </message>
    <message>
        <source>存在问题(&amp;Q)：</source>
        <translation>P&amp;roblems:</translation>
    </message>
    <message>
        <source>下一步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>下一步工作打算（离开此框即保存）</source>
        <translation>Next steps (saved when you leave the field)</translation>
    </message>
    <message>
        <source>下一步打算(&amp;X)：</source>
        <translation>Ne&amp;xt steps:</translation>
    </message>
    <message>
        <source>工作进展</source>
        <translation>Progress entries</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>进展内容</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>添加进展(&amp;A)…</source>
        <translation>&amp;Add entry…</translation>
    </message>
    <message>
        <source>修改(&amp;B)…</source>
        <translation>Chan&amp;ge…</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>佐证材料（可将文件拖到窗口上添加）</source>
        <translation>Evidence (drop files on the window to add them)</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>添加文件(&amp;I)…</source>
        <translation>Add f&amp;iles…</translation>
    </message>
    <message>
        <source>打开(&amp;K)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>取消关联(&amp;R)</source>
        <translation>Unlin&amp;k</translation>
    </message>
    <message>
        <source>日期和说明…</source>
        <translation>Adjust date and note…</translation>
    </message>
    <message>
        <source>请在左侧表格中选择一条落实举措</source>
        <translation>Choose a measure in the table on the left</translation>
    </message>
    <message>
        <source>举措 {0}&#x3000;{1}</source>
        <translation>Measure {0}  {1}</translation>
    </message>
    <message>
        <source>任务 {0}：{1}</source>
        <translation>Task {0}: {1}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>&#x3000;【{0}】</source>
        <translation>  [{0}]</translation>
    </message>
    <message>
        <source>省级审核意见</source>
        <translation>Provincial review comment</translation>
    </message>
    <message>
        <source>修改理由(&amp;W)…</source>
        <translation>Change the &amp;justification…</translation>
    </message>
    <message>
        <source>填报</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>材料日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>搜索到：{0}</source>
        <translation>Search found: {0}</translation>
    </message>
    <message>
        <source>所属任务 {0}：{1}</source>
        <translation>Task {0}: {1}</translation>
    </message>
    <message>
        <source>理由：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <source>理由：（未填写，请补上）</source>
        <translation>Reason: (none yet, please add one)</translation>
    </message>
    <message>
        <source>责任地市：{0}&#x3000;范围：{1}</source>
        <translation>Responsible: {0}  Scope: {1}</translation>
    </message>
    <message>
        <source>&#x3000;本单位：{0}</source>
        <translation>  Our unit: {0}</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>lead unit</translation>
    </message>
    <message>
        <source>配合单位</source>
        <translation>assisting unit</translation>
    </message>
    <message>
        <source>完成时限：{0}（本单位设定）</source>
        <translation>Deadline: {0} (set by this unit)</translation>
    </message>
    <message>
        <source>完成时限：{0}（{1}）</source>
        <translation>Deadline: {0} ({1})</translation>
    </message>
    <message>
        <source>完成时限：{0}</source>
        <translation>Deadline: {0}</translation>
    </message>
    <message>
        <source>完成时限：{0}（无具体日期）&#x3000;报送截止：{1}</source>
        <translation>Deadline: {0} (no date)  Hand-in due: {1}</translation>
    </message>
    <message>
        <source>截止：{0}（报送截止日期）</source>
        <translation>Due: {0} (the hand-in date)</translation>
    </message>
    <message>
        <source>任务目标：{0}</source>
        <translation>Target: {0}</translation>
    </message>
    <message>
        <source>清单编号：{0}</source>
        <translation>Number in the list: {0}</translation>
    </message>
    <message>
        <source>本单位完成值（{0}）</source>
        <translation>Your unit&apos;s value ({0})</translation>
    </message>
    <message>
        <source>完成值，目标 {0}</source>
        <translation>Value, target {0}</translation>
    </message>
    <message>
        <source>目标 {0}，本单位：</source>
        <translation>Target {0}, your unit:</translation>
    </message>
    <message>
        <source>{0}
SHA-256：{1}</source>
        <translation>{0}
SHA-256: {1}</translation>
    </message>
    <message>
        <source>修改举措 {0}</source>
        <translation>Change measure {0}</translation>
    </message>
    <message>
        <source>举措 {0} 的状态改为“{1}”</source>
        <translation>Set the status of measure {0} to &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>确认本单位涉及举措 {0}</source>
        <translation>Confirm involvement in measure {0}</translation>
    </message>
    <message>
        <source>确认本单位不涉及举措 {0}</source>
        <translation>Confirm not involved in measure {0}</translation>
    </message>
    <message>
        <source>修改举措 {0} 不涉及的理由</source>
        <translation>Change the reason for measure {0}</translation>
    </message>
    <message>
        <source>修改举措 {0} 的存在问题</source>
        <translation>Change the problems of measure {0}</translation>
    </message>
    <message>
        <source>修改举措 {0} 的下一步打算</source>
        <translation>Change the next steps of measure {0}</translation>
    </message>
    <message>
        <source>修改举措 {0} 的完成值</source>
        <translation>Change the figure of measure {0}</translation>
    </message>
    <message>
        <source>添加进展 — 举措 {0}</source>
        <translation>Add progress entry — measure {0}</translation>
    </message>
    <message>
        <source>为举措 {0} 添加进展</source>
        <translation>Add progress to measure {0}</translation>
    </message>
    <message>
        <source>修改进展 — 举措 {0}</source>
        <translation>Edit progress entry — measure {0}</translation>
    </message>
    <message>
        <source>修改举措 {0} 的进展</source>
        <translation>Change progress of measure {0}</translation>
    </message>
    <message>
        <source>删除进展</source>
        <translation>Delete progress entry</translation>
    </message>
    <message>
        <source>确定删除 {0} 的这条进展吗？

{1}</source>
        <translation>Delete this progress entry of {0}?

{1}</translation>
    </message>
    <message>
        <source>删除举措 {0} 的进展</source>
        <translation>Delete progress of measure {0}</translation>
    </message>
    <message>
        <source>选择佐证材料 — 举措 {0}</source>
        <translation>Choose evidence — measure {0}</translation>
    </message>
    <message>
        <source>添加佐证材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <source>请先在表格中选择要添加佐证材料的落实举措。</source>
        <translation>First choose in the table the measure the evidence belongs to.</translation>
    </message>
    <message>
        <source>已为举措 {0} 添加 {1} 个佐证材料</source>
        <translation>Added {1} evidence file(s) to measure {0}</translation>
    </message>
    <message>
        <source>为举措 {0} 添加佐证材料</source>
        <translation>Attach evidence to measure {0}</translation>
    </message>
    <message>
        <source>正在添加佐证材料 {0}…</source>
        <translation>Adding evidence {0}…</translation>
    </message>
    <message>
        <source>（{0} 个文件）</source>
        <translation>({0} files)</translation>
    </message>
    <message>
        <source>
……另有 {0} 个</source>
        <translation>
… and {0} more</translation>
    </message>
    <message>
        <source>以下文件未添加：
</source>
        <translation>These files were not added:
</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>添加大文件</source>
        <translation>Add a large file</translation>
    </message>
    <message>
        <source>以下文件超过 {0}：
{1}

报送材料包和每一份备份都要带上它们：材料包会难以通过内网发送，备份也更占空间。能压缩或只选需要的部分吗？

仍要添加吗？</source>
        <translation>These files are larger than {0}:
{1}

The submission package and every backup will carry them: the package gets hard to send over the intranet and backups take more space. Could they be compressed, or only the needed part kept?

Add them anyway?</translation>
    </message>
    <message>
        <source>打开佐证材料</source>
        <translation>Open evidence</translation>
    </message>
    <message>
        <source>台账中的文件副本不见了：{0}
请运行“校验佐证材料”。</source>
        <translation>The ledger&apos;s copy of the file is missing: {0}
Run “Verify evidence”.</translation>
    </message>
    <message>
        <source>正在打开 {0}…</source>
        <translation>Opening {0}…</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink evidence</translation>
    </message>
    <message>
        <source>确定让“{0}”不再作为举措 {1} 的佐证材料吗？
（文件仍保留在台账中；不再需要时可用“工具 → 清理未关联的佐证材料”删除）</source>
        <translation>Stop using “{0}” as evidence for measure {1}?
(The file stays in the ledger; when no longer needed, remove it with Tools → Remove unlinked evidence.)</translation>
    </message>
    <message>
        <source>取消举措 {0} 的佐证材料“{1}”</source>
        <translation>Unlink &quot;{1}&quot; from measure {0}</translation>
    </message>
    <message>
        <source>这台电脑上没有能打开“{0}”的程序。
文件的只读副本在：
{1}</source>
        <translation>No program on this PC opens &quot;{0}&quot;.
A read-only copy of the file is at:
{1}</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>复制路径</source>
        <translation>Copy path</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>落实举措</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>责任范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>分工</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>进度/序时</source>
        <translation>Progress/Time</translation>
    </message>
    <message>
        <source>省级审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Assist</translation>
    </message>
    <message>
        <source>相关地市举措：尚未确认本单位是否涉及（状态：{0}）</source>
        <translation>Measure for relevant units: not yet confirmed whether your unit is involved (status: {0})</translation>
    </message>
    <message>
        <source>本单位为{0}单位</source>
        <translation>Our unit: {0}</translation>
    </message>
    <message>
        <source>省级审核：{0}
{1}</source>
        <translation>Provincial review: {0}
{1}</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>匹配：{0}</source>
        <translation>found in: {0}</translation>
    </message>
    <message>
        <source>完成时限：{0}（本单位设定）</source>
        <translation>Deadline: {0} (set by this unit)</translation>
    </message>
    <message>
        <source>完成时限：{0}（{1}）</source>
        <translation>Deadline: {0} ({1})</translation>
    </message>
    <message>
        <source>完成时限：{0}</source>
        <translation>Deadline: {0}</translation>
    </message>
    <message>
        <source>完成时限：{0}（无具体日期，按报送截止日期 {1} 提示）</source>
        <translation>Deadline: {0} (no date; reminded by the hand-in date {1})</translation>
    </message>
    <message>
        <source>清单未规定完成时限：按报送截止日期 {0} 提示</source>
        <translation>The list sets no deadline: reminded by the hand-in date {0}</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>例如：出台实施方案</source>
        <translation>e.g. implementation plan issued</translation>
    </message>
    <message>
        <source>已完成(&amp;W)</source>
        <translation>Do&amp;ne</translation>
    </message>
    <message>
        <source>节点内容(&amp;T)：</source>
        <translation>&amp;Milestone:</translation>
    </message>
    <message>
        <source>计划日期(&amp;D)：</source>
        <translation>Planned &amp;date:</translation>
    </message>
    <message>
        <source>完成：</source>
        <translation>Done:</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>节点内容不能为空</source>
        <translation>The milestone needs a text</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>不涉及</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <source>全部地市</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>相关地市</source>
        <translation>Relevant units</translation>
    </message>
    <message>
        <source>指定地市</source>
        <translation>Named units</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>code</translation>
    </message>
    <message>
        <source>举措内容</source>
        <translation>measure text</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>task</translation>
    </message>
    <message>
        <source>进展记录</source>
        <translation>progress</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>evidence</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>problems</translation>
    </message>
    <message>
        <source>下一步打算</source>
        <translation>next steps</translation>
    </message>
    <message>
        <source>任务完成情况表</source>
        <translation>task completion table</translation>
    </message>
    <message>
        <source>工作情况报告</source>
        <translation>work report</translation>
    </message>
    <message>
        <source>进度报告</source>
        <translation>status report</translation>
    </message>
    <message>
        <source>佐证材料汇编</source>
        <translation>evidence dossier</translation>
    </message>
    <message>
        <source>任务清单</source>
        <translation>task list</translation>
    </message>
    <message>
        <source>任务完成情况全省汇总表</source>
        <translation>provincial summary table</translation>
    </message>
    <message>
        <source>任务完成情况全省汇总报告</source>
        <translation>provincial summary report</translation>
    </message>
    <message>
        <source>省辖市</source>
        <translation>Prefecture city</translation>
    </message>
    <message>
        <source>示范区</source>
        <translation>Demonstration zone</translation>
    </message>
    <message>
        <source>省直管县（市）</source>
        <translation>Province-managed county</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County or district</translation>
    </message>
    <message>
        <source>部门单位</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Town or subdistrict</translation>
    </message>
    <message>
        <source>开发区（园区）</source>
        <translation>Development zone</translation>
    </message>
    <message>
        <source>处室</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>未识别的列</source>
        <translation>Column not understood</translation>
    </message>
    <message>
        <source>不在单位名单中的名称</source>
        <translation>Name not on the unit list</translation>
    </message>
    <message>
        <source>没有责任单位的举措</source>
        <translation>Measure without a responsible unit</translation>
    </message>
    <message>
        <source>名单中没有对应单位的统称</source>
        <translation>Collective name with no unit on the list</translation>
    </message>
    <message>
        <source>责任单位中不是单位的文字</source>
        <translation>Text among the units that is no unit</translation>
    </message>
    <message>
        <source>以“等”结尾的单位</source>
        <translation>Open-ended list of units (“and others”)</translation>
    </message>
    <message>
        <source>未读作任务的标题</source>
        <translation>Heading not read as a task</translation>
    </message>
    <message>
        <source>没有具体日期的完成时限</source>
        <translation>Deadline without a date</translation>
    </message>
    <message>
        <source>审核反馈</source>
        <translation>Review feedback</translation>
    </message>
    <message>
        <source>任务清单（含处室分工）</source>
        <translation>Task list with divisions</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Returned for revision</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <source>举措进展清单</source>
        <translation>Measure progress list</translation>
    </message>
</context>
<context>
    <name>NarrativeActions</name>
    <message>
        <source>编辑报告正文(&amp;N)…</source>
        <translation>Edit the report &amp;narrative…</translation>
    </message>
    <message>
        <source>正在按台账数据起草报告正文…</source>
        <translation>Drafting the report text from the ledger…</translation>
    </message>
</context>
<context>
    <name>NarrativeDialog</name>
    <message>
        <source>开头</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>一、总体情况</source>
        <translation>1. Overview</translation>
    </message>
    <message>
        <source>二、主要做法和成效</source>
        <translation>2. Work done and results</translation>
    </message>
    <message>
        <source>三、存在问题</source>
        <translation>3. Problems</translation>
    </message>
    <message>
        <source>四、下一步工作打算</source>
        <translation>4. Plans for the next stage</translation>
    </message>
    <message>
        <source>编辑报告正文 — 工作情况报告</source>
        <translation>Edit the report text — Work report</translation>
    </message>
    <message>
        <source>PDF 和 Word 版工作情况报告按这里的文字打印。未修改的部分随台账数据自动更新；以“一、”或“（一）”开头的行印作标题。</source>
        <translation>The work report (PDF and Word) prints the text written here. Parts you leave unchanged follow the ledger&apos;s data; a line that starts with a Chinese heading number is printed as a heading.</translation>
    </message>
    <message>
        <source>主送机关(&amp;A)：</source>
        <translation>&amp;Addressee:</translation>
    </message>
    <message>
        <source>落款(&amp;S)：</source>
        <translation>&amp;Signed by:</translation>
    </message>
    <message>
        <source>固定成文日期(&amp;D)</source>
        <translation>Fix the &amp;date</translation>
    </message>
    <message>
        <source>（不固定时为导出当天）</source>
        <translation>(otherwise the day of the export)</translation>
    </message>
    <message>
        <source>成文日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>按台账数据重新生成(&amp;R)</source>
        <translation>&amp;Regenerate from the ledger</translation>
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
        <source>全部重新生成(&amp;G)</source>
        <translation>Re&amp;generate all</translation>
    </message>
    <message>
        <source>随台账数据自动生成：台账更新后报告跟着更新。</source>
        <translation>Drafted from the ledger: the report follows the ledger&apos;s updates.</translation>
    </message>
    <message>
        <source>已修改：报告按这里的文字打印。</source>
        <translation>Edited: the report prints this text.</translation>
    </message>
    <message>
        <source>台账数据在保存后有变化，可重新生成草稿。</source>
        <translation> The ledger has changed since this was saved; you may regenerate the draft.</translation>
    </message>
    <message>
        <source>“{0}”的文字已修改。按台账数据重新生成将替换这些文字，继续吗？</source>
        <translation>The text of “{0}” was edited. Regenerating it from the ledger replaces that text. Continue?</translation>
    </message>
    <message>
        <source>以下部分的文字已修改，将被台账数据生成的草稿替换：{0}。继续吗？</source>
        <translation>These parts were edited and will be replaced by drafts from the ledger: {0}. Continue?</translation>
    </message>
    <message>
        <source>放弃对报告正文的修改吗？</source>
        <translation>Discard your changes to the report text?</translation>
    </message>
</context>
<context>
    <name>Pace</name>
    <message>
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>无灯</source>
        <translation>No light</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>完成进度 {0}，序时进度 {1:.0f}%（到 {2} 的时间进度）</source>
        <translation>Progress {0}, time elapsed {1:.0f}% (of the time up to {2})</translation>
    </message>
    <message>
        <source>已过完成时限</source>
        <translation>Past its deadline</translation>
    </message>
    <message>
        <source>{0} 个阶段节点已过计划日期未完成</source>
        <translation>{0} milestone(s) past their planned date, not done</translation>
    </message>
    <message>
        <source>填写完成进度后显示红黄绿灯</source>
        <translation>Enter the progress to see a light</translation>
    </message>
    <message>
        <source>未启动，完成进度按 0% 计</source>
        <translation>Not started: progress counts as 0%</translation>
    </message>
</context>
<context>
    <name>PanelWithIssuer</name>
    <message>
        <source>举措 {0}&#x3000;省级（只读）</source>
        <translation>Measure {0}  provincial (read-only)</translation>
    </message>
    <message>
        <source>任务 {0}：{1}</source>
        <translation>Task {0}: {1}</translation>
    </message>
    <message>
        <source>此举措由省级负责，本单位只需了解，无需填报进展或佐证材料。</source>
        <translation>The province carries this measure itself: your unit only needs to know it and reports no progress or evidence on it.</translation>
    </message>
</context>
<context>
    <name>PlanPreviewDialog</name>
    <message>
        <source>导入任务清单 — 预览</source>
        <translation>Import task list — preview</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>任务清单</source>
        <translation>Task list</translation>
    </message>
    <message>
        <source>两级表格（任务—举措）</source>
        <translation>two-level table (tasks and measures)</translation>
    </message>
    <message>
        <source>一级表格（每行一项任务）</source>
        <translation>one-level table (a task per row)</translation>
    </message>
    <message>
        <source>正文条目（一、（一）1.）</source>
        <translation>running text (numbered paragraphs)</translation>
    </message>
    <message>
        <source>责任地市</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <source>责任范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead units</translation>
    </message>
    <message>
        <source>配合单位</source>
        <translation>Assisting units</translation>
    </message>
    <message>
        <source>任务目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>其他列</source>
        <translation>Other columns</translation>
    </message>
    <message>
        <source>任务清单预览</source>
        <translation>Task list preview</translation>
    </message>
    <message>
        <source>请核对</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>本单位在这份清单中的名称</source>
        <translation>Your unit’s name in this list</translation>
    </message>
    <message>
        <source>本单位在清单中的名称</source>
        <translation>Your unit’s name in the list</translation>
    </message>
    <message>
        <source>清单中指本单位的名称(&amp;U)：</source>
        <translation>Name meaning your &amp;unit:</translation>
    </message>
    <message>
        <source>单位名单(&amp;L)：</source>
        <translation>Unit &amp;list:</translation>
    </message>
    <message>
        <source>单位名单</source>
        <translation>Unit list</translation>
    </message>
    <message>
        <source>清单中出现的单位</source>
        <translation>Units the list names</translation>
    </message>
    <message>
        <source>从名单文件读取…</source>
        <translation>From a list file…</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>添加单位(&amp;A)</source>
        <translation>&amp;Add unit</translation>
    </message>
    <message>
        <source>删除所选(&amp;D)</source>
        <translation>&amp;Delete selected</translation>
    </message>
    <message>
        <source>选择单位名单文件</source>
        <translation>Choose a unit list file</translation>
    </message>
    <message>
        <source>单位名单 (*.txt *.xlsx)</source>
        <translation>Unit lists (*.txt *.xlsx)</translation>
    </message>
    <message>
        <source>正在读取 {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>文件：{0}
方案：{1}
年度：{2}&#x3000;报送截止：{3}
共 {4} 个部分、{5} 项任务、{6} 条落实举措；单位名单 {7} 个（{8}）。</source>
        <translation>File: {0}
Plan: {1}
Year: {2}  Hand-in due: {3}
{4} sections, {5} tasks, {6} measures; {7} units on the list ({8}).</translation>
    </message>
    <message>
        <source>
读取方式：{0}</source>
        <translation>
Read as: {0}</translation>
    </message>
    <message>
        <source>未发现需要核对的地方。</source>
        <translation>Nothing to check.</translation>
    </message>
    <message>
        <source>请核对（{0}）</source>
        <translation>To check ({0})</translation>
    </message>
    <message>
        <source>单位名单（{0}）</source>
        <translation>Unit list ({0})</translation>
    </message>
    <message>
        <source>责任地市中有 {0} 个名称不在单位名单中，将作为其他单位加入：{1}</source>
        <translation>{0} responsible names are not in the unit list and will be added as other units: {1}</translation>
    </message>
    <message>
        <source>名单文件 {0}</source>
        <translation>list file {0}</translation>
    </message>
    <message>
        <source>，已修改</source>
        <translation>, edited</translation>
    </message>
    <message>
        <source>清单编号：{0}
</source>
        <translation>Number in the list: {0}
</translation>
    </message>
    <message>
        <source>清单所写完成时限：{0}
日期：{1}</source>
        <translation>Deadline as written: {0}
Date: {1}</translation>
    </message>
    <message>
        <source>无具体日期</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>清单未规定完成时限：按报送截止日期提示</source>
        <translation>The list sets no deadline: the hand-in date is used for reminders</translation>
    </message>
    <message>
        <source>全部单位（{0} 个）</source>
        <translation>Every unit ({0})</translation>
    </message>
    <message>
        <source>相关单位各自确认</source>
        <translation>Each unit concerned confirms</translation>
    </message>
    <message>
        <source>
（其中需确认是否涉及：{0}）</source>
        <translation>
(to confirm whether involved: {0})</translation>
    </message>
    <message>
        <source>这份清单没有提到本台账的单位“{0}”。请选出清单中指本单位的名称（例如本单位在清单中的全称或简称）；没有时请取消导入。</source>
        <translation>This list does not name this ledger’s unit “{0}”. Choose the name in the list that means your unit (its full or short name in the list); if there is none, cancel the import.</translation>
    </message>
    <message>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>确认后，此方案将加入台账并成为当前方案；原有方案及其填报内容保持不变，可在“方案”菜单中切换。</source>
        <translation>Once confirmed, this plan is added to the ledger and becomes the current plan; earlier plans and their reports stay unchanged and can be chosen in the Plan menu.</translation>
    </message>
    <message>
        <source>导入并切换(&amp;I)</source>
        <translation>&amp;Import and switch</translation>
    </message>
</context>
<context>
    <name>PlanTreeWidget</name>
    <message>
        <source>任务清单</source>
        <translation>Task list</translation>
    </message>
    <message>
        <source>举措</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>全部举措</source>
        <translation>All measures</translation>
    </message>
    <message>
        <source>已完成 {0} 项，占 {1:.0f}%</source>
        <translation>{0} done, {1:.0f}%</translation>
    </message>
    <message>
        <source>无需填报</source>
        <translation>Nothing to report</translation>
    </message>
</context>
<context>
    <name>PreviousVersionDialog</name>
    <message>
        <source>查看上一版 — {0} 举措 {1}</source>
        <translation>Previous version — {0} measure {1}</translation>
    </message>
    <message>
        <source>这是{0}的第{1}版，没有上一版可比较。</source>
        <translation>This is version {1} from {0}; there is no previous version to compare.</translation>
    </message>
    <message>
        <source>第{0}版与第{1}版相比：{2}</source>
        <translation>Version {0} against version {1}: {2}</translation>
    </message>
    <message>
        <source>第{0}版与第{1}版相比，本举措没有变化。</source>
        <translation>Version {0} against version {1}: this measure did not change.</translation>
    </message>
    <message>
        <source>上一版审核：{0}</source>
        <translation>Review of the previous version: {0}</translation>
    </message>
    <message>
        <source>&#x3000;意见：{0}</source>
        <translation>  Comment: {0}</translation>
    </message>
    <message>
        <source>版本对比</source>
        <translation>Versions compared</translation>
    </message>
    <message>
        <source>第{0}版（上一版）</source>
        <translation>Version {0} (previous)</translation>
    </message>
    <message>
        <source>上一版</source>
        <translation>Previous version</translation>
    </message>
    <message>
        <source>第{0}版（本版）</source>
        <translation>Version {0} (this one)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProvinceImport</name>
    <message>
        <source>正在校验并导入 {0} 个报送材料包…</source>
        <translation>Checking and importing {0} submission bundles…</translation>
    </message>
</context>
<context>
    <name>ProvinceMatrix</name>
    <message>
        <source>{0} · 任务{1}：{2}</source>
        <translation>{0} · task {1}: {2}</translation>
    </message>
    <message>
        <source>{0} · 举措 {1}：{2}</source>
        <translation>{0} · measure {1}: {2}</translation>
    </message>
    <message>
        <source>该单位尚未报送</source>
        <translation>This unit has not submitted yet</translation>
    </message>
    <message>
        <source>不属该单位的举措</source>
        <translation>Not a measure of this unit</translation>
    </message>
    <message>
        <source>承担 {0} 项：已完成 {1}，推进中 {2}，未启动 {3}，不涉及 {4}</source>
        <translation>{0} measures: {1} done, {2} in progress, {3} not started, {4} not applicable</translation>
    </message>
    <message>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>进展记录 {0} 条，佐证材料 {1} 个</source>
        <translation>{0} progress entries, {1} evidence files</translation>
    </message>
    <message>
        <source>审核：{0}</source>
        <translation>Review: {0}</translation>
    </message>
    <message>
        <source>&#x3000;意见：{0}</source>
        <translation>  Comment: {0}</translation>
    </message>
    <message>
        <source>逾期：{0}</source>
        <translation>Overdue: {0}</translation>
    </message>
    <message>
        <source>{0}：未报送</source>
        <translation>{0}: not submitted</translation>
    </message>
    <message>
        <source>{0}：报送于 {1}，完成 {2:.0%}</source>
        <translation>{0}: submitted {1}, {2:.0%} done</translation>
    </message>
    <message>
        <source>举措</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>全省目标</source>
        <translation>Provincial target</translation>
    </message>
    <message>
        <source>全省合计</source>
        <translation>Provincial total</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>是否达标</source>
        <translation>Target met?</translation>
    </message>
    <message>
        <source>各单位数值</source>
        <translation>Values by unit</translation>
    </message>
    <message>
        <source>暂无数值</source>
        <translation>No values yet</translation>
    </message>
    <message>
        <source>已达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>平均 {0}{1}</source>
        <translation>average {0}{1}</translation>
    </message>
</context>
<context>
    <name>ProvinceReview</name>
    <message>
        <source>（无此举措）</source>
        <translation>(not in this version)</translation>
    </message>
    <message>
        <source>佐证{0} {1}</source>
        <translation>Evidence {0} {1}</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>工作进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>指标完成值</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>下一步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>落实举措</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>本版变化</source>
        <translation>Changed in this version</translation>
    </message>
    <message>
        <source>审核结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>ProvinceReviewActions</name>
    <message>
        <source>JSON 文件 (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>导出{0}（当前单位）(&amp;F)…</source>
        <translation>Export {0} &amp;for the selected unit…</translation>
    </message>
    <message>
        <source>导出全部单位的{0}(&amp;A)…</source>
        <translation>Export {0} for &amp;all units…</translation>
    </message>
    <message>
        <source>导出{0}(&amp;N)…</source>
        <translation>Export {0} (&amp;N)…</translation>
    </message>
    <message>
        <source>处室与省级举措分工(&amp;D)…</source>
        <translation>&amp;Divisions and provincial measures…</translation>
    </message>
    <message>
        <source>为处室填报(&amp;R)…</source>
        <translation>&amp;Record for a division…</translation>
    </message>
    <message>
        <source>导出{0}</source>
        <translation>Export {0}</translation>
    </message>
    <message>
        <source>已导出{0}：{1}</source>
        <translation>Exported {0}: {1}</translation>
    </message>
    <message>
        <source>正在导出 {0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <source>选择保存审核反馈的文件夹</source>
        <translation>Choose the folder for the review feedback files</translation>
    </message>
    <message>
        <source>已为 {0} 个单位导出审核反馈到：
{1}</source>
        <translation>Review feedback for {0} units exported to:
{1}</translation>
    </message>
    <message>
        <source>正在导出审核反馈…</source>
        <translation>Exporting review feedback…</translation>
    </message>
</context>
<context>
    <name>ProvinceSubmissions</name>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>材料包制作时间</source>
        <translation>Bundle created</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>文件数</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>历史报送</source>
        <translation>Earlier submissions</translation>
    </message>
    <message>
        <source>材料包</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>校验码</source>
        <translation>Check code</translation>
    </message>
    <message>
        <source>审核（通过/退回/待审）</source>
        <translation>Review (passed/returned/pending)</translation>
    </message>
    <message>
        <source>制作时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本版变化</source>
        <translation>Changed in this version</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>逾期报送</source>
        <translation>Handed in late</translation>
    </message>
    <message>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>省局直接填报</source>
        <translation>Recorded by the province</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>{0} 次</source>
        <translation>{0} times</translation>
    </message>
    <message>
        <source>第{0}版</source>
        <translation>v{0}</translation>
    </message>
    <message>
        <source>与上一版相比有变化的举措：{0}</source>
        <translation>Measures changed since the previous version: {0}</translation>
    </message>
    <message>
        <source>报送轮次：{0}，应于 {1} 前报送</source>
        <translation>Round: {0}, due by {1}</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>已被替换（历史）</source>
        <translation>Replaced (history)</translation>
    </message>
</context>
<context>
    <name>ProvinceWindow</name>
    <message>
        <source>任务台账（省级汇总） — {0} — {1}</source>
        <translation>TaskLedger (provincial) — {0} — {1}</translation>
    </message>
    <message>
        <source>报送轮次(&amp;J)：</source>
        <translation>Reporting &amp;round:</translation>
    </message>
    <message>
        <source>报送轮次</source>
        <translation>Reporting round</translation>
    </message>
    <message>
        <source>报送情况(&amp;S)</source>
        <translation>&amp;Submissions</translation>
    </message>
    <message>
        <source>汇总矩阵(&amp;M)</source>
        <translation>Consolidated &amp;matrix</translation>
    </message>
    <message>
        <source>{0} · 省级汇总台账 · {1} · {2}</source>
        <translation>{0} · provincial ledger · {1} · {2}</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>导入报送材料包(&amp;I)…</source>
        <translation>&amp;Import submission bundles…</translation>
    </message>
    <message>
        <source>处室(&amp;D)</source>
        <translation>&amp;Divisions</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>汇总矩阵</source>
        <translation>Consolidated matrix</translation>
    </message>
    <message>
        <source>全部（各单位最新报送）</source>
        <translation>All (each unit&apos;s latest package)</translation>
    </message>
    <message>
        <source>导入报送材料包</source>
        <translation>Import submission bundles</translation>
    </message>
    <message>
        <source>报送材料包 (*.zip);;所有文件 (*)</source>
        <translation>Submission bundles (*.zip);;All files (*)</translation>
    </message>
    <message>
        <source>导入已取消：已完成校验的材料包已导入，其余未改动</source>
        <translation>Import cancelled: bundles already checked were imported, the rest left untouched</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>不涉及 — 举措 {0}</source>
        <translation>Not involved — measure {0}</translation>
    </message>
    <message>
        <source>请简要说明本单位不涉及此举措的理由（将印在任务完成情况表的备注中）：</source>
        <translation>Briefly say why your unit is not involved in this measure (printed in the completion table&apos;s remarks):</translation>
    </message>
    <message>
        <source>例如：本市没有国家级试点园区</source>
        <translation>e.g. the city has no national pilot park</translation>
    </message>
    <message>
        <source>不涉及的理由</source>
        <translation>Reason for not being involved</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>到期提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>截至 {0}：已逾期 {1} 项，{2} 天内到期 {3} 项，到期的阶段节点 {4} 个。双击一行打开该举措。</source>
        <translation>As of {0}: {1} overdue, {3} due within {2} days, {4} milestone(s) due. Double-click a line to open its measure.</translation>
    </message>
    <message>
        <source>截至 {0}：没有逾期或 {1} 天内到期的举措和阶段节点。</source>
        <translation>As of {0}: nothing overdue and nothing due within {1} days.</translation>
    </message>
    <message>
        <source>举措</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <source>已逾期（{0}）</source>
        <translation>Overdue ({0})</translation>
    </message>
    <message>
        <source>逾期 {0} 天&#x3000;{1}&#x3000;{2}</source>
        <translation>{0} days late  {1}  {2}</translation>
    </message>
    <message>
        <source>{0} 天内到期（{1}）</source>
        <translation>Due within {0} days ({1})</translation>
    </message>
    <message>
        <source>还有 {0} 天&#x3000;{1}&#x3000;{2}</source>
        <translation>{0} days left  {1}  {2}</translation>
    </message>
    <message>
        <source>阶段节点（{0}）</source>
        <translation>Milestones ({0})</translation>
    </message>
    <message>
        <source>逾期 {0} 天&#x3000;{1}</source>
        <translation>{0} days late  {1}</translation>
    </message>
    <message>
        <source>还有 {0} 天&#x3000;{1}</source>
        <translation>{0} days left  {1}</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>审核 — {0} 举措 {1}</source>
        <translation>Review — {0} measure {1}</translation>
    </message>
    <message>
        <source>举措 {0}：{1}</source>
        <translation>Measure {0}: {1}</translation>
    </message>
    <message>
        <source>本版变化：{0}</source>
        <translation>Changed in this version: {0}</translation>
    </message>
    <message>
        <source>通过(&amp;P)</source>
        <translation>&amp;Pass</translation>
    </message>
    <message>
        <source>退回修改(&amp;B)</source>
        <translation>Return for revision (&amp;B)</translation>
    </message>
    <message>
        <source>待审核(&amp;W)</source>
        <translation>Pending (&amp;W)</translation>
    </message>
    <message>
        <source>审核意见(&amp;C)：</source>
        <translation>&amp;Comment:</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReviewWidget</name>
    <message>
        <source>总体意见(&amp;O)：</source>
        <translation>&amp;Overall comment:</translation>
    </message>
    <message>
        <source>总体意见</source>
        <translation>Overall comment</translation>
    </message>
    <message>
        <source>对本次报送的总体意见（离开此框即保存），随审核反馈发回单位</source>
        <translation>Overall comment on this submission (saved when you leave the field); sent back with the review feedback</translation>
    </message>
    <message>
        <source>逐项审核</source>
        <translation>Review by measure</translation>
    </message>
    <message>
        <source>通过(&amp;P)</source>
        <translation>&amp;Pass</translation>
    </message>
    <message>
        <source>退回修改(&amp;B)…</source>
        <translation>Return for revision (&amp;B)…</translation>
    </message>
    <message>
        <source>待审核(&amp;W)</source>
        <translation>Pending (&amp;W)</translation>
    </message>
    <message>
        <source>审核意见(&amp;E)…</source>
        <translation>&amp;Edit comment…</translation>
    </message>
    <message>
        <source>查看上一版(&amp;V)…</source>
        <translation>Pre&amp;vious version…</translation>
    </message>
    <message>
        <source>只看本版有变化的举措(&amp;G)</source>
        <translation>Only measures chan&amp;ged in this version</translation>
    </message>
    <message>
        <source>{0} 尚未报送，没有可审核的材料</source>
        <translation>{0} has not handed in: nothing to review</translation>
    </message>
    <message>
        <source>{0} 第{1}版（校验码 {2}，制作于 {3}）：通过 {4} 项，退回修改 {5} 项，待审核 {6} 项</source>
        <translation>{0} version {1} (check code {2}, made {3}): {4} passed, {5} returned for revision, {6} pending</translation>
    </message>
    <message>
        <source>；与上一版相比 {0} 项举措有变化</source>
        <translation>; {0} measures changed since the previous version</translation>
    </message>
</context>
<context>
    <name>RoundActions</name>
    <message>
        <source>报送轮次(&amp;J)</source>
        <translation>Reporting ro&amp;und</translation>
    </message>
    <message>
        <source>不按轮次（截至今日）</source>
        <translation>No round (as of today)</translation>
    </message>
    <message>
        <source>管理报送轮次(&amp;M)…</source>
        <translation>&amp;Manage reporting rounds...</translation>
    </message>
    <message>
        <source>之后的导出和报送材料包按报送轮次“{0}”生成</source>
        <translation>Exports and packages are now made for the round &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>之后的导出截至今日，不按轮次</source>
        <translation>Exports are now made as of today, for no round</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <source>报送轮次</source>
        <translation>Reporting rounds</translation>
    </message>
    <message>
        <source>省里在年中要求的各次报送（月报、季报、半年报、年终）。按轮次导出时，截至日期以后的进展和佐证材料不计入，文件写明“截至”该日。</source>
        <translation>The reports the province asks for during the year (monthly, quarterly, half-yearly, year-end). Exported for a round, progress entries and evidence after its cut-off are left out and the documents say &quot;as of&quot; that day.</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>截至</source>
        <translation>Cut-off</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>例如：2021年第三季度</source>
        <translation>e.g. 2021 Q3</translation>
    </message>
    <message>
        <source>轮次名称(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>截至日期(&amp;C)：</source>
        <translation>&amp;Cut-off:</translation>
    </message>
    <message>
        <source>报送日期(&amp;D)：</source>
        <translation>&amp;Due:</translation>
    </message>
    <message>
        <source>添加轮次(&amp;A)</source>
        <translation>&amp;Add round</translation>
    </message>
    <message>
        <source>删除所选(&amp;R)</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <source>从方案文件导入(&amp;I)…</source>
        <translation>&amp;Import from plan file...</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择方案文件</source>
        <translation>Choose the plan file</translation>
    </message>
    <message>
        <source>方案文件 (*.json)</source>
        <translation>Plan file (*.json)</translation>
    </message>
    <message>
        <source>删除报送轮次</source>
        <translation>Remove reporting round</translation>
    </message>
    <message>
        <source>确定删除报送轮次“{0}”吗？</source>
        <translation>Remove the reporting round &quot;{0}&quot;?</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>台账正在恢复或维护中，请稍候再操作</source>
        <translation>The ledger is being restored or maintained; please wait a moment</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>外侧（单页右、双页左）</source>
        <translation>Outer (right on odd, left on even pages)</translation>
    </message>
    <message>
        <source>居中</source>
        <translation>Centred</translation>
    </message>
    <message>
        <source>单位全称(&amp;F)：</source>
        <translation>&amp;Full unit name:</translation>
    </message>
    <message>
        <source>报送对象(&amp;A)：</source>
        <translation>&amp;Addressee:</translation>
    </message>
    <message>
        <source>联系人(&amp;C)：</source>
        <translation>&amp;Contact person:</translation>
    </message>
    <message>
        <source>联系电话(&amp;P)：</source>
        <translation>Contact &amp;phone:</translation>
    </message>
    <message>
        <source>台账设置</source>
        <translation>Ledger settings</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>填报人(&amp;U)：</source>
        <translation>&amp;Reporter:</translation>
    </message>
    <message>
        <source>本单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>本单位(&amp;D)：</source>
        <translation>U&amp;nit:</translation>
    </message>
    <message>
        <source>页码位置(&amp;G)：</source>
        <translation>Pa&amp;ge numbers:</translation>
    </message>
    <message>
        <source>超过此大小的佐证材料添加前先询问：报送材料包和每份备份都要带上它</source>
        <translation>Evidence larger than this is added only after asking: the submission package and every backup carry it</translation>
    </message>
    <message>
        <source>大文件提醒(&amp;L)：</source>
        <translation>&amp;Large file warning:</translation>
    </message>
    <message>
        <source>黄灯：落后序时进度(&amp;Y)：</source>
        <translation>&amp;Yellow light, behind by:</translation>
    </message>
    <message>
        <source> 个百分点及以上</source>
        <translation> points or more</translation>
    </message>
    <message>
        <source>红灯：落后超过(&amp;R)：</source>
        <translation>&amp;Red light, behind by more than:</translation>
    </message>
    <message>
        <source> 个百分点（或已逾期）</source>
        <translation> points (or overdue)</translation>
    </message>
    <message>
        <source>到期提醒提前(&amp;T)：</source>
        <translation>Remind &amp;this many days ahead:</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>请填写填报人姓名</source>
        <translation>Please enter the reporter&apos;s name</translation>
    </message>
</context>
<context>
    <name>StatusChart</name>
    <message>
        <source>已完成</source>
        <translation>done</translation>
    </message>
    <message>
        <source>，占 {0:.1f}%</source>
        <translation>, {0:.1f}%</translation>
    </message>
    <message>
        <source>{0} {1} 项{2}</source>
        <translation>{0}: {1}{2}</translation>
    </message>
    <message>
        <source>共承担 {0} 项</source>
        <translation>{0} measures in all</translation>
    </message>
</context>
<context>
    <name>SubmissionsWidget</name>
    <message>
        <source>各单位报送情况</source>
        <translation>Submissions by unit</translation>
    </message>
    <message>
        <source>报送历史</source>
        <translation>Submission history</translation>
    </message>
    <message>
        <source>打开完成情况表（Excel）(&amp;X)</source>
        <translation>Open completion sheet (E&amp;xcel)</translation>
    </message>
    <message>
        <source>打开工作报告（PDF）(&amp;R)</source>
        <translation>Open work &amp;report (PDF)</translation>
    </message>
    <message>
        <source>逐项审核(&amp;A)</source>
        <translation>Review by me&amp;asure</translation>
    </message>
    <message>
        <source>报送历史(&amp;H)</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>报送轮次“{0}”（截至 {1}，报送 {2}）：已报送 {3} 个单位，其中逾期报送 {4} 个；未报送 {5} 个（共 {6} 个）。</source>
        <translation>Round &quot;{0}&quot; (cut-off {1}, due {2}): {3} units handed in, {4} of them late; {5} have not ({6} in all).</translation>
    </message>
    <message>
        <source>《{0}》 报送截止 {1}：已报送 {2} 个单位，未报送 {3} 个（共 {4} 个）。把各单位的报送材料包（.zip）拖到窗口上即可导入。</source>
        <translation>“{0}”, deadline {1}: {2} units submitted, {3} not yet ({4} in all). Drop the units&apos; submission bundles (.zip) on the window to import them.</translation>
    </message>
    <message>
        <source>省局直接填报的处室 {0} 个。</source>
        <translation> Divisions recorded by the province: {0}.</translation>
    </message>
    <message>
        <source>{0} 的报送记录（{1} 个材料包）</source>
        <translation>Submissions of {0} ({1} bundles)</translation>
    </message>
    <message>
        <source>{0} 尚未报送</source>
        <translation>{0} has not submitted yet</translation>
    </message>
    <message>
        <source>材料包 {0} 中没有这类文件</source>
        <translation>Bundle {0} has no such file</translation>
    </message>
    <message>
        <source>正在打开 {0}…</source>
        <translation>Opening {0}…</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>共承担落实举措{0}项，其中已完成{1}项（占{2:.1f}%），推进中{3}项（占{4:.1f}%），未启动{5}项（占{6:.1f}%）</source>
        <translation>{0} measures carried: {1} done ({2:.1f}%), {3} in progress ({4:.1f}%), {5} not started ({6:.1f}%)</translation>
    </message>
    <message>
        <source>；另有{0}项经确认不涉及</source>
        <translation>; {0} more confirmed not applicable</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
</context>
<context>
    <name>TimeBox</name>
    <message>
        <source>完成时限与进度</source>
        <translation>Deadline and progress</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>设定</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>把所选日期设为本单位的完成时限（记入操作记录）</source>
        <translation>Make the chosen date this unit&apos;s deadline (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>按清单</source>
        <translation>Use list&apos;s</translation>
    </message>
    <message>
        <source>取消本单位设定，恢复清单的完成时限</source>
        <translation>Drop this unit&apos;s deadline and use the task list&apos;s again</translation>
    </message>
    <message>
        <source>完成时限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>none</translation>
    </message>
    <message>
        <source>完成进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>完成进度：</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>阶段节点</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>添加节点…</source>
        <translation>Add milestone...</translation>
    </message>
    <message>
        <source>完成(&amp;Z)</source>
        <translation>Done (&amp;Z)</translation>
    </message>
    <message>
        <source>把所选节点标记为今天完成（再按一次取消）</source>
        <translation>Mark the chosen milestone done today (again to undo)</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>本单位</source>
        <translation>this unit</translation>
    </message>
    <message>
        <source>本单位设定（{0}，{1}）</source>
        <translation>Set by this unit ({0}, {1})</translation>
    </message>
    <message>
        <source>；清单：{0}</source>
        <translation>; task list: {0}</translation>
    </message>
    <message>
        <source>按清单：{0}</source>
        <translation>From the task list: {0}</translation>
    </message>
    <message>
        <source>清单未规定日期，暂按报送截止日期</source>
        <translation>The task list gives no date: the hand-in date stands in</translation>
    </message>
    <message>
        <source>（清单：{0}）</source>
        <translation> (task list: {0})</translation>
    </message>
    <message>
        <source>完成 / 序时：{0}&#x3000;{1}</source>
        <translation>Done / time: {0}  {1}</translation>
    </message>
    <message>
        <source>不涉及：无灯</source>
        <translation>Not involved: no light</translation>
    </message>
    <message>
        <source>已完成 {0}</source>
        <translation>Done {0}</translation>
    </message>
    <message>
        <source>逾期未完成</source>
        <translation>Late, not done</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>添加阶段节点 — 举措 {0}</source>
        <translation>Add milestone — measure {0}</translation>
    </message>
    <message>
        <source>修改阶段节点 — 举措 {0}</source>
        <translation>Edit milestone — measure {0}</translation>
    </message>
    <message>
        <source>删除阶段节点</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <source>确定删除阶段节点“{0}”（{1}）吗？</source>
        <translation>Delete the milestone &quot;{0}&quot; ({1})?</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
</context>
</TS>
