"""GIFT import and export: the parser, the writer, their round trip and the two admin views."""

import dataclasses

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import translation

from learning.blocks import QuizBlocks
from learning.errors import LearningError
from learning.gift import GiftError, decode_upload, export_gift, parse_gift
from learning.quiz import Choice, Pair, Question, question_to_block_data, questions_from_stream


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in the source language they are written in."""
    with translation.override("en"):
        yield


def without_ids(question):
    data = dataclasses.asdict(question)
    data.pop("id")
    for name in ("options", "items", "pairs"):
        for item in data[name]:
            item.pop("id")
    return data


def only(text):
    questions = parse_gift(text)
    assert len(questions) == 1
    return questions[0]


def error_of(text):
    with pytest.raises(GiftError) as caught:
        parse_gift(text)
    return caught.value


# --- Reading each kind --------------------------------------------------------------------


def test_single_choice_with_option_feedback():
    question = only("What is 2+2? {=4#Right. ~3#Too few. ~5}")
    assert question.kind == "single_choice"
    assert question.prompt == "What is 2+2?"
    assert [(c.text, c.correct, c.feedback) for c in question.options] == [
        ("4", True, "Right."),
        ("3", False, "Too few."),
        ("5", False, ""),
    ]
    assert question.points == 1
    assert question.scoring == "all_or_nothing"
    assert len({c.id for c in question.options}) == 3


def test_multiple_choice_takes_correctness_from_the_sign_of_the_weight():
    question = only("Which are colours? {~%50%Red ~%50%Blue ~%-100%Cat ~Dog}")
    assert question.kind == "multiple_choice"
    assert [(c.text, c.correct) for c in question.options] == [
        ("Red", True),
        ("Blue", True),
        ("Cat", False),
        ("Dog", False),
    ]
    assert question.scoring == "partial"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("T", True), ("TRUE", True), ("true", True), ("F", False), ("FALSE", False)],
)
def test_true_false(answer, expected):
    question = only(f"The sun is a star. {{{answer}}}")
    assert question.kind == "true_false"
    assert question.correct_answer is expected
    assert question.feedback_correct == question.feedback_incorrect == ""


def test_true_false_feedback_comes_wrong_first_as_in_moodle():
    question = only("The sun is a star. {TRUE#No, it is.#Yes, a yellow dwarf.}")
    assert question.feedback_incorrect == "No, it is."
    assert question.feedback_correct == "Yes, a yellow dwarf."
    assert only("Q {F#Only when wrong}").feedback_incorrect == "Only when wrong"


def test_short_answer():
    question = only("Capital of Sweden? {=Stockholm =%100%Sthlm ####Since 1523.}")
    assert question.kind == "short_answer"
    assert question.accepted_answers == ["Stockholm", "Sthlm"]
    assert question.general_feedback == "Since 1523."
    assert question.options == []
    # As Moodle exports them: weight and an empty feedback on each answer.
    assert only("Q {\n\t=%100%Stockholm#\n\t=%100%Sthlm#\n}").accepted_answers == ["Stockholm", "Sthlm"]


def test_matching():
    question = only("Match the capitals. {\n=Sweden -> Stockholm\n=Norway -> Oslo\n=Finland -> Helsinki\n}")
    assert question.kind == "matching"
    assert [(p.prompt, p.answer) for p in question.pairs] == [
        ("Sweden", "Stockholm"),
        ("Norway", "Oslo"),
        ("Finland", "Helsinki"),
    ]
    assert question.scoring == "partial"


def test_titles_comments_categories_and_questions_over_several_lines():
    text = """// Exported from Moodle
$CATEGORY: $course$/top/Equality

::Q1:: Which law
forbids discrimination?
// a comment inside the question
{
    =The Discrimination Act
    ~The Planning Act
}


::Q2::Is this true?{T}
"""
    first, second = parse_gift(text)
    assert first.prompt == "Which law\nforbids discrimination?"
    assert [c.text for c in first.options] == ["The Discrimination Act", "The Planning Act"]
    assert second.prompt == "Is this true?"


def test_a_moodle_export_is_read():
    text = """// question: 0  name: Switch category to $course$/top/Default for Equality
$CATEGORY: $course$/top/Default for Equality


// question: 101  name: Grounds
::Grounds::[html]<p>How many grounds of discrimination\\: the <b>law</b>?</p>{
\t~<p>five</p>#<p>No.</p>
\t=<p>seven</p>#
\t####<p>The Act lists seven.</p>
}


// question: 102  name: Schools
::Schools::[html]The Act applies to schools.{TRUE#<p>It does.</p>#}
"""
    grounds, schools = parse_gift(text)
    assert grounds.prompt == "How many grounds of discrimination: the law?"
    assert [(c.text, c.correct, c.feedback) for c in grounds.options] == [
        ("five", False, "No."),
        ("seven", True, ""),
    ]
    assert grounds.general_feedback == "The Act lists seven."
    assert (schools.kind, schools.correct_answer, schools.feedback_incorrect) == (
        "true_false",
        True,
        "It does.",
    )


def test_escapes():
    question = only(r"Is 1 \= 1 \{really\}\: yes\~ \#1?\nSecond line {=a \~ b\\c#x \# y ~d}")
    assert question.prompt == "Is 1 = 1 {really}: yes~ #1?\nSecond line"
    assert question.options[0].text == "a ~ b\\c"
    assert question.options[0].feedback == "x # y"


def test_general_feedback_on_every_kind():
    assert only("Q {=a ~b ####Why.}").general_feedback == "Why."
    assert only("Q {T####Why.}").general_feedback == "Why."
    assert only("Q {~%100%a ~b ####Why.}").general_feedback == "Why."
    assert only("Q {=a -> 1 =b -> 2 ####Why.}").general_feedback == "Why."


def test_heart_comment_carries_points_scoring_and_feedback():
    question = only(
        '// heart: points=3 scoring=all_or_nothing feedback_correct="Well done, \\"really\\".\\nBye"'
        " feedback_incorrect=See_lesson_2\n"
        "Which? {~%50%a ~%50%b ~%-100%c}"
    )
    assert question.points == 3
    assert question.scoring == "all_or_nothing"
    assert question.feedback_correct == 'Well done, "really".\nBye'
    assert question.feedback_incorrect == "See_lesson_2"
    matching = only("// heart: scoring=all_or_nothing\nM {=a -> 1 =b -> 2}")
    assert matching.scoring == "all_or_nothing"


def test_format_markers_are_removed_and_html_becomes_text():
    question = only("[html]<p>The <b>cat</b> &amp; the dog</p> {=[html]<i>yes</i> ~[plain]<no>}")
    assert question.prompt == "The cat & the dog"
    assert [c.text for c in question.options] == ["yes", "<no>"]
    assert only("[markdown]**Bold** {T}").prompt == "**Bold**"
    assert only("::title::[moodle]Text {T}").prompt == "Text"


def test_text_after_the_answers_makes_a_missing_word_question():
    question = only("The {=cat ~dog} sat on the mat.")
    assert question.prompt == "The _____ sat on the mat."


def test_a_crlf_file_with_a_byte_order_mark_is_read():
    text = decode_upload("\ufeff// x\r\nQ1 {T}\r\n\r\nQ2 {F}\r\n".encode())
    assert [q.prompt for q in parse_gift(text)] == ["Q1", "Q2"]


def test_block_rules_apply_with_the_line_of_the_question():
    error = error_of("Q1 {T}\n\nQ2 {=a ~" + "x" * 501 + "}")
    assert error.line == 3
    assert "500" in str(error)
    assert error_of("// heart: points=101\nQ {T}").line == 2


# --- Errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Q1 {T}\n\nQ2 {\n=a\n~b\n\nQ3 {T}", 3, "not closed"),
        ("Q1 {T}\n\nQ2 {=a =b ~c}", 3, "short-answer"),
        ("Q1 {T}\n\n\nQ2 {\n~a\n~b\n}", 5, "No answer is marked right"),
        ("Q1 {T}\n\nQ2 {something}", 3, "Unknown kind"),
        ("Essay {}", 1, "Essay"),
        ("Q1 {T}\n\nHow many? {#3:1}", 3, "Numerical"),
        ("Just a description.", 1, "descriptions"),
        ("Q {=a#feedback}", 1, "feedback"),
        ("Q {=%50%a}", 1, "partial credit"),
        ("Q {=a ~%50%b}", 1, "Partial credit"),
        ("Q {=a -> 1\n~b}", 2, "matching"),
        ("Q {T} and {F}", 1, "one answer block"),
        ("Q } {T}", 1, "without a {"),
        ("::Title Q {T}", 1, "title"),
        ("Q {T#a#b#c}", 1, "two feedbacks"),
        ("Q {~%150%a ~b}", 1, "outside"),
        ("Q1 {T}\n\n// heart: points=2\n\nQ2 {T}", 3, "directly before"),
        ("// heart: points=two\nQ {T}", 1, "whole number"),
        ("// heart: colour=red\nQ {T}", 1, "colour"),
        ("// heart: scoring=partial\nQ {=a ~b}", 1, "scoring"),
        ("// heart: scoring=sometimes\nQ {~%100%a ~b}", 1, "Scoring must be"),
        ('// heart: feedback_correct="x"\nQ {T}', 1, "braces"),
        ("Q\x00 {T}", 1, "not allowed"),
    ],
)
def test_malformed_input_names_the_line(text, line, words):
    error = error_of(text)
    assert error.line == line
    assert str(error).startswith(f"Line {line}: ")
    assert words.lower() in str(error).lower()


@pytest.mark.parametrize("text", ["", "\n\n", "// only a comment\n\n$CATEGORY: x\n"])
def test_a_file_without_questions_is_refused(text):
    assert "no questions" in str(error_of(text))


def test_more_questions_than_a_quiz_holds_is_refused():
    error = error_of("\n\n".join(f"Q{n} {{T}}" for n in range(101)))
    assert error.line == 201
    assert "100" in str(error)


def test_bad_utf8_names_the_line():
    with pytest.raises(GiftError) as caught:
        decode_upload("Q1 {T}\n\nQ2 {=å ~b}".encode("latin-1"))
    assert caught.value.line == 3
    assert "UTF-8" in str(caught.value)


def test_oversized_file_is_refused(settings):
    settings.LEARNING_GIFT_MAX_BYTES = 10
    assert decode_upload(b"Q {T}") == "Q {T}"
    with pytest.raises(GiftError) as caught:
        decode_upload(b"Q1 {T}\n\nQ2 {F}")
    assert caught.value.line is None
    assert "larger than" in str(caught.value)


def test_gift_error_is_a_learning_error_worded_when_shown():
    from django.utils.functional import Promise

    error = error_of("Essay {}")
    assert isinstance(error, LearningError)
    assert error.status == 400
    # Lazy, so that the message follows the language of whoever reads it.
    assert isinstance(error.message, Promise)
    with translation.override("en"):
        assert str(error.message) == "Line 1: Essay questions ({}) are not supported."


# --- Writing and the round trip -------------------------------------------------------------

TRICKY = "Colons: {braces} = ~ #hash \\backslash\nsecond line -> arrow"


def sample_questions():
    def choice(text, correct=False, feedback=""):
        return Choice(id="", text=text, correct=correct, feedback=feedback)

    return [
        Question(
            id="",
            kind="single_choice",
            prompt="// looks like a comment " + TRICKY,
            points=2,
            feedback_correct="Good.",
            feedback_incorrect="Look again: {x}",
            general_feedback="Because " + TRICKY,
            options=[
                choice("%50% of them", True, "Yes -> right"),
                choice("[html]<b>literal</b>", feedback=TRICKY),
                choice("none"),
            ],
        ),
        Question(
            id="",
            kind="multiple_choice",
            prompt="[plain]Which ones?",
            points=3,
            scoring="all_or_nothing",
            options=[
                choice("a", True),
                choice("b", True, "b#fb"),
                choice("c", True),
                choice("~d", feedback="no"),
            ],
        ),
        Question(
            id="",
            kind="multiple_choice",
            prompt="Partial, one right",
            scoring="partial",
            options=[choice("%10% right", True), choice("wrong")],
        ),
        Question(id="", kind="true_false", prompt="True?", correct_answer=True),
        Question(
            id="",
            kind="true_false",
            prompt="False?",
            correct_answer=False,
            feedback_correct="Right: it is false.",
            general_feedback="G",
        ),
        Question(
            id="", kind="true_false", prompt="Only right feedback", correct_answer=False, feedback_correct="R"
        ),
        Question(
            id="",
            kind="short_answer",
            prompt="Name one",
            points=5,
            feedback_incorrect="Hint: {s}",
            general_feedback="####tricky",
            accepted_answers=["Stockholm", "%100% sure", "a = b"],
        ),
        Question(
            id="",
            kind="matching",
            prompt="Match",
            scoring="all_or_nothing",
            pairs=[
                Pair(id="", prompt="a -> b", answer="c -> d"),
                Pair(id="", prompt="x=y", answer="T"),
                Pair(id="", prompt="%5%", answer="{z}"),
            ],
        ),
        Question(
            id="", kind="matching", prompt="Match partly", pairs=[Pair("", "1", "one"), Pair("", "2", "two")]
        ),
    ]


def test_round_trip_of_every_kind_gift_has():
    questions = sample_questions()
    text, skipped = export_gift(questions)
    assert skipped == []
    parsed = parse_gift(text)
    assert [without_ids(q) for q in parsed] == [without_ids(q) for q in questions]


def test_round_trip_through_the_stream_field():
    """What the import stores reads back as the same questions, and exports as the same text."""
    questions = sample_questions()
    parsed = parse_gift(export_gift(questions)[0])
    stream = QuizBlocks().to_python([question_to_block_data(q) for q in parsed])
    stored = questions_from_stream(stream)
    assert [without_ids(q) for q in stored] == [without_ids(q) for q in questions]
    assert export_gift(stored)[0] == export_gift(questions)[0]


def test_export_writes_moodle_weights_and_points_comments():
    text, _skipped = export_gift(sample_questions()[1:3])
    assert "// heart: points=3 scoring=all_or_nothing\n" in text
    assert "~%33.33333%a\n" in text
    assert "~%-33.33333%\\~d#no\n" in text
    assert "~%100%%10% right\n~%-100%wrong\n" in text
    assert "\n\nPartial, one right {" in text  # a blank line between questions, no comment: defaults


def test_ordering_questions_are_returned_as_skipped():
    ordering = Question(id="o", kind="ordering", prompt="Order", items=[Choice("1", "a"), Choice("2", "b")])
    single = sample_questions()[3]
    text, skipped = export_gift([ordering, single])
    assert skipped == [ordering]
    assert text == "True? {TRUE}\n"


# --- Admin views --------------------------------------------------------------------------


# The parser works without the plugin's models; the views need the plugin installed.
def admin_view(test):
    installed = django_apps.is_installed("learning")
    return pytest.mark.django_db(pytest.mark.skipif(not installed, reason="learning is not installed")(test))


GIFT_FILE = b"""// heart: points=2
Which act forbids discrimination? {
=The Discrimination Act
~The Planning Act
}

The Act covers seven grounds. {T}
"""


@pytest.fixture
def module(site_tree):
    from learning.models import CourseIndexPage, TrainingModulePage

    home_sv, _home_en = site_tree
    catalogue = home_sv.add_child(instance=CourseIndexPage(title="Kurser", slug="kurser"))
    existing = Question(
        id="",
        kind="single_choice",
        prompt="Finns det en fråga?",
        options=[Choice("", "Ja", correct=True), Choice("", "Nej")],
    )
    page = catalogue.add_child(
        instance=TrainingModulePage(
            title="Likabehandling",
            slug="likabehandling",
            summary="Grunderna.",
            quiz=[question_to_block_data(existing)],
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def staff_user(**kwargs):
    """A user whose admin is in English, so that messages can be matched whatever the catalogues hold."""
    from wagtail.users.models import UserProfile

    from tests.factories.users import UserFactory

    user = UserFactory(**kwargs)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def admin_client(client):
    client.force_login(staff_user(is_superuser=True, is_staff=True))
    return client


def latest_questions(page):
    page.refresh_from_db()
    return questions_from_stream(page.get_latest_revision_as_object().quiz)


def upload(content, name="quiz.gift.txt"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/plain")


@admin_view
def test_import_form_is_shown(admin_client, module):
    response = admin_client.get(reverse("learning_gift_import", args=[module.pk]))
    assert response.status_code == 200
    assert b'type="file"' in response.content
    assert b'value="replace"' in response.content


@admin_view
def test_import_appends_to_a_new_draft(admin_client, module):
    revisions = module.revisions.count()
    response = admin_client.post(
        reverse("learning_gift_import", args=[module.pk]), {"file": upload(GIFT_FILE), "mode": "append"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[module.pk])
    assert module.revisions.count() == revisions + 1
    questions = latest_questions(module)
    assert [(q.kind, q.points) for q in questions] == [
        ("single_choice", 1),
        ("single_choice", 2),
        ("true_false", 1),
    ]
    assert questions[1].prompt == "Which act forbids discrimination?"
    # A draft: the live module still has its one question, and the change waits to be published.
    assert len(module.quiz) == 1
    assert module.has_unpublished_changes
    followed = admin_client.get(response["Location"])
    assert "2 questions imported" in followed.content.decode()


@admin_view
def test_import_can_replace_the_quiz(admin_client, module):
    response = admin_client.post(
        reverse("learning_gift_import", args=[module.pk]), {"file": upload(GIFT_FILE), "mode": "replace"}
    )
    assert response.status_code == 302
    assert [q.kind for q in latest_questions(module)] == ["single_choice", "true_false"]


@admin_view
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (GIFT_FILE + b"\nBroken {=a ~b\n", "Line 9: "),
        (b"Q {=\xe5}", "UTF-8"),
        (b"// nothing\n", "no questions"),
    ],
)
def test_a_bad_file_changes_nothing(admin_client, module, content, message):
    revisions = module.revisions.count()
    response = admin_client.post(
        reverse("learning_gift_import", args=[module.pk]), {"file": upload(content), "mode": "replace"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert module.revisions.count() == revisions
    assert len(latest_questions(module)) == 1


@admin_view
def test_an_oversized_file_changes_nothing(admin_client, module, settings):
    settings.LEARNING_GIFT_MAX_BYTES = 20
    revisions = module.revisions.count()
    response = admin_client.post(
        reverse("learning_gift_import", args=[module.pk]), {"file": upload(GIFT_FILE), "mode": "append"}
    )
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    assert module.revisions.count() == revisions


@admin_view
def test_a_quiz_cannot_grow_past_its_limit(admin_client, module):
    many = "\n\n".join(f"Q{n} {{T}}" for n in range(100)).encode()
    response = admin_client.post(
        reverse("learning_gift_import", args=[module.pk]), {"file": upload(many), "mode": "append"}
    )
    assert response.status_code == 400
    assert "at most 100" in response.content.decode()
    assert len(latest_questions(module)) == 1


@admin_view
def test_a_missing_file_is_a_form_error(admin_client, module):
    response = admin_client.post(reverse("learning_gift_import", args=[module.pk]), {"mode": "append"})
    assert response.status_code == 400


@admin_view
def test_staff_without_edit_permission_get_403(client, module):
    from django.contrib.auth.models import Group, Permission

    user = staff_user()
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    revisions = module.revisions.count()
    response = client.post(
        reverse("learning_gift_import", args=[module.pk]), {"file": upload(GIFT_FILE), "mode": "append"}
    )
    assert response.status_code == 403
    assert module.revisions.count() == revisions
    assert client.get(reverse("learning_gift_import", args=[module.pk])).status_code == 403
    assert client.get(reverse("learning_gift_export", args=[module.pk])).status_code == 403


@admin_view
def test_a_translated_module_gets_its_questions_by_sync(admin_client, module):
    from learning.models import TrainingModulePage
    from tests.factories.pages import translate

    translate(module.get_parent().specific, "en", title="Courses", slug="courses")
    english = translate(module, "en", title="Equal treatment", slug="equal-treatment")
    assert isinstance(english, TrainingModulePage)
    revisions = english.revisions.count()
    url = reverse("learning_gift_import", args=[english.pk])
    response = admin_client.post(url, {"file": upload(GIFT_FILE), "mode": "append"})
    assert response.status_code == 400
    assert "synced" in response.content.decode()
    assert reverse("learning_gift_import", args=[module.pk]) in response.content.decode()
    assert english.revisions.count() == revisions
    assert admin_client.get(url).status_code == 400


@admin_view
def test_unknown_pages_are_404(admin_client, module):
    assert admin_client.get(reverse("learning_gift_import", args=[module.pk + 1000])).status_code == 404
    not_a_module = module.get_parent()
    assert admin_client.get(reverse("learning_gift_export", args=[not_a_module.pk])).status_code == 404


@admin_view
def test_export_downloads_the_latest_draft(admin_client, module):
    draft = module.get_latest_revision_as_object()
    draft.quiz = [*draft.quiz.raw_data, question_to_block_data(sample_questions()[3])]
    draft.save_revision()
    response = admin_client.get(reverse("learning_gift_export", args=[module.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="likabehandling-questions.gift.txt"'
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert [q.prompt for q in parse_gift(text)] == ["Finns det en fråga?", "True?"]


@admin_view
def test_export_warns_before_leaving_out_ordering_questions(admin_client, module):
    ordering = Question(
        id="", kind="ordering", prompt="Put in order", items=[Choice("", "a"), Choice("", "b")]
    )
    draft = module.get_latest_revision_as_object()
    draft.quiz = [*draft.quiz.raw_data, question_to_block_data(ordering)]
    draft.save_revision()
    url = reverse("learning_gift_export", args=[module.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert "Put in order" in page.content.decode()
    assert f"{url}?download=1" in page.content.decode()
    download = admin_client.get(url, {"download": "1"})
    assert download["Content-Disposition"].startswith("attachment")
    assert [q.prompt for q in parse_gift(download.content.decode())] == ["Finns det en fråga?"]


@admin_view
def test_export_of_an_empty_quiz_says_so(admin_client, module):
    draft = module.get_latest_revision_as_object()
    draft.quiz = []
    draft.save_revision()
    response = admin_client.get(reverse("learning_gift_export", args=[module.pk]))
    assert response.status_code == 200
    assert "no questions that can be exported" in response.content.decode()
    assert "Content-Disposition" not in response


@admin_view
def test_a_module_locked_by_someone_else_is_not_changed(admin_client, module):
    module.locked = True
    module.locked_by = staff_user(is_superuser=True)
    module.save()
    revisions = module.revisions.count()
    response = admin_client.post(
        reverse("learning_gift_import", args=[module.pk]), {"file": upload(GIFT_FILE), "mode": "append"}
    )
    assert response.status_code == 409
    assert "locked" in response.content.decode()
    assert module.revisions.count() == revisions
