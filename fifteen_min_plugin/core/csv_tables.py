"""Reading the plugin's small CSV tables (categories, rules, level requirements, candidate and suitability rules).

Every table is UTF-8 (a byte-order mark, as Excel writes it, is tolerated) with a header line. A missing file, a
file that is not UTF-8 or a header without a required column is refused with a sentence naming the table and the
file; the callers name the line of a bad value with the line numbers returned here.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Optional, Union

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

PathLike = Union[str, os.PathLike]


class CsvTableMessages(Messages):
    """Translation context of the CSV table messages."""


def read_csv_table(
    path: PathLike, required: Iterable[str], table: Optional[str] = None
) -> list[tuple[int, dict[str, str]]]:
    """Non-empty rows of a UTF-8 CSV table with their line numbers; names and values stripped.

    `table` names the table in messages ("level requirements table", translated by the caller); by default it
    is just "table". Columns beyond `required` are kept; cells beyond the header are dropped. Raises
    FifteenMinError when the file is missing, is not UTF-8 or lacks a required column.
    """
    path = Path(path)
    table = table or CsvTableMessages.tr("table")
    if not path.is_file():
        raise FifteenMinError(CsvTableMessages.tr("The {table} {path} does not exist.").format(table=table, path=path))
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [name.strip() for name in reader.fieldnames or ()]
            missing = [name for name in required if name not in columns]
            if missing:
                raise FifteenMinError(
                    CsvTableMessages.tr("The {table} {path} lacks the column(s) {columns}.").format(
                        table=table, path=path, columns=", ".join(missing)
                    )
                )
            rows = []
            for row in reader:
                cleaned = {key.strip(): (value or "").strip() for key, value in row.items() if key}
                if any(cleaned.values()):
                    rows.append((reader.line_num, cleaned))
    except UnicodeDecodeError as error:
        raise FifteenMinError(
            CsvTableMessages.tr("The {table} {path} is not a UTF-8 CSV file.").format(table=table, path=path),
            details=str(error),
        ) from error
    except OSError as error:
        raise FifteenMinError(
            CsvTableMessages.tr("The {table} {path} could not be read.").format(table=table, path=path),
            details=str(error),
        ) from error
    return rows
