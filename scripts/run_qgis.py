"""`make run`: QGIS desktop with a throwaway profile, the plugin enabled and the demo project open."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from qgis_profile import ROOT, prepare_profile, venv_pythonpath


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--locale", default="", help="e.g. zh_CN to start QGIS in Chinese")
    args = parser.parse_args()
    demo_project = ROOT / "demo_output" / "fifteen_min_demo.qgz"
    if not demo_project.exists():
        demo = [sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(demo_project.parent)]
        subprocess.run(demo, check=True)
    profiles = prepare_profile(Path(tempfile.mkdtemp(prefix="fifteenmin-qgis-")), args.locale)
    env = dict(os.environ, PYTHONPATH=venv_pythonpath())
    env.pop("QT_QPA_PLATFORM", None)
    command = ["qgis", "--profiles-path", str(profiles), "--profile", "default", "--noversioncheck", str(demo_project)]
    print("Starting:", " ".join(command))
    return subprocess.call(command, env=env)


if __name__ == "__main__":
    sys.exit(main())
