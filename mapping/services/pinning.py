"""Pinning: when a campaign opens, the questionnaire as published then (the source and each
live translation) is copied into ``QuestionnaireVersion`` rows. Respondents answer, and
reports read, those copies only, so editing or republishing the page later changes nothing
in a running or finished campaign."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ..errors import Conflict
from ..models import Campaign, QuestionnairePage, QuestionnaireVersion


class QuestionnaireNotPublished(Conflict):
    code = "questionnaire_not_published"


def _source_page(campaign) -> QuestionnairePage:
    page = campaign.questionnaire
    source = page.get_translations(inclusive=True).filter(locale__language_code=_default_language()).first()
    return (source or page).specific


def _default_language():
    from wagtail.models import Locale

    return Locale.get_default().language_code


def pin_versions(campaign: Campaign) -> list[QuestionnaireVersion]:
    """The campaign's versions, one per language, creating those missing from each page's live
    revision. Idempotent: a version once written is never replaced, and a second call (or a
    concurrent one) returns the same rows."""
    source = _source_page(campaign)
    if not source.live or source.live_revision_id is None:
        raise QuestionnaireNotPublished(_("The questionnaire must be published before the campaign opens."))
    pages = [source, *(page.specific for page in source.get_translations().live().select_related("locale"))]
    existing = {version.language: version for version in campaign.versions.all()}
    for page in pages:
        language = page.locale.language_code
        if language in existing or page.live_revision_id is None:
            continue
        revision = page.live_revision
        try:
            with transaction.atomic():
                existing[language] = QuestionnaireVersion.objects.create(
                    campaign=campaign,
                    language=language,
                    page=page,
                    revision=revision,
                    content=revision.content,
                )
        except IntegrityError:
            existing[language] = QuestionnaireVersion.objects.get(campaign=campaign, language=language)
    source_language = source.locale.language_code
    return sorted(
        existing.values(), key=lambda version: (version.language != source_language, version.language)
    )
