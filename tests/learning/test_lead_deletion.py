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
