"""The workspace on both backends, GeoPackage and PostGIS (the test run's own throwaway cluster), read back by an
independent client: creation, reopening, registers, imports, coverage replacement. Then what only a server has:
indexes, credentials kept out of every file and setting, and a sentence with nothing changed for a bad connection,
a server that goes away, a newer schema and a foreign schema."""

from __future__ import annotations

import gc
import uuid
import zipfile
from types import SimpleNamespace

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.errors import FifteenMinError, WorkspaceError
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.layer_io import add_all_or_nothing
from fifteen_min_plugin.core.workspace.postgis import PostgisLocation
from fifteen_min_plugin.core.workspace.schema import SCHEMA_VERSION, lookup_indexes, workspace_layers
from fifteen_min_plugin.core.workspace.workspace import Workspace
from scripts.pg_cluster import PgCluster, remove_qgis_connection, save_qgis_connection

POINT = QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0))


def _facility(layer, name: str, source: str, source_id: str) -> QgsFeature:
    feature = QgsFeature(layer.fields())
    feature.setGeometry(POINT)
    for field, value in (("name", name), ("source", source), ("source_id", source_id), ("category", "pharmacy")):
        feature[field] = value
    return feature


# --- both backends ---------------------------------------------------------------------------------------------


def test_create_makes_every_layer_with_its_fields_geometry_and_crs(backend):
    workspace = backend.create(crs=QgsCoordinateReferenceSystem("EPSG:4547"))
    assert workspace.schema_version == SCHEMA_VERSION
    for spec in workspace_layers(workspace.categories):
        layer = workspace.layer(spec.name)
        assert layer.isValid(), spec.name
        assert layer.fields().names() == ["fid", *(field.name for field in spec.fields)], spec.name
        if spec.geometry:
            assert QgsWkbTypes.displayString(layer.wkbType()) == spec.geometry, spec.name
            assert layer.crs().authid() == "EPSG:4547"
        else:
            assert layer.wkbType() == QgsWkbTypes.Type.NoGeometry, spec.name
    assert backend.rows(workspace, "select value from fifteenmin_meta where key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]


def test_create_refuses_an_existing_workspace_and_leaves_it_alone(backend):
    location = backend.location()
    workspace = Workspace.create(location)
    add_all_or_nothing(workspace.layer("facilities"), [_facility(workspace.layer("facilities"), "药店", "osm", "1")])
    with pytest.raises(WorkspaceError, match="already exists"):
        Workspace.create(location)
    assert backend.rows(workspace, "select name from facilities") == [("药店",)]


def test_writes_survive_reopening_and_a_failed_write_changes_nothing(backend):
    """One import writes all its rows or none: a repeated source record (the unique index) refuses the whole
    write, and the rows written before stay exactly as they were."""
    workspace = backend.create()
    layer = workspace.layer("facilities")
    add_all_or_nothing(layer, [_facility(layer, "罗森", "osm", "1"), _facility(layer, "物美", "osm", "2")])
    reopened = Workspace.open(workspace.location)
    layer = reopened.layer("facilities")
    assert sorted(feature["name"] for feature in layer.getFeatures()) == ["物美", "罗森"]
    batch = [_facility(layer, "药店", "osm", "3"), _facility(layer, "罗森again", "osm", "1")]
    with pytest.raises(FifteenMinError, match=r"unchanged|could not be saved"):
        add_all_or_nothing(layer, batch)
    assert sorted(backend.rows(reopened, "select name, source_id from facilities")) == [("物美", "2"), ("罗森", "1")]


def test_the_asset_register_keeps_its_history_on_either_backend(backend):
    workspace = backend.create()
    register = AssetRegister.from_workspace(workspace, user="tester")
    asset_id = register.add({"asset_type": "civil_defence", "name": "示例人防工程", "area_m2": "800"}, POINT)
    register.set_status(asset_id, "under_review", note="survey")
    assert backend.rows(workspace, "select asset_id, status, area_m2 from idle_assets") == [
        (asset_id, "under_review", 800.0)
    ]
    events = backend.rows(workspace, "select field, old_value, new_value from asset_events order by fid")
    assert events[0][0] == "created" and events[-1] == ("status", "candidate", "under_review")
    register.assets = register.events = None
    gc.collect()


def test_the_project_register_keeps_its_history_on_either_backend(backend):
    workspace = backend.create()
    register = ProjectRegister.from_workspace(workspace, user="tester")
    project_id = register.add({"name": "大闸社区食堂", "category": "community_canteen", "community_id": "C1"}, POINT)
    register.set_status(project_id, "approved", note="区政府批复")
    assert backend.rows(workspace, "select project_id, status, community_id from projects") == [
        (project_id, "approved", "C1")
    ]
    kinds = [row[0] for row in backend.rows(workspace, "select kind from project_events order by fid")]
    assert kinds[0] == "created" and kinds[-1] == "status"
    register.projects = register.events = register.sites = None
    gc.collect()


def _coverage_result(rows: list[tuple[str, str, str]]) -> QgsVectorLayer:
    result = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4326&field=circle_id:string&field=grade:string&field=n_basic_present:string",
        "coverage result",
        "memory",
    )
    features = []
    for circle_id, grade, present in rows:
        feature = QgsFeature(result.fields())
        feature.setAttributes([circle_id, grade, present])
        feature.setGeometry(QgsGeometry.fromWkt("MultiPolygon(((116.35 40, 116.36 40, 116.36 40.01, 116.35 40)))"))
        features.append(feature)
    assert result.dataProvider().addFeatures(features)[0]
    return result


def test_coverage_replaces_its_circles_rows_and_a_failed_run_leaves_the_previous_ones(backend):
    workspace = backend.create()
    layer = workspace.layer("coverage")
    context = QgsCoordinateTransformContext()
    replace_coverage(layer, _coverage_result([("c1", "基础型", "9"), ("c2", "提升型", "11")]), context)
    replace_coverage(layer, _coverage_result([("c1", "品质型", "13")]), context)
    expected = [("c1", "品质型", 13), ("c2", "提升型", 11)]
    assert sorted(backend.rows(workspace, "select circle_id, grade, n_basic_present from coverage")) == expected
    bad = _coverage_result([("c2", "品质型", "13"), ("c3", "品质型", "thirteen")])  # not an integer
    with pytest.raises(FifteenMinError, match="unchanged"):
        replace_coverage(layer, bad, context)
    assert sorted(backend.rows(workspace, "select circle_id, grade, n_basic_present from coverage")) == expected


def test_a_project_remembers_its_workspace_on_either_backend(backend, tmp_path):
    workspace = backend.create()
    project = QgsProject()
    workspace.add_to_project(project)
    workspace.remember_in(project)
    assert project.write(str(tmp_path / "plan.qgz"))
    again = QgsProject()
    assert again.read(str(tmp_path / "plan.qgz"))
    restored = Workspace.from_project(again)
    assert restored is not None and str(restored.location) == str(workspace.location)
    assert len([layer for layer in again.mapLayers().values() if restored.owns(layer)]) == len(workspace.layer_names())
    project.clear()
    again.clear()


def test_processing_reads_workspace_tables_on_either_backend_without_a_project(backend, processing):
    workspace = backend.create()
    communities = workspace.layer("communities")
    feature = QgsFeature(communities.fields())
    feature["community_id"] = "C1"
    feature.setGeometry(POINT)
    add_all_or_nothing(communities, [feature])
    result = processing.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": workspace.processing_source("communities"),
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": "300,500",
            "MINUTES": "5,10",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    assert sorted(round(f["radius_m"]) for f in result.getFeatures()) == [300, 500]


# --- PostGIS only ----------------------------------------------------------------------------------------------


@pytest.fixture()
def postgis(pg_connection):
    """A fresh PostGIS workspace on the test cluster."""
    return Workspace.create(f"postgres:{pg_connection.name}/area_{uuid.uuid4().hex[:8]}")


def _psql_rows(cluster: PgCluster, sql: str) -> list[str]:
    out = cluster.psql(sql)
    return out.splitlines() if out else []


def test_a_service_file_location_works_and_its_layers_name_only_the_service(pg_cluster, tmp_path, monkeypatch):
    """A bureau's pg_service.conf (outside QGIS) holds the connection: the workspace and its layers name the service
    only, and the project remembers postgres:service=<name>/<schema>."""
    service_file = tmp_path / "pg_service.conf"
    service_file.write_text(
        f"[bureau]\nhost={pg_cluster.host}\nport={pg_cluster.port}\ndbname={pg_cluster.dbname}\n"
        f"user={pg_cluster.superuser}\npassword={pg_cluster.password}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    workspace = Workspace.create("postgres:service=bureau/by_service")
    layer = workspace.layer("facilities")
    assert layer.isValid() and "service='bureau'" in layer.source() and pg_cluster.password not in layer.source()
    project = QgsProject()
    workspace.remember_in(project)
    assert project.readEntry("fifteenmin", "workspace")[0] == "postgres:service=bureau/by_service"
    assert str(Workspace.from_project(project).location) == "postgres:service=bureau/by_service"
    assert _psql_rows(pg_cluster, "select count(*) from pg_tables where schemaname = 'by_service'") == [
        str(len(workspace.layer_names()) + 1)
    ]


def test_the_schema_has_spatial_and_lookup_indexes(postgis, pg_connection):
    schema = postgis.backend.schema
    found = set(_psql_rows(pg_connection.cluster, f"select indexdef from pg_indexes where schemaname = '{schema}'"))
    for spec in workspace_layers(postgis.categories):
        if spec.geometry:
            assert any(f"{spec.name} USING gist (geom)" in index for index in found), spec.name
    for spec in lookup_indexes(workspace_layers(postgis.categories)):
        assert any(f"{spec.name} ON {schema}.{spec.layer} USING btree ({spec.columns[0]})" in i for i in found), spec


def test_no_password_in_the_project_layers_log_or_settings(pg_connection, tmp_path):
    password = pg_connection.cluster.password
    logged = []
    log = QgsApplication.messageLog()

    def keep(message, *_):
        logged.append(message)

    log.messageReceived.connect(keep)
    try:
        workspace = Workspace.create(f"postgres:{pg_connection.name}/secret_check")
        project = QgsProject()
        layers = workspace.add_to_project(project)
        workspace.remember_in(project)
        register = AssetRegister.from_workspace(workspace)
        register.add({"asset_type": "parking", "name": "夜间停车"}, POINT)
        with pytest.raises(WorkspaceError):
            Workspace.open(f"postgres:{pg_connection.name}/missing_schema")
        assert project.write(str(tmp_path / "plan.qgz"))
    finally:
        log.messageReceived.disconnect(keep)
    with zipfile.ZipFile(tmp_path / "plan.qgz") as archive:
        for name in archive.namelist():
            assert password.encode() not in archive.read(name), name
    assert all(password not in layer.source() and "password" not in layer.source() for layer in layers)
    assert f"authcfg={pg_connection.authcfg}" in layers[0].source()
    assert not any(password in message for message in logged)
    settings = QgsSettings()
    assert not [key for key in settings.allKeys() if password in str(settings.value(key))]
    stored, _ = project.readEntry("fifteenmin", "workspace", "")
    assert stored == str(workspace.location) == f"postgres:{pg_connection.name}/secret_check"
    register.assets = register.events = None
    project.clear()


def test_bad_connection_parameters_get_a_sentence_and_create_nothing(pg_cluster, pg_connection):
    closed = SimpleNamespace(
        host="127.0.0.1", port=_closed_port(), dbname=pg_cluster.dbname, superuser="x", password=pg_cluster.password
    )
    refused = save_qgis_connection(closed, "fifteenmin-closed-port")
    wrong = save_qgis_connection(pg_cluster, "fifteenmin-wrong-password", password="not-the-password")
    try:
        for name in ("fifteenmin-closed-port", "fifteenmin-wrong-password"):
            with pytest.raises(WorkspaceError, match="cannot be reached or refused") as caught:
                Workspace.create(f"postgres:{name}/never_made")
            assert pg_cluster.password not in caught.value.message + caught.value.details
        with pytest.raises(WorkspaceError, match="no saved PostgreSQL connection"):
            Workspace.create("postgres:no such connection/never_made")
        with pytest.raises(WorkspaceError, match="cannot be used"):
            Workspace.create(f"postgres:{pg_connection.name}/Bad-Name")
    finally:
        remove_qgis_connection("fifteenmin-closed-port", refused)
        remove_qgis_connection("fifteenmin-wrong-password", wrong)
    assert _psql_rows(pg_cluster, "select nspname from pg_namespace where nspname in ('never_made', 'Bad-Name')") == []


def test_a_crs_without_a_postgis_srid_is_refused_and_no_schema_is_made(pg_connection):
    custom = QgsCoordinateReferenceSystem.fromProj("+proj=tmerc +lat_0=0 +lon_0=116.35 +k=1 +x_0=500000 +ellps=GRS80")
    assert custom.isValid() and not custom.postgisSrid()
    with pytest.raises(WorkspaceError, match="has no PostGIS SRID"):
        Workspace.create(f"postgres:{pg_connection.name}/local_grid", crs=custom)
    assert _psql_rows(pg_connection.cluster, "select count(*) from pg_namespace where nspname = 'local_grid'") == ["0"]


def test_a_connection_keeping_its_password_in_the_settings_is_refused(pg_cluster, qgis_app):
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    uri = QgsDataSourceUri()
    uri.setConnection(pg_cluster.host, str(pg_cluster.port), pg_cluster.dbname, pg_cluster.superuser, "pw-in-settings")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": True})
    metadata.saveConnection(connection, "fifteenmin-plain-password")
    try:
        with pytest.raises(WorkspaceError, match="keeps its password in the QGIS settings") as caught:
            Workspace.create("postgres:fifteenmin-plain-password/never_made")
        assert "pw-in-settings" not in caught.value.message
    finally:
        remove_qgis_connection("fifteenmin-plain-password", "")


def test_a_newer_schema_is_refused_and_left_as_it_is(postgis, pg_connection):
    schema = postgis.backend.schema
    cluster = pg_connection.cluster
    cluster.psql(f"update {schema}.fifteenmin_meta set value = '{SCHEMA_VERSION + 1}' where key = 'schema_version'")
    tables = _psql_rows(cluster, f"select tablename from pg_tables where schemaname = '{schema}' order by 1")
    with pytest.raises(WorkspaceError, match="needs a newer"):
        Workspace.open(postgis.location)
    assert _psql_rows(cluster, f"select tablename from pg_tables where schemaname = '{schema}' order by 1") == tables
    assert _psql_rows(cluster, f"select value from {schema}.fifteenmin_meta where key = 'schema_version'") == [
        str(SCHEMA_VERSION + 1)
    ]


def test_a_schema_that_is_not_a_workspace_is_refused_and_left_as_it_is(pg_connection):
    cluster = pg_connection.cluster
    cluster.psql("create schema bureau_data; create table bureau_data.communities (id int, name text)")
    cluster.psql("insert into bureau_data.communities values (1, '大闸社区')")
    with pytest.raises(WorkspaceError, match="is not a workspace of this plugin"):
        Workspace.open(f"postgres:{pg_connection.name}/bureau_data")
    assert _psql_rows(cluster, "select tablename from pg_tables where schemaname = 'bureau_data'") == ["communities"]
    assert _psql_rows(cluster, "select * from bureau_data.communities") == ["1|大闸社区"]


def test_an_older_schema_is_upgraded_in_place_keeping_its_rows(postgis, pg_connection):
    schema = postgis.backend.schema
    cluster = pg_connection.cluster
    register = AssetRegister.from_workspace(postgis)
    register.add({"asset_type": "civil_defence", "name": "人防", "area_m2": "500"}, POINT)
    register.assets = register.events = None
    # back to what version 6 had: no satisfaction or project_sites tables, no asset level
    cluster.psql(
        f"drop table {schema}.satisfaction; drop table {schema}.project_sites; "
        f"alter table {schema}.idle_assets drop column level; "
        f"update {schema}.fifteenmin_meta set value = '6' where key = 'schema_version'"
    )
    upgraded = Workspace.open(postgis.location)
    added = {(item.layer, item.field) for item in upgraded.upgrades}
    assert {("satisfaction", None), ("project_sites", None), ("idle_assets", "level")} <= added
    assert _psql_rows(cluster, f"select name, area_m2 from {schema}.idle_assets") == ["人防|500"]
    assert _psql_rows(cluster, f"select value from {schema}.fifteenmin_meta where key = 'schema_version'") == [
        str(SCHEMA_VERSION)
    ]
    assert upgraded.layer("project_sites").isValid()


def test_a_server_that_goes_away_mid_run_gets_a_sentence_and_keeps_what_was_committed(qgis_app):
    """A dedicated cluster is stopped under an open workspace: the next write and the next open are refused
    with a sentence (the log has QGIS's failed connections, never the password), and after a restart the server
    holds exactly what was committed before."""
    from tests.qgis.conftest import AUTH_MASTER_PASSWORD

    assert QgsApplication.authManager().setMasterPassword(AUTH_MASTER_PASSWORD, True)
    cluster = PgCluster.start_new(fast=False)  # durable: what was committed survives the crash
    authcfg = save_qgis_connection(cluster, "fifteenmin-goes-away")
    logged = []

    def keep(message, *_):
        logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        workspace = Workspace.create("postgres:fifteenmin-goes-away/district")
        register = AssetRegister.from_workspace(workspace)
        first = register.add({"asset_type": "parking", "name": "夜间停车"}, POINT)
        cluster.stop(immediate=True)  # the server crashes
        with pytest.raises(FifteenMinError) as caught:
            register.add({"asset_type": "vacant_shop", "name": "空置商铺"}, POINT)
        assert (
            "unchanged" in caught.value.message and "connection to the database server was lost" in caught.value.message
        )
        with pytest.raises(WorkspaceError, match="cannot be reached"):
            Workspace.open(workspace.location)
        register.assets = register.events = None
        cluster.start()
        assert _psql_rows(cluster, "select asset_id, name from district.idle_assets") == [f"{first}|夜间停车"]
        assert _psql_rows(cluster, "select count(*) from district.asset_events") == ["1"]
        assert not [message for message in logged if cluster.password in message]
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
        remove_qgis_connection("fifteenmin-goes-away", authcfg)
        cluster.remove()


def test_location_text_form_round_trips():
    for text in ("postgres:城建局 PostGIS/haidian_2026", "postgres:service=bureau/haidian"):
        location = PostgisLocation.parse(text)
        assert location is not None and str(location) == text
    assert PostgisLocation.parse("/data/haidian.gpkg") is None
    assert PostgisLocation.parse("postgres:service=bureau/haidian").service == "bureau"


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
