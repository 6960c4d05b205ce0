"""The questionnaire as data: what ``questions_of`` gives the reports, keys that translation
cannot change, structure checks, and pinning."""

import copy

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from mapping.models import QuestionnairePage, QuestionnaireVersion
from mapping.questionnaire import questionnaire_of_page, questions_of
from mapping.services.pinning import QuestionnaireNotPublished, pin_versions
from tests.mapping.respond_setup import open_campaign, questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_tree):
    home_sv, _home_en = site_tree
    return questionnaire(home_sv)


@pytest.fixture
def campaign(page):
    return open_campaign(page)


def test_questions_of_a_pinned_version(campaign):
    version = campaign.versions.get(language="sv")
    questions = {q.key: q for q in questions_of(version)}
    assert list(questions) == ["role", "agree", "measures", "comp", "mx", "count", "short", "long"]
    assert [q.type for q in questions.values()] == [
        "single",
        "likert",
        "multiple",
        "competence",
        "matrix",
        "number",
        "short_text",
        "long_text",
    ]
    assert questions["role"].label == "Vilken roll har du?"
    assert questions["role"].section == "Om er"
    assert questions["role"].options == [("staff", "Medarbetare"), ("manager", "Chef")]
    # Likert: keys 1..5, default labels in the version's language.
    assert [key for key, _label in questions["agree"].options] == ["1", "2", "3", "4", "5"]
    assert len(questions["agree"].options) == 5 and all(label for _key, label in questions["agree"].options)
    assert questions["agree"].allows_not_applicable and not questions["role"].allows_not_applicable
    assert questions["comp"].items == [("equal-treatment", "Likabehandling"), ("csr", "CSR")]
    assert questions["comp"].scale == [("1", "Låg"), ("2", "Medel"), ("3", "Hög")]
    assert questions["mx"].items == [("meetings", "Möten"), ("hiring", "Rekrytering")]
    assert [key for key, _label in questions["mx"].scale] == ["1", "2", "3", "4"]
    assert (questions["count"].min_value, questions["count"].max_value) == (0, 100)
    assert questions["long"].condition.question_key == "measures"


def test_the_english_version_has_the_same_keys_and_english_words(campaign):
    sv = questions_of(campaign.versions.get(language="sv"))
    en = questions_of(campaign.versions.get(language="en"))
    assert [(q.key, q.type) for q in sv] == [(q.key, q.type) for q in en]
    assert [[k for k, _ in q.options] for q in sv] == [[k for k, _ in q.options] for q in en]
    assert [[k for k, _ in q.items] for q in sv] == [[k for k, _ in q.items] for q in en]
    assert en[0].label == "What is your role?"
    assert en[0].section == "About you"
    assert en[3].items == [("equal-treatment", "Equal treatment"), ("csr", "CSR")]


# --- Translation keeps the keys --------------------------------------------------------------


def test_keys_are_not_offered_for_translation_and_the_wording_is(page):
    segments = extract_segments(page)
    strings = {s.path: s.string.data for s in segments if isinstance(s, StringSegmentValue)}
    assert "Vilken roll har du?" in strings.values()
    assert "Medarbetare" in strings.values() and "Likabehandling" in strings.values()
    assert "Aldrig" in strings.values()  # scale steps are wording
    key_like = [path for path in strings if path.rsplit(".", 1)[-1] in ("key", "question_key", "option_key")]
    assert key_like == []
    for key in ("role", "staff", "manager", "equal-treatment", "meetings"):
        assert key not in strings.values()


def test_a_wagtail_localize_translation_keeps_every_key(site_tree, django_capture_on_commit_callbacks):
    home_sv, _home_en = site_tree
    page = questionnaire(home_sv, slug="lokal", with_translation=False)
    locale = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"[en] {segment.string.data}", "translation_type": "manual"},
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation, _created = source.create_or_update_translation(locale, publish=True)
    translated = QuestionnairePage.objects.get(pk=translation.pk)
    sv, en = questionnaire_of_page(page), questionnaire_of_page(translated)
    assert [q.key for q in en.questions] == [q.key for q in sv.questions]
    assert [q.options for q in en.questions][0] == [("staff", "[en] Medarbetare"), ("manager", "[en] Chef")]
    assert en.questions[0].label == "[en] Vilken roll har du?"
    assert [q.condition for q in en.questions] == [q.condition for q in sv.questions]


def test_a_translation_with_other_keys_is_refused(page):
    translation = page.get_translation(Locale.objects.get(language_code="en")).specific
    raw = copy.deepcopy(list(translation.body.raw_data))
    raw[0]["value"]["questions"][0]["value"]["options"][0]["value"]["key"] = "employee"
    translation.body = raw
    with pytest.raises(ValidationError) as error:
        translation.full_clean()
    assert "body" in error.value.message_dict
    # Changing only the wording is fine.
    raw = copy.deepcopy(
        list(page.get_translation(Locale.objects.get(language_code="en")).specific.body.raw_data)
    )
    raw[0]["value"]["questions"][0]["value"]["prompt"] = "Your role?"
    translation.body = raw
    translation.full_clean()


def test_a_translation_that_drops_a_question_is_refused(page):
    translation = page.get_translation(Locale.objects.get(language_code="en")).specific
    raw = copy.deepcopy(list(translation.body.raw_data))
    del raw[1]["value"]["questions"][2]
    translation.body = raw
    with pytest.raises(ValidationError):
        translation.full_clean()


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda raw: raw[1]["value"]["questions"][0]["value"].update(key="role"), "more than one question"),
        (
            lambda raw: raw[0]["value"]["questions"][2]["value"]["options"][1]["value"].update(key="plan"),
            "twice",
        ),
        (lambda raw: raw[2]["value"]["condition"].update(option_key="boss"), "no option"),
        (lambda raw: raw[2]["value"]["condition"].update(question_key="count"), "earlier single choice"),
        (
            lambda raw: raw[0]["value"]["questions"][0]["value"]["condition"].update(
                question_key="agree", option_key="1"
            ),
            "earlier single choice",
        ),
    ],
)
def test_structure_errors_are_refused(page, change, words):
    raw = copy.deepcopy(list(page.body.raw_data))
    change(raw)
    page.body = raw
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        text = " ".join(str(message) for message in error.value.message_dict["body"])
    assert words in text


# --- Pinning ----------------------------------------------------------------------------------


def test_pinning_copies_each_live_language_once(page):
    campaign = open_campaign(page)
    versions = pin_versions(campaign)
    assert [v.language for v in versions] == ["sv", "en"]
    assert QuestionnaireVersion.objects.filter(campaign=campaign).count() == 2
    sv = versions[0]
    assert sv.revision_id == page.live_revision_id
    assert sv.content["body"] and sv.content["title"] == "Enkät"
    assert pin_versions(campaign) == versions  # idempotent


def test_editing_the_page_later_changes_nothing_in_the_campaign(page):
    campaign = open_campaign(page)
    before = [q.label for q in questions_of(campaign.versions.get(language="sv"))]
    page = QuestionnairePage.objects.get(pk=page.pk)
    raw = copy.deepcopy(list(page.body.raw_data))
    raw[0]["value"]["questions"][0]["value"]["prompt"] = "Ny fråga"
    del raw[2]
    page.body = raw
    page.save_revision().publish()
    pin_versions(campaign)
    version = QuestionnaireVersion.objects.get(campaign=campaign, language="sv")
    assert [q.label for q in questions_of(version)] == before
    assert len(questions_of(version)) == 8
    # A later campaign gets the new wording.
    later = open_campaign(QuestionnairePage.objects.get(pk=page.pk))
    assert questions_of(later.versions.get(language="sv"))[0].label == "Ny fråga"


def test_an_unpublished_questionnaire_cannot_be_pinned(page):
    page.unpublish()
    with pytest.raises(QuestionnaireNotPublished):
        open_campaign(QuestionnairePage.objects.get(pk=page.pk))


def test_a_draft_translation_is_not_pinned(page):
    en = page.get_translation(Locale.objects.get(language_code="en"))
    en.unpublish()
    campaign = open_campaign(page)
    assert list(campaign.versions.values_list("language", flat=True)) == ["sv"]


# --- Page rules and the embed block -----------------------------------------------------------


def test_questionnaires_live_under_the_home_page_or_a_standard_page(site_tree):
    from heart_site.core.models import HomePage, StandardPage
    from mapping.models import QuestionnairePage

    assert QuestionnairePage.can_exist_under(HomePage())
    assert QuestionnairePage.can_exist_under(StandardPage())
    assert not QuestionnairePage.can_exist_under(QuestionnairePage())


def test_the_embedded_page_block_shows_it_only_while_an_open_access_campaign_runs(rf, page):
    from heart_site.core.blocks import BaseContentBlocks

    block = BaseContentBlocks().child_blocks["embedded_page"]  # the core's, offered on every page
    value = block.to_python({"page": page.pk, "heading": "Svara gärna"})
    context = {"request": rf.get("/")}
    assert block.render(value, context).strip() == ""
    open_campaign(page)  # by invitation: not for everyone
    assert block.render(value, context).strip() == ""
    open_campaign(page, access="open")
    html = block.render(value, context)
    assert "Svara gärna" in html and f'href="{page.url}"' in html


def test_the_embedded_page_block_links_any_other_page(rf, site_tree):
    from heart_site.core.blocks import BaseContentBlocks

    _home_sv, home_en = site_tree
    block = BaseContentBlocks().child_blocks["embedded_page"]
    html = block.render(block.to_python({"page": home_en.pk, "heading": ""}), {"request": rf.get("/")})
    assert "HEART" in html and f'href="{home_en.url}"' in html


def test_editors_get_the_questionnaire_form_in_the_admin(client, site_tree, page):
    from django.contrib.auth import get_user_model

    home_sv, _home_en = site_tree
    editor = get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password="x"
    )
    client.force_login(editor)
    add = client.get(f"/admin/pages/add/mapping/questionnairepage/{home_sv.pk}/")
    assert add.status_code == 200
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200 and "Vilken roll har du?" in edit.content.decode()
