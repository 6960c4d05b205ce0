"""The questionnaire page: an introduction and sections of questions, translated with
wagtail-localize. Campaigns send a pinned copy of it (``QuestionnaireVersion``); the page's own
address answers an open-access campaign when one is running."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index

from heart_site.core.models import BasePage

from ..blocks import QuestionnaireBodyBlocks


class QuestionnairePage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=4000)
    body = StreamField(
        QuestionnaireBodyBlocks(),
        verbose_name=_("sections"),
        blank=True,
        help_text=_("Each section is one step for the respondent."),
    )
    thank_you = models.TextField(_("thank-you text"), blank=True, max_length=2000)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("thank_you"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    # The questions are not an API field: respondents get them, pinned, from the mapping API.
    api_fields = ["intro"]
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = []
    # How the core's "embedded page" block shows a questionnaire in another page.
    embedded_block_template = "mapping/respond/embed_block.html"

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def embedded_block_context(self, request):
        """Only while an open-access campaign runs on it: its title, introduction and the way
        in. The form stays on the questionnaire's own page, whose answers live in the session
        (a block inside a cached page could carry neither a CSRF token nor a draft)."""
        from ..selectors.open_campaigns import open_campaign_for_page

        campaign = open_campaign_for_page(self)
        return {"campaign": campaign} if campaign is not None else None

    @property
    def intro_text(self):
        return self.intro or self.search_description

    def clean(self):
        super().clean()
        from ..questionnaire import key_signature, questionnaire_of_page, structure_errors

        questionnaire = questionnaire_of_page(self)
        errors = structure_errors(questionnaire)
        if errors:
            raise ValidationError({"body": errors})
        self._check_keys_match_source(key_signature(questionnaire))

    def _check_keys_match_source(self, signature):
        """Answers in every language pool under the same keys, so a translation must keep the
        source's questions, keys and rules. wagtail-localize never offers them for translation;
        this stops a manual edit."""
        from ..questionnaire import key_signature, questionnaire_of_page

        default_locale = Locale.get_default()
        if not self.translation_key or self.locale_id in (None, default_locale.pk):
            return
        source = (
            QuestionnairePage.objects.filter(translation_key=self.translation_key, locale=default_locale)
            .exclude(pk=self.pk)
            .first()
        )
        if source is None:
            return
        source = source.get_latest_revision_as_object()
        if signature != key_signature(questionnaire_of_page(source)):
            raise ValidationError(
                {
                    "body": _(
                        "The sections, questions, keys and rules must be the same as in the %(language)s "
                        "original; only the wording can be translated. Change the original and sync the "
                        "translation instead."
                    )
                    % {"language": get_language_info(default_locale.language_code)["name_translated"]}
                }
            )

    def serve(self, request, *args, **kwargs):
        from ..views.open_access import questionnaire_page

        return questionnaire_page(request, self)
