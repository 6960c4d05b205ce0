from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from heart_site.core.models import BasePage


class PartnerDirectoryPage(RoutablePageMixin, BasePage):
    """The public list (and map) of the network's organisations, with a profile per
    organisation at ``<directory>/<slug>/`` showing public fields only."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = ["intro"]
    subpage_types = []
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory")

    @path("")
    def directory(self, request):
        from ..views.directory import directory

        return directory(request, self)

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        from ..views.directory import organisation_profile

        return organisation_profile(request, self, slug)

    @property
    def intro_text(self):
        return self.intro
