"""Enum spellings that differ between QGIS 3.28 and 3.30+ (and QGIS 4)."""

from __future__ import annotations

from qgis.core import Qgis, QgsField, QgsWkbTypes

if hasattr(Qgis, "GeometryType"):
    POINT_GEOMETRY = Qgis.GeometryType.Point
    LINE_GEOMETRY = Qgis.GeometryType.Line
    POLYGON_GEOMETRY = Qgis.GeometryType.Polygon
else:  # QGIS < 3.30
    POINT_GEOMETRY = QgsWkbTypes.GeometryType.PointGeometry
    LINE_GEOMETRY = QgsWkbTypes.GeometryType.LineGeometry
    POLYGON_GEOMETRY = QgsWkbTypes.GeometryType.PolygonGeometry

_KINDS = ("text", "int", "int64", "double", "datetime", "bool")


def new_field(name: str, kind: str) -> QgsField:
    """A field of kind text/int/int64/double/datetime/bool, built the way this QGIS prefers (QMetaType from 3.38)."""
    if kind not in _KINDS:
        raise ValueError(kind)
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        types = {
            "text": QMetaType.Type.QString,
            "int": QMetaType.Type.Int,
            "int64": QMetaType.Type.LongLong,
            "double": QMetaType.Type.Double,
            "datetime": QMetaType.Type.QDateTime,
            "bool": QMetaType.Type.Bool,
        }
    else:
        from qgis.PyQt.QtCore import QVariant

        types = {
            "text": QVariant.Type.String,
            "int": QVariant.Type.Int,
            "int64": QVariant.Type.LongLong,
            "double": QVariant.Type.Double,
            "datetime": QVariant.Type.DateTime,
            "bool": QVariant.Type.Bool,
        }
    return QgsField(name, types[kind])


def is_text_field(field: QgsField) -> bool:
    """Whether `field` holds text, whether its type() is a QVariant.Type (Qt5) or a QMetaType.Type (Qt6).

    QVariant.Type.String and QMetaType.Type.QString share the value 10, and Qt5's enums compare as integers;
    under Qt6 only QMetaType.Type exists, which is what type() returns there.
    """
    from qgis.PyQt.QtCore import QMetaType

    return field.type() == QMetaType.Type.QString
