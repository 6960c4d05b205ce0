"""Demo participants, a learning coordinator, assignments and progress.

Progress is made through the plugin's services, as a participant's clicks would make it, so
dashboards, reports and certificates show what they would show in real use. A participant's
progress is added only while they have none: a second run, or a participant who has been
trying the site, is left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from heart_site.core.management.commands.load_demo import create_users

from .. import services
from ..errors import LearningError
from ..models import Assignment, LessonCompletion, LessonPage, QuizAttempt
from ..quiz import matching_token
from ..reference_data import COORDINATORS


def _person(username, full_name, organisation, role, *, language="sv", group=None):
    return {
        "username": username,
        "email": f"{username}@heart.example",
        "password": f"heart-demo-{username}",
        "full_name": full_name,
        "organisation_name": organisation,
        "preferred_language": language,
        "is_staff": group is not None,
        "is_superuser": False,
        "group": group,
        "role": role,
    }


PEOPLE = [
    _person("coordinator", "Kim Koordinator", "HEART", "Learning coordinator", group=COORDINATORS),
    _person("sara", "Sara Lindqvist", "Sollentuna kommun", "Participant (municipality)"),
    _person("johan", "Johan Nilsson", "Sollentuna kommun", "Participant (municipality)"),
    _person("amira", "Amira Haddad", "Arbetsförmedlingen", "Participant (employment service)", language="en"),
    _person("mikael", "Mikael Berg", "Kvarnbackens Bygg AB", "Participant (employer)"),
]

# Module given to everyone of an organisation, due this many days after the first load.
ASSIGNMENTS = [
    {"module": "equal-treatment", "organisation_name": "Exempelkommunen", "due_in_days": 14},
    {"module": "accessibility", "organisation_name": "Sollentuna kommun", "due_in_days": 21},
]

ALL = None
# Per username, in order: ("lessons", module, language, how many) marks the first lessons done;
# ("quiz", module, language, how many right) answers the first questions right and the rest
# wrong. ``ALL`` means every lesson, or every question.
PROGRESS = {
    "participant": [("lessons", "equal-treatment", "sv", 1)],
    "sara": [
        ("lessons", "equal-treatment", "sv", ALL),
        ("quiz", "equal-treatment", "sv", ALL),
        ("lessons", "recruitment", "sv", 1),
    ],
    "johan": [("lessons", "accessibility", "sv", ALL), ("quiz", "accessibility", "sv", 2)],
    "amira": [
        ("lessons", "csr", "en", ALL),
        ("quiz", "csr", "en", 3),
        ("quiz", "csr", "en", ALL),
    ],
    "mikael": [("lessons", "csr", "sv", 1)],
}


def add_people(*, pages, result):
    users = {user.username: user for user in create_users(result, PEOPLE)}
    result.logins.extend(PEOPLE)
    add_assignments(pages, users["coordinator"], result)
    for username, steps in PROGRESS.items():
        user = users.get(username) or get_user_model().objects.filter(username=username).first()
        if user is None:
            result.notes.append(f"no user {username!r}; no learning progress was added for them")
        elif not has_progress(user):
            add_progress(user, steps, pages, result)


def add_assignments(pages, coordinator, result):
    for spec in ASSIGNMENTS:
        module = pages["sv"][spec["module"]]
        existing = Assignment.objects.filter(
            module__translation_key=module.translation_key, organisation_name=spec["organisation_name"]
        ).first()
        if existing is not None:
            result.existing.append(existing)
            continue
        assignment = Assignment.objects.create(
            module=module,
            organisation_name=spec["organisation_name"],
            due_date=timezone.localdate() + datetime.timedelta(days=spec["due_in_days"]),
            created_by=coordinator,
        )
        enrolled = services.assignment_apply(assignment=assignment)
        result.created.append(
            f"assignment of “{module.title}” to {assignment.organisation_name} ({enrolled} enrolled)"
        )


def has_progress(user):
    return (
        LessonCompletion.objects.filter(enrollment__user=user).exists()
        or QuizAttempt.objects.filter(enrollment__user=user).exists()
    )


def add_progress(user, steps, pages, result):
    lessons_done = attempts = 0
    try:
        for kind, key, language, count in steps:
            module = pages[language][key]
            if kind == "lessons":
                lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
                for lesson in lessons[:count]:
                    services.lesson_complete(user=user, lesson=lesson)
                    lessons_done += 1
            else:
                take_quiz(user, module, right=count, language=language)
                attempts += 1
    except LearningError as error:
        # An editor unpublished or restricted a demo page: skip the rest, not the whole demo.
        result.notes.append(f"the learning progress of {user.username} stopped early: {error}")
    if lessons_done or attempts:
        result.created.append(
            f"learning progress of {user.username}: {lessons_done} lessons done, {attempts} quiz attempts"
        )


def take_quiz(user, module, *, right, language):
    attempt = services.quiz_attempt_start(user=user, module=module)
    questions = attempt.quiz_version.quiz().questions
    answers = {
        q.id: right_answer(q, attempt.seed)
        if right is ALL or number < right
        else wrong_answer(q, attempt.seed, language)
        for number, q in enumerate(questions)
    }
    return services.quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers)


def right_answer(q, seed):
    if q.kind == "single_choice":
        return next(c.id for c in q.options if c.correct)
    if q.kind == "multiple_choice":
        return [c.id for c in q.options if c.correct]
    if q.kind == "true_false":
        return "true" if q.correct_answer else "false"
    if q.kind == "short_answer":
        return q.accepted_answers[0]
    if q.kind == "ordering":
        return [c.id for c in q.items]
    return {p.id: matching_token(seed, p.id) for p in q.pairs}


def wrong_answer(q, seed, language):
    """A plausible mistake: a wrong option, half-remembered choices, a shuffled order."""
    if q.kind == "single_choice":
        return next(c.id for c in q.options if not c.correct)
    if q.kind == "multiple_choice":
        return [next(c.id for c in q.options if c.correct)]
    if q.kind == "true_false":
        return "false" if q.correct_answer else "true"
    if q.kind == "short_answer":
        return "vet inte" if language == "sv" else "not sure"
    if q.kind == "ordering":
        return [c.id for c in reversed(q.items)]
    tokens = [matching_token(seed, p.id) for p in q.pairs]
    return {p.id: tokens[(index + 1) % len(tokens)] for index, p in enumerate(q.pairs)}
