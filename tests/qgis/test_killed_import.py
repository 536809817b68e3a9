"""A QGIS process killed (SIGKILL) in the middle of an import into a PostGIS workspace leaves the workspace as it
was: the server rolls the open transaction back, nothing half-written is ever seen, and the next import works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from fifteen_min_plugin.core.workspace.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
#: facilities the killed import writes: enough for its transaction to stay open for a while
ROWS = 150_000
_IMPORT = """
import sys
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
from fifteen_min_plugin.core.workspace.layer_io import add_all_or_nothing
from fifteen_min_plugin.core.workspace.workspace import Workspace
facilities = Workspace.open(sys.argv[1]).layer("facilities")
features = []
for number in range(int(sys.argv[2])):
    feature = QgsFeature(facilities.fields())
    feature["facility_id"] = f"K{number}"
    feature["category"] = "convenience_store"
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.3 + number * 1e-7, 40.0)))
    features.append(feature)
print("writing", flush=True)
add_all_or_nothing(facilities, features)
print("committed", flush=True)
"""


def _service_file(folder: Path, cluster) -> Path:
    """A pg_service.conf for the child process (credentials outside QGIS, as a bureau's service file)."""
    path = folder / "pg_service.conf"
    path.write_text(
        f"[fifteenmin_kill]\nhost={cluster.host}\nport={cluster.port}\ndbname={cluster.dbname}\n"
        f"user={cluster.superuser}\npassword={cluster.password}\n",
        encoding="utf-8",
    )
    path.chmod(0o600)
    return path


def _writing(cluster, schema: str) -> bool:
    """Whether some session has an open transaction that is inserting into the schema's facilities."""
    found = cluster.psql(
        "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND xact_start IS NOT NULL "
        f"AND query ILIKE '%{schema}%facilities%' AND (query ILIKE 'INSERT%' OR query ILIKE 'COPY%')"
    )
    return int(found or 0) > 0


def test_a_client_killed_mid_import_leaves_the_postgis_workspace_as_it_was(pg_cluster, tmp_path, monkeypatch):
    service = _service_file(tmp_path, pg_cluster)
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    schema = f"kill_{uuid.uuid4().hex[:8]}"
    location = f"postgres:service=fifteenmin_kill/{schema}"
    Workspace.create(location)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PGSERVICEFILE": str(service)}
    before = pg_cluster.psql(f'SELECT count(*) FROM "{schema}".facilities')
    child = subprocess.Popen(
        [sys.executable, "-c", _IMPORT, location, str(ROWS)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "writing"
        deadline = time.monotonic() + 120
        while not _writing(pg_cluster, schema):
            assert child.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    # the server notices the closed connection and rolls its transaction back; then the session is gone
    deadline = time.monotonic() + 60
    while _writing(pg_cluster, schema):
        assert time.monotonic() < deadline, "the killed client's transaction stayed open"
        time.sleep(0.05)
    assert pg_cluster.psql(f'SELECT count(*) FROM "{schema}".facilities') == before == "0"
    # nothing is left locked or half-done: the same import by a live client then commits every row
    done = subprocess.run([sys.executable, "-c", _IMPORT, location, "1000"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert pg_cluster.psql(f'SELECT count(*), count(DISTINCT facility_id) FROM "{schema}".facilities') == "1000|1000"
