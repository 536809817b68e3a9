"""The OpenStreetMap extracts bundled in data/osm/ (© OpenStreetMap contributors, ODbL 1.0) as readable .osm files.

The repository keeps them gzip-compressed (`<name>.osm.gz`). `osm_extract` hands back a plain .osm path that
GDAL's OSM driver, xml.etree and the plugin's own reader all open: the file itself where it exists uncompressed,
else the .gz decompressed once per process into a temporary folder removed when the process ends.
Tests, benchmarks and scripts/make_sample.py read the extracts only through this module.
"""

from __future__ import annotations

import atexit
import gzip
import shutil
import tempfile
from functools import cache
from pathlib import Path

OSM_DIR = Path(__file__).resolve().parents[1] / "data" / "osm"
HAIDIAN = "beijing_haidian_cau.osm"
SHANGHAI = "shanghai_center.osm"
#: the folder the .gz files are decompressed into, created on first use and removed at interpreter exit
_UNPACKED: list[tempfile.TemporaryDirectory] = []


@cache
def osm_extract(name: str, folder: Path = OSM_DIR) -> Path:
    """A readable path to the extract `name` (e.g. `beijing_haidian_cau.osm`) found in `folder` as is or gzipped.

    Raises FileNotFoundError naming both candidates when neither exists.
    """
    plain = folder / name
    if plain.is_file():
        return plain
    packed = folder / f"{name}.gz"
    if not packed.is_file():
        raise FileNotFoundError(f"OpenStreetMap extract {name} not found: neither {plain} nor {packed} exists")
    if not _UNPACKED:
        _UNPACKED.append(tempfile.TemporaryDirectory(prefix="fifteen_min_osm_"))
        atexit.register(_UNPACKED[0].cleanup)
    target = Path(tempfile.mkdtemp(dir=_UNPACKED[0].name)) / name  # keeps the extract's own file name
    with gzip.open(packed, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)
    return target
