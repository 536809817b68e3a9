<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0-Firenze" styleCategories="AttributeTable">
  <attributetableconfig actionWidgetStyle="dropDown" sortOrder="1" sortExpression="&quot;time&quot;"/>
</qgis>
