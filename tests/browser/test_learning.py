"""The learning pages in a real browser: a participant takes a module and its quiz by keyboard
alone in each language, and axe-core finds nothing on any page a participant or a verifier sees."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_with_cookie, open_page

from .conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "en"]

# The factory quiz (tests/factories/learning.py) in English; ids and the key stay the source's.
ENGLISH = {
    "Vilken lag förbjuder diskriminering?": "Which law prohibits discrimination?",
    "Diskrimineringslagen": "The Discrimination Act",
    "Ja, sedan 2009.": "Yes, since 2009.",
    "Plan- och bygglagen": "The Planning and Building Act",
    "Nej, den gäller byggande.": "No, it is about building.",
    "Trafikförordningen": "The Road Traffic Ordinance",
    "Vilka är diskrimineringsgrunder?": "Which are grounds of discrimination?",
    "Ålder": "Age",
    "Funktionsnedsättning": "Disability",
    "Hårfärg": "Hair colour",
    "Yrke": "Occupation",
    "Det finns sju diskrimineringsgrunder.": "There are seven grounds of discrimination.",
    "Vad heter myndigheten som utövar tillsyn över diskrimineringslagen? (förkortning)": (
        "Which authority supervises the Discrimination Act? (abbreviation)"
    ),
    "DO": "DO",
    "Diskrimineringsombudsmannen": "Equality Ombudsman",
    "Ordna stegen i det aktiva arbetet.": "Put the steps of active measures in order.",
    "Undersöka": "Investigate",
    "Analysera": "Analyse",
    "Åtgärda": "Take action",
    "Följa upp": "Follow up",
    "Para ihop begrepp och betydelse.": "Match each term with its meaning.",
    "Direkt diskriminering": "Direct discrimination",
    "Sämre behandling": "Less favourable treatment",
    "Indirekt diskriminering": "Indirect discrimination",
    "Neutral regel som missgynnar": "A neutral rule that disadvantages",
    "Trakasserier": "Harassment",
    "Kränkning kopplad till en grund": "Violation linked to a ground",
    "Rätt!": "Right!",
    "Fel.": "Wrong.",
    "Text om likabehandling.": "Text about equal treatment.",
    "<p>Text om likabehandling.</p>": "<p>Text about equal treatment.</p>",
    "Hur arbetar ni med detta?": "How do you work with this?",
}


def in_english(raw):
    """Raw StreamField data with every Swedish text replaced, ids and structure untouched."""
    if isinstance(raw, dict):
        return {key: in_english(value) if key not in ("id", "type") else value for key, value in raw.items()}
    if isinstance(raw, list):
        return [in_english(value) for value in raw]
    if isinstance(raw, str):
        return ENGLISH.get(raw, raw)
    return raw


def quiz_texts(language):
    """The texts that identify the right answers on the page, in ``language``."""

    def t(text):
        return ENGLISH[text] if language == "en" else text

    return {
        "single": t("Diskrimineringslagen"),
        "multiple": {t("Ålder"), t("Funktionsnedsättning")},
        "short": "DO",
        "order": [t(text) for text in ("Undersöka", "Analysera", "Åtgärda", "Följa upp")],
        "pairs": {
            t("Direkt diskriminering"): t("Sämre behandling"),
            t("Indirekt diskriminering"): t("Neutral regel som missgynnar"),
            t("Trakasserier"): t("Kränkning kopplad till en grund"),
        },
    }


@pytest.fixture
def learning_content(live_server, reference_data):
    """A catalogue with two modules in Swedish and English, the second with two lessons (each
    with a reflection question) and a quiz of every question type; and a participant."""
    from learning.models import Audience
    from tests.factories.learning import CourseIndexPageFactory, LessonPageFactory, TrainingModulePageFactory
    from tests.factories.pages import build_site, translate
    from tests.factories.users import UserFactory

    home_sv, _home_en = build_site()
    index_sv = CourseIndexPageFactory(
        parent=home_sv, show_in_menus=True, intro="Utbildningar om likabehandling."
    )
    index_en = translate(index_sv, "en", title="Courses", slug="courses", intro="Courses on equal treatment.")
    other_sv = TrainingModulePageFactory(
        parent=index_sv, title="Tillgänglighet på arbetsplatsen", slug="tillganglighet"
    )
    other_en = translate(
        other_sv,
        "en",
        title="Accessibility at work",
        slug="accessibility",
        summary="Making the workplace accessible.",
        quiz=in_english(other_sv.quiz.get_prep_value()),
    )
    module_sv = TrainingModulePageFactory(
        parent=index_sv,
        title="Likabehandling i praktiken",
        slug="likabehandling",
        summary="Diskrimineringsgrunderna och det aktiva arbetet.",
        objectives=[{"type": "objective", "value": "Känna igen diskriminering."}],
        publish=False,
    )
    module_sv.audiences.add(Audience.objects.get(locale__language_code="sv", slug="municipality-staff"))
    module_sv.save_revision().publish()
    module_sv.refresh_from_db()
    module_en = translate(
        module_sv,
        "en",
        title="Equal treatment in practice",
        slug="equal-treatment",
        summary="The grounds of discrimination and active measures.",
        objectives=[{"type": "objective", "value": "Recognise discrimination."}],
        quiz=in_english(module_sv.quiz.get_prep_value()),
    )
    lessons = {"sv": [], "en": []}
    for number, (title_sv, title_en) in enumerate(
        [("Grunderna", "The grounds"), ("Aktiva åtgärder", "Active measures")]
    ):
        lesson_sv = LessonPageFactory(parent=module_sv, title=title_sv, slug=f"lektion-{number}")
        lesson_en = translate(
            lesson_sv,
            "en",
            title=title_en,
            slug=f"lesson-{number}",
            summary="A lesson.",
            body=in_english(lesson_sv.body.get_prep_value()),
        )
        lessons["sv"].append(lesson_sv)
        lessons["en"].append(lesson_en)
    user = UserFactory(full_name="Amina Yusuf", email="amina@example.org")
    return {
        "user": user,
        "other": {"sv": other_sv, "en": other_en},
        "sv": {"index": index_sv, "module": module_sv, "lessons": lessons["sv"]},
        "en": {"index": index_en, "module": module_en, "lessons": lessons["en"]},
    }


def focused(page, expression):
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def focus_is_visible(page):
    """The focused element is on screen and shows the site's focus ring (outline or shadow)."""
    outline_style, outline_width, shadow, width, height = page.evaluate(
        "(() => { const el = document.activeElement, s = getComputedStyle(el);"
        " const r = el.getBoundingClientRect();"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow, r.width, r.height]; })()"
    )
    ring = (outline_style != "none" and outline_width != "0px") or shadow not in ("none", "")
    return ring and width > 1 and height > 1


def assert_reflows(page):
    """WCAG 1.4.10: at 320 CSS pixels (1280 at 400 %) nothing needs horizontal scrolling."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{page.url} scrolls sideways at 320 px: {widths}"
    finally:
        page.set_viewport_size(size)


def tab_to(page, selector, limit=60, backwards=False):
    """Press Tab (or Shift+Tab) until the element matching ``selector`` has focus, checking on
    the way that every focused element shows a focus ring; fail after ``limit`` presses."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("document.activeElement !== document.body"):
            assert focus_is_visible(page), (
                f"no visible focus on {focused(page, 'el.outerHTML.slice(0, 200)')}"
            )
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reached with {limit} presses of {key} on {page.url}")


def press_and_wait(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def label_of_focused(page):
    return focused(page, "el.labels && el.labels.length ? el.labels[0].innerText.trim() : ''")


def question_names(page):
    """The form name (or name prefix, for ordering and matching) of each question, in order."""
    return page.evaluate(
        "[...document.querySelectorAll('form.quiz .question')].map(q =>"
        " q.querySelector('input, select').name.replace(/^(q-[0-9a-f-]{36}).*$/, '$1'))"
    )


def group_size(page, name):
    return page.evaluate("name => document.getElementsByName(name).length", name)


def choose_radio(page, name, wanted):
    """Move through a radio group with the arrow keys to the option whose label (or, for
    true/false, whose value) is ``wanted``, and check it with Space."""
    for _ in range(group_size(page, name)):
        if wanted in (label_of_focused(page), focused(page, "el.value")):
            page.keyboard.press("Space")
            break
        page.keyboard.press("ArrowDown")
    assert focused(page, "el.name") == name
    assert focused(page, "el.checked"), f"{wanted} not chosen"
    assert wanted in (label_of_focused(page), focused(page, "el.value"))


def answer_quiz_by_keyboard(page, texts):
    single, multiple, true_false, short, ordering, matching = question_names(page)

    tab_to(page, f"input[name='{single}']")
    choose_radio(page, single, texts["single"])

    tab_to(page, f"input[name='{multiple}']")
    for number in range(group_size(page, multiple)):
        if number:
            page.keyboard.press("Tab")  # each checkbox is a stop of its own
        assert focused(page, "el.name") == multiple
        if label_of_focused(page) in texts["multiple"]:
            page.keyboard.press("Space")
    checked = page.evaluate(
        "name => [...document.getElementsByName(name)].filter(el => el.checked)"
        ".map(el => el.labels[0].innerText.trim())",
        multiple,
    )
    assert set(checked) == texts["multiple"]

    # A slip corrected on the way: "false" first, then back with Shift+Tab and the arrow keys.
    tab_to(page, f"input[name='{true_false}']")
    choose_radio(page, true_false, "false")
    tab_to(page, f"input[name='{short}']")
    page.keyboard.type(texts["short"].lower())  # graded without regard to case
    tab_to(page, f"input[name='{true_false}']", backwards=True, limit=3)
    assert focused(page, "el.value") == "false"  # Shift+Tab lands on the checked radio of the group
    page.keyboard.press("ArrowUp")
    assert focused(page, "el.value") == "true" and focused(page, "el.checked")
    tab_to(page, f"input[name='{short}']", limit=3)
    assert focused(page, "el.value") == texts["short"].lower()

    # Ordering: ArrowDown from the empty choice, once per place.
    tab_to(page, f"select[name^='{ordering}-']")
    for number in range(len(texts["order"])):
        if number:
            page.keyboard.press("Tab")
        place = texts["order"].index(label_of_focused(page)) + 1
        for _ in range(place):
            page.keyboard.press("ArrowDown")
        assert focused(page, "el.options[el.selectedIndex].text") == str(place)

    # Matching: type the first letters of the answer, as a sighted keyboard user does on a
    # closed list.
    tab_to(page, f"select[name^='{matching}-']")
    for number in range(len(texts["pairs"])):
        if number:
            page.keyboard.press("Tab")
        answer = texts["pairs"][label_of_focused(page)]
        page.keyboard.type(typeahead(answer, focused(page, "[...el.options].map(o => o.text)")))
        assert focused(page, "el.options[el.selectedIndex].text") == answer


def typeahead(answer, options):
    """The shortest start of ``answer`` that no other option shares. Playwright sends letters
    outside the US layout (å, ä, ö) as text input, which a closed select ignores and which
    lands in the last text field instead, so the prefix must be plain ASCII."""
    for length in range(1, len(answer) + 1):
        prefix = answer[:length].casefold()
        if sum(1 for text in options if text.casefold().startswith(prefix)) == 1:
            assert answer[:length].isascii(), f"no ASCII prefix picks {answer!r} among {options}"
            return answer[:length]
    pytest.fail(f"{answer!r} is not one of {options}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_take_a_module_and_its_quiz_by_keyboard_alone(page, live_server, learning_content, language):
    from django.urls import reverse
    from django.utils import translation

    from learning.models import Certificate, Enrollment, QuizAttempt, ReflectionAnswer
    from tests.factories.users import PASSWORD

    content = learning_content[language]
    user = learning_content["user"]
    module, lessons, catalogue = content["module"], content["lessons"], content["index"].url
    texts = quiz_texts(language)
    with translation.override(language):
        dashboard = reverse("learning:dashboard")

    if language == "sv":
        open_page(page, f"/sv/accounts/login/?next={catalogue}")
        tab_to(page, "#id_login")
        page.keyboard.type(user.email)
        tab_to(page, "#id_password", limit=3)
        page.keyboard.type(PASSWORD)
        tab_to(page, "main form button[type=submit]", limit=5)
        press_and_wait(page)
        assert page.url == live_server.url + catalogue
    else:
        log_in_with_cookie(page, live_server, user)
        open_page(page, catalogue)

    tab_to(page, f"main a[href='{module.url}']")
    press_and_wait(page)
    expect(page.locator("h1")).to_have_text(module.title)
    tab_to(page, "form[action$='/enrol/'] button")
    press_and_wait(page)

    reflection = (
        "Vi går igenom rutinerna varje år." if language == "sv" else "We review our routines every year."
    )
    for number, lesson in enumerate(lessons):
        assert page.url == live_server.url + lesson.url
        expect(page.locator("h1")).to_have_text(lesson.title)
        if number == 0:
            tab_to(page, "main textarea[name=answer]")
            page.keyboard.type(reflection)
            tab_to(page, "main form[action*='/reflection/'] button", limit=3)
            press_and_wait(page)
            expect(page.locator(".messages")).to_be_visible()
            expect(page.locator("main textarea[name=answer]")).to_have_value(reflection)
        tab_to(page, "main form[action$='/done/'] button")
        press_and_wait(page)

    assert page.url == live_server.url + module.url
    expect(page.locator(".lesson-list .status--done")).to_have_count(len(lessons))
    tab_to(page, "main a[href$='/quiz/']")
    press_and_wait(page)
    tab_to(page, "main form[action$='/quiz/'] button")
    press_and_wait(page)
    assert re.search(r"/quiz/\d+/$", page.url), page.url

    answer_quiz_by_keyboard(page, texts)
    tab_to(page, "form.quiz button[type=submit]", limit=3)
    press_and_wait(page)

    assert re.search(r"/quiz/\d+/result/$", page.url), page.url
    attempt = QuizAttempt.objects.get(enrollment__user=user)
    assert (attempt.score, attempt.max_score, attempt.percent, attempt.passed) == (7, 7, 100, True)
    result = page.locator(".result")
    expect(result).to_contain_text(re.compile(r"\b7\D+7\D+100\b"))
    expect(result).to_have_class(re.compile(r"notice--success"))
    certificate = Certificate.objects.get(user=user)
    assert certificate.module_title == module.title
    certificate_link = f"main a[href$='/learning/certificates/{certificate.code}.pdf']"
    tab_to(page, certificate_link)  # reachable; following it downloads the PDF
    tab_to(page, f"main a[href='{dashboard}']")
    press_and_wait(page)

    expect(page.locator("#completed-heading + ul")).to_contain_text(module.title)
    expect(page.locator(certificate_link)).to_be_visible()
    expect(page.locator("main")).to_contain_text(certificate.display_code)
    assert Enrollment.objects.get(user=user).completed_at is not None
    assert ReflectionAnswer.objects.get(user=user).text == reflection


@pytest.mark.parametrize("language", LANGUAGES)
def test_learning_pages_have_no_axe_violations(
    page, live_server, learning_content, assert_accessible, language
):
    from django.urls import reverse
    from django.utils import translation

    from learning import services
    from learning.models import Certificate
    from tests.factories.learning import correct_answers

    content = learning_content[language]
    user = learning_content["user"]
    module, lessons, catalogue = content["module"], content["lessons"], content["index"].url
    with translation.override(language):
        dashboard, verify = reverse("learning:dashboard"), reverse("learning:verify")

    def check(path, status=200, shot=None):
        open_page(page, path, status)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
        if shot and language == "sv":  # for a person to look at the design; one language is enough
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT_DIR / f"learning-{shot}-{language}.png"), full_page=True)

    # What anyone sees: the module and lesson invite them to log in.
    check(module.url)
    check(lessons[0].url)
    check(verify)
    check(f"{verify}?code=ABCD-EFGH-JKMN", status=404)
    expect(page.locator(".error-summary")).to_be_focused()

    log_in_with_cookie(page, live_server, user)
    services.enrollment_create(user=user, module=module)
    services.reflection_save(
        user=user,
        lesson=lessons[0],
        block_id=next(iter(lessons[0].reflection_block_ids())),
        text="Mitt svar.",
    )
    services.lesson_complete(user=user, lesson=lessons[0])
    check(catalogue, shot="catalogue")  # with the participant's progress
    expect(page.locator("main .card")).to_have_count(2)
    progress = page.locator("main .card", has_text=module.title).locator(".card__facts dd").last
    expect(progress).to_have_text(re.compile(r"^1\D+2\b"))  # 1 of 2 lessons done
    check(module.url, shot="module")
    check(lessons[0].url, shot="lesson")  # done, with the saved answer
    expect(page.locator("main textarea[name=answer]")).to_have_value("Mitt svar.")

    attempt = services.quiz_attempt_start(user=user, module=module)
    attempt_url = module.url + module.reverse_subpage("quiz_attempt", kwargs={"attempt_id": attempt.pk})
    check(attempt_url, shot="quiz")
    assert_reflows(page)

    # Two items in the same place: the form comes back with the error summary focused and
    # with what was chosen.
    ordering = question_names(page)[4]
    places = page.locator(f"select[name^='{ordering}-']")
    for number in range(places.count()):
        places.nth(number).select_option("1")
    with page.expect_navigation():
        page.locator("form.quiz button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(re.compile(r"\b5\b"))  # names the ordering question
    for number in range(places.count()):
        expect(places.nth(number)).to_have_value("1")
    assert_accessible(page)
    attempt.refresh_from_db()
    assert not attempt.is_submitted
    page.keyboard.press("Tab")  # from the summary to its link to the question, visibly focused
    assert focused(page, "el.getAttribute('href')") == f"#question-{ordering.removeprefix('q-')}"
    assert focus_is_visible(page)
    page.keyboard.press("Tab")  # and on into the form
    assert focused(page, "el.name") == question_names(page)[0]
    assert focus_is_visible(page)
    if language == "sv":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / "learning-quiz-error-sv.png"), full_page=True)

    services.quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers={})
    check(attempt_url + "result/", shot="result-failed")  # with the right answers and "try again"
    expect(page.locator(".result")).to_contain_text(re.compile(r"\b0\D+7\b"))
    expect(page.locator("main form[action$='/quiz/'] button")).to_be_visible()

    services.lesson_complete(user=user, lesson=lessons[1])
    second = services.quiz_attempt_start(user=user, module=module)
    passed = services.quiz_attempt_submit(
        user=user, attempt_id=second.pk, answers=correct_answers(module, second)
    )
    assert passed.passed
    check(module.url + module.reverse_subpage("quiz_result", kwargs={"attempt_id": second.pk}), shot="result")
    certificate = Certificate.objects.get(user=user)
    expect(page.locator(f"main a[href$='{certificate.code}.pdf']")).to_be_visible()
    assert_reflows(page)
    services.enrollment_create(user=user, module=learning_content["other"][language])
    check(dashboard, shot="dashboard")  # one in progress, one completed, one certificate
    expect(page.locator("main .card")).to_have_count(1)
    check(f"{verify}?code={certificate.display_code.lower()}", shot="verify")
    expect(page.locator("main .notice--success")).to_contain_text("Amina Yusuf")
    expect(page.locator("main .notice--success")).to_contain_text(certificate.module_title)
