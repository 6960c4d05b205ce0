from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from heart_site.core import views as core_views
from heart_site.core.sitemap import MultilingualSitemap

from .api import api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    # Uploaded images and documents. A deployment with a CDN or object storage serves these
    # elsewhere; one without still gets them, with far-future caching done by the proxy.
    re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
]

# A plugin's own pages (dashboards, verification) come from ``site_urls`` on its AppConfig,
# so removing the plugin from INSTALLED_APPS removes them.
plugin_patterns = [
    path(config.site_url_prefix, include(config.site_urls))
    for config in apps.get_app_configs()
    if getattr(config, "site_urls", None)
]

urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("accounts/profile/", include("heart_site.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("heart_site.notifications.urls")),
    *plugin_patterns,
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
