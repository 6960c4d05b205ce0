"""The learning services: enrolment, lessons, completion, certificates and quiz attempts, each
rule with the bad input that must change nothing."""

import contextlib
import copy
import datetime
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import PageViewRestriction, Revision

from learning.errors import NotFound
from learning.grading import InvalidAnswer
from learning.models import (
    Assignment,
    Certificate,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    TrainingModulePage,
)
from learning.quiz import answer_key, questions_from_stream
from learning.services import (
    attempt_for_user,
    enrollment_create,
    enrollment_refresh_completion,
    lesson_complete,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from learning.services import attempts as attempts_service
from learning.services.attempts import AlreadySubmitted, AttemptLimitReached
from learning.services.certificates import certificate_issue
from learning.services.enrollment import PrerequisitesMissing
from tests.concurrency import run_together
from tests.conftest import missing_service
from tests.factories.learning import CourseIndexPageFactory, LessonPageFactory, build_module, correct_answers
from tests.factories.users import UserFactory


@pytest.fixture
def catalogue(site_tree):
    home_sv, _home_en = site_tree
    return CourseIndexPageFactory(parent=home_sv)


@pytest.fixture
def module(catalogue):
    return build_module(catalogue, lessons=2)


@pytest.fixture
def user(db):
    return UserFactory(full_name="Anna Andersson")


def lessons(module):
    return [lesson.specific for lesson in module.get_children().live().order_by("path")]


def published(module, **fields):
    """Publish a new revision of ``module`` with ``fields`` changed, as an editor does."""
    page = TrainingModulePage.objects.get(pk=module.pk)
    for name, value in fields.items():
        if name == "prerequisites":
            page.prerequisites.set(value)
        else:
            setattr(page, name, value)
    page.save_revision().publish()
    return TrainingModulePage.objects.get(pk=module.pk)


def with_single_choice_key_flipped(module):
    """The module's quiz data with the single-choice question's right option moved from the
    first to the second option; every id stays, so old answers still name valid options."""
    raw = copy.deepcopy(list(module.quiz.raw_data))
    question = next(block for block in raw if block["type"] == "single_choice")
    for index, option in enumerate(question["value"]["options"]):
        option["value"]["correct"] = index == 1
    return raw


def wrong_answers(module):
    answers = {}
    for q in questions_from_stream(module.quiz):
        if q.kind == "single_choice":
            answers[q.id] = next(c.id for c in q.options if not c.correct)
        elif q.kind == "true_false":
            answers[q.id] = "false" if q.correct_answer else "true"
    return answers


def pass_quiz(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    return quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt))


def complete(user, module):
    for lesson in lessons(module):
        lesson_complete(user=user, lesson=lesson)
    return pass_quiz(user, module)


def nothing_written():
    return not (
        Enrollment.objects.exists()
        or LessonCompletion.objects.exists()
        or QuizAttempt.objects.exists()
        or Certificate.objects.exists()
    )


# --- Enrolment ---------------------------------------------------------------------------


def test_enrolment_is_idempotent(user, module):
    first, created = enrollment_create(user=user, module=module)
    again, created_again = enrollment_create(user=user, module=module)
    assert (created, created_again) == (True, False)
    assert first.pk == again.pk
    assert Enrollment.objects.get().module_key == module.translation_key


def test_self_enrolment_needs_the_prerequisites_completed(user, catalogue):
    basics = build_module(catalogue, lessons=1, title="Grunderna")
    advanced = build_module(catalogue, lessons=1)
    advanced = published(advanced, prerequisites=[basics])

    with pytest.raises(PrerequisitesMissing) as caught:
        enrollment_create(user=user, module=advanced)
    assert caught.value.status == 403
    assert "Grunderna" in str(caught.value.message)
    assert not Enrollment.objects.filter(module_key=advanced.translation_key).exists()

    complete(user, basics)
    assert Enrollment.objects.get(module_key=basics.translation_key).is_completed
    _enrollment, created = enrollment_create(user=user, module=advanced)
    assert created


def test_merely_enrolling_in_a_prerequisite_is_not_enough(user, catalogue):
    basics = build_module(catalogue, lessons=1)
    advanced = build_module(catalogue, lessons=1)
    advanced = published(advanced, prerequisites=[basics])
    enrollment_create(user=user, module=basics)
    with pytest.raises(PrerequisitesMissing):
        enrollment_create(user=user, module=advanced)


def test_doing_a_lesson_does_not_sidestep_the_prerequisites(user, catalogue):
    basics = build_module(catalogue, lessons=1)
    advanced = build_module(catalogue, lessons=1)
    advanced = published(advanced, prerequisites=[basics])
    with pytest.raises(PrerequisitesMissing):
        lesson_complete(user=user, lesson=lessons(advanced)[0])
    assert not Enrollment.objects.filter(module_key=advanced.translation_key).exists()
    assert not LessonCompletion.objects.exists()


def test_an_assignment_enrols_without_the_prerequisites(user, catalogue):
    basics = build_module(catalogue, lessons=1)
    advanced = build_module(catalogue, lessons=1)
    advanced = published(advanced, prerequisites=[basics])
    group = Group.objects.create(name="Handläggare")
    assignment = Assignment.objects.create(module=advanced, group=group, due_date=datetime.date(2031, 5, 1))

    enrollment, created = enrollment_create(user=user, module=advanced, assignment=assignment)
    assert created
    assert enrollment.assignment == assignment
    assert enrollment.due_date == datetime.date(2031, 5, 1)


def test_unpublished_module_is_not_found_and_nothing_is_written(user, module):
    lesson = lessons(module)[0]
    module.unpublish()
    module = TrainingModulePage.objects.get(pk=module.pk)
    for call in (
        lambda: enrollment_create(user=user, module=module),
        lambda: quiz_attempt_start(user=user, module=module),
        # The lesson itself is still live: the module above it decides.
        lambda: lesson_complete(user=user, lesson=lesson),
    ):
        with pytest.raises(NotFound) as caught:
            call()
        assert caught.value.status == 404
    assert nothing_written()


@pytest.mark.parametrize("restrict", ["module", "catalogue"])
def test_restricted_module_is_not_found(user, module, catalogue, restrict):
    page = module if restrict == "module" else catalogue
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    with pytest.raises(NotFound):
        enrollment_create(user=user, module=module)
    with pytest.raises(NotFound):
        quiz_attempt_start(user=user, module=module)
    with pytest.raises(NotFound):
        lesson_complete(user=user, lesson=lessons(module)[0])
    assert nothing_written()


# --- Lessons and completion ---------------------------------------------------------------


def test_lesson_complete_is_idempotent_and_enrols(user, module):
    lesson = lessons(module)[0]
    lesson_complete(user=user, lesson=lesson)
    enrollment = lesson_complete(user=user, lesson=lesson)
    assert Enrollment.objects.count() == 1
    assert list(LessonCompletion.objects.values_list("lesson_key", flat=True)) == [lesson.translation_key]
    assert enrollment.last_lesson_id == lesson.pk
    assert enrollment.completed_at is None


def test_passing_the_quiz_before_the_lessons_does_not_complete(user, module):
    first, second = lessons(module)
    attempt = pass_quiz(user, module)
    assert attempt.passed
    lesson_complete(user=user, lesson=first)
    assert not Enrollment.objects.get().is_completed
    assert not Certificate.objects.exists()
    lesson_complete(user=user, lesson=second)
    assert Enrollment.objects.get().is_completed
    assert Certificate.objects.count() == 1


def test_every_lesson_without_a_pass_does_not_complete(user, module):
    for lesson in lessons(module):
        lesson_complete(user=user, lesson=lesson)
    attempt = quiz_attempt_start(user=user, module=module)
    failed = quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=wrong_answers(module))
    assert not failed.passed
    assert not Enrollment.objects.get().is_completed
    assert not Certificate.objects.exists()


def test_a_lesson_live_only_in_another_language_still_counts(user, site_tree, catalogue, module):
    from tests.factories.pages import translate

    translate(catalogue, "en", title="Courses", slug="courses")
    module_en = translate(module, "en", title="Module", slug="module")
    extra = LessonPageFactory(parent=module_en, title="Only in English")
    assert extra.locale.language_code == "en"
    complete(user, module)
    assert not Enrollment.objects.get().is_completed
    lesson_complete(user=user, lesson=extra)
    assert Enrollment.objects.get().is_completed


def test_an_unpublished_lesson_no_longer_counts(user, module):
    first, second = lessons(module)
    second.unpublish()
    lesson_complete(user=user, lesson=first)
    pass_quiz(user, module)
    assert Enrollment.objects.get().is_completed


def test_a_module_without_quiz_completes_with_its_lessons(user, catalogue):
    module = build_module(catalogue, lessons=2, quiz=[])
    for lesson in lessons(module):
        assert not Enrollment.objects.filter(completed_at__isnull=False).exists()
        lesson_complete(user=user, lesson=lesson)
    assert Enrollment.objects.get().is_completed
    with pytest.raises(NotFound):
        quiz_attempt_start(user=user, module=module)


def test_completion_issues_the_certificate_once(user, module):
    complete(user, module)
    enrollment = Enrollment.objects.get()
    certificate = Certificate.objects.get()
    assert (certificate.participant_name, certificate.module_title) == ("Anna Andersson", module.title)
    assert certificate.module_key == module.translation_key

    # Passing again, refreshing, issuing again: still the one certificate with its code.
    pass_quiz(user, module)
    assert enrollment_refresh_completion(enrollment=enrollment, module=module) is False
    assert certificate_issue(enrollment=enrollment, module=module).pk == certificate.pk
    assert Certificate.objects.get().code == certificate.code


def test_a_module_without_certificate_completes_without_one(user, catalogue):
    module = build_module(catalogue, lessons=1, issues_certificate=False)
    complete(user, module)
    assert Enrollment.objects.get().is_completed
    assert not Certificate.objects.exists()


# --- Attempts ------------------------------------------------------------------------------


def test_starting_again_resumes_the_open_attempt(user, module):
    first = quiz_attempt_start(user=user, module=module)
    again = quiz_attempt_start(user=user, module=module)
    assert first.pk == again.pk
    assert QuizAttempt.objects.count() == 1
    assert (first.number, first.revision_number) == (1, module.live_revision_id)


def test_each_submitted_attempt_is_followed_by_a_new_one_with_a_new_seed(user, module):
    first = pass_quiz(user, module)
    second = quiz_attempt_start(user=user, module=module)
    assert second.pk != first.pk
    assert second.number == 2
    assert second.seed != first.seed


def test_attempt_limit_is_enforced_and_nothing_created(user, catalogue):
    module = build_module(catalogue, lessons=1, max_attempts=2)
    for _ in range(2):
        attempt = quiz_attempt_start(user=user, module=module)
        quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=wrong_answers(module))
    with pytest.raises(AttemptLimitReached) as caught:
        quiz_attempt_start(user=user, module=module)
    assert caught.value.status == 403
    assert "2" in str(caught.value.message)
    assert QuizAttempt.objects.count() == 2


def test_the_limit_leaves_an_open_attempt_resumable(user, catalogue):
    module = build_module(catalogue, lessons=1, max_attempts=1)
    attempt = quiz_attempt_start(user=user, module=module)
    assert quiz_attempt_start(user=user, module=module).pk == attempt.pk
    quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers={})
    with pytest.raises(AttemptLimitReached):
        quiz_attempt_start(user=user, module=module)


def test_another_users_attempt_is_not_found_and_untouched(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    intruder = UserFactory()
    with pytest.raises(NotFound):
        attempt_for_user(user=intruder, attempt_id=attempt.pk)
    with pytest.raises(NotFound) as caught:
        quiz_attempt_submit(user=intruder, attempt_id=attempt.pk, answers=correct_answers(module, attempt))
    assert caught.value.status == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None
    assert not Enrollment.objects.filter(user=intruder).exists()


def test_an_attempt_is_not_found_through_another_module(user, catalogue, module):
    other = build_module(catalogue, lessons=1)
    attempt = quiz_attempt_start(user=user, module=module)
    with pytest.raises(NotFound):
        attempt_for_user(user=user, attempt_id=attempt.pk, module=other)
    assert attempt_for_user(user=user, attempt_id=attempt.pk, module=module).pk == attempt.pk


def test_a_submitted_attempt_conflicts_and_keeps_its_score(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    graded = quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=wrong_answers(module))
    assert graded.submitted_at is not None
    with pytest.raises(AlreadySubmitted) as caught:
        quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt))
    assert caught.value.status == 409
    attempt.refresh_from_db()
    assert (attempt.score, attempt.percent, attempt.passed) == (graded.score, graded.percent, False)
    assert attempt.submitted_at == graded.submitted_at
    assert attempt.answers == graded.answers


def test_invalid_answers_change_nothing(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    single = next(q for q in questions_from_stream(module.quiz) if q.kind == "single_choice")
    multiple = next(q for q in questions_from_stream(module.quiz) if q.kind == "multiple_choice")
    answers = correct_answers(module, attempt)
    answers[single.id] = multiple.options[0].id  # an option of another question
    with pytest.raises(InvalidAnswer) as caught:
        quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers)
    assert caught.value.status == 400
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.answers == {} and attempt.score is None
    # The attempt can still be submitted properly.
    assert quiz_attempt_submit(
        user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt)
    ).passed


def test_submitting_after_the_module_is_unpublished_is_not_found(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    module.unpublish()
    with pytest.raises(NotFound):
        quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt))
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_full_marks_and_stored_results(user, module):
    attempt = pass_quiz(user, module)
    total = sum(q.points for q in questions_from_stream(module.quiz))
    assert (attempt.score, attempt.max_score, attempt.percent, attempt.passed) == (total, total, 100, True)
    assert {r["outcome"] for r in attempt.results} == {"correct"}
    assert len(attempt.results) == len(module.quiz)


def test_the_pass_mark_decides(user, catalogue):
    # Getting only the single-choice question right: 1 of 7 points, 14.3 %.
    strict = build_module(catalogue, lessons=0, pass_mark=15)
    lenient = build_module(catalogue, lessons=0, pass_mark=14)
    for module, expected in ((strict, False), (lenient, True)):
        attempt = quiz_attempt_start(user=user, module=module)
        single = next(q for q in questions_from_stream(module.quiz) if q.kind == "single_choice")
        answers = {single.id: correct_answers(module, attempt)[single.id]}
        graded = quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers)
        assert (float(graded.percent), graded.passed) == (14.3, expected)


# --- The revision an attempt was taken against ---------------------------------------------


def test_an_attempt_is_graded_against_its_revision(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    old_answers = correct_answers(module, attempt)
    old_revision = attempt.revision_number

    changed = published(module, quiz=with_single_choice_key_flipped(module))
    assert changed.live_revision_id != old_revision
    assert answer_key(questions_from_stream(changed.quiz)) != answer_key(questions_from_stream(module.quiz))

    graded = quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=old_answers)
    assert graded.percent == 100
    assert graded.revision_number == old_revision

    second = quiz_attempt_start(user=user, module=changed)
    assert second.revision_number == changed.live_revision_id
    regraded = quiz_attempt_submit(user=user, attempt_id=second.pk, answers=correct_answers(module, second))
    assert regraded.percent < 100
    single = next(q for q in questions_from_stream(changed.quiz) if q.kind == "single_choice")
    assert next(r for r in regraded.results if r["question_id"] == single.id)["outcome"] == "incorrect"

    third = quiz_attempt_start(user=user, module=changed)
    assert (
        quiz_attempt_submit(user=user, attempt_id=third.pk, answers=correct_answers(changed, third)).percent
        == 100
    )


def test_the_pass_mark_of_the_attempts_revision_applies(user, catalogue):
    module = build_module(catalogue, lessons=0, pass_mark=100)
    attempt = quiz_attempt_start(user=user, module=module)
    answers = correct_answers(module, attempt)
    single = next(q for q in questions_from_stream(module.quiz) if q.kind == "single_choice")
    del answers[single.id]  # 6 of 7 points
    published(module, pass_mark=50)
    assert quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers).passed is False


def test_an_attempt_survives_the_purge_of_its_revision(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    old_answers = correct_answers(module, attempt)
    published(module, quiz=with_single_choice_key_flipped(module))
    # What ``purge_revisions`` does to revisions that are neither live nor latest.
    Revision.objects.filter(pk=attempt.revision_number).delete()
    graded = quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=old_answers)
    assert graded.percent == 100


def test_a_draft_is_not_what_attempts_are_taken_against(user, module):
    draft = TrainingModulePage.objects.get(pk=module.pk)
    draft.quiz = with_single_choice_key_flipped(module)
    draft.save_revision()  # saved, not published
    attempt = quiz_attempt_start(user=user, module=TrainingModulePage.objects.get(pk=module.pk))
    assert attempt.revision_number == module.live_revision_id
    assert (
        quiz_attempt_submit(
            user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt)
        ).percent
        == 100
    )


# --- Concurrency ---------------------------------------------------------------------------


def test_a_double_submit_grades_once(user, module):
    attempt = quiz_attempt_start(user=user, module=module)
    right = correct_answers(module, attempt)
    first = quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=right)
    with pytest.raises(AlreadySubmitted):
        quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=right)
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score) == (first.submitted_at, first.score)


def require_postgresql():
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL is needed for real concurrent transactions (set DATABASE_URL)")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submissions_grade_once(site_tree, monkeypatch):
    require_postgresql()
    home_sv, _home_en = site_tree
    module = build_module(CourseIndexPageFactory(parent=home_sv), lessons=0)
    user = UserFactory()
    attempt = quiz_attempt_start(user=user, module=module)
    right, wrong = correct_answers(module, attempt), wrong_answers(module)

    # Both submissions have read the attempt as open and graded it before either writes: the
    # race the single conditional update must settle. If the service serialises earlier (a row
    # lock), the second never arrives and the first goes on after the timeout.
    barrier = threading.Barrier(2, timeout=5)
    grade_quiz = attempts_service.grade_quiz

    def grade_then_wait(*args, **kwargs):
        result = grade_quiz(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return result

    monkeypatch.setattr(attempts_service, "grade_quiz", grade_then_wait)
    outcomes = run_together(
        lambda: quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=right),
        lambda: quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=wrong),
    )

    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], AlreadySubmitted), outcomes
    winner = next(o for o in outcomes if isinstance(o, QuizAttempt))
    stored = QuizAttempt.objects.get()
    assert (stored.submitted_at, stored.score, stored.passed) == (
        winner.submitted_at,
        winner.score,
        winner.passed,
    )
    assert stored.answers == winner.answers
    # Whoever won, the enrolment and the certificate follow that one grading.
    assert Enrollment.objects.get().is_completed == stored.passed
    assert Certificate.objects.count() == int(stored.passed)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_starts_open_one_attempt(site_tree):
    require_postgresql()
    home_sv, _home_en = site_tree
    module = build_module(CourseIndexPageFactory(parent=home_sv), lessons=0)
    user = UserFactory()
    outcomes = run_together(*[lambda: quiz_attempt_start(user=user, module=module)] * 2)
    assert all(isinstance(o, QuizAttempt) for o in outcomes), outcomes
    assert outcomes[0].pk == outcomes[1].pk
    assert QuizAttempt.objects.count() == 1
    assert Enrollment.objects.count() == 1
