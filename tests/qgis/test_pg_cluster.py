"""The throwaway PostgreSQL cluster of the test run, reached the way a bureau's QGIS reaches its server: a saved
connection whose password lives only in the Auth Manager."""

from __future__ import annotations

import pytest
from qgis.core import QgsProviderConnectionException, QgsProviderRegistry, QgsSettings


def test_saved_connection_reaches_postgis_with_the_auth_manager(pg_connection):
    """The saved connection opens the cluster's PostGIS database through its authcfg alone."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.findConnection(pg_connection.name)
    assert connection is not None
    rows = connection.executeSql("SELECT current_user, current_database(), postgis_lib_version()")
    cluster = pg_connection.cluster
    assert rows[0][:2] == [cluster.superuser, cluster.dbname]
    assert str(rows[0][2]).startswith("3.")
    assert "password" not in connection.uri().lower() and cluster.password not in connection.uri()
    assert f"authcfg={pg_connection.authcfg}" in connection.uri()
    settings = QgsSettings()
    stored = [str(settings.value(key)) for key in settings.allKeys() if pg_connection.name in key]
    assert stored and not any(cluster.password in value for value in stored)


def test_tcp_logins_need_the_password(pg_cluster):
    """The server refuses a loopback login without the password, so the Auth Manager is really used."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"host={pg_cluster.host} port={pg_cluster.port} dbname={pg_cluster.dbname} user={pg_cluster.superuser}"
    connection = metadata.createConnection(uri, {})
    with pytest.raises(QgsProviderConnectionException, match="Connection failed"):
        connection.executeSql("SELECT 1")
