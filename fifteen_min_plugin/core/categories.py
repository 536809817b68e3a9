"""The facility categories table: codes, names, class and the clause each comes from."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.errors import FifteenMinError

PathLike = Union[str, os.PathLike]

DEFAULT_PATH = RESOURCES_DIR / "categories" / "categories.csv"
#: columns every categories file must have; any further column is left for later readers (matching rules)
REQUIRED_COLUMNS = ("code", "name_zh", "name_en", "class", "source")
CLASSES = ("basic", "quality", "public")
#: codes whose `n_<code>` field would collide with a fixed coverage field
RESERVED_CODES = frozenset({"basic_present", "quality_present"})
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Category:
    """One facility category; `code` is a stable field suffix (`n_<code>` in coverage)."""

    code: str
    name_zh: str
    name_en: str
    category_class: str
    source: str


def class_label(category_class: str) -> str:
    """Translated display name of a category class, or the class itself if unknown."""
    labels = {
        "basic": QCoreApplication.translate("Categories", "Basic services"),
        "quality": QCoreApplication.translate("Categories", "Quality services"),
        "public": QCoreApplication.translate("Categories", "Public facilities"),
    }
    return labels.get(category_class, category_class)


def read_table(path: PathLike) -> list[tuple[int, dict[str, str]]]:
    """Rows of a UTF-8 categories CSV (BOM tolerated) with their line numbers; all columns kept."""
    path = Path(path)
    if not path.is_file():
        raise FifteenMinError(
            QCoreApplication.translate("Categories", "The facility categories table {path} does not exist.").format(
                path=path
            )
        )
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [name.strip() for name in reader.fieldnames or ()]
            missing = [name for name in REQUIRED_COLUMNS if name not in columns]
            if missing:
                raise FifteenMinError(
                    QCoreApplication.translate(
                        "Categories", "The facility categories table {path} lacks the column(s) {columns}."
                    ).format(path=path, columns=", ".join(missing))
                )
            rows = []
            for row in reader:
                cleaned = {(key or "").strip(): (value or "").strip() for key, value in row.items()}
                if any(cleaned.values()):
                    rows.append((reader.line_num, cleaned))
    except UnicodeDecodeError as error:
        raise FifteenMinError(
            QCoreApplication.translate(
                "Categories", "The facility categories table {path} is not a UTF-8 CSV file."
            ).format(path=path),
            details=str(error),
        ) from error
    return rows


def _category(path: Path, line: int, row: dict[str, str]) -> Category:
    code = row["code"]
    if not _CODE.match(code):
        message = QCoreApplication.translate(
            "Categories", "Line {line} of {path}: the code “{code}” is not a lowercase identifier (a-z, 0-9, _)."
        )
        raise FifteenMinError(message.format(line=line, path=path, code=code))
    if code in RESERVED_CODES:
        raise FifteenMinError(
            QCoreApplication.translate(
                "Categories", "Line {line} of {path}: the code “{code}” is reserved for a coverage summary field."
            ).format(line=line, path=path, code=code)
        )
    if row["class"] not in CLASSES:
        raise FifteenMinError(
            QCoreApplication.translate(
                "Categories", "Line {line} of {path}: the class “{value}” must be one of basic, quality or public."
            ).format(line=line, path=path, value=row["class"])
        )
    empty = [name for name in REQUIRED_COLUMNS if not row[name]]
    if empty:
        raise FifteenMinError(
            QCoreApplication.translate(
                "Categories", "Line {line} of {path}: the column(s) {columns} must not be empty."
            ).format(line=line, path=path, columns=", ".join(empty))
        )
    return Category(code, row["name_zh"], row["name_en"], row["class"], row["source"])


def _duplicate_message() -> str:
    return QCoreApplication.translate(
        "Categories", "Line {line} of {path}: the code “{code}” is already used on line {first} of {first_path}."
    )


def load_categories(path: Optional[PathLike] = None, extensions: Iterable[PathLike] = ()) -> list[Category]:
    """Load and validate the categories table (default: the bundled one) plus optional user extension files.

    Raises FifteenMinError naming the file and line when a file is missing, malformed, a code is not a
    lowercase identifier, is used twice (across all files), or a class is not basic/quality/public.
    """
    categories: list[Category] = []
    seen: dict[str, tuple[Path, int]] = {}
    for source in (Path(path) if path is not None else DEFAULT_PATH, *map(Path, extensions)):
        for line, row in read_table(source):
            category = _category(source, line, row)
            if category.code in seen:
                first_path, first_line = seen[category.code]
                raise FifteenMinError(
                    _duplicate_message().format(
                        line=line, path=source, code=category.code, first=first_line, first_path=first_path
                    )
                )
            seen[category.code] = (source, line)
            categories.append(category)
    if not categories:
        raise FifteenMinError(
            QCoreApplication.translate("Categories", "The facility categories table contains no categories.")
        )
    return categories


def codes(cls: Optional[str] = None, categories: Optional[Sequence[Category]] = None) -> list[str]:
    """Codes in table order, optionally only those of one class (default table unless `categories` given)."""
    if cls is not None and cls not in CLASSES:
        raise ValueError(cls)
    table = load_categories() if categories is None else categories
    return [category.code for category in table if cls is None or category.category_class == cls]
