"""The Facilities page's place search: the service choice, its key state from the Auth Manager, the request
estimate, and a run through the runner against a loopback fake of each service (the fakes of test_poi_providers)."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.facilities.poi_api.providers import make_provider
from fifteen_min_plugin.core.facilities.poi_import import estimate_requests
from tests.qgis import test_facilities_page as facilities_tests
from tests.qgis import test_poi_providers as provider_tests
from tests.qgis.test_facilities_page import _wait
from tests.qgis.test_poi_providers import BOX, KEY, NAMES, STREET, STREET_COUNTS, serve, setup

# the page with its workspace, and the loopback server of the service fakes
empty_workspace = facilities_tests.empty_workspace
workspace = facilities_tests.workspace
project = facilities_tests.project
page = facilities_tests.page
server = provider_tests.server


@pytest.fixture()
def keys(qgis_app):
    """One key per service in the real authentication database; none remembered afterwards."""
    assert QgsApplication.authManager().setMasterPassword("fifteen-min-test-master", True)
    stored = {}
    yield stored
    for name, authcfg in stored.items():
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)
        ApiKeys.remember(name, "")


def show_box(page) -> None:
    page.canvas.window().show()  # a hidden canvas keeps its initial tiny map size
    page.canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    page.canvas.setExtent(QgsRectangle(*BOX))


@pytest.mark.parametrize("name", NAMES)
def test_each_service_imports_from_the_page(page, workspace, server, keys, name):
    """Choosing the service offers its remembered key (named, never shown), estimates the requests before the
    run, and the run lands every shop in the workspace with the service as source, classified by its class."""
    keys[name] = ApiKeys.store(f"{name} key", KEY)
    ApiKeys.remember(name, keys[name])
    rng = random.Random(3)
    spots = [(rng.uniform(116.346, 116.358), rng.uniform(39.999, 40.008)) for _ in STREET]
    setup(server, name, 0)
    shops = {f"{name[:2]}{i:03d}": (f"门店{i}号", *spots[i]) for i in range(len(STREET))}
    serve(server.fake, shops)
    server.fake.classes = {poi_id: STREET[i][NAMES.index(name) + 1] for i, poi_id in enumerate(shops)}
    show_box(page)

    page.provider_combo.setCurrentIndex(NAMES.index(name) + 1)
    assert page.auth_select.configId() == keys[name]
    assert f"{name} key" in page.key_state_label.text() and KEY not in page.key_state_label.text()
    page.keywords_edit.setText("门店")
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())
    assert measure.setEllipsoid("WGS84")
    expected = measure.measureArea(QgsGeometry.fromRect(page.canvas.extent())) / 1e6 * 30  # fewer than any cap
    provider = make_provider(name)
    assert f"About {math.ceil(expected / provider.page_size)} requests" in page.estimate_label.text()
    page.service_url = server.base_url
    page.amap_button.click()
    _wait(page)

    layer = QgsVectorLayer(f"{workspace.path}|layername=facilities", "check", "ogr")
    rows = {feature["source_id"]: feature for feature in layer.getFeatures()}
    assert sorted(rows) == sorted(shops)
    assert {feature["source"] for feature in rows.values()} == {name}
    assert Counter(feature["category"] or None for feature in rows.values()) == STREET_COUNTS
    assert sum(server.fake.answered.values()) == 1


def test_a_service_without_a_key_says_so_and_sends_nothing(page, workspace, server, keys):
    setup(server, "baidu", 5)
    ApiKeys.remember("baidu", "")
    show_box(page)
    page.provider_combo.setCurrentIndex(2)
    assert page.auth_select.configId() == ""
    assert "missing" in page.key_state_label.text() and " ak " in page.key_state_label.text()
    page.keywords_edit.setText("超市")
    page.service_url = server.base_url
    page.amap_button.click()
    assert page.task is None and not server.fake.hits
    assert "Baidu" in page.bar.items()[-1].text()


def test_the_estimate_follows_the_split_and_page_rule():
    """Independent count: with the assumed 30 POIs per km² and term, 10 km² is 300 POIs, one Amap cell of 12
    pages of 25; 100 km² is 3000 POIs, beyond the cap of 900: one split request, then four cells of 750 POIs,
    30 pages each."""
    amap = make_provider("amap")
    assert estimate_requests(amap, 10.0, 1) == math.ceil(300 / 25) == 12
    assert estimate_requests(amap, 100.0, 1) == 1 + 4 * math.ceil(750 / 25) == 121
    tencent = make_provider("tencent")  # cap 200, pages of 20: 3000 POIs need 16 cells (2 levels of splits)
    assert estimate_requests(tencent, 100.0, 1) == 5 + 16 * math.ceil(3000 / 16 / 20)
