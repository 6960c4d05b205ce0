from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from heart_site.core.models import BasePage, Theme

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class PracticeLibraryPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = ["intro"]
    subpage_types = ["network.PracticePage"]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("good-practice library")

    @path("")
    def library(self, request):
        from ..views.practices import practice_library

        return practice_library(request, self)

    @path("submit/")
    def submit(self, request):
        from ..views.practices import practice_submit

        return practice_submit(request, self)

    @property
    def intro_text(self):
        return self.intro


class PracticePage(BasePage):
    """A method an organisation has tried, described so others can use it. Submitted from the
    site as a draft and published through the moderation workflow."""

    summary = models.TextField(_("summary"), max_length=600)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(
        _("organisation (if not in the directory)"), max_length=200, blank=True
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    description = RichTextField(_("the method"), features=TEXT_FEATURES)
    what_worked = RichTextField(_("what worked"), features=TEXT_FEATURES)
    lessons_learned = RichTextField(_("what we would do differently"), blank=True, features=TEXT_FEATURES)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("organisation"),
        FieldPanel("organisation_name"),
        FieldPanel("themes"),
        FieldPanel("description"),
        FieldPanel("what_worked"),
        FieldPanel("lessons_learned"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("what_worked"),
        index.SearchField("lessons_learned"),
    ]
    api_fields = [
        "summary",
        "organisation",
        "themes",
        "description",
        "what_worked",
        "lessons_learned",
        "contact_name",
    ]
    parent_page_types = ["network.PracticeLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    @property
    def intro_text(self):
        return self.summary

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation_id else self.organisation_name
