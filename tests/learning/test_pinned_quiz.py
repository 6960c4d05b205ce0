"""The quiz of a pinned version, read from its stored content and parsed once per process:
the same questions and rules as the module rebuilt from that revision, and never another
version's."""

import pytest

from learning.models import QuizVersion
from learning.models.progress import _ParsedQuizzes
from learning.quiz import answer_key, questions_from_stream
from learning.services import quiz_attempt_start
from tests.factories.learning import CourseIndexPageFactory, build_module
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(site_tree):
    home_sv, _home_en = site_tree
    bands = [
        {"type": "band", "value": {"min_percent": 0, "feedback": "Läs igen."}},
        {"type": "band", "value": {"min_percent": 80, "feedback": "Bra jobbat!"}},
    ]
    return build_module(
        CourseIndexPageFactory(parent=home_sv),
        lessons=0,
        pass_mark=70,
        max_attempts=3,
        shuffle_options=False,
        feedback_timing="last",
        score_bands=bands,
    )


def version_of(module):
    return quiz_attempt_start(user=UserFactory(), module=module).quiz_version


def test_the_quiz_is_what_the_rebuilt_module_has(module):
    version = version_of(module)
    quiz, pinned = version.quiz(), version.as_module()
    assert answer_key(quiz.questions) == answer_key(questions_from_stream(pinned.quiz))
    assert [q.prompt for q in quiz.questions] == [q.prompt for q in questions_from_stream(pinned.quiz)]
    rules = ("pass_mark", "max_attempts", "shuffle_options", "feedback_timing")
    assert {name: getattr(quiz, name) for name in rules} == {name: getattr(pinned, name) for name in rules}
    for percent in (0, 79.9, 80, 100):
        assert quiz.band_feedback(percent) == pinned.score_band_feedback(percent)


def test_parsed_once_and_read_only(module, django_assert_num_queries):
    version = version_of(module)
    first = version.quiz()
    again = QuizVersion.objects.defer("content").get(pk=version.pk)
    with django_assert_num_queries(0):
        assert again.quiz() is first  # the content is not even read
    with pytest.raises(AttributeError):
        first.questions[0].options.append(None)


def test_each_version_has_its_own_quiz(module):
    old = version_of(module)
    page = module.__class__.objects.get(pk=module.pk)
    page.pass_mark = 90
    page.save_revision().publish()
    new = version_of(module.__class__.objects.get(pk=module.pk))
    assert new.pk != old.pk
    assert (old.quiz().pass_mark, new.quiz().pass_mark) == (70, 90)


def test_a_reused_primary_key_does_not_find_the_old_quiz(module):
    """SQLite reuses the id of a rolled-back insert; the creation time tells them apart."""
    version = version_of(module)
    cache = _ParsedQuizzes(size=4)
    first = cache.get(version)
    impostor = QuizVersion(pk=version.pk, created_at=None, content={**version.content, "pass_mark": 10})
    assert cache.get(impostor).pass_mark == 10
    assert cache.get(version) is first


def test_the_cache_is_bounded(module):
    version = version_of(module)
    cache = _ParsedQuizzes(size=2)
    for number in range(5):
        cache.get(QuizVersion(pk=number, created_at=version.created_at, content=version.content))
    assert list(cache.entries) == [(3, version.created_at), (4, version.created_at)]
