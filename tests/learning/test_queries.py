"""The catalogue and the dashboard, as pages and through the API, cost the same number of
queries with 2 modules as with 8: nothing is fetched once per module, lesson or enrolment."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heart_site.core.models import Theme
from learning import services
from learning.models import Audience, LessonPage
from tests.factories.learning import CourseIndexPageFactory, build_module, correct_answers
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 8


@pytest.fixture
def courses(site_tree):
    home_sv, _home_en = site_tree
    index = CourseIndexPageFactory(parent=home_sv)
    translate(index, "en", title="Courses", slug="courses")
    return index


@pytest.fixture
def user():
    return UserFactory()


def add_modules(courses, user, count):
    """Modules as the real catalogue has them: themes, audiences, an English translation for
    every other one; the user has started each and completed (with a certificate) every third."""
    theme = Theme.objects.filter(locale__language_code="sv").first()
    audience = Audience.objects.filter(locale__language_code="sv").first()
    start = courses.get_children().count()
    for number in range(start, start + count):
        module = build_module(courses, lessons=2, title=f"Modul {number}", slug=f"modul-{number}")
        module.themes.set([theme])
        module.audiences.set([audience])
        module.save_revision().publish()
        lessons = list(LessonPage.objects.child_of(module).order_by("path"))
        if number % 2 == 0:
            translate(module, "en", title=f"Module {number}", slug=f"module-{number}")
            for lesson_number, lesson in enumerate(lessons):
                translate(
                    lesson, "en", title=f"Lesson {lesson_number}", slug=f"m{number}-lesson-{lesson_number}"
                )
        services.lesson_complete(user=user, lesson=lessons[0])
        if number % 3 == 0:
            services.lesson_complete(user=user, lesson=lessons[1])
            attempt = services.quiz_attempt_start(user=user, module=module)
            services.quiz_attempt_submit(
                user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt)
            )


def queries(client, url, **extra):
    client.get(url, **extra)  # warm the per-process caches (site roots, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, response
    return len(captured), response


def listed(url, response):
    if "/api/" not in url:
        html = BeautifulSoup(response.content, "html.parser")
        completed = html.find("section", attrs={"aria-labelledby": "completed-heading"})
        return len(html.select("li.card")) + (len(completed.find_all("li")) if completed else 0)
    body = response.json()
    if isinstance(body, list):
        return len(body)
    return len(body["in_progress"]) + len(body["completed"])


CASES = [
    ("catalogue page, sv", "/sv/utbildningar/", {}),
    ("catalogue page, en", "/en/courses/", {}),
    ("catalogue API, sv", "/api/v3/learning/modules", {}),
    ("catalogue API, en", "/api/v3/learning/modules", {"HTTP_ACCEPT_LANGUAGE": "en"}),
]
PERSONAL_CASES = [
    ("dashboard page", "/sv/learning/dashboard/", {}),
    ("dashboard page, en", "/en/learning/dashboard/", {}),
    ("dashboard API", "/api/v3/learning/me/dashboard", {}),
]


def measure(client, courses, user, url, extra):
    add_modules(courses, user, SMALL)
    small, response = queries(client, url, **extra)
    assert listed(url, response) == SMALL
    add_modules(courses, user, LARGE - SMALL)
    large, response = queries(client, url, **extra)
    assert listed(url, response) == LARGE
    return small, large


@pytest.mark.parametrize(("name", "url", "extra"), CASES, ids=[case[0] for case in CASES])
def test_catalogue_queries_do_not_grow_anonymous(client, courses, user, name, url, extra):
    small, large = measure(client, courses, user, url, extra)
    assert small == large, f"{name}: {small} queries for {SMALL} modules, {large} for {LARGE}"


@pytest.mark.parametrize(
    ("name", "url", "extra"), CASES + PERSONAL_CASES, ids=[case[0] for case in CASES + PERSONAL_CASES]
)
def test_queries_do_not_grow_logged_in(client, courses, user, name, url, extra):
    client.force_login(user)
    small, large = measure(client, courses, user, url, extra)
    assert small == large, f"{name}: {small} queries for {SMALL} modules, {large} for {LARGE}"


# Budgets at today's counts, so that a wasteful change fails here. Of the catalogue's, 10 are
# the site's (site, locale, routing, view restrictions, header, menu, footer, settings; logged
# in also session, user and two permission reads) and the rest the listing's: themes,
# audiences, the modules with their lesson counts, their theme and audience keys, and the
# visitor's enrolments.
CATALOGUE_BUDGET = {"anonymous": 14, "logged in": 19}
DASHBOARD_BUDGET = 15
# Both with the SAVEPOINT and RELEASE of their transaction (the test's own transaction makes
# it nested); they were 22 and 27 while the attempt's module was rebuilt from its revision.
START_BUDGET = 12  # an attempt for an existing enrolment
SUBMIT_BUDGET = 12  # a passing submit, the module not yet complete


def test_catalogue_page_stays_within_a_fixed_budget(client, courses, user, django_assert_max_num_queries):
    """A ceiling as well as flatness, so a constant but wasteful page is noticed too."""
    add_modules(courses, user, LARGE)
    for who in ("anonymous", "logged in"):
        if who == "logged in":
            client.force_login(user)
        client.get("/sv/utbildningar/")
        with django_assert_max_num_queries(CATALOGUE_BUDGET[who]):
            assert client.get("/sv/utbildningar/").status_code == 200
    client.get("/sv/learning/dashboard/")
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        assert client.get("/sv/learning/dashboard/").status_code == 200


def _attempt_answers(module, attempt):
    """The right answers to an attempt as the API shows it (matching answers by their text)."""
    from learning.quiz import questions_from_stream

    answers = correct_answers(module)
    for question in questions_from_stream(module.quiz):
        if question.kind == "matching":
            shown = next(q for q in attempt["questions"] if q["id"] == question.id)
            token = {answer["text"]: answer["id"] for answer in shown["answers"]}
            answers[question.id] = {pair.id: token[pair.answer] for pair in question.pairs}
    return answers


def test_quiz_start_and_submit_stay_within_a_fixed_budget(
    client, courses, user, django_assert_max_num_queries
):
    """The submit grades from the pinned version's quiz, parsed once per process, and reads
    each row once; the start does not rebuild the module from its revision either."""
    module = build_module(courses, lessons=2, title="Modul", slug="modul")
    client.force_login(user)
    start = f"/api/v3/learning/modules/{module.pk}/attempts"
    first = client.post(start).json()
    client.post(
        f"/api/v3/learning/attempts/{first['id']}/submit",
        {"answers": _attempt_answers(module, first)},
        "application/json",
    )
    with django_assert_max_num_queries(START_BUDGET):
        response = client.post(start)
    assert response.status_code == 201
    attempt = response.json()
    with django_assert_max_num_queries(SUBMIT_BUDGET):
        response = client.post(
            f"/api/v3/learning/attempts/{attempt['id']}/submit",
            {"answers": _attempt_answers(module, attempt)},
            "application/json",
        )
    assert response.status_code == 200
    assert response.json()["percent"] == 100 and response.json()["questions"] is not None
