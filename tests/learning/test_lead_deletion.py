import pytest

from learning import services
from learning.models import Certificate, Enrollment, QuizAttempt
from tests.factories.learning import CourseIndexPageFactory, build_module, correct_answers
from tests.factories.users import UserFactory


@pytest.mark.django_db
def test_deleting_a_module_with_attempts_removes_progress_but_keeps_certificates(site_tree):
    home_sv, _home_en = site_tree
    module = build_module(CourseIndexPageFactory(parent=home_sv), lessons=1)
    user = UserFactory()
    for lesson in module.get_children().specific():
        services.lesson_complete(user=user, lesson=lesson)
    attempt = services.quiz_attempt_start(user=user, module=module)
    services.quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt))
    assert Certificate.objects.filter(user=user).exists()

    module.delete()

    assert not QuizAttempt.objects.exists()
    assert not Enrollment.objects.exists()
    certificate = Certificate.objects.get(user=user)
    assert certificate.module_id is None and certificate.module_title == module.title


@pytest.mark.django_db
def test_deleting_one_language_version_keeps_progress_on_the_other(site_tree):
    from tests.factories.pages import translate

    home_sv, home_en = site_tree
    index_sv = CourseIndexPageFactory(parent=home_sv)
    translate(index_sv, "en", title="Training", slug="training")
    module_sv = build_module(index_sv, lessons=0)
    module_en = translate(module_sv, "en", title="Module in English", slug="module-en")
    user = UserFactory()
    attempt = services.quiz_attempt_start(user=user, module=module_en)
    services.quiz_attempt_submit(
        user=user, attempt_id=attempt.pk, answers=correct_answers(module_en, attempt)
    )

    module_en.delete()

    enrollment = Enrollment.objects.get(user=user)
    attempt.refresh_from_db()
    assert enrollment.module_id == module_sv.pk
    assert attempt.module_id == module_sv.pk and attempt.passed
    assert attempt.quiz_version.module_id == module_sv.pk
    # The attempt is still shown as it was taken: in English.
    assert attempt.pinned_module().title == "Module in English"
    assert Certificate.objects.get(user=user).module_title == "Module in English"
