from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    label = "network"
    verbose_name = _("Network")
    # Read by heart_site/api.py, heart_site/urls.py, tests/conftest.py and load_demo; removing
    # the app removes its endpoints, pages, reference data and demo.
    api_router = "network.api.router"
    api_prefix = "/network/"
    site_urls = "network.urls"
    site_url_prefix = "network/"
    account_links = [("network:my_registrations", _("My events"))]
    reference_data = "network.reference_data.ensure"
    demo_content = "network.demo.load"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from heart_site import privacy
        from heart_site.core.page_cache import invalidate_page_cache
        from heart_site.notifications import digest_sections

        from .digest import collect_events
        from .models import Organisation, Partnership, Place
        from .privacy import erase_network_data, export_network_data

        privacy.register(
            "network",
            label=_("Network contacts and event registrations"),
            export=export_network_data,
            erase=erase_network_data,
        )
        # The directory, profiles and map are cached pages built from these rows, not from pages
        # whose publishing already retires the cache.
        for model in (Organisation, Place, Partnership):
            post_save.connect(
                invalidate_page_cache, sender=model, dispatch_uid=f"network-cache-{model.__name__}"
            )
            post_delete.connect(
                invalidate_page_cache, sender=model, dispatch_uid=f"network-cache-del-{model.__name__}"
            )
        digest_sections.register(
            digest_sections.DigestSection(
                key="events", title=_("Upcoming events"), collect=collect_events, order=30
            )
        )
