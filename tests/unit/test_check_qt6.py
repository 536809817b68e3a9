"""The Qt6 check (scripts/check_qt6.py) refuses each Qt5-only construct, and the plugin passes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.check_qt6 import ROOT, check

PYQT6_PYTHON = ROOT / "build" / "pyqt6-venv" / "bin" / "python"


@pytest.fixture(scope="module")
def pyqt6() -> str:
    if not PYQT6_PYTHON.exists():
        pytest.fail("build/pyqt6-venv is missing: `make lint` (or `make unit`) creates it with PyQt6 from PyPI")
    return str(PYQT6_PYTHON)


def _findings(tmp_path: Path, source: str, pyqt6: str) -> list[tuple[int, str]]:
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")
    return [(finding.line, finding.message) for finding in check([path], pyqt6)]


@pytest.mark.parametrize(
    ("source", "line", "says"),
    [
        ("from qgis.PyQt.QtWidgets import QDialog\n\n\ndef run(d: QDialog):\n    return d.exec_()\n", 5, "exec_"),
        ("from qgis.PyQt.QtCore import Qt\n\nBUTTON = Qt.LeftButton\n", 3, "write Qt.MouseButton.LeftButton"),
        (
            "from qgis.PyQt.QtWidgets import QMessageBox\n\nYES = QMessageBox.Yes\n",
            3,
            "write QMessageBox.StandardButton.Yes",
        ),
        ("from qgis.PyQt import QtCore\n\nLEFT = QtCore.Qt.AlignLeft\n", 3, "write QtCore.Qt.AlignmentFlag.AlignLeft"),
        ("from qgis.PyQt.QtCore import QVariant\n", 1, "QVariant outside core/compat.py"),
        ("from qgis.PyQt import QtCore\n\nTEXT = QtCore.QVariant.String\n", 3, "QVariant outside core/compat.py"),
        ("from PyQt5.QtCore import Qt\n", 1, "import Qt through qgis.PyQt"),
        ("from qgis.PyQt.QtCore import Qt\n\nBUTTON = Qt.MouseButton.LeftButon\n", 3, "has no LeftButon"),
        ("from qgis.PyQt.QtGui import QRegExpValidator\n", 1, "has no QRegExpValidator"),
    ],
)
def test_each_qt5_only_construct_is_refused_with_its_line(tmp_path, pyqt6, source, line, says):
    findings = _findings(tmp_path, source, pyqt6)
    assert len(findings) == 1, findings
    assert findings[0][0] == line
    assert says in findings[0][1]


def test_scoped_qt6_spellings_pass(tmp_path, pyqt6):
    source = (
        "from qgis.PyQt.QtCore import QCoreApplication, QMetaType, Qt\n"
        "from qgis.PyQt.QtWidgets import QAction, QDialogButtonBox, QMessageBox\n\n"
        "BUTTONS = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel\n"
        "YES = QMessageBox.StandardButton.Yes\n"
        "LEFT = Qt.MouseButton.LeftButton\n"
        "TEXT = QMetaType.Type.QString\n"
        "WORD = QCoreApplication.translate('Context', 'word')\n\n\n"
        "def run(dialog):\n    return dialog.exec()\n"
    )
    assert _findings(tmp_path, source, pyqt6) == []


def test_the_plugin_passes(pyqt6):
    assert [str(finding) for finding in check([ROOT / "fifteen_min_plugin"], pyqt6)] == []
