"""The demo's needs questionnaire: published in both languages, answerable, created once."""

import pytest
from wagtail.models import Locale

from heart_site.core.management.commands.load_demo import Result
from mapping.demo.questionnaires import COMPETENCE_THEMES, load
from mapping.models import QuestionnairePage
from mapping.questionnaire import key_signature, questionnaire_of_page, structure_errors
from mapping.services.responding import store_response
from tests.mapping.respond_setup import open_campaign

pytestmark = pytest.mark.django_db


def test_the_demo_questionnaire_is_bilingual_idempotent_and_answerable(site_tree):
    home_sv, home_en = site_tree
    first = Result()
    page = load(home_sv=home_sv, home_en=home_en, result=first)
    assert len(first.created) == 2
    again = Result()
    assert load(home_sv=home_sv, home_en=home_en, result=again) == page
    assert again.created == [] and QuestionnairePage.objects.count() == 2

    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    assert page.live and english.live
    sv, en = questionnaire_of_page(page), questionnaire_of_page(english)
    assert structure_errors(sv) == []
    assert key_signature(sv) == key_signature(en)
    types = {q.type for q in sv.questions}
    assert types == {"likert", "single", "multiple", "long_text", "number", "matrix", "competence"}
    competence = next(q for q in en.questions if q.type == "competence")
    assert [key for key, _label in competence.items] == list(COMPETENCE_THEMES)
    assert dict(competence.items)["equal-treatment"] == "Equal treatment"
    assert dict(next(q for q in sv.questions if q.type == "competence").items)["csr"].startswith("CSR")

    campaign = open_campaign(page)
    answers = {
        "org_size": "small",
        "equality_plan": "in_progress",
        "competence": {key: {"current": "2", "importance": "5"} for key in COMPETENCE_THEMES},
        "leadership_support": "3",
        "wants_support": "yes",
        "support_needs": "Stöd i aktiva åtgärder",
    }
    for version in campaign.versions.all():
        store_response(
            campaign=campaign, version=version, answers=answers, attributes={"language": version.language}
        )
    assert campaign.responses.count() == 2
