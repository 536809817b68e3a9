"""A throwaway QGIS profile with the packaged plugin installed and enabled."""

from __future__ import annotations

import shutil
import site
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "fifteen_min_plugin"


def prepare_profile(base: Path, locale: str = "", zip_path: Path | None = None) -> Path:
    """Unpack dist/fifteen_min_plugin.zip into `base`/profiles/default and enable it; return the profiles path."""
    zip_path = zip_path or ROOT / "dist" / f"{PLUGIN}.zip"
    plugins = plugins_dir(base)
    shutil.rmtree(plugins / PLUGIN, ignore_errors=True)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    return enable_plugin(base, locale)


def plugins_dir(base: Path) -> Path:
    """The Python plugin folder of the default profile under `base`."""
    return base / "profiles" / "default" / "python" / "plugins"


def enable_plugin(base: Path, locale: str = "") -> Path:
    """Write the default profile's settings under `base`: the plugin enabled, no tips; return `base`."""
    settings = base / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "[PythonPlugins]",
        f"{PLUGIN}=true",
        "",
        "[qgis]",
        "showTips=false",
        "checkVersion=false",
        "allowVersionCheck=false",
        "",
        "[locale]",
        f"overrideFlag={'true' if locale else 'false'}",
        f"userLocale={locale}",
        f"globalLocale={locale}",
    ]
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return base


def venv_pythonpath() -> str:
    """The venv's site-packages, so QGIS's system Python sees shapely 2 (Debian 12 ships 1.8)."""
    return ":".join(site.getsitepackages())
