"""Refuse Qt5-only Python in the plugin, so it keeps running on QGIS 4 (Qt6).

Checked without Qt6 (by reading the source):
  * `exec_` (Qt6 has only `exec`);
  * `QVariant` anywhere but core/compat.py (under Qt6 field types are QMetaType.Type);
  * Qt imported from PyQt5/PyQt6 directly instead of through `qgis.PyQt`.
Checked against PyQt6 (installed from PyPI in a venv of its own, `--pyqt6-python`):
  * every name imported from `qgis.PyQt.<module>` and every attribute path starting at one of them
    (`Qt.MouseButton.LeftButton`, `QMessageBox.StandardButton.Yes`, `QCoreApplication.translate`) must exist
    in PyQt6. An unscoped enum (`Qt.LeftButton`, `QMessageBox.Yes`) does not, and is reported with its
    scoped spelling.

qgis.PyQt's Qt6 QtWidgets also offers the classes Qt6 moved to QtGui (QAction and friends); those names
are looked up in PyQt6.QtGui. Usage: check_qt6.py --pyqt6-python build/pyqt6-venv/bin/python [PATH ...]
(default PATH: the fifteen_min_plugin package). Exit status 1 when anything is refused.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPAT = Path("fifteen_min_plugin") / "core" / "compat.py"
#: classes Qt6 moved from QtWidgets to QtGui, which qgis.PyQt.QtWidgets keeps offering
MOVED_TO_QTGUI = ("QAction", "QActionGroup", "QShortcut", "QFileSystemModel", "QUndoCommand")

# runs inside the PyQt6 venv: reads [[module, path], ...] as JSON, prints {"module path": problem}
RESOLVER = r"""
import importlib, json, sys
moved = set(sys.argv[1].split(","))
problems = {}
for module_name, path in json.load(sys.stdin):
    parts = path.split(".")
    try:
        obj = importlib.import_module("PyQt6." + module_name) if module_name else importlib.import_module("PyQt6")
    except ImportError:
        problems[module_name + " " + path] = "no module PyQt6." + module_name
        continue
    if module_name == "QtWidgets" and parts[0] in moved and not hasattr(obj, parts[0]):
        obj = importlib.import_module("PyQt6.QtGui")
    if not module_name and not hasattr(obj, parts[0]):
        try:
            obj = importlib.import_module("PyQt6." + parts[0])
            parts = parts[1:]
        except ImportError:
            pass
    done = []
    for part in parts:
        if hasattr(obj, part):
            obj = getattr(obj, part)
            done.append(part)
            continue
        scoped = [name for name in dir(obj) if not name.startswith("_")
                  and isinstance(getattr(obj, name, None), type) and hasattr(getattr(obj, name), "__members__")
                  and part in getattr(obj, name).__members__]
        where = ".".join(done) or module_name
        if scoped:
            problems[module_name + " " + path] = (
                "unscoped enum: write " + ".".join(done + [scoped[0], part]) + " (Qt6 has no " + path + ")"
            )
        else:
            problems[module_name + " " + path] = "not in PyQt6: " + where + " has no " + part
        break
print(json.dumps(problems))
"""


@dataclass(frozen=True)
class Finding:
    """One refused construct at a place in a file."""

    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column + 1}: {self.message}"


@dataclass(frozen=True)
class QtUse:
    """A name or attribute path rooted at a Qt import, to be resolved in PyQt6."""

    path: Path
    line: int
    column: int
    module: str  # "QtCore", "QtWidgets"…, "" for `from qgis.PyQt import uic`
    dotted: str


def _chain(node: ast.Attribute) -> tuple[ast.AST, list[str]]:
    """The root of an attribute chain and its attribute names, outermost last."""
    names = []
    current: ast.AST = node
    while isinstance(current, ast.Attribute):
        names.append(current.attr)
        current = current.value
    return current, names[::-1]


class _Reader(ast.NodeVisitor):
    def __init__(self, path: Path, relative: Path) -> None:
        self.path = path
        self.relative = relative
        self.findings: list[Finding] = []
        self.uses: list[QtUse] = []
        self.qt_names: dict[str, tuple[str, str]] = {}  # local name -> (module, imported name)

    def _refuse(self, node: ast.AST, message: str) -> None:
        self.findings.append(Finding(self.path, node.lineno, node.col_offset, message))

    def _qvariant(self, node: ast.AST) -> None:
        if self.relative != COMPAT:
            self._refuse(node, "QVariant outside core/compat.py: use compat.new_field / compat.is_text_field")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                self._refuse(node, f"import {alias.name}: import Qt through qgis.PyQt")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if module.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
            self._refuse(node, f"from {module} import …: import Qt through qgis.PyQt")
            return
        if module == "qgis.PyQt" or module.startswith("qgis.PyQt."):
            qt_module = module[len("qgis.PyQt.") :] if module != "qgis.PyQt" else ""
            for alias in node.names:
                if alias.name == "QVariant":
                    self._qvariant(node)
                    continue
                self.qt_names[alias.asname or alias.name] = (qt_module, alias.name)
                self.uses.append(QtUse(self.path, node.lineno, node.col_offset, qt_module, alias.name))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr == "exec_":
            self._refuse(node, "exec_() is Qt5-only: call exec()")
        root, names = _chain(node)
        if "QVariant" in names:
            self._qvariant(node)
            return
        if isinstance(root, ast.Name) and root.id in self.qt_names:
            module, imported = self.qt_names[root.id]
            self.uses.append(QtUse(self.path, node.lineno, node.col_offset, module, ".".join([imported, *names])))
            return  # the inner attributes are part of this path
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id == "QVariant":
            self._qvariant(node)
        elif node.id == "exec_":
            self._refuse(node, "exec_ is Qt5-only: call exec()")


def read(paths: list[Path]) -> tuple[list[Finding], list[QtUse]]:
    """The findings that need no Qt6, and the Qt uses to resolve, of every .py file under `paths`."""
    findings: list[Finding] = []
    uses: list[QtUse] = []
    for base in paths:
        files = sorted(base.rglob("*.py")) if base.is_dir() else [base]
        for path in files:
            try:
                relative = path.resolve().relative_to(ROOT)
            except ValueError:
                relative = path
            reader = _Reader(path, relative)
            reader.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            findings += reader.findings
            uses += reader.uses
    return findings, uses


def resolve(uses: list[QtUse], pyqt6_python: str) -> list[Finding]:
    """The uses that PyQt6 (run by `pyqt6_python`) does not have, each with the reason."""
    unique = sorted({(use.module, use.dotted) for use in uses})
    answer = subprocess.run(
        [pyqt6_python, "-c", RESOLVER, ",".join(MOVED_TO_QTGUI)],
        input=json.dumps(unique),
        capture_output=True,
        text=True,
        check=False,
    )
    if answer.returncode != 0:
        raise SystemExit(f"PyQt6 resolver failed with {pyqt6_python}:\n{answer.stderr}")
    problems = json.loads(answer.stdout)
    return [
        Finding(use.path, use.line, use.column, problems[f"{use.module} {use.dotted}"])
        for use in uses
        if f"{use.module} {use.dotted}" in problems
    ]


def check(paths: list[Path], pyqt6_python: str) -> list[Finding]:
    """Every refused construct under `paths`, in file order."""
    findings, uses = read(paths)
    findings += resolve(uses, pyqt6_python)
    return sorted(findings, key=lambda item: (str(item.path), item.line, item.column))


def main(argv: list[str] | None = None) -> int:
    """Print each finding as path:line:column: message; 1 if there are any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyqt6-python", required=True, help="python of a venv with PyQt6 from PyPI")
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "fifteen_min_plugin"])
    options = parser.parse_args(argv)
    findings = check(options.paths, options.pyqt6_python)
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} Qt5-only constructs; see above.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
