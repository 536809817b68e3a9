"""Tianditu (天地图) basemaps: vector or imagery tiles with their annotation layer, for the canvas and the report.

The tiles are the Web Mercator set (``_w``, EPSG:3857) as QGIS XYZ layers; QGIS reprojects them to any workspace
CRS. (The CGCS2000 geographic set ``_c`` uses a tile matrix XYZ layers cannot read.) Each layer's source names
the authentication configuration (``authcfg=``) and carries an empty ``tk=``: the key is added to each tile request
by a QGIS network request preprocessor, read from the Authentication Manager, so it is never in the layer source
or the project file. Maps showing Tianditu must print its approval number (审图号); `attribution()` gives the text,
which a newer number can replace in the settings (``basemap/tianditu_attribution``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsDataSourceUri,
    QgsLayerTreeGroup,
    QgsNetworkAccessManager,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
)
from qgis.PyQt.QtCore import QUrl, QUrlQuery
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtNetwork import QNetworkRequest

from fifteen_min_plugin.__about__ import SETTINGS_PREFIX
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.language import Messages

#: the tile servers (t0 … t7 serve the same tiles; XYZ layers take one host)
TIANDITU_TILES = "https://t0.tianditu.gov.cn"
#: base layer → its annotation layer: vector 矢量底图 + 矢量注记, imagery 影像底图 + 影像注记
STYLES = {"vec": "cva", "img": "cia"}
#: the approval number printed with every map showing Tianditu, as the service's own pages give it in 2024–2026
DEFAULT_ATTRIBUTION = "天地图 · 审图号：GS（2024）0568号 - 甲测资字1100471"
ATTRIBUTION_KEY = f"{SETTINGS_PREFIX}/basemap/tianditu_attribution"
#: the custom property marking the layers this module added to a project
BASEMAP_PROPERTY = "fifteen_min_plugin/basemap"
MAX_ZOOM = 18

_keys: dict[str, str] = {}
_preprocessor: Optional[str] = None


class BasemapMessages(Messages):
    """Translation context of this module's messages."""


def attribution() -> str:
    """The attribution and approval number to print with Tianditu (settings override the default)."""
    return str(QgsSettings().value(ATTRIBUTION_KEY, "") or "") or DEFAULT_ATTRIBUTION


def tile_template(layer: str, base: str = TIANDITU_TILES) -> str:
    """The XYZ URL template of Tianditu layer `layer` (vec, cva, img, cia) in the Web Mercator set, key empty."""
    return (
        f"{base.rstrip('/')}/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=default"
        "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
    )


@dataclass(frozen=True)
class Basemap:
    """A Tianditu basemap choice: `style` vec or img, the key's configuration, the tile server."""

    style: str = "vec"
    authcfg: str = ""
    base: str = TIANDITU_TILES

    def layer_names(self) -> tuple[str, str]:
        """The base layer and its annotation layer, e.g. ("vec", "cva")."""
        if self.style not in STYLES:
            raise FifteenMinError(
                BasemapMessages.tr("The basemap style must be vec (vector) or img (imagery), not “{style}”.").format(
                    style=self.style
                )
            )
        return self.style, STYLES[self.style]

    def source(self, layer: str) -> str:
        """The XYZ data source of `layer`: URL template, zoom range and the configuration id (never the key)."""
        uri = QgsDataSourceUri()
        uri.setParam("type", "xyz")
        uri.setParam("url", tile_template(layer, self.base))
        uri.setParam("zmin", "1")
        uri.setParam("zmax", str(MAX_ZOOM))
        if self.authcfg:
            uri.setAuthConfigId(self.authcfg)
        return bytes(uri.encodedUri()).decode()


def _prefix(url: QUrl) -> str:
    return f"{url.scheme()}://{url.authority()}"


def _add_key(request: QNetworkRequest) -> None:
    """Fill the empty ``tk`` of a request to a registered tile server with its key."""
    url = request.url()
    key = _keys.get(_prefix(url))
    if not key:
        return
    query = QUrlQuery(url)
    if not query.hasQueryItem("tk") or query.queryItemValue("tk"):
        return
    query.removeAllQueryItems("tk")
    query.addQueryItem("tk", key)
    url.setQuery(query)
    request.setUrl(url)


def register_key(basemap: Basemap) -> None:
    """Read the key of `basemap.authcfg` and let tile requests to its server carry it; FifteenMinError if missing."""
    global _preprocessor
    key = ApiKeys.read(basemap.authcfg)
    _keys[_prefix(QUrl(basemap.base))] = key
    if _preprocessor is None:
        _preprocessor = QgsNetworkAccessManager.setRequestPreprocessor(_add_key)


def unregister_keys() -> None:
    """Forget every key (the plugin's unload): tile requests carry no key from then on.

    The preprocessor itself stays registered, doing nothing without keys. Removing it can deadlock: QGIS takes
    its preprocessor lock while this thread holds Python's, and a tile fetch in a rendering thread may hold that
    lock while it waits for Python to run the preprocessor.
    """
    _keys.clear()


def unavailable_reason(basemap: Basemap, timeout_s: float = 8.0) -> str:
    """Why `basemap` cannot be drawn (no key, no answer, no image), or "" when a test tile arrives."""
    from fifteen_min_plugin.core.facilities.poi_api.base import PoiApiError  # numpy: imported when a map is probed
    from fifteen_min_plugin.core.facilities.poi_api.http import QgisTransport

    if not basemap.authcfg:
        return BasemapMessages.tr("no Tianditu key is configured")
    try:
        register_key(basemap)
    except FifteenMinError:
        return BasemapMessages.tr("the Tianditu key cannot be read from the Authentication Manager")
    layer = basemap.layer_names()[0]
    url = f"{basemap.base.rstrip('/')}/{layer}_w/wmts"
    params = {
        "SERVICE": "WMTS",
        "REQUEST": "GetTile",
        "VERSION": "1.0.0",
        "LAYER": layer,
        "STYLE": "default",
        "TILEMATRIXSET": "w",
        "FORMAT": "tiles",
        "TILEMATRIX": "1",
        "TILEROW": "0",
        "TILECOL": "1",
        "tk": _keys[_prefix(QUrl(basemap.base))],
    }
    try:
        response = QgisTransport(timeout_s).get(url, params)
    except PoiApiError:
        return BasemapMessages.tr("the Tianditu tile server cannot be reached")
    if response.status != 200 or QImage.fromData(response.body).isNull():
        return BasemapMessages.tr("the Tianditu tile server refused the key (HTTP {status})").format(
            status=response.status
        )
    return ""


def basemap_layers(basemap: Basemap) -> list[QgsRasterLayer]:
    """The annotation layer and the base layer (top first), valid XYZ layers whose sources hold no key."""
    base, notes = basemap.layer_names()
    names = {
        "vec": BasemapMessages.tr("Tianditu vector"),
        "img": BasemapMessages.tr("Tianditu imagery"),
        "cva": BasemapMessages.tr("Tianditu vector annotation"),
        "cia": BasemapMessages.tr("Tianditu imagery annotation"),
    }
    layers = []
    for layer in (notes, base):
        raster = QgsRasterLayer(basemap.source(layer), names[layer], "wms")
        if not raster.isValid():
            raise FifteenMinError(BasemapMessages.tr("The Tianditu layer {name} cannot be opened.").format(name=layer))
        raster.setCustomProperty(BASEMAP_PROPERTY, basemap.style)
        raster.setAttribution(attribution())
        layers.append(raster)
    return layers


def add_to_project(project: QgsProject, basemap: Basemap) -> list[QgsRasterLayer]:
    """Put the basemap at the bottom of `project`'s layer tree in a group, replacing one added before."""
    remove_from_project(project)
    register_key(basemap)
    layers = basemap_layers(basemap)
    root = project.layerTreeRoot()
    group = root.insertGroup(len(root.children()), BasemapMessages.tr("Tianditu basemap"))
    group.setCustomProperty(BASEMAP_PROPERTY, basemap.style)
    for layer in layers:
        if project.addMapLayer(layer, False) is None:
            raise FifteenMinError(
                BasemapMessages.tr("The Tianditu layer {name} could not be added to the project.").format(
                    name=layer.name()
                )
            )
        group.addLayer(layer)
    return layers


def remove_from_project(project: QgsProject) -> None:
    """Remove the basemap group and layers this module added to `project`."""
    root = project.layerTreeRoot()
    for child in list(root.children()):
        if isinstance(child, QgsLayerTreeGroup) and child.customProperty(BASEMAP_PROPERTY):
            root.removeChildNode(child)
    ids = [layer.id() for layer in project.mapLayers().values() if layer.customProperty(BASEMAP_PROPERTY)]
    project.removeMapLayers(ids)


def project_basemap(project: QgsProject) -> Optional[Basemap]:
    """The Tianditu basemap shown in `project` (added by `add_to_project`), for the report to draw too; else None."""
    for layer in project.mapLayers().values():
        style = layer.customProperty(BASEMAP_PROPERTY)
        if style in STYLES:
            uri = QgsDataSourceUri()
            uri.setEncodedUri(layer.source())
            url = QUrl(uri.param("url"))
            return Basemap(str(style), uri.authConfigId(), _prefix(url))
    return None
