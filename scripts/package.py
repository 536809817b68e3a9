"""Build the Plugin Manager zip and a plugins.xml repository with qgis-plugin-ci, offline.

qgis-plugin-ci archives one git-tracked folder that holds metadata.txt. Here metadata.txt, resources/ and
LICENSE sit beside the package, the compiled .qm files are not tracked, and qgis-plugin-ci rewrites
metadata.txt and resets the work tree (`git checkout -- .`) when it is done. So this wrapper lays the
plugin out as qgis-plugin-ci expects in a throwaway git repository, runs `qgis-plugin-ci package` there
with the version read from metadata.txt, and copies the results into the output folder:

    <out dir>/fifteen_min_plugin.<version>.zip   the file plugins.xml points to
    <out dir>/fifteen_min_plugin.zip             the same zip under a stable name (make install, tests)
    <out dir>/plugins.xml, plugins.xsl           the repository a bureau serves or shares
"""

from __future__ import annotations

import argparse
import configparser
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "fifteen_min_plugin"
SKIP_SUFFIXES = {".pyc", ".ts", ".pro"}
TOP_FILES = ("metadata.txt", "LICENSE", "README.md", "CHANGELOG.md")
REPOSITORY_FILES = ("plugins.xml", "plugins.xsl")


def metadata_version() -> str:
    """The plugin version: metadata.txt is its single source."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def changelog_for_metadata(markdown: str) -> str:
    """CHANGELOG.md as qgis-plugin-ci should read it to fill metadata.txt's `changelog=` with the last versions.

    Its parser ends a version's notes at the next "##", so each "### Added" heading becomes "Added:".
    "%" is doubled for QGIS's metadata parser (configparser interpolation), "\\" for qgis-plugin-ci's re.sub.
    """
    lines = [f"{line[4:]}:" if line.startswith("### ") else line for line in markdown.splitlines()]
    return "\n".join(line.replace("\\", "\\\\").replace("%", "%%") for line in lines) + "\n"


def _ignore(directory: str, names: list[str]) -> set[str]:
    return {name for name in names if name == "__pycache__" or Path(name).suffix in SKIP_SUFFIXES}


def _stage(stage: Path) -> None:
    """Lay out the plugin folder as it is installed, plus the qgis-plugin-ci config and the changelog."""
    plugin_dir = stage / PLUGIN
    shutil.copytree(ROOT / PLUGIN, plugin_dir, ignore=_ignore)
    shutil.copytree(ROOT / "resources", plugin_dir / "resources", ignore=_ignore)
    for name in TOP_FILES:
        shutil.copy2(ROOT / name, plugin_dir / name)
    # qgis-plugin-ci reads its [tool.qgis-plugin-ci] table and the changelog from the repository root
    shutil.copy2(ROOT / "pyproject.toml", stage / "pyproject.toml")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    (stage / "CHANGELOG.md").write_text(changelog_for_metadata(changelog), encoding="utf-8")
    git = ["git", "-C", str(stage), "-c", "user.name=package", "-c", "user.email=package@localhost"]
    for command in (["init", "-q"], ["add", "--force", "."], ["commit", "-q", "--no-gpg-sign", "-m", "package"]):
        subprocess.run([*git, *command], check=True, capture_output=True)


def build(out: Path, repo_url: str | None = None) -> Path:
    """Write the zip to `out`, with the versioned zip and plugins.xml beside it; return `out`.

    `repo_url` is the folder URL the repository will be served from (http://…/ or file:///…/); the
    zip's download URL in plugins.xml is built from it. By default it is the output folder itself.
    """
    if not list((ROOT / "resources" / "i18n").glob("*.qm")):
        raise SystemExit("no .qm files: run `make translations` first")
    out = out.resolve()
    dist = out.parent
    dist.mkdir(parents=True, exist_ok=True)
    repo_url = repo_url or dist.as_uri()
    if not repo_url.endswith("/"):
        repo_url += "/"
    version = metadata_version()
    archive = f"{PLUGIN}.{version}.zip"
    with tempfile.TemporaryDirectory(prefix="fifteen_package_") as tmp:
        stage = Path(tmp)
        _stage(stage)
        command = [sys.executable, "-m", "qgispluginci", "package", version, "--plugin-repo-url", repo_url]
        run = subprocess.run(command, cwd=stage, capture_output=True, text=True, check=False)
        if run.returncode != 0 or not (stage / archive).exists():
            raise SystemExit(f"qgis-plugin-ci package failed:\n{run.stdout}{run.stderr}")
        for stale in dist.glob(f"{PLUGIN}.*.zip"):
            stale.unlink()
        shutil.copy2(stage / archive, dist / archive)
        if out != dist / archive:
            shutil.copy2(stage / archive, out)
        for name in REPOSITORY_FILES:
            shutil.copy2(stage / name, dist / name)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / f"{PLUGIN}.zip")
    parser.add_argument(
        "--repo-url",
        default="",
        help="URL of the folder that will serve plugins.xml and the zip (default: the output folder as file:///)",
    )
    arguments = parser.parse_args()
    built = build(arguments.out, arguments.repo_url or None)
    print(f"Built {built} and {built.parent / 'plugins.xml'}")
