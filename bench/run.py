"""Run every bench/bench_*.py module's main() in one QGIS session."""

from __future__ import annotations

import importlib
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import Qgis

    commit = subprocess.run(
        ["git", "-C", str(HERE.parent), "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    ).stdout.strip()
    print("=" * 72)
    print(
        f"fifteen_min_plugin benchmarks — QGIS {Qgis.QGIS_VERSION}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, tree {commit or 'unknown'}")
    print("=" * 72)
    for path in sorted(HERE.glob("bench_*.py")):
        print(f"\n## {path.stem}")
        importlib.import_module(path.stem).main()


if __name__ == "__main__":
    main()
