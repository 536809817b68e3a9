"""Clients for Chinese POI web services (Amap first); see `base` for what a provider implements."""
