"""`make demo-postgis`: the whole demo (scripts/demo.py) with its workspace on a PostGIS server.

Starts a throwaway PostgreSQL + PostGIS cluster (scripts/pg_cluster.py), gives a throwaway QGIS profile a saved
PostgreSQL connection whose password sits only in that profile's Auth Manager (its master password from a file,
QGIS_AUTH_PASSWORD_FILE, as a bureau's deployment would), runs the demo with ``--workspace
postgres:<connection>/<schema>``, prints the connection it used (never the password) and what the server holds,
then removes the cluster and the profile.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.pg_cluster import PgCluster  # noqa: E402

CONNECTION = "fifteenmin demo"
SCHEMA = "haidian_demo"

# run in the demo's profile: save the connection; the cluster's password arrives on stdin, never in argv
SAVE_CONNECTION = """
import os, sys
from pathlib import Path
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
master = Path(os.environ["QGIS_AUTH_PASSWORD_FILE"]).read_text(encoding="utf-8")
assert QgsApplication.authManager().setMasterPassword(master, True)
from scripts.pg_cluster import save_qgis_connection
host, port, dbname, user, name = sys.argv[1:6]
cluster = type("Cluster", (), dict(host=host, port=port, dbname=dbname, superuser=user, password=sys.stdin.read()))
print(save_qgis_connection(cluster, name), flush=True)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "demo_output" / "postgis")
    parser.add_argument("--lang", default="")
    args = parser.parse_args()
    cluster = PgCluster.start_new()
    profile = Path(tempfile.mkdtemp(prefix="fifteenmin-demo-profile-"))
    try:
        master = profile / "master-password"
        master.write_text(secrets.token_urlsafe(18), encoding="utf-8")
        master.chmod(0o600)
        (profile / "auth").mkdir()
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            QGIS_CUSTOM_CONFIG_PATH=str(profile / "qgis"),
            QGIS_AUTH_DB_DIR_PATH=f"{profile / 'auth'}/",
            QGIS_AUTH_PASSWORD_FILE=str(master),
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
        )
        connection = (cluster.host, str(cluster.port), cluster.dbname, cluster.superuser, CONNECTION)
        saved = subprocess.run(
            [sys.executable, "-c", SAVE_CONNECTION, *connection],
            input=cluster.password,
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if saved.returncode != 0:
            raise SystemExit(f"the demo connection could not be saved:\n{saved.stderr[-2000:]}")
        authcfg = (saved.stdout.strip().splitlines() or ["?"])[-1]
        location = f"postgres:{CONNECTION}/{SCHEMA}"
        command = [sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(args.out), "--workspace", location]
        if args.lang:
            command += ["--lang", args.lang]
        demo = subprocess.run(command, env=env, cwd=ROOT, check=False, timeout=3600)
        if demo.returncode != 0:
            return demo.returncode
        tables = cluster.psql(f"SELECT tablename FROM pg_tables WHERE schemaname = '{SCHEMA}' ORDER BY 1").split()
        counts = {table: int(cluster.psql(f'SELECT count(*) FROM {SCHEMA}."{table}"')) for table in tables}
        print("\nPostGIS workspace of this run (a throwaway cluster, removed now):")
        print(f"  connection                : QGIS saved connection “{CONNECTION}” → {cluster.describe()}")
        print(f"  credentials               : Auth Manager configuration {authcfg} (the password is shown nowhere)")
        print(f"  workspace                 : {location} (schema {SCHEMA})")
        print("  rows per table            : " + ", ".join(f"{t} {n}" for t, n in counts.items() if n))
        return 0
    finally:
        cluster.remove()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
