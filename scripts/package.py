"""Build the Plugin Manager zip: one top folder holding the package, metadata, resources, .qm and LICENSE."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "fifteen_min_plugin"
SKIP_SUFFIXES = {".pyc", ".ts", ".pro"}


def _files(base: Path):
    for path in sorted(base.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in SKIP_SUFFIXES:
            yield path


def build(out: Path) -> Path:
    if not list((ROOT / "resources" / "i18n").glob("*.qm")):
        raise SystemExit("no .qm files: run `make translations` first")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in _files(ROOT / PLUGIN):
            archive.write(path, f"{PLUGIN}/{path.relative_to(ROOT / PLUGIN)}")
        for path in _files(ROOT / "resources"):
            archive.write(path, f"{PLUGIN}/{path.relative_to(ROOT)}")
        for name in ("metadata.txt", "LICENSE", "README.md", "CHANGELOG.md"):
            archive.write(ROOT / name, f"{PLUGIN}/{name}")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / f"{PLUGIN}.zip")
    print(f"Built {build(parser.parse_args().out)}")
