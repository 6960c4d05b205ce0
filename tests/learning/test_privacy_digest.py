"""The plugin's part in "download my data" and "delete my account", and in the email digest."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from heart_site import privacy
from heart_site.core.models import Theme
from heart_site.notifications import digest_sections
from heart_site.notifications.models import OutboxMessage, Subscription
from heart_site.notifications.services.digests import digest_queue_due
from learning.models import (
    Certificate,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    ReflectionAnswer,
    TrainingModulePage,
)
from learning.services import lesson_complete, quiz_attempt_start, quiz_attempt_submit, reflection_save
from tests.factories.learning import CourseIndexPageFactory, build_module, correct_answers
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(site_tree):
    home_sv, _home_en = site_tree
    catalogue = CourseIndexPageFactory(parent=home_sv)
    translate(catalogue, "en", title="Courses", slug="courses")
    return catalogue


# --- Privacy -----------------------------------------------------------------------------


def take_part(user, module):
    """Every kind of record: lessons done, a reflection, a passed attempt, a certificate."""
    lessons = [lesson.specific for lesson in module.get_children().order_by("path")]
    for lesson in lessons:
        lesson_complete(user=user, lesson=lesson)
    block_id = next(iter(lessons[0].reflection_block_ids()))
    reflection_save(user=user, lesson=lessons[0], block_id=block_id, text=f"Min tanke, {user.username}.")
    attempt = quiz_attempt_start(user=user, module=module)
    quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt))
    return lessons


def test_export_holds_every_learning_record(catalogue):
    module = build_module(catalogue, lessons=2, title="Inkluderande rekrytering")
    user = UserFactory(full_name="Anna Andersson")
    lessons = take_part(user, module)
    take_part(UserFactory(), module)  # someone else's records stay out

    data = json.loads(json.dumps(privacy.user_data_export(user=user)))  # a download is JSON
    learning = data["learning"]
    assert set(learning) >= {"enrolments", "reflections", "certificates"}

    (enrolment,) = learning["enrolments"]
    assert enrolment["module"] == "Inkluderande rekrytering"
    assert enrolment["completed_at"]
    assert sorted(enrolment["lessons_done"]) == sorted(str(lesson.translation_key) for lesson in lessons)
    (attempt,) = enrolment["quiz_attempts"]
    assert attempt["passed"] is True and attempt["answers"]
    assert attempt["answers"] == QuizAttempt.objects.get(enrollment__user=user).answers

    (reflection,) = learning["reflections"]
    assert reflection["answer"] == f"Min tanke, {user.username}."
    (certificate,) = learning["certificates"]
    assert certificate["code"] == Certificate.objects.get(user=user).code
    assert certificate["name"] == "Anna Andersson"


def test_export_of_someone_who_never_took_part_is_empty_not_missing(db):
    learning = privacy.user_data_export(user=UserFactory())["learning"]
    assert learning["enrolments"] == [] and learning["reflections"] == [] and learning["certificates"] == []


def test_erasing_the_account_removes_every_learning_record(catalogue):
    module = build_module(catalogue, lessons=2)
    user, other = UserFactory(), UserFactory()
    take_part(user, module)
    take_part(other, module)
    code = Certificate.objects.get(user=user).code

    privacy.user_data_erase(user=user)

    assert not Enrollment.objects.filter(user_id=user.pk).exists()
    assert not LessonCompletion.objects.filter(enrollment__user_id=user.pk).exists()
    assert not QuizAttempt.objects.filter(enrollment__user_id=user.pk).exists()
    assert not ReflectionAnswer.objects.filter(user_id=user.pk).exists()
    assert not Certificate.objects.filter(code=code).exists()  # no longer verifiable either
    # Only theirs.
    assert Enrollment.objects.filter(user=other).count() == 1
    assert LessonCompletion.objects.count() == 2
    assert QuizAttempt.objects.count() == 1
    assert ReflectionAnswer.objects.count() == 1
    assert Certificate.objects.filter(user=other).count() == 1


def test_the_learning_eraser_does_its_work_itself(catalogue):
    # Not left to the user row's cascade: an eraser run on its own must empty the records.
    module = build_module(catalogue, lessons=1)
    user = UserFactory()
    take_part(user, module)
    handler = next(h for h in privacy.handlers() if h.key == "learning")
    handler.erase(user)
    assert not Enrollment.objects.exists()
    assert not QuizAttempt.objects.exists()
    assert not ReflectionAnswer.objects.exists()
    assert not Certificate.objects.exists()
    assert handler.export(user) == {"enrolments": [], "reflections": [], "certificates": []}


# --- The digest -----------------------------------------------------------------------------


def learning_section():
    return next(section for section in digest_sections.sections() if section.key == "learning")


def collect(language, *, themes=(), since=None):
    now = timezone.now()
    theme_keys = frozenset(
        Theme.objects.filter(slug__in=themes, locale__language_code="sv").values_list(
            "translation_key", flat=True
        )
    )
    assert len(theme_keys) == len(themes)
    query = digest_sections.DigestQuery(
        language=language,
        since=since or now - timedelta(days=7),
        until=now + timedelta(seconds=1),
        theme_keys=theme_keys,
    )
    return learning_section().collect(query)


def published_module(catalogue, title, *, themes=(), english=None, published_days_ago=None):
    module = build_module(catalogue, lessons=1, title=title, summary=f"Om {title}.")
    if themes:
        module.themes.set(Theme.objects.filter(locale__language_code="sv", slug__in=themes))
        module.save_revision().publish()
    if english:
        translate(
            module, "en", title=english, slug=english.lower().replace(" ", "-"), summary=f"About {english}."
        )
    if published_days_ago is not None:
        when = timezone.now() - timedelta(days=published_days_ago)
        TrainingModulePage.objects.filter(translation_key=module.translation_key).update(
            first_published_at=when, last_published_at=when
        )
    return module


def test_a_module_published_in_the_period_in_the_subscribers_language(catalogue):
    published_module(catalogue, "Tillgänglighet på arbetsplatsen", english="Accessibility at the workplace")
    (item_en,) = collect("en")
    assert (item_en.title, item_en.language) == ("Accessibility at the workplace", "en")
    assert item_en.summary == "About Accessibility at the workplace."
    assert "/en/" in item_en.url and item_en.url.startswith("http")
    (item_sv,) = collect("sv")
    assert (item_sv.title, item_sv.language) == ("Tillgänglighet på arbetsplatsen", "sv")
    assert "/sv/" in item_sv.url


def test_an_untranslated_module_falls_back_to_swedish(catalogue):
    published_module(catalogue, "CSR från ord till handling")
    (item,) = collect("en")
    assert (item.title, item.language) == ("CSR från ord till handling", "sv")


def test_only_modules_of_the_subscribers_themes(catalogue):
    published_module(catalogue, "Ålder i arbetslivet", themes=["age"])
    published_module(catalogue, "Tillgänglighet", themes=["accessibility", "disability"])
    published_module(catalogue, "Utan tema")
    assert [i.title for i in collect("sv", themes=["age"])] == ["Ålder i arbetslivet"]
    assert [i.title for i in collect("sv", themes=["disability"])] == ["Tillgänglighet"]
    assert sorted(i.title for i in collect("sv", themes=["age", "accessibility"])) == [
        "Tillgänglighet",
        "Ålder i arbetslivet",
    ]
    assert collect("sv", themes=["csr"]) == []
    assert len(collect("sv")) == 3  # no themes chosen means everything


def test_only_what_was_published_in_the_period(catalogue):
    old = published_module(catalogue, "Gammal modul", published_days_ago=30)
    published_module(catalogue, "Ny modul")
    assert [i.title for i in collect("sv")] == ["Ny modul"]
    # Published again with changes: an updated module is news again.
    old = TrainingModulePage.objects.get(pk=old.pk)
    old.summary = "Uppdaterad."
    old.save_revision().publish()
    assert sorted(i.title for i in collect("sv")) == ["Gammal modul", "Ny modul"]


def test_unpublished_and_restricted_modules_stay_out(catalogue):
    hidden = published_module(catalogue, "Utkast")
    hidden.unpublish()
    restricted = published_module(catalogue, "Bara för inloggade")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    published_module(catalogue, "Öppen")
    assert [i.title for i in collect("sv")] == ["Öppen"]


def test_the_digest_email_carries_the_learning_section(catalogue):
    confirmed = timezone.now() - timedelta(days=3)
    Subscription.objects.create(
        email="prenumerant@example.org",
        language="en",
        frequency="weekly",
        confirmed_at=confirmed,
        last_digest_until=confirmed,
    )
    published_module(catalogue, "Likabehandling", english="Equal treatment")
    assert digest_queue_due() == 1
    message = OutboxMessage.objects.get(kind="digest")
    assert "Equal treatment" in message.body_text
    assert "Likabehandling" not in message.body_text
    assert "Equal treatment" in message.body_html
