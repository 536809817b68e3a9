<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BufferCirclesAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="48"/>
        <source>Radius circles (GB 50180 levels)</source>
        <translation>半径圈（GB 50180 半径分级）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="51"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="57"/>
        <source>Draws a circle of true metres around every origin, for each radius level, whatever the CRS (each origin is buffered in an azimuthal equidistant projection centred on it).&lt;br&gt;&lt;b&gt;Origins&lt;/b&gt;: community points or polygons (polygons are buffered from their outline).&lt;br&gt;&lt;b&gt;Origin id field&lt;/b&gt;: optional; the feature id is used when empty.&lt;br&gt;&lt;b&gt;Radii (m)&lt;/b&gt;: default 300,500,1000 — the GB 50180-2018 walking distances of the 5-, 10- and 15-minute life circles.&lt;br&gt;&lt;b&gt;Level minutes&lt;/b&gt;: the minutes each radius stands for, in the same order (default 5,10,15).&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one polygon per origin and level, nested, with the origin's own fields plus &lt;i&gt;origin_id&lt;/i&gt;, &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;radius_m&lt;/i&gt; and &lt;i&gt;area_m2&lt;/i&gt; (ellipsoidal area, m²).</source>
        <translation>在任意坐标参考系下，为每个起点按每个半径层级绘制以真实米数为半径的圆（每个起点都在以其为中心的方位等距投影中缓冲）。&lt;br&gt;&lt;b&gt;起点（社区）&lt;/b&gt;：社区点或面（面要素从其边界向外缓冲）。&lt;br&gt;&lt;b&gt;起点编号字段&lt;/b&gt;：可选；为空时使用要素 ID。&lt;br&gt;&lt;b&gt;半径（m）&lt;/b&gt;：默认 300,500,1000，即 GB 50180-2018 中 5 分钟、10 分钟和 15 分钟生活圈的步行距离。&lt;br&gt;&lt;b&gt;层级分钟数&lt;/b&gt;：每个半径对应的分钟数，顺序与半径相同（默认 5,10,15）。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个起点、每个层级各一个面，逐级嵌套，保留起点自身的字段，并增加 &lt;i&gt;origin_id&lt;/i&gt;、&lt;i&gt;minutes&lt;/i&gt;、&lt;i&gt;radius_m&lt;/i&gt; 和 &lt;i&gt;area_m2&lt;/i&gt;（椭球面积，m²）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="70"/>
        <source>Origins (communities)</source>
        <translation>起点（社区）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="77"/>
        <source>Origin id field</source>
        <translation>起点编号字段</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="82"/>
        <source>Radii (m)</source>
        <translation>半径（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="83"/>
        <source>Level minutes</source>
        <translation>层级分钟数</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="84"/>
        <source>Radius circles</source>
        <translation>半径圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="95"/>
        <source>The origins layer could not be read.</source>
        <translation>无法读取起点图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="101"/>
        <source>Radii and minutes must be positive numbers separated by commas, e.g. 300,500,1000.</source>
        <translation>半径和分钟数必须是以逗号分隔的正数，例如 300,500,1000。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="105"/>
        <source>Give one level in minutes for each radius ({radii} radii, {minutes} minutes).</source>
        <translation>请为每个半径指定一个以分钟计的层级（当前为 {radii} 个半径、{minutes} 个分钟数）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="120"/>
        <source>The origins layer already has a field named {name}; rename it first.</source>
        <translation>起点图层中已有名为 {name} 的字段，请先将其重命名。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/buffer_circles.py" line="157"/>
        <source>{count} origins have no geometry and got no circle: {ids}</source>
        <translation>{count} 个起点没有几何图形，未生成半径圈：{ids}</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="43"/>
        <source>Basic services</source>
        <translation>基本保障类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="44"/>
        <source>Quality services</source>
        <translation>品质提升类</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="45"/>
        <source>Public facilities</source>
        <translation>公共服务设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="54"/>
        <source>The facility categories table {path} does not exist.</source>
        <translation>设施分类表 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="65"/>
        <source>The facility categories table {path} lacks the column(s) {columns}.</source>
        <translation>设施分类表 {path} 缺少列 {columns}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="76"/>
        <source>The facility categories table {path} is not a UTF-8 CSV file.</source>
        <translation>设施分类表 {path} 不是 UTF-8 编码的 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="93"/>
        <source>Line {line} of {path}: the code “{code}” is reserved for a coverage summary field.</source>
        <translation>{path} 第 {line} 行：代码“{code}”已保留给覆盖分析汇总字段使用。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="99"/>
        <source>Line {line} of {path}: the class “{value}” must be one of basic, quality or public.</source>
        <translation>{path} 第 {line} 行：类别“{value}”必须是 basic、quality 或 public 之一。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="106"/>
        <source>Line {line} of {path}: the column(s) {columns} must not be empty.</source>
        <translation>{path} 第 {line} 行：列 {columns} 不能为空。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="141"/>
        <source>The facility categories table contains no categories.</source>
        <translation>设施分类表中没有任何分类。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="88"/>
        <source>Line {line} of {path}: the code “{code}” is not a lowercase identifier (a-z, 0-9, _).</source>
        <translation>{path} 第 {line} 行：代码“{code}”不是小写标识符（a-z、0-9、_）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/categories.py" line="115"/>
        <source>Line {line} of {path}: the code “{code}” is already used on line {first} of {first_path}.</source>
        <translation>{path} 第 {line} 行：代码“{code}”已在 {first_path} 第 {first} 行使用。</translation>
    </message>
</context>
<context>
    <name>CircleForm</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="24"/>
        <source>New living circle</source>
        <translation>新建生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="27"/>
        <source>(no community)</source>
        <translation>（无社区）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="32"/>
        <source>{minutes}-minute circle</source>
        <translation>{minutes} 分钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="39"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="40"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="41"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_form.py" line="42"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CircleMapTool</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_tool.py" line="93"/>
        <source>Radius: {typed} m (press Enter to confirm)</source>
        <translation>半径：{typed} m（按 Enter 确认）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circle_tool.py" line="94"/>
        <source>Radius: {radius:,.0f} m</source>
        <translation>半径：{radius:,.0f} m</translation>
    </message>
</context>
<context>
    <name>CircleWriter</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="79"/>
        <source>A circle needs a radius greater than 0 m.</source>
        <translation>生活圈半径必须大于 0 m。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="103"/>
        <source>The WGS84 ellipsoid is unknown to QGIS; distances and areas cannot be measured.</source>
        <translation>QGIS 无法识别 WGS84 椭球，无法量算距离和面积。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="113"/>
        <source>{what} has no area, so nothing was written.</source>
        <translation>{what}没有面积，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="141"/>
        <source>The circles layer of the workspace cannot be opened, so nothing was written.</source>
        <translation>无法打开工作空间的生活圈图层，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="148"/>
        <source>The circles layer lacks the fields {fields}; open it as a workspace to upgrade it.</source>
        <translation>生活圈图层缺少字段 {fields}；请将其作为工作空间打开以完成升级。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="169"/>
        <source>The drawn circle</source>
        <translation>绘制的生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="191"/>
        <source>The circles layer cannot be edited (is the workspace file read-only?).</source>
        <translation>生活圈图层无法编辑（工作空间文件是否为只读？）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="196"/>
        <source>Add living circle</source>
        <translation>添加生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="199"/>
        <source>The circle could not be added to the circles layer.</source>
        <translation>无法将该生活圈添加到生活圈图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="240"/>
        <source>The computed circles carry no level in minutes, so nothing was written.</source>
        <translation>计算得到的生活圈没有以分钟计的层级，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="251"/>
        <source>Computed circle {number} has no level in minutes, so nothing was written.</source>
        <translation>计算得到的生活圈 {number} 没有以分钟计的层级，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="256"/>
        <source>Computed circle {number}</source>
        <translation>计算得到的生活圈 {number}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/circle_writer.py" line="124"/>
        <source>{what} lies outside the coordinate system of the circles layer; nothing was written.</source>
        <translation>{what}超出生活圈图层坐标系的范围，未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>CirclesPage</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="102"/>
        <source>Circle by centre and radius</source>
        <translation>按圆心和半径绘制</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="103"/>
        <source>Click the centre (it snaps to a community point), move, click again — or type the radius in metres and press Enter. Esc cancels.</source>
        <translation>单击圆心（会捕捉到社区点），移动鼠标后再次单击；也可输入以米为单位的半径并按 Enter。按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="109"/>
        <source>Polygon boundary</source>
        <translation>多边形边界</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="110"/>
        <source>Click the vertices, right-click to finish. Esc cancels.</source>
        <translation>依次单击各顶点，右键单击完成。按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="126"/>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="127"/>
        <source>by mouse</source>
        <translation>鼠标量取</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="129"/>
        <source>A fixed radius: each click places a circle of this size. Set to 0 to measure with the mouse.</source>
        <translation>固定半径：每次单击放置一个此大小的圆。设为 0 则用鼠标量取半径。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="283"/>
        <source>Radius circles</source>
        <translation>半径圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="140"/>
        <source>GB 50180 radius levels around every origin (needs no roads).</source>
        <translation>围绕每个起点生成 GB 50180 半径分级（无需道路数据）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="306"/>
        <source>Walking isochrones</source>
        <translation>步行等时圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="142"/>
        <source>The area reachable on foot along the roads within each level.</source>
        <translation>在每个层级的时间内沿道路步行可达的范围。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="145"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="158"/>
        <source>Draw by hand</source>
        <translation>手工绘制</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="165"/>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="168"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="170"/>
        <source>Origins (communities)</source>
        <translation>起点（社区）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="171"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="172"/>
        <source>Levels (minutes)</source>
        <translation>层级（分钟）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="173"/>
        <source>Radii (m)</source>
        <translation>半径（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="174"/>
        <source>GB 50180-2018: 5-, 10- and 15-minute circles; walking at {speed} km/h.</source>
        <translation>GB 50180-2018：5 分钟、10 分钟和 15 分钟生活圈；步行速度 {speed} km/h。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="179"/>
        <source>GB 50180-2018: 300 / 500 / 800–1,000 m, one radius per level.</source>
        <translation>GB 50180-2018：300 / 500 / 800–1,000 m，每个层级一个半径。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="429"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="262"/>
        <source>Circle added to “{layer}”. Save the layer edits to keep it (Ctrl+Z undoes it).</source>
        <translation>已将生活圈添加到“{layer}”。请保存图层编辑以保留该生活圈（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="303"/>
        <source>Choose the road layer to walk on first.</source>
        <translation>请先选择用于步行计算的道路图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="329"/>
        <source>A computation is already running; wait for it or cancel it.</source>
        <translation>已有计算正在进行；请等待其完成或将其取消。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="334"/>
        <source>Choose the layer of communities (origins) first.</source>
        <translation>请先选择社区（起点）图层。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="345"/>
        <source>The tool “{title}” is not available; check that the plugin is enabled in Processing.</source>
        <translation>工具“{title}”不可用；请检查本插件是否已在处理工具中启用。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="368"/>
        <source>{title}: cancelled; nothing was written.</source>
        <translation>{title}：已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="372"/>
        <source>{title} could not be computed; nothing was written. {reason}</source>
        <translation>{title}计算失败，未写入任何内容。{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="384"/>
        <source>{title} gave no result; nothing was written.</source>
        <translation>{title}没有得到结果，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="392"/>
        <source>{title}: {count} circles written to “{layer}”.</source>
        <translation>{title}：已将 {count} 个生活圈写入“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/circles_page.py" line="415"/>
        <source>Create or open a workspace first: circles are saved in it.</source>
        <translation>请先新建或打开工作空间：生活圈保存在工作空间中。</translation>
    </message>
</context>
<context>
    <name>ConvertCoordsAlgorithm</name>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="61"/>
        <source>Convert coordinates (WGS84 / GCJ-02 / BD-09)</source>
        <translation>坐标转换（WGS84 / GCJ-02 / BD-09）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="64"/>
        <source>Import and conversion</source>
        <translation>导入与转换</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="70"/>
        <source>Moves every vertex of every feature between the coordinate systems of Chinese web maps. Amap (Gaode) and Tencent publish GCJ-02 (“Mars”) coordinates, Baidu publishes BD-09; both are offset from true WGS84 positions by roughly 500 m to 1 km in most cities, so POIs copied from them land in the wrong street until converted.&lt;br&gt;&lt;b&gt;Input layer&lt;/b&gt;: points, lines or polygons (multi-part, holes and curves included) in longitude/latitude: EPSG:4326 (WGS84) or EPSG:4490 (CGCS2000, treated as WGS84: the two differ by centimetres). The offsets only exist in longitude/latitude, so a layer in a projected CRS is refused; reproject it to EPSG:4326 first.&lt;br&gt;&lt;b&gt;From&lt;/b&gt;: the system the input coordinates are really in (WGS84, GCJ-02 or BD-09), whatever CRS the layer declares.&lt;br&gt;&lt;b&gt;To&lt;/b&gt;: the system wanted; it must differ from From. Conversions towards WGS84 are exact inverses solved by iteration (within a millimetre), not the usual one-step approximation that is off by up to 5 m.&lt;br&gt;Points outside the public China box (longitude 72.004–137.8347, latitude 0.8293–55.8271) are left unchanged, as every GCJ-02 implementation does.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the same features in EPSG:4326 with all their fields, plus &lt;i&gt;coord_src&lt;/i&gt; (the From system) and &lt;i&gt;coord_conv&lt;/i&gt; (the conversion applied, e.g. “GCJ-02→WGS84 (exact inverse)”). Existing fields with these names are replaced. The conversion is also written to the output layer's metadata history.</source>
        <translation>在中国网络地图使用的坐标系之间转换每个要素的每个顶点。高德和腾讯发布的是 GCJ-02（“火星”）坐标，百度发布的是 BD-09；在大多数城市，两者与真实的 WGS84 位置相差约 500 m 至 1 km，因此从这些地图复制的兴趣点（POI）在转换之前会落在错误的街道上。&lt;br&gt;&lt;b&gt;输入图层&lt;/b&gt;：以经纬度表示的点、线或面（包括多部件、内环和曲线）：EPSG:4326（WGS84）或 EPSG:4490（CGCS2000，按 WGS84 处理：两者仅相差厘米级）。这些偏移只存在于经纬度中，因此投影坐标参考系下的图层会被拒绝；请先将其重投影到 EPSG:4326。&lt;br&gt;&lt;b&gt;源坐标系&lt;/b&gt;：输入坐标实际所在的坐标系（WGS84、GCJ-02 或 BD-09），与图层声明的坐标参考系无关。&lt;br&gt;&lt;b&gt;目标坐标系&lt;/b&gt;：需要转换到的坐标系，必须与源坐标系不同。转换到 WGS84 时通过迭代求解精确逆变换（误差在 1 mm 以内），而非常见的误差可达 5 m 的一步近似。&lt;br&gt;位于公开的中国范围框（经度 72.004–137.8347，纬度 0.8293–55.8271）之外的点保持不变，所有 GCJ-02 实现均如此处理。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：EPSG:4326 下的相同要素，保留全部字段，并增加 &lt;i&gt;coord_src&lt;/i&gt;（源坐标系）和 &lt;i&gt;coord_conv&lt;/i&gt;（所做的转换，例如“GCJ-02→WGS84 (exact inverse)”）。已有的同名字段将被替换。转换信息也会写入输出图层的元数据历史记录。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="93"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="98"/>
        <source>From</source>
        <translation>源坐标系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="101"/>
        <source>To</source>
        <translation>目标坐标系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="104"/>
        <source>Converted</source>
        <translation>已转换</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="111"/>
        <source>From and To are both {system}; choose two different coordinate systems.</source>
        <translation>源坐标系和目标坐标系都是 {system}；请选择两个不同的坐标系。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="124"/>
        <source>The input layer is in {crs}, but GCJ-02 and BD-09 offsets only exist in longitude/latitude. Reproject the layer to EPSG:4326 (WGS84) first, then convert it.</source>
        <translation>输入图层使用 {crs}，但 GCJ-02 和 BD-09 偏移只存在于经纬度中。请先将图层重投影到 EPSG:4326（WGS84），再进行转换。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="124"/>
        <source>an unknown CRS</source>
        <translation>未知的坐标参考系</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="166"/>
        <source>{count} features converted: {conversion}.</source>
        <translation>已转换 {count} 个要素：{conversion}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="214"/>
        <source>Coordinates converted {conversion} by fifteenmin:convertcoords.</source>
        <translation>已由 fifteenmin:convertcoords 转换坐标：{conversion}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/processing/convert_coords.py" line="228"/>
        <source>The conversion is recorded in the coord_conv field only: {reason}</source>
        <translation>转换信息仅记录在 coord_conv 字段中：{reason}</translation>
    </message>
</context>
<context>
    <name>DependencyMessages</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/dependencies.py" line="84"/>
        <source>Missing Python packages: {names}. Features that need them are disabled. Install with: {command}</source>
        <translation>缺少 Python 包：{names}。依赖这些包的功能已禁用。安装命令：{command}</translation>
    </message>
</context>
<context>
    <name>FifteenMinDock</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="42"/>
        <source>15-Minute Living Circle</source>
        <translation>一刻钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="72"/>
        <source>Disabled: install the Python packages {names}</source>
        <translation>已禁用：请安装 Python 包 {names}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="86"/>
        <source>New workspace</source>
        <translation>新建工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="91"/>
        <source>Open workspace</source>
        <translation>打开工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="97"/>
        <source>Workspace created</source>
        <translation>工作空间已创建</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="101"/>
        <source>Workspace opened</source>
        <translation>工作空间已打开</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="131"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="122"/>
        <source>No workspace open. Create one or open an existing GeoPackage.</source>
        <translation>未打开工作空间。请新建一个工作空间，或打开现有的 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="124"/>
        <source>Workspace: {path}</source>
        <translation>工作空间：{path}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.py" line="115"/>
        <source>Upgraded to the current schema; added: {added}.</source>
        <translation>已升级到当前数据结构版本；新增：{added}。</translation>
    </message>
</context>
<context>
    <name>FifteenMinDockBase</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="9"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="13"/>
        <source>No workspace open. Create one or open an existing GeoPackage.</source>
        <translation>未打开工作空间。请新建一个工作空间，或打开现有的 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="22"/>
        <source>New workspace…</source>
        <translation>新建工作空间…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="23"/>
        <source>Create a GeoPackage holding communities, circles, facilities, idle assets and results</source>
        <translation>创建一个 GeoPackage，用于存放社区、生活圈、设施、闲置资源和分析结果</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="28"/>
        <source>Open workspace…</source>
        <translation>打开工作空间…</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="29"/>
        <source>Open a workspace GeoPackage; an older one is upgraded without losing data</source>
        <translation>打开工作空间 GeoPackage；旧版本的工作空间会被升级，且不会丢失数据</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="41"/>
        <source>Circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="46"/>
        <source>Draw each community&apos;s living circle by hand, as GB 50180 radius levels (300 / 500 / 1,000 m), or as a 5 / 10 / 15-minute walking isochrone on the road network.</source>
        <translation>手工绘制每个社区的生活圈，或按 GB 50180 半径分级（300 / 500 / 1,000 m）生成，或在路网上生成 5 / 10 / 15 分钟步行等时圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="53"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="58"/>
        <source>Import facilities from your own layers, Amap / Baidu / Tencent spreadsheets (GCJ-02 / BD-09, GBK) and OpenStreetMap, and sort them into MOFCOM categories.</source>
        <translation>从自有图层、高德 / 百度 / 腾讯导出表格（GCJ-02 / BD-09，GBK）和 OpenStreetMap 导入设施，并按商务部分类进行归类。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="66"/>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="71"/>
        <source>See, circle by circle, which MOFCOM categories are missing and how many minutes each community walks to each category; export the one-plan-per-circle report.</source>
        <translation>逐个生活圈查看缺少哪些商务部分类设施，以及各社区步行到各类设施需要多少分钟；导出“一圈一策”报告。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="79"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/dock.ui" line="84"/>
        <source>Register idle assets — civil-defence tunnels, parking idle at night, vacant shops, idle land — track their status, and get ranked suggestions for repurposing them to fill circle gaps.</source>
        <translation>登记闲置资源（人防工程、夜间闲置停车位、空置商铺、闲置用地），跟踪其状态，并获取按优先级排序的改造利用建议，以补齐生活圈短板。</translation>
    </message>
</context>
<context>
    <name>FifteenMinOptionsFactory</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="124"/>
        <source>15-Minute Living Circle</source>
        <translation>一刻钟生活圈</translation>
    </message>
</context>
<context>
    <name>FifteenMinOptionsPage</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="42"/>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="42"/>
        <source>GB 50180-2018: a 15-minute walk reaches 800–1,000 m; 4.0 km/h gives 1,000 m.</source>
        <translation>GB 50180-2018：步行 15 分钟可达 800–1,000 m；4.0 km/h 对应 1,000 m。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="47"/>
        <source>Circle levels (minutes)</source>
        <translation>生活圈层级（分钟）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="47"/>
        <source>GB 50180-2018: 5-, 10- and 15-minute life circles.</source>
        <translation>GB 50180-2018：5 分钟、10 分钟和 15 分钟生活圈。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="52"/>
        <source>Radius levels (m)</source>
        <translation>半径层级（m）</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="52"/>
        <source>GB 50180-2018: 300 / 500 / 800–1,000 m walking distance.</source>
        <translation>GB 50180-2018：步行距离 300 / 500 / 800–1,000 m。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="57"/>
        <source>Snap tolerance</source>
        <translation>捕捉容差</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="57"/>
        <source>Plugin default: origins farther than this from any road are reported, not snapped.</source>
        <translation>插件默认值：距所有道路都超过此距离的起点会被报告，而不会被捕捉到道路上。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="62"/>
        <source>Walk-off distance</source>
        <translation>离路步行距离</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="62"/>
        <source>Plugin default: places within this distance of a reachable street count as reached.</source>
        <translation>插件默认值：与可达街道的距离在此范围内的地点视为可达。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="67"/>
        <source>Duplicate tolerance</source>
        <translation>查重容差</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="67"/>
        <source>Plugin default: the same facility from two sources lies within this distance.</source>
        <translation>插件默认值：来自两个数据源、相距在此距离以内的设施视为同一设施。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/options_page.py" line="111"/>
        <source>Levels must be positive whole numbers separated by commas, e.g. 5, 10, 15. Nothing was saved.</source>
        <translation>层级必须是以逗号分隔的正整数，例如 5, 10, 15。未保存任何设置。</translation>
    </message>
</context>
<context>
    <name>FifteenMinPlugin</name>
    <message>
        <location filename="../../fifteen_min_plugin/plugin.py" line="95"/>
        <source>15-Minute Living Circle</source>
        <translation>一刻钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/plugin.py" line="85"/>
        <source>Living circle panel</source>
        <translation>生活圈面板</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/plugin.py" line="86"/>
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
    <name>LayerWriter</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/layer_io.py" line="41"/>
        <source>The features could not be saved in “{layer}”; it is unchanged.</source>
        <translation>无法将要素保存到“{layer}”；该图层未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/layer_io.py" line="73"/>
        <source>Feature {number} cannot be placed in “{layer}”; nothing was written.</source>
        <translation>要素 {number} 无法放入“{layer}”；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>PolygonMapTool</name>
    <message>
        <location filename="../../fifteen_min_plugin/gui/polygon_tool.py" line="79"/>
        <source>A boundary needs at least {count} vertices; keep clicking, then right-click to finish.</source>
        <translation>边界至少需要 {count} 个顶点；请继续单击，然后右键单击完成。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/gui/polygon_tool.py" line="87"/>
        <source>The boundary encloses no area; draw it again.</source>
        <translation>该边界未围合任何面积；请重新绘制。</translation>
    </message>
</context>
<context>
    <name>RadiusBuffer</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/radius_circles.py" line="39"/>
        <source>The WGS84 ellipsoid is not available in this QGIS installation.</source>
        <translation>此 QGIS 安装中没有可用的 WGS84 椭球。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/radius_circles.py" line="60"/>
        <source>A geometry could not be projected to measure metres around it.</source>
        <translation>无法对几何图形进行投影，因此无法按米量算其周围范围。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/radius_circles.py" line="65"/>
        <source>A circle could not be projected back to the layer&apos;s CRS.</source>
        <translation>无法将圆投影回图层的坐标参考系。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="195"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="196"/>
        <source>Living circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="197"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="198"/>
        <source>Idle assets</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="199"/>
        <source>Idle asset history</source>
        <translation>闲置资源历史记录</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="200"/>
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="201"/>
        <source>Workspace information</source>
        <translation>工作空间信息</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="214"/>
        <source>{minutes}-minute circle</source>
        <translation>{minutes} 分钟生活圈</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="216"/>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="219"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="212"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="217"/>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="218"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/schema.py" line="220"/>
        <source>Retired</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="119"/>
        <source>The layer “{layer}” already exists in {path}.</source>
        <translation>{path} 中已存在图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="143"/>
        <source>The layer “{layer}” could not be created in {path}.</source>
        <translation>无法在 {path} 中创建图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="154"/>
        <source>The fields {fields} could not be added to the layer “{layer}” in {path}.</source>
        <translation>无法向 {path} 中的图层“{layer}”添加字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="213"/>
        <source>The file {path} already exists. Choose another file name, or open it instead.</source>
        <translation>文件 {path} 已存在。请选择其他文件名，或直接打开该文件。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="220"/>
        <source>The chosen coordinate reference system is not valid.</source>
        <translation>所选的坐标参考系无效。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="231"/>
        <source>The workspace {path} could not be created. {reason}</source>
        <translation>无法创建工作空间 {path}。{reason}</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="248"/>
        <source>The workspace file {path} does not exist.</source>
        <translation>工作空间文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="253"/>
        <source>The file {path} is not a GeoPackage, so it cannot be opened as a workspace.</source>
        <translation>文件 {path} 不是 GeoPackage，无法作为工作空间打开。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="260"/>
        <source>The GeoPackage {path} is not a workspace of this plugin (it has no “{table}” table).</source>
        <translation>GeoPackage {path} 不是本插件的工作空间（其中没有“{table}”表）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="266"/>
        <source>The workspace {path} needs a newer {plugin} (schema {found}, this one reads {supported}).</source>
        <translation>工作空间 {path} 需要更新版本的 {plugin}（其数据结构版本为 {found}，本插件支持 {supported}）。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="280"/>
        <source>The workspace {path} could not be upgraded to schema {version}; no data was lost.</source>
        <translation>无法将工作空间 {path} 升级到数据结构版本 {version}；数据未丢失。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="297"/>
        <source>The layer “{layer}” of the workspace {path} cannot be read.</source>
        <translation>无法读取工作空间 {path} 中的图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="324"/>
        <source>The layer “{layer}” could not be added to the project.</source>
        <translation>无法将图层“{layer}”添加到项目中。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="386"/>
        <source>The workspace information in {path} is damaged or was not written by this plugin.</source>
        <translation>{path} 中的工作空间信息已损坏，或不是由本插件写入的。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="410"/>
        <source>The workspace information in {path} could not be saved.</source>
        <translation>无法保存 {path} 中的工作空间信息。</translation>
    </message>
    <message>
        <location filename="../../fifteen_min_plugin/core/workspace.py" line="448"/>
        <source>The style {style} could not be loaded: {message}</source>
        <translation>无法加载样式 {style}：{message}</translation>
    </message>
</context>
</TS>
