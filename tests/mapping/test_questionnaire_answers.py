"""Checking answers against a pinned version, and the rows they become."""

import pytest

from mapping.answers import LONG_TEXT_MAX, SHORT_TEXT_MAX, InvalidAnswers, answer_rows, clean_answers
from mapping.questionnaire import questionnaire_of, visible_keys, visible_sections
from tests.mapping.respond_setup import MANAGER_ANSWERS, STAFF_ANSWERS, open_campaign, questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def parsed(site_tree):
    home_sv, _home_en = site_tree
    return questionnaire_of(open_campaign(questionnaire(home_sv)).versions.get(language="sv"))


def errors_of(parsed, answers, **kwargs):
    with pytest.raises(InvalidAnswers) as error:
        clean_answers(parsed, answers, **kwargs)
    return error.value.errors


def test_a_complete_answer_is_kept(parsed):
    cleaned = clean_answers(parsed, MANAGER_ANSWERS)
    assert cleaned["measures"] == ["plan", "audit"]
    assert cleaned["count"] == 12
    assert cleaned["long"] == "Vi granskade rekryteringen."


def test_rows_store_scale_steps_as_key_and_number(parsed):
    rows = answer_rows(parsed, clean_answers(parsed, MANAGER_ANSWERS))
    by_key = {}
    for row in rows:
        by_key.setdefault(row.question_key, []).append(row)
    assert [(r.option_key, r.number) for r in by_key["agree"]] == [("4", 4.0)]
    assert [r.option_key for r in by_key["role"]] == ["manager"] and by_key["role"][0].number is None
    assert sorted(r.option_key for r in by_key["measures"]) == ["audit", "plan"]
    assert {(r.item_key, r.aspect, r.option_key, r.number, r.not_applicable) for r in by_key["comp"]} == {
        ("equal-treatment", "current", "1", 1.0, False),
        ("equal-treatment", "importance", "3", 3.0, False),
        ("csr", "current", "2", 2.0, False),
        ("csr", "importance", "", None, True),
    }
    assert [(r.item_key, r.option_key, r.number) for r in by_key["mx"]] == [("meetings", "2", 2.0)]
    assert [r.number for r in by_key["count"]] == [12.0]
    assert [r.text for r in by_key["short"]] == ["Kort"]


def test_not_applicable_is_a_row_of_its_own(parsed):
    rows = answer_rows(parsed, clean_answers(parsed, STAFF_ANSWERS))
    agree = [r for r in rows if r.question_key == "agree"]
    assert agree == [type(agree[0])("agree", not_applicable=True)]


def test_required_questions_must_be_answered(parsed):
    errors = errors_of(parsed, {"agree": "3"})
    assert set(errors) == {"role", "comp"}


def test_a_competence_answer_must_rate_every_theme_on_both_aspects(parsed):
    answers = {
        **STAFF_ANSWERS,
        "comp": {"equal-treatment": {"current": "2", "importance": "2"}, "csr": {"current": "1"}},
    }
    assert set(errors_of(parsed, answers)) == {"comp"}


@pytest.mark.parametrize(
    "key, value",
    [
        ("role", "ceo"),  # an option that does not exist
        ("role", ["staff"]),
        ("role", "_na"),  # not offered on this question
        ("agree", "6"),
        ("agree", 4),
        ("measures", ["plan", "hacked"]),
        ("measures", ["plan"] * 50),
        ("comp", {"equal-treatment": {"current": "9", "importance": "1"}}),
        ("comp", {"unknown-theme": {"current": "1", "importance": "1"}}),
        ("comp", "1"),
        ("mx", {"meetings": "5"}),
        ("mx", {"meetings": "_na"}),  # the matrix does not offer it
        ("count", "-1"),
        ("count", 101),
        ("count", "2.5"),
        ("count", "many"),
        ("count", "nan"),
        ("count", True),
        ("short", "x" * (SHORT_TEXT_MAX + 1)),
        ("short", 12),
        ("long", "x" * (LONG_TEXT_MAX + 1)),
    ],
)
def test_tampered_or_out_of_range_answers_are_refused(parsed, key, value):
    errors = errors_of(parsed, {**MANAGER_ANSWERS, key: value})
    assert list(errors) == [key]


def test_unknown_question_keys_are_ignored(parsed):
    cleaned = clean_answers(parsed, {**STAFF_ANSWERS, "injected": "x", "__proto__": {"a": 1}})
    assert "injected" not in cleaned and "__proto__" not in cleaned


def test_answers_that_are_not_a_mapping_are_refused(parsed):
    with pytest.raises(InvalidAnswers):
        clean_answers(parsed, ["role", "staff"])


def test_answers_to_hidden_questions_are_dropped(parsed):
    # A staff member does not see the managers' section: what they sent for it is not kept.
    cleaned = clean_answers(
        parsed, {**STAFF_ANSWERS, "short": "smuggled", "long": "x" * (LONG_TEXT_MAX + 10)}
    )
    assert "short" not in cleaned and "long" not in cleaned
    # A manager who did not choose "audit" does not see the long question.
    cleaned = clean_answers(parsed, {**MANAGER_ANSWERS, "measures": ["plan"]})
    assert "long" not in cleaned and cleaned["short"] == "Kort"


def test_conditions_decide_the_steps(parsed):
    assert [s.index for s in visible_sections(parsed, STAFF_ANSWERS)] == [0, 1]
    assert [s.index for s in visible_sections(parsed, MANAGER_ANSWERS)] == [0, 1, 2]
    assert "long" not in visible_keys(parsed, {"role": "manager", "measures": ["plan"]})


def test_a_draft_keeps_incomplete_answers_but_not_invalid_ones(parsed):
    assert clean_answers(parsed, {"agree": "2", "short": "a"}, check_required=set()) == {
        "agree": "2",
        "short": "a",
    }
    assert set(errors_of(parsed, {"count": 1000}, check_required=set())) == {"count"}
    # A step checks its own required questions only.
    assert set(errors_of(parsed, {}, check_required={"role", "agree", "measures"})) == {"role", "agree"}


def test_numbers_accept_a_decimal_comma_and_text_is_trimmed(site_tree, parsed):
    cleaned = clean_answers(parsed, {**MANAGER_ANSWERS, "count": " 12 ", "short": "  hej \r\n"})
    assert cleaned["count"] == 12 and cleaned["short"] == "hej"
