"""`make demo-postgis`'s script runs the whole demo against its own throwaway PostgreSQL, says which connection it
used, never a password, and removes the cluster and its QGIS profile afterwards."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _leftovers() -> set[str]:
    return {
        p.name for p in Path(tempfile.gettempdir()).glob("fifteenmin-*") if "demo-profile" in p.name or "-pg-" in p.name
    }


def test_the_postgis_demo_runs_on_its_own_cluster_and_says_which_connection(tmp_path):
    before = _leftovers()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo_postgis.py"), "--out", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "workspace                 : postgres:fifteenmin demo/haidian_demo" in out
    assert re.search(r"connection +: QGIS saved connection “fifteenmin demo” → host=127\.0\.0\.1 port=\d+ ", out)
    assert re.search(r"credentials +: Auth Manager configuration \w{7} \(the password is shown nowhere\)", out)
    # the facilities the demo says it imported are the rows the server held
    osm = int(re.search(r"facilities from OSM +: (\d+) added", out).group(1))
    survey = int(re.search(r"facilities from survey +: (\d+) added", out).group(1))
    held = dict(re.findall(r"(\w+) (\d+)", re.search(r"rows per table +: (.*)", out).group(1)))
    assert int(held["facilities"]) == osm + survey and held["communities"] == "12"
    with zipfile.ZipFile(tmp_path / "fifteen_min_demo.qgz") as archive:
        project = archive.read(next(n for n in archive.namelist() if n.endswith(".qgs"))).decode("utf-8")
    sources = re.findall(r"<datasource>([^<]*)</datasource>", project)
    postgis = [source for source in sources if "table=" in source]
    assert postgis and all("authcfg=" in source and "password" not in source for source in postgis)
    assert not _leftovers() - before  # nothing new left behind
