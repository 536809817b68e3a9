"""Coverage rows written as a CSV file Excel reads (UTF-8 with BOM) or as an Excel workbook."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Union

from fifteen_min_plugin.core.analysis.coverage_rows import CoverageRow, table_header, table_values
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

PathLike = Union[str, os.PathLike]


class CoverageExport(Messages):
    """Translation context of the export messages."""


def _export_error(path: Path, error: Exception) -> FifteenMinError:
    return FifteenMinError(
        CoverageExport.tr("The table could not be written to {path}. Is it open in another program?").format(path=path),
        details=str(error),
    )


def export_csv(rows: Sequence[CoverageRow], path: PathLike) -> Path:
    """Write the rows as UTF-8 CSV with a byte-order mark (so Excel on Chinese Windows reads the Chinese text)."""
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table_header())
            for row in rows:
                writer.writerow(["" if value is None else value for value in table_values(row)])
    except OSError as error:
        raise _export_error(path, error) from error
    return path


def export_xlsx(rows: Sequence[CoverageRow], path: PathLike) -> Path:
    """Write the rows as an Excel workbook; needs the Python package openpyxl."""
    try:
        from openpyxl import Workbook
    except ImportError as error:
        raise FifteenMinError(
            CoverageExport.tr(
                "Excel export needs the Python package “openpyxl”, which is not installed. Install it "
                "(python -m pip install openpyxl) or export CSV instead."
            )
        ) from error
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = CoverageExport.tr("Coverage")
    sheet.append(table_header())
    for row in rows:
        sheet.append(table_values(row))
    sheet.freeze_panes = "A2"
    try:
        workbook.save(str(path))
    except OSError as error:
        raise _export_error(path, error) from error
    return path
