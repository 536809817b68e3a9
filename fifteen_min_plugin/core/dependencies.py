"""Check the optional scientific stack at load time and say how to install what is missing."""

from __future__ import annotations

import importlib
import platform
from dataclasses import dataclass

from fifteen_min_plugin.core.language import Messages

#: import name -> (pip requirement, minimum version or "")
REQUIREMENTS: dict[str, tuple[str, str]] = {
    "shapely": ("shapely>=2", "2.0"),
    "pyproj": ("pyproj>=3.3", "3.3"),
    "numpy": ("numpy", ""),
    "scipy": ("scipy", ""),
    "requests": ("requests", ""),
}


@dataclass(frozen=True)
class MissingDependency:
    """A package that is absent or too old."""

    module: str
    requirement: str
    found: str  # installed version, "" when absent


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def missing_dependencies() -> list[MissingDependency]:
    """Return every required package that cannot be imported or is older than needed."""
    missing = []
    for module, (requirement, minimum) in REQUIREMENTS.items():
        try:
            found = str(getattr(importlib.import_module(module), "__version__", ""))
        except ImportError:
            missing.append(MissingDependency(module, requirement, ""))
            continue
        if minimum and _version_tuple(found) < _version_tuple(minimum):
            missing.append(MissingDependency(module, requirement, found))
    return missing


def install_command(missing: list[MissingDependency], system: str | None = None) -> str:
    """The exact command a user of this platform runs to install the missing packages."""
    system = system or platform.system()
    requirements = " ".join(f'"{item.requirement}"' for item in missing)
    if system == "Windows":
        return f"OSGeo4W Shell: python -m pip install --upgrade {requirements}"
    if system == "Darwin":
        return f"/Applications/QGIS-LTR.app/Contents/MacOS/bin/python3 -m pip install --user --upgrade {requirements}"
    from_apt = [f"python3-{item.module}" for item in missing if item.module != "shapely"]
    commands = [f"sudo apt install {' '.join(from_apt)}"] if from_apt else []
    if any(item.module == "shapely" for item in missing):
        # Debian 12 ships shapely 1.8 only: shapely 2 comes from pip.
        commands.append('python3 -m pip install --user --break-system-packages "shapely>=2"')
    return " && ".join(commands)


class DependencyMessages(Messages):
    """Translation context for this module (pylupdate5 takes the enclosing class as context)."""

    @classmethod
    def missing(cls, missing: list[MissingDependency], system: str | None = None) -> str:
        """A translated sentence naming the packages and the command that installs them."""
        names = ", ".join(
            item.module if not item.found else f"{item.module} {item.found} (< {item.requirement})" for item in missing
        )
        return DependencyMessages.tr(
            "Missing Python packages: {names}. Features that need them are disabled. Install with: {command}"
        ).format(names=names, command=install_command(missing, system))


missing_message = DependencyMessages.missing
