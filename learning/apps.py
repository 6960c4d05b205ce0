from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    label = "learning"
    verbose_name = _("Learning")
    # Read by heart_site/api.py and heart_site/urls.py; removing the app removes both.
    api_router = "learning.api.router"
    api_prefix = "/learning/"
    site_urls = "learning.urls"
    site_url_prefix = "learning/"
    account_links = [("learning:dashboard", _("My training"))]
    # Re-created by the tests after a flush (tests/conftest.py), as its data migration does.
    reference_data = "learning.reference_data.ensure"
    demo_content = "learning.demo.load"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from heart_site import privacy
        from heart_site.core.page_cache import invalidate_page_cache
        from heart_site.notifications import digest_sections

        from .digest import collect_modules
        from .models import Audience
        from .privacy import erase_learning_data, export_learning_data

        privacy.register(
            "learning", label=_("Training progress"), export=export_learning_data, erase=erase_learning_data
        )
        digest_sections.register(
            digest_sections.DigestSection(
                key="learning", title=_("New and updated training modules"), collect=collect_modules, order=20
            )
        )
        # Catalogue pages and their filter options show audience names.
        for signal, uid in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                invalidate_page_cache, sender=Audience, dispatch_uid=f"learning-cache-audience-{uid}"
            )
