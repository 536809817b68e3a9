"""Write the pylupdate5 project profile listing every source and form of the plugin."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def profile(out: Path, translations: list[str]) -> str:
    base = out.parent.resolve()

    def rel(path: Path) -> str:
        return str(Path("..") / path.relative_to(ROOT)) if base == ROOT / "build" else str(path)

    package = ROOT / "fifteen_min_plugin"
    sources = sorted(package.rglob("*.py"))
    forms = sorted(package.rglob("*.ui")) + sorted((ROOT / "resources" / "ui").glob("*.ui"))
    lines = ["SOURCES = " + " \\\n    ".join(rel(p) for p in sources)]
    lines.append("FORMS = " + " \\\n    ".join(rel(p) for p in forms))
    lines.append("TRANSLATIONS = " + " ".join(str(Path(t).resolve()) for t in translations))
    lines.append("CODECFORTR = UTF-8")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(profile(target, sys.argv[2:]), encoding="utf-8")
