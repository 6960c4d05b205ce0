"""Translating a module with wagtail-localize keeps its answer key: translators get the
wording and nothing that decides grading, a manual edit of the key is refused, and progress
belongs to the module in every language."""

import copy

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, RelatedObjectSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from learning.models import Certificate, Enrollment, TrainingModulePage
from learning.quiz import answer_key, questions_from_stream
from learning.selectors import module_progress
from learning.services import lesson_complete, quiz_attempt_start, quiz_attempt_submit
from tests.factories.learning import CourseIndexPageFactory, build_module, correct_answers
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

# Block fields that decide grading; no segment may end in one of them.
KEY_FIELDS = ("correct", "points", "scoring", "correct_answer")
# Page fields that are rules, synchronised from the source and never offered.
RULE_FIELDS = ("pass_mark", "max_attempts", "shuffle_options", "feedback_timing", "issues_certificate")


@pytest.fixture
def catalogue(site_tree):
    home_sv, _home_en = site_tree
    catalogue = CourseIndexPageFactory(parent=home_sv)
    translate(catalogue, "en", title="Courses", slug="courses")
    return catalogue


@pytest.fixture
def module(catalogue):
    return build_module(catalogue, lessons=2, title="Likabehandling i praktiken")


def english(text):
    return f"[en] {text}"


def translate_with_localize(page, django_capture_on_commit_callbacks, language="en"):
    """Translate every string of ``page`` as a translator in wagtail-localize's editor would,
    then create (or sync) and publish the translation with its own machinery."""
    locale = Locale.objects.get(language_code=language)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": english(segment.string.data), "translation_type": "manual"},
        )
    with django_capture_on_commit_callbacks(execute=True):  # the publish waits for the commit
        translation, _created = source.create_or_update_translation(locale, publish=True)
    return TrainingModulePage.objects.get(pk=translation.pk)


def key_of(page):
    return answer_key(questions_from_stream(page.quiz))


def raw_quiz(page):
    return copy.deepcopy(list(page.quiz.raw_data))


def block(raw, kind):
    return next(b for b in raw if b["type"] == kind)


# --- What translators get ------------------------------------------------------------------


def test_translation_keeps_the_key_and_translates_the_wording(module, django_capture_on_commit_callbacks):
    module_en = translate_with_localize(module, django_capture_on_commit_callbacks)
    assert module_en.locale.language_code == "en"
    assert module_en.live
    assert module_en.translation_key == module.translation_key

    assert key_of(module_en) == key_of(module)
    questions_sv, questions_en = questions_from_stream(module.quiz), questions_from_stream(module_en.quiz)
    for sv, en in zip(questions_sv, questions_en, strict=True):
        assert en.prompt == english(sv.prompt)
        assert [c.text for c in en.options] == [english(c.text) for c in sv.options]
        assert [c.text for c in en.items] == [english(c.text) for c in sv.items]
        assert [(p.prompt, p.answer) for p in en.pairs] == [
            (english(p.prompt), english(p.answer)) for p in sv.pairs
        ]
        assert en.accepted_answers == [english(a) for a in sv.accepted_answers]
    for name in RULE_FIELDS:
        assert getattr(module_en, name) == getattr(module, name)


def test_answers_that_are_right_in_swedish_are_right_in_english(module, django_capture_on_commit_callbacks):
    module_en = translate_with_localize(module, django_capture_on_commit_callbacks)
    user = UserFactory()
    attempt = quiz_attempt_start(user=user, module=module_en)
    # Ids are what answers carry, and they are the same; only short answers are words.
    answers = correct_answers(module, attempt)
    short = next(q for q in questions_from_stream(module_en.quiz) if q.kind == "short_answer")
    answers[short.id] = short.accepted_answers[0]
    assert quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers).percent == 100


def test_quiz_wording_is_offered_and_the_key_is_not(module):
    segments = extract_segments(module)
    strings = {s.path: s.string.data for s in segments if isinstance(s, StringSegmentValue)}
    quiz_paths = [path for path in strings if path.startswith("quiz.")]

    # Every piece of wording is there: prompts, options, items, pairs, accepted answers, feedback.
    for q in questions_from_stream(module.quiz):
        assert strings[f"quiz.{q.id}.prompt"] == q.prompt
        assert strings[f"quiz.{q.id}.feedback_correct"] == q.feedback_correct
        for c in q.options:
            assert strings[f"quiz.{q.id}.options.{c.id}.text"] == c.text
        for c in q.items:
            assert strings[f"quiz.{q.id}.items.{c.id}"] == c.text
        for p in q.pairs:
            assert strings[f"quiz.{q.id}.pairs.{p.id}.prompt"] == p.prompt
            assert strings[f"quiz.{q.id}.pairs.{p.id}.answer"] == p.answer
    assert any(".accepted_answers." in path for path in quiz_paths)

    # Nothing that decides grading, as a string or as an overridable value.
    for segment in segments:
        last = segment.path.rsplit(".", 1)[-1]
        assert last not in KEY_FIELDS, segment.path
        assert segment.path.split(".", 1)[0] not in RULE_FIELDS, segment.path
        if segment.path.startswith("quiz."):
            assert isinstance(segment, StringSegmentValue), segment.path
    assert not {"true", "false", "partial", "all_or_nothing"} & set(strings.values())


def test_option_feedback_is_offered_for_translation(module):
    paths = {s.path for s in extract_segments(module) if isinstance(s, StringSegmentValue)}
    single = next(q for q in questions_from_stream(module.quiz) if q.kind == "single_choice")
    with_feedback = [c for c in single.options if c.feedback]
    assert with_feedback
    for c in with_feedback:
        assert f"quiz.{single.id}.options.{c.id}.feedback" in paths


def test_no_related_or_overridable_segment_can_carry_a_key(module):
    for segment in extract_segments(module):
        if isinstance(segment, (OverridableSegmentValue, RelatedObjectSegmentValue)):
            assert not segment.path.startswith("quiz."), segment.path


def test_syncing_after_the_source_changes_its_key_brings_the_new_key(
    module, django_capture_on_commit_callbacks
):
    module_en = translate_with_localize(module, django_capture_on_commit_callbacks)
    raw = raw_quiz(module)
    for index, option in enumerate(block(raw, "single_choice")["value"]["options"]):
        option["value"]["correct"] = index == 2
    block(raw, "true_false")["value"]["correct_answer"] = "false"
    module.quiz = raw
    module.save_revision().publish()
    module = TrainingModulePage.objects.get(pk=module.pk)
    assert key_of(module) != key_of(module_en)

    synced = translate_with_localize(module, django_capture_on_commit_callbacks)
    assert synced.pk == module_en.pk
    assert key_of(synced) == key_of(module)


# --- Manual edits of a translation ---------------------------------------------------------


@pytest.fixture
def module_en(module, django_capture_on_commit_callbacks):
    return translate_with_localize(module, django_capture_on_commit_callbacks)


def refused(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "quiz" in caught.value.message_dict
    return caught.value


def test_flipping_a_correct_flag_in_the_translation_is_refused(module_en):
    raw = raw_quiz(module_en)
    options = block(raw, "single_choice")["value"]["options"]
    options[0]["value"]["correct"], options[1]["value"]["correct"] = False, True
    module_en.quiz = raw
    error = refused(module_en)
    # The message names the source language, so the translator knows where to go.
    assert str(Locale.get_default().get_display_name()) in " ".join(error.message_dict["quiz"])
    with pytest.raises(ValidationError):
        module_en.save_revision()  # the editor's save path validates too


@pytest.mark.parametrize(
    "edit",
    [
        lambda raw: block(raw, "true_false")["value"].update(correct_answer="false"),
        lambda raw: block(raw, "multiple_choice")["value"]["options"][2]["value"].update(correct=True),
        lambda raw: block(raw, "multiple_choice")["value"].update(scoring="all_or_nothing"),
        lambda raw: block(raw, "single_choice")["value"].update(points=5),
        lambda raw: block(raw, "ordering")["value"]["items"].reverse(),
        lambda raw: block(raw, "matching")["value"]["pairs"].pop(),
        lambda raw: block(raw, "short_answer")["value"]["accepted_answers"].append(
            {"type": "item", "id": "1b2d7a4e-0000-4000-8000-000000000001", "value": "JämO"}
        ),
        lambda raw: raw.pop(0),
        lambda raw: raw.reverse(),
    ],
    ids=[
        "true-false",
        "multiple-choice-flag",
        "scoring",
        "points",
        "order",
        "pair-removed",
        "accepted-answer-added",
        "question-removed",
        "questions-reordered",
    ],
)
def test_any_change_of_the_key_in_the_translation_is_refused(module_en, edit):
    raw = raw_quiz(module_en)
    edit(raw)
    module_en.quiz = raw
    refused(module_en)


def test_editing_only_the_wording_of_the_translation_is_accepted(module_en):
    raw = raw_quiz(module_en)
    block(raw, "single_choice")["value"]["prompt"] = "Which act prohibits discrimination?"
    block(raw, "single_choice")["value"]["options"][1]["value"]["text"] = "The Planning and Building Act"
    block(raw, "matching")["value"]["pairs"][0]["value"]["answer"] = "Less favourable treatment"
    block(raw, "short_answer")["value"]["accepted_answers"][1]["value"] = "Equality Ombudsman"
    module_en.quiz = raw
    module_en.title = "Equal treatment in practice"
    module_en.full_clean()
    module_en.save_revision().publish()
    assert questions_from_stream(TrainingModulePage.objects.get(pk=module_en.pk).quiz)[0].prompt == (
        "Which act prohibits discrimination?"
    )


def test_the_source_itself_may_change_its_key(module):
    raw = raw_quiz(module)
    block(raw, "true_false")["value"]["correct_answer"] = "false"
    module.quiz = raw
    module.full_clean()


# --- Progress across languages -------------------------------------------------------------


@pytest.fixture
def translated(module, module_en):
    lessons_sv = [lesson.specific for lesson in module.get_children().order_by("path")]
    lessons_en = [
        translate(lesson, "en", title=f"Lesson {n}", slug=f"lesson-{n}")
        for n, lesson in enumerate(lessons_sv, 1)
    ]
    return lessons_sv, lessons_en


def test_a_lesson_done_in_swedish_is_done_on_the_english_module(module, module_en, translated):
    (first_sv, _second_sv), (first_en, second_en) = translated
    user = UserFactory()
    lesson_complete(user=user, lesson=first_sv)

    progress = module_progress(user=user, module=module_en)
    assert [(state.page.pk, state.done) for state in progress.lessons] == [
        (first_en.pk, True),
        (second_en.pk, False),
    ]
    assert progress.next_lesson.pk == second_en.pk
    assert progress.enrollment is not None and progress.enrollment.module_id == module.pk


def test_completion_across_languages_gives_one_enrolment_and_one_certificate(module, module_en, translated):
    (first_sv, _second_sv), (_first_en, second_en) = translated
    user = UserFactory(full_name="Ngũgĩ wa Thiong'o")
    lesson_complete(user=user, lesson=first_sv)
    lesson_complete(user=user, lesson=second_en)
    attempt = quiz_attempt_start(user=user, module=module_en)
    quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=correct_answers(module_en, attempt))

    enrollment = Enrollment.objects.get()
    assert enrollment.is_completed
    assert module_progress(user=user, module=module).passed
    certificate = Certificate.objects.get()
    # Completed in English: the certificate is in English, title and all.
    assert (certificate.language, certificate.module_title) == ("en", module_en.title)


def test_an_attempt_open_in_one_language_is_resumed_in_the_other(module, module_en):
    user = UserFactory()
    attempt = quiz_attempt_start(user=user, module=module)
    assert quiz_attempt_start(user=user, module=module_en).pk == attempt.pk
    assert Enrollment.objects.count() == 1
