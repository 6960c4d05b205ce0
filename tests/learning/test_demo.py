"""The learning plugin's demo, loaded by ``manage.py load_demo`` through the core's
``demo_content`` hook: four bilingual modules whose English quiz keeps the Swedish key, and
participants whose progress was made through the services."""

import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from wagtail.models import Locale, Page, Revision

from learning.demo.modules import MODULES
from learning.demo.people import PEOPLE
from learning.demo.spec import T, overlay, to_raw
from learning.models import (
    Assignment,
    Certificate,
    CourseIndexPage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    TrainingModulePage,
)
from learning.quiz import QUESTION_KINDS, answer_key, questions_from_stream

LANGUAGES = ("sv", "en")


def run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "assignments": Assignment.objects.count(),
        "enrolments": Enrollment.objects.count(),
        "lessons done": LessonCompletion.objects.count(),
        "attempts": QuizAttempt.objects.count(),
        "certificates": Certificate.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo twice, once for the whole module (a load takes seconds); everything is
    rolled back at the end. Each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        first = run_load_demo()
        after_first = snapshot()
        second = run_load_demo()
        yield {"first": first, "second": second, "after_first": after_first, "after_second": snapshot()}
        transaction.set_rollback(True)


def modules(language):
    return list(TrainingModulePage.objects.live().filter(locale__language_code=language).order_by("path"))


def user(username):
    return get_user_model().objects.get(username=username)


def test_the_second_run_creates_nothing(demo, db):
    assert demo["after_second"] == demo["after_first"]
    assert demo["after_first"]["pages"] > 0 and demo["after_first"]["certificates"] > 0
    assert "already exists" in demo["second"]
    assert "“CSR – from words to action” (en)" in demo["first"]
    for output in (demo["first"], demo["second"]):
        assert "coordinator@heart.example" in output
        assert "heart-demo-coordinator" in output


def test_four_modules_in_each_language_under_the_catalogue_in_the_menu(demo, db):
    for language in LANGUAGES:
        catalogue = CourseIndexPage.objects.get(locale__language_code=language)
        assert catalogue.live and catalogue.show_in_menus
        assert catalogue.get_parent().specific.locale.language_code == language
        found = modules(language)
        assert len(found) == 4
        assert all(module.get_parent().pk == catalogue.pk for module in found)
    assert {m.translation_key for m in modules("sv")} == {m.translation_key for m in modules("en")}


def test_each_module_is_complete(demo, db):
    for language in LANGUAGES:
        limited = []
        for module in modules(language):
            lessons = LessonPage.objects.child_of(module).live()
            assert 2 <= lessons.count() <= 4, module.title
            assert all(len(lesson.body) >= 3 for lesson in lessons)
            assert 5 <= len(module.quiz) <= 8, module.title
            assert 3 <= len(module.objectives) <= 5
            assert 70 <= module.pass_mark <= 80
            assert module.issues_certificate
            assert module.estimated_minutes > 0
            assert [band.value["min_percent"] for band in module.score_bands] == [0, 50, 80]
            assert module.themes.exists() and module.audiences.exists()
            if module.max_attempts:
                limited.append(module.max_attempts)
        assert limited == [3]


def test_lessons_have_case_studies_reflections_and_key_points(demo, db):
    kinds = {block.block_type for lesson in LessonPage.objects.all() for block in lesson.body}
    assert {"heading", "paragraph", "key_points", "case_study", "reflection"} <= kinds
    for module in modules("sv"):
        module_kinds = {
            block.block_type for lesson in LessonPage.objects.child_of(module) for block in lesson.body
        }
        assert {"case_study", "reflection"} <= module_kinds, module.title


def test_every_question_type_and_feedback(demo, db):
    questions = [q for module in modules("sv") for q in questions_from_stream(module.quiz)]
    assert {q.kind for q in questions} == set(QUESTION_KINDS)
    for q in questions:
        assert q.feedback_correct and q.feedback_incorrect, q.prompt
        for choice in q.options:
            assert choice.feedback, f"{q.prompt}: {choice.text}"
        if q.kind == "multiple_choice":
            assert q.scoring == "partial"
        if q.kind == "short_answer":
            assert len(q.accepted_answers) >= 2


def test_the_english_answer_keys_equal_the_swedish_and_only_the_wording_differs(demo, db):
    en = Locale.objects.get(language_code="en")
    for source in modules("sv"):
        translation = source.get_translation(en)
        sv_questions = questions_from_stream(source.quiz)
        en_questions = questions_from_stream(translation.quiz)
        assert answer_key(en_questions) == answer_key(sv_questions)
        # The live revision is what attempts are graded against: it carries the same key.
        pinned = translation.get_latest_revision_as_object()
        assert answer_key(questions_from_stream(pinned.quiz)) == answer_key(sv_questions)
        for sv_q, en_q in zip(sv_questions, en_questions, strict=True):
            assert sv_q.prompt != en_q.prompt
        assert translation.title != source.title and translation.slug != source.slug
        assert translation.pass_mark == source.pass_mark and translation.max_attempts == source.max_attempts
        for sv_lesson in LessonPage.objects.child_of(source):
            en_lesson = sv_lesson.get_translation(en)
            assert en_lesson.live and en_lesson.get_parent().pk == translation.pk
            assert [b.id for b in en_lesson.body] == [b.id for b in sv_lesson.body]
            assert en_lesson.body.get_prep_value() != sv_lesson.body.get_prep_value()


def test_the_english_module_requires_the_english_prerequisite(demo, db):
    for language in LANGUAGES:
        recruitment, equal_treatment = modules(language)[3], modules(language)[0]
        assert list(recruitment.prerequisites.all()) == [equal_treatment]


def test_demo_people_belong_to_organisations_and_can_log_in(demo, db, client):
    for spec in PEOPLE:
        person = user(spec["username"])
        assert person.organisation_name
        assert EmailAddress.objects.filter(user=person, verified=True, primary=True).exists()
        assert client.login(username=spec["username"], password=spec["password"])
    organisations = [spec["organisation_name"] for spec in PEOPLE if spec["username"] != "coordinator"]
    assert len(organisations) > len(set(organisations)), "two participants share an organisation"
    coordinator = user("coordinator")
    assert coordinator.groups.filter(name="Learning coordinators").exists()
    assert coordinator.has_perm("learning.view_learning_reports")
    assert coordinator.has_perm("wagtailadmin.access_admin")
    assert not coordinator.is_superuser


def test_participants_have_progress_made_by_the_services(demo, db):
    sara_done = Enrollment.objects.get(
        user=user("sara"), module__slug="likabehandling-och-diskrimineringsgrunderna"
    )
    assert sara_done.completed_at is not None
    assert Certificate.objects.filter(
        user=user("sara"), module_key=sara_done.module_key, language="sv"
    ).exists()

    amira = Enrollment.objects.get(user=user("amira"))
    assert amira.module.locale.language_code == "en" and amira.completed_at is not None
    assert [a.passed for a in amira.attempts.order_by("number")] == [False, True]
    assert Certificate.objects.get(user=user("amira")).language == "en"

    johan = Enrollment.objects.get(user=user("johan"))
    assert johan.module.max_attempts == 3 and johan.due_date is not None and johan.assignment is not None
    attempt = johan.attempts.get()
    assert attempt.is_submitted and not attempt.passed and attempt.percent < johan.module.pass_mark
    assert johan.completed_at is None

    # The site's own demo participant has something in progress, with a due date.
    pia = Enrollment.objects.get(user=user("participant"))
    assert pia.completed_at is None and pia.due_date is not None
    assert pia.lesson_completions.count() == 1

    # Sara passed the prerequisite, so she could start the module that needs it.
    assert Enrollment.objects.filter(user=user("sara"), completed_at__isnull=True).count() == 2


def test_catalogue_module_and_lesson_pages_answer_in_both_languages(demo, db, client):
    for language in LANGUAGES:
        catalogue = CourseIndexPage.objects.get(locale__language_code=language)
        module = modules(language)[0]
        lesson = LessonPage.objects.child_of(module).live().first()
        for page in (catalogue, module, lesson):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert page.title in response.content.decode()
        assert all(m.title in client.get(catalogue.url).content.decode() for m in modules(language))


def test_the_dashboard_shows_a_participants_certificate(demo, db, client):
    client.login(username="sara", password="heart-demo-sara")
    response = client.get(reverse("learning:dashboard"))
    assert response.status_code == 200
    assert Certificate.objects.get(user=user("sara")).module_title in response.content.decode()


def test_a_missing_translation_is_the_only_thing_recreated(demo, db):
    en = Locale.objects.get(language_code="en")
    lesson = LessonPage.objects.filter(locale__language_code="sv").first()
    lesson.get_translation(en).delete()
    before = snapshot()
    output = run_load_demo()
    after = snapshot()
    assert after["pages"] == before["pages"] + 1
    assert {k: v for k, v in after.items() if k not in ("pages", "revisions")} == {
        k: v for k, v in before.items() if k not in ("pages", "revisions")
    }
    recreated = lesson.get_translation(en)
    assert recreated.live and [b.id for b in recreated.body] == [b.id for b in lesson.body]
    assert f"lesson “{recreated.title}” (en)" in output


def test_the_core_calls_each_apps_demo_content_with_the_home_pages(demo, db, monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(apps.get_app_config("learning"), "demo_content", f"{__name__}.record_call")
    before = snapshot()
    run_load_demo()
    assert snapshot() == before
    assert len(CALLS) == 1
    assert (
        CALLS[0]["home_sv"].locale.language_code == "sv" and CALLS[0]["home_en"].locale.language_code == "en"
    )
    assert CALLS[0]["home_en"].translation_key == CALLS[0]["home_sv"].translation_key
    assert hasattr(CALLS[0]["result"], "logins")


def test_without_the_attribute_the_plugin_adds_nothing(demo, db, monkeypatch):
    monkeypatch.delattr(type(apps.get_app_config("learning")), "demo_content")
    user("sara").delete()
    output = run_load_demo()
    assert not get_user_model().objects.filter(username="sara").exists()
    # The learning coordinator's login line; the network plugin's "networkcoordinator" stays.
    assert not re.search(r"(?<!\w)coordinator@heart\.example", output)


CALLS = []


def record_call(**kwargs):
    CALLS.append(kwargs)


# --- The spec helpers -------------------------------------------------------------------------


def test_overlay_keeps_ids_and_key_and_takes_the_wording():
    spec = [
        {
            "type": "single_choice",
            "value": {
                "prompt": T("Fråga", "Question"),
                "points": 2,
                "options": [
                    {
                        "type": "item",
                        "value": {"text": T("Ja", "Yes"), "correct": True, "feedback": T("", "")},
                    },
                ],
            },
        }
    ]
    source, wording = to_raw(spec, "sv"), to_raw(spec, "en")
    merged = overlay(source, wording)
    assert merged[0]["id"] == source[0]["id"] != wording[0]["id"]
    option = merged[0]["value"]["options"][0]
    assert option["id"] == source[0]["value"]["options"][0]["id"]
    assert (merged[0]["value"]["prompt"], option["value"]["text"], option["value"]["correct"]) == (
        "Question",
        "Yes",
        True,
    )


@pytest.mark.parametrize(
    "wording",
    [
        [],  # a block missing
        [{"type": "paragraph", "value": {"text": "x"}, "id": "1"}],  # a key missing
        [{"type": "paragraph", "value": ["x"], "id": "1"}],  # text replaced by a list
    ],
)
def test_overlay_refuses_a_translation_of_another_shape(wording):
    source = [{"type": "paragraph", "value": {"text": "y", "extra": "z"}, "id": "1"}]
    with pytest.raises(ValueError):
        overlay(source, wording)


def test_every_spec_text_has_both_languages():
    def texts(value):
        if isinstance(value, T):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from texts(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from texts(item)

    for spec in MODULES:
        for text in texts(spec):
            assert bool(text.sv) == bool(text.en), text
            assert text.sv != text.en or text.sv in ("", "WCAG", "ISO 9001", "GDPR"), text
