from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MappingConfig(AppConfig):
    name = "mapping"
    label = "mapping"
    verbose_name = _("Mapping")
    # Read by heart_site/api.py, heart_site/urls.py, tests/conftest.py and load_demo; removing
    # the app removes its endpoints, pages, reference data and demo.
    api_router = "mapping.api.router"
    api_prefix = "/mapping/"
    site_urls = "mapping.urls"
    site_url_prefix = "mapping/"
    account_links = [("mapping:swot_boards", _("My SWOT boards"))]
    reference_data = "mapping.reference_data.ensure"
    demo_content = "mapping.demo.load"

    def ready(self):
        from heart_site import privacy

        from .privacy_campaigns import erase_campaign_data, export_campaign_data
        from .privacy_swot import erase_swot_data, export_swot_data

        privacy.register(
            "mapping_campaigns",
            label=_("Questionnaire invitations and identified answers"),
            export=export_campaign_data,
            erase=erase_campaign_data,
        )
        privacy.register(
            "mapping_swot",
            label=_("SWOT boards: your items, comments and votes"),
            export=export_swot_data,
            erase=erase_swot_data,
        )
