"""The 一圈一策 circle plan report: print layouts (cover + one atlas page per circle), PDF export, fonts."""

from fifteen_min_plugin.core.report.layout import (
    CirclePlan,
    PdfExport,
    ReportLayers,
    add_layout_to_project,
    build_circle_plan,
    export_pdf,
    report_layouts,
)

__all__ = [
    "CirclePlan",
    "PdfExport",
    "ReportLayers",
    "add_layout_to_project",
    "build_circle_plan",
    "export_pdf",
    "report_layouts",
]
