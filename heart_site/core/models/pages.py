from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import BaseContentBlocks
from .base import BasePage


class HomePage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = ["intro", "body"]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from heart_site.news.selectors import latest_news

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = latest_news(locale=self.locale_id, limit=3)
        return context

    @property
    def intro_text(self):
        return self.intro


class StandardPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseContentBlocks(), verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = ["intro", "body"]

    class Meta:
        verbose_name = _("standard page")

    @property
    def intro_text(self):
        return self.intro or self.search_description


class AccessibilityStatementPage(BasePage):
    """The statement that Swedish law (DOS-lagen) asks public bodies to publish."""

    class Compliance(models.TextChoices):
        FULL = "full", _("Fully compliant")
        PARTIAL = "partial", _("Partially compliant")
        NONE = "none", _("Not compliant")

    compliance = models.CharField(
        _("compliance with WCAG 2.2 AA"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseContentBlocks(), blank=True, verbose_name=_("body"))
    known_issues = RichTextField(
        _("known issues"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    feedback_email = models.EmailField(_("feedback email"))
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("last reviewed on"))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("compliance"),
        FieldPanel("body"),
        FieldPanel("known_issues"),
        MultiFieldPanel(
            [FieldPanel("feedback_email"), FieldPanel("prepared_on"), FieldPanel("reviewed_on")],
            heading=_("Feedback and review"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        "intro",
        "compliance",
        "body",
        "known_issues",
        "feedback_email",
        "prepared_on",
        "reviewed_on",
    ]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    @property
    def intro_text(self):
        return self.intro
