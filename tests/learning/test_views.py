"""The learning plugin's HTML pages under /sv/ and /en/: catalogue, module, lesson, quiz,
result, dashboard, certificates and verification, driven as a browser without JavaScript
would: by following links and posting the forms the pages render."""

import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from heart_site.core.models import Theme
from learning import services
from learning.models import (
    Audience,
    Certificate,
    Enrollment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    ReflectionAnswer,
)
from learning.quiz import matching_token, questions_from_stream
from tests.factories.learning import CourseIndexPageFactory, build_module, correct_answers
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


# --- Set-up -----------------------------------------------------------------------------------


@pytest.fixture
def courses(site_tree):
    home_sv, _home_en = site_tree
    index = CourseIndexPageFactory(parent=home_sv)
    translate(index, "en", title="Courses", slug="courses")
    return index


def lessons(module):
    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def translate_module(module, title, slug):
    module_en = translate(module, "en", title=title, slug=slug)
    for number, lesson in enumerate(lessons(module), start=1):
        translate(lesson, "en", title=f"Lesson {number}", slug=f"{slug}-lesson-{number}")
    return module_en


@pytest.fixture
def module(courses):
    return build_module(courses, lessons=2, title="Likabehandling", slug="likabehandling")


@pytest.fixture
def module_en(module):
    return translate_module(module, "Equal treatment", "equal-treatment")


@pytest.fixture
def user():
    return UserFactory(full_name="Alva Andersson")


@pytest.fixture
def other_user():
    return UserFactory(full_name="Bo Berg")


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return " ".join(soup(response).get_text(" ").split())


def subpage(page, name, **kwargs):
    return page.url + page.reverse_subpage(name, kwargs=kwargs or None)


def assert_personal(response):
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def assert_login_redirect(response, next_url):
    assert response.status_code == 302
    assert response["Location"].split("?")[0].endswith("/accounts/login/")
    assert f"next={next_url}" in response["Location"].replace("%2F", "/")


def complete(user, module):
    for lesson in lessons(module):
        services.lesson_complete(user=user, lesson=lesson)
    attempt = services.quiz_attempt_start(user=user, module=module)
    services.quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=correct_answers(module, attempt))


def reflection_id(lesson):
    return next(str(block.id) for block in lesson.body if block.block_type == "reflection")


# --- Catalogue --------------------------------------------------------------------------------


def card_titles(response):
    return [h.get_text(strip=True) for h in soup(response).select("li.card .card__title")]


def test_catalogue_in_each_language(client, courses, module_en):
    swedish_only = build_module(courses, lessons=1, title="Bara på svenska", slug="bara-svenska")
    sv = client.get("/sv/utbildningar/")
    en = client.get("/en/courses/")
    assert sv.status_code == en.status_code == 200
    assert card_titles(sv) == ["Likabehandling", "Bara på svenska"]
    # Order across the two language trees is not pinned here (see the report on catalogue order).
    assert sorted(card_titles(en)) == ["Bara på svenska", "Equal treatment"]
    # The Swedish-only module keeps its language in the English catalogue, marked for screen readers.
    link = soup(en).find("a", string="Bara på svenska")
    assert (link["href"], link["lang"]) == (swedish_only.url, "sv")
    assert soup(en).find("a", string="Equal treatment")["href"] == "/en/courses/equal-treatment/"
    # The filter form's labels come from the catalogue of the page's language.
    assert soup(sv).find("label", attrs={"for": "theme-filter"}).get_text(strip=True) == "Tema"
    assert soup(en).find("label", attrs={"for": "theme-filter"}).get_text(strip=True) == "Theme"
    assert soup(sv).html["lang"] == "sv"
    assert soup(en).html["lang"] == "en"


def test_renamed_audiences_and_themes_show_at_once_though_the_filters_are_cached(client, courses):
    build_module(courses, lessons=1, title="Ålder", slug="alder")

    def options(select_id):
        page = soup(client.get("/sv/utbildningar/"))
        return [o.get_text(strip=True) for o in page.find("select", id=select_id).find_all("option")]

    assert "Arbetsgivare och chefer" in options("audience-filter")
    with CaptureQueriesContext(connection) as cached:
        client.get("/sv/utbildningar/")
    # The options come from the cache; the only audience rows read are the modules' own tags.
    assert not [q for q in cached.captured_queries if q["sql"].startswith('SELECT "learning_audience"')]

    employers = Audience.objects.get(slug="employers", locale__language_code="sv")
    employers.name = "Arbetsgivare"
    employers.save()
    age = Theme.objects.get(slug="age", locale__language_code="sv")
    age.name = "Ålder i arbetslivet"
    age.save()

    assert "Arbetsgivare" in options("audience-filter")
    assert "Arbetsgivare och chefer" not in options("audience-filter")
    assert "Ålder i arbetslivet" in options("theme-filter")


def test_catalogue_filters(client, courses):
    age = Theme.objects.get(slug="age", locale__language_code="sv")
    employers = Audience.objects.get(slug="employers", locale__language_code="sv")
    about_age = build_module(courses, lessons=1, title="Ålder", slug="alder")
    build_module(courses, lessons=1, title="Kön", slug="kon")
    about_age.themes.set([age])
    about_age.audiences.set([employers])
    about_age.save_revision().publish()
    translate_module(about_age, "Age", "age")

    assert card_titles(client.get("/sv/utbildningar/", {"theme": "age"})) == ["Ålder"]
    assert card_titles(client.get("/en/courses/", {"theme": "age"})) == ["Age"]
    assert card_titles(client.get("/sv/utbildningar/", {"audience": "employers"})) == ["Ålder"]
    assert card_titles(client.get("/en/courses/", {"language": "en"})) == ["Age"]
    assert sorted(card_titles(client.get("/en/courses/", {"language": "sv"}))) == ["Age", "Kön"]
    response = client.get("/en/courses/", {"theme": "age"})
    assert soup(response).find("select", id="theme-filter").find("option", selected=True)["value"] == "age"
    # The theme's and audience's names are shown in the page's language.
    card = soup(response).select_one("li.card")
    assert "Age" in card.select_one(".tags").get_text()
    assert "Employers and managers" in card.get_text()
    assert (
        "Arbetsgivare och chefer"
        in soup(client.get("/sv/utbildningar/", {"theme": "age"})).select_one("li.card").get_text()
    )
    # A filter that names nothing known is dropped rather than emptying the list.
    stale = client.get("/en/courses/", {"theme": "no-such-theme", "language": "xx"})
    assert stale.status_code == 200
    assert sorted(card_titles(stale)) == ["Age", "Kön"]


def test_anonymous_catalogue_is_cacheable(client, module, settings):
    settings.HEART_PAGE_CACHE_SECONDS = 300
    first = client.get("/sv/utbildningar/")
    second = client.get("/sv/utbildningar/")
    assert first["X-Heart-Cache"] == "miss"
    assert second["X-Heart-Cache"] == "hit"
    assert "private" not in first.get("Cache-Control", "")


def test_logged_in_catalogue_is_personal_and_shows_progress(browser, user, module_en, module, settings):
    settings.HEART_PAGE_CACHE_SECONDS = 300
    services.lesson_complete(user=user, lesson=lessons(module)[0])
    response = browser.get("/en/courses/")
    assert_personal(response)
    assert "X-Heart-Cache" not in response
    assert "1 of 2 lessons done" in text_of(response)
    assert soup(response).find("a", href="/en/learning/dashboard/") is not None


def test_catalogue_leaves_out_unpublished_and_restricted_modules(client, courses, module):
    build_module(courses, lessons=1, title="Utkast", slug="utkast").unpublish()
    restricted = build_module(courses, lessons=1, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    assert card_titles(client.get("/sv/utbildningar/")) == ["Likabehandling"]


# --- Module page ------------------------------------------------------------------------------


def test_module_page_anonymous(client, module_en, settings):
    settings.HEART_PAGE_CACHE_SECONDS = 300
    response = client.get(module_en.url)
    assert response.status_code == 200
    html = soup(response)
    assert [a.get_text(strip=True) for a in html.select("ol.lesson-list a")] == ["Lesson 1", "Lesson 2"]
    assert html.find("form", action=subpage(module_en, "enrol")) is None
    assert html.find("a", href=re.compile(r"/accounts/login/\?next=")) is not None
    assert response["X-Heart-Cache"] == "miss"


def test_enrol_from_the_module_page(browser, user, module_en):
    page = browser.get(module_en.url)
    assert_personal(page)
    form = soup(page).find("form", action=subpage(module_en, "enrol"))
    assert form is not None and form.find("button") is not None
    response = browser.post(form["action"])
    assert response.status_code == 302
    assert response["Location"] == lessons(module_en)[0].url
    assert Enrollment.objects.filter(user=user).count() == 1
    assert browser.post(form["action"]).status_code == 302  # a double click changes nothing
    assert Enrollment.objects.filter(user=user).count() == 1
    assert "0 of 2 lessons done" in text_of(browser.get(module_en.url))


def test_enrol_anonymously_goes_to_login(client, module):
    response = client.post(subpage(module, "enrol"))
    assert_login_redirect(response, subpage(module, "enrol"))
    assert not Enrollment.objects.exists()


def test_enrol_without_prerequisites_is_refused_with_a_message(browser, courses, module_en, module):
    advanced = build_module(courses, lessons=1, title="Fördjupning", slug="fordjupning")
    advanced.prerequisites.set([module])
    advanced.save_revision().publish()
    response = browser.post(subpage(advanced, "enrol"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    # The address is Swedish, so is the message, whatever the browser prefers.
    assert "Slutför de här modulerna först: Likabehandling." in text_of(response)
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_unpublished_module_is_404(client, module_en, module, language):
    page = {"sv": module, "en": module_en}[language]
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(url + "quiz/").status_code == 404


def test_lessons_of_an_unpublished_module_are_404(browser, user, module):
    lesson_url = lessons(module)[0].url
    module.unpublish()
    assert browser.get(lesson_url).status_code == 404
    assert browser.post(lesson_url + "done/").status_code == 404
    assert not LessonCompletion.objects.exists()


def test_a_page_in_the_other_languages_tree_is_404(client, module_en):
    assert client.get("/sv/courses/equal-treatment/").status_code == 404


@pytest.mark.parametrize("route", ["enrol/", "lesson done/", "reflection/"])
def test_post_only_routes_refuse_get(browser, module, route):
    lesson = lessons(module)[0]
    url = {
        "enrol/": subpage(module, "enrol"),
        "lesson done/": subpage(lesson, "done"),
        "reflection/": subpage(lesson, "reflection", block_id=reflection_id(lesson)),
    }[route]
    assert browser.get(url).status_code == 405
    assert not Enrollment.objects.exists()
    assert not ReflectionAnswer.objects.exists()


# --- Lessons ----------------------------------------------------------------------------------


def test_mark_done_goes_to_the_next_lesson(browser, user, module_en):
    first, second = lessons(module_en)
    page = browser.get(first.url)
    assert_personal(page)
    form = soup(page).find("form", action=subpage(first, "done"))
    response = browser.post(form["action"])
    assert response.status_code == 302
    assert response["Location"] == second.url
    following = browser.get(second.url)
    assert "Lesson marked as done." in text_of(following)
    assert "You have marked this lesson as done." in text_of(browser.get(first.url))
    # The last lesson leads back to the module, where the quiz is.
    assert browser.post(subpage(second, "done"))["Location"] == module_en.url
    assert LessonCompletion.objects.filter(enrollment__user=user).count() == 2


def test_mark_done_on_the_last_step_completes_the_module(browser, user, module_en):
    first, second = lessons(module_en)
    services.lesson_complete(user=user, lesson=first)
    attempt = services.quiz_attempt_start(user=user, module=module_en)
    services.quiz_attempt_submit(
        user=user, attempt_id=attempt.pk, answers=correct_answers(module_en, attempt)
    )
    response = browser.post(subpage(second, "done"))
    assert response["Location"] == module_en.url
    page = browser.get(module_en.url)
    assert "You have completed the module." in text_of(page)
    assert soup(page).find("a", href=re.compile(r"/en/learning/certificates/\w+\.pdf")) is not None


def test_mark_done_anonymously_goes_to_login(client, module):
    lesson = lessons(module)[0]
    assert_login_redirect(client.post(subpage(lesson, "done")), subpage(lesson, "done"))
    assert not LessonCompletion.objects.exists()


def test_reflection_is_saved_and_shown_only_to_its_author(client, browser, user, other_user, module_en):
    lesson = lessons(module_en)[0]
    block_id = reflection_id(lesson)
    form = soup(browser.get(lesson.url)).find("form", action=subpage(lesson, "reflection", block_id=block_id))
    textarea = form.find("textarea")
    assert form.find("label", attrs={"for": textarea["id"]}) is not None
    response = browser.post(form["action"], {"answer": "Vi har en plan <b>mot</b> diskriminering."})
    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}#reflection-{block_id}"
    mine = soup(browser.get(lesson.url)).find("textarea", id=f"reflection-{block_id}-answer")
    assert mine.get_text() == "Vi har en plan <b>mot</b> diskriminering."

    other = client.__class__()
    other.force_login(other_user)
    theirs = other.get(lesson.url)
    assert soup(theirs).find("textarea", id=f"reflection-{block_id}-answer").get_text() == ""
    assert "Vi har en plan" not in theirs.content.decode()
    anonymous = client.__class__().get(lesson.url)
    assert anonymous.status_code == 200
    assert "Vi har en plan" not in anonymous.content.decode()
    assert soup(anonymous).find("textarea") is None


def test_reflection_is_shared_between_languages(browser, module, module_en):
    lesson_sv, lesson_en = lessons(module)[0], lessons(module_en)[0]
    block_id = reflection_id(lesson_sv)
    browser.post(subpage(lesson_sv, "reflection", block_id=block_id), {"answer": "Mitt svar"})
    textarea = soup(browser.get(lesson_en.url)).find("textarea", id=f"reflection-{block_id}-answer")
    assert textarea.get_text() == "Mitt svar"


@pytest.mark.parametrize("case", ["unknown block", "another lesson's block"])
def test_reflection_for_a_question_not_on_the_lesson_is_404(browser, module, case):
    first, second = lessons(module)
    block_id = {"unknown block": str(uuid.uuid4()), "another lesson's block": reflection_id(second)}[case]
    response = browser.post(
        subpage(first, "reflection", block_id=block_id), {"answer": "x"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 404
    assert not ReflectionAnswer.objects.exists()


def test_reflection_over_5000_characters_is_400_with_a_message(browser, module_en):
    lesson = lessons(module_en)[0]
    block_id = reflection_id(lesson)
    browser.post(subpage(lesson, "reflection", block_id=block_id), {"answer": "Första svaret"})
    response = browser.post(subpage(lesson, "reflection", block_id=block_id), {"answer": "x" * 5001})
    assert response.status_code == 400
    assert "Your answer is longer than 5000 characters. Shorten it and save again." in text_of(response)
    assert soup(response).find("a", href=lesson.url) is not None
    assert ReflectionAnswer.objects.get().text == "Första svaret"


def test_emptying_a_reflection_deletes_it(browser, module):
    lesson = lessons(module)[0]
    url = subpage(lesson, "reflection", block_id=reflection_id(lesson))
    browser.post(url, {"answer": "Något"})
    browser.post(url, {"answer": "   "})
    assert not ReflectionAnswer.objects.exists()


def test_reflection_anonymously_goes_to_login(client, module):
    lesson = lessons(module)[0]
    url = subpage(lesson, "reflection", block_id=reflection_id(lesson))
    assert_login_redirect(client.post(url, {"answer": "x"}), url)
    assert not ReflectionAnswer.objects.exists()


# --- The quiz -----------------------------------------------------------------------------------


def start_quiz(browser, module):
    response = browser.post(subpage(module, "quiz_start"))
    assert response.status_code == 302
    attempt = QuizAttempt.objects.get(module=module, submitted_at__isnull=True)
    assert response["Location"] == subpage(module, "quiz_attempt", attempt_id=attempt.pk)
    return attempt


def quiz_form(response):
    form = soup(response).find("form", class_="quiz")
    assert form is not None
    return form


def field_names(form):
    names = {tag["name"] for tag in form.find_all(["input", "select", "textarea"]) if tag.get("name")}
    return names - {"csrfmiddlewaretoken"}


def right_answers_from_form(form, module, attempt):
    """POST data for full marks, taken from the options the form offers; fails if the form does
    not offer what the right answer needs."""

    def values(name, kind):
        return {tag["value"] for tag in form.find_all("input", attrs={"name": name, "type": kind})}

    def choices(name):
        select = form.find("select", attrs={"name": name})
        assert select is not None, name
        return {option["value"] for option in select.find_all("option")}

    data = {}
    for q in questions_from_stream(module.quiz):
        name = f"q-{q.id}"
        if q.kind == "single_choice":
            data[name] = next(c.id for c in q.options if c.correct)
            assert data[name] in values(name, "radio")
        elif q.kind == "multiple_choice":
            data[name] = [c.id for c in q.options if c.correct]
            assert set(data[name]) < values(name, "checkbox")
        elif q.kind == "true_false":
            assert values(name, "radio") == {"true", "false"}
            data[name] = "true"
        elif q.kind == "short_answer":
            assert form.find("input", attrs={"name": name, "type": "text"}) is not None
            data[name] = "  do "
        elif q.kind == "ordering":
            for position, item in enumerate(q.items, start=1):
                assert str(position) in choices(f"{name}-{item.id}")
                data[f"{name}-{item.id}"] = str(position)
        elif q.kind == "matching":
            for pair in q.pairs:
                token = matching_token(attempt.seed, pair.id)
                assert token in choices(f"{name}-{pair.id}")
                data[f"{name}-{pair.id}"] = token
    assert set(data) == field_names(form)
    return data


def test_quiz_start_anonymously_goes_to_login(client, module):
    url = subpage(module, "quiz_start")
    assert_login_redirect(client.get(url), url)
    assert_login_redirect(client.post(url), url)
    assert not QuizAttempt.objects.exists()


def test_quiz_start_page(browser, module_en):
    response = browser.get(subpage(module_en, "quiz_start"))
    assert response.status_code == 200
    assert_personal(response)
    assert "6 questions." in text_of(response)
    assert "You pass with 60% or more." in text_of(response)
    assert soup(response).find("form", action=subpage(module_en, "quiz_start")) is not None
    assert not QuizAttempt.objects.exists()  # looking is not starting


def test_quiz_form_renders_every_question_type_accessibly(browser, module_en):
    attempt = start_quiz(browser, module_en)
    response = browser.get(subpage(module_en, "quiz_attempt", attempt_id=attempt.pk))
    assert response.status_code == 200
    assert_personal(response)
    form = quiz_form(response)
    key = questions_from_stream(module_en.quiz)
    fieldsets = form.find_all("fieldset")
    assert len(fieldsets) == len(key) - 1  # every question but the short answer is a group
    assert all(fieldset.find("legend") for fieldset in fieldsets)
    for q in key:
        assert q.prompt in form.get_text()
    for control in form.find_all(["input", "select", "textarea"]):
        if control.get("type") in ("hidden", "submit"):
            continue
        assert form.find("label", attrs={"for": control["id"]}) is not None, control
    kinds = {
        "radio": len(form.find_all("input", type="radio")),
        "checkbox": len(form.find_all("input", type="checkbox")),
        "text": len(form.find_all("input", type="text")),
        "select": len(form.find_all("select")),
    }
    assert kinds == {"radio": 3 + 2, "checkbox": 4, "text": 1, "select": 4 + 3}
    html = response.content.decode()
    for secret in ("Diskrimineringsombudsmannen", "Ja, sedan 2009.", "Rätt!"):
        assert secret not in html
    for tag in form.find_all(True):
        assert not any("correct" in f"{name}={value}" for name, value in tag.attrs.items()), tag
    pair_ids = {p.id for q in key for p in q.pairs}
    matching_values = {
        option["value"]
        for select in form.find_all("select")
        if any(pid in select["name"] for pid in pair_ids)
        for option in select.find_all("option")
    }
    assert matching_values.isdisjoint(pair_ids)


def test_submitting_the_form_grades_it_and_shows_the_result(browser, module_en):
    attempt = start_quiz(browser, module_en)
    url = subpage(module_en, "quiz_attempt", attempt_id=attempt.pk)
    data = right_answers_from_form(quiz_form(browser.get(url)), module_en, attempt)
    response = browser.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == subpage(module_en, "quiz_result", attempt_id=attempt.pk)
    attempt.refresh_from_db()
    assert (float(attempt.score), attempt.max_score, attempt.passed) == (7.0, 7, True)
    result = browser.get(response["Location"])
    assert result.status_code == 200
    assert_personal(result)
    status = soup(result).find(attrs={"role": "status"}).get_text(" ")
    assert "7 of 7 points (100%)." in " ".join(status.split())
    assert "You passed." in status
    # The open-attempt URL now leads to the result.
    assert browser.get(url)["Location"] == subpage(module_en, "quiz_result", attempt_id=attempt.pk)


def test_result_page_shows_partial_score_and_feedback(browser, module_en):
    attempt = start_quiz(browser, module_en)
    url = subpage(module_en, "quiz_attempt", attempt_id=attempt.pk)
    data = right_answers_from_form(quiz_form(browser.get(url)), module_en, attempt)
    single = next(q for q in questions_from_stream(module_en.quiz) if q.kind == "single_choice")
    data[f"q-{single.id}"] = next(c.id for c in single.options if not c.correct and c.feedback)
    browser.post(url, data)
    result = text_of(browser.get(subpage(module_en, "quiz_result", attempt_id=attempt.pk)))
    assert "6 of 7 points (85.7%)." in result
    assert "Question 1: Incorrect" in result
    assert "Right answer" in result


def test_an_unanswered_form_scores_zero(browser, module_en):
    attempt = start_quiz(browser, module_en)
    url = subpage(module_en, "quiz_attempt", attempt_id=attempt.pk)
    assert browser.post(url, {})["Location"].endswith("/result/")
    attempt.refresh_from_db()
    assert (float(attempt.score), attempt.passed) == (0.0, False)


def ordering_field_names(module):
    q = next(q for q in questions_from_stream(module.quiz) if q.kind == "ordering")
    return [f"q-{q.id}-{item.id}" for item in q.items]


@pytest.mark.parametrize(
    ("language", "summary_title"), [("en", "There is a problem"), ("sv", "Det finns ett problem")]
)
def test_duplicated_ordering_positions_are_400_and_grade_nothing(
    browser, module, module_en, language, summary_title
):
    page = {"sv": module, "en": module_en}[language]
    attempt = start_quiz(browser, page)
    url = subpage(page, "quiz_attempt", attempt_id=attempt.pk)
    data = right_answers_from_form(quiz_form(browser.get(url)), page, attempt)
    for name in ordering_field_names(page):
        data[name] = "1"
    response = browser.post(url, data)
    assert response.status_code == 400
    summary = soup(response).find(class_="error-summary")
    assert summary["role"] == "alert"
    assert summary.find("h2").get_text(strip=True) == summary_title
    if language == "en":
        assert "Question 5: use each position exactly once." in summary.get_text()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None
    # The form comes back with what was chosen, so nothing has to be redone.
    form = quiz_form(response)
    short = next(q for q in questions_from_stream(page.quiz) if q.kind == "short_answer")
    assert form.find("input", attrs={"name": f"q-{short.id}"})["value"] == "  do "
    single = next(q for q in questions_from_stream(page.quiz) if q.kind == "single_choice")
    assert (
        form.find("input", attrs={"name": f"q-{single.id}", "checked": True})["value"]
        == data[f"q-{single.id}"]
    )


def test_ordering_with_a_position_missing_is_400(browser, module_en):
    attempt = start_quiz(browser, module_en)
    url = subpage(module_en, "quiz_attempt", attempt_id=attempt.pk)
    data = right_answers_from_form(quiz_form(browser.get(url)), module_en, attempt)
    data[ordering_field_names(module_en)[0]] = ""
    response = browser.post(url, data)
    assert response.status_code == 400
    assert "Question 5: give every item a position." in text_of(response)
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


@pytest.mark.parametrize("tampered", ["option of another question", "made-up option", "matching pair id"])
def test_tampered_option_is_400_and_grades_nothing(browser, module_en, tampered):
    attempt = start_quiz(browser, module_en)
    url = subpage(module_en, "quiz_attempt", attempt_id=attempt.pk)
    data = right_answers_from_form(quiz_form(browser.get(url)), module_en, attempt)
    key = {q.kind: q for q in questions_from_stream(module_en.quiz)}
    single, matching = key["single_choice"], key["matching"]
    if tampered == "option of another question":
        data[f"q-{single.id}"] = key["multiple_choice"].options[0].id
    elif tampered == "made-up option":
        data[f"q-{single.id}"] = str(uuid.uuid4())
    else:
        pair = matching.pairs[0]
        data[f"q-{matching.id}-{pair.id}"] = pair.id
    response = browser.post(url, data)
    assert response.status_code == 400
    expected = {
        "option of another question": "Question 1: choose one of the options given.",
        "made-up option": "Question 1: choose one of the options given.",
        "matching pair id": "Question 6: choose among the answers given.",
    }[tampered]
    summary = soup(response).find(class_="error-summary")
    assert expected in summary.get_text()
    # The summary leads to the question at fault.
    target = summary.find("a")["href"]
    question_id = single.id if tampered != "matching pair id" else matching.id
    assert target == f"#question-{question_id}"
    assert soup(response).find(id=target[1:]) is not None
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.answers == {}


def test_double_post_is_409(browser, module_en):
    attempt = start_quiz(browser, module_en)
    url = subpage(module_en, "quiz_attempt", attempt_id=attempt.pk)
    data = right_answers_from_form(quiz_form(browser.get(url)), module_en, attempt)
    assert browser.post(url, data).status_code == 302
    again = browser.post(url, {})
    assert again.status_code == 409
    assert "This attempt has already been submitted." in text_of(again)
    assert soup(again).find("a", href=subpage(module_en, "quiz_result", attempt_id=attempt.pk)) is not None
    attempt.refresh_from_db()
    assert float(attempt.score) == 7.0


def test_another_users_attempt_is_404(browser, other_user, module_en):
    theirs = services.quiz_attempt_start(user=other_user, module=module_en)
    for name in ("quiz_attempt", "quiz_result"):
        assert browser.get(subpage(module_en, name, attempt_id=theirs.pk)).status_code == 404
    assert browser.post(subpage(module_en, "quiz_attempt", attempt_id=theirs.pk), {}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.submitted_at is None


def test_an_attempt_under_another_modules_url_is_404(browser, user, courses, module_en):
    elsewhere = build_module(courses, lessons=1, title="Annan", slug="annan")
    attempt = start_quiz(browser, module_en)
    assert browser.get(subpage(elsewhere, "quiz_attempt", attempt_id=attempt.pk)).status_code == 404


def test_no_attempt_beyond_the_limit(browser, courses):
    module = build_module(courses, lessons=1, max_attempts=1)
    attempt = start_quiz(browser, module)
    browser.post(subpage(module, "quiz_attempt", attempt_id=attempt.pk), {})
    page = browser.get(subpage(module, "quiz_start"))
    assert soup(page).find("form", action=subpage(module, "quiz_start")) is None
    response = browser.post(subpage(module, "quiz_start"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert QuizAttempt.objects.count() == 1


def test_result_hides_answers_until_the_last_attempt(browser, courses):
    module = build_module(courses, lessons=1, max_attempts=2, feedback_timing="last")
    single = next(q for q in questions_from_stream(module.quiz) if q.kind == "single_choice")
    right = next(c for c in single.options if c.correct)
    attempt = start_quiz(browser, module)
    browser.post(subpage(module, "quiz_attempt", attempt_id=attempt.pk), {})
    first = browser.get(subpage(module, "quiz_result", attempt_id=attempt.pk))
    assert right.text not in first.content.decode()
    assert soup(first).find("form", action=subpage(module, "quiz_start")) is not None  # try again
    attempt = start_quiz(browser, module)
    browser.post(subpage(module, "quiz_attempt", attempt_id=attempt.pk), {})
    last = browser.get(subpage(module, "quiz_result", attempt_id=attempt.pk))
    assert right.text in last.content.decode()


# --- Certificates, verification, dashboard ------------------------------------------------------


def test_certificate_pdf_only_for_its_holder(client, user, other_user, module):
    complete(user, module)
    certificate = Certificate.objects.get(user=user)
    url = f"/sv/learning/certificates/{certificate.code}.pdf"
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert_personal(response)
    client.force_login(other_user)
    assert client.get(url).status_code == 404
    client.logout()
    assert_login_redirect(client.get(url), url)


def test_module_certificate_link(browser, user, other_user, module):
    url = subpage(module, "certificate")
    assert browser.get(url).status_code == 404
    complete(user, module)
    code = Certificate.objects.get(user=user).code
    assert browser.get(url)["Location"] == f"/sv/learning/certificates/{code}.pdf"


def test_verify_page_is_public_and_shows_only_name_module_and_date(client, user, module):
    complete(user, module)
    certificate = Certificate.objects.get(user=user)
    response = client.get("/en/learning/verify/", {"code": certificate.display_code.lower()})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    facts = soup(response).find("section", attrs={"role": "status"}).find("dl")
    assert [dt.get_text(strip=True) for dt in facts.find_all("dt")] == ["Name", "Training module", "Date"]
    assert [dd.get_text(strip=True) for dd in facts.find_all("dd")][:2] == [
        "Alva Andersson",
        "Likabehandling",
    ]
    assert user.email not in response.content.decode()


def test_verify_page_without_a_code_is_the_form(client, site_tree):
    response = client.get("/sv/learning/verify/")
    assert response.status_code == 200
    assert soup(response).find("input", id="id_code") is not None
    assert soup(response).find(class_="error-summary") is None


def test_verify_unknown_code_is_404_with_a_message(client, site_tree):
    response = client.get("/en/learning/verify/", {"code": "ABCD-EFGH-JKMN"})
    assert response.status_code == 404
    summary = soup(response).find(class_="error-summary")
    assert "No certificate has this code." in summary.get_text()
    assert soup(response).find("h2", string="There is a problem") is not None


def test_verify_is_rate_limited(client, site_tree, settings):
    settings.LEARNING_VERIFY_RATE = "2/m"
    assert client.get("/en/learning/verify/", {"code": "AAAA"}).status_code == 404
    assert client.get("/en/learning/verify/", {"code": "BBBB"}).status_code == 404
    response = client.get("/en/learning/verify/", {"code": "CCCC"})
    assert response.status_code == 429
    assert "Too many lookups. Wait a minute and try again." in text_of(response)


def test_dashboard(browser, user, other_user, courses, module_en, module):
    done_module = build_module(courses, lessons=1, title="Klar", slug="klar")
    theirs = build_module(courses, lessons=1, title="Deras", slug="deras")
    first, second = lessons(module_en)
    services.lesson_complete(user=user, lesson=first)
    complete(user, done_module)
    complete(other_user, theirs)

    response = browser.get("/en/learning/dashboard/")
    assert response.status_code == 200
    assert_personal(response)
    html = soup(response)
    in_progress = html.find("section", attrs={"aria-labelledby": "in-progress-heading"})
    assert [a.get_text(strip=True) for a in in_progress.select(".card__title a")] == ["Equal treatment"]
    assert "1 of 2 lessons done" in in_progress.get_text()
    assert in_progress.find("a", class_="button")["href"] == second.url
    completed = html.find("section", attrs={"aria-labelledby": "completed-heading"})
    assert [a.get_text(strip=True) for a in completed.find_all("a")] == ["Klar"]
    certificates = html.find("section", attrs={"aria-labelledby": "certificates-heading"})
    code = Certificate.objects.get(user=user).code
    assert [a["href"] for a in certificates.find_all("a")] == [f"/en/learning/certificates/{code}.pdf"]
    assert "Deras" not in response.content.decode()


def test_dashboard_needs_a_login(client, site_tree):
    assert_login_redirect(client.get("/en/learning/dashboard/"), "/en/learning/dashboard/")
