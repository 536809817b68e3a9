"""Fault injection on the workspace write path: kill -9, a full disk, a read-only file and two writers at once.

The writers are child processes (this file run as a script: QGIS headless, one plugin write) so that they can be
killed at any instant and can hold the database against each other. Every outcome is checked on the file with
Python's sqlite3, independently of QGIS and GDAL: `PRAGMA integrity_check`, the R-tree holds a row per feature,
and the write happened completely or not at all.

A full disk is simulated with SQLite's `max_page_count`, applied by GDAL to each connection it opens
(OGR_SQLITE_PRAGMA). A read-only workspace is a file with mode 0444 written by a child that runs as the
unprivileged user `nobody` when the tests run as root (root ignores file modes, so chmod alone proves nothing).
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import pytest

import fifteen_min_plugin

SEED = 17
TRIALS = 10
ROOT = Path(fifteen_min_plugin.__file__).resolve().parents[1]
ORIGIN = "amap"
#: exit status of a child whose write was refused with a sentence (printed on stdout)
REFUSED = 3
#: outcomes of every trial, printed at the end of the module (the issue's table)
TALLY: dict[str, Counter] = {}


# --- the child: one write through the plugin, started as `python test_faults.py <operation> <workspace> ...`


def _points(count: int, south: float = 39.5) -> list[tuple[str, float, float]]:
    """Facility points on a 200 m grid from latitude `south` (far enough apart never to be merged as duplicates)."""
    return [
        (f"id{number}", 116.0 + (number % 400) * 0.0025, south + (number // 400) * 0.0025) for number in range(count)
    ]


def _child_source(count: int, south: float = 39.5):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=source_id:string&field=name:string&field=category:string", "source", "memory"
    )
    features = []
    for source_id, x, y in _points(count, south):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([source_id, f"便利店 {source_id}", "convenience_store"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def _coverage_result(count: int, grade: str, missing: str = ""):
    """Coverage rows c0…c<count-1> of one grade; a long `missing` text makes the new rows larger than the old."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4326&field=circle_id:string&field=grade:string&field=n_pharmacy:integer"
        "&field=missing_basic:string",
        "coverage",
        "memory",
    )
    features = []
    for number in range(count):
        x, y = 116.0 + (number % 100) * 0.01, 39.5 + (number // 100) * 0.01
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"c{number}", grade, number, missing or None])
        feature.setGeometry(
            QgsGeometry.fromWkt(f"MultiPolygon ((({x} {y}, {x + 0.005} {y}, {x + 0.005} {y + 0.005}, {x} {y})))")
        )
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def _child(operation: str, path: str, *arguments: str) -> int:
    from qgis.core import QgsApplication, QgsCoordinateTransformContext, QgsGeometry, QgsPointXY

    app = QgsApplication([], False)
    app.initQgis()
    from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
    from fifteen_min_plugin.core.assets.register import AssetRegister
    from fifteen_min_plugin.core.errors import FifteenMinError
    from fifteen_min_plugin.core.facilities.classify import Classifier
    from fifteen_min_plugin.core.facilities.importer import append_facilities
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    workspace = Workspace.open(path)
    context = QgsCoordinateTransformContext()
    result: dict = {}
    try:
        if operation == "append":
            source, classifier = _child_source(int(arguments[0])), Classifier.default()
            facilities = workspace.layer("facilities")
            _ready()
            summary = append_facilities(source, facilities, context, ORIGIN, classifier)
            result = {"added": summary.added, "already": summary.already_present}
        elif operation == "coverage":
            rows = _coverage_result(int(arguments[0]), arguments[1])
            layer = workspace.layer("coverage")
            _ready()
            replace_coverage(layer, rows, context)
        elif operation == "asset":
            AssetRegister.from_workspace(workspace, user="setup").add(
                {"asset_type": "civil_defence", "name": "人防工程"}, QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0))
            )
            _ready()
        elif operation == "status":
            register = AssetRegister.from_workspace(workspace, user=f"writer {os.getpid()}")
            _ready()
            refused: Counter = Counter()
            done = 0
            for _ in range(int(arguments[0])):
                status = register.get("IA-00001")["status"]
                try:
                    register.set_status("IA-00001", "under_review" if status == "candidate" else "candidate")
                    done += 1
                except FifteenMinError as error:
                    busy = "writing to the workspace" in error.message or "locked" in error.details.lower()
                    refused["locked" if busy else "transition"] += 1
            result = {"done": done, "refused": dict(refused)}
        else:
            raise ValueError(operation)
    except FifteenMinError as error:
        print(json.dumps({"refused": error.message, "details": error.details[:2000]}), flush=True)
        return REFUSED
    print(json.dumps(result), flush=True)
    return 0


def _ready() -> None:
    """Tell the parent the write starts now; with a `go` argument wait for its word first."""
    print("ready", flush=True)
    if os.environ.get("FAULTS_WAIT_FOR_GO"):
        sys.stdin.readline()


# --- the parent side


def _spawn(
    operation: str, path: Path, *arguments: object, wait_for_go: bool = False, user: Optional[int] = None
) -> subprocess.Popen:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_NO_OVERRIDE_IMPORT="1",
        PYTHONPATH=str(ROOT),
        FAULTS_WAIT_FOR_GO="1" if wait_for_go else "",
    )
    env.pop("OGR_SQLITE_PRAGMA", None)
    preexec = None
    if user is not None:
        env["HOME"] = str(path.parent)

        def preexec() -> None:
            os.setgid(user)
            os.setuid(user)

    return subprocess.Popen(
        [sys.executable, __file__, operation, str(path), *map(str, arguments)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=str(path.parent),
        preexec_fn=preexec,
    )


def _line(child: subprocess.Popen, seconds: float = 120.0) -> str:
    """The child's next line of output; a child that says nothing for `seconds` is killed and fails the test."""
    if not select.select([child.stdout], [], [], seconds)[0]:
        child.kill()
        pytest.fail(f"the child said nothing for {seconds:.0f} s")
    return child.stdout.readline()


def _wait_ready(child: subprocess.Popen) -> None:
    line = _line(child)
    assert line.strip() == "ready", f"the child did not start: {line!r}, exit {child.poll()}"


def _finish(child: subprocess.Popen) -> tuple[int, dict]:
    child.stdin.close()
    try:
        child.wait(timeout=120)  # its output is a few lines: it cannot block on a full pipe
    except subprocess.TimeoutExpired:
        child.kill()
        raise
    out = child.stdout.read()  # after what _line() already buffered, not around it as communicate() would
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return child.returncode, json.loads(lines[-1]) if lines else {}


def _sql(path: Path, statement: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(statement).fetchall()
    finally:
        connection.close()


def _sound(path: Path, spatial: tuple[str, ...]) -> None:
    """The file is a sound SQLite database whose R-trees index exactly the rows of their tables."""
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    for table in spatial:
        rows = _sql(path, f"SELECT count(*) FROM {table} WHERE geom IS NOT NULL")[0][0]
        assert _sql(path, f"SELECT count(*) FROM rtree_{table}_geom") == [(rows,)], table


@pytest.fixture(scope="module", autouse=True)
def tally():
    """Print the trial counts and outcomes of the module when it ends (shown with `pytest -s`)."""
    yield TALLY
    for name, outcomes in TALLY.items():
        print(f"\n{name}: " + "; ".join(f"{key} {value}" for key, value in sorted(outcomes.items())))


@pytest.fixture(scope="module")
def template(tmp_path_factory, qgis_app) -> Path:
    """An empty workspace, copied by each trial."""
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    return Workspace.create(tmp_path_factory.mktemp("faults") / "template.gpkg").path


def _copy(template: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(template, folder / name))


def _with_coverage(path: Path, count: int, grade: str) -> None:
    from qgis.core import QgsProject

    from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    replace_coverage(
        Workspace.open(path).layer("coverage"), _coverage_result(count, grade), QgsProject.instance().transformContext()
    )


def _with_asset(path: Path) -> None:
    from qgis.core import QgsGeometry, QgsPointXY

    from fifteen_min_plugin.core.assets.register import AssetRegister
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    register = AssetRegister.from_workspace(Workspace.open(path), user="setup")
    register.add({"asset_type": "civil_defence", "name": "人防工程"}, QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))


def _status_chain(path: Path) -> str:
    """The asset's status, after checking that its status history is one unbroken chain ending there."""
    events = _sql(path, "SELECT old_value, new_value FROM asset_events WHERE field = 'status' ORDER BY fid")
    current = "candidate"
    for old, new in events:
        assert old == current, f"history breaks: {old} follows {current}"
        current = new
    (status,) = _sql(path, "SELECT status FROM idle_assets WHERE asset_id = 'IA-00001'")[0]
    assert status == current
    return status


# --- kill -9


KILLS = {
    # operation, its argument, prepare the workspace, (state before, state after a complete run)
    "append": ((4000,), lambda path: None),
    "coverage": ((1500, "B"), lambda path: _with_coverage(path, 1500, "A")),
    "status": ((41,), _with_asset),
}


def _state(operation: str, path: Path) -> object:
    if operation == "append":
        _sound(path, ("facilities",))
        return _sql(path, "SELECT count(*), count(DISTINCT source_id) FROM facilities")[0]
    if operation == "coverage":
        _sound(path, ("coverage",))
        return tuple(_sql(path, "SELECT grade, count(*) FROM coverage GROUP BY grade"))
    _sound(path, ("idle_assets",))
    return _status_chain(path)


@pytest.mark.parametrize("operation", sorted(KILLS))
def test_kill_9_at_random_points_leaves_all_or_nothing(operation, template, tmp_path):
    arguments, prepare = KILLS[operation]
    base = _copy(template, tmp_path / "base", "ws.gpkg")
    prepare(base)
    before = _state(operation, base)
    # one complete run: the state after, and how long the write takes
    complete = _copy(base, tmp_path / "complete", "ws.gpkg")
    child = _spawn(operation, complete, *arguments)
    _wait_ready(child)
    started = time.monotonic()
    _line(child)  # the result, printed as soon as the write returns (QGIS then takes a while to exit)
    duration = time.monotonic() - started
    status, _ = _finish(child)
    assert status == 0
    after = _state(operation, complete)
    assert after != before

    outcomes: Counter = Counter()
    chance = random.Random(f"{SEED}-{operation}")
    for pair in range(0, TRIALS, 2):  # two trials at a time, one per core
        trials = []
        for number in (pair, pair + 1):
            path = _copy(base, tmp_path / f"trial{number}", "ws.gpkg")
            trials.append((path, _spawn(operation, path, *arguments), chance.uniform(0.0, 1.1 * duration)))
        for _, child, _ in trials:
            _wait_ready(child)
        started = time.monotonic()
        for _, child, delay in sorted(trials, key=lambda trial: trial[2]):
            time.sleep(max(0.0, started + delay - time.monotonic()))
            child.send_signal(signal.SIGKILL)
        for path, child, _ in trials:
            child.wait(timeout=60)
            state = _state(operation, path)
            if operation == "status":
                outcomes["killed mid-way, history unbroken"] += 1
            else:
                assert state in (before, after), state
                outcomes["nothing written" if state == before else "everything written"] += 1
            killed = child.returncode == -signal.SIGKILL
            outcomes["(killed before it ended)" if killed else "(ended before the kill)"] += 1
    TALLY[f"kill -9 during {operation} ({TRIALS} trials)"] = outcomes
    assert outcomes["(killed before it ended)"] >= TRIALS // 2


# --- a full disk


@contextmanager
def _disk_of(path: Path, extra_pages: int):
    """Connections GDAL opens from now on may grow the file by `extra_pages` pages only."""
    from osgeo import gdal

    pages = _sql(path, "PRAGMA page_count")[0][0] + extra_pages
    gdal.SetConfigOption("OGR_SQLITE_PRAGMA", f"max_page_count={pages}")
    try:
        yield
    finally:
        gdal.SetConfigOption("OGR_SQLITE_PRAGMA", None)


@pytest.mark.parametrize("extra_pages", [0, 8, 60, 250, 2000])
def test_a_full_disk_during_an_import_leaves_the_facilities_as_they_were(extra_pages, template, tmp_path, qgis_app):
    from qgis.core import QgsProject

    from fifteen_min_plugin.core.errors import FifteenMinError
    from fifteen_min_plugin.core.facilities.classify import Classifier
    from fifteen_min_plugin.core.facilities.importer import append_facilities
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    path = _copy(template, tmp_path, "ws.gpkg")
    context = QgsProject.instance().transformContext()
    append_facilities(
        _child_source(300, south=41.0), Workspace.open(path).layer("facilities"), context, "osm", Classifier.default()
    )
    before = _sql(path, "SELECT * FROM facilities ORDER BY fid")
    refusal = ""
    with _disk_of(path, extra_pages):
        facilities = Workspace.open(path).layer("facilities")
        try:
            summary = append_facilities(_child_source(8000), facilities, context, ORIGIN, Classifier.default())
        except FifteenMinError as error:
            summary, refusal = None, error.message
        del facilities
    _sound(path, ("facilities",))
    rows = _sql(path, "SELECT * FROM facilities ORDER BY fid")
    tally = TALLY.setdefault("full disk during an 8,000-row import", Counter())
    if summary is None:
        assert len(rows) == len(before), f"{len(rows) - len(before)} rows stayed after: {refusal}"
        assert rows == before
        assert "it is unchanged" in refusal and "disk holding the workspace is full" in refusal
        tally[f"+{extra_pages} pages: refused, unchanged"] += 1
    else:
        assert summary.added == 8000 and len(rows) == len(before) + 8000
        tally[f"+{extra_pages} pages: all written"] += 1
    # the workspace stays usable once there is room again
    assert append_facilities(
        _child_source(8000), Workspace.open(path).layer("facilities"), context, ORIGIN, Classifier.default()
    ).added in (0, 8000)
    assert _sql(path, f"SELECT count(*) FROM facilities WHERE source = '{ORIGIN}'") == [(8000,)]
    _sound(path, ("facilities",))


@pytest.fixture()
def small_disk() -> Iterator[Path]:
    """A folder on a 600 kB tmpfs: a disk that really fills up (mounting needs root; skipped otherwise)."""
    folder = Path(tempfile.mkdtemp(prefix="fifteen-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip("mounting a small tmpfs needs root and the right to mount")
    yield folder
    subprocess.run(["umount", "--lazy", str(folder)], check=False)
    folder.rmdir()


def test_a_really_full_disk_leaves_no_row_and_no_index_entry(small_disk, template, qgis_app):
    """On a full file system GDAL's deferred R-tree entries used to land after SQLite had ended the transaction."""
    from qgis.core import QgsProject

    from fifteen_min_plugin.core.errors import FifteenMinError
    from fifteen_min_plugin.core.facilities.classify import Classifier
    from fifteen_min_plugin.core.facilities.importer import append_facilities
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    path = _copy(template, small_disk, "ws.gpkg")
    context = QgsProject.instance().transformContext()
    facilities = Workspace.open(path).layer("facilities")
    append_facilities(_child_source(300, south=41.0), facilities, context, "osm", Classifier.default())
    before = _sql(path, "SELECT * FROM facilities ORDER BY fid")
    with pytest.raises(FifteenMinError) as raised:
        append_facilities(_child_source(20000), facilities, context, ORIGIN, Classifier.default())
    del facilities
    assert _sql(path, "SELECT * FROM facilities ORDER BY fid") == before
    _sound(path, ("facilities",))
    assert "it is unchanged" in raised.value.message and "disk holding the workspace is full" in raised.value.message
    TALLY["a 600 kB file system, 20,000-row import"] = Counter({"refused, unchanged, R-tree matches": 1})


@pytest.mark.parametrize("extra_pages", [0, 40, 1000])
def test_a_full_disk_during_a_coverage_replacement_or_a_status_change_is_all_or_nothing(
    extra_pages, template, tmp_path, qgis_app
):
    from qgis.core import QgsProject

    from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
    from fifteen_min_plugin.core.assets.register import AssetRegister
    from fifteen_min_plugin.core.errors import FifteenMinError
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    path = _copy(template, tmp_path, "ws.gpkg")
    _with_coverage(path, 1500, "A")
    _with_asset(path)
    coverage_before = _sql(path, "SELECT * FROM coverage ORDER BY fid")
    with _disk_of(path, extra_pages):
        workspace = Workspace.open(path)
        try:
            replace_coverage(
                workspace.layer("coverage"),
                _coverage_result(1500, "B", "laundry;" * 30),
                QgsProject.instance().transformContext(),
            )
            replaced, refusal = True, ""
        except FifteenMinError as error:
            replaced, refusal = False, error.message
        register = AssetRegister.from_workspace(workspace, user="full")
        changes, register_refusal = 0, ""
        try:
            for _ in range(30):
                status = register.get("IA-00001")["status"]
                register.set_status(
                    "IA-00001", "under_review" if status == "candidate" else "candidate", note="x" * 3000
                )
                changes += 1
        except FifteenMinError as error:
            register_refusal = error.message
        register.assets = register.events = None
    _sound(path, ("coverage", "idle_assets"))
    grades = _sql(path, "SELECT grade, count(*) FROM coverage GROUP BY grade")
    assert grades == ([("B", 1500)] if replaced else [("A", 1500)])
    if not replaced:
        assert _sql(path, "SELECT * FROM coverage ORDER BY fid") == coverage_before
        assert "it is unchanged" in refusal and "disk holding the workspace is full" in refusal
    _status_chain(path)
    assert _sql(path, "SELECT count(*) FROM asset_events WHERE field = 'status'") == [(changes,)]
    if register_refusal:
        assert "the register is unchanged" in register_refusal or "nothing was changed" in register_refusal
    TALLY.setdefault("full disk, coverage replacement of 1,500 rows", Counter())[
        f"+{extra_pages} pages: {'all replaced' if replaced else 'refused, unchanged'}"
    ] += 1
    TALLY.setdefault("full disk, 30 status changes with 3 kB notes", Counter())[
        f"+{extra_pages} pages: {changes} made{', then refused' if register_refusal else ''}, history unbroken"
    ] += 1


def _circles_result(count: int):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=origin_id:string&field=minutes:integer", "r", "memory")
    features = []
    for number in range(count):
        x, y = 116.0 + (number % 50) * 0.02, 39.5 + (number // 50) * 0.02
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"C{number}", 15])
        feature.setGeometry(
            QgsGeometry.fromWkt(f"MultiPolygon ((({x} {y}, {x + 0.01} {y}, {x + 0.01} {y + 0.01}, {x} {y})))")
        )
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


@pytest.mark.parametrize("fault", ["full disk", "deletes refused"])
def test_a_circle_rerun_that_cannot_replace_the_old_circles_changes_nothing(fault, template, tmp_path, qgis_app):
    from qgis.core import QgsProject

    from fifteen_min_plugin.core.circles.writer import existing_circles, replace_circles, write_circles
    from fifteen_min_plugin.core.errors import FifteenMinError
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    path = _copy(template, tmp_path, "ws.gpkg")
    context = QgsProject.instance().transformContext()
    write_circles(Workspace.open(path).layer("circles"), _circles_result(400), context)
    before = _sql(path, "SELECT * FROM circles ORDER BY fid")
    if fault == "deletes refused":
        _sql(path, "CREATE TRIGGER keep BEFORE DELETE ON circles BEGIN SELECT RAISE(ABORT, 'kept'); END")
    with _disk_of(path, 0 if fault == "full disk" else 100_000):
        circles = Workspace.open(path).layer("circles")
        replaced = existing_circles(circles, "radius", {f"C{number}" for number in range(400)})
        assert len(replaced) == 400
        with pytest.raises(FifteenMinError, match="could not be replaced; the circles layer is unchanged"):
            replace_circles(circles, _circles_result(400), context, "radius", replaced)
        del circles
    _sound(path, ("circles",))
    assert _sql(path, "SELECT * FROM circles ORDER BY fid") == before
    TALLY.setdefault("circle re-run replacing 400 circles", Counter())[f"{fault}: refused, unchanged"] += 1


# --- a read-only workspace


NOBODY = 65534


def _can_run_as(user: int, folder: Path) -> bool:
    """Whether `user` can start this Python and import the plugin and QGIS (the checkout may be private)."""

    def drop() -> None:
        os.setgid(user)
        os.setuid(user)

    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(folder))
    probe = subprocess.run(
        [sys.executable, "-c", "import fifteen_min_plugin, qgis.core"],
        env=env,
        cwd=str(folder),
        preexec_fn=drop,
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.fixture()
def shared_folder() -> Iterator[Path]:
    """A folder every user can reach and write (pytest's own temporary folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="fifteen-faults-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _refused_everywhere(path: Path, user: Optional[int]) -> Counter:
    """Every kind of write into `path` is refused with a read-only sentence and leaves the file as it was."""
    before = path.read_bytes()
    outcomes: Counter = Counter()
    for operation, arguments in (("append", (500,)), ("coverage", (50, "B")), ("status", (1,))):
        child = _spawn(operation, path, *arguments, user=user)
        _wait_ready(child)
        status, result = _finish(child)
        if operation == "status":
            assert status == 0 and result.get("done") == 0 and sum(result["refused"].values()) == 1, result
        else:
            assert status == REFUSED, result
            assert "read-only" in result["refused"], result
        outcomes[f"{operation}: refused with a sentence, file unchanged"] += 1
        assert path.read_bytes() == before
    return outcomes


def test_a_read_only_workspace_file_refuses_every_write_with_a_sentence(template, shared_folder):
    path = _copy(template, shared_folder, "ws.gpkg")
    _with_asset(path)
    path.chmod(0o444)  # the SQLite side files can be made beside it; the workspace itself cannot be written
    user = NOBODY if os.geteuid() == 0 else None  # root ignores file modes: write as `nobody`
    if user is not None and not _can_run_as(user, shared_folder):
        pytest.skip("the user `nobody` cannot read this checkout or its Python; run the tests as a normal user")
    TALLY["read-only workspace file (mode 0444, writer not root)"] = _refused_everywhere(path, user)


def test_a_workspace_on_a_read_only_file_system_refuses_every_write_with_a_sentence(template, small_disk):
    """A read-only mount stops root too (this is what a read-only network share looks like)."""
    path = _copy(template, small_disk, "ws.gpkg")
    assert _finish(_spawn("asset", path))[0] == 0  # written by a process that has ended: no connection stays open
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, check=False)
    assert remounted.returncode == 0, remounted.stderr
    TALLY["workspace on a read-only file system (writer root)"] = _refused_everywhere(path, None)


# --- two writers at once


def test_two_imports_of_the_same_source_at_once_add_it_once(template, tmp_path):
    outcomes: Counter = Counter()
    for trial in range(3):
        path = _copy(template, tmp_path / f"t{trial}", "ws.gpkg")
        children = [_spawn("append", path, 3000, wait_for_go=True) for _ in range(2)]
        for child in children:
            _wait_ready(child)
        for child in children:
            print("go", file=child.stdin, flush=True)
        results = [_finish(child) for child in children]
        assert [status for status, _ in results] == [0, 0], results
        assert sorted(result["added"] for _, result in results) == [0, 3000]
        _sound(path, ("facilities",))
        assert _sql(path, "SELECT count(*), count(DISTINCT source_id) FROM facilities") == [(3000, 3000)]
        outcomes["3,000 rows once; the second import found them present"] += 1
    TALLY["import × import, same source (3 trials)"] = outcomes


def test_two_writers_changing_one_asset_keep_its_history_unbroken(template, tmp_path):
    outcomes: Counter = Counter()
    for trial in range(2):
        path = _copy(template, tmp_path / f"t{trial}", "ws.gpkg")
        _with_asset(path)
        children = [_spawn("status", path, 60, wait_for_go=True) for _ in range(2)]
        for child in children:
            _wait_ready(child)
        for child in children:
            print("go", file=child.stdin, flush=True)
        results = [_finish(child) for child in children]
        assert [status for status, _ in results] == [0, 0], results
        _status_chain(path)
        done = sum(result["done"] for _, result in results)
        locked = sum(result["refused"].get("locked", 0) for _, result in results)
        raced = sum(result["refused"].get("transition", 0) for _, result in results)
        assert locked <= 0.01 * 2 * 60  # waited for, not refused (the old code refused about half as locked)
        assert _sql(path, "SELECT count(*) FROM asset_events WHERE field = 'status'") == [(done,)]
        outcomes["changes applied"] += done
        outcomes["refused: the other writer had just made that move"] += raced
        outcomes["refused: database locked"] += locked
    TALLY["status × status, one asset (2 trials of 2 × 60)"] = outcomes


if __name__ == "__main__":
    sys.exit(_child(*sys.argv[1:]))
