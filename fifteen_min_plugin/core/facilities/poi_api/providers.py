"""The POI services the plugin can query, by `source` name."""

from __future__ import annotations

from fifteen_min_plugin.core.facilities.poi_api.amap import AmapProvider
from fifteen_min_plugin.core.facilities.poi_api.baidu import BaiduProvider
from fifteen_min_plugin.core.facilities.poi_api.base import PoiProvider, PoiRecord
from fifteen_min_plugin.core.facilities.poi_api.tencent import TencentProvider
from fifteen_min_plugin.core.facilities.poi_api.tianditu import TiandituProvider

#: provider classes in the order a user is offered them (Amap first: the existing default)
PROVIDERS: dict[str, type[PoiProvider]] = {
    cls.name: cls for cls in (AmapProvider, TencentProvider, BaiduProvider, TiandituProvider)
}
#: the query parameter each service reads its key from (what `redact` masks in any text)
KEY_PARAMETERS = {"amap": "key", "tencent": "key", "baidu": "ak", "tianditu": "tk"}


def make_provider(name: str, base_url: str = "") -> PoiProvider:
    """The provider called `name` ("amap", "tencent", "baidu", "tianditu"), at `base_url` if one is given."""
    cls = PROVIDERS[name]
    return cls(base_url) if base_url else cls()


#: the classifier key (core.facilities.classify) each provider's class text is matched under, by provider
CLASS_KEYS = {"amap": "typecode", "tencent": "tencent_category", "baidu": "baidu_tag", "tianditu": "tianditu_class"}


def classification_record(provider: str, record: PoiRecord) -> dict[str, str]:
    """What `Classifier.classify` reads for `record` from `provider`: its class and its name.

    The class goes under the provider's rule kind: Amap type code, Tencent category path, Baidu tag or Tianditu
    class name.
    """
    text = record.typecode if provider == "amap" else record.type
    return {CLASS_KEYS[provider]: text, "name": record.name}
