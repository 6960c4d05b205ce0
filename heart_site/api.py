"""The one NinjaAPI of the site: Wagtail's v3 API plus a router per installed plugin.

A plugin app declares ``api_router = "dotted.path.to.router"`` and ``api_prefix`` on its
AppConfig; removing the plugin from INSTALLED_APPS removes its endpoints. Routers must be
added before ``api.urls`` is first read, which is why urls.py imports ``api`` from here.
"""

from django.apps import apps
from django.utils.module_loading import import_string
from wagtail.api.v3.urls import api


def _add_plugin_routers():
    registered = {prefix for prefix, _router in api._routers}
    for config in apps.get_app_configs():
        router_path = getattr(config, "api_router", None)
        if not router_path:
            continue
        prefix = getattr(config, "api_prefix", f"/{config.label}/")
        if prefix not in registered:
            api.add_router(prefix, import_string(router_path))


_add_plugin_routers()

__all__ = ["api"]
