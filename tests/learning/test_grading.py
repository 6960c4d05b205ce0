"""Grading: every question type by its stated rule, the answers that are errors rather than
wrong answers, and a presented quiz that carries no key."""

import dataclasses
import json

import pytest

from learning.grading import MAX_TEXT_ANSWER, InvalidAnswer, clean_answers, grade_quiz, normalise_text
from learning.quiz import Choice, Pair, Question, matching_token, present

SEED = 4242


def single():
    return Question(
        id="q-single",
        kind="single_choice",
        prompt="Vilken lag förbjuder diskriminering?",
        points=2,
        options=[
            Choice("s-right", "Diskrimineringslagen", correct=True, feedback="Ja."),
            Choice("s-wrong", "Plan- och bygglagen", feedback="Nej, den gäller byggande."),
            Choice("s-other", "Trafikförordningen"),
        ],
    )


def multiple(scoring="partial", points=4):
    # Two correct options of four: a share is half the points.
    return Question(
        id="q-multi",
        kind="multiple_choice",
        prompt="Vilka är diskrimineringsgrunder?",
        points=points,
        scoring=scoring,
        options=[
            Choice("m-age", "Ålder", correct=True),
            Choice("m-disability", "Funktionsnedsättning", correct=True),
            Choice("m-hair", "Hårfärg", feedback="Nej."),
            Choice("m-job", "Yrke"),
        ],
    )


def true_false(correct=True):
    return Question(id="q-tf", kind="true_false", prompt="Det finns sju grunder.", correct_answer=correct)


def short(*accepted):
    return Question(
        id="q-short",
        kind="short_answer",
        prompt="Vilken myndighet?",
        accepted_answers=list(accepted) or ["DO", "Diskrimineringsombudsmannen"],
    )


def ordering(scoring="partial"):
    return Question(
        id="q-order",
        kind="ordering",
        prompt="Ordna stegen.",
        points=4,
        scoring=scoring,
        items=[
            Choice("o1", "Undersöka"),
            Choice("o2", "Analysera"),
            Choice("o3", "Åtgärda"),
            Choice("o4", "Följa upp"),
        ],
    )


def matching(scoring="partial"):
    return Question(
        id="q-match",
        kind="matching",
        prompt="Para ihop.",
        points=3,
        scoring=scoring,
        pairs=[
            Pair("p1", "Direkt diskriminering", "Sämre behandling"),
            Pair("p2", "Indirekt diskriminering", "Neutral regel som missgynnar"),
            Pair("p3", "Trakasserier", "Kränkning kopplad till en grund"),
        ],
    )


def grade(question, answer, seed=SEED):
    """Clean and grade one answer as a submission does; returns the one QuestionResult."""
    cleaned = clean_answers([question], {question.id: answer}, seed=seed)
    return grade_quiz([question], cleaned, seed=seed).questions[0]


def rejected(question, answer, seed=SEED):
    with pytest.raises(InvalidAnswer) as caught:
        clean_answers([question], {question.id: answer}, seed=seed)
    assert caught.value.status == 400
    return caught.value


def tokens(question, seed=SEED):
    return {p.id: matching_token(seed, p.id) for p in question.pairs}


# --- Single choice ------------------------------------------------------------------------


def test_single_choice_right_scores_full_points_with_the_option_feedback():
    result = grade(single(), "s-right")
    assert (result.score, result.max_score, result.outcome) == (2, 2, "correct")
    assert result.option_feedback == ["Ja."]


def test_single_choice_wrong_scores_zero_with_that_options_feedback():
    result = grade(single(), "s-wrong")
    assert (result.score, result.outcome) == (0, "incorrect")
    assert result.option_feedback == ["Nej, den gäller byggande."]


@pytest.mark.parametrize("answer", ["m-age", "nonexistent", ["s-right"], 1, {"s-right": True}])
def test_single_choice_rejects_anything_but_one_of_its_own_option_ids(answer):
    rejected(single(), answer)


# --- Multiple choice ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "score", "outcome"),
    [
        (["m-age", "m-disability"], 4, "correct"),
        (["m-age"], 2, "partial"),  # one share of two
        (["m-age", "m-disability", "m-hair"], 2, "partial"),  # two shares earned, one taken away
        (["m-age", "m-hair"], 0, "incorrect"),  # one earned, one taken away
        (["m-hair", "m-job"], 0, "incorrect"),  # never below zero
        (["m-age", "m-hair", "m-job"], 0, "incorrect"),  # 1 - 2 clamps to zero
        (["m-age", "m-disability", "m-hair", "m-job"], 0, "incorrect"),  # choosing everything
    ],
)
def test_multiple_choice_partial_credit_rule(answer, score, outcome):
    result = grade(multiple(), answer)
    assert (result.score, result.outcome) == (score, outcome)


def test_multiple_choice_partial_shares_are_fractions_of_the_points():
    question = multiple(points=1)
    question.options[2].correct = True  # three correct options: a share is a third
    assert grade(question, ["m-age"]).score == 0.33
    assert grade(question, ["m-age", "m-disability"]).score == 0.67


@pytest.mark.parametrize(
    ("answer", "score"),
    [
        (["m-age", "m-disability"], 4),
        (["m-disability", "m-age"], 4),  # order does not matter
        (["m-age"], 0),
        (["m-age", "m-disability", "m-hair"], 0),
        (["m-age", "m-disability", "m-hair", "m-job"], 0),
    ],
)
def test_multiple_choice_all_or_nothing(answer, score):
    assert grade(multiple("all_or_nothing"), answer).score == score


def test_multiple_choice_feedback_of_every_chosen_option():
    assert grade(multiple(), ["m-age", "m-hair"]).option_feedback == ["Nej."]


def test_multiple_choice_a_single_id_counts_as_a_list_of_one():
    assert grade(multiple(), "m-age").score == 2


@pytest.mark.parametrize(
    "answer",
    [
        ["m-age", "s-right"],  # an option of another question
        ["m-age", "m-age"],  # the same option twice would earn two shares
        ["m-age", 3],
        {"m-age": True},
        7,
    ],
)
def test_multiple_choice_rejects_foreign_duplicate_and_malformed_options(answer):
    rejected(multiple(), answer)


# --- True or false ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("correct", "answer", "score"),
    [
        (True, "true", 1),
        (True, True, 1),
        (True, "false", 0),
        (True, False, 0),
        (False, "false", 1),
        (False, False, 1),
        (False, "true", 0),
        (False, True, 0),
    ],
)
def test_true_false_takes_strings_and_booleans(correct, answer, score):
    assert grade(true_false(correct), answer).score == score


@pytest.mark.parametrize("answer", ["yes", "True", "1", 1, 0, ["true"]])
def test_true_false_rejects_anything_else(answer):
    rejected(true_false(), answer)


# --- Short answer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "DO",
        "do",
        "  dO\t",
        "  diskrimineringsOMBUDSMANNEN ",
        "ＤＯ",  # full-width letters, as some input methods type them
        "ｄｉｓｋｒｉｍｉｎｅｒｉｎｇｓｏｍｂｕｄｓｍａｎｎｅｎ",
    ],
)
def test_short_answer_ignores_case_whitespace_and_width(answer):
    result = grade(short(), answer)
    assert (result.score, result.outcome) == (1, "correct")


def test_short_answer_collapses_inner_whitespace_on_both_sides():
    question = short("Aktiva  åtgärder")
    assert grade(question, " aktiva\u00a0\u00a0ÅTGÄRDER ").score == 1
    assert grade(question, "aktivaåtgärder").score == 0  # spaces are collapsed, not removed


def test_short_answer_wrong_or_partial_text_scores_zero():
    assert grade(short(), "D O").score == 0
    assert grade(short(), "Diskriminerings").score == 0
    assert grade(short(), "JämO").score == 0


def test_normalise_text_is_what_both_sides_go_through():
    assert normalise_text("  Ｓtraße ") == normalise_text("STRASSE")


def test_short_answer_of_exactly_the_limit_is_graded_one_over_is_rejected():
    question = short("x" * MAX_TEXT_ANSWER)
    assert grade(question, "X" * MAX_TEXT_ANSWER).score == 1
    error = rejected(question, "x" * (MAX_TEXT_ANSWER + 1))
    assert str(MAX_TEXT_ANSWER) in str(error.message)


@pytest.mark.parametrize("answer", [["DO"], 42, {"text": "DO"}])
def test_short_answer_must_be_text(answer):
    rejected(short(), answer)


# --- Ordering -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "score", "outcome"),
    [
        (["o1", "o2", "o3", "o4"], 4, "correct"),
        (["o1", "o2", "o4", "o3"], 2, "partial"),  # two of four in place
        (["o1", "o3", "o2", "o4"], 2, "partial"),
        (["o4", "o1", "o2", "o3"], 0, "incorrect"),  # right sequence, every item shifted
        (["o4", "o3", "o2", "o1"], 0, "incorrect"),
    ],
)
def test_ordering_partial_credit_per_item_in_place(answer, score, outcome):
    result = grade(ordering(), answer)
    assert (result.score, result.outcome) == (score, outcome)


@pytest.mark.parametrize(("answer", "score"), [(["o1", "o2", "o3", "o4"], 4), (["o1", "o2", "o4", "o3"], 0)])
def test_ordering_all_or_nothing(answer, score):
    assert grade(ordering("all_or_nothing"), answer).score == score


@pytest.mark.parametrize(
    "answer",
    [
        ["o1", "o1", "o3", "o4"],  # a duplicate in place of o2
        ["o1", "o2", "o3"],  # one missing
        ["o1", "o2", "o3", "o4", "o4"],
        ["o1", "o2", "o3", "x9"],  # a foreign id
        ["o1", "o2", "o3", "o4", "x9"],
        "o1,o2,o3,o4",
        {"o1": 1},
    ],
)
def test_ordering_rejects_anything_but_a_permutation(answer):
    rejected(ordering(), answer)


# --- Matching -----------------------------------------------------------------------------


def test_matching_with_the_seeds_tokens_scores_full_points():
    question = matching()
    result = grade(question, tokens(question))
    assert (result.score, result.outcome) == (3, "correct")


def test_matching_partial_credit_per_pair():
    question = matching()
    right = tokens(question)
    swapped = {"p1": right["p2"], "p2": right["p1"], "p3": right["p3"]}
    assert grade(question, swapped).score == 1
    assert grade(question, {"p1": right["p1"]}).score == 1  # unmatched prompts earn nothing
    assert grade(question, {"p1": right["p2"], "p2": right["p3"], "p3": right["p1"]}).score == 0


def test_matching_all_or_nothing():
    question = matching("all_or_nothing")
    right = tokens(question)
    assert grade(question, right).score == 3
    assert grade(question, {**right, "p3": right["p1"]}).score == 0


def test_matching_tokens_belong_to_one_seed():
    question = matching()
    # Another attempt's tokens are not answers here: a page from one attempt cannot be replayed.
    rejected(question, tokens(question, seed=SEED + 1))
    assert tokens(question, seed=1) != tokens(question, seed=2)


def test_matching_rejects_pair_ids_as_answers():
    # The pair's own id as the value would be the key: identical on the prompt and its answer.
    rejected(matching(), {"p1": "p1", "p2": "p2", "p3": "p3"})


@pytest.mark.parametrize(
    "make", [lambda t: {"p9": t["p1"]}, lambda t: {"p1": "ffffffffffff"}, lambda t: [t["p1"]]]
)
def test_matching_rejects_foreign_prompts_and_tokens(make):
    question = matching()
    rejected(question, make(tokens(question)))


# --- The quiz as a whole -------------------------------------------------------------------


def whole_quiz():
    return [single(), multiple(), true_false(), short(), ordering(), matching()]


def test_unknown_question_ids_are_rejected():
    with pytest.raises(InvalidAnswer):
        clean_answers(whole_quiz(), {"q-single": "s-right", "q-elsewhere": "x"}, seed=SEED)


@pytest.mark.parametrize("raw", [[], "q-single", None, 3])
def test_answers_must_be_an_object(raw):
    with pytest.raises(InvalidAnswer):
        clean_answers(whole_quiz(), raw, seed=SEED)


def test_the_error_names_the_questions_number():
    with pytest.raises(InvalidAnswer) as caught:
        clean_answers(whole_quiz(), {"q-tf": "maybe"}, seed=SEED)
    assert "3" in str(caught.value.message)


def test_nothing_answered_scores_zero_of_the_total():
    questions = whole_quiz()
    cleaned = clean_answers(
        questions, {"q-single": None, "q-multi": [], "q-short": "", "q-match": {}}, seed=SEED
    )
    assert cleaned == {}
    result = grade_quiz(questions, cleaned, seed=SEED)
    assert (result.score, result.max_score, result.percent) == (0, 2 + 4 + 1 + 1 + 4 + 3, 0.0)
    assert {r.outcome for r in result.questions} == {"unanswered"}


def test_totals_and_percent_over_mixed_results():
    questions = whole_quiz()
    answers = {
        "q-single": "s-right",  # 2 of 2
        "q-multi": ["m-age"],  # 2 of 4
        "q-tf": False,  # 0 of 1
        "q-short": " do ",  # 1 of 1
        "q-order": ["o1", "o2", "o4", "o3"],  # 2 of 4
        # q-match unanswered: 0 of 3
    }
    result = grade_quiz(questions, clean_answers(questions, answers, seed=SEED), seed=SEED)
    assert result.score == 7
    assert result.max_score == 15
    assert result.percent == 46.7
    assert [r.outcome for r in result.questions] == [
        "correct",
        "partial",
        "incorrect",
        "correct",
        "partial",
        "unanswered",
    ]


def test_cleaned_answers_are_json_and_regrade_the_same():
    questions = whole_quiz()
    answers = {"q-multi": ["m-disability", "m-age"], "q-short": "  DO  ", "q-match": tokens(matching())}
    cleaned = clean_answers(questions, answers, seed=SEED)
    stored = json.loads(json.dumps(cleaned))
    assert grade_quiz(questions, stored, seed=SEED) == grade_quiz(questions, cleaned, seed=SEED)
    assert stored["q-multi"] == ["m-age", "m-disability"]


def test_an_empty_quiz_is_zero_percent_not_a_division_error():
    assert grade_quiz([], {}, seed=SEED).percent == 0.0


# --- What a participant is shown -----------------------------------------------------------


def presented_json(questions, seed=SEED, shuffle_options=True):
    return json.dumps(
        [dataclasses.asdict(q) for q in present(questions, seed=seed, shuffle_options=shuffle_options)]
    )


def test_presented_questions_carry_no_key():
    questions = whole_quiz()
    text = presented_json(questions)
    data = json.loads(text)
    assert "correct" not in text  # no flag, no correct_answer, no feedback_correct
    assert "accepted" not in text
    assert "feedback" not in text  # option feedback would tell the wrong options apart
    assert "Diskrimineringsombudsmannen" not in text and '"DO"' not in text
    assert "scoring" not in text
    assert [q["id"] for q in data] == [q.id for q in questions]
    assert [q["number"] for q in data] == [1, 2, 3, 4, 5, 6]


def test_presented_matching_answers_carry_tokens_not_pair_ids():
    question = matching()
    shown = present([question], seed=SEED, shuffle_options=True)[0]
    assert [pair_id for pair_id, _prompt in shown.prompts] == ["p1", "p2", "p3"]
    answer_values = [value for value, _text in shown.answers]
    assert set(answer_values) == set(tokens(question).values())
    assert not set(answer_values) & {"p1", "p2", "p3"}
    assert sorted(text for _token, text in shown.answers) == sorted(p.answer for p in question.pairs)


def test_presented_ordering_is_shuffled_deterministically_per_seed():
    question = Question(
        id="q-long-order",
        kind="ordering",
        prompt="Ordna.",
        items=[Choice(f"i{n}", f"Steg {n}") for n in range(8)],
    )
    key_order = [c.id for c in question.items]

    def shown(seed, shuffle_options=False):
        return [
            item_id
            for item_id, _text in present([question], seed=seed, shuffle_options=shuffle_options)[0].items
        ]

    # Even with option shuffling off: the stored order is the answer.
    orders = [shown(seed) for seed in range(20)]
    assert all(sorted(order) == sorted(key_order) for order in orders)
    assert sum(order == key_order for order in orders) <= 1
    assert len({tuple(order) for order in orders}) > 10
    assert shown(7) == shown(7)  # a reload shows the same order


def test_options_are_shuffled_per_seed_only_when_the_module_asks():
    question = Question(
        id="q-many",
        kind="single_choice",
        prompt="Välj.",
        options=[Choice(f"c{n}", f"Val {n}", correct=n == 0) for n in range(8)],
    )
    stored = [c.id for c in question.options]

    def shown(seed, shuffle_options):
        return [
            option_id
            for option_id, _text in present([question], seed=seed, shuffle_options=shuffle_options)[0].options
        ]

    assert all(shown(seed, False) == stored for seed in range(5))
    assert len({tuple(shown(seed, True)) for seed in range(20)}) > 10
    assert shown(11, True) == shown(11, True)
