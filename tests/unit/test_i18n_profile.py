"""The pylupdate5 profile lists every source and every Designer form, wherever the form lives."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _profile_module():
    spec = importlib.util.spec_from_file_location("i18n_profile", ROOT / "scripts" / "i18n_profile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(text: str, key: str) -> list[str]:
    """The values of `key = a \\ b ...` (continued with backslashes) in a qmake profile."""
    entries = []
    for line in text.split(f"{key} = ", 1)[1].splitlines():
        entries.append(line.strip().rstrip("\\").strip())
        if not line.rstrip().endswith("\\"):
            break
    return [entry for entry in entries if entry]


def test_profile_lists_the_forms_of_resources_ui(tmp_path):
    text = _profile_module().profile(tmp_path / "p.pro", [str(tmp_path / "x.ts")])
    forms = {Path(entry).resolve() for entry in _entries(text, "FORMS")}
    expected = {path.resolve() for path in (ROOT / "resources" / "ui").glob("*.ui")}
    assert expected and expected <= forms
    sources = {Path(entry).resolve() for entry in _entries(text, "SOURCES")}
    assert (ROOT / "fifteen_min_plugin" / "gui" / "dock_page.py").resolve() in sources


def test_profile_in_build_uses_paths_relative_to_it():
    text = _profile_module().profile(ROOT / "build" / "p.pro", [])
    forms = _entries(text, "FORMS")
    assert "../resources/ui/dock.ui" in forms
