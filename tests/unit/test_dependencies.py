"""Install advice names the packages and suits the platform."""

from fifteen_min_plugin.core.dependencies import MissingDependency, install_command, missing_message

SHAPELY_OLD = MissingDependency("shapely", "shapely>=2", "1.8.5")
SCIPY = MissingDependency("scipy", "scipy", "")


def test_debian_gets_apt_for_packaged_modules_and_pip_for_shapely_2():
    command = install_command([SHAPELY_OLD, SCIPY], "Linux")
    assert "sudo apt install python3-scipy" in command
    assert 'pip install --user --break-system-packages "shapely>=2"' in command


def test_windows_uses_the_osgeo4w_shell():
    assert install_command([SCIPY], "Windows") == 'OSGeo4W Shell: python -m pip install --upgrade "scipy"'


def test_macos_uses_the_bundled_python():
    assert install_command([SCIPY], "Darwin").startswith("/Applications/QGIS-LTR.app/Contents/MacOS/bin/python3")


def test_message_names_old_versions():
    message = missing_message([SHAPELY_OLD], "Linux")
    assert "shapely 1.8.5" in message
    assert "shapely>=2" in message
