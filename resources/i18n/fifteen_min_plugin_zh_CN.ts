<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/access.py" line="53"/>
        <source>You can see this workspace but not change it: your database role “{role}” has no right to edit “{layer}”. Ask the workspace's administrator for the editor role.</source>
        <translation>您可以查看此工作空间，但不能修改：您的数据库角色“{role}”没有编辑“{layer}”的权限。请向工作空间管理员申请编辑角色。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/access.py" line="58"/>
        <source>You can see this workspace but not change it: its file is read-only for you. Ask for write access, or save a copy of the file and work on that.</source>
        <translation>您可以查看此工作空间，但不能修改：该文件对您是只读的。请申请写权限，或另存一份副本后在副本上工作。</translation>
    </message>
</context>
<context>
    <name>AmapProvider</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/amap.py" line="127"/>
        <source>Amap reports the daily quota of this key is used up ({info}, {code}).</source>
        <translation>高德提示此密钥的每日配额已用完（{info}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/amap.py" line="133"/>
        <source>Amap reports too many requests or a busy server ({info}, {code}).</source>
        <translation>高德提示请求过多或服务器繁忙（{info}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/amap.py" line="139"/>
        <source>Amap does not accept the key (INVALID_USER_KEY): it is wrong or expired. Check the key in the authentication configuration.</source>
        <translation>高德不接受此密钥（INVALID_USER_KEY）：密钥错误或已过期。请在认证配置中检查该密钥。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/amap.py" line="146"/>
        <source>Amap refuses requests from this computer&apos;s IP address (INVALID_USER_IP); add it to the key&apos;s IP whitelist in the Amap console.</source>
        <translation>高德拒绝来自本机 IP 地址的请求（INVALID_USER_IP）；请在高德控制台中将该地址添加到此密钥的 IP 白名单。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/amap.py" line="113"/>
        <source>This key may not use the Amap place search ({info}); create a key of type “Web服务” in the Amap console.</source>
        <translation>此密钥无权使用高德地点搜索（{info}）；请在高德控制台中创建“Web服务”类型的密钥。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/amap.py" line="119"/>
        <source>Amap refused the request: {info} ({code}).</source>
        <translation>高德拒绝了请求：{info}（{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/amap.py" line="104"/>
        <source>Amap</source>
        <translation>高德地图</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <location filename="../ui/analysis_page.ui" line="27"/>
        <source>Run coverage</source>
        <translation>运行覆盖分析</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="30"/>
        <source>Count the workspace facilities of every category in every workspace circle and grade each circle.</source>
        <translation>统计工作空间中每个生活圈内各业态的设施数量，并评定每个生活圈的等级。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="57"/>
        <source>Walking times</source>
        <translation>步行时间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="108"/>
        <source>Walking minutes from every community to the nearest facility of every category along the roads, then the share of residents within {minutes:g} minutes.</source>
        <translation>计算每个社区沿道路步行到各业态最近设施所需的分钟数，再统计 {minutes:g} 分钟内可达的居民比例。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="99"/>
        <source>Click a circle to zoom to it and see its chart. Click a heading to sort.</source>
        <translation>单击生活圈可缩放至该生活圈并查看其图表。单击列标题可排序。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="136"/>
        <source>Colour circles by grade</source>
        <translation>按等级为生活圈着色</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="146"/>
        <source>Colour by walking minutes</source>
        <translation>按步行分钟数着色</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="159"/>
        <source>Run Walking times to see how many residents are covered.</source>
        <translation>运行“步行时间”以查看覆盖了多少居民。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="179"/>
        <source>Category</source>
        <translation>业态</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="184"/>
        <source>Share covered (%)</source>
        <translation>覆盖比例（%）</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="189"/>
        <source>Residents covered</source>
        <translation>覆盖居民数</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="207"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="212"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="278"/>
        <source>Export circle plans (PDF)…</source>
        <translation>导出生活圈方案（PDF）…</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="281"/>
        <source>一圈一策: one page per circle with its gaps and nearby idle assets.</source>
        <translation>一圈一策：每个生活圈一页，列出其短板及附近的闲置资源。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="21"/>
        <source>Analyse the workspace</source>
        <translation>分析工作空间</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="37"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="81"/>
        <source>Circles and their gaps (缺什么补什么)</source>
        <translation>生活圈及其短板（缺什么补什么）</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="130"/>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="114"/>
        <source>Residents within {minutes:g} minutes</source>
        <translation>{minutes:g} 分钟内可达的居民</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="307"/>
        <source>Coverage per circle</source>
        <translation>各生活圈覆盖分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="193"/>
        <source>Choose the road layer to walk on first.</source>
        <translation>请先选择用于步行计算的道路图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="320"/>
        <source>Walking time to the nearest facility</source>
        <translation>到最近设施的步行时间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="329"/>
        <source>Population coverage summary</source>
        <translation>人口覆盖汇总</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="303"/>
        <source>{title} gave no result; nothing was written.</source>
        <translation>{title}没有得到结果，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="313"/>
        <source>Coverage of {count} circles written to “{layer}”.</source>
        <translation>已将 {count} 个生活圈的覆盖分析结果写入“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="321"/>
        <source>Walking minutes to the nearest facility</source>
        <translation>到最近设施的步行分钟数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="330"/>
        <source>Population coverage</source>
        <translation>人口覆盖</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="338"/>
        <source>The layer “{layer}” could not be added to the project.</source>
        <translation>无法将图层“{layer}”添加到项目中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="428"/>
        <source>The circle cannot be shown in the map&apos;s coordinate system.</source>
        <translation>无法在地图坐标系中显示该生活圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="450"/>
        <source>No origin has walking times to every basic category.</source>
        <translation>没有任何起点具有到全部基本保障类业态的步行时间。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="452"/>
        <source>{share:.1f}% of residents live within {minutes:g} minutes of every basic category.</source>
        <translation>{share:.1f}% 的居民步行 {minutes:g} 分钟内可达全部基本保障类业态。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="458"/>
        <source>{share:.1f}% of communities are within {minutes:g} minutes of every basic category.</source>
        <translation>{share:.1f}% 的社区步行 {minutes:g} 分钟内可达全部基本保障类业态。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="484"/>
        <source>Run Walking times first; its layer holds the minutes.</source>
        <translation>请先运行“步行时间”；分钟数保存在其结果图层中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="501"/>
        <source>There is no coverage to export; run the coverage first.</source>
        <translation>没有可导出的覆盖分析结果；请先运行覆盖分析。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="508"/>
        <source>{count} circles exported to {path}.</source>
        <translation>已将 {count} 个生活圈导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="512"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="517"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="522"/>
        <source>Export circle plans</source>
        <translation>导出生活圈方案</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="533"/>
        <source>Create or open a workspace first: the analysis reads and writes its layers.</source>
        <translation>请先新建或打开工作空间：分析需要读写其中的图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="99"/>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="47"/>
        <source>Topology tolerance</source>
        <translation>拓扑容差</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="232"/>
        <source>e.g. 海淀区一刻钟便民生活圈“一圈一策”</source>
        <translation>例如：海淀区一刻钟便民生活圈“一圈一策”</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="235"/>
        <source>The title of the report; empty: the workspace name.</source>
        <translation>报告标题；留空时使用工作空间名称。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="249"/>
        <source>e.g. 海淀区学院路街道</source>
        <translation>例如：海淀区学院路街道</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="252"/>
        <source>The planning area the report covers, printed under the title.</source>
        <translation>报告覆盖的规划区域，印在标题下方。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="266"/>
        <source>e.g. 海淀区商务局</source>
        <translation>例如：海淀区商务局</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="269"/>
        <source>The bureau issuing the report, printed on every page.</source>
        <translation>编制报告的单位，印在每一页上。</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="200"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="225"/>
        <source>Report title</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="242"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../ui/analysis_page.ui" line="259"/>
        <source>Bureau</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="269"/>
        <source>Circle plans (PDF): cancelled; nothing was written.</source>
        <translation>“一圈一策”PDF：已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/analysis_page.py" line="283"/>
        <source>{pages} pages written to {path}; the layout “{layout}” in the project shows them.</source>
        <translation>已将 {pages} 页写入 {path}；可在项目中的布局“{layout}”里查看。</translation>
    </message>
</context>
<context>
    <name>AnalysisStyles</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/renderers.py" line="46"/>
        <source>The layer “{layer}” has no grade field; run the coverage first.</source>
        <translation>图层“{layer}”没有等级字段；请先运行覆盖分析。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/renderers.py" line="63"/>
        <source>{lower:g}–{upper:g} min</source>
        <translation>{lower:g}–{upper:g} min</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/renderers.py" line="65"/>
        <source>over {minutes:g} min or none in reach</source>
        <translation>超过 {minutes:g} min 或可达范围内没有</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/renderers.py" line="73"/>
        <source>The layer “{layer}” has no walking times for “{code}” (field min_{code}).</source>
        <translation>图层“{layer}”没有“{code}”的步行时间（字段 min_{code}）。</translation>
    </message>
</context>
<context>
    <name>ApiKeys</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/keys.py" line="41"/>
        <source>The key could not be saved in the QGIS authentication database; make sure the master password is set (Settings ▸ Options ▸ Authentication).</source>
        <translation>无法将密钥保存到 QGIS 认证数据库；请确认已设置主密码（设置 ▸ 选项 ▸ 认证）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/keys.py" line="53"/>
        <source>Choose the authentication configuration that holds the POI service key.</source>
        <translation>请选择存放 POI 服务密钥的认证配置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/keys.py" line="57"/>
        <source>The authentication configuration {id} cannot be opened: it does not exist or the master password was not entered.</source>
        <translation>无法打开认证配置 {id}：该配置不存在，或未输入主密码。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/keys.py" line="69"/>
        <source>The authentication configuration {id} uses the method {method}; store the key with the method “API Header” (header name “key”) or “Basic” (the key as password).</source>
        <translation>认证配置 {id} 使用的方法为 {method}；请使用“API Header”方法（标头名称为“key”）或“Basic”方法（以密钥作为密码）存储密钥。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/keys.py" line="77"/>
        <source>The authentication configuration {id} holds no key.</source>
        <translation>认证配置 {id} 中没有密钥。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/keys.py" line="93"/>
        <source>The QGIS authentication system is disabled (its database or the Qt crypto plugin is missing), so no key can be stored or read.</source>
        <translation>QGIS 认证系统已禁用（缺少其数据库或 Qt 加密插件），因此无法存储或读取密钥。</translation>
    </message>
</context>
<context>
    <name>AssetForm</name>
    <message>
        <location filename="../ui/asset_form.ui" line="5"/>
        <source>Idle asset</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="44"/>
        <source>Owner or manager</source>
        <translation>产权或管理单位</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="58"/>
        <source>Floor or land area in m²</source>
        <translation>建筑面积或用地面积（m²）</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="72"/>
        <source>Parking bays</source>
        <translation>停车位数</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="86"/>
        <source>One window per line, e.g.
Mon-Fri 19:00-07:00
周末 全天</source>
        <translation>每行一个时段，例如：
Mon-Fri 19:00-07:00
周末 全天</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="115"/>
        <source>e.g. good, needs repair</source>
        <translation>例如：良好、需维修</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="187"/>
        <source>Photo or document links, separated by ;</source>
        <translation>照片或文件链接，以 ; 分隔</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="17"/>
        <source>Asset type</source>
        <translation>资源类型</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="27"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="37"/>
        <source>Owner / manager</source>
        <translation>产权 / 管理单位</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="51"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="65"/>
        <source>Capacity (bays)</source>
        <translation>容量（车位）</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="79"/>
        <source>Idle time windows</source>
        <translation>闲置时段</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="108"/>
        <source>Condition</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="153"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="163"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="180"/>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/asset_form.py" line="203"/>
        <source>{windows} — {hours:g} h idle per week</source>
        <translation>{windows} — 每周闲置 {hours:g} h</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/asset_form.py" line="210"/>
        <source>No idle time window: uses that need one (shared night parking, evening stalls) will not be suggested.</source>
        <translation>未填写闲置时段：不会建议需要闲置时段的用途（错时共享停车、夜间摊位）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/asset_form.py" line="134"/>
        <source>Typical windows ({basis}):
{windows}</source>
        <translation>常见时段（{basis}）：
{windows}</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="122"/>
        <source>Level (storey)</source>
        <translation>所在层</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="132"/>
        <source>B1, B2… for underground levels, G for the ground level; empty when unknown. Repurposing checks uses against it (GB 50016-2014, 2018 edition, 5.4.4, 5.4.4B, 5.4.9).</source>
        <translation>地下层写 B1、B2…，地面层写 G；不清楚时留空。改造建议按所在层核查用途（GB 50016-2014（2018年版）第5.4.4、5.4.4B、5.4.9条）。</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="139"/>
        <source>Wartime duty</source>
        <translation>战时功能</translation>
    </message>
    <message>
        <location filename="../ui/asset_form.ui" line="146"/>
        <source>平战转换: e.g. 人员掩蔽, 物资库 (civil-defence works)</source>
        <translation>平战转换：如人员掩蔽、物资库（人防工程）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/asset_form.py" line="218"/>
        <source>“{level}” is not a storey: write B1, B2… for an underground level or G for the ground level, or leave it empty when unknown.</source>
        <translation>“{level}”不是楼层：地下层写 B1、B2…，地面层写 G；不清楚时留空。</translation>
    </message>
</context>
<context>
    <name>AssetRegister</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="143"/>
        <source>The register already has an asset “{asset_id}”; choose another id.</source>
        <translation>台账中已有资源“{asset_id}”；请使用其他编号。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="205"/>
        <source>The field(s) {fields} cannot be changed here; use the status buttons for the status, and the asset id never changes.</source>
        <translation>无法在此处修改字段 {fields}；状态请使用状态按钮修改，资源编号不可更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="243"/>
        <source>The change could not be saved; the register is unchanged.</source>
        <translation>无法保存此更改；台账未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="246"/>
        <source>“{layer}” could not be written, so nothing was changed in the register.</source>
        <translation>无法写入“{layer}”，因此台账未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="240"/>
        <source>The register has no asset “{asset_id}”.</source>
        <translation>台账中没有资源“{asset_id}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="255"/>
        <source>The asset has no location; draw or pick it on the map.</source>
        <translation>该资源没有位置；请在地图上绘制或选取其位置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="256"/>
        <source>The asset&apos;s location cannot be converted to the register&apos;s coordinate system.</source>
        <translation>无法将该资源的位置转换到台账的坐标系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="230"/>
        <source>“{asset_id}” keeps its place in the register because its history is kept for good; retire the asset instead of deleting it.</source>
        <translation>“{asset_id}”的变更记录须永久保存，因此该资产不能从台账中删除；请将其设为“已退出”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="251"/>
        <source>The asset</source>
        <translation>资产</translation>
    </message>
</context>
<context>
    <name>AssetTableModel</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>Bays</source>
        <translation>车位</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>Idle windows</source>
        <translation>闲置时段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="90"/>
        <source>Circles</source>
        <translation>生活圈</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="288"/>
        <source>Flag idle asset on map</source>
        <translation>在地图上标记闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="291"/>
        <source>Click a feature of any layer (parking, tunnel, vacant building…) to add it to the register.</source>
        <translation>单击任意图层中的要素（停车场、人防工程、空置建筑…），将其添加到台账。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="294"/>
        <source>Add idle asset by drawing</source>
        <translation>绘制添加闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="297"/>
        <source>Click the asset&apos;s location on the map, then fill in the form.</source>
        <translation>在地图上单击资源位置，然后填写表单。</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="27"/>
        <source>Flag selected</source>
        <translation>标记所选要素</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="30"/>
        <source>Add the selected features of the current layer to the register.</source>
        <translation>将当前图层中所选要素添加到台账。</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="40"/>
        <source>Find candidates…</source>
        <translation>查找候选…</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="52"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="309"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="312"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="80"/>
        <source>Send for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="85"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="90"/>
        <source>Put in use</source>
        <translation>投入使用</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="95"/>
        <source>Retire</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="130"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="135"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="140"/>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="145"/>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="150"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="155"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="174"/>
        <source>Suggest uses</source>
        <translation>建议用途</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="177"/>
        <source>Rank uses of every asset that fill the gaps of its circles (needs the coverage analysis).</source>
        <translation>为每处资源排序能补齐其所在生活圈短板的用途（需先完成覆盖分析）。</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="207"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="212"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="217"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="222"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="187"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="106"/>
        <source>Selected asset</source>
        <translation>所选资源</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="119"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="650"/>
        <source>Repurposing suggestions</source>
        <translation>盘活利用建议</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="345"/>
        <source>All circles</source>
        <translation>全部生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="345"/>
        <source>In no circle</source>
        <translation>不在任何生活圈内</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="386"/>
        <source>{circle} ({minutes} min)</source>
        <translation>{circle}（{minutes} min）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="422"/>
        <source>Select an asset to see its idle times, history and suggestions.</source>
        <translation>选择一处资源，查看其闲置时段、历史记录和建议。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="434"/>
        <source>Press “Suggest uses” to rank uses for the register's assets.</source>
        <translation>点击“建议用途”，为台账中的资源排序用途。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="446"/>
        <source>Idle time windows: none recorded.</source>
        <translation>闲置时段：无记录。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="450"/>
        <source>Idle time windows “{text}” cannot be read: {reason}</source>
        <translation>无法读取闲置时段“{text}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="453"/>
        <source>Idle time windows: {windows} ({hours:g} h per week)</source>
        <translation>闲置时段：{windows}（每周 {hours:g} h）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="459"/>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="460"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="461"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="462"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="505"/>
        <source>Select features on a layer first (the workspace&apos;s own layers do not count).</source>
        <translation>请先在图层上选择要素（工作空间自身的图层不计在内）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="524"/>
        <source>Feature {fid} of “{layer}” no longer exists.</source>
        <translation>“{layer}”的要素 {fid} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="530"/>
        <source>Feature {fid} of “{layer}” is already in the register as {asset_id}.</source>
        <translation>“{layer}”的要素 {fid} 已作为 {asset_id} 登记在台账中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="543"/>
        <source>Flagged from “{layer}”, feature {fid}</source>
        <translation>标记自“{layer}”，要素 {fid}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="544"/>
        <source>recognised by {why}</source>
        <translation>识别依据：{why}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="544"/>
        <source>no rule matched</source>
        <translation>未匹配任何规则</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="552"/>
        <source>Added by drawing</source>
        <translation>通过绘制添加</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="581"/>
        <source>{asset_id} “{name}” added to the register.</source>
        <translation>已将 {asset_id}“{name}”添加到台账。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="604"/>
        <source>Skip a step</source>
        <translation>跳过步骤</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="613"/>
        <source>{asset_id} is now “{status}”.</source>
        <translation>{asset_id} 的状态已变为“{status}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="620"/>
        <source>Note for the change to “{status}” (optional):</source>
        <translation>变更为“{status}”的备注（可选）：</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="636"/>
        <source>The register is empty: flag or add assets first.</source>
        <translation>台账为空：请先标记或添加资源。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="639"/>
        <source>The coverage layer is empty: run the coverage analysis first, so gaps are known.</source>
        <translation>覆盖分析图层为空：请先运行覆盖分析，以确定短板。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="675"/>
        <source>Suggestions ranked for {count} assets.</source>
        <translation>已为 {count} 处资源排序建议。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="706"/>
        <source>Add the layers to scan (OSM, cadastre…) to the project first.</source>
        <translation>请先将要扫描的图层（OSM、地籍…）添加到项目中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="718"/>
        <source>Tick at least one layer to scan.</source>
        <translation>请至少勾选一个要扫描的图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="724"/>
        <source>Find candidates</source>
        <translation>查找候选</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="728"/>
        <source>No idle asset candidates in the chosen layers.</source>
        <translation>所选图层中没有闲置资源候选。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="761"/>
        <source>Found by “Find candidates”: {why}</source>
        <translation>由“查找候选”发现：{why}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="768"/>
        <source>{count} candidates added to the register.</source>
        <translation>已将 {count} 个候选添加到台账。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="280"/>
        <source>Create or open a workspace first: the register is kept in it.</source>
        <translation>请先新建或打开工作空间：台账保存在工作空间中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="272"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="782"/>
        <source>{title} gave no result; nothing was written.</source>
        <translation>{title}没有得到结果，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="463"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="464"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="465"/>
        <source>Owner</source>
        <translation>权属单位</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="466"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="467"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="468"/>
        <source>Idle windows</source>
        <translation>闲置时段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="469"/>
        <source>Condition</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="470"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="471"/>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="472"/>
        <source>Source layer</source>
        <translation>来源图层</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="473"/>
        <source>Source feature</source>
        <translation>来源要素</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="236"/>
        <source>{community} {minutes}-minute circle</source>
        <translation>{community} {minutes} 分钟生活圈</translation>
    </message>
    <message>
        <location filename="../ui/assets_page.ui" line="98"/>
        <source>Take the asset out of use. It stays in the register with its history: assets are never deleted.</source>
        <translation>将资源退出使用；资源及其历史记录仍保留在台账中，不会被删除。</translation>
    </message>
</context>
<context>
    <name>BaiduProvider</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/baidu.py" line="104"/>
        <source>Baidu</source>
        <translation>百度地图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/baidu.py" line="108"/>
        <source>The answer is not Baidu JSON: it has no status.</source>
        <translation>返回内容不是百度地图的 JSON：缺少 status。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/baidu.py" line="116"/>
        <source>Baidu reports too many concurrent requests or a server error ({message}, {code}).</source>
        <translation>百度地图提示并发请求超限或服务器出错（{message}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/baidu.py" line="122"/>
        <source>Baidu reports the daily quota of this ak is used up ({message}, {code}).</source>
        <translation>百度地图提示该 ak 当日配额已用完（{message}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/baidu.py" line="128"/>
        <source>Baidu does not accept the ak ({code}): it is wrong or missing. Check the key in the authentication configuration.</source>
        <translation>百度地图不接受该 ak（{code}）：ak 错误或缺失。请检查认证配置中的密钥。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/baidu.py" line="135"/>
        <source>This ak may not use the Baidu Place API from this computer ({message}, {code}); create a server-side (服务端) ak and check its IP whitelist in the Baidu console.</source>
        <translation>该 ak 不能从本机调用百度地点检索（{message}，{code}）；请在百度地图开放平台控制台创建“服务端”ak，并检查 IP 白名单。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/baidu.py" line="141"/>
        <source>Baidu refused the request: {message} ({code}).</source>
        <translation>百度地图拒绝了请求：{message}（{code}）。</translation>
    </message>
</context>
<context>
    <name>BasemapMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="76"/>
        <source>The basemap style must be vec (vector) or img (imagery), not “{style}”.</source>
        <translation>底图类型须为 vec（矢量）或 img（影像），而不是“{style}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="139"/>
        <source>no Tianditu key is configured</source>
        <translation>未配置天地图密钥</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="143"/>
        <source>the Tianditu key cannot be read from the Authentication Manager</source>
        <translation>无法从认证管理器读取天地图密钥</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="162"/>
        <source>the Tianditu tile server cannot be reached</source>
        <translation>无法连接天地图瓦片服务</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="164"/>
        <source>the Tianditu tile server refused the key (HTTP {status})</source>
        <translation>天地图瓦片服务拒绝了该密钥（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="174"/>
        <source>Tianditu vector</source>
        <translation>天地图矢量底图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="175"/>
        <source>Tianditu imagery</source>
        <translation>天地图影像底图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="176"/>
        <source>Tianditu vector annotation</source>
        <translation>天地图矢量注记</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="177"/>
        <source>Tianditu imagery annotation</source>
        <translation>天地图影像注记</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="183"/>
        <source>The Tianditu layer {name} cannot be opened.</source>
        <translation>无法打开天地图图层 {name}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="196"/>
        <source>Tianditu basemap</source>
        <translation>天地图底图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/basemap.py" line="200"/>
        <source>The Tianditu layer {name} could not be added to the project.</source>
        <translation>无法将天地图图层 {name} 添加到项目中。</translation>
    </message>
</context>
<context>
    <name>BrandMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/brands.py" line="65"/>
        <source>brand table</source>
        <translation>连锁品牌表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/brands.py" line="68"/>
        <source>Line {line} of {path}: a brand needs its name(s) in “brand” and a source (e.g. plugin default, editable).</source>
        <translation>{path} 第 {line} 行：品牌须在 brand 列填写名称，并注明出处（例如“插件默认，可编辑”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/brands.py" line="75"/>
        <source>Line {line} of {path}: “{value}” is not a Wikidata id such as Q37158.</source>
        <translation>{path} 第 {line} 行：“{value}”不是 Wikidata 编号（应形如 Q37158）。</translation>
    </message>
</context>
<context>
    <name>BufferCirclesAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="47"/>
        <source>Radius circles (GB 50180 levels)</source>
        <translation>半径圈（GB 50180 半径分级）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="50"/>
        <source>Draws a circle of true metres around every origin, for each radius level, whatever the CRS (each origin is buffered in an azimuthal equidistant projection centred on it).&lt;br&gt;&lt;b&gt;Origins&lt;/b&gt;: community points or polygons (polygons are buffered from their outline).&lt;br&gt;&lt;b&gt;Origin id field&lt;/b&gt;: optional; the feature id is used when empty.&lt;br&gt;&lt;b&gt;Radii (m)&lt;/b&gt;: default 300,500,1000 — the GB 50180-2018 walking distances of the 5-, 10- and 15-minute life circles.&lt;br&gt;&lt;b&gt;Level minutes&lt;/b&gt;: the minutes each radius stands for, in the same order (default 5,10,15).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one polygon per origin and level, nested, with the origin's own fields plus &lt;i&gt;origin_id&lt;/i&gt;, &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;radius_m&lt;/i&gt; and &lt;i&gt;area_m2&lt;/i&gt; (ellipsoidal area, m²).</source>
        <translation>在任意坐标参考系下，为每个起点按每个半径层级绘制以真实米数为半径的圆（每个起点都在以其为中心的方位等距投影中缓冲）。&lt;br&gt;&lt;b&gt;起点（社区）&lt;/b&gt;：社区点或面（面要素从其边界向外缓冲）。&lt;br&gt;&lt;b&gt;起点编号字段&lt;/b&gt;：可选；为空时使用要素 ID。&lt;br&gt;&lt;b&gt;半径（m）&lt;/b&gt;：默认 300,500,1000，即 GB 50180-2018 中 5 分钟、10 分钟和 15 分钟生活圈的步行距离。&lt;br&gt;&lt;b&gt;层级分钟数&lt;/b&gt;：每个半径对应的分钟数，顺序与半径相同（默认 5,10,15）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个起点、每个层级各一个面，逐级嵌套，保留起点自身的字段，并增加 &lt;i&gt;origin_id&lt;/i&gt;、&lt;i&gt;minutes&lt;/i&gt;、&lt;i&gt;radius_m&lt;/i&gt; 和 &lt;i&gt;area_m2&lt;/i&gt;（椭球面积，m²）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="65"/>
        <source>Radii (m)</source>
        <translation>半径（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="68"/>
        <source>Level minutes</source>
        <translation>层级分钟数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="73"/>
        <source>Radius circles</source>
        <translation>半径圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="108"/>
        <source>The origins layer could not be read.</source>
        <translation>无法读取起点图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="85"/>
        <source>Radii and minutes must be positive numbers separated by commas, e.g. 300,500,1000.</source>
        <translation>半径和分钟数必须是以逗号分隔的正数，例如 300,500,1000。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="89"/>
        <source>Give one level in minutes for each radius ({radii} radii, {minutes} minutes).</source>
        <translation>请为每个半径指定一个以分钟计的层级（当前为 {radii} 个半径、{minutes} 个分钟数）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="95"/>
        <source>A radius of {radius:,.10g} m is beyond the {limit:,.10g} m a living circle can have (GB 50180-2018&apos;s largest level is 1,000 m); give the radii in metres, e.g. 300,500,1000.</source>
        <translation>半径 {radius:,.10g} 米超出了生活圈可有的 {limit:,.10g} 米上限（GB 50180-2018 的最大层级为 1,000 米）；请以米为单位填写半径，例如 300,500,1000。</translation>
    </message>
</context>
<context>
    <name>CandidateMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidates.py" line="162"/>
        <source>Line {line} of the candidate rules {path}: {problem}</source>
        <translation>候选规则 {path} 第 {line} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidates.py" line="169"/>
        <source>“{value}” is not an asset type (use one of {codes}).</source>
        <translation>“{value}”不是资源类型（请使用 {codes} 之一）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidates.py" line="175"/>
        <source>the match kind “{value}” must be one of {kinds}.</source>
        <translation>匹配方式“{value}”必须是 {kinds} 之一。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidates.py" line="189"/>
        <source>the pattern or a condition is not of the form key=value, key=value|value, key=* or key~text.</source>
        <translation>模式或条件的格式不是 key=value、key=value|value、key=* 或 key~text。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidates.py" line="197"/>
        <source>the why text uses {names}; only {{match}}, {{requires}} and {{asset_type}} exist.</source>
        <translation>why 文本中使用了 {names}；只有 {{match}}、{{requires}} 和 {{asset_type}} 可用。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidates.py" line="210"/>
        <source>The candidate rules {path} contain no rule.</source>
        <translation>候选规则 {path} 中没有任何规则。</translation>
    </message>
</context>
<context>
    <name>CandidateScanMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidate_scan.py" line="86"/>
        <source>The living circles could not be indexed.</source>
        <translation>无法为生活圈建立索引。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidate_scan.py" line="98"/>
        <source>The ellipsoid of “{layer}” is unknown, so areas cannot be measured.</source>
        <translation>“{layer}”的椭球未知，无法量算面积。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidate_scan.py" line="140"/>
        <source>Feature {fid} of “{layer}” cannot be placed in the output CRS.</source>
        <translation>“{layer}”的要素 {fid} 无法放入输出坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidate_scan.py" line="163"/>
        <source>{count} matching features have no geometry and are not candidates: {ids}</source>
        <translation>{count} 个符合条件的要素没有几何图形，未列为候选：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/candidate_scan.py" line="168"/>
        <source>{count} candidates found.</source>
        <translation>共找到 {count} 个候选闲置资源。</translation>
    </message>
</context>
<context>
    <name>CandidatesDialog</name>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="6"/>
        <source>Idle asset candidates</source>
        <translation>闲置资源候选</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="22"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="27"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="52"/>
        <source>Why</source>
        <translation>识别依据</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="42"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="47"/>
        <source>Circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="32"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="172"/>
        <source>Register ticked</source>
        <translation>登记已勾选项</translation>
    </message>
    <message>
        <location filename="../ui/candidates_dialog.ui" line="37"/>
        <source>In the register?</source>
        <translation>是否已登记</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="177"/>
        <source>{count} candidates found; {new} are new and ticked. The others are or may already be in the register: tick one only after checking it.</source>
        <translation>共找到 {count} 个候选，其中 {new} 个为新资源，已勾选。其余候选已经或可能已经登记，请核实后再勾选。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="213"/>
        <source>Registered: {asset} {name}</source>
        <translation>已登记：{asset} {name}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="215"/>
        <source>Perhaps {asset} {name} (same name nearby)</source>
        <translation>可能是 {asset} {name}（附近同名）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="219"/>
        <source>Perhaps {asset} {name} (same place)</source>
        <translation>可能是 {asset} {name}（位置相同）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/assets_page.py" line="220"/>
        <source>New</source>
        <translation>新资源</translation>
    </message>
</context>
<context>
    <name>CarriedFields</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="236"/>
        <source>The input layer already has a field named {name}; rename it first.</source>
        <translation>输入图层中已有名为 {name} 的字段，请先将其重命名。</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="65"/>
        <source>Basic services</source>
        <translation>基本保障类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="66"/>
        <source>Quality services</source>
        <translation>品质提升类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="67"/>
        <source>Public facilities</source>
        <translation>公共服务设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="90"/>
        <source>Line {line} of {path}: the code “{code}” is reserved for a coverage summary field.</source>
        <translation>{path} 第 {line} 行：代码“{code}”已保留给覆盖分析汇总字段使用。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="103"/>
        <source>Line {line} of {path}: the column(s) {columns} must not be empty.</source>
        <translation>{path} 第 {line} 行：列 {columns} 不能为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="136"/>
        <source>The facility categories table contains no categories.</source>
        <translation>设施分类表中没有任何分类。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="87"/>
        <source>Line {line} of {path}: the code “{code}” is not a lowercase identifier (a-z, 0-9, _).</source>
        <translation>{path} 第 {line} 行：代码“{code}”不是小写标识符（a-z、0-9、_）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="112"/>
        <source>Line {line} of {path}: the code “{code}” is already used on line {first} of {first_path}.</source>
        <translation>{path} 第 {line} 行：代码“{code}”已在 {first_path} 第 {first} 行使用。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="75"/>
        <source>classification rules file</source>
        <translation>分类规则文件</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="76"/>
        <source>facility categories table</source>
        <translation>设施分类表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="68"/>
        <source>Other services</source>
        <translation>其他业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="96"/>
        <source>Line {line} of {path}: the class “{value}” must be one of basic, quality, public or other.</source>
        <translation>{path} 第 {line} 行：类别“{value}”必须是 basic、quality、public 或 other 之一。</translation>
    </message>
</context>
<context>
    <name>CategoryCodes</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/category_codes.py" line="34"/>
        <source>empty ({count})</source>
        <translation>空（{count}）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/category_codes.py" line="45"/>
        <source>{count} facilities have no known category code and were left out: {found}.</source>
        <translation>{count} 个设施没有已知的类别代码，未纳入计算：{found}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/category_codes.py" line="39"/>
        <source>None of the {count} facilities has a point and a category code of the categories table in the field “{field}” (found: {found}). Run Classify facilities first, or choose the right field.</source>
        <translation>{count} 个设施中，没有一个既有点位、又在字段“{field}”中具有分类表中的类别代码（发现的值：{found}）。请先运行“设施分类”，或选择正确的字段。</translation>
    </message>
</context>
<context>
    <name>CategoryMappingDialog</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/category_mapping_dialog.py" line="36"/>
        <source>Map values of “{field}” to categories</source>
        <translation>将“{field}”的值对应到类别</translation>
    </message>
    <message>
        <location filename="../ui/category_mapping_dialog.ui" line="22"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/category_mapping_dialog.ui" line="27"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../ui/category_mapping_dialog.ui" line="32"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/category_mapping_dialog.py" line="56"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/category_mapping_dialog.py" line="61"/>
        <source>(unclassified)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/category_mapping_dialog.py" line="38"/>
        <source>Each feature whose “{field}” holds a value gets the category chosen for it. The choices start from the classification rules' guess; “(unclassified)” leaves the features for the review.</source>
        <translation>“{field}”中有值的每个要素都将归入为该值选定的类别。初始选择来自分类规则的推测；选择“（未分类）”则将这些要素留待人工复核。</translation>
    </message>
</context>
<context>
    <name>CircleChart</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="137"/>
        <source>Select a circle in the table.</source>
        <translation>请在表格中选择一个生活圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="141"/>
        <source>{circle}: basic services (基本保障类)</source>
        <translation>{circle}：基本保障类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="141"/>
        <source>{circle}: quality services (品质提升类)</source>
        <translation>{circle}：品质提升类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="146"/>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
</context>
<context>
    <name>CircleForm</name>
    <message>
        <location filename="../ui/circle_form.ui" line="5"/>
        <source>New living circle</source>
        <translation>新建生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="26"/>
        <source>(no community)</source>
        <translation>（无社区）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="30"/>
        <source>{minutes}-minute circle</source>
        <translation>{minutes} 分钟生活圈</translation>
    </message>
    <message>
        <location filename="../ui/circle_form.ui" line="10"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/circle_form.ui" line="20"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../ui/circle_form.ui" line="30"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../ui/circle_form.ui" line="40"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CircleMapTool</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_tool.py" line="113"/>
        <source>Radius: {typed} m (press Enter to confirm)</source>
        <translation>半径：{typed} m（按 Enter 确认）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_tool.py" line="114"/>
        <source>Radius: {radius:,.0f} m</source>
        <translation>半径：{radius:,.0f} m</translation>
    </message>
</context>
<context>
    <name>CirclePlanAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="54"/>
        <source>Circle plan report (一圈一策 PDF)</source>
        <translation>生活圈方案报告（一圈一策 PDF）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="116"/>
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="117"/>
        <source>Circles or isochrones</source>
        <translation>生活圈或等时圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="122"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="125"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="128"/>
        <source>Repurposing suggestions</source>
        <translation>盘活利用建议</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="133"/>
        <source>Walking minutes (communities with min_&lt;code&gt;)</source>
        <translation>步行分钟数（带 min_&lt;code&gt; 字段的社区）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="150"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="153"/>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="153"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="156"/>
        <source>Layout name</source>
        <translation>布局名称</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="157"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="198"/>
        <source>The input layers could not be prepared for the report.</source>
        <translation>无法为报告准备输入图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="217"/>
        <source>The report layout could not be created.</source>
        <translation>无法创建报告布局。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="231"/>
        <source>{pages} pages written to {path}.</source>
        <translation>已将 {pages} 页写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="151"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="152"/>
        <source>Bureau</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="63"/>
        <source>Prints the 一圈一策 plan: a cover page with the circles per MOFCOM grade and the basic services most often missing, then two A4 pages per circle of the coverage layer (a QGIS atlas).&lt;br&gt;Each circle page shows the circle's name and community, a map of the circle with its walking isochrones, the facilities by class and the idle assets (legend, scale bar, north arrow), the MOFCOM grade, the table of basic (基本保障类) and quality (品质提升类) categories present (✓ and count) or missing (highlighted), the walking minutes to the nearest facility of each category, the resource list (资源清单: the idle assets of the circle with their top suggestions), and the data sources with their attribution (© OpenStreetMap contributors, ODbL 1.0 when OSM data are used). A circle with no facility still gets its page, which says so.&lt;br&gt;&lt;b&gt;Coverage&lt;/b&gt;: the output of Coverage per circle (&lt;i&gt;name&lt;/i&gt;, &lt;i&gt;community_id&lt;/i&gt;, &lt;i&gt;level_min&lt;/i&gt;, &lt;i&gt;population&lt;/i&gt;, &lt;i&gt;n_&amp;lt;code&amp;gt;&lt;/i&gt;, &lt;i&gt;grade&lt;/i&gt;, …); one page per feature.&lt;br&gt;&lt;b&gt;Circles&lt;/b&gt; (optional): circles or network isochrones; those with the same &lt;i&gt;community_id&lt;/i&gt; (or &lt;i&gt;origin_id&lt;/i&gt;) as the page's circle are drawn as dashed outlines.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; (optional): classified facilities (&lt;i&gt;category_class&lt;/i&gt;); their &lt;i&gt;source&lt;/i&gt; values are listed as data sources.&lt;br&gt;&lt;b&gt;Idle assets&lt;/b&gt; (optional): drawn on the map, and listed on the page when no suggestions are given.&lt;br&gt;&lt;b&gt;Suggestions&lt;/b&gt; (optional): the output of Suggest repurposing of idle assets; the best 3 uses of each asset in the circle are listed with their reason, in the language of the QGIS interface.&lt;br&gt;&lt;b&gt;Walking minutes&lt;/b&gt; (optional): the communities with &lt;i&gt;min_&amp;lt;code&amp;gt;&lt;/i&gt; fields from Nearest facility, joined to the circles by &lt;i&gt;community_id&lt;/i&gt;; without it the table shows —.&lt;br&gt;Each circle gets a second page with its lists and the plan in figures, and the cover a city summary page:&lt;br&gt;&lt;b&gt;Residents' needs&lt;/b&gt; (optional): the workspace needs (&lt;i&gt;community_id&lt;/i&gt;, &lt;i&gt;category&lt;/i&gt;, &lt;i&gt;weight&lt;/i&gt;, &lt;i&gt;list&lt;/i&gt;); the needs list shows, per themed list, the categories asked for most with the residents asking, for the circle's community and the needs located inside the circle.&lt;br&gt;&lt;b&gt;Needs lists&lt;/b&gt; (optional): the workspace need_lists (name, colour, meaning) shown beside each list.&lt;br&gt;&lt;b&gt;Projects&lt;/b&gt; (optional): the workspace projects; the project list shows name, status, investment (万元), lead unit and deadline of the projects sited in the circle or naming it. With the facilities, the grade after the plan is computed as Plan scenario does, with the projects planned, approved or under construction built; the city summary counts projects and investment per status and circles per grade now and after the plan.&lt;br&gt;&lt;b&gt;Satisfaction surveys&lt;/b&gt; (optional): the workspace satisfaction table (&lt;i&gt;community_id&lt;/i&gt; or &lt;i&gt;circle_id&lt;/i&gt;, &lt;i&gt;share_satisfied&lt;/i&gt; 0–1 or &lt;i&gt;score&lt;/i&gt; 0–100, &lt;i&gt;sample_size&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;); the latest survey is shown against the 90 % target (三年行动计划 2023–2025), else “No survey yet.”&lt;br&gt;&lt;b&gt;Circle fusion&lt;/b&gt; (optional): the output of Circle fusion; the circle's communities × profiles matrix (met ✓, missing ✗) and what its own community lacks, and on the summary page each profile's communities and residents meeting it.&lt;br&gt;The plan figures also show the coverage layer's chain-store share against the 30 % target (2025 notice), the largest park and public green per resident against GB 50180 Table 4.0.4, and the community service floor area shortfall by 国办发〔2021〕56号 (30 m² per 100 households).&lt;br&gt;&lt;b&gt;Title&lt;/b&gt;: the plan's title (e.g. the district).&lt;br&gt;&lt;b&gt;Area&lt;/b&gt; (optional): the planning area, printed under the title and in each page's header.&lt;br&gt;&lt;b&gt;Bureau&lt;/b&gt; (optional): the bureau issuing the plan, printed on the cover and in each page's footer.&lt;br&gt;&lt;b&gt;PDF file&lt;/b&gt;: the report; an existing file is replaced only when the report is complete.&lt;br&gt;Outputs: the PDF, the number of pages and the layout name. To restyle the layout and export it again, use the Analysis page's button, which adds the layouts to the project.</source>
        <translation>打印“一圈一策”方案：封面列出按商务部等级统计的生活圈数量及最常缺少的基本保障服务，随后为覆盖分析图层中的每个生活圈各生成两页 A4 页面（QGIS 图集）。&lt;br&gt;每个生活圈的第一页包括：生活圈名称和所属社区；生活圈地图，含步行等时圈、按大类显示的设施和闲置资源（图例、比例尺、指北针）；商务部等级；基本保障类和品质提升类业态的具备情况表（已有的显示 ✓ 及数量，缺少的突出显示）；到各业态最近设施的步行分钟数；资源清单（生活圈内的闲置资源及其排名靠前的建议）；数据来源及其署名（使用 OSM 数据时为 © OpenStreetMap contributors, ODbL 1.0）。没有任何设施的生活圈也会生成页面，并在页面中注明。&lt;br&gt;&lt;b&gt;覆盖分析&lt;/b&gt;：“逐圈覆盖分析”的输出（&lt;i&gt;name&lt;/i&gt;、&lt;i&gt;community_id&lt;/i&gt;、&lt;i&gt;level_min&lt;/i&gt;、&lt;i&gt;population&lt;/i&gt;、&lt;i&gt;n_&amp;lt;code&amp;gt;&lt;/i&gt;、&lt;i&gt;grade&lt;/i&gt;…）；每个要素一组页面。&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;（可选）：生活圈或路网等时圈；与本页生活圈 &lt;i&gt;community_id&lt;/i&gt;（或 &lt;i&gt;origin_id&lt;/i&gt;）相同的以虚线轮廓绘制。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;（可选）：已分类的设施（&lt;i&gt;category_class&lt;/i&gt;）；其 &lt;i&gt;source&lt;/i&gt; 值列为数据来源。&lt;br&gt;&lt;b&gt;闲置资源&lt;/b&gt;（可选）：绘制在地图上；未提供建议时在页面中列出。&lt;br&gt;&lt;b&gt;建议&lt;/b&gt;（可选）：“闲置资源盘活利用建议”的输出；列出生活圈内每处资源最佳的 3 种用途及理由，语言与 QGIS 界面一致。&lt;br&gt;&lt;b&gt;步行分钟数&lt;/b&gt;（可选）：带有“最近设施”所生成 &lt;i&gt;min_&amp;lt;code&amp;gt;&lt;/i&gt; 字段的社区，按 &lt;i&gt;community_id&lt;/i&gt; 与生活圈关联；未提供时表中显示 —。&lt;br&gt;每个生活圈另有第二页，列出各项清单和规划指标；封面之后另有一页全市汇总：&lt;br&gt;&lt;b&gt;居民需求&lt;/b&gt;（可选）：工作空间中的需求（&lt;i&gt;community_id&lt;/i&gt;、&lt;i&gt;category&lt;/i&gt;、&lt;i&gt;weight&lt;/i&gt;、&lt;i&gt;list&lt;/i&gt;）；需求清单按主题清单列出本生活圈所属社区及落在圈内的需求中呼声最高的业态和提出诉求的居民人数。&lt;br&gt;&lt;b&gt;需求清单&lt;/b&gt;（可选）：工作空间中的 need_lists（名称、颜色、含义），显示在各清单旁。&lt;br&gt;&lt;b&gt;项目&lt;/b&gt;（可选）：工作空间中的项目；项目清单列出选址在圈内或注明本生活圈的项目的名称、状态、投资（万元）、牵头单位和完成时限。同时提供设施图层时，按“规划情景”的方法计算规划实施后的等级（计入已规划、已批复和在建项目）；全市汇总页按状态统计项目数和投资，并列出现状和规划实施后各等级的生活圈数量。&lt;br&gt;&lt;b&gt;满意度调查&lt;/b&gt;（可选）：工作空间中的满意度表（&lt;i&gt;community_id&lt;/i&gt; 或 &lt;i&gt;circle_id&lt;/i&gt;、&lt;i&gt;share_satisfied&lt;/i&gt; 0–1 或 &lt;i&gt;score&lt;/i&gt; 0–100、&lt;i&gt;sample_size&lt;/i&gt;、&lt;i&gt;date&lt;/i&gt;）；显示最近一次调查结果并对照 90% 的目标（三年行动计划 2023–2025），没有调查时注明“尚无满意度调查”。&lt;br&gt;&lt;b&gt;圈圈融合&lt;/b&gt;（可选）：“圈圈融合”的输出；列出本生活圈内各社区 × 各类服务圈的达标矩阵（达标 ✓，缺项 ✗）及所属社区缺少的项目，汇总页列出各类服务圈达标的社区数和居民数。&lt;br&gt;规划指标还对照显示覆盖分析图层中的连锁化率（目标 30%，2025 年扩围升级通知）、最大公园面积和人均公共绿地（GB 50180 表 4.0.4），以及按国办发〔2021〕56号（每百户 30 m²）计算的社区综合服务设施面积缺口。&lt;br&gt;&lt;b&gt;标题&lt;/b&gt;：方案标题（例如区名）。&lt;br&gt;&lt;b&gt;区域&lt;/b&gt;（可选）：规划区域，印在封面标题下方和每页页眉中。&lt;br&gt;&lt;b&gt;编制单位&lt;/b&gt;（可选）：编制方案的单位，印在封面和每页页脚中。&lt;br&gt;&lt;b&gt;PDF 文件&lt;/b&gt;：输出的报告；仅在报告完整生成后才替换已有文件。&lt;br&gt;输出：PDF、页数和布局名称。如需调整布局样式并重新导出，请使用“分析”页面上的按钮，它会将布局添加到项目中（替换此前导出的布局）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="142"/>
        <source>Residents&apos; needs</source>
        <translation>居民需求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="142"/>
        <source>Needs lists</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="142"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="142"/>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="142"/>
        <source>Circle fusion (communities with &lt;profile&gt;_met)</source>
        <translation>圈圈融合（带 &lt;profile&gt;_met 字段的社区）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/circle_plan.py" line="218"/>
        <source>Printing the cover, the city summary and the pages of {count} circles…</source>
        <translation>正在打印封面、全市汇总和 {count} 个生活圈的页面…</translation>
    </message>
</context>
<context>
    <name>CirclePlanReport</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="279"/>
        <source>the layers of the workspace</source>
        <translation>工作空间中的图层</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="280"/>
        <source>Data sources: {sources}.</source>
        <translation>数据来源：{sources}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="362"/>
        <source>GB 50180 / MOFCOM level requirements not met</source>
        <translation>未达到 GB 50180 / 商务部等级要求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="828"/>
        <source>Nothing to show.</source>
        <translation>无可显示的内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="970"/>
        <source>15-minute living circles</source>
        <translation>一刻钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="972"/>
        <source>The coverage layer has no circles, so there is no plan to print. Run Coverage first.</source>
        <translation>覆盖分析图层中没有生活圈，因此没有可打印的方案。请先运行覆盖分析。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="1015"/>
        <source>The layout {name} could not be added to the project.</source>
        <translation>无法将布局 {name} 添加到项目中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="1083"/>
        <source>The PDF {path} could not be written.</source>
        <translation>无法写入 PDF 文件 {path}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="1105"/>
        <source>The atlas of the circle plan could not be started.</source>
        <translation>无法启动生活圈方案的图集。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="1117"/>
        <source>Page {page} of the circle plan could not be prepared.</source>
        <translation>无法生成生活圈方案的第 {page} 页。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="320"/>
        <source>{minutes}-minute circle</source>
        <translation>{minutes} 分钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="422"/>
        <source>No idle asset recorded in this circle.</source>
        <translation>此生活圈内未登记闲置资源。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="463"/>
        <source>—: walking minutes not measured, or no facility within the walking limit.</source>
        <translation>—：未测算步行分钟数，或步行范围内没有设施。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="464"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="495"/>
        <source>This circle</source>
        <translation>本生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="496"/>
        <source>Other circles</source>
        <translation>其他生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="509"/>
        <source>Isochrones of this community</source>
        <translation>本社区的等时圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="541"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="535"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="537"/>
        <source>Isochrones</source>
        <translation>等时圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="539"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="674"/>
        <source>Circle plan: {title}</source>
        <translation>生活圈方案：{title}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="687"/>
        <source>Facilities present and missing — and the walk to the nearest one</source>
        <translation>已有和缺少的设施，以及到最近设施的步行时间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="884"/>
        <source>Circle plan cover: {title}</source>
        <translation>生活圈方案封面：{title}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="888"/>
        <source>15-minute living circle plan (一圈一策)</source>
        <translation>一刻钟生活圈方案（一圈一策）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="901"/>
        <source>{circles} circles · {population} residents · {date}</source>
        <translation>{circles} 个生活圈 · {population} 名居民 · {date}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="912"/>
        <source>Circles per MOFCOM grade</source>
        <translation>各商务部等级的生活圈数量</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="919"/>
        <source>Basic services most often missing (circles lacking them)</source>
        <translation>最常缺少的基本保障类业态（缺少该业态的生活圈数）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>No facilities in this circle.</source>
        <translation>此生活圈内没有设施。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Present</source>
        <translation>已有</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Walk (min)</source>
        <translation>步行（min）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Made with the 15-minute living circle plugin for QGIS</source>
        <translation>由 QGIS 一刻钟生活圈插件生成</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Also suitable:</source>
        <translation>也适用于：</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>MOFCOM grade</source>
        <translation>商务部等级</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Basic services present</source>
        <translation>已有基本保障类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Quality services present</source>
        <translation>已有品质提升类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Facilities per 10,000 residents</source>
        <translation>每万名居民设施数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>No idle assets layer was given.</source>
        <translation>未提供闲置资源图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="1157"/>
        <source>The circle plan is not complete; nothing was written.</source>
        <translation>“一圈一策”方案尚未完整生成，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="307"/>
        <source>GB 50180 radius circle</source>
        <translation>GB 50180 半径圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="308"/>
        <source>Walking isochrone</source>
        <translation>步行等时圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="309"/>
        <source>Circle drawn by hand</source>
        <translation>手绘圆形生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="310"/>
        <source>Boundary drawn by hand</source>
        <translation>手绘生活圈边界</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="647"/>
        <source>Tianditu basemap not shown ({reason}); the map shows the workspace layers only.</source>
        <translation>未显示天地图底图（{reason}）；地图仅显示工作空间图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="654"/>
        <source>The basemap could not be added to the report.</source>
        <translation>无法将底图添加到报告中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Resource list (资源清单): idle assets and their suggestions</source>
        <translation>资源清单：闲置资源及盘活建议</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="938"/>
        <source>City summary: needs, projects and the plan</source>
        <translation>全市汇总：需求、项目与规划</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/layout.py" line="108"/>
        <source>Needs, projects and the plan in figures</source>
        <translation>需求、项目与规划指标</translation>
    </message>
</context>
<context>
    <name>CircleWriter</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="85"/>
        <source>A circle needs a radius greater than 0 m.</source>
        <translation>生活圈半径必须大于 0 m。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="94"/>
        <source>The WGS84 ellipsoid is unknown to QGIS; distances and areas cannot be measured.</source>
        <translation>QGIS 无法识别 WGS84 椭球，无法量算距离和面积。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="102"/>
        <source>{what} has no area, so nothing was written.</source>
        <translation>{what}没有面积，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="162"/>
        <source>The circles layer of the workspace cannot be opened, so nothing was written.</source>
        <translation>无法打开工作空间的生活圈图层，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="167"/>
        <source>The circles layer lacks the fields {fields}; open it as a workspace to upgrade it.</source>
        <translation>生活圈图层缺少字段 {fields}；请将其作为工作空间打开以完成升级。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="188"/>
        <source>The drawn circle</source>
        <translation>绘制的生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="209"/>
        <source>The circles layer cannot be edited (is the workspace file read-only?).</source>
        <translation>生活圈图层无法编辑（工作空间文件是否为只读？）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="210"/>
        <source>Add living circle</source>
        <translation>添加生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="213"/>
        <source>The circle could not be added to the circles layer.</source>
        <translation>无法将该生活圈添加到生活圈图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="257"/>
        <source>The computed circles carry no level in minutes, so nothing was written.</source>
        <translation>计算得到的生活圈没有以分钟计的层级，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="266"/>
        <source>Computed circle {number} has no level in minutes, so nothing was written.</source>
        <translation>计算得到的生活圈 {number} 没有以分钟计的层级，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="271"/>
        <source>Computed circle {number}</source>
        <translation>计算得到的生活圈 {number}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="111"/>
        <source>{what} lies outside the coordinate system of the circles layer; nothing was written.</source>
        <translation>{what}超出生活圈图层坐标系的范围，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="293"/>
        <source>The earlier circles could not be replaced; the circles layer is unchanged.</source>
        <translation>无法替换原有生活圈，生活圈图层保持不变。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="144"/>
        <source>{what} has no measurable area (is the map&apos;s coordinate system right?); nothing was written.</source>
        <translation>{what}无法量算面积（请检查地图的坐标参考系是否正确），未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/writer.py" line="153"/>
        <source>{what} reaches beyond the valid area of the circles layer&apos;s coordinate system; nothing was written.</source>
        <translation>{what}超出了生活圈图层坐标参考系的有效范围，未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>CirclesPage</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="100"/>
        <source>Circle by centre and radius</source>
        <translation>按圆心和半径绘制</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="101"/>
        <source>Click the centre (it snaps to a community point), move, click again — or type the radius in metres and press Enter. Esc cancels.</source>
        <translation>单击圆心（会捕捉到社区点），移动鼠标后再次单击；也可输入以米为单位的半径并按 Enter。按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="107"/>
        <source>Polygon boundary</source>
        <translation>多边形边界</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="108"/>
        <source>Click the vertices, right-click to finish. Esc cancels.</source>
        <translation>依次单击各顶点，右键单击完成。按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="37"/>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="36"/>
        <source>by mouse</source>
        <translation>鼠标量取</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="34"/>
        <source>A fixed radius: each click places a circle of this size. Set to 0 to measure with the mouse.</source>
        <translation>固定半径：每次单击放置一个此大小的圆。设为 0 则用鼠标量取半径。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="213"/>
        <source>Radius circles</source>
        <translation>半径圈</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="98"/>
        <source>GB 50180 radius levels around every origin (needs no roads).</source>
        <translation>围绕每个起点生成 GB 50180 半径分级（无需道路数据）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="236"/>
        <source>Walking isochrones</source>
        <translation>步行等时圈</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="102"/>
        <source>The area reachable on foot along the roads within each level.</source>
        <translation>在每个层级的时间内沿道路步行可达的范围。</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="114"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="12"/>
        <source>Draw by hand</source>
        <translation>手工绘制</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="29"/>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="50"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="55"/>
        <source>Origins (communities)</source>
        <translation>起点（社区）</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="63"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="79"/>
        <source>Levels (minutes)</source>
        <translation>层级（分钟）</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="87"/>
        <source>Radii (m)</source>
        <translation>半径（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="73"/>
        <source>GB 50180-2018: 5-, 10- and 15-minute circles; walking at {speed} km/h.</source>
        <translation>GB 50180-2018：5 分钟、10 分钟和 15 分钟生活圈；步行速度 {speed} km/h。</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="92"/>
        <source>GB 50180-2018: 300 / 500 / 800–1,000 m, one radius per level.</source>
        <translation>GB 50180-2018：300 / 500 / 800–1,000 m，每个层级一个半径。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="88"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="191"/>
        <source>Circle added to “{layer}”. Save the layer edits to keep it (Ctrl+Z undoes it).</source>
        <translation>已将生活圈添加到“{layer}”。请保存图层编辑以保留该生活圈（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="233"/>
        <source>Choose the road layer to walk on first.</source>
        <translation>请先选择用于步行计算的道路图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="259"/>
        <source>Choose the layer of communities (origins) first.</source>
        <translation>请先选择社区（起点）图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="278"/>
        <source>{title} gave no result; nothing was written.</source>
        <translation>{title}没有得到结果，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="96"/>
        <source>Create or open a workspace first: circles are saved in it.</source>
        <translation>请先新建或打开工作空间：生活圈保存在工作空间中。</translation>
    </message>
    <message>
        <location filename="../ui/circles_page.ui" line="71"/>
        <source>Topology tolerance</source>
        <translation>拓扑容差</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="292"/>
        <source>{count} circles written to “{layer}” ({title}).</source>
        <translation>已向“{layer}”写入 {count} 个生活圈（{title}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="321"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="323"/>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="333"/>
        <source>{title}: cancelled; the circles layer is unchanged.</source>
        <translation>{title}：已取消，生活圈图层保持不变。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="314"/>
        <source>The workspace already holds {count} circles of this method for these communities. Replace them with the new result, or keep both (the new circles are then named “… (run 2)” so coverage and the report tell them apart)?</source>
        <translation>工作空间中已有这些社区用同一方法生成的 {count} 个生活圈。用新结果替换它们，还是两者都保留（新生活圈将命名为“…（第 2 次）”，覆盖分析和报告中可据此区分）？</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="332"/>
        <source> (run {number})</source>
        <translation>（第 {number} 次）</translation>
    </message>
</context>
<context>
    <name>CityChart</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="181"/>
        <source>Run the coverage to see the city summary.</source>
        <translation>运行覆盖分析以查看全市汇总。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="197"/>
        <source>Circles per grade ({count} circles)</source>
        <translation>各等级生活圈数量（共 {count} 个生活圈）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="203"/>
        <source>Basic categories missing most often</source>
        <translation>最常缺少的基本保障类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="206"/>
        <source>At or above the target</source>
        <translation>达到目标</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="206"/>
        <source>Below the target</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="214"/>
        <source>Circles surveyed, satisfaction against {target:.0%}</source>
        <translation>已调查的生活圈：满意度对照 {target:.0%} 目标</translation>
    </message>
</context>
<context>
    <name>ClassificationLog</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/classify.py" line="254"/>
        <source>{matched} of {total} features classified; {unmatched} unclassified (empty category).</source>
        <translation>已分类 {matched}/{total} 个要素；{unmatched} 个未能归入任何业态。</translation>
    </message>
</context>
<context>
    <name>ClassifyFacilitiesAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="59"/>
        <source>Classify facilities</source>
        <translation>设施分类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="62"/>
        <source>Gives every facility one of the categories of the MOFCOM 15-minute living circle guide and GB 50180-2018 (resources/categories/categories.csv), using the matching rules in resources/categories/rules.csv.&lt;br&gt;&lt;b&gt;Input layer&lt;/b&gt;: any vector layer of facilities. OSM tags are read from fields named like the tag keys (amenity, shop, leisure, healthcare, …) and from an &lt;i&gt;other_tags&lt;/i&gt; field as GDAL writes it.&lt;br&gt;&lt;b&gt;Extra rules file&lt;/b&gt; (optional): a UTF-8 CSV with columns code, kind (osm_tag, amap_typecode, baidu_tag or name_keyword), pattern, priority and note. Its rules are added to the bundled ones; a rule with the same kind and pattern as a bundled rule replaces it. Code “-” marks a pattern as not a facility.&lt;br&gt;&lt;b&gt;Name field&lt;/b&gt;, &lt;b&gt;Amap type code field&lt;/b&gt;, &lt;b&gt;Baidu tag field&lt;/b&gt; (optional): the fields holding the name (matched against Chinese keywords such as 菜市场, 药房, 便利店), the 6-digit Amap type code (e.g. 060200, several separated by |) and the Baidu tag (e.g. 购物;便利店). Left empty, fields named name/名称, typecode/类型编码 and baidu_tag/tag/标签 are used when present.&lt;br&gt;Precedence: an OSM tag, type code or Baidu tag beats a name keyword; a more specific rule beats a less specific one (key=value over key=*, longer type-code prefix, deeper tag, longer keyword); the priority column breaks ties.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the input features with all their fields plus &lt;i&gt;category&lt;/i&gt; (code, empty when nothing matched), &lt;i&gt;category_class&lt;/i&gt; (basic, quality or public), &lt;i&gt;category_zh&lt;/i&gt; (Chinese name) and &lt;i&gt;matched_by&lt;/i&gt; (the rule that decided, e.g. osm:shop=convenience, amap:0602xx, name:便利店). Existing fields with these names are replaced. Unclassified features are kept and counted in the log with the count per category.</source>
        <translation>按照商务部一刻钟便民生活圈指南和 GB 50180-2018 的分类（resources/categories/categories.csv），使用 resources/categories/rules.csv 中的匹配规则，为每个设施指定一个业态。&lt;br&gt;&lt;b&gt;输入图层&lt;/b&gt;：任意设施矢量图层。OSM 标签从以标签键命名的字段（amenity、shop、leisure、healthcare、…）以及 GDAL 写出的 &lt;i&gt;other_tags&lt;/i&gt; 字段中读取。&lt;br&gt;&lt;b&gt;附加规则文件&lt;/b&gt;（可选）：UTF-8 编码的 CSV，列为 code、kind（osm_tag、amap_typecode、baidu_tag 或 name_keyword）、pattern、priority 和 note。其中的规则会添加到插件自带的规则中；kind 和 pattern 与某条自带规则相同的规则会替换该自带规则。代码“-”表示该模式不是设施。&lt;br&gt;&lt;b&gt;名称字段&lt;/b&gt;、&lt;b&gt;高德类型编码字段&lt;/b&gt;、&lt;b&gt;百度标签字段&lt;/b&gt;（可选）：分别存放名称（与 菜市场、药房、便利店 等中文关键词匹配）、高德 6 位类型编码（例如 060200，多个以 | 分隔）和百度标签（例如 购物;便利店）的字段。留空时，如存在名为 name/名称、typecode/类型编码 和 baidu_tag/tag/标签 的字段，则使用这些字段。&lt;br&gt;优先顺序：OSM 标签、类型编码或百度标签优先于名称关键词；更具体的规则优先于较宽泛的规则（key=value 优先于 key=*，更长的类型编码前缀、更深的标签层级、更长的关键词优先）；相同时由 priority 列决定。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：输入要素及其全部字段，并增加 &lt;i&gt;category&lt;/i&gt;（代码，未匹配时为空）、&lt;i&gt;category_class&lt;/i&gt;（basic、quality 或 public）、&lt;i&gt;category_zh&lt;/i&gt;（中文名称）和 &lt;i&gt;matched_by&lt;/i&gt;（起决定作用的规则，例如 osm:shop=convenience、amap:0602xx、name:便利店）。已有的同名字段将被替换。未分类的要素会保留，其数量与各业态的数量一并记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="88"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="93"/>
        <source>Extra rules file</source>
        <translation>附加规则文件</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="96"/>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="96"/>
        <source>Amap type code field</source>
        <translation>高德类型编码字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="96"/>
        <source>Baidu tag field</source>
        <translation>百度标签字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="104"/>
        <source>Classified</source>
        <translation>已分类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/classify_facilities.py" line="123"/>
        <source>Field {field} is read as {role}.</source>
        <translation>将字段 {field} 用作{role}。</translation>
    </message>
</context>
<context>
    <name>ColocationAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="41"/>
        <source>Co-location sites (gaps closed across circles)</source>
        <translation>圈圈融合选址（一址补多圈）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="74"/>
        <source>Circle fusion</source>
        <translation>圈圈融合结果</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="75"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="78"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="83"/>
        <source>Project statuses counted as planned sites</source>
        <translation>视为规划选址的项目状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="90"/>
        <source>Suitability table (CSV)</source>
        <translation>适宜性表（CSV）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="95"/>
        <source>Circle profiles</source>
        <translation>生活圈配置</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="99"/>
        <source>Co-location sites</source>
        <translation>圈圈融合选址</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="113"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="141"/>
        <source>{sites} sites close gaps of at least one circle ({rows} uses).</source>
        <translation>{sites} 处场地可补齐至少一类生活圈的缺项（共 {rows} 种用途）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/colocation.py" line="44"/>
        <source>Finds where one site closes the gaps of several service circles at once (圈圈融合).&lt;br&gt;&lt;b&gt;Circle fusion&lt;/b&gt;: the output of Circle fusion: communities with &lt;i&gt;community_id&lt;/i&gt;, &lt;i&gt;population&lt;/i&gt; and, per circle profile, &lt;i&gt;&amp;lt;profile&amp;gt;_missing&lt;/i&gt; (the items it lacks).&lt;br&gt;&lt;b&gt;Idle assets&lt;/b&gt; (optional): the register's idle_assets; each offers the uses of the suitability table its type, size and idle hours allow (as in Suggest repurposing). Assets whose status is in_use or retired are no longer idle and are left out.&lt;br&gt;&lt;b&gt;Projects&lt;/b&gt; (optional): the workspace projects (&lt;i&gt;project_id&lt;/i&gt;, &lt;i&gt;name&lt;/i&gt;, &lt;i&gt;category&lt;/i&gt;, &lt;i&gt;status&lt;/i&gt;, site point); each offers its category.&lt;br&gt;&lt;b&gt;Statuses&lt;/b&gt;: the project statuses counted as planned sites (default planned, approved, under_construction).&lt;br&gt;&lt;b&gt;Suitability table&lt;/b&gt; (optional): default resources/assets/suitability.csv.&lt;br&gt;&lt;b&gt;Circle profiles&lt;/b&gt; (optional): comma-separated profile names or CSV paths; default every shipped profile the fusion layer has.&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: turns reach in minutes into metres (default 4 km/h).&lt;br&gt;A use closes a missing item of a profile in a community when it provides one of the item's categories and the community lies within the item's reach of the site, in a straight line (reach_method straight_line: the walk along the streets is longer where rivers or walls are in the way).&lt;br&gt;Score = Σ over the communities gaining of population × profiles closed there / 1000: it drops when a new facility closes one profile's gap.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one point per site and use that closes at least one gap, ranked per site by the number of circles served, then score: &lt;i&gt;site_kind&lt;/i&gt; (asset, project), &lt;i&gt;site_id&lt;/i&gt;, &lt;i&gt;site_name&lt;/i&gt;, &lt;i&gt;use&lt;/i&gt;, &lt;i&gt;use_zh&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;n_circles_served&lt;/i&gt;, &lt;i&gt;circles_served&lt;/i&gt; (profile names), &lt;i&gt;circles_served_zh&lt;/i&gt;, &lt;i&gt;n_communities&lt;/i&gt;, &lt;i&gt;communities&lt;/i&gt;, &lt;i&gt;residents_gain&lt;/i&gt;, &lt;i&gt;gaps_closed&lt;/i&gt; (community:profile:item; …), &lt;i&gt;score&lt;/i&gt;, &lt;i&gt;reach_method&lt;/i&gt;, &lt;i&gt;reason_zh&lt;/i&gt; and &lt;i&gt;reason_en&lt;/i&gt; (the sentence naming the circles).</source>
        <translation>查找一处场地能同时补齐多个生活圈短板的位置（圈圈融合）。&lt;br&gt;&lt;b&gt;圈圈融合&lt;/b&gt;：“圈圈融合”的输出：含 &lt;i&gt;community_id&lt;/i&gt;、&lt;i&gt;population&lt;/i&gt; 以及每类生活圈配置的 &lt;i&gt;&amp;lt;profile&amp;gt;_missing&lt;/i&gt;（所缺项目）的社区。&lt;br&gt;&lt;b&gt;闲置资源&lt;/b&gt;（可选）：台账中的 idle_assets；每处资源可承接适宜性表中其类型、规模和闲置时段所允许的用途（与“闲置资源改造建议”相同）。状态为 in_use（已投入使用）或 retired（已退出）的资源已不再闲置，不计入。&lt;br&gt;&lt;b&gt;项目&lt;/b&gt;（可选）：工作空间的项目清单（&lt;i&gt;project_id&lt;/i&gt;、&lt;i&gt;name&lt;/i&gt;、&lt;i&gt;category&lt;/i&gt;、&lt;i&gt;status&lt;/i&gt;、选址点）；每个项目提供其业态类别。&lt;br&gt;&lt;b&gt;项目状态&lt;/b&gt;：视为规划选址的项目状态（默认 planned、approved、under_construction）。&lt;br&gt;&lt;b&gt;适宜性表&lt;/b&gt;（可选）：默认 resources/assets/suitability.csv。&lt;br&gt;&lt;b&gt;生活圈配置&lt;/b&gt;（可选）：以逗号分隔的配置名称或 CSV 路径；默认取圈圈融合图层中已有的全部内置配置。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：把以分钟计的可达范围换算成米（默认 4 km/h）。&lt;br&gt;若某用途提供某社区某类生活圈所缺项目中的任一类别，且该社区在此项目的可达范围内（按直线距离计，reach_method 为 straight_line：遇河流、围墙阻隔时实际步行距离更长），即视为补齐该项。&lt;br&gt;得分 = Σ（受益社区人口 × 在该社区补齐的生活圈数）/ 1000：新设施补齐某一类生活圈的缺项后，得分随之下降。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每处场地每个至少补齐一项缺项的用途各一个点，场地内按服务的生活圈数、再按得分排序：&lt;i&gt;site_kind&lt;/i&gt;（asset、project）、&lt;i&gt;site_id&lt;/i&gt;、&lt;i&gt;site_name&lt;/i&gt;、&lt;i&gt;use&lt;/i&gt;、&lt;i&gt;use_zh&lt;/i&gt;、&lt;i&gt;rank&lt;/i&gt;、&lt;i&gt;n_circles_served&lt;/i&gt;、&lt;i&gt;circles_served&lt;/i&gt;（配置名称）、&lt;i&gt;circles_served_zh&lt;/i&gt;、&lt;i&gt;n_communities&lt;/i&gt;、&lt;i&gt;communities&lt;/i&gt;、&lt;i&gt;residents_gain&lt;/i&gt;、&lt;i&gt;gaps_closed&lt;/i&gt;（社区:配置:项目;…）、&lt;i&gt;score&lt;/i&gt;、&lt;i&gt;reach_method&lt;/i&gt;、&lt;i&gt;reason_zh&lt;/i&gt; 和 &lt;i&gt;reason_en&lt;/i&gt;（列出所服务生活圈的说明）。</translation>
    </message>
</context>
<context>
    <name>ColocationMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/colocation.py" line="109"/>
        <source>The circle-fusion layer has no &lt;profile&gt;_missing field for {profiles}; run Circle fusion with these profiles first.</source>
        <translation>圈圈融合图层中没有 {profiles} 的 &lt;profile&gt;_missing 字段；请先用这些生活圈配置运行“圈圈融合”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/colocation.py" line="159"/>
        <source>The circle-fusion layer has no community_id field; use the output of Circle fusion.</source>
        <translation>圈圈融合图层没有 community_id 字段；请使用“圈圈融合”的输出。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/colocation.py" line="197"/>
        <source>{count} communities have no geometry and were left out: {ids}.</source>
        <translation>{count} 个社区没有几何图形，已略去：{ids}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/colocation.py" line="203"/>
        <source>{count} communities have no population, so their residents count as 0: {ids}.</source>
        <translation>{count} 个社区没有人口数，其居民按 0 计：{ids}。</translation>
    </message>
</context>
<context>
    <name>ColocationSiteMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/colocation_sites.py" line="136"/>
        <source>Give the idle assets, the projects or both.</source>
        <translation>请提供闲置资源、项目，或两者都提供。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/colocation_sites.py" line="138"/>
        <source>The assets layer has no asset_type field; use the register&apos;s idle_assets layer.</source>
        <translation>闲置资源图层没有 asset_type 字段；请使用台账的 idle_assets 图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/colocation_sites.py" line="142"/>
        <source>The projects layer has no category field; use the workspace projects layer.</source>
        <translation>项目图层没有 category 字段；请使用工作空间的项目图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/colocation_sites.py" line="190"/>
        <source>{count} sites have no usable geometry and were left out: {ids}.</source>
        <translation>{count} 处场地没有可用的几何图形，已略去：{ids}。</translation>
    </message>
</context>
<context>
    <name>ConflictMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="48"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="72"/>
        <source>Nothing of yours was saved and your edits are kept: reload, then apply them again where they still apply.</source>
        <translation>您的修改未保存，但仍保留在编辑中：请重新加载，再把仍然适用的修改重新提交。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="75"/>
        <source>another editor</source>
        <translation>其他编辑人员</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="77"/>
        <source>{label} “{id}” was changed by {user} at {time} after you opened it</source>
        <translation>您打开后，{label}“{id}”已于 {time} 被 {user} 修改</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="81"/>
        <source>{label} “{id}” was changed by {user} after you opened it</source>
        <translation>您打开后，{label}“{id}”已被 {user} 修改</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="160"/>
        <source>The row version of feature {fid} could not be noted.</source>
        <translation>未能记录要素 {fid} 的版本号。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="188"/>
        <source>The asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="189"/>
        <source>The project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/concurrency.py" line="190"/>
        <source>The circle</source>
        <translation>生活圈</translation>
    </message>
</context>
<context>
    <name>ConsultationMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/consultations.py" line="53"/>
        <source>A needs list needs a name.</source>
        <translation>需求清单必须有名称。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/consultations.py" line="55"/>
        <source>The needs list could not be saved; the lists are unchanged.</source>
        <translation>需求清单未能保存，现有清单未作改动。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/consultations.py" line="61"/>
        <source>The list “{name}” is already defined for this community.</source>
        <translation>本社区已定义“{name}”清单。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/consultations.py" line="84"/>
        <source>A consultation needs a date and a topic.</source>
        <translation>微协商必须填写日期和议题。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/consultations.py" line="86"/>
        <source>The consultation could not be saved; nothing was written.</source>
        <translation>微协商记录未能保存，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/consultations.py" line="94"/>
        <source>These needs are not in the workspace: {ids}.</source>
        <translation>以下需求不在工作空间中：{ids}。</translation>
    </message>
</context>
<context>
    <name>ConvertCoordsAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="50"/>
        <source>Convert coordinates (WGS84 / GCJ-02 / BD-09)</source>
        <translation>坐标转换（WGS84 / GCJ-02 / BD-09）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="53"/>
        <source>Moves every vertex of every feature between the coordinate systems of Chinese web maps. Amap (Gaode) and Tencent publish GCJ-02 (“Mars”) coordinates, Baidu publishes BD-09; both are offset from true WGS84 positions by roughly 500 m to 1 km in most cities, so POIs copied from them land in the wrong street until converted.&lt;br&gt;&lt;b&gt;Input layer&lt;/b&gt;: points, lines or polygons (multi-part, holes and curves included) in longitude/latitude: EPSG:4326 (WGS84) or EPSG:4490 (CGCS2000, treated as WGS84: the two differ by centimetres). The offsets only exist in longitude/latitude, so a layer in a projected CRS is refused; reproject it to EPSG:4326 first.&lt;br&gt;&lt;b&gt;From&lt;/b&gt;: the system the input coordinates are really in (WGS84, GCJ-02 or BD-09), whatever CRS the layer declares.&lt;br&gt;&lt;b&gt;To&lt;/b&gt;: the system wanted; it must differ from From. Conversions towards WGS84 are exact inverses solved by iteration (within a millimetre), not the usual one-step approximation that is off by up to 5 m.&lt;br&gt;Points outside the public China box (longitude 72.004–137.8347, latitude 0.8293–55.8271) are left unchanged, as every GCJ-02 implementation does.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the same features in EPSG:4326 with all their fields, plus &lt;i&gt;coord_src&lt;/i&gt; (the From system) and &lt;i&gt;coord_conv&lt;/i&gt; (the conversion applied, e.g. “GCJ-02→WGS84 (exact inverse)”). Existing fields with these names are replaced. The conversion is also written to the output layer's metadata history.</source>
        <translation>在中国网络地图使用的坐标系之间转换每个要素的每个顶点。高德和腾讯发布的是 GCJ-02（“火星”）坐标，百度发布的是 BD-09；在大多数城市，两者与真实的 WGS84 位置相差约 500 m 至 1 km，因此从这些地图复制的兴趣点（POI）在转换之前会落在错误的街道上。&lt;br&gt;&lt;b&gt;输入图层&lt;/b&gt;：以经纬度表示的点、线或面（包括多部件、内环和曲线）：EPSG:4326（WGS84）或 EPSG:4490（CGCS2000，按 WGS84 处理：两者仅相差厘米级）。这些偏移只存在于经纬度中，因此投影坐标参考系下的图层会被拒绝；请先将其重投影到 EPSG:4326。&lt;br&gt;&lt;b&gt;源坐标系&lt;/b&gt;：输入坐标实际所在的坐标系（WGS84、GCJ-02 或 BD-09），与图层声明的坐标参考系无关。&lt;br&gt;&lt;b&gt;目标坐标系&lt;/b&gt;：需要转换到的坐标系，必须与源坐标系不同。转换到 WGS84 时通过迭代求解精确逆变换（误差在 1 mm 以内），而非常见的误差可达 5 m 的一步近似。&lt;br&gt;位于公开的中国范围框（经度 72.004–137.8347，纬度 0.8293–55.8271）之外的点保持不变，所有 GCJ-02 实现均如此处理。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：EPSG:4326 下的相同要素，保留全部字段，并增加 &lt;i&gt;coord_src&lt;/i&gt;（源坐标系）和 &lt;i&gt;coord_conv&lt;/i&gt;（所做的转换，例如“GCJ-02→WGS84 (exact inverse)”）。已有的同名字段将被替换。转换信息也会写入输出图层的元数据历史记录。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="76"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="81"/>
        <source>From</source>
        <translation>源坐标系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="84"/>
        <source>To</source>
        <translation>目标坐标系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="87"/>
        <source>Converted</source>
        <translation>已转换</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="94"/>
        <source>From and To are both {system}; choose two different coordinate systems.</source>
        <translation>源坐标系和目标坐标系都是 {system}；请选择两个不同的坐标系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="105"/>
        <source>The input layer is in {crs}, but GCJ-02 and BD-09 offsets only exist in longitude/latitude. Reproject the layer to EPSG:4326 (WGS84) first, then convert it.</source>
        <translation>输入图层使用 {crs}，但 GCJ-02 和 BD-09 偏移只存在于经纬度中。请先将图层重投影到 EPSG:4326（WGS84），再进行转换。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="105"/>
        <source>an unknown CRS</source>
        <translation>未知的坐标参考系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="140"/>
        <source>{count} features converted: {conversion}.</source>
        <translation>已转换 {count} 个要素：{conversion}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="143"/>
        <source>Coordinates converted {conversion} by fifteenmin:convertcoords.</source>
        <translation>已由 fifteenmin:convertcoords 转换坐标：{conversion}。</translation>
    </message>
</context>
<context>
    <name>CopyMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/copy.py" line="63"/>
        <source>The target is the source workspace itself; choose another target.</source>
        <translation>目标就是源工作空间本身，请另选目标。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/copy.py" line="73"/>
        <source>The target workspace {target} already holds rows (in {layers}); nothing was copied. Choose an empty or new target, or ask to replace its contents.</source>
        <translation>目标工作空间 {target} 中已有数据（{layers}），未复制任何内容。请选择空的或新的目标，或选择替换其数据。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/copy.py" line="112"/>
        <source>The workspace could not be copied to {target}; the target is unchanged.</source>
        <translation>工作空间未能复制到 {target}，目标保持不变。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/copy.py" line="123"/>
        <source>The copy was cancelled; the target is unchanged.</source>
        <translation>复制已取消，目标保持不变。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/copy.py" line="174"/>
        <source>“{layer}” has {source} rows in the source and {target} in the copy.</source>
        <translation>“{layer}”在源中有 {source} 行，副本中有 {target} 行。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/copy.py" line="183"/>
        <source>{count} rows of “{layer}” differ in the copy, e.g. {rows}.</source>
        <translation>副本中“{layer}”有 {count} 行与源不同，例如 {rows}。</translation>
    </message>
</context>
<context>
    <name>CopyWorkspaceAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="34"/>
        <source>Copy workspace (GeoPackage ↔ PostGIS)</source>
        <translation>复制工作空间（GeoPackage ↔ PostGIS）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="37"/>
        <source>Copies a whole workspace, history included, from a GeoPackage to a PostGIS schema or back (or between two of either), then reads both again and compares them.&lt;br&gt;&lt;b&gt;Source&lt;/b&gt;: the workspace to copy: a GeoPackage file (&lt;i&gt;D:/plans/haidian.gpkg&lt;/i&gt;) or a PostGIS schema written &lt;i&gt;postgres:&amp;lt;saved connection&amp;gt;/&amp;lt;schema&amp;gt;&lt;/i&gt; (or &lt;i&gt;postgres:service=&amp;lt;service&amp;gt;/&amp;lt;schema&amp;gt;&lt;/i&gt;). It is only read.&lt;br&gt;&lt;b&gt;Target&lt;/b&gt;: where the copy goes, in the same forms. A file or schema that does not exist is created in the source&apos;s coordinate system; an existing one must be a workspace with no rows.&lt;br&gt;&lt;b&gt;Replace the target&apos;s rows&lt;/b&gt;: copy into a target that holds rows, replacing all of them (its history included). Off by default, so nothing is overwritten by mistake.&lt;br&gt;Every row is written in one transaction on the target: a failure or a cancelled run leaves the target as it was. The history (asset and project events) and the row versions are copied as they are, not written anew; copying into PostGIS needs the rights of the schema&apos;s owner.&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: &lt;i&gt;OUTPUT&lt;/i&gt;, the target; &lt;i&gt;ROWS&lt;/i&gt;, the rows copied; &lt;i&gt;DIFFERENCES&lt;/i&gt;, what the verification found unequal (row counts, or rows whose attributes or geometry differ beyond the coordinate precision), empty when the copy is equal.</source>
        <translation>复制整个工作空间（含变更记录），从 GeoPackage 复制到 PostGIS 模式或反向复制（也可在两个同类工作空间之间复制），然后重新读取两者并逐一核对。&lt;br&gt;&lt;b&gt;源工作空间&lt;/b&gt;：要复制的工作空间，可以是 GeoPackage 文件（&lt;i&gt;D:/plans/haidian.gpkg&lt;/i&gt;），或写作 &lt;i&gt;postgres:&amp;lt;已保存的连接&amp;gt;/&amp;lt;模式&amp;gt;&lt;/i&gt;（或 &lt;i&gt;postgres:service=&amp;lt;服务名&amp;gt;/&amp;lt;模式&amp;gt;&lt;/i&gt;）的 PostGIS 模式。源只读取，不修改。&lt;br&gt;&lt;b&gt;目标工作空间&lt;/b&gt;：副本写入的位置，写法同上。不存在的文件或模式按源的坐标系新建；已存在的必须是没有数据的工作空间。&lt;br&gt;&lt;b&gt;替换目标的数据&lt;/b&gt;：目标已有数据时，用源的数据全部替换（包括其变更记录）。默认不勾选，以免误覆盖。&lt;br&gt;所有数据在目标库的一个事务中写入：失败或取消时目标保持原样。变更记录（资产和项目事件）和版本号按原样复制，不重新生成；复制到 PostGIS 需要该模式所有者的权限。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：&lt;i&gt;OUTPUT&lt;/i&gt;，目标工作空间；&lt;i&gt;ROWS&lt;/i&gt;，复制的行数；&lt;i&gt;DIFFERENCES&lt;/i&gt;，核对发现的不一致（行数不同，或属性、几何超出坐标精度的差异），完全一致时为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="56"/>
        <source>Source workspace</source>
        <translation>源工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="61"/>
        <source>Target workspace</source>
        <translation>目标工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="58"/>
        <source>Replace the target&apos;s rows</source>
        <translation>替换目标的数据</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="62"/>
        <source>Rows copied</source>
        <translation>已复制行数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="63"/>
        <source>Differences found</source>
        <translation>发现的差异</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="75"/>
        <source>Give both a source and a target workspace; nothing was copied.</source>
        <translation>请同时指定源工作空间和目标工作空间；未复制任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="82"/>
        <source>Copied {rows} rows from {source} to {target}.</source>
        <translation>已从 {source} 复制 {rows} 行到 {target}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/copy_workspace.py" line="90"/>
        <source>The copy was verified: every table has the same rows as the source.</source>
        <translation>复制已核对：每张表的数据都与源一致。</translation>
    </message>
</context>
<context>
    <name>CoverageAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="54"/>
        <source>Coverage per circle</source>
        <translation>逐圈覆盖分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="133"/>
        <source>Circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="140"/>
        <source>Communities (population)</source>
        <translation>社区（人口）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="188"/>
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="202"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="148"/>
        <source>Grading profile (CSV)</source>
        <translation>评级方案（CSV）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="157"/>
        <source>More chain brands (CSV)</source>
        <translation>补充连锁品牌（CSV）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="57"/>
        <source>Counts the facilities of every category inside every living circle and reports what each circle lacks (缺什么补什么).&lt;br&gt;&lt;b&gt;Circles&lt;/b&gt;: polygons, e.g. the workspace circles or the output of Radius circles / Network circles. The level of a circle is read from &lt;i&gt;level_min&lt;/i&gt; or &lt;i&gt;minutes&lt;/i&gt;; a circle with neither is checked as a 15-minute circle. Its community is read from &lt;i&gt;community_id&lt;/i&gt; or &lt;i&gt;origin_id&lt;/i&gt;.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: points (any CRS; they are reprojected to the circles' CRS) whose category field holds codes of the categories table (run Classify facilities first). A facility on a circle's boundary counts for that circle (QGIS's Count points in polygon leaves it out). Facilities with an empty or unknown code are not counted and are listed in the log.&lt;br&gt;&lt;b&gt;Category field&lt;/b&gt;: the field with the codes (default &lt;i&gt;category&lt;/i&gt;).&lt;br&gt;&lt;b&gt;Communities&lt;/b&gt; (optional): points or polygons with &lt;i&gt;community_id&lt;/i&gt; and &lt;i&gt;population&lt;/i&gt;; a circle takes the population of its community, else its own &lt;i&gt;population&lt;/i&gt; field.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the circles with all their fields, plus &lt;i&gt;population&lt;/i&gt;; &lt;i&gt;n_&amp;lt;code&amp;gt;&lt;/i&gt;, the number of facilities of each category (0 included); &lt;i&gt;n_basic_present&lt;/i&gt; and &lt;i&gt;n_quality_present&lt;/i&gt;, how many MOFCOM basic-guarantee (基本保障类) and quality (品质提升类) categories have at least one facility; &lt;i&gt;missing_basic&lt;/i&gt;, &lt;i&gt;missing_quality&lt;/i&gt; (codes, comma-separated) and &lt;i&gt;missing_basic_zh&lt;/i&gt;, &lt;i&gt;missing_quality_zh&lt;/i&gt; (Chinese names, separated by 、); &lt;i&gt;per_10k&lt;/i&gt;, basic and quality facilities per 10,000 residents (empty without a population); &lt;i&gt;grade&lt;/i&gt;, 基础型 / 提升型 / 品质型 / 未达标 by the grading profile (below); &lt;i&gt;missing_required&lt;/i&gt; and &lt;i&gt;missing_required_zh&lt;/i&gt;, the GB 50180-2018 / MOFCOM level requirements the circle does not meet, cumulatively (a 15-minute circle is also checked for the 5- and 10-minute facilities; alternatives are joined by |). The requirements are in resources/categories/level_requirements.csv, with the clause each comes from.&lt;br&gt;&lt;b&gt;Tiers are not inclusive&lt;/b&gt; (GB 50180-2018, commentary to 5.0.2: a higher-tier facility does not stand in for a lower-tier one): each tier's requirements are checked within that tier's own reach: in the same community's circle of that level when there is one; otherwise, from the community's point in the communities layer, within the tier's walking minutes along the &lt;b&gt;Roads&lt;/b&gt; (as Nearest facility computes them), or without roads within the tier radius in a straight line (300 / 500 / 1,000 m, GB 50180-2018 2.0.2–2.0.4); a circle whose community has neither is checked within itself. &lt;i&gt;missing_tiers&lt;/i&gt; lists the unmet items per tier (e.g. &lt;i&gt;5:kindergarten,childcare;10:bus_stop&lt;/i&gt;), &lt;i&gt;missing_tiers_zh&lt;/i&gt; the same in Chinese (5分钟：幼儿园、托儿所；10分钟：公交车站), and &lt;i&gt;tier_reach&lt;/i&gt; how each tier was checked (&lt;i&gt;circle&lt;/i&gt;, &lt;i&gt;network&lt;/i&gt;, &lt;i&gt;radius&lt;/i&gt; or &lt;i&gt;own&lt;/i&gt;). Each tier whose circle the community has is also checked against GB 50180-2018 Table 4.0.4 at that tier's level (items &lt;i&gt;park_area&lt;/i&gt; and &lt;i&gt;green_per_resident&lt;/i&gt;).&lt;br&gt;&lt;b&gt;Grading profile&lt;/b&gt; (optional): a CSV of business types (category codes, class basic/quality) and the numbers of types each grade needs, each row with its source, e.g. resources/grading/shanxi_2023.csv. Empty: the plugin default (resources/grading/plugin_default.csv, the thresholds of the plugin settings), which is the plugin's reading: the action plan and the pilot notices name 基础型/提升型/品质型 without counts.&lt;br&gt;&lt;b&gt;Brand table&lt;/b&gt; (optional): a CSV with more chains (brand, wikidata, name_patterns, source), added to resources/categories/brands.csv. &lt;i&gt;chain_share&lt;/i&gt; is the share of the circle's basic-category facilities whose brand, brand:wikidata or name belongs to a chain of the tables, empty without any; the 2025 notice (商务部等9部门《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》) sets a target of at least 30 %.&lt;br&gt;Green space per GB 50180-2018 Table 4.0.4 from the &lt;i&gt;footprint_m2&lt;/i&gt; of the circle's parks: &lt;i&gt;park_max_m2&lt;/i&gt;, the largest park, and &lt;i&gt;park_ok&lt;/i&gt;, 1 when it reaches the level's smallest park (15/10/5 minutes: 5.0/1.0/0.4 hm²); &lt;i&gt;green_m2_per_resident&lt;/i&gt;, park area per resident, and &lt;i&gt;green_ok&lt;/i&gt;, 1 when it reaches 2.0/1.0/1.0 m². Floor area per 国办发〔2021〕56号 (at least 30 m² of community comprehensive service facilities per 100 households): &lt;i&gt;households&lt;/i&gt;, from a &lt;i&gt;households&lt;/i&gt; field of the community or circle, else population ÷ the persons per household of the settings (2.6; 第七次全国人口普查: 2.62); &lt;i&gt;floor_area_m2&lt;/i&gt;, the &lt;i&gt;floor_area_m2&lt;/i&gt; (else &lt;i&gt;footprint_m2&lt;/i&gt;) of the circle's community service centres plus the &lt;i&gt;area_m2&lt;/i&gt; of the &lt;b&gt;Idle assets&lt;/b&gt; in the circle whose status is approved or in_use (the log names them); &lt;i&gt;floor_area_shortfall_m2&lt;/i&gt;, what is missing (0 when met). A figure whose area or residents are unknown is empty.&lt;br&gt;</source>
        <translation>统计每个生活圈内各类别设施的数量，并报告每个生活圈缺少什么（缺什么补什么）。&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;：面，例如工作空间中的生活圈，或“半径圈”/“路网等时圈”的输出。生活圈的层级读取自 &lt;i&gt;level_min&lt;/i&gt; 或 &lt;i&gt;minutes&lt;/i&gt;；两者都没有的按 15 分钟生活圈检查。其所属社区读取自 &lt;i&gt;community_id&lt;/i&gt; 或 &lt;i&gt;origin_id&lt;/i&gt;。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：点（任意坐标参考系，会被重投影到生活圈的坐标参考系），其类别字段为分类表中的代码（请先运行“设施分类”）。位于生活圈边界上的设施计入该生活圈（QGIS 的“统计多边形中的点”会将其排除）。代码为空或未知的设施不计数，并列在日志中。&lt;br&gt;&lt;b&gt;类别字段&lt;/b&gt;：存放代码的字段（默认为 &lt;i&gt;category&lt;/i&gt;）。&lt;br&gt;&lt;b&gt;社区&lt;/b&gt;（可选）：带有 &lt;i&gt;community_id&lt;/i&gt; 和 &lt;i&gt;population&lt;/i&gt; 的点或面；生活圈取其所属社区的人口，否则取自身的 &lt;i&gt;population&lt;/i&gt; 字段。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：生活圈及其全部字段，并增加 &lt;i&gt;population&lt;/i&gt;；&lt;i&gt;n_&amp;lt;code&amp;gt;&lt;/i&gt;，各类别的设施数量（包括 0）；&lt;i&gt;n_basic_present&lt;/i&gt; 和 &lt;i&gt;n_quality_present&lt;/i&gt;，商务部基本保障类和品质提升类业态中至少有一处设施的业态数；&lt;i&gt;missing_basic&lt;/i&gt;、&lt;i&gt;missing_quality&lt;/i&gt;（代码，以逗号分隔）和 &lt;i&gt;missing_basic_zh&lt;/i&gt;、&lt;i&gt;missing_quality_zh&lt;/i&gt;（中文名称，以“、”分隔）；&lt;i&gt;per_10k&lt;/i&gt;，每万名居民拥有的基本保障类和品质提升类设施数（无人口数据时为空）；&lt;i&gt;grade&lt;/i&gt;，按评级方案（见下）评定为 基础型 / 提升型 / 品质型 / 未达标；&lt;i&gt;missing_required&lt;/i&gt; 和 &lt;i&gt;missing_required_zh&lt;/i&gt;，该生活圈未满足的 GB 50180-2018 / 商务部分级配置要求，逐级累计检查（15 分钟生活圈同样检查 5 分钟和 10 分钟层级的设施；可相互替代的设施以 | 连接）。这些要求及各自出处条款见 resources/categories/level_requirements.csv。&lt;br&gt;&lt;b&gt;层级不相互替代&lt;/b&gt;（GB 50180-2018 第5.0.2条条文说明：上级设施不能替代下级设施）：各层级的要求在该层级自己的范围内核查——同一社区有该层级的生活圈时在其中核查；否则从社区图层中该社区的点出发，给了&lt;b&gt;道路&lt;/b&gt;时按该层级的步行分钟数（与“最近设施步行时间”的计算相同），没有道路时按该层级的直线半径（300 / 500 / 1000 m，GB 50180-2018 第2.0.2–2.0.4条）；两者都没有的，在本圈内核查。&lt;i&gt;missing_tiers&lt;/i&gt; 按层级列出未满足的项目（如 &lt;i&gt;5:kindergarten,childcare;10:bus_stop&lt;/i&gt;），&lt;i&gt;missing_tiers_zh&lt;/i&gt; 为中文（5分钟：幼儿园、托儿所；10分钟：公交车站），&lt;i&gt;tier_reach&lt;/i&gt; 记录各层级的核查方式（&lt;i&gt;circle&lt;/i&gt;、&lt;i&gt;network&lt;/i&gt;、&lt;i&gt;radius&lt;/i&gt; 或 &lt;i&gt;own&lt;/i&gt;）。社区有哪一层级的生活圈，还按 GB 50180-2018 表4.0.4 以该层级的标准核查其公园规模和人均公共绿地（项目 &lt;i&gt;park_area&lt;/i&gt;、&lt;i&gt;green_per_resident&lt;/i&gt;）。&lt;br&gt;&lt;b&gt;评级方案&lt;/b&gt;（可选）：一个 CSV 文件，列出业态类型（对应的类别代码、基本保障类/品质提升类）及各等级所需的业态数量，每行注明出处，例如 resources/grading/shanxi_2023.csv。留空时使用插件默认方案（resources/grading/plugin_default.csv，即插件设置中的阈值）；这是插件自己的理解：三年行动计划和试点通知只提出基础型/提升型/品质型，并未给出数量。&lt;br&gt;&lt;b&gt;连锁品牌表&lt;/b&gt;（可选）：补充连锁品牌的 CSV（brand、wikidata、name_patterns、source 列），与 resources/categories/brands.csv 合并使用。&lt;i&gt;chain_share&lt;/i&gt;（品牌连锁化率）为该生活圈基本保障类设施中，其 brand、brand:wikidata 或名称属于表中连锁品牌的比例，无基本保障类设施时为空；2025 年通知（商务部等9部门《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》）提出的目标为不低于 30%。&lt;br&gt;按 GB 50180-2018 表4.0.4，依据生活圈内公园的 &lt;i&gt;footprint_m2&lt;/i&gt; 检查绿地——&lt;i&gt;park_max_m2&lt;/i&gt; 为最大公园面积，&lt;i&gt;park_ok&lt;/i&gt; 为 1 表示达到该层级居住区公园最小规模（15/10/5 分钟：5.0/1.0/0.4 hm²）；&lt;i&gt;green_m2_per_resident&lt;/i&gt; 为人均公园面积，&lt;i&gt;green_ok&lt;/i&gt; 为 1 表示达到人均公共绿地 2.0/1.0/1.0 m²。按国办发〔2021〕56号（每百户居民拥有社区综合服务设施面积不低于 30 m²）检查用房面积：&lt;i&gt;households&lt;/i&gt; 为户数，取自社区或生活圈的 &lt;i&gt;households&lt;/i&gt; 字段，否则为人口 ÷ 设置中的户均人口（2.6；第七次全国人口普查：2.62）；&lt;i&gt;floor_area_m2&lt;/i&gt; 为生活圈内社区服务中心（站）的 &lt;i&gt;floor_area_m2&lt;/i&gt;（否则取 &lt;i&gt;footprint_m2&lt;/i&gt;）之和，加上圈内状态为已批准（approved）或使用中（in_use）的&lt;b&gt;闲置资源&lt;/b&gt;的 &lt;i&gt;area_m2&lt;/i&gt;（日志列出计入的资源）；&lt;i&gt;floor_area_shortfall_m2&lt;/i&gt; 为面积缺口（达标时为 0）。面积或居民数未知的指标留空。&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="57"/>
        <source>&lt;b&gt;Roads&lt;/b&gt;, &lt;b&gt;Walking speed&lt;/b&gt; and &lt;b&gt;Snapping tolerance&lt;/b&gt; are used only with the communities layer, for the tiers without a circle of their own.</source>
        <translation>&lt;b&gt;道路&lt;/b&gt;、&lt;b&gt;步行速度&lt;/b&gt;和&lt;b&gt;吸附容差&lt;/b&gt;只在给了社区图层时使用，用于核查没有对应层级生活圈的层级。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="57"/>
        <source>&lt;br&gt;&lt;b&gt;Needs&lt;/b&gt; (optional): the workspace needs or the output of Import residents' needs. A need counts for the circles of its &lt;i&gt;community_id&lt;/i&gt; and for those whose polygon holds its point (once per circle), with its weight (respondents). &lt;i&gt;demand_top&lt;/i&gt; lists the five categories asked for most as code:respondents (breakfast:34,fresh_market:20), &lt;i&gt;unmet_demand&lt;/i&gt; those asked for that have no facility in the circle, and &lt;i&gt;demand_top_zh&lt;/i&gt;, &lt;i&gt;unmet_demand_zh&lt;/i&gt; the same with Chinese names (早餐店:34、菜市场:20). Unclassified needs are not counted. Without needs the fields are empty.&lt;br&gt;&lt;b&gt;Satisfaction&lt;/b&gt; (optional): the workspace satisfaction table or the output of Import satisfaction surveys. &lt;i&gt;satisfaction&lt;/i&gt; is the share satisfied (0–1) of the circle's latest survey (its own &lt;i&gt;circle_id&lt;/i&gt;, else its community's; several rows of that date weighted by sample size; a mean score 0–100 counts as score ÷ 100), and &lt;i&gt;satisfaction_ok&lt;/i&gt; is 1 when it reaches the 90% target of the 2023–2025 action plan (居民满意度达到90%以上), else 0; empty without a survey.</source>
        <translation>&lt;br&gt;&lt;b&gt;居民需求&lt;/b&gt;（可选）：工作空间的需求清单或“导入居民需求”的输出。一条需求按其权重（人数）计入其 &lt;i&gt;community_id&lt;/i&gt; 所在社区的生活圈，以及范围内包含其点位的生活圈（每个生活圈只计一次）。&lt;i&gt;demand_top&lt;/i&gt; 以“代码:人数”列出居民提得最多的五类（breakfast:34,fresh_market:20），&lt;i&gt;unmet_demand&lt;/i&gt; 列出居民提出但生活圈内没有设施的类别，&lt;i&gt;demand_top_zh&lt;/i&gt;、&lt;i&gt;unmet_demand_zh&lt;/i&gt; 为对应的中文名称（早餐店:34、菜市场:20）。未分类的需求不计入。未提供需求时这些字段为空。&lt;br&gt;&lt;b&gt;满意度&lt;/b&gt;（可选）：工作空间的满意度表或“导入满意度调查”的输出。&lt;i&gt;satisfaction&lt;/i&gt; 为该生活圈最近一次调查的满意率（0–1）（优先取本生活圈 &lt;i&gt;circle_id&lt;/i&gt; 的调查，否则取所在社区的调查；同一日期有多行时按样本量加权；只有平均分 0–100 时按 得分 ÷ 100 计）；&lt;i&gt;satisfaction_ok&lt;/i&gt; 在达到三年行动计划“居民满意度达到90%以上”的目标时为 1，否则为 0；没有调查时为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="166"/>
        <source>Idle assets (floor area)</source>
        <translation>闲置资源（计入用房面积）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="184"/>
        <source>Residents&apos; needs</source>
        <translation>居民需求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="184"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/coverage.py" line="217"/>
        <source>Roads were given without a communities layer: there is no community point to walk from.</source>
        <translation>给了道路但没有社区图层：没有可出发的社区点，道路未使用。</translation>
    </message>
</context>
<context>
    <name>CoverageExport</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/export.py" line="23"/>
        <source>The table could not be written to {path}. Is it open in another program?</source>
        <translation>无法将表格写入 {path}。该文件是否已在其他程序中打开？</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/export.py" line="48"/>
        <source>Excel export needs the Python package “openpyxl”, which is not installed. Install it (python -m pip install openpyxl) or export CSV instead.</source>
        <translation>导出 Excel 需要 Python 包“openpyxl”，但尚未安装。请安装该包（python -m pip install openpyxl），或改为导出 CSV。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/export.py" line="57"/>
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
</context>
<context>
    <name>CoverageLayer</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_layer.py" line="26"/>
        <source>Save or discard the edits of “{layer}” first; the coverage was not written.</source>
        <translation>请先保存或放弃对“{layer}”的编辑；未写入覆盖分析结果。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_layer.py" line="33"/>
        <source>The layer “{layer}” cannot be opened.</source>
        <translation>无法打开图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_layer.py" line="38"/>
        <source>The coverage could not be saved in “{layer}”; it is unchanged.</source>
        <translation>无法将覆盖分析结果保存到“{layer}”；该图层未作任何更改。</translation>
    </message>
</context>
<context>
    <name>CoverageMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="107"/>
        <source>Line {line} of {path}: the level “{value}” is not a positive number of minutes.</source>
        <translation>{path} 第 {line} 行：层级“{value}”不是正的分钟数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="115"/>
        <source>Line {line} of {path}: “{codes}” is not a category code of the categories table.</source>
        <translation>{path} 第 {line} 行：“{codes}”不是分类表中的类别代码。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="256"/>
        <source>The facilities layer has no field “{field}”. Choose the field holding the category codes, or run Classify facilities first.</source>
        <translation>设施图层没有字段“{field}”。请选择存放类别代码的字段，或先运行“设施分类”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="423"/>
        <source>The communities layer needs the fields “community_id” and “population” to give circles their residents.</source>
        <translation>社区图层需要“community_id”和“population”字段，才能为生活圈提供居民数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="101"/>
        <source>level requirements table</source>
        <translation>层级要求表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="791"/>
        <source>The facilities layer has no points, so there is nothing to count.</source>
        <translation>设施图层中没有点，无可统计内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="800"/>
        <source>The circles layer has no features. Draw or generate circles first.</source>
        <translation>生活圈图层中没有要素。请先绘制或生成生活圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="813"/>
        <source>No circle has a geometry.</source>
        <translation>没有任何生活圈带有几何图形。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="866"/>
        <source>{count} communities have a population that is not a number; it was not used: {communities}.</source>
        <translation>{count} 个社区的人口不是数字，未予采用：{communities}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="872"/>
        <source>{count} circles have a population that is not a number, so their residents and per-10,000 figures are empty: {circles}.</source>
        <translation>{count} 个生活圈的人口不是数字，其居民数和每万人指标留空：{circles}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="879"/>
        <source>{count} circles have no geometry and get no row (feature ids): {ids}</source>
        <translation>{count} 个生活圈没有几何图形，未输出结果（要素 ID）：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="884"/>
        <source>{facilities} facilities counted in {circles} circles.</source>
        <translation>已在 {circles} 个生活圈中统计 {facilities} 个设施。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="742"/>
        <source>Grades follow the grading profile {path}.</source>
        <translation>等级按评级方案 {path} 评定。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="745"/>
        <source>{count} types of the grading profile have no plugin category and are never counted: {types}.</source>
        <translation>评级方案中有 {count} 类业态在插件中尚无对应类别，始终不计数：{types}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="546"/>
        <source>The idle assets layer needs the fields “status” and “area_m2” (the workspace idle_assets layer has them) to count approved assets in the floor area.</source>
        <translation>闲置资源图层需要“status”和“area_m2”字段（工作空间的 idle_assets 图层有这两个字段），才能把已批准的资源计入用房面积。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="698"/>
        <source> (the total is unknown)</source>
        <translation>（合计面积未知）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="699"/>
        <source>Circle {circle}: idle assets counted in the floor area: {assets}{note}.</source>
        <translation>生活圈 {circle}：计入用房面积的闲置资源：{assets}{note}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="705"/>
        <source>No approved or in-use idle asset with an area lies in a circle; the floor area counts facilities only.</source>
        <translation>没有位于生活圈内、已批准或使用中且填有面积的闲置资源；用房面积只计设施。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="716"/>
        <source>Tiers without a circle of their own were checked within their walking minutes of the community along the roads (tier_reach “network”).</source>
        <translation>没有对应层级生活圈的层级，按从社区沿道路步行的分钟数核查（tier_reach 为“network”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="723"/>
        <source>No roads were given: tiers without a circle of their own were checked within the GB 50180 tier radius of the community in a straight line (5/10/15 minutes: 300/500/1,000 m), which overstates the reach where rivers, railways or walls are in the way (tier_reach “radius”).</source>
        <translation>未给道路：没有对应层级生活圈的层级，按社区周边 GB 50180 层级直线半径核查（5/10/15 分钟：300/500/1000 m）；有河流、铁路或围墙阻隔时会高估可达范围（tier_reach 为“radius”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage.py" line="731"/>
        <source>{count} circles have lower tiers with neither a circle of their community nor a community point to measure from, so those tiers were checked within the circle itself (tier_reach “own”): {circles}. Give the communities layer (community_id) to check each tier within its own reach.</source>
        <translation>{count} 个生活圈的下级层级既没有所属社区的对应生活圈，也没有可测量的社区点，这些层级只能在本圈内核查（tier_reach 为“own”）：{circles}。请提供社区图层（community_id），以便各层级在各自范围内核查。</translation>
    </message>
</context>
<context>
    <name>CoverageTable</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="131"/>
        <source>Circle id</source>
        <translation>生活圈编号</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="132"/>
        <source>Circle</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="133"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="134"/>
        <source>Level (min)</source>
        <translation>层级（分钟）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="135"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="136"/>
        <source>Basic categories present</source>
        <translation>已有基本保障类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="137"/>
        <source>Missing basic categories</source>
        <translation>缺少的基本保障类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="138"/>
        <source>Missing quality categories</source>
        <translation>缺少的品质提升类业态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/coverage_rows.py" line="139"/>
        <source>Facilities per 10,000 residents</source>
        <translation>每万名居民设施数</translation>
    </message>
</context>
<context>
    <name>CsvTableMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/csv_tables.py" line="36"/>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/csv_tables.py" line="38"/>
        <source>The {table} {path} does not exist.</source>
        <translation>{table} {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/csv_tables.py" line="45"/>
        <source>The {table} {path} lacks the column(s) {columns}.</source>
        <translation>{table} {path} 缺少列 {columns}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/csv_tables.py" line="56"/>
        <source>The {table} {path} is not a UTF-8 CSV file.</source>
        <translation>{table} {path} 不是 UTF-8 编码的 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/csv_tables.py" line="61"/>
        <source>The {table} {path} could not be read.</source>
        <translation>无法读取{table} {path}。</translation>
    </message>
</context>
<context>
    <name>DemandChart</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="241"/>
        <source>No residents&apos; needs or survey for this circle.</source>
        <translation>该生活圈暂无居民需求或满意度调查。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="262"/>
        <source>{share:.0%}, target met</source>
        <translation>{share:.0%}，已达标</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="262"/>
        <source>{share:.0%}, below the target</source>
        <translation>{share:.0%}，未达标</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="265"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="266"/>
        <source>Satisfaction (target {target:.0%})</source>
        <translation>居民满意度（目标 {target:.0%}）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="247"/>
        <source>{asked} asked · {count} here</source>
        <translation>{asked} 人提出 · 现有 {count} 处</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="247"/>
        <source>{asked} asked · none here</source>
        <translation>{asked} 人提出 · 无</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/charts.py" line="258"/>
        <source>{circle}: demand vs facilities</source>
        <translation>{circle}：居民需求与现有设施</translation>
    </message>
</context>
<context>
    <name>DemandMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/demand.py" line="84"/>
        <source>The needs layer has no “category” field; use the workspace needs or the output of Import residents' needs.</source>
        <translation>需求图层没有“category”字段；请使用工作空间的需求清单或“导入居民需求”的输出。</translation>
    </message>
</context>
<context>
    <name>DependencyMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/dependencies.py" line="79"/>
        <source>Missing Python packages: {names}. Features that need them are disabled. Install with: {command}</source>
        <translation>缺少 Python 包：{names}。依赖这些包的功能已禁用。安装命令：{command}</translation>
    </message>
</context>
<context>
    <name>DrawTools</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_tool.py" line="42"/>
        <source>The map has no valid coordinate reference system, so distances and areas cannot be measured. Choose one in Project ▸ Properties ▸ CRS (e.g. EPSG:4548 or UTM), then draw again.</source>
        <translation>地图没有有效的坐标参考系，无法量算距离和面积。请在“项目 ▸ 属性 ▸ 坐标参考系”中选择一个（如 EPSG:4548 或 UTM 投影），然后重新绘制。</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/errors.py" line="60"/>
        <source>… and {count} more like this</source>
        <translation>……另有 {count} 条同类信息</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/errors.py" line="69"/>
        <source>… ({count} more characters left out)</source>
        <translation>……（其余 {count} 个字符从略）</translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <location filename="../ui/facilities_page.ui" line="37"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx);;All files (*.*)</source>
        <translation>表格文件 (*.csv *.txt *.tsv *.xlsx);;所有文件 (*.*)</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="99"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="100"/>
        <source>Other (choose the CRS)</source>
        <translation>其他（选择坐标参考系）</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="81"/>
        <source>Amap and Tencent exports are GCJ-02, Baidu exports BD-09; they are converted to WGS84.</source>
        <translation>高德和腾讯导出的数据为 GCJ-02 坐标，百度导出的数据为 BD-09 坐标；均会转换为 WGS84。</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="102"/>
        <source>Import spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="128"/>
        <source>OpenStreetMap (*.osm *.pbf)</source>
        <translation>OpenStreetMap 文件 (*.osm *.pbf)</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="136"/>
        <source>Import OSM file</source>
        <translation>导入 OSM 文件</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="141"/>
        <source>Overpass for the workspace circles</source>
        <translation>从 Overpass 下载（工作空间生活圈范围）</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="144"/>
        <source>Downloads the OSM facilities inside the workspace circles.</source>
        <translation>下载工作空间生活圈范围内的 OSM 设施。</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="198"/>
        <source>e.g. 便利店|菜市场</source>
        <translation>例如 便利店|菜市场</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="263"/>
        <source>e.g. 060200|090601</source>
        <translation>例如 060200|090601</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="225"/>
        <source>Searches the workspace circles, or the map view when there are none yet.</source>
        <translation>在工作空间的生活圈范围内搜索；尚无生活圈时在当前地图视图范围内搜索。</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="265"/>
        <source>Map values…</source>
        <translation>值映射…</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="270"/>
        <source>Import layer</source>
        <translation>导入图层</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="286"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="359"/>
        <source>Category</source>
        <translation>业态</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="316"/>
        <source>English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="321"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="326"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="346"/>
        <source>Show unclassified</source>
        <translation>显示未分类</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="352"/>
        <source>Show only the facilities without a category; click again for all.</source>
        <translation>仅显示没有业态的设施；再次单击显示全部。</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="370"/>
        <source>Assign category…</source>
        <translation>指定业态…</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="373"/>
        <source>Gives the selected facilities the chosen category (Ctrl+Z undoes it; save the layer edits).</source>
        <translation>为所选设施指定所选业态（按 Ctrl+Z 可撤销；请保存图层编辑）。</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="378"/>
        <source>Save as rule</source>
        <translation>保存为规则</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="115"/>
        <source>Also classify future imports with these names into the category (a name keyword in {path}).</source>
        <translation>以后导入时，也将包含这些名称的设施归入该业态（作为名称关键词保存在 {path} 中）。</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="21"/>
        <source>Spreadsheet (CSV / Excel)</source>
        <translation>表格（CSV / Excel）</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="121"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="44"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="54"/>
        <source>X (longitude)</source>
        <translation>X（经度）</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="64"/>
        <source>Y (latitude)</source>
        <translation>Y（纬度）</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="74"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="88"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="112"/>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="174"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="191"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="235"/>
        <source>Existing layer</source>
        <translation>现有图层</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="244"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="254"/>
        <source>Type field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="295"/>
        <source>Facilities per category</source>
        <translation>各业态设施数量</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="337"/>
        <source>Review</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="204"/>
        <source>Choose the spreadsheet to import first.</source>
        <translation>请先选择要导入的表格。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="210"/>
        <source>Choose the coordinate reference system of the spreadsheet&apos;s coordinates.</source>
        <translation>请选择表格中坐标所用的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="212"/>
        <source>Spreadsheet import</source>
        <translation>表格导入</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="232"/>
        <source>Choose the OpenStreetMap file (.osm or .pbf) first.</source>
        <translation>请先选择 OpenStreetMap 文件（.osm 或 .pbf）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="234"/>
        <source>OpenStreetMap import</source>
        <translation>OpenStreetMap 导入</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="246"/>
        <source>The workspace has no circles yet: draw or compute them on the Circles page first.</source>
        <translation>工作空间中还没有生活圈：请先在“生活圈”页中绘制或计算生活圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="248"/>
        <source>OpenStreetMap download</source>
        <translation>OpenStreetMap 下载</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="386"/>
        <source>Choose the layer and the field that holds the facility type first.</source>
        <translation>请先选择图层以及存放设施类型的字段。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="418"/>
        <source>Choose the layer of facilities to import first.</source>
        <translation>请先选择要导入的设施图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="421"/>
        <source>This is the workspace&apos;s own facilities layer; choose another layer to import.</source>
        <translation>这是工作空间自身的设施图层；请选择其他图层进行导入。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="424"/>
        <source>Layer import</source>
        <translation>图层导入</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="437"/>
        <source>An import is already running; wait for it or cancel it.</source>
        <translation>已有导入正在进行；请等待其完成或将其取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="440"/>
        <source>Create or open a workspace first: facilities are imported into it.</source>
        <translation>请先新建或打开工作空间：设施将导入到工作空间中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="460"/>
        <source>The workspace was closed during the import; nothing was added.</source>
        <translation>导入期间工作空间已关闭，未添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="463"/>
        <source>{title} gave no result; nothing was added.</source>
        <translation>{title}没有得到结果，未添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="496"/>
        <source>{count} have no category yet: use Show unclassified to review them.</source>
        <translation>{count} 个设施尚无业态：请使用“显示未分类”进行核查。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="130"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="536"/>
        <source>Unclassified</source>
        <translation>未分类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="556"/>
        <source>{count} facilities have no category. Select some, choose a category, then Assign.</source>
        <translation>{count} 个设施没有业态。请选择部分设施和一个业态，然后单击“指定业态”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="564"/>
        <source>{count} facilities without a category are selected (the layer is being edited).</source>
        <translation>已选中 {count} 个没有业态的设施（图层正处于编辑状态）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="579"/>
        <source>Select the facilities (on the map or in the attribute table) and a category first.</source>
        <translation>请先（在地图或属性表中）选择设施，并选择一个业态。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="589"/>
        <source>assigned in the review</source>
        <translation>核查时指定</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="594"/>
        <source>{count} facilities are now “{category}”. Save the layer edits to keep them.</source>
        <translation>已有 {count} 个设施归为“{category}”。请保存图层编辑以保留更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="598"/>
        <source>Future imports classify names containing {names} the same way ({path}).</source>
        <translation>以后导入时，名称包含 {names} 的设施也将按相同方式归类（{path}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="602"/>
        <source>No rule was saved: the selected facilities have no name.</source>
        <translation>未保存规则：所选设施没有名称。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="485"/>
        <source>{added} facilities added to “{layer}” ({title}); {merged} were already there from another source and now list both sources; {present} had been imported before.</source>
        <translation>已向“{layer}”新增 {added} 处设施（{title}）；{merged} 处已由其他来源导入，现同时记录两个来源；{present} 处此前已导入。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="501"/>
        <source>{count} rows skipped: they have no location that can be placed on the map.</source>
        <translation>跳过 {count} 行：没有可以落到地图上的位置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="507"/>
        <source>{count} facilities already in the workspace have a location that cannot be converted to WGS84, so they were not checked for duplicates.</source>
        <translation>工作空间中已有 {count} 处设施的位置无法转换为 WGS84，未参与重复检查。</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="155"/>
        <source>Place search (web map service)</source>
        <translation>地点搜索（网络地图服务）</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="164"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="205"/>
        <source>Types</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/facilities_page.ui" line="222"/>
        <source>Search and import</source>
        <translation>搜索并导入</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="121"/>
        <source>Amap (高德)</source>
        <translation>高德</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="121"/>
        <source>Tencent (腾讯)</source>
        <translation>腾讯</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="121"/>
        <source>Baidu (百度)</source>
        <translation>百度</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="121"/>
        <source>Tianditu (天地图)</source>
        <translation>天地图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="263"/>
        <source>Amap 6-digit type codes, several separated by |.</source>
        <translation>高德 6 位类型编码，多个以 | 分隔。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="264"/>
        <source>e.g. 便利店|超市</source>
        <translation>例如 便利店|超市</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="264"/>
        <source>Tencent category words, sent as the category filter.</source>
        <translation>腾讯分类词，作为分类筛选条件发送。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="265"/>
        <source>e.g. 超市|药店</source>
        <translation>例如 超市|药店</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="265"/>
        <source>Baidu tags; without keywords the first tag is what is searched for.</source>
        <translation>百度标签；未填关键词时，以第一个标签作为检索词。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="269"/>
        <source>e.g. 便利店|幼儿园</source>
        <translation>例如 便利店|幼儿园</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="269"/>
        <source>Tianditu class names or codes (its data types).</source>
        <translation>天地图分类名称或编码（其数据类型）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="288"/>
        <source>Key: configured ({config}).</source>
        <translation>密钥：已配置（{config}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="290"/>
        <source>Key: missing. Add the service&apos;s {parameter} key as an authentication configuration (API Header, one header holding the key) and choose it above.</source>
        <translation>密钥：未配置。请将该服务的 {parameter} 密钥添加为认证配置（API Header，一个请求头存放密钥），并在上方选择。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="322"/>
        <source>Give keywords or types to see how many requests the search takes.</source>
        <translation>填写关键词或类型后，可查看本次搜索大约需要多少次请求。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="327"/>
        <source>About {count} requests (a rough estimate: {area:.1f} km², {terms} search terms, assuming {density:.0f} POIs per km² for each; {cap} results per cell at most, {page} per page).</source>
        <translation>约 {count} 次请求（粗略估算：{area:.1f} 平方千米，{terms} 个检索词，按每个检索词每平方千米 {density:.0f} 个 POI 计；每个网格最多 {cap} 条结果，每页 {page} 条）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="347"/>
        <source>Choose the authentication configuration holding the {service} key first.</source>
        <translation>请先选择存放{service}密钥的认证配置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="354"/>
        <source>Give keywords or types to search for.</source>
        <translation>请填写要搜索的关键词或类型。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/facilities_page.py" line="371"/>
        <source>{service} import</source>
        <translation>{service}导入</translation>
    </message>
</context>
<context>
    <name>FifteenMinAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="79"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="80"/>
        <source>Import and conversion</source>
        <translation>导入与转换</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="81"/>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="82"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="51"/>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="301"/>
        <source>The conversion is recorded in the coord_conv field only: {reason}</source>
        <translation>转换信息仅记录在 coord_conv 字段中：{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="198"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="203"/>
        <source>Category field</source>
        <translation>类别字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="179"/>
        <source>Origins (communities)</source>
        <translation>起点（社区）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/algorithm.py" line="184"/>
        <source>Origin id field</source>
        <translation>起点编号字段</translation>
    </message>
</context>
<context>
    <name>FifteenMinDock</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="105"/>
        <source>15-Minute Living Circle</source>
        <translation>一刻钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="163"/>
        <source>Disabled: install the Python packages {names}</source>
        <translation>已禁用：请安装 Python 包 {names}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="276"/>
        <source>New workspace</source>
        <translation>新建工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="281"/>
        <source>Open workspace</source>
        <translation>打开工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="295"/>
        <source>Workspace created</source>
        <translation>工作空间已创建</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="299"/>
        <source>Workspace opened</source>
        <translation>工作空间已打开</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="385"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="338"/>
        <source>No workspace open. Create one or open an existing GeoPackage.</source>
        <translation>未打开工作空间。请新建一个工作空间，或打开现有的 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="340"/>
        <source>Workspace: {path}</source>
        <translation>工作空间：{path}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="325"/>
        <source>Upgraded to the current schema; added: {added}.</source>
        <translation>已升级到当前数据结构版本；新增：{added}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="187"/>
        <source>The pages {pages} are turned off: the Python packages {names} are missing. Run this command, then restart QGIS:</source>
        <translation>“{pages}”页面已停用：缺少 Python 包 {names}。请运行以下命令，然后重启 QGIS：</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="187"/>
        <source>The Python packages {names} are missing. Run this command, then restart QGIS:</source>
        <translation>缺少 Python 包 {names}。请运行以下命令，然后重启 QGIS：</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="202"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="203"/>
        <source>Copy the install command to the clipboard</source>
        <translation>将安装命令复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="391"/>
        <source>Use the layers&apos; workspace</source>
        <translation>使用图层所在的工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="394"/>
        <source>Use the remembered workspace</source>
        <translation>使用项目记录的工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="381"/>
        <source>This project remembers the workspace {remembered}, but its layers read {layers}. Which one should the plugin write to? The project&apos;s layers are then pointed at it.</source>
        <translation>本项目记录的工作空间是 {remembered}，但项目中的图层读取的是 {layers}。插件应写入哪一个？选定后，项目图层将统一指向该工作空间。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="139"/>
        <source>Tianditu vector</source>
        <translation>天地图矢量底图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="139"/>
        <source>Tianditu imagery</source>
        <translation>天地图影像底图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="141"/>
        <source>No basemap</source>
        <translation>不显示底图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="260"/>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="238"/>
        <source>Choose the Tianditu key first: on the Facilities page pick Tianditu as the service and the authentication configuration holding its tk key.</source>
        <translation>请先选择天地图密钥：在“设施”页将服务选为天地图，并选择存放其 tk 密钥的认证配置。</translation>
    </message>
</context>
<context>
    <name>FifteenMinDockBase</name>
    <message>
        <location filename="../ui/dock.ui" line="9"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="13"/>
        <source>No workspace open. Create one or open an existing GeoPackage.</source>
        <translation>未打开工作空间。请新建一个工作空间，或打开现有的 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="21"/>
        <source>New workspace…</source>
        <translation>新建工作空间…</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="22"/>
        <source>Create a GeoPackage holding communities, circles, facilities, idle assets and results</source>
        <translation>创建一个 GeoPackage，用于存放社区、生活圈、设施、闲置资源和分析结果</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="25"/>
        <source>Open workspace…</source>
        <translation>打开工作空间…</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="26"/>
        <source>Open a workspace GeoPackage; an older one is upgraded without losing data</source>
        <translation>打开工作空间 GeoPackage；旧版本的工作空间会被升级，且不会丢失数据</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="50"/>
        <source>Circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="55"/>
        <source>Draw each community&apos;s living circle by hand, as GB 50180 radius levels (300 / 500 / 1,000 m), or as a 5 / 10 / 15-minute walking isochrone on the road network.</source>
        <translation>手工绘制每个社区的生活圈，或按 GB 50180 半径分级（300 / 500 / 1,000 m）生成，或在路网上生成 5 / 10 / 15 分钟步行等时圈。</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="62"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="67"/>
        <source>Import facilities from your own layers, Amap / Baidu / Tencent spreadsheets (GCJ-02 / BD-09, GBK) and OpenStreetMap, and sort them into MOFCOM categories.</source>
        <translation>从自有图层、高德 / 百度 / 腾讯导出表格（GCJ-02 / BD-09，GBK）和 OpenStreetMap 导入设施，并按商务部分类进行归类。</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="74"/>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="79"/>
        <source>See, circle by circle, which MOFCOM categories are missing and how many minutes each community walks to each category; export the one-plan-per-circle report.</source>
        <translation>逐个生活圈查看缺少哪些商务部分类设施，以及各社区步行到各类设施需要多少分钟；导出“一圈一策”报告。</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="86"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="91"/>
        <source>Register idle assets — civil-defence tunnels, parking idle at night, vacant shops, idle land — track their status, and get ranked suggestions for repurposing them to fill circle gaps.</source>
        <translation>登记闲置资源（人防工程、夜间闲置停车位、空置商铺、闲置用地），跟踪其状态，并获取按优先级排序的改造利用建议，以补齐生活圈短板。</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="38"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="39"/>
        <source>Open the user guide (Chinese and English) in your browser</source>
        <translation>在浏览器中打开使用指南（中英文）</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="33"/>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="34"/>
        <source>Show the official Tianditu (天地图) basemap under the layers; the report's circle maps draw it too</source>
        <translation>在图层下方显示官方天地图底图；报告中的生活圈地图也会绘制该底图</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="98"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="103"/>
        <source>Ask residents first: import their needs and sort them into lists, then keep the project list — each project's status, money, deadline and history.</source>
        <translation>问需于民：导入居民诉求并归入需求清单，再管理项目清单——每个项目的状态、资金、完成时限和变更记录。</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="29"/>
        <source>PostGIS…</source>
        <translation>PostGIS…</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="30"/>
        <source>Create or open a team workspace on the bureau&apos;s PostgreSQL/PostGIS server, through a saved connection</source>
        <translation>通过已保存的连接，在局里的 PostgreSQL/PostGIS 服务器上新建或打开团队工作空间</translation>
    </message>
</context>
<context>
    <name>FifteenMinOptionsFactory</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="78"/>
        <source>15-Minute Living Circle</source>
        <translation>一刻钟生活圈</translation>
    </message>
</context>
<context>
    <name>FifteenMinOptionsPage</name>
    <message>
        <location filename="../ui/options_page.ui" line="11"/>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="36"/>
        <source>GB 50180-2018: a 15-minute walk reaches 800–1,000 m; 4.0 km/h gives 1,000 m.</source>
        <translation>GB 50180-2018：步行 15 分钟可达 800–1,000 m；4.0 km/h 对应 1,000 m。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="51"/>
        <source>Circle levels (minutes)</source>
        <translation>生活圈层级（分钟）</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="63"/>
        <source>GB 50180-2018: 5-, 10- and 15-minute life circles.</source>
        <translation>GB 50180-2018：5 分钟、10 分钟和 15 分钟生活圈。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="78"/>
        <source>Radius levels (m)</source>
        <translation>半径层级（m）</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="90"/>
        <source>GB 50180-2018: 300 / 500 / 800–1,000 m walking distance.</source>
        <translation>GB 50180-2018：步行距离 300 / 500 / 800–1,000 m。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="105"/>
        <source>Snap tolerance</source>
        <translation>捕捉容差</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="130"/>
        <source>Plugin default: origins farther than this from any road are reported, not snapped.</source>
        <translation>插件默认值：距所有道路都超过此距离的起点会被报告，而不会被捕捉到道路上。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="185"/>
        <source>Walk-off distance</source>
        <translation>离路步行距离</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="210"/>
        <source>Plugin default: places within this distance of a reachable street count as reached.</source>
        <translation>插件默认值：与可达街道的距离在此范围内的地点视为可达。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="225"/>
        <source>Duplicate tolerance</source>
        <translation>查重容差</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="250"/>
        <source>Plugin default: the same facility from two sources lies within this distance.</source>
        <translation>插件默认值：来自两个数据源、相距在此距离以内的设施视为同一设施。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="65"/>
        <source>Levels must be positive whole numbers separated by commas, e.g. 5, 10, 15. Nothing was saved.</source>
        <translation>层级必须是以逗号分隔的正整数，例如 5, 10, 15。未保存任何设置。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="265"/>
        <source>基础型: basic categories present</source>
        <translation>基础型：应具备的基本保障类业态数</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="296"/>
        <source>提升型: quality categories present</source>
        <translation>提升型：应具备的品质提升类业态数</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="312"/>
        <source>Plugin default: MOFCOM names the 提升型 type but publishes no count; 3 quality categories.</source>
        <translation>插件默认值：商务部提出了提升型，但未公布具体数量；取 3 个品质提升类业态。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="327"/>
        <source>品质型: quality categories present</source>
        <translation>品质型：应具备的品质提升类业态数</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="343"/>
        <source>Plugin default: MOFCOM names the 品质型 type but publishes no count; 6 quality categories.</source>
        <translation>插件默认值：商务部提出了品质型，但未公布具体数量；取 6 个品质提升类业态。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="60"/>
        <source>品质型 needs at least as many quality categories as 提升型. Nothing saved.</source>
        <translation>品质型所需的品质提升类业态数不能少于提升型。未保存任何设置。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="145"/>
        <source>Topology tolerance</source>
        <translation>拓扑容差</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="170"/>
        <source>QGIS network analysis default: 0, roads meet only at shared vertices (right for OpenStreetMap). For CAD road layers with digitising gaps: dangling road ends join another road of the same level within this distance; mid-road vertices never join.</source>
        <translation>QGIS 网络分析默认值：0，道路只在共享顶点处相连（适用于 OpenStreetMap）。对于有数字化缝隙的 CAD 道路图层：悬挂的道路端点与此距离内同一层级的另一条道路相接；道路中间的顶点从不相接。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="281"/>
        <source>MOFCOM (2023–2025 action plan, pilot notices): 基础型 “配齐基本保障类业态”; 15 = the 13 basic categories of the 2021 guide (商办流通函〔2021〕247号) plus elderly care and car wash, must-haves since the 2025 notice (商务部等9部门 扩围升级通知).</source>
        <translation>商务部（2023—2025 三年行动计划、试点通知）：基础型“配齐基本保障类业态”；15 = 《城市一刻钟便民生活圈建设指南》（商办流通函〔2021〕247号）的 13 类基本保障类业态，加上 2025 年商务部等9部门扩围升级通知列为必备业态的养老服务和洗车店。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="358"/>
        <source>Persons per household</source>
        <translation>户均人口</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="380"/>
        <source>7th national population census (2020): 2.62 persons per household. Households = population ÷ this when a community has no households field, for the floor-area check of 国办发〔2021〕56号 (30 m² per 100 households).</source>
        <translation>第七次全国人口普查（2020）：户均 2.62 人。社区没有户数字段时，户数 = 人口 ÷ 此值，用于按国办发〔2021〕56号检查社区综合服务设施面积（每百户 30 m²）。</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="395"/>
        <source>Demand weight per resident asking</source>
        <translation>每位提出需求居民的需求权重</translation>
    </message>
    <message>
        <location filename="../ui/options_page.ui" line="420"/>
        <source>Plugin default 0.02, from no document: a repurposing suggestion's score is multiplied by 1 + this × the residents who asked for the gap it fills (50 residents double it); 0 ignores residents' needs.</source>
        <translation>插件默认值 0.02，并无文件依据：闲置资源改造建议的得分乘以 1 + 该值 × 提出其所补短板的居民数（50 名居民提出即得分翻倍）；设为 0 则不考虑居民需求。</translation>
    </message>
</context>
<context>
    <name>FifteenMinPlugin</name>
    <message>
        <location filename="../../fifteen_min_plugin/plugin.py" line="89"/>
        <source>15-Minute Living Circle</source>
        <translation>一刻钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/plugin.py" line="77"/>
        <source>Living circle panel</source>
        <translation>生活圈面板</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/plugin.py" line="78"/>
        <source>Show or hide the 15-minute living circle panel</source>
        <translation>显示或隐藏一刻钟生活圈面板</translation>
    </message>
</context>
<context>
    <name>FifteenMinProvider</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/provider.py" line="20"/>
        <source>15-Minute Living Circle</source>
        <translation>一刻钟生活圈</translation>
    </message>
</context>
<context>
    <name>FusionAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="55"/>
        <source>Circle fusion (all service circles)</source>
        <translation>圈圈融合（全部服务圈）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="58"/>
        <source>Evaluates every chosen service-circle profile for every community in one pass (圈圈融合): the convenience circle, the GB 50180 tiers, elderly care, childcare, fitness, parcel service, education, medical care and the complete community. One nearest-facility search covers the categories of all profiles together.&lt;br&gt;&lt;b&gt;Communities&lt;/b&gt;: points or polygons (a point inside each polygon is used).&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; and &lt;b&gt;Category field&lt;/b&gt;: classified facility points (run Classify facilities first).&lt;br&gt;</source>
        <translation>一次评估每个社区对所选各服务圈的满足情况（圈圈融合）：便民生活圈、GB 50180 三级生活圈、养老、托育、健身、快递服务、教育、医疗及完整社区。所有配置涉及的设施类别共用一次最近设施搜索。&lt;br&gt;&lt;b&gt;社区&lt;/b&gt;：点或面（面取其内部一点）。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;类别字段&lt;/b&gt;：已分类的设施点（请先运行“设施分类”）。&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="104"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="128"/>
        <source>Circle profiles</source>
        <translation>圈层配置</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="136"/>
        <source>Circle fusion</source>
        <translation>圈圈融合</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="159"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="58"/>
        <source>&lt;b&gt;Roads&lt;/b&gt; are optional here: without them reach is measured in a straight line at the walking speed, which overstates it, and &lt;i&gt;reach_method&lt;/i&gt; says &lt;i&gt;straight_line&lt;/i&gt; instead of &lt;i&gt;network&lt;/i&gt;.&lt;br&gt;&lt;b&gt;Profiles&lt;/b&gt;: names of shipped profiles (resources/profiles/: mofcom_convenience, gb50180, elderly_care, childcare, fitness, parcel, education, medical, complete_community) or paths of your own profile CSV files, separated by commas; empty: all shipped profiles. A profile row names a category code (or several joined by |, any of which meets it), its reach in walking minutes (min) or metres (m), and the document it comes from. An item is met when a facility is within its reach. A row with a minimum (&lt;i&gt;min_count&lt;/i&gt;, &lt;i&gt;per&lt;/i&gt; absolute, per_1000_residents or per_100_households, &lt;i&gt;measure&lt;/i&gt; count, area_m2 or capacity) is met only when the facilities within its reach reach that minimum: their number, or the sum of their area or capacity.&lt;br&gt;&lt;b&gt;Population field&lt;/b&gt; and &lt;b&gt;Households field&lt;/b&gt; (communities): the figures a minimum per residents or per households is scaled by; without a households figure, households = population ÷ persons per household (Options). A community without the figure is checked for presence only, with a warning.&lt;br&gt;&lt;b&gt;Area field&lt;/b&gt; and &lt;b&gt;Capacity field&lt;/b&gt; (facilities): what an area or capacity minimum adds up (e.g. footprint_m2, beds or places).&lt;br&gt;&lt;b&gt;Circles&lt;/b&gt; (optional): the communities' own circles (fields community_id and level_min, matched to the communities' community_id). An item whose reach falls in a level (5/10/15 min, 300/500/1000 m) is then decided inside the community's circle of that level, when it has one: a facility in the circle meets it even beyond the walking minutes; elsewhere the walk decides.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the communities with their own fields plus, for every profile, &lt;i&gt;&amp;lt;profile&amp;gt;_met&lt;/i&gt; (every item met), &lt;i&gt;&amp;lt;profile&amp;gt;_missing&lt;/i&gt; (the items not met, comma-separated) and &lt;i&gt;&amp;lt;profile&amp;gt;_missing_zh&lt;/i&gt; (their Chinese names, separated by 、), &lt;i&gt;&amp;lt;profile&amp;gt;_worst_min&lt;/i&gt; (the longest of the walks to each item's nearest facility, NULL when an item has none within the profile's longest reach), for a profile with minimums &lt;i&gt;&amp;lt;profile&amp;gt;_short&lt;/i&gt; (the items within reach but below their minimum, e.g. &lt;i&gt;clinic 1/2&lt;/i&gt;: have/need), and with circles &lt;i&gt;&amp;lt;profile&amp;gt;_scope&lt;/i&gt; (&lt;i&gt;circle&lt;/i&gt;, &lt;i&gt;walk&lt;/i&gt; or &lt;i&gt;circle+walk&lt;/i&gt;: what decided its items); then &lt;i&gt;n_profiles_met&lt;/i&gt; (how many of the profiles the community meets) and &lt;i&gt;reach_method&lt;/i&gt;.</source>
        <translation>&lt;b&gt;道路&lt;/b&gt;在此为可选项：不提供时按步行速度以直线距离计算可达范围，会高估可达性，&lt;i&gt;reach_method&lt;/i&gt; 记为 &lt;i&gt;straight_line&lt;/i&gt;（而非 &lt;i&gt;network&lt;/i&gt;）。&lt;br&gt;&lt;b&gt;圈层配置&lt;/b&gt;：内置配置的名称（resources/profiles/：mofcom_convenience、gb50180、elderly_care、childcare、fitness、parcel、education、medical、complete_community）或自定义配置 CSV 文件的路径，以英文逗号分隔；留空则使用全部内置配置。配置的每一行写明一个设施类别代码（或用 | 连接的多个代码，满足其一即可）、可达范围（步行分钟 min 或米 m）以及依据文件。可达范围内有一处该类设施即视为满足该项。设有下限的行（&lt;i&gt;min_count&lt;/i&gt;；&lt;i&gt;per&lt;/i&gt; 为 absolute、per_1000_residents 或 per_100_households；&lt;i&gt;measure&lt;/i&gt; 为 count、area_m2 或 capacity）须可达范围内设施的数量、面积之和或容量之和达到该下限才算满足。&lt;br&gt;&lt;b&gt;人口字段&lt;/b&gt;和&lt;b&gt;户数字段&lt;/b&gt;（社区图层）：按每千人或每百户计算下限时所乘的人口、户数；无户数时按 人口 ÷ 户均人口（见“选项”）折算。缺少相应数字的社区只检查是否有设施可达，并在日志中提示。&lt;br&gt;&lt;b&gt;面积字段&lt;/b&gt;和&lt;b&gt;容量字段&lt;/b&gt;（设施图层）：面积或容量下限累加的字段（如 footprint_m2、床位数或托位数）。&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;（可选）：各社区自己的生活圈（字段 community_id 和 level_min，按社区的 community_id 对应）。可达范围落在某一层级（5/10/15 分钟，300/500/1000 米）的项，若社区有该层级的生活圈，则在该生活圈内判定：圈内有设施即满足，即使步行超出分钟数；没有该层级生活圈时仍按步行判定。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留社区原有字段，并为每个圈层配置增加 &lt;i&gt;&amp;lt;profile&amp;gt;_met&lt;/i&gt;（全部项均满足）、&lt;i&gt;&amp;lt;profile&amp;gt;_missing&lt;/i&gt;（未满足的项，逗号分隔）和 &lt;i&gt;&amp;lt;profile&amp;gt;_missing_zh&lt;/i&gt;（其中文名称，以、分隔）、&lt;i&gt;&amp;lt;profile&amp;gt;_worst_min&lt;/i&gt;（各项最近设施步行时间中的最大值；某项在该配置最远可达范围内没有设施时为空）；设有下限的配置另有 &lt;i&gt;&amp;lt;profile&amp;gt;_short&lt;/i&gt;（有设施可达但未达下限的项，如 &lt;i&gt;clinic 1/2&lt;/i&gt;：现有/应有），提供生活圈时另有 &lt;i&gt;&amp;lt;profile&amp;gt;_scope&lt;/i&gt;（&lt;i&gt;circle&lt;/i&gt;、&lt;i&gt;walk&lt;/i&gt; 或 &lt;i&gt;circle+walk&lt;/i&gt;：各项按生活圈还是按步行判定）；最后是 &lt;i&gt;n_profiles_met&lt;/i&gt;（社区满足的圈层配置个数）和 &lt;i&gt;reach_method&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="113"/>
        <source>Circles of the communities</source>
        <translation>社区生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="111"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="112"/>
        <source>Households field</source>
        <translation>户数字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="123"/>
        <source>Facility area field</source>
        <translation>设施面积字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/fusion.py" line="124"/>
        <source>Facility capacity field</source>
        <translation>设施容量字段</translation>
    </message>
</context>
<context>
    <name>FusionMatrixMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="46"/>
        <source>Convenience</source>
        <translation>便民</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="47"/>
        <source>GB 50180</source>
        <translation>GB 50180</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="48"/>
        <source>Elderly care</source>
        <translation>养老</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="49"/>
        <source>Childcare</source>
        <translation>托育</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="50"/>
        <source>Fitness</source>
        <translation>健身</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="51"/>
        <source>Parcels</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="52"/>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="53"/>
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="54"/>
        <source>Complete community</source>
        <translation>完整社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="105"/>
        <source>The layer “{layer}” is not a circle-fusion result (it has no n_profiles_met and &lt;profile&gt;_met fields); run Circle fusion first.</source>
        <translation>图层“{layer}”不是圈圈融合结果（没有 n_profiles_met 和 &lt;profile&gt;_met 字段），请先运行“圈圈融合”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="177"/>
        <source>met</source>
        <translation>满足</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="178"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="179"/>
        <source>below minimum</source>
        <translation>未达下限</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion_matrix.py" line="190"/>
        <source>{count} of {total} circles met</source>
        <translation>满足 {count}/{total} 个圈</translation>
    </message>
</context>
<context>
    <name>FusionMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="271"/>
        <source>No community has a geometry.</source>
        <translation>没有任何社区带有几何图形。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="567"/>
        <source>Choose at least one circle profile.</source>
        <translation>请至少选择一个圈层配置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="572"/>
        <source>One search over {count} categories for {profiles} circle profiles.</source>
        <translation>{profiles} 个圈层配置共用一次搜索，涵盖 {count} 类设施。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="579"/>
        <source>No roads were given: reach is measured in a straight line at the walking speed, which overstates it where rivers, railways or walls are in the way (reach_method = straight_line).</source>
        <translation>未提供道路：按步行速度以直线距离计算可达范围，遇河流、铁路或围墙阻隔时会高估可达性（reach_method = straight_line）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="362"/>
        <source>The {kind} field “{field}” is not in the layer.</source>
        <translation>图层中没有{kind}字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="371"/>
        <source>a population field (POPULATION_FIELD)</source>
        <translation>人口字段（POPULATION_FIELD）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="373"/>
        <source>a households or population field (HOUSEHOLDS_FIELD, POPULATION_FIELD)</source>
        <translation>户数或人口字段（HOUSEHOLDS_FIELD、POPULATION_FIELD）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="375"/>
        <source>a facility area field (AREA_FIELD)</source>
        <translation>设施面积字段（AREA_FIELD）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="377"/>
        <source>a facility capacity field (CAPACITY_FIELD)</source>
        <translation>设施容量字段（CAPACITY_FIELD）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="379"/>
        <source>Line {line} of the circle profile {profile} ({item}) has a minimum {per} that needs {need}.</source>
        <translation>圈层配置 {profile} 第 {line} 行（{item}）设有 {per} 下限，需要提供{need}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="412"/>
        <source>{count} facilities counted for a minimum have no number in “{field}” and add nothing to it.</source>
        <translation>{count} 处计入下限的设施在“{field}”中没有数值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="432"/>
        <source>circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="432"/>
        <source>communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="438"/>
        <source>The {layer} layer has no field {fields}, so circles cannot be matched.</source>
        <translation>{layer}图层缺少字段 {fields}，无法对应生活圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="473"/>
        <source>{count} circles of {communities} communities decide the items of their level.</source>
        <translation>{communities} 个社区的 {count} 个生活圈用于判定相应层级的配置项。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="508"/>
        <source>Counting the facilities within reach for the minimums…</source>
        <translation>正在统计可达范围内的设施以核对下限…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="551"/>
        <source>{count} community items have a minimum {per} but no population or households figure: only whether a facility is within reach was checked for them.</source>
        <translation>有 {count} 个社区配置项设有 {per} 下限，但缺少人口或户数：这些项只检查了是否有设施可达。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/fusion.py" line="468"/>
        <source>{count} circles have no level, community_id or usable polygon and are left out (feature ids): {ids}</source>
        <translation>{count} 个生活圈缺少层级、community_id 或可用的面，未参与判定（要素编号）：{ids}</translation>
    </message>
</context>
<context>
    <name>FusionView</name>
    <message>
        <location filename="../ui/fusion_view.ui" line="21"/>
        <source>Circle fusion (圈圈融合)</source>
        <translation>圈圈融合</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="32"/>
        <source>Fusion result</source>
        <translation>融合结果</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="39"/>
        <source>The output of Circle fusion (Processing toolbox, 15-minute living circles): one row per community.</source>
        <translation>“圈圈融合”（处理工具箱 → 15 分钟生活圈）的输出图层，每个社区一行。</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="48"/>
        <source>Run Circle fusion in the Processing toolbox, then choose its output here.</source>
        <translation>请先在处理工具箱中运行“圈圈融合”，再在此选择其输出图层。</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="70"/>
        <source>✓ the community meets the circle; ✗ and a number: how many of its items are missing. Click a community for its items; click a heading to sort.</source>
        <translation>✓ 表示社区满足该圈；✗ 加数字表示缺几项。点击社区查看各项明细，点击表头排序。</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="109"/>
        <source>Circle</source>
        <translation>圈</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="114"/>
        <source>Item</source>
        <translation>配置项</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="119"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="132"/>
        <source>Colour communities by circles met</source>
        <translation>按满足圈数为社区着色</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="135"/>
        <source>Style the fusion result on the map: one colour per number of circles a community meets.</source>
        <translation>在地图上为融合结果设置样式：社区满足的圈数不同，颜色不同。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/fusion_view.py" line="86"/>
        <source>Circle fusion</source>
        <translation>圈圈融合</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/fusion_view.py" line="126"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/fusion_view.py" line="126"/>
        <source>Met</source>
        <translation>满足</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/fusion_view.py" line="155"/>
        <source>Missing: {items}</source>
        <translation>缺失：{items}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/fusion_view.py" line="159"/>
        <source>Below the minimum (have/need): {items}</source>
        <translation>未达下限（现有/应有）：{items}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/fusion_view.py" line="179"/>
        <source>{community}: {met} of {total} circles met</source>
        <translation>{community}：满足 {met}/{total} 个圈</translation>
    </message>
    <message>
        <location filename="../ui/fusion_view.ui" line="124"/>
        <source>Worst (min)</source>
        <translation>最远/分钟</translation>
    </message>
</context>
<context>
    <name>GeocodeMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/geocode.py" line="118"/>
        <source>Geocoding: {found} addresses found by Amap, {missing} not found, {requests} requests.</source>
        <translation>地理编码：高德查到 {found} 个地址，{missing} 个未查到，共请求 {requests} 次。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/geocode.py" line="132"/>
        <source>{count} geocoding requests sent, the maximum set for this import; the remaining rows are matched by community name.</source>
        <translation>已发送 {count} 次地理编码请求，达到本次导入设定的上限；其余各行按社区名称匹配。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/geocode.py" line="152"/>
        <source>{reason} Retrying in {seconds:g} s.</source>
        <translation>{reason} {seconds:g} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/geocode.py" line="181"/>
        <source>Amap reports the daily quota of this key is used up ({info}, {code}); the remaining rows are matched by community name.</source>
        <translation>高德提示该密钥当日配额已用完（{info}，{code}）；其余各行按社区名称匹配。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/geocode.py" line="190"/>
        <source>Amap refused the geocoding request: {info} ({code}). The key must be of type “Web服务” with geocoding allowed.</source>
        <translation>高德拒绝了地理编码请求：{info}（{code}）。密钥须为“Web服务”类型并已开通地理编码。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/geocode.py" line="201"/>
        <source>Geocoding needs the Amap key: choose the authentication configuration that holds it, or leave the address field empty to match rows by community name.</source>
        <translation>地理编码需要高德密钥：请选择保存该密钥的认证配置，或将地址字段留空、改按社区名称匹配。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/geocode.py" line="166"/>
        <source>Amap geocoding</source>
        <translation>高德地理编码</translation>
    </message>
</context>
<context>
    <name>GradingProfileMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="128"/>
        <source>Line {line} of {path}: “{value}” in the column {column} is not a whole number of types.</source>
        <translation>{path} 第 {line} 行：{column} 列的“{value}”不是业态数量（非负整数）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="159"/>
        <source>grading profile</source>
        <translation>评级方案</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="162"/>
        <source>Line {line} of {path}: the row “{name}” has no source; say which document (or the plugin default) it comes from.</source>
        <translation>{path} 第 {line} 行：“{name}”一行没有填写出处，请注明依据的文件（或注明为插件默认）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="170"/>
        <source>Line {line} of {path}: the class “{value}” of the type “{name}” is neither basic nor quality.</source>
        <translation>{path} 第 {line} 行：业态“{name}”的类别“{value}”既不是 basic（基本保障类）也不是 quality（品质提升类）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="178"/>
        <source>Line {line} of {path}: “{codes}” of the type “{name}” is not a category code of the categories table. Leave the code empty and say so in the note if the plugin has no category for this type yet.</source>
        <translation>{path} 第 {line} 行：业态“{name}”的“{codes}”不是分类表中的类别代码。若插件尚无该业态的类别，请将代码留空，并在 note 列中说明。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="189"/>
        <source>Line {line} of {path}: “{name}” is not a grade; use 基础型, 提升型 or 品质型.</source>
        <translation>{path} 第 {line} 行：“{name}”不是等级，请填写 基础型、提升型 或 品质型。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="197"/>
        <source>Line {line} of {path}: the kind “{value}” is neither type nor grade.</source>
        <translation>{path} 第 {line} 行：kind 列的“{value}”既不是 type（业态）也不是 grade（等级）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="203"/>
        <source>The grading profile {path} has no grade row, so no circle could be graded.</source>
        <translation>评级方案 {path} 中没有等级（grade）行，无法评定任何生活圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/grading_profiles.py" line="141"/>
        <source>Line {line} of {path}: plugin_category “{value}” of the type “{name}” must be yes when the type has category codes and none when it has none.</source>
        <translation>{path} 第 {line} 行：业态“{name}”的 plugin_category 为“{value}”；有类别代码时应为 yes，没有时应为 none。</translation>
    </message>
</context>
<context>
    <name>HistoryMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/history.py" line="172"/>
        <source>The layer “{layer}” is being edited; save or discard those edits first.</source>
        <translation>图层“{layer}”正在编辑中，请先保存或放弃这些编辑。</translation>
    </message>
</context>
<context>
    <name>IdleCandidatesAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/idle_candidates.py" line="40"/>
        <source>Find idle asset candidates</source>
        <translation>查找候选闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/idle_candidates.py" line="43"/>
        <source>Scans one or more layers (OSM extracts, cadastre, the bureau's own) for features that look like idle or shareable assets: parking, civil-defence works, idle factories and warehouses, idle land, vacant shops, markets, school playgrounds.&lt;br&gt;&lt;b&gt;Input layers&lt;/b&gt;: any vector layers; OSM layers read by GDAL are searched in their fields and in &lt;i&gt;other_tags&lt;/i&gt;.&lt;br&gt;&lt;b&gt;Rules&lt;/b&gt;: optional CSV of candidate rules (default: the bundled resources/assets/candidate_rules.csv; columns asset_type, match, pattern, requires, excludes, why). The first matching row decides.&lt;br&gt;&lt;b&gt;Circles&lt;/b&gt;: optional living-circle polygons; their &lt;i&gt;circle_id&lt;/i&gt; (else the feature id) is listed for each candidate they intersect.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one point per candidate (point on surface of polygons and lines), in the CRS of the first input layer, with &lt;i&gt;source_layer&lt;/i&gt;, &lt;i&gt;source_fid&lt;/i&gt;, &lt;i&gt;asset_type&lt;/i&gt;, &lt;i&gt;why&lt;/i&gt; (the tag, attribute or keyword that matched, e.g. amenity=parking), &lt;i&gt;area_m2&lt;/i&gt; (ellipsoidal area of polygons, m²; empty otherwise), &lt;i&gt;name&lt;/i&gt;, &lt;i&gt;circle_ids&lt;/i&gt; (comma-separated) and &lt;i&gt;source_attrs&lt;/i&gt; (the source feature's own attributes as JSON, since the layers' fields differ).</source>
        <translation>扫描一个或多个图层（OSM 提取数据、地籍数据、本局自有数据），查找看起来属于闲置或可共享资源的要素：停车场、人防工程、闲置厂房和仓库、闲置用地、空置商铺、市场、学校操场。&lt;br&gt;&lt;b&gt;输入图层&lt;/b&gt;：任意矢量图层；对于由 GDAL 读取的 OSM 图层，会在其字段和 &lt;i&gt;other_tags&lt;/i&gt; 中搜索。&lt;br&gt;&lt;b&gt;规则&lt;/b&gt;：可选的候选规则 CSV（默认：插件自带的 resources/assets/candidate_rules.csv；列为 asset_type、match、pattern、requires、excludes、why）。以第一条匹配的行为准。&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;：可选的生活圈多边形；对于与之相交的每个候选，列出其 &lt;i&gt;circle_id&lt;/i&gt;（没有时为要素 ID）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个候选一个点（面和线取其表面上的一点），采用第一个输入图层的坐标参考系，包含 &lt;i&gt;source_layer&lt;/i&gt;、&lt;i&gt;source_fid&lt;/i&gt;、&lt;i&gt;asset_type&lt;/i&gt;、&lt;i&gt;why&lt;/i&gt;（匹配到的标签、属性或关键词，例如 amenity=parking）、&lt;i&gt;area_m2&lt;/i&gt;（面的椭球面积，m²；其他情况为空）、&lt;i&gt;name&lt;/i&gt;、&lt;i&gt;circle_ids&lt;/i&gt;（以逗号分隔）和 &lt;i&gt;source_attrs&lt;/i&gt;（源要素自身的属性，以 JSON 表示，因为各图层的字段不同）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/idle_candidates.py" line="61"/>
        <source>Input layers</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/idle_candidates.py" line="66"/>
        <source>Candidate rules (CSV)</source>
        <translation>候选规则（CSV）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/idle_candidates.py" line="69"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/idle_candidates.py" line="77"/>
        <source>Idle asset candidates</source>
        <translation>候选闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/idle_candidates.py" line="89"/>
        <source>Choose at least one vector layer to scan.</source>
        <translation>请至少选择一个要扫描的矢量图层。</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="149"/>
        <source>The layer “{layer}” has no field “{field}”.</source>
        <translation>图层“{layer}”没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="416"/>
        <source>The import was cancelled; nothing was added to “{layer}”.</source>
        <translation>导入已取消；未向“{layer}”添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="328"/>
        <source>The facilities could not be saved in “{layer}”; it is unchanged.</source>
        <translation>无法将设施保存到“{layer}”；该图层未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="430"/>
        <source>The layer “{layer}” cannot be edited, so the category was not assigned.</source>
        <translation>图层“{layer}”无法编辑，因此未指定类别。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="437"/>
        <source>Assign category {category}</source>
        <translation>指定类别 {category}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="442"/>
        <source>The category could not be assigned in “{layer}”; nothing changed.</source>
        <translation>无法在“{layer}”中指定类别；未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="468"/>
        <source>“{pattern}” cannot be saved as a rule for “{code}”.</source>
        <translation>无法将“{pattern}”保存为“{code}”的规则。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/importer.py" line="501"/>
        <source>The rules file {path} could not be written.</source>
        <translation>无法写入规则文件 {path}。</translation>
    </message>
</context>
<context>
    <name>ImportNeedsAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="48"/>
        <source>Import residents&apos; needs</source>
        <translation>导入居民需求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="97"/>
        <source>Needs table or points</source>
        <translation>需求表格或点图层</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="88"/>
        <source>Text field</source>
        <translation>文本字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="89"/>
        <source>Community field</source>
        <translation>社区字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="90"/>
        <source>Category field</source>
        <translation>类别字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="91"/>
        <source>Weight field (respondents)</source>
        <translation>权重字段（人数）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="92"/>
        <source>List field</source>
        <translation>清单字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="93"/>
        <source>Priority field</source>
        <translation>紧急程度字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="94"/>
        <source>Date field</source>
        <translation>日期字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="97"/>
        <source>Communities (points or circles)</source>
        <translation>社区（点或生活圈）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="108"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="108"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="113"/>
        <source>Needs</source>
        <translation>居民需求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="142"/>
        <source>{count} needs imported from {name}, {unclassified} of them unclassified.</source>
        <translation>已从 {name} 导入 {count} 条需求，其中 {unclassified} 条未分类。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="51"/>
        <source>Turns what residents asked for (问需于民) into needs per community, classified into the facility categories.&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: a questionnaire export or 12345 work-order table (CSV, TXT or Excel .xlsx, UTF-8 or GBK, one row per response or already counted), or a layer of points residents reported.&lt;br&gt;&lt;b&gt;Community field&lt;/b&gt;: the community id or name; a longer text such as a work order's address is searched for a community name. Rows without one are placed by their point: inside a community polygon (e.g. the circles), else the nearest community point within 1.5 km.&lt;br&gt;&lt;b&gt;Communities&lt;/b&gt; (optional): the workspace's communities (points) or circles (polygons), with community_id and name; without it the community field is taken as the id.&lt;br&gt;&lt;b&gt;Text field&lt;/b&gt;: the free text (楼下没有早餐店, 希望增加菜市场, 老人吃饭难), classified with the facility name keywords and the needs keywords (resources/categories/needs_rules.csv, editable).&lt;br&gt;&lt;b&gt;Category field&lt;/b&gt; (optional): a category code or Chinese name that overrides the text.&lt;br&gt;&lt;b&gt;Weight field&lt;/b&gt; (optional): respondents or votes behind the row; 1 when empty.&lt;br&gt;&lt;b&gt;List field&lt;/b&gt; (optional): the themed list the row belongs to, such as 红色清单.&lt;br&gt;&lt;b&gt;Priority field&lt;/b&gt; (optional): 紧急/一般/以后, 高/中/低 or urgent/normal/later.&lt;br&gt;&lt;b&gt;Date field&lt;/b&gt; (optional): 2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date number.&lt;br&gt;&lt;b&gt;Address field to geocode&lt;/b&gt; (optional): an address column (e.g. a work order's 地址). Each row without coordinates whose community column is not a community's id or name is geocoded through the Amap geocoding API (v3/geocode/geo); the GCJ-02 point is converted to WGS84 with the exact inverse and placed like a reported point. Rows Amap cannot find are matched by community name as without geocoding, as are all remaining rows once the key's daily quota is used up. Each address is sent once; too-frequent and server-busy answers are retried with backoff.&lt;br&gt;&lt;b&gt;Amap key&lt;/b&gt; (with geocoding): the authentication configuration holding the Amap Web服务 key, the same as for the place search; the key is never written to a log, a layer or a file.&lt;br&gt;&lt;b&gt;City&lt;/b&gt; (advanced, optional): a city name or adcode that narrows the geocoding (e.g. 北京).&lt;br&gt;&lt;b&gt;Requests per second&lt;/b&gt; and &lt;b&gt;Base URL&lt;/b&gt; (advanced): as in Import POIs from a web service.&lt;br&gt;Rows matching no category are kept with an empty category, to be resolved. Rows that match no community and have no point in or near one, rows with neither text nor category and rows with a bad weight are skipped; every problem is listed by row number (the spreadsheet's, header = row 1; the feature id for a layer).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one point per need (empty geometry when placed by name only) with community_id, category, weight, list, priority (urgent, normal, later), text, source (the input's name) and row.</source>
        <translation>把居民提出的诉求（问需于民）整理为各社区的需求，并归入设施业态类别。&lt;br&gt;&lt;b&gt;输入&lt;/b&gt;：问卷导出表或 12345 工单表（CSV、TXT 或 Excel .xlsx，UTF-8 或 GBK 编码，每行一份答卷或已汇总的人数），或居民上报的点图层。&lt;br&gt;&lt;b&gt;社区字段&lt;/b&gt;：社区编号或名称；较长的文本（如工单地址）会在其中查找社区名称。没有社区的行按其位置落位：落在社区面（如生活圈）内的归该社区，否则归 1.5 km 内最近的社区点。&lt;br&gt;&lt;b&gt;社区&lt;/b&gt;（可选）：工作空间中的社区（点）或生活圈（面），含 community_id 和 name；未提供时社区字段直接作为编号。&lt;br&gt;&lt;b&gt;文本字段&lt;/b&gt;：居民原话（楼下没有早餐店、希望增加菜市场、老人吃饭难），按设施名称关键词和需求关键词（resources/categories/needs_rules.csv，可编辑）分类。&lt;br&gt;&lt;b&gt;类别字段&lt;/b&gt;（可选）：业态代码或中文名称，优先于文本分类。&lt;br&gt;&lt;b&gt;权重字段&lt;/b&gt;（可选）：该行代表的答卷人数或票数；为空时记为 1。&lt;br&gt;&lt;b&gt;清单字段&lt;/b&gt;（可选）：该行所属的主题清单，如红色清单。&lt;br&gt;&lt;b&gt;紧急程度字段&lt;/b&gt;（可选）：紧急/一般/以后、高/中/低或 urgent/normal/later。&lt;br&gt;&lt;b&gt;日期字段&lt;/b&gt;（可选）：2025-03-01、2025/3/1、2025年3月1日或 Excel 日期数值。&lt;br&gt;&lt;b&gt;地理编码地址字段&lt;/b&gt;（可选）：地址列（如工单中的“地址”）。没有坐标、且社区列不是社区编号或名称的行，通过高德地理编码接口（v3/geocode/geo）取得坐标，GCJ-02 坐标经精确逆算转为 WGS84 后按上报点落位。高德查不到的行按社区名称匹配，与不做地理编码时相同；该密钥当日配额用完后，其余各行也改按名称匹配。同一地址只请求一次；请求过频或服务器繁忙时按退避间隔重试。&lt;br&gt;&lt;b&gt;高德密钥&lt;/b&gt;（地理编码时）：保存高德“Web服务”密钥的认证配置，与地点搜索所用相同；密钥不会写入日志、图层或任何文件。&lt;br&gt;&lt;b&gt;城市&lt;/b&gt;（高级，可选）：限定地理编码范围的城市名称或行政区划代码（如 北京）。&lt;br&gt;&lt;b&gt;每秒请求数&lt;/b&gt;和&lt;b&gt;基础 URL&lt;/b&gt;（高级）：与“从网络服务导入 POI”相同。&lt;br&gt;未匹配任何类别的行保留为空类别，留待处理。既匹配不到社区、也不在任何社区内或附近的行，既无文本又无类别的行，以及权重无效的行均会跳过；每个问题都按行号列出（表格行号，表头为第 1 行；图层为要素编号）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每条需求一个点（仅按名称落位时几何为空），字段为 community_id、category、weight、list、priority（urgent、normal、later）、text、source（输入名称）和 row。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="95"/>
        <source>Address field to geocode (Amap)</source>
        <translation>地理编码地址字段（高德）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="98"/>
        <source>Amap key (authentication configuration)</source>
        <translation>高德密钥（认证配置）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="103"/>
        <source>City (geocoding)</source>
        <translation>城市（地理编码）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="104"/>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_needs.py" line="107"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
</context>
<context>
    <name>ImportOsmAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="61"/>
        <source>Import OpenStreetMap facilities</source>
        <translation>导入 OpenStreetMap 设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="64"/>
        <source>Imports OpenStreetMap points of interest — tagged nodes, and areas (closed ways, multipolygon relations) reduced to a point on their surface — and classifies them into facility categories.&lt;br&gt;&lt;b&gt;OSM file&lt;/b&gt;: a local .osm or .pbf file, read with GDAL's OSM driver. Give either this or an area for the Overpass API, not both.&lt;br&gt;&lt;b&gt;Extent&lt;/b&gt;: download the POIs of this extent from the Overpass API.&lt;br&gt;&lt;b&gt;Circles&lt;/b&gt; (optional, instead of the extent): download the POIs inside these polygons (each part's convex hull is sent).&lt;br&gt;&lt;b&gt;Overpass API URL&lt;/b&gt;, &lt;b&gt;Timeout&lt;/b&gt;: the server and how long to wait for each answer. Busy (HTTP 429) and failing (5xx) answers are retried up to 3 times with growing waits, honouring the server's Retry-After. HTTP goes through the proxy set in Settings ▸ Options ▸ Network.&lt;br&gt;&lt;b&gt;Cache folder&lt;/b&gt; (optional): answers are stored here, keyed by the query, so running the same import again downloads nothing. Default: a folder in the QGIS profile. Delete its files to force a fresh download.&lt;br&gt;&lt;b&gt;Extra rules file&lt;/b&gt; (optional): more classification rules, as for Classify facilities.&lt;br&gt;A POI is an element with an amenity, shop, leisure, healthcare, office, tourism or craft tag, or a tag a classification rule uses (e.g. highway=bus_stop).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: points in EPSG:4326 with &lt;i&gt;osm_id&lt;/i&gt;, &lt;i&gt;osm_type&lt;/i&gt; (node, way or relation), &lt;i&gt;name&lt;/i&gt;, &lt;i&gt;amenity&lt;/i&gt;, &lt;i&gt;shop&lt;/i&gt;, &lt;i&gt;leisure&lt;/i&gt;, &lt;i&gt;healthcare&lt;/i&gt;, &lt;i&gt;office&lt;/i&gt;, &lt;i&gt;tourism&lt;/i&gt;, &lt;i&gt;craft&lt;/i&gt;, &lt;i&gt;building&lt;/i&gt;, &lt;i&gt;other_tags&lt;/i&gt; (all other tags, in GDAL's &quot;key&quot;=&gt;&quot;value&quot; form), &lt;i&gt;footprint_m2&lt;/i&gt; (ellipsoidal area of an area POI, empty for nodes), and the classification fields &lt;i&gt;category&lt;/i&gt;, &lt;i&gt;category_class&lt;/i&gt;, &lt;i&gt;category_zh&lt;/i&gt;, &lt;i&gt;matched_by&lt;/i&gt;.&lt;br&gt;Data © OpenStreetMap contributors, ODbL 1.0: derived layers must carry this attribution.</source>
        <translation>导入 OpenStreetMap 兴趣点（POI），包括带标签的节点，以及简化为其表面上一点的面状要素（闭合路径、多多边形关系），并将其归入设施业态。&lt;br&gt;&lt;b&gt;OSM 文件&lt;/b&gt;：本地 .osm 或 .pbf 文件，使用 GDAL 的 OSM 驱动读取。请指定该文件或 Overpass API 的下载区域，二者只能选其一。&lt;br&gt;&lt;b&gt;范围&lt;/b&gt;：从 Overpass API 下载该范围内的 POI。&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;（可选，代替范围）：下载这些多边形内的 POI（发送每个部件的凸包）。&lt;br&gt;&lt;b&gt;Overpass API URL&lt;/b&gt;、&lt;b&gt;超时&lt;/b&gt;：服务器地址，以及等待每次响应的时长。繁忙（HTTP 429）和出错（5xx）的响应最多重试 3 次，等待时间逐次延长，并遵循服务器的 Retry-After。HTTP 请求通过“设置 ▸ 选项 ▸ 网络”中设置的代理发送。&lt;br&gt;&lt;b&gt;缓存文件夹&lt;/b&gt;（可选）：响应按查询保存在此处，再次运行相同的导入时无需重新下载。默认：QGIS 用户配置文件中的一个文件夹。删除其中的文件可强制重新下载。&lt;br&gt;&lt;b&gt;附加规则文件&lt;/b&gt;（可选）：更多分类规则，与“设施分类”相同。&lt;br&gt;POI 是指带有 amenity、shop、leisure、healthcare、office、tourism 或 craft 标签，或带有某条分类规则所用标签（例如 highway=bus_stop）的元素。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：EPSG:4326 下的点，包含 &lt;i&gt;osm_id&lt;/i&gt;、&lt;i&gt;osm_type&lt;/i&gt;（node、way 或 relation）、&lt;i&gt;name&lt;/i&gt;、&lt;i&gt;amenity&lt;/i&gt;、&lt;i&gt;shop&lt;/i&gt;、&lt;i&gt;leisure&lt;/i&gt;、&lt;i&gt;healthcare&lt;/i&gt;、&lt;i&gt;office&lt;/i&gt;、&lt;i&gt;tourism&lt;/i&gt;、&lt;i&gt;craft&lt;/i&gt;、&lt;i&gt;building&lt;/i&gt;、&lt;i&gt;other_tags&lt;/i&gt;（其他所有标签，采用 GDAL 的 &quot;key&quot;=&gt;&quot;value&quot; 形式）、&lt;i&gt;footprint_m2&lt;/i&gt;（面状 POI 的椭球面积，节点为空），以及分类字段 &lt;i&gt;category&lt;/i&gt;、&lt;i&gt;category_class&lt;/i&gt;、&lt;i&gt;category_zh&lt;/i&gt;、&lt;i&gt;matched_by&lt;/i&gt;。&lt;br&gt;数据 © OpenStreetMap 贡献者，ODbL 1.0：派生图层必须保留此署名。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="91"/>
        <source>OSM file (.osm or .pbf)</source>
        <translation>OSM 文件（.osm 或 .pbf）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="96"/>
        <source>Extent (Overpass)</source>
        <translation>范围（Overpass）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="97"/>
        <source>Circles (Overpass, instead of the extent)</source>
        <translation>生活圈（Overpass，代替范围）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="106"/>
        <source>Overpass API URL</source>
        <translation>Overpass API URL</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="107"/>
        <source>Timeout (seconds)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="114"/>
        <source>Cache folder</source>
        <translation>缓存文件夹</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="120"/>
        <source>Extra rules file</source>
        <translation>附加规则文件</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="124"/>
        <source>OSM facilities</source>
        <translation>OSM 设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="136"/>
        <source>Give either an OSM file, or an extent or circles to download from the Overpass API (not both).</source>
        <translation>请指定 OSM 文件，或指定要从 Overpass API 下载的范围或生活圈（二者不能同时指定）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="150"/>
        <source>Reading {path} with GDAL's OSM driver…</source>
        <translation>正在使用 GDAL 的 OSM 驱动读取 {path}…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="190"/>
        <source>Data © OpenStreetMap contributors, ODbL 1.0.</source>
        <translation>数据 © OpenStreetMap 贡献者，ODbL 1.0。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="221"/>
        <source>The circles layer has no polygon to download POIs for.</source>
        <translation>生活圈图层中没有可用于下载 POI 的多边形。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="226"/>
        <source>The extent is empty; draw or choose an area to download.</source>
        <translation>范围为空；请绘制或选择要下载的区域。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="236"/>
        <source>Downloaded {count} elements from {url}.</source>
        <translation>已从 {url} 下载 {count} 个元素。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="240"/>
        <source>Used the cached answer in {folder}; nothing was downloaded.</source>
        <translation>已使用 {folder} 中缓存的响应，未下载任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_osm.py" line="205"/>
        <source>The circles layer holds no polygons; choose a layer of circle boundaries, or give an extent.</source>
        <translation>生活圈图层中没有面要素；请选择生活圈边界图层，或给出范围。</translation>
    </message>
</context>
<context>
    <name>ImportPoiApiAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="111"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="114"/>
        <source>Key (authentication configuration)</source>
        <translation>密钥（认证配置）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="119"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="120"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="125"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="126"/>
        <source>Types (type codes)</source>
        <translation>类型（类型编码）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="127"/>
        <source>Resume file</source>
        <translation>续传文件</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="127"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="136"/>
        <source>Maximum requests (0: no limit)</source>
        <translation>最大请求数（0：不限制）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="146"/>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="153"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="157"/>
        <source>POIs</source>
        <translation>POI</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="160"/>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="161"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="169"/>
        <source>Give an extent or an area layer to search in.</source>
        <translation>请指定要搜索的范围或区域图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="174"/>
        <source>Give keywords or type codes to search for.</source>
        <translation>请输入要搜索的关键词或类型编码。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="202"/>
        <source> Progress is saved; run again with the same resume file to continue.</source>
        <translation>进度已保存；使用同一续传文件再次运行即可继续。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="238"/>
        <source>The area cannot be transformed to WGS84.</source>
        <translation>无法将该区域转换到 WGS84。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="242"/>
        <source>The search area is empty.</source>
        <translation>搜索区域为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="69"/>
        <source>Import POIs from a web map service (Amap, Tencent, Baidu, Tianditu)</source>
        <translation>从网络地图服务导入 POI（高德、腾讯、百度、天地图）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="72"/>
        <source>Downloads points of interest inside an area from a Chinese web map service's place search and writes them as WGS84 points. The area is searched in rectangular cells; a cell whose result count reaches the service's cap (Amap 900, Tencent 200, Baidu 150, Tianditu 300) is split in four until every POI can be paged.&lt;br&gt;&lt;b&gt;Service&lt;/b&gt;: Amap (高德 Web服务 place/polygon, GCJ-02), Tencent (腾讯位置服务 place search, GCJ-02), Baidu (百度地图 Place API, BD-09) or Tianditu (天地图 search API, CGCS2000 without offset).&lt;br&gt;&lt;b&gt;Key&lt;/b&gt;: an authentication configuration holding the service's key (Amap and Tencent &lt;i&gt;key&lt;/i&gt;, Baidu &lt;i&gt;ak&lt;/i&gt;, Tianditu &lt;i&gt;tk&lt;/i&gt;): method “API Header” with one header whose value is the key, or “Basic” with the key as password. The key stays encrypted in the QGIS authentication database; it is never written to the project, the output, the log or the resume file.&lt;br&gt;&lt;b&gt;Extent&lt;/b&gt; or &lt;b&gt;Area&lt;/b&gt;: where to search; with an area layer only POIs inside its polygons are kept.&lt;br&gt;&lt;b&gt;Keywords&lt;/b&gt; and/or &lt;b&gt;Types&lt;/b&gt;: what to search, several separated by |, e.g. 便利店|超市. At least one is required. What Types means depends on the service: Amap 6-digit type codes such as 060200|090601; Tencent category words such as 便利店 (sent as its category filter); Baidu tags such as 超市 (the tag preference; without keywords the first tag is the query); Tianditu class names or codes (its data types).&lt;br&gt;&lt;b&gt;Resume file&lt;/b&gt;: a JSON file recording progress after every page (never the key). If a run stops (maximum requests reached, daily quota used up, cancelled, network down), run again with the same file, service and search: it continues where it stopped without repeating a request, and its output holds every POI of both runs.&lt;br&gt;&lt;b&gt;Maximum requests&lt;/b&gt;: a guard on the key's daily quota; the run stops after this many requests (0: no limit).&lt;br&gt;&lt;b&gt;Requests per second&lt;/b&gt; (advanced): stay below the key's QPS limit; too-frequent and server-busy answers are retried with growing waits.&lt;br&gt;&lt;b&gt;Base URL&lt;/b&gt; (advanced): the service address; empty for the service's own (https://restapi.amap.com, https://apis.map.qq.com, https://api.map.baidu.com, https://api.tianditu.gov.cn).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: points in EPSG:4326 with &lt;i&gt;source&lt;/i&gt; (amap, tencent, baidu or tianditu), &lt;i&gt;source_id&lt;/i&gt; (the service's POI id), &lt;i&gt;name&lt;/i&gt;, &lt;i&gt;type&lt;/i&gt; (the service's class text), &lt;i&gt;typecode&lt;/i&gt; (Amap type code), &lt;i&gt;address&lt;/i&gt;, &lt;i&gt;province&lt;/i&gt;, &lt;i&gt;city&lt;/i&gt;, &lt;i&gt;district&lt;/i&gt;, &lt;i&gt;src_lon&lt;/i&gt;/&lt;i&gt;src_lat&lt;/i&gt; (the position as served), &lt;i&gt;coord_src&lt;/i&gt; (GCJ-02, BD-09 or CGCS2000), &lt;i&gt;coord_conv&lt;/i&gt; (e.g. GCJ-02→WGS84 (exact inverse)) and the facility category from the service's class and the name: &lt;i&gt;category&lt;/i&gt;, &lt;i&gt;category_class&lt;/i&gt;, &lt;i&gt;category_zh&lt;/i&gt;, &lt;i&gt;matched_by&lt;/i&gt; (empty when no rule matches; an ambiguous class stays unclassified). &lt;b&gt;Complete&lt;/b&gt; tells whether the whole area was searched; &lt;b&gt;Requests&lt;/b&gt; counts the requests of this run.</source>
        <translation>通过国内网络地图服务的地点搜索，下载某一区域内的兴趣点（POI），并写出为 WGS84 点。区域按矩形网格分块搜索；某个网格的结果数达到服务上限（高德 900、腾讯 200、百度 150、天地图 300）时，会将其一分为四，直到每个 POI 都能分页获取。&lt;br&gt;&lt;b&gt;服务&lt;/b&gt;：高德（Web服务 多边形搜索，GCJ-02）、腾讯（腾讯位置服务 地点搜索，GCJ-02）、百度（百度地图 Place API，BD-09）或天地图（天地图 搜索 API，CGCS2000，无偏移）。&lt;br&gt;&lt;b&gt;密钥&lt;/b&gt;：存放该服务密钥的认证配置（高德和腾讯为 &lt;i&gt;key&lt;/i&gt;，百度为 &lt;i&gt;ak&lt;/i&gt;，天地图为 &lt;i&gt;tk&lt;/i&gt;）：方法为“API Header”，包含一个请求头，其值为密钥；或方法为“Basic”，以密钥作为密码。密钥加密保存在 QGIS 认证数据库中，绝不会写入项目、输出、日志或续传文件。&lt;br&gt;&lt;b&gt;范围&lt;/b&gt;或&lt;b&gt;区域&lt;/b&gt;：搜索的位置；使用区域图层时，只保留其多边形内的 POI。&lt;br&gt;&lt;b&gt;关键词&lt;/b&gt;和/或&lt;b&gt;类型&lt;/b&gt;：搜索内容，多个值以 | 分隔，例如 便利店|超市。至少需要填写一项。“类型”的含义因服务而异：高德为 6 位类型编码，例如 060200|090601；腾讯为分类词，例如 便利店（作为分类筛选条件发送）；百度为标签，例如 超市（作为标签偏好；未填关键词时以第一个标签作为检索词）；天地图为分类名称或编码（其数据类型）。&lt;br&gt;&lt;b&gt;续传文件&lt;/b&gt;：每获取一页后记录进度的 JSON 文件（从不记录密钥）。如果运行中断（达到最大请求数、当日配额用完、被取消、网络中断），请使用同一文件、同一服务和同样的搜索条件再次运行：将从中断处继续，不会重复任何请求，输出包含两次运行得到的全部 POI。&lt;br&gt;&lt;b&gt;最大请求数&lt;/b&gt;：用于保护密钥的每日配额；本次运行发出这么多请求后即停止（0：不限制）。&lt;br&gt;&lt;b&gt;每秒请求数&lt;/b&gt;（高级）：应低于密钥的 QPS 上限；对请求过于频繁和服务器繁忙的响应，会以逐渐延长的等待时间重试。&lt;br&gt;&lt;b&gt;基础 URL&lt;/b&gt;（高级）：服务地址；留空则使用该服务自己的地址（https://restapi.amap.com、https://apis.map.qq.com、https://api.map.baidu.com、https://api.tianditu.gov.cn）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：EPSG:4326 下的点，包含 &lt;i&gt;source&lt;/i&gt;（amap、tencent、baidu 或 tianditu）、&lt;i&gt;source_id&lt;/i&gt;（该服务的 POI ID）、&lt;i&gt;name&lt;/i&gt;、&lt;i&gt;type&lt;/i&gt;（该服务的分类文本）、&lt;i&gt;typecode&lt;/i&gt;（高德类型编码）、&lt;i&gt;address&lt;/i&gt;、&lt;i&gt;province&lt;/i&gt;、&lt;i&gt;city&lt;/i&gt;、&lt;i&gt;district&lt;/i&gt;、&lt;i&gt;src_lon&lt;/i&gt;/&lt;i&gt;src_lat&lt;/i&gt;（服务返回的原始位置）、&lt;i&gt;coord_src&lt;/i&gt;（GCJ-02、BD-09 或 CGCS2000）、&lt;i&gt;coord_conv&lt;/i&gt;（例如 GCJ-02→WGS84 (exact inverse)），以及根据该服务的分类和名称确定的设施业态：&lt;i&gt;category&lt;/i&gt;、&lt;i&gt;category_class&lt;/i&gt;、&lt;i&gt;category_zh&lt;/i&gt;、&lt;i&gt;matched_by&lt;/i&gt;（无规则匹配时为空；分类含义不明确的保持未分类）。&lt;b&gt;已完成&lt;/b&gt;表示是否已搜索整个区域；&lt;b&gt;请求数&lt;/b&gt;为本次运行的请求次数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_poi_api.py" line="217"/>
        <source>Imported from the {service} place search; coordinates converted {conversion}.</source>
        <translation>由{service}地点搜索导入；坐标转换：{conversion}。</translation>
    </message>
</context>
<context>
    <name>ImportSatisfactionAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="40"/>
        <source>Import satisfaction surveys</source>
        <translation>导入满意度调查</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="43"/>
        <source>Reads residents' satisfaction surveys (问效于民) per community, to set them against the target of 90% satisfied (《全面推进城市一刻钟便民生活圈建设三年行动计划（2023—2025）》: 居民满意度达到90%以上).&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: a survey table (CSV, TXT or Excel .xlsx, UTF-8 or GBK) or a layer, one row per community and survey.&lt;br&gt;&lt;b&gt;Community field&lt;/b&gt;: the community id or name (matched with the communities layer when given).&lt;br&gt;&lt;b&gt;Score field&lt;/b&gt; (optional): the mean score, 0–100.&lt;br&gt;&lt;b&gt;Share field&lt;/b&gt; (optional): the share of respondents satisfied, 0–1 or a percentage (0.86, 86%). Give the score, the share or both.&lt;br&gt;&lt;b&gt;Sample size field&lt;/b&gt; (optional): the number of respondents, a whole number.&lt;br&gt;&lt;b&gt;Date field&lt;/b&gt; (optional): 2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date number.&lt;br&gt;&lt;b&gt;Circle field&lt;/b&gt; (optional): the circle a survey is about, when it is about one circle.&lt;br&gt;&lt;b&gt;Communities&lt;/b&gt; (optional): the workspace's communities (community_id, name); without it the community field is taken as the id.&lt;br&gt;&lt;b&gt;Workspace&lt;/b&gt; (optional): a workspace GeoPackage path (or postgres:&amp;lt;connection&amp;gt;/&amp;lt;schema&amp;gt;); the results are added to its satisfaction table in one transaction: all rows or, on any failure, none.&lt;br&gt;Rows without a score or share, with a score outside 0–100, a share outside 0–1, a sample size that is not a whole number or a community that matches none are skipped; a date that cannot be read is left empty. Every problem is listed by row number (the spreadsheet's, header = row 1; the feature id for a layer).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: a table with community_id, circle_id, score, share_satisfied, sample_size, date and source (the input's name). Coverage per circle reads it (or the workspace table) as its Satisfaction input.</source>
        <translation>按社区导入居民满意度调查结果（问效于民），用于对照满意率 90% 的目标（《全面推进城市一刻钟便民生活圈建设三年行动计划（2023—2025）》：居民满意度达到90%以上）。&lt;br&gt;&lt;b&gt;输入&lt;/b&gt;：调查表（CSV、TXT 或 Excel .xlsx，UTF-8 或 GBK）或图层，每个社区每次调查一行。&lt;br&gt;&lt;b&gt;社区字段&lt;/b&gt;：社区编号或名称（提供社区图层时与之匹配）。&lt;br&gt;&lt;b&gt;得分字段&lt;/b&gt;（可选）：平均得分，0–100。&lt;br&gt;&lt;b&gt;满意率字段&lt;/b&gt;（可选）：表示满意的受访者比例，0–1 或百分数（0.86、86%）。得分和满意率至少提供一项，也可都提供。&lt;br&gt;&lt;b&gt;样本量字段&lt;/b&gt;（可选）：受访人数，整数。&lt;br&gt;&lt;b&gt;日期字段&lt;/b&gt;（可选）：2025-03-01、2025/3/1、2025年3月1日或 Excel 日期数值。&lt;br&gt;&lt;b&gt;生活圈字段&lt;/b&gt;（可选）：调查针对某一个生活圈时，填写该生活圈。&lt;br&gt;&lt;b&gt;社区&lt;/b&gt;（可选）：工作空间的社区图层（community_id、name）；不提供时社区字段按编号读取。&lt;br&gt;&lt;b&gt;工作空间&lt;/b&gt;（可选）：工作空间 GeoPackage 路径（或 postgres:&amp;lt;连接&amp;gt;/&amp;lt;模式&amp;gt;）；调查结果在一个事务中写入其满意度表：要么全部写入，出错时一行也不写。&lt;br&gt;没有得分或满意率、得分不在 0–100、满意率不在 0–1、样本量不是整数或匹配不到社区的行均跳过；无法识别的日期留空。每个问题都注明行号（电子表格的行号，表头为第 1 行；图层为要素编号）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：包含 community_id、circle_id、score、share_satisfied、sample_size、date 和 source（输入文件名）的表。“各生活圈覆盖分析”可将其（或工作空间的满意度表）作为满意度输入。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="77"/>
        <source>Survey table</source>
        <translation>调查表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="70"/>
        <source>Community field</source>
        <translation>社区字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="71"/>
        <source>Score field (0–100)</source>
        <translation>得分字段（0–100）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="72"/>
        <source>Share satisfied field (0–1)</source>
        <translation>满意率字段（0–1）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="73"/>
        <source>Sample size field</source>
        <translation>样本量字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="74"/>
        <source>Date field</source>
        <translation>日期字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="75"/>
        <source>Circle field</source>
        <translation>生活圈字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="77"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="78"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="79"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="79"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="81"/>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="120"/>
        <source>{count} survey results imported from {name} and added to the workspace&apos;s satisfaction table.</source>
        <translation>已从 {name} 导入 {count} 条调查结果，并写入工作空间的满意度表。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_satisfaction.py" line="124"/>
        <source>{count} survey results imported from {name}.</source>
        <translation>已从 {name} 导入 {count} 条调查结果。</translation>
    </message>
</context>
<context>
    <name>ImportState</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="380"/>
        <source>The resume file {path} cannot be read ({reason}); choose another file.</source>
        <translation>无法读取续传文件 {path}（{reason}）；请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="386"/>
        <source>The resume file {path} belongs to a different import (other provider, keywords, types or area). Choose another file, or delete it to start this import afresh.</source>
        <translation>续传文件 {path} 属于另一次导入（数据源、关键词、类型或范围不同）。请选择其他文件，或将其删除以重新开始本次导入。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="411"/>
        <source>The resume file {path} cannot be written: {reason}.</source>
        <translation>无法写入续传文件 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>ImportTableAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="48"/>
        <source>Import facility table (CSV / Excel)</source>
        <translation>导入设施表格（CSV / Excel）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="51"/>
        <source>Turns a facility spreadsheet (for example a POI export from Amap, Baidu or Tencent) into a point layer in WGS84.&lt;br&gt;&lt;b&gt;Input table&lt;/b&gt;: a CSV, TXT or TSV file (comma, tab, semicolon or pipe delimited, detected automatically) or an Excel .xlsx workbook. The first non-empty row is the header.&lt;br&gt;&lt;b&gt;X field&lt;/b&gt; / &lt;b&gt;Y field&lt;/b&gt;: the columns holding longitude (or easting) and latitude (or northing). Left empty they are guessed from common names (lon, lng, longitude, x, 经度, 坐标X…; lat, latitude, y, 纬度, 坐标Y…) and the log says which were guessed. A single column holding “lng,lat” as Amap exports it (location, 经纬度, e.g. “116.352,40.003”) is recognised too; to choose one yourself, enter its name in X field and leave Y field empty. Note that Chinese survey tables often call the northing X: choose the fields explicitly then.&lt;br&gt;&lt;b&gt;Encoding&lt;/b&gt;: Auto tries UTF-8 (with or without BOM) and then GBK/GB18030, the encoding Excel uses for CSV on Chinese Windows, on the whole file; choose one to override. Ignored for .xlsx.&lt;br&gt;&lt;b&gt;Coordinate system&lt;/b&gt;: what the coordinates really are. Amap (Gaode) and Tencent exports are GCJ-02, Baidu exports are BD-09; both are converted to WGS84 with the exact iterative inverse (within a millimetre), not the one-step approximation. WGS84 (and CGCS2000 longitude/latitude, equal at this scale) is kept as is. Other (SOURCE_CRS) reprojects from any coordinate reference system, such as a CGCS2000 Gauss-Krüger zone (e.g. EPSG:4547).&lt;br&gt;&lt;b&gt;Source CRS&lt;/b&gt;: the CRS of the coordinates when the system is Other (SOURCE_CRS).&lt;br&gt;&lt;b&gt;Sheet&lt;/b&gt; (advanced): the workbook sheet to read; empty reads the first sheet.&lt;br&gt;Rows whose coordinates are empty, not numbers, or out of range (longitude −180…180, latitude −90…90, e.g. X and Y swapped) are skipped and listed in the log by their row number as a spreadsheet shows it (the header is row 1): the first 20 and the total. A file that is empty, has only a header, uses another delimiter, has no recognisable coordinate columns, or is not a valid workbook stops the import with a message and writes nothing.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: points in EPSG:4326 with every column of the table as a text field under its own (Chinese) name, so codes keep their leading zeros; plus &lt;i&gt;coord_src&lt;/i&gt; (the system of the file, or the SOURCE_CRS identifier) and &lt;i&gt;coord_conv&lt;/i&gt; (the conversion applied, e.g. “GCJ-02→WGS84 (exact inverse)”). Both are also written to the output layer's metadata history. Every row is classified like Classify facilities does, from the name column (名称/name), the type column (类型/类别/type) and an Amap type code column (typecode) when present: &lt;i&gt;category&lt;/i&gt;, &lt;i&gt;category_class&lt;/i&gt;, &lt;i&gt;category_zh&lt;/i&gt;, &lt;i&gt;matched_by&lt;/i&gt; (empty category when nothing matched).</source>
        <translation>将设施表格（例如从高德、百度或腾讯导出的 POI）转换为 WGS84 点图层。&lt;br&gt;&lt;b&gt;输入表格&lt;/b&gt;：CSV、TXT 或 TSV 文件（以逗号、制表符、分号或竖线分隔，自动识别），或 Excel .xlsx 工作簿。第一个非空行为表头。&lt;br&gt;&lt;b&gt;X 字段&lt;/b&gt; / &lt;b&gt;Y 字段&lt;/b&gt;：存放经度（或东坐标）和纬度（或北坐标）的列。留空时根据常见列名猜测（lon、lng、longitude、x、经度、坐标X…；lat、latitude、y、纬度、坐标Y…），日志中会说明猜测了哪些列。也能识别高德导出格式中以单列存放“lng,lat”的情况（location、经纬度，例如“116.352,40.003”）；如需自行指定该列，请在 X 字段中填写其名称并将 Y 字段留空。注意，国内测量表格常把北坐标称为 X：此时请明确指定字段。&lt;br&gt;&lt;b&gt;编码&lt;/b&gt;：“自动”会先按 UTF-8（带或不带 BOM）读取整个文件，再尝试 GBK/GB18030（中文版 Windows 上 Excel 保存 CSV 时使用的编码）；也可选择某种编码强制使用。对 .xlsx 无效。&lt;br&gt;&lt;b&gt;坐标系&lt;/b&gt;：坐标实际所用的坐标系。高德和腾讯导出的数据为 GCJ-02，百度导出的数据为 BD-09；两者都通过迭代求解精确逆变换（误差在 1 mm 以内）转换为 WGS84，而非一步近似。WGS84（以及 CGCS2000 经纬度，在此尺度下两者相同）保持不变。“其他”（SOURCE_CRS）可从任意坐标参考系重投影，例如 CGCS2000 高斯-克吕格投影带（如 EPSG:4547）。&lt;br&gt;&lt;b&gt;源坐标参考系&lt;/b&gt;：坐标系为“其他”（SOURCE_CRS）时坐标所用的坐标参考系。&lt;br&gt;&lt;b&gt;工作表&lt;/b&gt;（高级）：要读取的工作簿工作表；为空时读取第一个工作表。&lt;br&gt;坐标为空、不是数值或超出范围（经度 −180…180，纬度 −90…90，例如 X 与 Y 颠倒）的行将被跳过，并在日志中按表格软件显示的行号（表头为第 1 行）列出：前 20 行及总数。如果文件为空、只有表头、使用其他分隔符、没有可识别的坐标列，或不是有效的工作簿，导入将停止并给出提示，不写入任何内容。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：EPSG:4326 下的点，表格的每一列都作为文本字段，沿用其原有（中文）列名，因此编码会保留前导零；另加 &lt;i&gt;coord_src&lt;/i&gt;（文件的坐标系，或 SOURCE_CRS 标识符）和 &lt;i&gt;coord_conv&lt;/i&gt;（所做的转换，例如“GCJ-02→WGS84 (exact inverse)”）。两者也会写入输出图层的元数据历史记录。每一行都会像“设施分类”工具一样，根据名称列（名称/name）、类型列（类型/类别/type）以及高德类型编码列（typecode，如有）进行分类：&lt;i&gt;category&lt;/i&gt;、&lt;i&gt;category_class&lt;/i&gt;、&lt;i&gt;category_zh&lt;/i&gt;、&lt;i&gt;matched_by&lt;/i&gt;（未匹配时 category 为空）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="86"/>
        <source>Input table</source>
        <translation>输入表格</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="86"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx);;All files (*.*)</source>
        <translation>表格文件 (*.csv *.txt *.tsv *.xlsx);;所有文件 (*.*)</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="93"/>
        <source>X field (longitude)</source>
        <translation>X 字段（经度）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="94"/>
        <source>Y field (latitude)</source>
        <translation>Y 字段（纬度）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="95"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="100"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="105"/>
        <source>Source CRS</source>
        <translation>源坐标参考系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="106"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="108"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="129"/>
        <source>Coordinate system is Other (SOURCE_CRS): choose the source CRS.</source>
        <translation>坐标系为“其他”（SOURCE_CRS）：请选择源坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="148"/>
        <source>{count} facilities imported from {name}: {conversion}.</source>
        <translation>已从 {name} 导入 {count} 个设施：{conversion}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/import_table.py" line="154"/>
        <source>Imported from {name} by fifteenmin:importtable; source {source}, {conversion}.</source>
        <translation>由 fifteenmin:importtable 从 {name} 导入；源坐标系 {source}，{conversion}。</translation>
    </message>
</context>
<context>
    <name>IntegrityMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/integrity.py" line="337"/>
        <source>The workspace&apos;s integrity rules (status checks, append-only history, row versions) could not be installed.</source>
        <translation>未能建立工作空间的数据完整性规则（状态检查、只增不改的变更记录、版本号）。</translation>
    </message>
</context>
<context>
    <name>IsochroneMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/isochrones.py" line="80"/>
        <source>The walking speed must be greater than 0 km/h.</source>
        <translation>步行速度必须大于 0 km/h。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/isochrones.py" line="102"/>
        <source>{count} origins have no geometry and get no polygon: {ids}</source>
        <translation>{count} 个起点没有几何图形，未生成生活圈：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/isochrones.py" line="109"/>
        <source>The origins layer has no origin with a geometry.</source>
        <translation>起点图层中没有带几何图形的起点。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/isochrones.py" line="116"/>
        <source>{count} origins are farther than {tolerance} m from any road and get no polygon: {ids}</source>
        <translation>{count} 个起点距所有道路都超过 {tolerance} m，未生成面：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/isochrones.py" line="122"/>
        <source>No origin lies within {tolerance} m of a road: nothing to compute.</source>
        <translation>没有起点位于道路 {tolerance} m 范围内：无可计算内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/isochrones.py" line="143"/>
        <source>Walking from {count} origins…</source>
        <translation>正在从 {count} 个起点计算步行范围…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/isochrones.py" line="156"/>
        <source>A circle could not be transformed to the origins&apos; CRS {crs}.</source>
        <translation>无法将生活圈转换到起点图层的坐标参考系 {crs}。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="97"/>
        <source>{source}→{target} (exact inverse)</source>
        <translation>{source}→{target}（精确逆算）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="98"/>
        <source>{source}→{target} (public formula)</source>
        <translation>{source}→{target}（公开公式）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="83"/>
        <source>{ids} and {count} more</source>
        <translation>{ids} 等，另有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="122"/>
        <source>Planned</source>
        <translation>谋划中</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="123"/>
        <source>Approved</source>
        <translation>已立项</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="124"/>
        <source>Under construction</source>
        <translation>在建</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="125"/>
        <source>Open</source>
        <translation>已投用</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="126"/>
        <source>Evaluated</source>
        <translation>已评估</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/labels.py" line="127"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>LayerChoiceDialog</name>
    <message>
        <location filename="../ui/layer_choice_dialog.ui" line="5"/>
        <source>Find idle asset candidates</source>
        <translation>查找候选闲置资源</translation>
    </message>
    <message>
        <location filename="../ui/layer_choice_dialog.ui" line="10"/>
        <source>Layers to scan (OSM extracts, cadastre, the bureau&apos;s own):</source>
        <translation>要扫描的图层（OSM 提取数据、地籍数据、本局自有数据）：</translation>
    </message>
</context>
<context>
    <name>LayerWriter</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="374"/>
        <source>The features could not be saved in “{layer}”; it is unchanged.</source>
        <translation>无法将要素保存到“{layer}”；该图层未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="414"/>
        <source>Feature {number} cannot be placed in “{layer}”; nothing was written.</source>
        <translation>要素 {number} 无法放入“{layer}”；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="249"/>
        <source>Another program or QGIS window is writing to the workspace and did not finish within {seconds} seconds, so nothing was changed. Try again in a moment.</source>
        <translation>另一个程序或 QGIS 窗口正在写入工作空间，{seconds} 秒内未完成，因此未做任何修改。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="349"/>
        <source>“{layer}” has {added} rows more and {removed} rows fewer than before</source>
        <translation>“{layer}”比写入前多了 {added} 行、少了 {removed} 行</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="355"/>
        <source>The write failed part way and could not be undone completely: {changes}. Restore the workspace from a copy, or check those rows.</source>
        <translation>写入中途失败，且未能完全撤销：{changes}。请用备份恢复工作空间，或逐条核对这些记录。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="331"/>
        <source>The disk holding the workspace is full: free some space and try again.</source>
        <translation>工作空间所在磁盘已满：请腾出空间后重试。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="337"/>
        <source>The workspace file is read-only: ask for write access or save a copy of it.</source>
        <translation>工作空间文件为只读：请申请写入权限，或另存一份副本后再操作。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="324"/>
        <source>Another program or QGIS window was writing to the workspace; try again in a moment.</source>
        <translation>另一个程序或 QGIS 窗口正在写入工作空间，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/layer_io.py" line="326"/>
        <source>The connection to the database server was lost: check that the server is running and reachable, then try again.</source>
        <translation>与数据库服务器的连接已断开：请确认服务器正在运行且可以访问，然后重试。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/messages.py" line="56"/>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
</context>
<context>
    <name>NearestByCategory</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="94"/>
        <source>The walking speed must be greater than 0 km/h.</source>
        <translation>步行速度必须大于 0 km/h。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="96"/>
        <source>The maximum minutes must be greater than 0.</source>
        <translation>最大分钟数必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="131"/>
        <source>The origins layer has no features.</source>
        <translation>起点图层中没有要素。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="133"/>
        <source>{count} origins have no geometry and get no row (feature ids): {ids}</source>
        <translation>{count} 个起点没有几何图形，未输出结果（要素 ID）：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="136"/>
        <source>No origin has a geometry.</source>
        <translation>没有任何起点带有几何图形。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="137"/>
        <source>{count} facilities have no geometry and are not reached (feature ids): {ids}</source>
        <translation>{count} 个设施没有几何图形，不参与步行计算（要素 ID）：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="140"/>
        <source>The facilities layer has no features, so there is nothing to walk to.</source>
        <translation>设施图层中没有要素，因此没有可步行到达的目标。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="175"/>
        <source>No origin lies within {tolerance} m of a road: nothing to compute.</source>
        <translation>没有起点位于道路 {tolerance} m 范围内：无可计算的内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="183"/>
        <source>Searching the nearest facility of {count} categories…</source>
        <translation>正在为 {count} 个类别搜索最近设施…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="98"/>
        <source>The facilities layer has no field named “{field}”. Run Classify facilities first, or choose the field holding the category codes.</source>
        <translation>设施图层中没有名为“{field}”的字段。请先运行“设施分类”，或选择存放类别代码的字段。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="164"/>
        <source>{count} origins are farther than {tolerance} m from any road and get no walking time (feature ids): {ids}</source>
        <translation>{count} 个起点距所有道路都超过 {tolerance} m，未计算步行时间（要素 ID）：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/nearest_by_category.py" line="169"/>
        <source>{count} facilities are farther than {tolerance} m from any road and are not reached on foot (feature ids): {ids}</source>
        <translation>{count} 个设施距所有道路都超过 {tolerance} m，无法步行到达（要素 ID）：{ids}</translation>
    </message>
</context>
<context>
    <name>NearestFacilityAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="51"/>
        <source>Walking time to the nearest facility</source>
        <translation>到最近设施的步行时间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="82"/>
        <source>Origins (communities or buildings)</source>
        <translation>起点（社区或建筑）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="92"/>
        <source>Maximum minutes</source>
        <translation>最大分钟数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="105"/>
        <source>Nearest facility</source>
        <translation>最近设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="121"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="167"/>
        <source>Writing {count} origins…</source>
        <translation>正在写入 {count} 个起点…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="54"/>
        <source>For every origin, the walking time along the streets to the nearest facility of every category, and the straight-line distance, so you see where straight buffers overstate coverage (rivers, railways, walls).&lt;br&gt;</source>
        <translation>对每个起点，计算沿街道步行到各类别最近设施的时间以及直线距离，以便看出直线缓冲区在哪些地方高估了覆盖范围（河流、铁路、围墙）。&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/nearest_facility.py" line="54"/>
        <source>&lt;b&gt;Origins&lt;/b&gt;: community points or polygons, or residential buildings (a point inside each polygon is used).&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: points whose category field holds codes of the categories table (run Classify facilities first); other values are listed in the log and ignored.&lt;br&gt;&lt;b&gt;Category field&lt;/b&gt;: default &lt;i&gt;category&lt;/i&gt;.&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: km/h, default 4.0 (15 min = 1,000 m, the GB 50180 upper bound).&lt;br&gt;&lt;b&gt;Maximum minutes&lt;/b&gt;: the search stops here (default 15); farther facilities count as none.&lt;br&gt;&lt;b&gt;Snapping tolerance&lt;/b&gt;: origins and facilities join the nearest street within this many metres (default 100) and the straight walk to it counts toward the time; those farther away are listed in the log by feature id (such facilities still count for the straight-line distance).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the origins with their own fields plus, for every category code of the table, &lt;i&gt;min_&amp;lt;code&amp;gt;&lt;/i&gt; (walking minutes to the nearest facility, NULL when none is within the maximum minutes or the origin is off the network) and &lt;i&gt;euc_&amp;lt;code&amp;gt;&lt;/i&gt; (straight-line metres to the nearest facility, NULL when the category has none), and &lt;i&gt;snap_m&lt;/i&gt; (metres from the origin to the street it joins, NULL when beyond the snapping tolerance).</source>
        <translation>&lt;b&gt;起点&lt;/b&gt;：社区点或面，或住宅建筑（使用每个面内部的一个点）。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：类别字段中为分类表代码的点（请先运行“设施分类”）；其他值会列在日志中并被忽略。&lt;br&gt;&lt;b&gt;类别字段&lt;/b&gt;：默认为 &lt;i&gt;category&lt;/i&gt;。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：km/h，默认 4.0（15 分钟 = 1,000 m，即 GB 50180 的上限）。&lt;br&gt;&lt;b&gt;最大分钟数&lt;/b&gt;：搜索到此为止（默认 15）；更远的设施视为没有。&lt;br&gt;&lt;b&gt;捕捉容差&lt;/b&gt;：起点和设施接入此米数范围内（默认 100）最近的街道，直线走到街道的距离计入步行时间；超出范围的会按要素 ID 列在日志中（这类设施仍计入直线距离）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：起点及其自身字段，并针对分类表中的每个类别代码增加 &lt;i&gt;min_&amp;lt;code&amp;gt;&lt;/i&gt;（步行到最近设施的分钟数；最大分钟数内没有设施或起点不在路网上时为 NULL）和 &lt;i&gt;euc_&amp;lt;code&amp;gt;&lt;/i&gt;（到最近设施的直线米数；该类别没有设施时为 NULL），以及 &lt;i&gt;snap_m&lt;/i&gt;（起点到其接入街道的米数；超出捕捉容差时为 NULL）。</translation>
    </message>
</context>
<context>
    <name>NeedValues</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/values.py" line="46"/>
        <source>the priority “{value}” is none of 紧急/一般/以后 (urgent/normal/later), 高/中/低.</source>
        <translation>紧急程度“{value}”不是紧急/一般/以后、高/中/低之一。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/values.py" line="67"/>
        <source>the date “{value}” is not a date such as 2025-03-01, 2025/3/1 or 2025年3月1日.</source>
        <translation>“{value}”不是有效日期，应写作 2025-03-01、2025/3/1 或 2025年3月1日。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/values.py" line="84"/>
        <source>the weight “{value}” is not a positive number of residents.</source>
        <translation>权重“{value}”不是表示人数的正数。</translation>
    </message>
</context>
<context>
    <name>NeedsMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="146"/>
        <source>The WGS 84 ellipsoid is not available to measure distances.</source>
        <translation>无法使用 WGS 84 椭球计算距离。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="153"/>
        <source>The communities layer has no community_id field; use the workspace&apos;s communities or circles.</source>
        <translation>社区图层没有 community_id 字段；请使用工作空间中的社区或生活圈图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="238"/>
        <source>Choose the column holding the residents&apos; text (or one holding the category).</source>
        <translation>请选择居民诉求文本所在的列（或类别所在的列）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="248"/>
        <source>{name} has no column “{column}”; its columns are: {columns}.</source>
        <translation>{name} 中没有“{column}”列；现有列为：{columns}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="391"/>
        <source>{count} rows have neither text nor category and were skipped (rows {rows}).</source>
        <translation>{count} 行既无文本也无类别，已跳过（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="392"/>
        <source>{count} rows match no community by id or name and have no point inside or near one; they were skipped (rows {rows}).</source>
        <translation>{count} 行按编号和名称都匹配不到社区，位置也不在任何社区内或附近，已跳过（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="399"/>
        <source>{count} rows have a weight that is not a positive number and were skipped (rows {rows}).</source>
        <translation>{count} 行的权重不是正数，已跳过（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="405"/>
        <source>{count} needs match no category; they are kept unclassified to be resolved (rows {rows}).</source>
        <translation>{count} 条需求未匹配任何类别，已保留为“未分类”，待人工归类（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="411"/>
        <source>{count} rows name a category that is not in the categories table; their text was classified instead (rows {rows}).</source>
        <translation>{count} 行填写的类别不在类别表中，已改按文本分类（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="418"/>
        <source>{count} rows have a date that could not be read; it was left empty (rows {rows}).</source>
        <translation>{count} 行的日期无法识别，日期留空（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="422"/>
        <source>{count} rows have an unknown priority; it was left empty (rows {rows}).</source>
        <translation>{count} 行的紧急程度无法识别，留空（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="385"/>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="433"/>
        <source>{names} needs were placed by community name, {points} by their point.</source>
        <translation>{names} 条需求按社区名称落位，{points} 条按其位置落位。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="443"/>
        <source>None of the rows of {name} could be placed in a community (first: row {row}); check the community column and the communities layer. Nothing was imported.</source>
        <translation>{name} 中没有任何一行能落到社区（第一处：第 {row} 行）；请检查社区字段和社区图层。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="449"/>
        <source>{name} has no needs rows with text; nothing was imported.</source>
        <translation>{name} 中没有带文本的需求行，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/needs_import.py" line="540"/>
        <source>Choose a needs table or layer.</source>
        <translation>请选择需求表格或图层。</translation>
    </message>
</context>
<context>
    <name>NeedsReview</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="101"/>
        <source>The needs could not be saved in the workspace; its needs table is unchanged.</source>
        <translation>居民诉求未能保存到工作空间，诉求表未作改动。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="135"/>
        <source>{codes} is not a category code; choose one from the list.</source>
        <translation>{codes} 不是业态类别代码，请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="139"/>
        <source>Choose a category for at least one need first.</source>
        <translation>请先为至少一条诉求选择业态类别。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="142"/>
        <source>The categories could not be saved; the needs are unchanged.</source>
        <translation>类别未能保存，居民诉求未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="154"/>
        <source>The need “{text}” was classified meanwhile (as {category}); refresh the queue.</source>
        <translation>诉求“{text}”已被他人归类（{category}），请刷新待归类列表。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="164"/>
        <source>{count} of the chosen needs are no longer in the workspace; refresh the queue.</source>
        <translation>所选诉求中有 {count} 条已不在工作空间中，请刷新待归类列表。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="198"/>
        <source>List {number} has no name; give it one.</source>
        <translation>第 {number} 个清单没有名称，请填写。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="200"/>
        <source>The colour “{colour}” of the list “{name}” cannot be read; write it as #d62728 or a colour name such as red.</source>
        <translation>清单“{name}”的颜色“{colour}”无法识别，请写成 #d62728 这样的色值或 red 这样的颜色名。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="208"/>
        <source>The list “{name}” is defined twice for the same community.</source>
        <translation>同一社区的清单“{name}”重复定义了。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/review.py" line="221"/>
        <source>The lists could not be saved; they are unchanged.</source>
        <translation>清单未能保存，原有清单未作改动。</translation>
    </message>
</context>
<context>
    <name>NeedsRules</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/classify.py" line="54"/>
        <source>Line {line} of {path}: the category “{code}” is not in the categories table.</source>
        <translation>{path} 第 {line} 行：类别“{code}”不在类别表中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/classify.py" line="60"/>
        <source>Line {line} of {path}: the kind “{kind}” must be needs_keyword or name_keyword.</source>
        <translation>{path} 第 {line} 行：规则类型“{kind}”只能是 needs_keyword 或 name_keyword。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/classify.py" line="67"/>
        <source>Line {line} of {path}: the keyword is empty.</source>
        <translation>{path} 第 {line} 行：关键词为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/classify.py" line="73"/>
        <source>Line {line} of {path}: the priority “{value}” is not a whole number.</source>
        <translation>{path} 第 {line} 行：优先级“{value}”不是整数。</translation>
    </message>
</context>
<context>
    <name>NeedsStore</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/store.py" line="46"/>
        <source>The needs could not be saved in the workspace; its needs table is unchanged.</source>
        <translation>需求未能保存到工作空间，需求表未作任何改动。</translation>
    </message>
</context>
<context>
    <name>NetworkCirclesAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="59"/>
        <source>Walking network circles (isochrones)</source>
        <translation>步行路网生活圈（等时圈）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="87"/>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="92"/>
        <source>Walk-off distance (m)</source>
        <translation>离路步行距离（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="104"/>
        <source>Network circles</source>
        <translation>路网生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="116"/>
        <source>Minutes must be positive numbers separated by commas, e.g. 5,10,15 (got “{text}”).</source>
        <translation>分钟数必须是以逗号分隔的正数，例如 5,10,15（当前为“{text}”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="143"/>
        <source>The roads or origins layer could not be read.</source>
        <translation>无法读取道路图层或起点图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="62"/>
        <source>Computes, for every origin, the area a pedestrian reaches along the streets within each time level.&lt;br&gt;</source>
        <translation>为每个起点计算行人在每个时间层级内沿街道可到达的范围。&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="62"/>
        <source>&lt;b&gt;Origins&lt;/b&gt;: community points or polygons (a point inside each polygon is used).&lt;br&gt;&lt;b&gt;Origin id field&lt;/b&gt;: optional; the feature id is used when empty.&lt;br&gt;&lt;b&gt;Minutes&lt;/b&gt;: time levels, default 5,10,15.&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: km/h, default 4.0 (15 min = 1,000 m, the GB 50180 upper bound).&lt;br&gt;&lt;b&gt;Snapping tolerance&lt;/b&gt;: an origin farther than this from every road is listed in the log and gets no polygon; the straight walk to the road counts toward the time.&lt;br&gt;&lt;b&gt;Walk-off distance&lt;/b&gt;: the reachable streets are buffered by this many metres (default 25).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one polygon per origin and level in the origins&apos; CRS, nested, with the origin&apos;s own fields plus &lt;i&gt;origin_id&lt;/i&gt;, &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;reach_m&lt;/i&gt; (walking distance of the level), &lt;i&gt;area_m2&lt;/i&gt;, &lt;i&gt;street_m&lt;/i&gt; (reachable street length, edges cut exactly where time runs out) and &lt;i&gt;method&lt;/i&gt;.</source>
        <translation>&lt;b&gt;起点（社区）&lt;/b&gt;：社区点或面（使用每个面内部的一个点）。&lt;br&gt;&lt;b&gt;起点编号字段&lt;/b&gt;：可选；为空时使用要素 ID。&lt;br&gt;&lt;b&gt;分钟数&lt;/b&gt;：时间层级，默认 5,10,15。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：km/h，默认 4.0（15 min = 1,000 m，即 GB 50180 的上限）。&lt;br&gt;&lt;b&gt;捕捉容差&lt;/b&gt;：距所有道路都超过此距离的起点会列入日志，且不生成面；起点到道路的直线步行距离计入时间。&lt;br&gt;&lt;b&gt;离路步行距离&lt;/b&gt;：将可达街道向外缓冲此米数（默认 25）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个起点、每个层级各一个面，采用起点图层的坐标参考系，逐级嵌套，保留起点自身的字段，并增加 &lt;i&gt;origin_id&lt;/i&gt;、&lt;i&gt;minutes&lt;/i&gt;、&lt;i&gt;reach_m&lt;/i&gt;（该层级的步行距离）、&lt;i&gt;area_m2&lt;/i&gt;、&lt;i&gt;street_m&lt;/i&gt;（可达街道长度，边在时间耗尽处精确截断）和 &lt;i&gt;method&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/network_circles.py" line="122"/>
        <source>A walk of {minutes:,.10g} minutes is beyond the {limit:,.10g} minutes this tool accepts (GB 50180-2018&apos;s largest level is 15 minutes).</source>
        <translation>步行 {minutes:,.10g} 分钟超出了本工具接受的 {limit:,.10g} 分钟上限（GB 50180-2018 的最大层级为 15 分钟）。</translation>
    </message>
</context>
<context>
    <name>OriginPoints</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/network/origins.py" line="70"/>
        <source>Feature {fid} could not be transformed to {crs}.</source>
        <translation>无法将要素 {fid} 转换到 {crs}。</translation>
    </message>
</context>
<context>
    <name>OsmReader</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="90"/>
        <source>The WGS 84 ellipsoid is not available to measure footprint areas.</source>
        <translation>没有可用的 WGS 84 椭球，无法量算占地面积。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="106"/>
        <source>{path} is not an OpenStreetMap file (.osm or .pbf) that exists.</source>
        <translation>{path} 不存在或不是 OpenStreetMap 文件（.osm 或 .pbf）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="113"/>
        <source>GDAL could not read the {layer} of {path}; is it a complete OSM file?</source>
        <translation>GDAL 无法读取 {path} 中的 {layer}；该文件是否为完整的 OSM 文件？</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="155"/>
        <source>{path} cannot be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="159"/>
        <source>{path} is not a complete OpenStreetMap file: {fault}. Download or export it again; nothing was imported.</source>
        <translation>{path} 不是完整的 OpenStreetMap 文件：{fault}。请重新下载或导出；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="177"/>
        <source>the XML is broken at line {line}, column {column} ({reason})</source>
        <translation>XML 在第 {line} 行第 {column} 列出错（{reason}）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="183"/>
        <source>the XML ends before its closing &lt;/osm&gt; tag (the file is cut off)</source>
        <translation>XML 在结束标签 &lt;/osm&gt; 之前就结束了（文件被截断）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="185"/>
        <source>its root element is &lt;{name}&gt;, not &lt;osm&gt;</source>
        <translation>其根元素是 &lt;{name}&gt;，而不是 &lt;osm&gt;</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="196"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="198"/>
        <source>block {number} is cut off (the file ends inside it)</source>
        <translation>第 {number} 个数据块不完整（文件在其中途结束）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="203"/>
        <source>block {number} has an impossible header size</source>
        <translation>第 {number} 个数据块的块头长度不合理</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="214"/>
        <source>the header of block {number} is damaged</source>
        <translation>第 {number} 个数据块的块头已损坏</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="212"/>
        <source>it does not start with an OSMHeader block</source>
        <translation>文件开头不是 OSMHeader 数据块</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/osm_reader.py" line="219"/>
        <source>block {number} is damaged (its data do not inflate to the announced size)</source>
        <translation>第 {number} 个数据块已损坏（解压后的大小与声明不符）</translation>
    </message>
</context>
<context>
    <name>OverpassClient</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="120"/>
        <source>The Overpass download was cancelled.</source>
        <translation>Overpass 下载已取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="128"/>
        <source>it did not answer within {seconds:g} seconds</source>
        <translation>服务器在 {seconds:g} 秒内未响应</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="130"/>
        <source>Could not reach the Overpass API at {url}: this computer seems to be offline, or a proxy or firewall blocks the connection. Check the network and the proxy in Settings ▸ Options ▸ Network, or import a downloaded .osm or .pbf file instead.</source>
        <translation>无法连接 {url} 处的 Overpass API：这台计算机似乎处于离线状态，或代理、防火墙阻止了连接。请检查网络以及“设置 ▸ 选项 ▸ 网络”中的代理设置，或改为导入已下载的 .osm 或 .pbf 文件。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="142"/>
        <source>The Overpass API at {url} refused the query (HTTP {status}).</source>
        <translation>{url} 处的 Overpass API 拒绝了该查询（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="148"/>
        <source>it answered HTTP {status} (busy or failing)</source>
        <translation>服务器返回 HTTP {status}（繁忙或出错）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="152"/>
        <source>The Overpass API at {url} failed after {attempts} attempts: {reason}. Try again later, choose a smaller extent, or import a downloaded .osm or .pbf file.</source>
        <translation>{url} 处的 Overpass API 在尝试 {attempts} 次后仍然失败：{reason}。请稍后重试、选择较小的范围，或导入已下载的 .osm 或 .pbf 文件。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="165"/>
        <source>The Overpass API at {url} did not answer with Overpass JSON.</source>
        <translation>{url} 处的 Overpass API 未返回 Overpass JSON 格式的响应。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/overpass.py" line="171"/>
        <source>The Overpass API could not finish the query ({remark}). Choose a smaller extent.</source>
        <translation>Overpass API 无法完成该查询（{remark}）。请选择较小的范围。</translation>
    </message>
</context>
<context>
    <name>ParameterChecks</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="120"/>
        <source>The layer of “{layer}” has no field named “{field}” (chosen for “{parameter}”); its fields are: {fields}. Nothing was written.</source>
        <translation>“{layer}”的图层中没有名为“{field}”的字段（用于“{parameter}”）；该图层的字段有：{fields}。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="48"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="54"/>
        <source>“{name}” is required; give a value.</source>
        <translation>“{name}”为必填项，请填写。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="60"/>
        <source>“{name}” must be a number (got “{value}”).</source>
        <translation>“{name}”必须是数字（收到的是“{value}”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="62"/>
        <source>“{name}” must be between {low} and {high} (got {value}).</source>
        <translation>“{name}”必须在 {low} 到 {high} 之间（收到的是 {value}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="64"/>
        <source>“{name}” must be at least {low} (got {value}).</source>
        <translation>“{name}”不得小于 {low}（收到的是 {value}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="66"/>
        <source>“{name}” must be at most {high} (got {value}).</source>
        <translation>“{name}”不得大于 {high}（收到的是 {value}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="70"/>
        <source>“{name}” must be one of {options} (got “{value}”).</source>
        <translation>“{name}”必须是以下之一：{options}（收到的是“{value}”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="78"/>
        <source>“{name}”: a layer in “{value}” cannot be opened; check the paths.</source>
        <translation>“{name}”：“{value}”中有图层无法打开，请检查路径。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="81"/>
        <source>“{name}”: “{value}” is not a valid value.</source>
        <translation>“{name}”：“{value}”不是有效的值。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/parameter_checks.py" line="74"/>
        <source>“{name}” must be a file of the types {types} (got “{value}”).</source>
        <translation>“{name}”必须是以下类型的文件：{types}（收到的是“{value}”）。</translation>
    </message>
</context>
<context>
    <name>PlanLists</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="67"/>
        <source>Convenience</source>
        <translation>便民</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="68"/>
        <source>GB 50180</source>
        <translation>居住区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="69"/>
        <source>Elderly care</source>
        <translation>养老</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="70"/>
        <source>Childcare</source>
        <translation>托育</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="71"/>
        <source>Fitness</source>
        <translation>健身</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="72"/>
        <source>Parcels</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="73"/>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="74"/>
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="75"/>
        <source>Complete community</source>
        <translation>完整社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="261"/>
        <source>fills {categories}</source>
        <translation>补齐{categories}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="261"/>
        <source>no basic gap filled</source>
        <translation>未补齐基本保障类缺项</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="276"/>
        <source>MOFCOM grade now → after the plan</source>
        <translation>商务部等级：现状 → 规划实施后</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="268"/>
        <source>no facilities layer to rebuild the grade</source>
        <translation>缺少设施图层，无法重算等级</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="276"/>
        <source>no project list given</source>
        <translation>未提供项目清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="280"/>
        <source>Chain-store share of basic services</source>
        <translation>基本保障类连锁化率</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="280"/>
        <source>target ≥ {target} (2025 notice)</source>
        <translation>目标 ≥ {target}（2025 年扩围升级通知）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="291"/>
        <source>Largest park</source>
        <translation>最大公园面积</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="291"/>
        <source>GB 50180 Table 4.0.4: ≥ {size} hm² at the {minutes}-minute level</source>
        <translation>GB 50180 表 4.0.4：{minutes} 分钟层级 ≥ {size} hm²</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="303"/>
        <source>Public green per resident</source>
        <translation>人均公共绿地</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="303"/>
        <source>GB 50180 Table 4.0.4: ≥ {area} m²</source>
        <translation>GB 50180 表 4.0.4：≥ {area} m²</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="312"/>
        <source>Plan figure</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="312"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="312"/>
        <source>Norm or note</source>
        <translation>标准或说明</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="325"/>
        <source>households or floor areas unknown</source>
        <translation>户数或建筑面积不详</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="327"/>
        <source>{floor} m² for {households} households</source>
        <translation>{floor} m²，服务 {households} 户</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="331"/>
        <source>国办发〔2021〕56号: {per} m² per 100 households; shortfall {shortfall} m²</source>
        <translation>国办发〔2021〕56号：每百户 {per} m²；缺口 {shortfall} m²</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="334"/>
        <source>Community service floor area</source>
        <translation>社区综合服务设施面积</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="346"/>
        <source>target ≥ {target} (2023–2025 action plan)</source>
        <translation>目标 ≥ {target}（2023—2025 三年行动计划）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="618"/>
        <source>Residents&apos; satisfaction</source>
        <translation>居民满意度</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="621"/>
        <source>No survey yet.</source>
        <translation>尚无满意度调查。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="354"/>
        <source>{count} respondents</source>
        <translation>{count} 人参与</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="372"/>
        <source>Needs list (需求清单): what residents asked for</source>
        <translation>需求清单：居民诉求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="374"/>
        <source>No needs recorded for this circle&apos;s communities.</source>
        <translation>本生活圈内的社区尚无需求记录。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="394"/>
        <source>Themed list</source>
        <translation>主题清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="394"/>
        <source>Top demands (residents asking)</source>
        <translation>主要诉求（提出人数）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="394"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="400"/>
        <source>… and {count} more lists.</source>
        <translation>……另有 {count} 个清单。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="406"/>
        <source>Project list (项目清单)</source>
        <translation>项目清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="408"/>
        <source>No project in this circle yet.</source>
        <translation>本生活圈尚无项目。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="427"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="577"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="577"/>
        <source>Investment (万元)</source>
        <translation>投资（万元）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="430"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="431"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="434"/>
        <source>… and {count} more projects.</source>
        <translation>……另有 {count} 个项目。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="435"/>
        <source>{count} projects, {total} 万元 in all.</source>
        <translation>共 {count} 个项目，总投资 {total} 万元。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="461"/>
        <source>Circle fusion (圈圈融合): profiles met by the circle's communities</source>
        <translation>圈圈融合：圈内各社区的服务圈达标情况</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="602"/>
        <source>No circle-fusion result was given.</source>
        <translation>未提供圈圈融合结果。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="465"/>
        <source>No community of this circle is in the circle-fusion result.</source>
        <translation>圈圈融合结果中没有本生活圈的社区。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="473"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="473"/>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="542"/>
        <source>The plan in figures</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="561"/>
        <source>Projects by status</source>
        <translation>项目按状态统计</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="563"/>
        <source>No project list was given.</source>
        <translation>未提供项目清单。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="577"/>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="584"/>
        <source>Without a project list (and facilities) the plan is not rebuilt.</source>
        <translation>未提供项目清单（及设施图层）时不重算规划实施后的情况。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="589"/>
        <source>Circles by MOFCOM grade, now and after the plan</source>
        <translation>各商务部等级的生活圈数量：现状与规划实施后</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="589"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="589"/>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="589"/>
        <source>After the plan</source>
        <translation>规划实施后</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="600"/>
        <source>Circle profiles met (圈圈融合): communities and residents</source>
        <translation>圈圈融合：各服务圈达标的社区和居民</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="612"/>
        <source>Circle profile</source>
        <translation>服务圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="612"/>
        <source>Communities meeting it</source>
        <translation>达标社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="612"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="630"/>
        <source>{count} communities surveyed; mean {mean} satisfied; {meeting} meet the target of {target}.</source>
        <translation>已调查 {count} 个社区；平均满意率 {mean}；{meeting} 个达到 {target} 的目标。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="384"/>
        <source>No list</source>
        <translation>未分清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="388"/>
        <source>unclassified</source>
        <translation>未分类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="485"/>
        <source>{community} lacks</source>
        <translation>{community} 缺少</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/plan_lists.py" line="575"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../ui/plan_page.ui" line="14"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="18"/>
        <source>Import residents&apos; needs</source>
        <translation>导入居民诉求</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="24"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="27"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx);;All files (*.*)</source>
        <translation>表格 (*.csv *.txt *.tsv *.xlsx);;所有文件 (*.*)</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="28"/>
        <source>A questionnaire export or 12345 work-order table (CSV or Excel, UTF-8 or GBK)</source>
        <translation>问卷导出表或 12345 工单表（CSV 或 Excel，UTF-8 或 GBK 编码）</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="31"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="33"/>
        <source>Text</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="34"/>
        <source>The free text residents wrote, classified into categories</source>
        <translation>居民填写的原文，将按业态类别归类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="636"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="36"/>
        <source>The community id or name, or an address naming the community</source>
        <translation>社区编号或名称，或含社区名称的地址</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="634"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="38"/>
        <source>Optional: a category code or Chinese name that overrides the text</source>
        <translation>可选：业态类别代码或中文名称，优先于诉求内容</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="71"/>
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="40"/>
        <source>Optional: respondents or votes behind the row (1 when empty)</source>
        <translation>可选：该行代表的人数或票数（留空按 1 计）</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="41"/>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="42"/>
        <source>Optional: the themed list of the row, such as 红色清单</source>
        <translation>可选：该行所属的主题清单，如红色清单</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="43"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="44"/>
        <source>Optional: 紧急/一般/以后, 高/中/低 or urgent/normal/later</source>
        <translation>可选：紧急/一般/以后、高/中/低 或 urgent/normal/later</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="51"/>
        <source>Import needs</source>
        <translation>导入诉求</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="51"/>
        <source>Place each row in a community, classify its text and add it to the workspace needs</source>
        <translation>将每行落到社区、按内容归类，并加入工作空间的居民诉求</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="53"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="61"/>
        <source>Unclassified needs</source>
        <translation>待归类诉求</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="69"/>
        <source>What residents wrote</source>
        <translation>居民原话</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="78"/>
        <source>Same category for the same text</source>
        <translation>相同内容归为同一类别</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="79"/>
        <source>A category chosen for one row is given to every row with the same text</source>
        <translation>为一行选定的类别同时用于内容相同的所有行</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="82"/>
        <source>Save categories</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="82"/>
        <source>Write the chosen categories to the workspace needs, all together</source>
        <translation>将所选类别一次性写入工作空间的居民诉求</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="90"/>
        <source>Needs on the map</source>
        <translation>诉求分布图</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="97"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="97"/>
        <source>Style and filter the workspace needs layer on the map</source>
        <translation>在地图上为工作空间的居民诉求图层着色并筛选</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="106"/>
        <source>Needs lists</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="110"/>
        <source>A community&apos;s themed lists, such as Dazha&apos;s red, yellow and blue lists; an empty community means every community</source>
        <translation>社区的主题清单，如大闸社区的红、黄、蓝三色清单；社区留空表示适用于所有社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="633"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="112"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="113"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="119"/>
        <source>Add list</source>
        <translation>添加清单</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="120"/>
        <source>Remove list</source>
        <translation>删除清单</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="121"/>
        <source>Save lists</source>
        <translation>保存清单</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="136"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="140"/>
        <source>Add project…</source>
        <translation>新增项目…</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="143"/>
        <source>From suggestion</source>
        <translation>由建议生成</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="144"/>
        <source>Turn the selected rows of a repurposing-suggestions layer into planned projects on their assets</source>
        <translation>将改造建议图层中选中的建议转为落在相应闲置资源上的规划项目</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="150"/>
        <source>Suggestions</source>
        <translation>改造建议</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="151"/>
        <source>The output of Suggest repurposing of idle assets</source>
        <translation>“闲置资源改造利用建议”的输出图层</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="159"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="172"/>
        <source>Approve</source>
        <translation>批准立项</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="173"/>
        <source>Start building</source>
        <translation>开工建设</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="174"/>
        <source>Open</source>
        <translation>建成开放</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="175"/>
        <source>Evaluate</source>
        <translation>完成评估</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="176"/>
        <source>Cancel project</source>
        <translation>撤销项目</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="176"/>
        <source>The project will not be built; it stays in the list with its history</source>
        <translation>项目不再实施；仍保留在清单中，变更记录不删除</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="181"/>
        <source>Selected project</source>
        <translation>选中的项目</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="187"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="188"/>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="189"/>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="190"/>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="646"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="192"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="808"/>
        <source>Draw site</source>
        <translation>绘制选址</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="177"/>
        <source>Draw the site polygon of the selected project, or of a new project when none is selected: click the vertices, right-click to finish, Esc cancels.</source>
        <translation>为选中的项目绘制选址范围；未选中项目时为新项目绘制：依次单击各顶点，右键结束，Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="187"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="196"/>
        <source>Colour by list</source>
        <translation>按清单着色</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="197"/>
        <source>Colour by category</source>
        <translation>按类别着色</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="198"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="210"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="218"/>
        <source>Create or open a workspace first: needs and projects are kept in it.</source>
        <translation>请先新建或打开工作空间：居民诉求和项目都保存在其中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="301"/>
        <source>Choose the needs table (CSV or Excel) first.</source>
        <translation>请先选择诉求表（CSV 或 Excel）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="304"/>
        <source>Choose the column with the residents&apos; text (or a category column).</source>
        <translation>请选择居民诉求内容所在的列（或类别列）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="320"/>
        <source>Needs import</source>
        <translation>诉求导入</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="332"/>
        <source>The workspace was closed during the import; nothing was added.</source>
        <translation>导入期间工作空间已关闭，未添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="336"/>
        <source>The needs import gave no result; nothing was added.</source>
        <translation>诉求导入没有结果，未添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="345"/>
        <source>{count} needs added to the workspace.</source>
        <translation>已向工作空间添加 {count} 条诉求。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="347"/>
        <source>{count} wait for a category under Unclassified needs.</source>
        <translation>其中 {count} 条在“待归类诉求”中等待归类。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="374"/>
        <source>No need is waiting for a category.</source>
        <translation>没有待归类的诉求。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="374"/>
        <source>{count} needs matched no category. Choose one per row, then save; rows with the same text can be given the same category at once.</source>
        <translation>{count} 条诉求未能匹配任何类别。请逐行选择类别后保存；内容相同的行可一次归为同一类别。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="423"/>
        <source>{count} needs now have a category.</source>
        <translation>{count} 条诉求已归类。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="437"/>
        <source>All lists</source>
        <translation>全部清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="437"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="460"/>
        <source>The needs layer cannot be filtered.</source>
        <translation>居民诉求图层无法筛选。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="472"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="477"/>
        <source>{located} of {total} needs are drawn; the others were placed by community name only and have no point.</source>
        <translation>{total} 条诉求中有 {located} 条显示在地图上；其余仅按社区名称落位，没有点位。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="539"/>
        <source>The needs lists are saved.</source>
        <translation>需求清单已保存。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="555"/>
        <source>All circles</source>
        <translation>全部生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="555"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="602"/>
        <source>Select a project to change its status and see its history.</source>
        <translation>选择一个项目，可变更其状态并查看变更记录。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="605"/>
        <source>{project_id} “{name}” is {status}.</source>
        <translation>{project_id}“{name}”：{status}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="605"/>
        <source>Next step: {status}.</source>
        <translation>下一步：{status}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="628"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="630"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="631"/>
        <source>Site point</source>
        <translation>选址点位</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="632"/>
        <source>Site polygon</source>
        <translation>选址范围</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="635"/>
        <source>Circle</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="637"/>
        <source>Site</source>
        <translation>选址</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="661"/>
        <source>Idle asset</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="639"/>
        <source>Floor area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="640"/>
        <source>Investment (10,000 yuan)</source>
        <translation>投资（万元）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="641"/>
        <source>Implementer</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="642"/>
        <source>Funding</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="643"/>
        <source>Start</source>
        <translation>开工时间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="644"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="645"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="658"/>
        <source>drawn</source>
        <translation>已绘制</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="674"/>
        <source>Select a project in the table first.</source>
        <translation>请先在表中选择一个项目。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="676"/>
        <source>Note for the change of {project_id} to “{status}” (optional):</source>
        <translation>{project_id} 变更为“{status}”的说明（可选）：</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="685"/>
        <source>{project_id} is now “{status}”.</source>
        <translation>{project_id} 现为“{status}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="746"/>
        <source>{project_id} “{name}” added to the project list.</source>
        <translation>{project_id}“{name}”已加入项目清单。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="758"/>
        <source>Choose the layer of repurposing suggestions first (run Suggest uses).</source>
        <translation>请先选择改造利用建议图层（先运行“建议用途”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="762"/>
        <source>Select the suggestion rows to plan on the layer “{layer}” first.</source>
        <translation>请先在图层“{layer}”上选中要纳入规划的建议。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="772"/>
        <source>Created from a suggestion</source>
        <translation>由改造建议生成</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="779"/>
        <source>{count} planned projects created from suggestions: {ids}.</source>
        <translation>已由改造建议生成 {count} 个规划项目：{ids}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="806"/>
        <source>The site is the polygon you drew.</source>
        <translation>选址为刚绘制的范围。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="808"/>
        <source>Note for the new site of {project_id} (optional):</source>
        <translation>{project_id} 新选址的说明（可选）：</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="823"/>
        <source>{project_id} has its drawn site.</source>
        <translation>{project_id} 的选址范围已绘制。</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="45"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/plan_page.ui" line="46"/>
        <source>Optional: 2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date number</source>
        <translation>可选：2025-03-01、2025/3/1、2025年3月1日或 Excel 日期序号</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="662"/>
        <source>Drawn on the map</source>
        <translation>在地图上绘制</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="663"/>
        <source>Facility</source>
        <translation>现有设施</translation>
    </message>
</context>
<context>
    <name>PlanScenarioAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="59"/>
        <source>Plan scenario (before and after the projects)</source>
        <translation>规划情景（项目实施前后对比）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="105"/>
        <source>Circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="108"/>
        <source>Projects</source>
        <translation>项目清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="109"/>
        <source>Statuses counted as built</source>
        <translation>计为建成的项目状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="114"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="114"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="135"/>
        <source>Plan scenario</source>
        <translation>规划情景</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="171"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="62"/>
        <source>Shows what the project list changes: the coverage of every circle is computed twice, as Coverage per circle does, now and with the projects of the chosen statuses built.&lt;br&gt;&lt;b&gt;Circles&lt;/b&gt;, &lt;b&gt;Facilities&lt;/b&gt; (classified) and &lt;b&gt;Communities&lt;/b&gt; (optional, population): as in Coverage per circle.&lt;br&gt;&lt;b&gt;Projects&lt;/b&gt;: the workspace projects layer (&lt;i&gt;project_id&lt;/i&gt;, &lt;i&gt;category&lt;/i&gt;, &lt;i&gt;status&lt;/i&gt;, optional &lt;i&gt;asset_id&lt;/i&gt;). Each project built adds one facility of its category at its site, or, without a site, at its idle asset&apos;s location.&lt;br&gt;&lt;b&gt;Statuses&lt;/b&gt;: the statuses counted as built, comma-separated (default planned,approved,under_construction; also open, evaluated). Cancelled projects are never built.&lt;br&gt;&lt;b&gt;Idle assets&lt;/b&gt; (optional): the assets with &lt;i&gt;asset_id&lt;/i&gt; whose location a project without a site takes.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the circles with &lt;i&gt;grade_before&lt;/i&gt;, &lt;i&gt;grade_after&lt;/i&gt;, &lt;i&gt;missing_before&lt;/i&gt;, &lt;i&gt;missing_after&lt;/i&gt; (missing basic-guarantee categories, comma-separated codes), &lt;i&gt;gained&lt;/i&gt; (the basic categories the plan fills), &lt;i&gt;closed_by&lt;/i&gt; (per category gained, the projects inside the circle that fill it, e.g. pharmacy:P1,P3), &lt;i&gt;required_before&lt;/i&gt; and &lt;i&gt;required_after&lt;/i&gt; (the GB 50180 / MOFCOM requirements the circle misses, as in Coverage per circle&apos;s missing_required; the gaps left in missing_after and required_after are those no project of the chosen statuses addresses yet), &lt;i&gt;tiers_before&lt;/i&gt; and &lt;i&gt;tiers_after&lt;/i&gt; (the same requirements by GB 50180 tier, each checked within its own reach, as Coverage per circle&apos;s missing_tiers, e.g. 5:kindergarten;10:bus_stop) and &lt;i&gt;residents_gaining&lt;/i&gt;: the circle&apos;s population if it gains at least one missing basic category, else 0 (empty without a population).</source>
        <translation>展示项目清单带来的变化：与“逐圈覆盖分析”相同的方法，对每个生活圈计算两次覆盖情况——现状一次，按所选状态的项目建成后再一次。&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;、&lt;b&gt;设施&lt;/b&gt;（已分类）和&lt;b&gt;社区&lt;/b&gt;（可选，人口）：与“逐圈覆盖分析”相同。&lt;br&gt;&lt;b&gt;项目清单&lt;/b&gt;：工作空间的项目图层（&lt;i&gt;project_id&lt;/i&gt;、&lt;i&gt;category&lt;/i&gt;、&lt;i&gt;status&lt;/i&gt;，可选 &lt;i&gt;asset_id&lt;/i&gt;）。每个计为建成的项目在其选址处增加一处该业态的设施；没有选址的，落在其对应闲置资源的位置。&lt;br&gt;&lt;b&gt;计为建成的状态&lt;/b&gt;：以逗号分隔（默认 planned,approved,under_construction，即谋划中、已立项、在建；另可选 open、evaluated）。已取消的项目一律不计。&lt;br&gt;&lt;b&gt;闲置资源&lt;/b&gt;（可选）：带 &lt;i&gt;asset_id&lt;/i&gt; 的闲置资源，没有选址的项目取其位置。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：各生活圈，附加 &lt;i&gt;grade_before&lt;/i&gt;、&lt;i&gt;grade_after&lt;/i&gt;（规划前后等级）、&lt;i&gt;missing_before&lt;/i&gt;、&lt;i&gt;missing_after&lt;/i&gt;（规划前后缺少的基本保障类业态，编码以逗号分隔）、&lt;i&gt;gained&lt;/i&gt;（规划补齐的基本保障类业态）、&lt;i&gt;closed_by&lt;/i&gt;（每项补齐的业态由圈内哪些项目补齐，如 pharmacy:P1,P3）、&lt;i&gt;required_before&lt;/i&gt; 与 &lt;i&gt;required_after&lt;/i&gt;（规划前后未满足的 GB 50180 / 商务部配置要求，同“逐圈覆盖分析”的 missing_required；missing_after 和 required_after 中留下的缺项，即所选状态的项目尚未覆盖的缺口）、&lt;i&gt;tiers_before&lt;/i&gt; 与 &lt;i&gt;tiers_after&lt;/i&gt;（同样的要求按 GB 50180 层级列出，各层级在各自范围内核查，同“逐圈覆盖分析”的 missing_tiers，如 5:kindergarten;10:bus_stop）和 &lt;i&gt;residents_gaining&lt;/i&gt;：生活圈至少补齐一项所缺基本保障类业态时为其人口，否则为 0（无人口数据时为空）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="62"/>
        <source>&lt;br&gt;&lt;b&gt;Roads&lt;/b&gt; (optional, with &lt;b&gt;Communities&lt;/b&gt;): walking minutes before and after. From each circle's community (its &lt;i&gt;community_id&lt;/i&gt;, else &lt;i&gt;origin_id&lt;/i&gt;, found by &lt;i&gt;community_id&lt;/i&gt; in the communities layer) to the nearest facility of each basic-guarantee category along the streets, as Walking time to the nearest facility computes it, now and with the projects built; the streets are read once for both. The lower GB 50180 tiers without a circle of their own are then checked within their walking minutes, as Coverage per circle does with roads. &lt;i&gt;minutes_before&lt;/i&gt; and &lt;i&gt;minutes_after&lt;/i&gt; list every basic category as code:minutes (pharmacy:12.4;breakfast:3.0), &amp;gt;30 (the maximum minutes) where none is within reach; &lt;i&gt;minutes_changed&lt;/i&gt; the categories whose minutes the plan changes (pharmacy:12.4→3.1); &lt;i&gt;worst_min_before&lt;/i&gt; and &lt;i&gt;worst_min_after&lt;/i&gt; the longest of the basic categories' nearest walks, empty when one of them has no facility within the maximum minutes. Without roads, or for a circle whose community has no point within the snapping tolerance of a street, these fields are empty.&lt;br&gt;&lt;b&gt;Maximum minutes&lt;/b&gt;: the walk searched (default 30).&lt;br&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;道路&lt;/b&gt;（可选，需同时给出&lt;b&gt;社区&lt;/b&gt;）：规划前后的步行分钟数。从每个生活圈所属社区（取其 &lt;i&gt;community_id&lt;/i&gt;，没有则取 &lt;i&gt;origin_id&lt;/i&gt;，按 &lt;i&gt;community_id&lt;/i&gt; 在社区图层中查找）出发，沿街道步行到每类基本保障类业态最近设施的分钟数，算法同“到最近设施的步行时间”，现状算一次，项目建成后再算一次；街道只读取一次，两次共用。此时没有本层级生活圈的 GB 50180 下层级，也按其步行分钟数核查，与“各生活圈覆盖分析”给出道路时相同。&lt;i&gt;minutes_before&lt;/i&gt; 与 &lt;i&gt;minutes_after&lt;/i&gt; 以“编码:分钟”列出每类基本保障类业态（pharmacy:12.4;breakfast:3.0），范围内没有设施的记为 &amp;gt;30（即最大分钟数）；&lt;i&gt;minutes_changed&lt;/i&gt; 列出规划改变了步行分钟数的业态（pharmacy:12.4→3.1）；&lt;i&gt;worst_min_before&lt;/i&gt; 与 &lt;i&gt;worst_min_after&lt;/i&gt; 为各类基本保障类业态最近步行时间中最长的一项，任一类在最大分钟数内没有设施时为空。未给道路，或生活圈所属社区的点不在任何街道的捕捉容差范围内时，这些字段为空。&lt;br&gt;&lt;b&gt;最大分钟数&lt;/b&gt;：步行搜索的上限（默认 30）。&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="119"/>
        <source>Maximum minutes</source>
        <translation>最大分钟数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/plan_scenario.py" line="152"/>
        <source>Roads were given without a communities layer: there is no community point to walk from.</source>
        <translation>给了道路但没有社区图层：没有可出发的社区点，道路未使用。</translation>
    </message>
</context>
<context>
    <name>PoiClient</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="551"/>
        <source>Cancelled; run again with the same resume file to continue.</source>
        <translation>已取消；使用同一续传文件再次运行即可继续。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="576"/>
        <source>The daily quota of this key is used up until midnight Beijing time; run again tomorrow with the same resume file to continue.</source>
        <translation>该密钥的每日配额已用完，北京时间午夜后恢复；请明天使用同一续传文件再次运行以继续。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="583"/>
        <source>{count} requests sent today, the daily quota set for this key; run again tomorrow with the same resume file to continue.</source>
        <translation>今天已发送 {count} 次请求，达到为该密钥设置的每日配额；请明天使用同一续传文件再次运行以继续。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="590"/>
        <source>Stopped after {count} requests (the maximum for one run); run again with the same resume file to continue.</source>
        <translation>已在发送 {count} 次请求后停止（单次运行的上限）；使用同一续传文件再次运行即可继续。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="614"/>
        <source>{reason} Retrying in {seconds:g} s.</source>
        <translation>{reason} 将在 {seconds:g} 秒后重试。</translation>
    </message>
</context>
<context>
    <name>PoiImportMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_import.py" line="128"/>
        <source>{count} POIs, {requests} requests in this run.</source>
        <translation>本次运行：{count} 个 POI，{requests} 次请求。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_import.py" line="134"/>
        <source>{cells} cells still reach the service&apos;s result cap at the smallest cell size; a few POIs there may be missing. Narrow the keywords or types.</source>
        <translation>{cells} 个网格在最小网格尺寸下仍达到服务的结果上限；这些位置可能缺少少量 POI。请缩小关键词或类型的范围。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_import.py" line="141"/>
        <source>{count} POIs skipped because their location cannot be read: {pois}.</source>
        <translation>跳过 {count} 个 POI，其位置无法读取：{pois}。</translation>
    </message>
</context>
<context>
    <name>PoiProvider</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="221"/>
        <source>{service} answered HTTP {status}.</source>
        <translation>{service}返回 HTTP {status}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="228"/>
        <source>{service} refused the request with HTTP {status}; check the base URL and the key.</source>
        <translation>{service}以 HTTP {status} 拒绝了请求；请检查服务地址和密钥。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/base.py" line="239"/>
        <source>The answer is not {service} JSON; check the base URL and the proxy settings.</source>
        <translation>返回内容不是{service}的 JSON；请检查服务地址和代理设置。</translation>
    </message>
</context>
<context>
    <name>PolygonMapTool</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/polygon_tool.py" line="84"/>
        <source>A boundary needs at least {count} vertices; keep clicking, then right-click to finish.</source>
        <translation>边界至少需要 {count} 个顶点；请继续单击，然后右键单击完成。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/polygon_tool.py" line="92"/>
        <source>The boundary encloses no area; draw it again.</source>
        <translation>该边界未围合任何面积；请重新绘制。</translation>
    </message>
</context>
<context>
    <name>PopulationMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/population.py" line="94"/>
        <source>The layer has no “min_&lt;category&gt;” field, so there are no walking times to summarise. Run Walking time to the nearest facility first.</source>
        <translation>图层没有“min_&lt;category&gt;”字段，因此没有可汇总的步行时间。请先运行“到最近设施的步行时间”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/population.py" line="124"/>
        <source>Without {fields}: the layer has no such field.</source>
        <translation>未包含 {fields}：图层中没有该字段。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/population.py" line="158"/>
        <source>The layer has no population field “{field}”.</source>
        <translation>图层中没有人口字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/population.py" line="225"/>
        <source>The population summary table could not be created.</source>
        <translation>无法创建人口汇总表。</translation>
    </message>
</context>
<context>
    <name>PopulationSummaryAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="42"/>
        <source>Population coverage summary</source>
        <translation>人口覆盖汇总</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="45"/>
        <source>How many residents live within a walking time of each facility category, and of all MOFCOM basic-guarantee (基本保障类) categories at once.&lt;br&gt;&lt;b&gt;Origins&lt;/b&gt;: communities or buildings with one &lt;i&gt;min_&amp;lt;code&amp;gt;&lt;/i&gt; field per category, the walking minutes to the nearest facility (empty when none is reachable), as written by Walking time to the nearest facility. Categories without such a field get no row.&lt;br&gt;&lt;b&gt;Population field&lt;/b&gt; (optional): residents of each origin; shares are then of residents, and origins with an empty or negative population are left out (the log says how many). Without it every origin counts once.&lt;br&gt;&lt;b&gt;Maximum minutes&lt;/b&gt;: an origin is covered when its walking time is at most this (default 15, the MOFCOM 一刻钟).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: a table without geometry, first the row &lt;i&gt;all_basic&lt;/i&gt; (within the time of every basic category that has a field), then one row per category: &lt;i&gt;category&lt;/i&gt;, &lt;i&gt;category_zh&lt;/i&gt;, &lt;i&gt;category_class&lt;/i&gt;; &lt;i&gt;origins&lt;/i&gt; and &lt;i&gt;origins_covered&lt;/i&gt;; &lt;i&gt;residents&lt;/i&gt; and &lt;i&gt;residents_covered&lt;/i&gt; (empty without a population field); &lt;i&gt;share_pct&lt;/i&gt;, the covered share in percent (of residents, else of origins); &lt;i&gt;max_minutes&lt;/i&gt;; &lt;i&gt;note&lt;/i&gt;, e.g. the basic fields the all-basic row had to do without.</source>
        <translation>统计各业态设施一定步行时间内的居民人数，以及同时处于全部商务部基本保障类（基本保障类）业态步行时间内的居民人数。&lt;br&gt;&lt;b&gt;起点&lt;/b&gt;：社区或建筑，每个业态各有一个 &lt;i&gt;min_&amp;lt;code&amp;gt;&lt;/i&gt; 字段，记录到最近设施的步行分钟数（不可达时为空），由“到最近设施的步行时间”写入。没有此类字段的业态不生成行。&lt;br&gt;&lt;b&gt;人口字段&lt;/b&gt;（可选）：各起点的居民人数；指定后按居民计算比例，人口为空或为负数的起点将被排除（日志中会说明数量）。不指定时每个起点计为一次。&lt;br&gt;&lt;b&gt;最大分钟数&lt;/b&gt;：步行时间不超过此值的起点视为已覆盖（默认 15，即商务部的一刻钟）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：无几何图形的表，第一行为 &lt;i&gt;all_basic&lt;/i&gt;（处于每个有字段的基本保障类业态的步行时间内），之后每个业态一行：&lt;i&gt;category&lt;/i&gt;、&lt;i&gt;category_zh&lt;/i&gt;、&lt;i&gt;category_class&lt;/i&gt;；&lt;i&gt;origins&lt;/i&gt; 和 &lt;i&gt;origins_covered&lt;/i&gt;；&lt;i&gt;residents&lt;/i&gt; 和 &lt;i&gt;residents_covered&lt;/i&gt;（无人口字段时为空）；&lt;i&gt;share_pct&lt;/i&gt;，覆盖比例（百分比，按居民计算，否则按起点计算）；&lt;i&gt;max_minutes&lt;/i&gt;；&lt;i&gt;note&lt;/i&gt;，例如 all_basic 行不得不缺少的基本保障类字段。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="65"/>
        <source>Origins with walking times</source>
        <translation>带步行时间的起点</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="70"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="79"/>
        <source>Maximum minutes</source>
        <translation>最大分钟数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="89"/>
        <source>Population coverage</source>
        <translation>人口覆盖</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="99"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="111"/>
        <source>The origins layer has no origins to summarise (or none with a population).</source>
        <translation>起点图层中没有可汇总的起点（或没有带人口的起点）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="115"/>
        <source>{count} origins have no usable population in “{field}” and were left out: {origins}.</source>
        <translation>{count} 个起点在“{field}”中没有可用的人口数，已被排除：{origins}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="132"/>
        <source>{share:.1f}% within {minutes:g} minutes of every basic category.</source>
        <translation>{share:.1f}% 位于所有基本保障类业态的 {minutes:g} 分钟步行范围内。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/population_summary.py" line="101"/>
        <source>The maximum minutes must be greater than 0.</source>
        <translation>最大分钟数必须大于 0。</translation>
    </message>
</context>
<context>
    <name>PostgisMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="96"/>
        <source>service {name}</source>
        <translation>服务 {name}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="116"/>
        <source>Choose a saved PostgreSQL connection or a service.</source>
        <translation>请选择一个已保存的 PostgreSQL 连接或服务。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="118"/>
        <source>The schema name “{schema}” cannot be used: write it with lower-case Latin letters, digits and “_”, starting with a letter, at most 63 characters (e.g. haidian_2026).</source>
        <translation>模式名“{schema}”不能使用：请只用小写英文字母、数字和“_”，以字母开头，不超过 63 个字符（例如 haidian_2026）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="169"/>
        <source>QGIS has no saved PostgreSQL connection called “{name}”. Add it in the Data Source Manager (PostgreSQL), with its credentials in an authentication configuration.</source>
        <translation>QGIS 中没有名为“{name}”的已保存 PostgreSQL 连接。请在数据源管理器（PostgreSQL）中添加，并把用户名和密码存入认证配置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="177"/>
        <source>The PostgreSQL connection “{name}” keeps its password in the QGIS settings, where it would be copied into every layer and project. Edit the connection and store the credentials in an authentication configuration instead.</source>
        <translation>PostgreSQL 连接“{name}”把密码保存在 QGIS 设置中，密码会因此被写进每个图层和工程文件。请编辑该连接，改为把用户名和密码存入认证配置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="199"/>
        <source>The PostgreSQL server of “{source}” cannot be reached or refused the request: check the connection, its authentication configuration and that the server is running. Nothing was changed.</source>
        <translation>无法连接“{source}”的 PostgreSQL 服务器，或服务器拒绝了请求：请检查连接设置、认证配置，并确认服务器正在运行。未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="208"/>
        <source>The database of “{source}” has no PostGIS extension; ask its administrator to run CREATE EXTENSION postgis.</source>
        <translation>“{source}”的数据库未安装 PostGIS 扩展，请数据库管理员执行 CREATE EXTENSION postgis。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="223"/>
        <source>The schema “{schema}” already exists on “{source}”. Choose another name, or open it instead.</source>
        <translation>“{source}”上已有模式“{schema}”。请换一个名称，或直接打开它。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="233"/>
        <source>The schema “{schema}” does not exist on “{source}”.</source>
        <translation>“{source}”上没有模式“{schema}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="241"/>
        <source>The schema “{schema}” on “{source}” is not a workspace of this plugin (it has no “{table}” table).</source>
        <translation>“{source}”上的模式“{schema}”不是本插件的工作空间（其中没有“{table}”表）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="254"/>
        <source>The tables of the workspace could not be created in “{location}”.</source>
        <translation>无法在“{location}”中创建工作空间的数据表。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="264"/>
        <source>The coordinate reference system {crs} has no PostGIS SRID; choose one with an EPSG code.</source>
        <translation>坐标参考系 {crs} 没有 PostGIS SRID，请选择有 EPSG 代码的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="352"/>
        <source>The table “{layer}” could not be created in “{location}”.</source>
        <translation>无法在“{location}”中创建数据表“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/postgis.py" line="361"/>
        <source>The fields {fields} could not be added to the table “{layer}” in “{location}”.</source>
        <translation>无法向“{location}”中的数据表“{layer}”添加字段 {fields}。</translation>
    </message>
</context>
<context>
    <name>PostgisWorkspaceDialog</name>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="5"/>
        <source>Workspace on PostGIS</source>
        <translation>PostGIS 工作空间</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="9"/>
        <source>A team workspace is one schema per planning area on the bureau&apos;s PostgreSQL/PostGIS server. Pick one of QGIS&apos;s saved PostgreSQL connections; its credentials stay in the QGIS Authentication Manager.</source>
        <translation>团队工作空间是局里 PostgreSQL/PostGIS 服务器上的一个模式，每个规划片区一个。请选择 QGIS 中已保存的 PostgreSQL 连接，用户名和密码始终保存在 QGIS 认证管理器中。</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="17"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="22"/>
        <source>Saved PostgreSQL connections (Data Source Manager ▸ PostgreSQL); use an authentication configuration for the password</source>
        <translation>已保存的 PostgreSQL 连接（数据源管理器 ▸ PostgreSQL）；密码请用认证配置保存</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="27"/>
        <source>Schema</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="33"/>
        <source>The planning area&apos;s schema: pick an existing workspace, or type a new name (lower-case letters, digits and _)</source>
        <translation>规划片区的模式：选择已有的工作空间，或输入新名称（小写字母、数字和 _）</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="48"/>
        <source>Create workspace</source>
        <translation>新建工作空间</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="53"/>
        <source>Open workspace</source>
        <translation>打开工作空间</translation>
    </message>
    <message>
        <location filename="../ui/postgis_dialog.ui" line="58"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/postgis_dialog.py" line="44"/>
        <source>QGIS has no saved PostgreSQL connection yet: add one in the Data Source Manager (PostgreSQL).</source>
        <translation>QGIS 中还没有已保存的 PostgreSQL 连接：请先在数据源管理器（PostgreSQL）中添加。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/postgis_dialog.py" line="56"/>
        <source>Workspaces on this connection: {count}.</source>
        <translation>此连接上的工作空间：{count} 个。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/postgis_dialog.py" line="56"/>
        <source>No workspace on this connection yet: type a schema name and create one.</source>
        <translation>此连接上还没有工作空间：请输入模式名后新建。</translation>
    </message>
</context>
<context>
    <name>ProcessingRunner</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/processing_runner.py" line="95"/>
        <source>The tool “{title}” ({id}) is not available in this installation; update the plugin or check that its Processing provider is enabled. Nothing was computed.</source>
        <translation>此安装中没有工具“{title}”（{id}）；请更新插件，或检查其处理工具提供程序是否已启用。未进行任何计算。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/processing_runner.py" line="126"/>
        <source>{title}: cancelled; nothing was written.</source>
        <translation>{title}：已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/processing_runner.py" line="80"/>
        <source>A computation is already running; wait for it or cancel it.</source>
        <translation>已有计算正在进行；请等待其完成或将其取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/processing_runner.py" line="132"/>
        <source>{title} could not be computed; nothing was written.</source>
        <translation>{title}计算失败，未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ProfileMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="98"/>
        <source>Line {line} of the circle profile {path}: {column} {value!r} is not a number ≥ 0.</source>
        <translation>圈层配置 {path} 第 {line} 行：{column} 的值 {value!r} 不是大于等于 0 的数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="108"/>
        <source>Line {line} of the circle profile {path}: </source>
        <translation>圈层配置 {path} 第 {line} 行：</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="116"/>
        <source>the item {item!r} names no known facility category ({codes}).</source>
        <translation>项目 {item!r} 不是已有的设施类别（{codes}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="122"/>
        <source>the reach unit {unit!r} is neither min nor m.</source>
        <translation>可达范围单位 {unit!r} 既不是 min（分钟）也不是 m（米）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="125"/>
        <source>the reach must be more than 0.</source>
        <translation>可达范围须大于 0。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="129"/>
        <source>the unit {per!r} is not one of {units}.</source>
        <translation>配置单位 {per!r} 不在 {units} 之中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="140"/>
        <source>the source is empty; cite the document or write “plugin default, editable”.</source>
        <translation>依据为空；请注明所依据的文件，或填写“plugin default, editable”（插件默认值，可修改）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="159"/>
        <source>The circle profile name {name!r} must be a lowercase identifier (a-z, 0-9, _).</source>
        <translation>圈层配置名称 {name!r} 只能由小写字母、数字和下划线组成，且以字母开头。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="165"/>
        <source>circle profile</source>
        <translation>圈层配置</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="168"/>
        <source>The circle profile {path} has no items.</source>
        <translation>圈层配置 {path} 没有任何项目。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="184"/>
        <source>There is no shipped circle profile {name!r}; the shipped ones are {names}.</source>
        <translation>没有名为 {name!r} 的内置圈层配置；内置的有：{names}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="132"/>
        <source>the measure {measure!r} is not one of {measures}.</source>
        <translation>计量方式 {measure!r} 不在 {measures} 之中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/analysis/profiles.py" line="138"/>
        <source>the measure {measure!r} needs a minimum (min_count).</source>
        <translation>计量方式 {measure!r} 需要填写下限（min_count）。</translation>
    </message>
</context>
<context>
    <name>ProjectEntry</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/entry.py" line="21"/>
        <source>Give the project a name.</source>
        <translation>请填写项目名称。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/entry.py" line="23"/>
        <source>Choose the project&apos;s category (the business type it brings).</source>
        <translation>请选择项目的类别（引入的业态）。</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../ui/project_form.ui" line="5"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="9"/>
        <source>Name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="11"/>
        <source>Category</source>
        <translation>业态类别</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="13"/>
        <source>Circle</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="15"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="17"/>
        <source>Site</source>
        <translation>选址</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/project_form.py" line="58"/>
        <source>Idle asset</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="20"/>
        <source>Asset id, e.g. IA-00003</source>
        <translation>资源编号，如 IA-00003</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="21"/>
        <source>Floor area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="22"/>
        <source>e.g. 320</source>
        <translation>如 320</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="23"/>
        <source>Investment (10,000 yuan)</source>
        <translation>投资（万元）</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="24"/>
        <source>e.g. 120.5</source>
        <translation>如 120.5</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="25"/>
        <source>Implementer</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="27"/>
        <source>Funding</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="29"/>
        <source>Start</source>
        <translation>开工时间</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="30"/>
        <source>2026-03-01</source>
        <translation>2026-03-01</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="31"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="32"/>
        <source>2026-12-31</source>
        <translation>2026-12-31</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="33"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="34"/>
        <source>e.g. 街道办事处</source>
        <translation>如 街道办事处</translation>
    </message>
    <message>
        <location filename="../ui/project_form.ui" line="35"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/project_form.py" line="58"/>
        <source>Drawn on the map</source>
        <translation>在地图上绘制</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/project_form.py" line="58"/>
        <source>Facility</source>
        <translation>现有设施</translation>
    </message>
</context>
<context>
    <name>ProjectMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="104"/>
        <source>“{status}” is not a project status; use one of {statuses}.</source>
        <translation>“{status}”不是项目状态，请使用以下之一：{statuses}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="110"/>
        <source>The project is already “{status}”.</source>
        <translation>该项目已经是“{status}”状态。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="117"/>
        <source>A project that is “{old}” cannot change its status any more.</source>
        <translation>处于“{old}”状态的项目不能再变更状态。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="122"/>
        <source>A project cannot go from “{old}” to “{new}”; from “{old}” it can go to: {allowed}.</source>
        <translation>项目不能从“{old}”直接变为“{new}”；“{old}”的项目只能变为：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="143"/>
        <source>The project needs a value for “{field}”.</source>
        <translation>项目的“{field}”不能为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="154"/>
        <source>“{value}” is not a kind of site; use one of {kinds}.</source>
        <translation>“{value}”不是选址类型，请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="190"/>
        <source>{field} must be a number of 0 or more, not “{value}”.</source>
        <translation>{field}须为不小于 0 的数字，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="194"/>
        <source>{field} cannot be negative ({value}).</source>
        <translation>{field}不能为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="465"/>
        <source>This row is not a repurposing suggestion: it needs an asset_id and a use (run Suggest repurposing of idle assets first).</source>
        <translation>这一行不是改造利用建议：需要有 asset_id 和 use 字段（请先运行“闲置资源盘活利用建议”）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="474"/>
        <source>The project “{project_id}” already plans this use on the asset “{asset_id}”.</source>
        <translation>项目“{project_id}”已在资源“{asset_id}”上安排了这一用途。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="169"/>
        <source>The start date</source>
        <translation>开工时间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="169"/>
        <source>The deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="170"/>
        <source>{field} “{value}” is not a date; write it as 2026-03-01, 2026/3/1 or 2026年3月1日.</source>
        <translation>{field}“{value}”不是有效日期，请写成 2026-03-01、2026/3/1 或 2026年3月1日。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="179"/>
        <source>The deadline {deadline} comes before the start {start}; correct one of them.</source>
        <translation>完成时限 {deadline} 早于开工时间 {start}，请改正其中之一。</translation>
    </message>
</context>
<context>
    <name>ProjectRegister</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="287"/>
        <source>The project list already has a project “{project_id}”; choose another id.</source>
        <translation>项目清单中已有项目“{project_id}”，请换一个编号。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="322"/>
        <source>The field(s) {fields} cannot be changed here; use the status buttons for the status, and the project id never changes.</source>
        <translation>字段 {fields} 不能在此修改：状态请用状态按钮变更，项目编号不可修改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="406"/>
        <source>The change could not be saved; the project list is unchanged.</source>
        <translation>修改未能保存，项目清单保持不变。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="409"/>
        <source>“{layer}” could not be written, so nothing was changed in the project list.</source>
        <translation>无法写入“{layer}”，项目清单未作任何修改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="403"/>
        <source>The project list has no project “{project_id}”.</source>
        <translation>项目清单中没有项目“{project_id}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="436"/>
        <source>The project&apos;s site cannot be converted to the project list&apos;s coordinate system.</source>
        <translation>项目选址无法转换到项目清单的坐标系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="434"/>
        <source>The project&apos;s site is not a polygon that can be stored.</source>
        <translation>项目选址不是可保存的多边形。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/register.py" line="414"/>
        <source>The project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>Circle</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>Investment (10,000 yuan)</source>
        <translation>投资（万元）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/plan_page.py" line="125"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
</context>
<context>
    <name>QgisTransport</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/http.py" line="59"/>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/http.py" line="60"/>
        <source>{host} did not answer within {seconds:g} s.</source>
        <translation>{host} 在 {seconds:g} s 内未响应。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/http.py" line="71"/>
        <source>{host} cannot be reached; check the internet connection and the proxy settings.</source>
        <translation>无法连接 {host}；请检查网络连接和代理设置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/http.py" line="82"/>
        <source>The proxy refused or failed the request; check Settings ▸ Options ▸ Network.</source>
        <translation>代理拒绝了请求或请求失败；请检查 设置 ▸ 选项 ▸ 网络。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/http.py" line="86"/>
        <source>The secure connection to {host} failed.</source>
        <translation>与 {host} 的安全连接失败。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/http.py" line="87"/>
        <source>The connection to {host} failed (network error {code}).</source>
        <translation>与 {host} 的连接失败（网络错误 {code}）。</translation>
    </message>
</context>
<context>
    <name>RadiusBuffer</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/radius.py" line="48"/>
        <source>The WGS84 ellipsoid is not available in this QGIS installation.</source>
        <translation>此 QGIS 安装中没有可用的 WGS84 椭球。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/radius.py" line="64"/>
        <source>A geometry could not be projected to measure metres around it.</source>
        <translation>无法对几何图形进行投影，因此无法按米量算其周围范围。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/radius.py" line="69"/>
        <source>A circle could not be projected back to the layer&apos;s CRS.</source>
        <translation>无法将圆投影回图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/radius.py" line="128"/>
        <source>{count} origins have no geometry and got no circle: {ids}</source>
        <translation>{count} 个起点没有几何图形，未生成半径圈：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circles/radius.py" line="123"/>
        <source>A circle could not be made a multi-polygon.</source>
        <translation>无法将生活圈转换为多面要素。</translation>
    </message>
</context>
<context>
    <name>RegisterMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="281"/>
        <source>“{status}” is not a status; use one of {statuses}.</source>
        <translation>“{status}”不是有效状态；请使用以下状态之一：{statuses}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="291"/>
        <source>The asset is already “{status}”.</source>
        <translation>该资源已处于“{status}”状态。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="297"/>
        <source>Moving from “{old}” straight to “{new}” skips the review or approval step; confirm it to go ahead.</source>
        <translation>从“{old}”直接变更为“{new}”将跳过审核或批准步骤；请确认后继续。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="303"/>
        <source>An asset cannot go from “{old}” to “{new}”; from “{old}” it can go to: {allowed}.</source>
        <translation>资源不能从“{old}”变更为“{new}”；从“{old}”可以变更为：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="316"/>
        <source>{field} must be a whole number of 0 or more, not “{value}”.</source>
        <translation>{field}必须是大于或等于 0 的整数，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="316"/>
        <source>{field} must be a number of 0 or more, not “{value}”.</source>
        <translation>{field}必须是大于或等于 0 的数字，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="326"/>
        <source>{field} cannot be negative ({value}).</source>
        <translation>{field}不能为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="341"/>
        <source>The asset needs a value for “{field}”.</source>
        <translation>请为该资源填写“{field}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="348"/>
        <source>“{value}” is not an asset type; use one of: {choices}.</source>
        <translation>“{value}”不是有效的资源类型；请使用以下类型之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="355"/>
        <source>The area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/register.py" line="357"/>
        <source>The capacity (parking bays)</source>
        <translation>容量（停车位数）</translation>
    </message>
</context>
<context>
    <name>ReportFonts</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/report/fonts.py" line="50"/>
        <source>No Chinese font ({families}) is installed; the report uses {fallback} and Chinese text may not show. Install Noto Sans CJK SC (Linux: fonts-noto-cjk).</source>
        <translation>未安装中文字体（{families}）；报告将使用 {fallback}，中文可能无法显示。请安装 Noto Sans CJK SC（Linux：fonts-noto-cjk）。</translation>
    </message>
</context>
<context>
    <name>RepurposeAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="68"/>
        <source>Suggest repurposing of idle assets</source>
        <translation>闲置资源盘活利用建议</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="110"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="117"/>
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="122"/>
        <source>Suitability table (CSV)</source>
        <translation>适宜性表（CSV）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="127"/>
        <source>Suggestions per asset</source>
        <translation>每项资源的建议数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="175"/>
        <source>Repurposing suggestions</source>
        <translation>盘活利用建议</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="200"/>
        <source>The assets or the coverage layer could not be read.</source>
        <translation>无法读取闲置资源图层或覆盖分析图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="187"/>
        <source>The assets layer already has a field named {name}; rename it first.</source>
        <translation>闲置资源图层中已有名为 {name} 的字段，请先将其重命名。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="136"/>
        <source>Facilities (schools near a tidal stall zone)</source>
        <translation>设施（潮汐摊区附近的学校）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="144"/>
        <source>Roads (main roads, highway field)</source>
        <translation>道路（主干道，highway 字段）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="71"/>
        <source>Ranks, for each idle asset, the uses that fill the gaps of the living circles it lies in.&lt;br&gt;&lt;b&gt;Assets&lt;/b&gt;: points or polygons with the register's fields: &lt;i&gt;asset_type&lt;/i&gt; (required), &lt;i&gt;asset_id&lt;/i&gt;, &lt;i&gt;name&lt;/i&gt;, &lt;i&gt;area_m2&lt;/i&gt;, &lt;i&gt;capacity&lt;/i&gt; (parking bays), &lt;i&gt;idle_windows&lt;/i&gt;.&lt;br&gt;&lt;b&gt;Coverage&lt;/b&gt;: the coverage layer (per circle &lt;i&gt;circle_id&lt;/i&gt;, &lt;i&gt;name&lt;/i&gt;, &lt;i&gt;level_min&lt;/i&gt;, &lt;i&gt;population&lt;/i&gt;, &lt;i&gt;n_&amp;lt;category&amp;gt;&lt;/i&gt;); a category with count 0 is a gap.&lt;br&gt;&lt;b&gt;Suitability table&lt;/b&gt;: optional CSV (default: the bundled resources/assets/suitability.csv) giving, per asset type and use, feasibility, minimum and ideal size, the idle window a use needs, a base score and reason templates.&lt;br&gt;&lt;b&gt;Suggestions per asset&lt;/b&gt;: how many ranked uses to keep (default 3).&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; and &lt;b&gt;Roads&lt;/b&gt; (optional): a tidal stall zone must lie more than 100 m from a school and off main roads (local rules); with the facilities (&lt;i&gt;category&lt;/i&gt; kindergarten, primary_school, middle_school) and roads (&lt;i&gt;highway&lt;/i&gt; motorway, trunk, primary) its sentence says what they show, without them that it was not checked.&lt;br&gt;Score = base score × gap weight (basic 3, quality 2, public 1, other 1, none 0.5; plugin defaults) × residents of the circles lacking the use / 1000 × size fit (0.5–1). Each community counts once, with its widest circle up to 15 minutes. Every sentence ends with the table's conditions and source.&lt;br&gt;&lt;b&gt;Needs&lt;/b&gt; (optional): the workspace needs or the output of Import residents' needs. A need counts for a circle of its community_id or whose polygon holds its point; the score is multiplied by 1 + demand weight × the residents (summed weights) who asked for the gaps the use fills in its circles, so the suggestions follow what residents ask for, and the sentence says how many asked.&lt;br&gt;&lt;b&gt;Demand weight&lt;/b&gt;: 0.02 per resident asking (50 residents double a score); a plugin default, not from any document: edit it to weigh demand more or less (0 ignores it).&lt;br&gt;&lt;b&gt;Circle fusion&lt;/b&gt; (optional): the output of Circle fusion (communities with &lt;i&gt;&amp;lt;profile&amp;gt;_missing&lt;/i&gt; and &lt;i&gt;population&lt;/i&gt;). A use then also closes the missing items of every circle profile of the communities within the item's reach of the asset (straight line at the walking speed); uses are ranked first by the number of circles they serve, then by score, and the sentence names the circles (e.g. a 社区食堂 serving the convenience and the elderly-care circle).&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: turns the profiles' reach in minutes into metres (default 4 km/h).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one point per asset and suggestion, with the asset's own fields plus &lt;i&gt;asset_id&lt;/i&gt;, &lt;i&gt;asset_name&lt;/i&gt;, &lt;i&gt;asset_type&lt;/i&gt;, &lt;i&gt;use&lt;/i&gt; (category code or shared_parking, tidal_stalls, storage), &lt;i&gt;use_zh&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt; (1 = best), &lt;i&gt;score&lt;/i&gt;, &lt;i&gt;circle_id&lt;/i&gt; (comma-separated circles gaining it), &lt;i&gt;residents_gain&lt;/i&gt;, &lt;i&gt;reason_zh&lt;/i&gt; and &lt;i&gt;reason_en&lt;/i&gt; (which gap, how many residents gain it, why the asset fits); &lt;i&gt;residents_asked&lt;/i&gt; (with needs), &lt;i&gt;n_circles_served&lt;/i&gt;, &lt;i&gt;circles_served&lt;/i&gt; and &lt;i&gt;circles_served_zh&lt;/i&gt; (with a circle-fusion result). An asset with no suggestion gets one row with an empty use and the reason (for example: not in any circle).</source>
        <translation>针对每处闲置资源，对能补齐其所在生活圈短板的用途进行排序。&lt;br&gt;&lt;b&gt;闲置资源&lt;/b&gt;：带有台账字段的点或面：&lt;i&gt;asset_type&lt;/i&gt;（必需）、&lt;i&gt;asset_id&lt;/i&gt;、&lt;i&gt;name&lt;/i&gt;、&lt;i&gt;area_m2&lt;/i&gt;、&lt;i&gt;capacity&lt;/i&gt;（停车位数）、&lt;i&gt;idle_windows&lt;/i&gt;。&lt;br&gt;&lt;b&gt;覆盖分析&lt;/b&gt;：覆盖分析图层（每个生活圈的 &lt;i&gt;circle_id&lt;/i&gt;、&lt;i&gt;name&lt;/i&gt;、&lt;i&gt;level_min&lt;/i&gt;、&lt;i&gt;population&lt;/i&gt;、&lt;i&gt;n_&amp;lt;category&amp;gt;&lt;/i&gt;）；数量为 0 的类别即为短板。&lt;br&gt;&lt;b&gt;适宜性表&lt;/b&gt;：可选 CSV（默认：内置的 resources/assets/suitability.csv），按资源类型和用途给出可行性、最小和理想规模、该用途所需的闲置时段、基础分和理由模板。&lt;br&gt;&lt;b&gt;每项资源的建议数&lt;/b&gt;：保留多少个排序后的用途（默认 3）。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;道路&lt;/b&gt;（可选）：潮汐摊区须距学校 100 m 以上、不得设在主干道上（地方规定）；提供设施图层（&lt;i&gt;category&lt;/i&gt; 为 kindergarten、primary_school、middle_school）和道路图层（&lt;i&gt;highway&lt;/i&gt; 为 motorway、trunk、primary）时，理由中写明核查结果，未提供时写明未核查。&lt;br&gt;得分 = 基础分 × 短板权重（基本保障类 3、品质提升类 2、公共服务设施 1、其他业态 1、无 0.5；插件默认值）× 缺少该用途的生活圈居民数 / 1000 × 规模匹配度（0.5–1）。每个社区只计一次，取其 15 分钟以内范围最大的生活圈。每条理由句末附适配表中的条件和依据。&lt;br&gt;&lt;b&gt;居民需求&lt;/b&gt;（可选）：工作空间的需求清单或“导入居民需求”的输出。一条需求计入其 community_id 所在社区的生活圈，以及范围内包含其点位的生活圈；得分再乘以 1 + 需求权重 × 提出该用途所补短板的居民数（权重之和），使建议随居民诉求变化，理由中写明有多少居民提出。&lt;br&gt;&lt;b&gt;需求权重&lt;/b&gt;：每位提出需求的居民 0.02（50 名居民提出即得分翻倍）；属插件默认值，并无文件依据，可按需调大、调小（0 表示不考虑需求）。&lt;br&gt;&lt;b&gt;圈圈融合&lt;/b&gt;（可选）：“圈圈融合”的输出（含 &lt;i&gt;&amp;lt;profile&amp;gt;_missing&lt;/i&gt; 和 &lt;i&gt;population&lt;/i&gt; 的社区）。此时某用途还能补齐在该资源可达范围内（按步行速度计的直线距离）各社区在各类生活圈中的缺项；用途先按可服务的生活圈数排序，再按得分排序，理由中列出这些生活圈（例如一处社区食堂同时服务便民生活圈和养老服务圈）。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：把生活圈配置中以分钟计的可达范围换算成米（默认 4 km/h）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每处资源的每条建议各一个点，保留资源自身字段，并增加 &lt;i&gt;asset_id&lt;/i&gt;、&lt;i&gt;asset_name&lt;/i&gt;、&lt;i&gt;asset_type&lt;/i&gt;、&lt;i&gt;use&lt;/i&gt;（类别代码或 shared_parking、tidal_stalls、storage）、&lt;i&gt;use_zh&lt;/i&gt;、&lt;i&gt;rank&lt;/i&gt;（1 = 最佳）、&lt;i&gt;score&lt;/i&gt;、&lt;i&gt;circle_id&lt;/i&gt;（受益的生活圈，以逗号分隔）、&lt;i&gt;residents_gain&lt;/i&gt;、&lt;i&gt;reason_zh&lt;/i&gt; 和 &lt;i&gt;reason_en&lt;/i&gt;（补齐哪项短板、多少居民受益、资源为何适合）；&lt;i&gt;residents_asked&lt;/i&gt;（提供需求时）、&lt;i&gt;n_circles_served&lt;/i&gt;、&lt;i&gt;circles_served&lt;/i&gt; 和 &lt;i&gt;circles_served_zh&lt;/i&gt;（提供圈圈融合结果时）。没有建议的资源输出一行，用途为空并附理由（例如：不在任何生活圈内）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="152"/>
        <source>Residents&apos; needs</source>
        <translation>居民需求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="157"/>
        <source>Demand weight per resident asking (plugin default)</source>
        <translation>每位提出需求居民的需求权重（插件默认值）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/repurpose.py" line="166"/>
        <source>Circle fusion (gaps of every circle profile)</source>
        <translation>圈圈融合结果（各类生活圈的缺项）</translation>
    </message>
</context>
<context>
    <name>RepurposeMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/repurposing.py" line="72"/>
        <source>The coverage circles could not be indexed.</source>
        <translation>无法为覆盖分析生活圈建立空间索引。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/repurposing.py" line="74"/>
        <source>{count} coverage circles have no geometry and were not used (feature ids): {ids}</source>
        <translation>{count} 个覆盖分析生活圈没有几何图形，未参与计算（要素 ID）：{ids}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/repurposing.py" line="104"/>
        <source>The assets layer has no asset_type field; use the register&apos;s idle_assets layer.</source>
        <translation>闲置资源图层没有 asset_type 字段；请使用台账的 idle_assets 图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/repurposing.py" line="140"/>
        <source>Asset feature {fid} has no geometry; skipped.</source>
        <translation>资源要素 {fid} 没有几何图形，已跳过。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/repurposing.py" line="194"/>
        <source>{count} assets have idle time windows that cannot be read; they were ranked as if they had none, so no use needing idle hours was suggested for them: {assets}.</source>
        <translation>{count} 处资产的闲置时段无法识别，已按无闲置时段排序，因此未推荐需要闲置时段的用途：{assets}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/repurposing.py" line="203"/>
        <source>… and {more} more assets.</source>
        <translation>……另有 {more} 处资产。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/repurposing.py" line="124"/>
        <source>{count} classified needs weigh the gaps ({residents} residents).</source>
        <translation>{count} 条已分类的需求参与短板加权（共 {residents} 名居民）。</translation>
    </message>
</context>
<context>
    <name>RoadMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/network/graph.py" line="293"/>
        <source>The road layer has no field named {name}.</source>
        <translation>道路图层中没有名为 {name} 的字段。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/network/graph.py" line="237"/>
        <source>The road layer has no extent to choose a metric CRS from.</source>
        <translation>道路图层没有范围，无法据此选择以米为单位的坐标参考系。</translation>
    </message>
</context>
<context>
    <name>RulesFile</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="197"/>
        <source>Line {line} of {path}: the category “{code}” is not in the categories table.</source>
        <translation>{path} 第 {line} 行：类别“{code}”不在分类表中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="222"/>
        <source>Line {line} of {path}: the priority “{value}” is not a whole number.</source>
        <translation>{path} 第 {line} 行：优先级“{value}”不是整数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="232"/>
        <source>Line {line} of {path}: the {kind} pattern “{pattern}” is already on line {first}.</source>
        <translation>{path} 第 {line} 行：{kind} 模式“{pattern}”已在第 {first} 行出现。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="203"/>
        <source>Line {line} of {path}: the kind “{kind}” must be one of osm_tag, amap_typecode, baidu_tag, tencent_category, tianditu_class or name_keyword.</source>
        <translation>{path} 第 {line} 行：类型“{kind}”必须是 osm_tag、amap_typecode、baidu_tag、tencent_category、tianditu_class 或 name_keyword 之一。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/categories.py" line="211"/>
        <source>Line {line} of {path}: the pattern “{pattern}” is not valid for {kind} (OSM tags are key=value, key=* or key=value&amp;key=value, Amap type codes 2, 4 or 6 digits, Baidu tags words separated by ;, Tencent categories words separated by :, Tianditu classes a class name).</source>
        <translation>{path} 第 {line} 行：模式“{pattern}”对 {kind} 无效（OSM 标签为 key=value、key=* 或 key=value&amp;key=value，高德类型代码为 2、4 或 6 位数字，百度标签为以 ; 分隔的词语，腾讯分类为以 : 分隔的词语，天地图分类为分类名称）。</translation>
    </message>
</context>
<context>
    <name>SatisfactionMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="127"/>
        <source>the share satisfied “{value}” is not between 0 and 1 (write 0.86 or 86%).</source>
        <translation>满意率“{value}”不在 0 到 1 之间（请写 0.86 或 86%）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="141"/>
        <source>the score “{value}” is not a number from 0 to 100.</source>
        <translation>得分“{value}”不是 0 到 100 之间的数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="153"/>
        <source>the sample size “{value}” is not a whole number of respondents.</source>
        <translation>样本量“{value}”不是受访人数的整数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="164"/>
        <source>Choose the column holding the community (id or name).</source>
        <translation>请选择社区（编号或名称）所在的列。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="166"/>
        <source>Choose the column of the score (0–100) or of the share satisfied (0–1), or both.</source>
        <translation>请选择得分（0–100）列或满意率（0–1）列，也可两者都选。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="219"/>
        <source>{count} rows have neither a score nor a share and were skipped (rows {rows}).</source>
        <translation>{count} 行既无得分也无满意率，已跳过（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="219"/>
        <source>{count} rows name no known community and were skipped (rows {rows}).</source>
        <translation>{count} 行的社区无法识别，已跳过（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="219"/>
        <source>{count} rows have a score, share or sample size that cannot be used and were skipped (rows {rows}).</source>
        <translation>{count} 行的得分、满意率或样本量无法使用，已跳过（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="219"/>
        <source>{count} rows have a date that could not be read; it was left empty (rows {rows}).</source>
        <translation>{count} 行的日期无法识别，已留空（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="269"/>
        <source>Choose a survey table or layer.</source>
        <translation>请选择调查表或图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="273"/>
        <source>{name} has no survey row that could be used; nothing was imported.</source>
        <translation>{name} 中没有可用的调查结果行，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="286"/>
        <source>“{layer}” is not a satisfaction table (it lacks {fields}); open the workspace again to upgrade it.</source>
        <translation>“{layer}”不是满意度表（缺少 {fields}）；请重新打开工作空间以完成升级。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="297"/>
        <source>The survey results could not be saved in the workspace; its satisfaction table is unchanged.</source>
        <translation>调查结果未能保存到工作空间，其满意度表未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/needs/satisfaction.py" line="346"/>
        <source>The satisfaction table needs community_id and share_satisfied or score; use the workspace&apos;s satisfaction table or the output of Import satisfaction surveys.</source>
        <translation>满意度表需要 community_id 字段，以及 share_satisfied 或 score 字段；请使用工作空间的满意度表或“导入满意度调查”的输出。</translation>
    </message>
</context>
<context>
    <name>ScenarioMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="100"/>
        <source>“{statuses}” are not project statuses; use some of {known}.</source>
        <translation>“{statuses}”不是项目状态，请从以下状态中选择：{known}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="106"/>
        <source>A cancelled project is never built; leave “cancelled” out of the statuses.</source>
        <translation>已取消的项目不会建成，请不要在状态中选择“cancelled”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="151"/>
        <source>The projects layer has no field {fields}; use the workspace projects layer or a copy of it.</source>
        <translation>项目图层缺少字段 {fields}，请使用工作空间的项目图层或其副本。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="193"/>
        <source>{count} projects have no category code of the categories table and were left out: {ids}.</source>
        <translation>有 {count} 个项目的业态不是业态表中的编码，未计入：{ids}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="197"/>
        <source>{count} projects have neither a site nor an idle asset found in the assets layer, so they were left out: {ids}.</source>
        <translation>有 {count} 个项目既没有选址，也未在闲置资源图层中找到对应资源，未计入：{ids}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="202"/>
        <source>{count} projects counted as built ({statuses}).</source>
        <translation>共 {count} 个项目计为建成（{statuses}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="242"/>
        <source>Walking minutes before and after the plan…</source>
        <translation>正在计算规划前后的步行分钟数…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario.py" line="250"/>
        <source>Walking minutes need roads and communities: minutes_before, minutes_after, minutes_changed, worst_min_before and worst_min_after are empty.</source>
        <translation>步行分钟数需要道路和社区图层：minutes_before、minutes_after、minutes_changed、worst_min_before 和 worst_min_after 为空。</translation>
    </message>
</context>
<context>
    <name>ScenarioMinutesMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/projects/scenario_minutes.py" line="96"/>
        <source>{count} circles have no walking minutes: their community_id (or origin_id) has no point in the communities layer within the snapping tolerance of a street: {ids}.</source>
        <translation>{count} 个生活圈没有步行分钟数：其 community_id（或 origin_id）在社区图层中找不到位于街道捕捉容差范围内的点：{ids}。</translation>
    </message>
</context>
<context>
    <name>SchemaLabels</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="424"/>
        <source>Residents&apos; needs</source>
        <translation>居民需求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="425"/>
        <source>Needs lists</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="426"/>
        <source>Consultations</source>
        <translation>微协商</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="427"/>
        <source>Needs discussed in consultations</source>
        <translation>微协商议定的需求</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="418"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="419"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="420"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="421"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="422"/>
        <source>Idle asset history</source>
        <translation>闲置资源历史记录</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="423"/>
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="432"/>
        <source>Workspace information</source>
        <translation>工作空间信息</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="443"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="445"/>
        <source>{minutes}-minute circle</source>
        <translation>{minutes} 分钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="447"/>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="448"/>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="449"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="450"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="451"/>
        <source>Retired</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="428"/>
        <source>Projects</source>
        <translation>项目清单</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="429"/>
        <source>Project history</source>
        <translation>项目变更记录</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="430"/>
        <source>Project sites</source>
        <translation>项目选址</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/schema.py" line="431"/>
        <source>Residents&apos; satisfaction</source>
        <translation>居民满意度</translation>
    </message>
</context>
<context>
    <name>SuitabilityMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="139"/>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数值。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="141"/>
        <source>“{value}” is negative; sizes must be 0 or more.</source>
        <translation>“{value}”为负数；规模必须大于或等于 0。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="147"/>
        <source>Line {line} of the suitability table {path}: {problem}</source>
        <translation>适宜性表 {path} 第 {line} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="155"/>
        <source>“{value}” is not an asset type (use one of {codes}).</source>
        <translation>“{value}”不是闲置资源类型（请使用 {codes} 之一）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="161"/>
        <source>the use “{value}” is neither a facility category code nor one of {special}.</source>
        <translation>用途“{value}”既不是设施业态代码，也不是 {special} 之一。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="168"/>
        <source>feasible must be yes or no, not “{value}”.</source>
        <translation>feasible 必须为 yes 或 no，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="172"/>
        <source>fills names {codes}, which are not facility category codes.</source>
        <translation>fills 中列出的 {codes} 不是设施业态代码。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="193"/>
        <source>an ideal size is smaller than its minimum.</source>
        <translation>某个理想规模小于其最小规模。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="205"/>
        <source>base_score must be a positive number.</source>
        <translation>base_score 必须为正数。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="210"/>
        <source>a special use needs use_zh and use_en names.</source>
        <translation>特殊用途需要 use_zh 和 use_en 名称。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="213"/>
        <source>a feasible use needs both reason_zh and reason_en sentences.</source>
        <translation>可行的用途需要同时提供 reason_zh 和 reason_en 说明。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="218"/>
        <source>a reason has an unbalanced {{ or }}.</source>
        <translation>理由中的花括号不成对（{{ or }}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="220"/>
        <source>a reason uses {names}; the placeholders are {known}.</source>
        <translation>理由中使用了 {names}；可用的占位符为 {known}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="256"/>
        <source>Line {line} of the suitability table {path}: {asset_type} × {use} is already on line {first}.</source>
        <translation>适宜性表 {path} 第 {line} 行：{asset_type} × {use} 已在第 {first} 行出现。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="264"/>
        <source>The suitability table {path} contains no row.</source>
        <translation>适宜性表 {path} 中没有任何行。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/suitability.py" line="182"/>
        <source>a {asset_type} may never be used for {use}: {clause}.</source>
        <translation>{asset_type} 不得用作 {use}：{clause}。</translation>
    </message>
</context>
<context>
    <name>TableImportMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="130"/>
        <source>{source}→EPSG:4326 (QGIS transform)</source>
        <translation>{source}→EPSG:4326（QGIS 坐标转换）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="135"/>
        <source>none (already WGS84)</source>
        <translation>无（已是 WGS84）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="155"/>
        <source>X {x} / Y {y} cannot be transformed to WGS84</source>
        <translation>X {x} / Y {y} 无法转换到 WGS84</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="169"/>
        <source>The column “{column}” is written as {field}: a GeoPackage numbers its rows in fid.</source>
        <translation>“{column}”列写为 {field}：GeoPackage 用 fid 为自己的行编号。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="180"/>
        <source>Facility categories are read from: {columns}.</source>
        <translation>设施业态读取自：{columns}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="180"/>
        <source>no column</source>
        <translation>无可用列</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="190"/>
        <source>Reading sheet {sheet}.</source>
        <translation>正在读取工作表 {sheet}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="193"/>
        <source>Reading {encoding} text delimited by “{delimiter}”.</source>
        <translation>正在读取以“{delimiter}”分隔的 {encoding} 文本。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="200"/>
        <source>Coordinates: column {x} holds “longitude,latitude”{guessed}.</source>
        <translation>坐标：列 {x} 存放“经度,纬度”{guessed}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="201"/>
        <source> (guessed)</source>
        <translation>（猜测所得）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="206"/>
        <source>Coordinates: X from {x}, Y from {y}.</source>
        <translation>坐标：X 取自 {x}，Y 取自 {y}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="208"/>
        <source>Guessed from the column names: {names}.</source>
        <translation>根据列名猜测：{names}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="217"/>
        <source>{written} rows imported, {count} skipped because of their coordinates (rows {rows}).</source>
        <translation>已导入 {written} 行，{count} 行因坐标问题被跳过（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="223"/>
        <source>Row {row}: {reason}.</source>
        <translation>第 {row} 行：{reason}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="225"/>
        <source>… and {more} more rows.</source>
        <translation>……以及另外 {more} 行。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="230"/>
        <source>{count} rows have more values than the header has columns; the extra values were not imported (rows {rows}).</source>
        <translation>{count} 行的值多于表头的列数；多出的值未导入（涉及行：{rows}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="292"/>
        <source>{count} rows were skipped because their text is not valid {encoding} (rows {rows}); the other rows were imported.</source>
        <translation>有 {count} 行因文本不是有效的 {encoding} 而被跳过（第 {rows} 行）；其余各行已导入。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="309"/>
        <source>{name} has a header row but no data rows; nothing was imported.</source>
        <translation>{name} 只有表头行，没有数据行；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_import.py" line="312"/>
        <source>None of the {count} rows of {name} has usable coordinates (first: row {row}, {reason}); check the X and Y fields and the coordinate system. Nothing was imported.</source>
        <translation>{name} 共 {count} 行，均无可用坐标（首个问题：第 {row} 行，{reason}）；请检查 X 和 Y 字段以及坐标系。未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>TableMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="161"/>
        <source>The file is not valid {encoding} text (line {line}); choose another encoding or Auto.</source>
        <translation>该文件不是有效的 {encoding} 文本（第 {line} 行）；请选择其他编码或“自动”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="175"/>
        <source>The file is neither UTF-8 nor GBK/GB18030 text; save it from Excel as CSV (UTF-8) or as .xlsx.</source>
        <translation>该文件既不是 UTF-8 文本，也不是 GBK/GB18030 文本；请在 Excel 中将其另存为 CSV (UTF-8) 或 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="246"/>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="249"/>
        <source>Old Excel .xls files cannot be read; save the sheet as .xlsx or CSV in Excel.</source>
        <translation>无法读取旧版 Excel .xls 文件；请在 Excel 中将工作表另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="268"/>
        <source>The file {name} is empty.</source>
        <translation>文件 {name} 为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="292"/>
        <source>Row {row} of {name} cannot be read as CSV: {reason}</source>
        <translation>{name} 第 {row} 行无法按 CSV 读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="334"/>
        <source>{name} is not a valid Excel workbook (.xlsx): {reason}</source>
        <translation>{name} 不是有效的 Excel 工作簿（.xlsx）：{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="342"/>
        <source>The workbook has no sheet named {sheet}; its sheets are: {names}.</source>
        <translation>工作簿中没有名为 {sheet} 的工作表；现有工作表：{names}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="425"/>
        <source>The column {name} is not in the file; its columns are: {columns}.</source>
        <translation>文件中没有列 {name}；现有列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="457"/>
        <source>Only one column was found ({column}): the delimiter is not a comma, tab, semicolon or pipe, or the file is not a table. Save it from Excel as CSV and try again.</source>
        <translation>只找到一列（{column}）：分隔符不是逗号、制表符、分号或竖线，或者该文件不是表格。请在 Excel 中将其另存为 CSV 后重试。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="463"/>
        <source>No coordinate columns could be recognised among: {columns}. Choose the X (longitude) and Y (latitude) fields.</source>
        <translation>无法在以下列中识别坐标列：{columns}。请选择 X（经度）和 Y（纬度）字段。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="487"/>
        <source>{column} is empty</source>
        <translation>{column} 为空</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="480"/>
        <source>{column} “{value}” is not a number</source>
        <translation>{column}“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="490"/>
        <source>{column} “{value}” is not a “longitude,latitude” pair</source>
        <translation>{column}“{value}”不是“经度,纬度”坐标对</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="501"/>
        <source>latitude {lat} is out of range (are X and Y swapped?)</source>
        <translation>纬度 {lat} 超出范围（X 和 Y 是否颠倒了？）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="502"/>
        <source>longitude {lon} / latitude {lat} are out of range</source>
        <translation>经度 {lon} / 纬度 {lat} 超出范围</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="258"/>
        <source>The header row of {name} is not valid {encoding} text; choose the encoding explicitly or save the file again as UTF-8.</source>
        <translation>{name} 的表头行不是有效的 {encoding} 文本；请明确选择编码，或将文件另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="312"/>
        <source>{name} is not a valid Excel workbook: it is cut off, its end is missing (an interrupted download or copy?). Copy or save it again; nothing was imported.</source>
        <translation>{name} 不是有效的 Excel 工作簿：文件被截断，缺少结尾部分（下载或复制是否中断？）。请重新复制或保存；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/table_reader.py" line="321"/>
        <source>{name} is damaged: its part {part} cannot be read. Save it again from Excel; nothing was imported.</source>
        <translation>{name} 已损坏：其中的 {part} 无法读取。请在 Excel 中重新保存；未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>TencentProvider</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tencent.py" line="96"/>
        <source>Tencent</source>
        <translation>腾讯位置服务</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tencent.py" line="100"/>
        <source>The answer is not Tencent JSON: it has no status.</source>
        <translation>返回内容不是腾讯位置服务的 JSON：缺少 status。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tencent.py" line="108"/>
        <source>Tencent reports the daily quota of this key is used up ({message}, {code}).</source>
        <translation>腾讯位置服务提示该密钥当日配额已用完（{message}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tencent.py" line="114"/>
        <source>Tencent reports too many requests per second ({message}, {code}).</source>
        <translation>腾讯位置服务提示每秒请求数超限（{message}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tencent.py" line="120"/>
        <source>Tencent does not accept the key ({code}): it is wrong or missing. Check the key in the authentication configuration.</source>
        <translation>腾讯位置服务不接受该密钥（{code}）：密钥错误或缺失。请检查认证配置中的密钥。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tencent.py" line="127"/>
        <source>This key may not use the Tencent place search from this computer ({message}, {code}); enable WebService API for the key and check its IP whitelist or signature in the Tencent console.</source>
        <translation>该密钥不能从本机调用腾讯地点搜索（{message}，{code}）；请在腾讯位置服务控制台为密钥开启 WebService API，并检查 IP 白名单或签名设置。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tencent.py" line="134"/>
        <source>Tencent refused the request: {message} ({code}).</source>
        <translation>腾讯位置服务拒绝了请求：{message}（{code}）。</translation>
    </message>
</context>
<context>
    <name>TiandituProvider</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tianditu.py" line="105"/>
        <source>Tianditu reports the daily quota of this key is used up (HTTP {status}).</source>
        <translation>天地图提示该密钥当日配额已用完（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tianditu.py" line="111"/>
        <source>Tianditu</source>
        <translation>天地图</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tianditu.py" line="125"/>
        <source>Tianditu reports the daily quota of this key is used up ({message}, {code}).</source>
        <translation>天地图提示该密钥当日配额已用完（{message}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tianditu.py" line="131"/>
        <source>Tianditu reports too many requests ({message}, {code}).</source>
        <translation>天地图提示请求过于频繁（{message}，{code}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/facilities/poi_api/tianditu.py" line="136"/>
        <source>Tianditu refused the request: {message} ({code}); check the key (tk) and its permissions.</source>
        <translation>天地图拒绝了请求：{message}（{code}）；请检查密钥（tk）及其权限。</translation>
    </message>
</context>
<context>
    <name>TimeWindowMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/time_windows.py" line="202"/>
        <source>“{time}” in “{text}” is not a time of day: hours run from 00 to 23 (24:00 only as an end) and minutes from 00 to 59.</source>
        <translation>“{text}”中的“{time}”不是有效的时刻：小时为 00 至 23（24:00 仅可用作结束时间），分钟为 00 至 59。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/time_windows.py" line="243"/>
        <source>“{word}” in “{text}” is not a day: use Mon–Sun, 周一–周日, 工作日, 周末 or 每天 (ranges like Mon-Fri).</source>
        <translation>“{text}”中的“{word}”不是有效的日期：请使用 Mon–Sun、周一–周日、工作日、周末 或 每天（可用范围，如 Mon-Fri）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/time_windows.py" line="261"/>
        <source>The window “{text}” starts and ends at the same time; write 00:00-24:00 for a whole day.</source>
        <translation>时段“{text}”的开始和结束时间相同；全天请写作 00:00-24:00。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/time_windows.py" line="273"/>
        <source>The window “{text}” has no time range; write it like “Mon-Fri 19:00-07:00” or “周末 全天”.</source>
        <translation>时段“{text}”没有时间范围；请按“Mon-Fri 19:00-07:00”或“周末 全天”的格式填写。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/time_windows.py" line="279"/>
        <source>The window “{text}” has more than one time range; separate windows with a semicolon (;).</source>
        <translation>时段“{text}”包含多个时间范围；多个时段之间请用分号（;）分隔。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/time_windows.py" line="294"/>
        <source>No idle time window is given; write one like “Mon-Fri 19:00-07:00”.</source>
        <translation>未指定闲置时段；请按“Mon-Fri 19:00-07:00”的格式填写。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/assets/time_windows.py" line="309"/>
        <source>The windows “{first}” and “{second}” overlap (for example on {day} at {time}); merge them into one window.</source>
        <translation>时段“{first}”和“{second}”重叠（例如 {day} {time}）；请将其合并为一个时段。</translation>
    </message>
</context>
<context>
    <name>TopologySpinBox</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/topology_spin.py" line="20"/>
        <source>0 (QGIS default): roads meet only where they share a vertex, right for OpenStreetMap. For a CAD road layer with digitising gaps, a dangling road end joins another road of the same level within this distance; vertices in the middle of a road never join.</source>
        <translation>0（QGIS 默认值）：道路只在共享顶点处相连，适用于 OpenStreetMap。对于有数字化缝隙的 CAD 道路图层，悬挂的道路端点与此距离内同一层级的另一条道路相接；道路中间的顶点从不相接。</translation>
    </message>
</context>
<context>
    <name>WalkingGraphMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="45"/>
        <source>Exclude roads by field</source>
        <translation>按字段排除道路</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="52"/>
        <source>Excluded values</source>
        <translation>排除值</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="148"/>
        <source>The road layer is empty: there is no network to walk on.</source>
        <translation>道路图层为空：没有可供步行的路网。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="155"/>
        <source>Roads are not in a metric projected CRS; distances are measured in {crs}.</source>
        <translation>道路不在以米为单位的投影坐标参考系中；距离按 {crs} 量算。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="160"/>
        <source>Building the walking graph…</source>
        <translation>正在构建步行路网图…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="177"/>
        <source>The road layer has no usable line geometries ({invalid} empty or invalid, {excluded} excluded).</source>
        <translation>道路图层中没有可用的线几何（{invalid} 个为空或无效，{excluded} 个被排除）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="182"/>
        <source>Walking graph: {nodes} nodes, {edges} edges; {excluded} roads excluded, {invalid} unusable.</source>
        <translation>步行路网图：{nodes} 个节点，{edges} 条边；排除 {excluded} 条道路，{invalid} 条不可用。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="89"/>
        <source>Topology tolerance for dangling road ends (m)</source>
        <translation>悬挂道路端点的拓扑容差（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="101"/>
        <source>&lt;b&gt;Roads&lt;/b&gt;: any line layer in any CRS. Roads meet only where they share a vertex, as OpenStreetMap encodes junctions; roads that cross without one (bridges, tunnels) are not connected; one-way rules are ignored. A geographic CRS is measured in the local UTM zone.&lt;br&gt;&lt;b&gt;Topology tolerance&lt;/b&gt;: default 0, right for OpenStreetMap. For a CAD or survey road layer with digitising gaps, a dangling line end (the first or last vertex of a road that meets nothing) is joined to the nearest vertex or segment of another road within this many metres; a segment is split where it is joined. Vertices in the middle of a road never join, and where the layer has OSM &lt;i&gt;layer&lt;/i&gt;/&lt;i&gt;bridge&lt;/i&gt;/&lt;i&gt;tunnel&lt;/i&gt; values (as fields or in &lt;i&gt;other_tags&lt;/i&gt;) a road end joins only a road on its own level, so a bridge stays a bridge.&lt;br&gt;&lt;b&gt;Exclude field / values&lt;/b&gt;: road classes unfit for walking (default: OSM motorway, trunk, construction…) are left out; with the OSM &lt;i&gt;highway&lt;/i&gt; field, lines without a value (fences, railways, rivers) are no roads and are left out too.&lt;br&gt;</source>
        <translation>&lt;b&gt;道路&lt;/b&gt;：任意坐标参考系下的任意线图层。道路只在共享顶点处相连，这正是 OpenStreetMap 表达路口的方式；相交但没有共享顶点的道路（桥梁、隧道）不连通；忽略单行规则。地理坐标参考系在当地 UTM 分带中量算。&lt;br&gt;&lt;b&gt;拓扑容差&lt;/b&gt;：默认 0，适用于 OpenStreetMap。对于有数字化缝隙的 CAD 或测绘道路图层，悬挂的线端点（道路的首个或最后一个顶点且未与任何道路相连）会接到此米数范围内另一条道路最近的顶点或线段上；接入处的线段会被打断。道路中间的顶点从不相接；图层带有 OSM 的 &lt;i&gt;layer&lt;/i&gt;/&lt;i&gt;bridge&lt;/i&gt;/&lt;i&gt;tunnel&lt;/i&gt; 值（字段或 &lt;i&gt;other_tags&lt;/i&gt; 中）时，道路端点只接入同一层级的道路，桥梁仍是桥梁。&lt;br&gt;&lt;b&gt;排除字段 / 值&lt;/b&gt;：不适合步行的道路等级（默认：OSM 的 motorway、trunk、construction…）会被排除；使用 OSM 的 &lt;i&gt;highway&lt;/i&gt; 字段时，没有取值的线（围栏、铁路、河流）不是道路，同样排除。&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="188"/>
        <source>Dangling road ends joined within {tolerance} m.</source>
        <translation>已将 {tolerance} m 内的悬挂道路端点接入路网。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="67"/>
        <source>Walking speed (km/h)</source>
        <translation>步行速度（km/h）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="78"/>
        <source>Snapping tolerance (m)</source>
        <translation>捕捉容差（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/walking_graph.py" line="60"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="168"/>
        <source>The layer “{layer}” already exists in {path}.</source>
        <translation>{path} 中已存在图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="190"/>
        <source>The layer “{layer}” could not be created in {path}.</source>
        <translation>无法在 {path} 中创建图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="201"/>
        <source>The fields {fields} could not be added to the layer “{layer}” in {path}.</source>
        <translation>无法向 {path} 中的图层“{layer}”添加字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="119"/>
        <source>The file {path} already exists. Choose another file name, or open it instead.</source>
        <translation>文件 {path} 已存在。请选择其他文件名，或直接打开该文件。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="315"/>
        <source>The chosen coordinate reference system is not valid.</source>
        <translation>所选的坐标参考系无效。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="323"/>
        <source>The workspace {path} could not be created. {reason}</source>
        <translation>无法创建工作空间 {path}。{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="128"/>
        <source>The workspace file {path} does not exist.</source>
        <translation>工作空间文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="130"/>
        <source>The file {path} is not a GeoPackage, so it cannot be opened as a workspace.</source>
        <translation>文件 {path} 不是 GeoPackage，无法作为工作空间打开。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="138"/>
        <source>The GeoPackage {path} is not a workspace of this plugin (it has no “{table}” table).</source>
        <translation>GeoPackage {path} 不是本插件的工作空间（其中没有“{table}”表）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="348"/>
        <source>The workspace {path} needs a newer {plugin} (schema {found}, this one reads {supported}).</source>
        <translation>工作空间 {path} 需要更新版本的 {plugin}（其数据结构版本为 {found}，本插件支持 {supported}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="367"/>
        <source>The workspace {path} could not be upgraded to schema {version}; no data was lost.</source>
        <translation>无法将工作空间 {path} 升级到数据结构版本 {version}；数据未丢失。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="384"/>
        <source>The layer “{layer}” of the workspace {path} cannot be read.</source>
        <translation>无法读取工作空间 {path} 中的图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="428"/>
        <source>The layer “{layer}” could not be added to the project.</source>
        <translation>无法将图层“{layer}”添加到项目中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="500"/>
        <source>The workspace information in {path} is damaged or was not written by this plugin.</source>
        <translation>{path} 中的工作空间信息已损坏，或不是由本插件写入的。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="507"/>
        <source>The workspace information in {path} could not be saved.</source>
        <translation>无法保存 {path} 中的工作空间信息。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="625"/>
        <source>The style {style} could not be loaded: {message}</source>
        <translation>无法加载样式 {style}：{message}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="567"/>
        <source>The unique index “{index}” could not be added to the layer “{layer}”.</source>
        <translation>无法为图层“{layer}”添加唯一索引“{index}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace/workspace.py" line="559"/>
        <source>Merged {merged} rows of “{layer}” that repeated an imported record ({columns}) into {kept}.</source>
        <translation>“{layer}”中有 {merged} 行重复导入了同一条来源记录（{columns}），已合并为 {kept} 行。</translation>
    </message>
</context>
</TS>
