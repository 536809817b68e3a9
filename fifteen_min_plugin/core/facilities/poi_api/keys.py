"""POI service keys live in the QGIS Authentication Manager (encrypted with the master password).

A key is an authentication configuration of method "APIHeader" whose single header is named ``key`` (the value
is the key), or of method "Basic" with the key as password; both are editable in Settings ▸ Options ▸
Authentication and survive restarts in ``qgis-auth.db``. The plugin settings keep only the configuration id, one
per service (``poi_api/<provider>/authcfg``). The same holds for every service: the Amap or Tencent ``key``, the
Baidu ``ak`` and the Tianditu ``tk`` are each stored this way (an "APIHeader" configuration with one header of
any name is read too).
The key itself is never put in the project, a layer, a log line, an exception message or the settings.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.__about__ import SETTINGS_PREFIX
from fifteen_min_plugin.core.errors import FifteenMinError

KEY_HEADER = "key"
METHOD = "APIHeader"


class ApiKeys:
    """Store, read and remember POI service keys by authentication configuration id."""

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("ApiKeys", text)

    @staticmethod
    def store(name: str, key: str) -> str:
        """Save `key` as a new "APIHeader" configuration called `name`; returns its id."""
        manager = QgsApplication.authManager()
        ApiKeys._check_enabled()
        config = QgsAuthMethodConfig(METHOD)
        config.setName(name)
        config.setConfig(KEY_HEADER, key.strip())
        if not manager.storeAuthenticationConfig(config):
            raise FifteenMinError(
                ApiKeys.tr(
                    "The key could not be saved in the QGIS authentication database; make sure the master "
                    "password is set (Settings ▸ Options ▸ Authentication)."
                )
            )
        return config.id()

    @staticmethod
    def read(authcfg: str) -> str:
        """The key held by configuration `authcfg` (QGIS asks for the master password if needed)."""
        if not authcfg:
            raise FifteenMinError(ApiKeys.tr("Choose the authentication configuration that holds the POI service key."))
        ApiKeys._check_enabled()
        config = QgsAuthMethodConfig()
        if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True) or not config.isValid():
            raise FifteenMinError(
                ApiKeys.tr(
                    "The authentication configuration {id} cannot be opened: it does not exist or the master "
                    "password was not entered."
                ).format(id=authcfg)
            )
        values = config.configMap()
        if config.method() == METHOD:
            key = values.get(KEY_HEADER) or (next(iter(values.values())) if len(values) == 1 else "")
        elif config.method() == "Basic":
            key = values.get("password", "")
        else:
            raise FifteenMinError(
                ApiKeys.tr(
                    "The authentication configuration {id} uses the method {method}; store the key with the "
                    "method “API Header” (header name “key”) or “Basic” (the key as password)."
                ).format(id=authcfg, method=config.method())
            )
        key = (key or "").strip()
        if not key:
            raise FifteenMinError(ApiKeys.tr("The authentication configuration {id} holds no key.").format(id=authcfg))
        return key

    @staticmethod
    def remembered(provider: str) -> str:
        """The configuration id last used for `provider`, or ""."""
        return str(QgsSettings().value(f"{SETTINGS_PREFIX}/poi_api/{provider}/authcfg", "") or "")

    @staticmethod
    def remember(provider: str, authcfg: str) -> None:
        """Keep the configuration id (only the id) for the next import from `provider`."""
        QgsSettings().setValue(f"{SETTINGS_PREFIX}/poi_api/{provider}/authcfg", authcfg)

    @staticmethod
    def _check_enabled() -> None:
        if QgsApplication.authManager().isDisabled():
            raise FifteenMinError(
                ApiKeys.tr(
                    "The QGIS authentication system is disabled (its database or the Qt crypto plugin is "
                    "missing), so no key can be stored or read."
                )
            )
