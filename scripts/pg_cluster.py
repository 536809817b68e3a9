"""A throwaway PostgreSQL + PostGIS cluster for tests, the PostGIS demo and the benchmarks.

`PgCluster.start()` runs `initdb` in a new temporary folder (as the unprivileged ``postgres`` user when called as
root: PostgreSQL refuses to run as root), starts the server on a free loopback port with its socket inside that
folder, and creates one database with the ``postgis`` extension. `remove()` stops the server and deletes the
folder. Connections over TCP need the superuser's password (scram-sha-256); the harness itself talks to the
server through its own socket (trust, reachable only by the folder's owner and root).

`save_qgis_connection` turns a cluster into what a bureau has: a saved QGIS PostgreSQL connection whose
credentials sit in an Auth Manager "Basic" configuration, so no password is in any URI or setting.

Needs Debian's ``postgresql`` and ``postgresql-15-postgis-3`` (``make setup`` installs them).
"""

from __future__ import annotations

import atexit
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

SUPERUSER = "fifteenmin_admin"
DATABASE = "fifteenmin"


class PgClusterError(RuntimeError):
    """The cluster could not be set up, started or queried (the message carries the server's words)."""


def _bin_dir() -> Path:
    """Folder of the newest installed PostgreSQL server programs (initdb, pg_ctl)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise PgClusterError("PostgreSQL server programs (initdb) not found: run `make setup`.")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PgCluster:
    """One running throwaway cluster; its superuser owns `dbname`, which has PostGIS."""

    root: Path
    port: int
    password: str
    host: str = "127.0.0.1"
    dbname: str = DATABASE
    superuser: str = SUPERUSER
    _bin: Path = field(default_factory=_bin_dir, repr=False)
    _running: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        """The cluster's data folder."""
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        """The server log."""
        return self.root / "server.log"

    @classmethod
    def start_new(cls, dbname: str = DATABASE, fast: bool = True) -> PgCluster:
        """Create, start and fill a new cluster; `fast` turns durability off (fsync), right for throwaway data."""
        root = Path(tempfile.mkdtemp(prefix="fifteenmin-pg-"))
        cluster = cls(root=root, port=_free_port(), password=secrets.token_urlsafe(18), dbname=dbname)
        atexit.register(cluster.remove)
        try:
            if os.geteuid() == 0:
                shutil.chown(root, "postgres", "postgres")
            pwfile = root / "pw"
            pwfile.write_text(cluster.password + "\n", encoding="utf-8")
            pwfile.chmod(0o600)
            if os.geteuid() == 0:
                shutil.chown(pwfile, "postgres", "postgres")
            cluster._server(
                "initdb",
                "-D",
                str(cluster.data_dir),
                "-U",
                cluster.superuser,
                f"--pwfile={pwfile}",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
            )
            pwfile.unlink()
            settings = {
                "listen_addresses": "'127.0.0.1'",
                "port": str(cluster.port),
                "unix_socket_directories": f"'{root}'",
                "max_connections": "60",
            }
            if fast:
                settings.update(fsync="off", synchronous_commit="off", full_page_writes="off")
            with open(cluster.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
                conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
            cluster.start()
            cluster.psql(f'CREATE DATABASE "{dbname}"', dbname="postgres")
            cluster.psql("CREATE EXTENSION postgis")
        except BaseException:
            cluster.remove()
            raise
        return cluster

    def _server(self, program: str, *args: str) -> str:
        """Run a server program as the cluster's owner; PgClusterError with its output on failure."""
        command = [str(self._bin / program), *args]
        as_owner = {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True, check=False, **as_owner)
        if result.returncode != 0:
            raise PgClusterError(f"{program} failed ({result.returncode}): {result.stderr.strip() or result.stdout}")
        return result.stdout

    def start(self) -> None:
        """Start the server (again) and wait until it accepts connections."""
        if self._running:
            return
        try:
            self._server("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir), "-l", str(self.log_file))
        except PgClusterError as error:
            log = self.log_file.read_text(encoding="utf-8", errors="replace")[-2000:] if self.log_file.exists() else ""
            raise PgClusterError(f"{error}\n{log}") from error
        self._running = True

    def stop(self, immediate: bool = False) -> None:
        """Stop the server; connected clients lose their connection and `start` brings it back.

        A clean ("fast") stop by default. `immediate` is a crash: without durability (`start_new(fast=True)`) the
        last commits may be lost with it, so crash tests use a cluster started with `fast=False`.
        """
        if self._running:
            mode = "immediate" if immediate else "fast"
            self._server("pg_ctl", "stop", "-w", "-m", mode, "-D", str(self.data_dir))
            self._running = False

    def remove(self) -> None:
        """Stop the server and delete the cluster's folder; harmless when already removed."""
        try:
            if self._running and self.data_dir.exists():
                self.stop(immediate=True)
        finally:
            self._running = False
            shutil.rmtree(self.root, ignore_errors=True)

    def psql(self, sql: str, dbname: Optional[str] = None, user: Optional[str] = None) -> str:
        """Run SQL through the cluster's socket (trust) as `user` (default the superuser); rows as `a|b` lines."""
        command = [
            str(self._bin / "psql") if (self._bin / "psql").exists() else "psql",
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.root),
            "-p",
            str(self.port),
            "-U",
            user or self.superuser,
            "-d",
            dbname or self.dbname,
            "-c",
            sql,
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PgClusterError(f"psql failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def create_role(self, name: str, password: str, superuser: bool = False) -> None:
        """A login role with a password (for tests of other users and rights)."""
        quoted = password.replace("'", "''")
        rights = "SUPERUSER" if superuser else "NOSUPERUSER"
        self.psql(f"CREATE ROLE \"{name}\" LOGIN {rights} PASSWORD '{quoted}'")
        self.psql(f'GRANT CONNECT ON DATABASE "{self.dbname}" TO "{name}"')

    def describe(self) -> str:
        """The connection in words (never the password)."""
        return f"host={self.host} port={self.port} dbname={self.dbname} user={self.superuser}"


def save_qgis_connection(
    cluster: PgCluster, name: str, user: Optional[str] = None, password: Optional[str] = None
) -> str:
    """Save a QGIS PostgreSQL connection `name` to the cluster; returns the id of the Auth Manager configuration.

    The user name and password go into a new "Basic" authentication configuration (the Auth Manager's master
    password must be set); the saved connection holds host, port, database and that id only. QGIS must be
    initialised.
    """
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

    config = QgsAuthMethodConfig("Basic")
    config.setName(f"{name} ({user or cluster.superuser})")
    config.setConfig("username", user or cluster.superuser)
    config.setConfig("password", password if password is not None else cluster.password)
    stored = QgsApplication.authManager().storeAuthenticationConfig(config)
    if not (stored[0] if isinstance(stored, tuple) else stored):
        raise PgClusterError("The authentication configuration could not be stored (is the master password set?).")
    uri = QgsDataSourceUri()
    uri.setConnection(cluster.host, str(cluster.port), cluster.dbname, "", "", QgsDataSourceUri.SslMode.SslDisable)
    uri.setAuthConfigId(config.id())
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(uri.uri(False), {})
    metadata.saveConnection(connection, name)
    return config.id()


def remove_qgis_connection(name: str, authcfg: str) -> None:
    """Forget a connection saved by `save_qgis_connection` and its authentication configuration."""
    from qgis.core import QgsApplication, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if name in metadata.connections():
        metadata.deleteConnection(name)
    if authcfg:
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)
