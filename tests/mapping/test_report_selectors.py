"""The report's figures come from SQL GROUP BY queries whose number does not grow with the
responses, pool both languages under one key, and are suppressed where they rest on fewer than
k respondents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mapping.models import CampaignMode
from mapping.reports import selectors
from mapping.reports.report import build_report

from .report_setup import campaign, invite, respond, typical_answers

pytestmark = pytest.mark.django_db


def _table(report, key):
    return next(table for table in report.tables if table.key == key)


def _row(table, label):
    return next(row for row in table.rows if row.label == label)


def _values(row):
    return [cell.value for cell in row.cells]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def survey(reference_data):
    return campaign()


def test_distribution_pools_languages_and_counts_not_applicable(survey):
    for i in range(12):
        respond(survey, typical_answers(i), language="sv" if i % 2 else "en")
    respond(survey, [{"question_key": "trivsel", "not_applicable": True}])
    rows = selectors.answer_counts(campaign_ids=[survey.pk])
    storlek = {r["option_key"]: r["n"] for r in rows if r["question_key"] == "storlek"}
    assert storlek == {"liten": 8, "stor": 4}
    na = [r for r in rows if r["question_key"] == "trivsel" and r["not_applicable"]]
    assert [r["n"] for r in na] == [1]

    report = build_report(campaign_ids=[survey.pk], language="sv")
    table = _table(report, "storlek")
    assert table.title == "Hur stor är organisationen?"
    assert _values(_row(table, "Stor"))[0] is None  # 4 < 5 ...
    assert _row(table, "Stor").cells[0].text == "hidden (fewer than 5)"
    # ... and then the other is hidden too, or 12 - 8 would give it away.
    assert _row(table, "Liten").cells[0].hidden and _row(table, "Liten").cells[1].hidden
    assert _values(_row(table, "Total"))[0] == 12
    trivsel = _table(report, "trivsel")
    assert _row(trivsel, "Don't know / not applicable").cells[0].hidden
    assert _values(_row(trivsel, "Total"))[0] == 13


def test_means_gap_and_small_groups(survey):
    for i in range(6):
        respond(survey, typical_answers(i))
    report = build_report(campaign_ids=[survey.pk], language="sv")
    themes = _table(report, "kompetens")
    jam = _values(_row(themes, "Jämställdhet"))
    assert jam == [6, 2.0, 6, 4.0, 2.0]
    numbers = _table(report, "anstallda")
    assert _values(numbers.rows[0]) == [6, 12.5]  # 10..15
    kanaler = _table(report, "kanaler")
    assert _values(_row(kanaler, "All respondents"))[0] == 6  # respondents, not choices (6 + 3)
    # Kurs (3) is hidden, and Webb with it: a zero (Mentor) protects nothing.
    assert _row(kanaler, "Webb").cells[0].hidden and _values(_row(kanaler, "Mentor")) == [0, 0.0]
    # Free text needs 10 answers: 6 are not shown.
    ovrigt = _table(report, "ovrigt")
    assert ovrigt.texts is None and "Fewer than 10" in ovrigt.note


def test_a_mean_over_fewer_than_k_is_hidden(survey):
    for i in range(4):
        respond(survey, typical_answers(i))
    report = build_report(campaign_ids=[survey.pk], language="sv")
    assert report.respondents.hidden
    themes = _table(report, "kompetens")
    assert all(cell.value is None for row in themes.rows for cell in row.cells)
    assert _table(report, "anstallda").rows[0].cells[1].hidden


def test_free_text_shown_from_ten_answers_in_alphabetical_order(survey, settings):
    settings.MAPPING_MIN_CELL_FREE_TEXT = 10
    for i in (5, 3, 9, 1, 0, 2, 8, 7, 6, 4):
        respond(survey, typical_answers(i))
    ovrigt = _table(build_report(campaign_ids=[survey.pk], language="sv"), "ovrigt")
    assert ovrigt.texts == [f"Kommentar {i:03d}" for i in range(10)]


def test_k_comes_from_settings(survey, settings):
    settings.MAPPING_MIN_CELL = 3
    for i in range(4):
        respond(survey, typical_answers(i))
    report = build_report(campaign_ids=[survey.pk], language="sv")
    assert report.k == 3 and not report.respondents.hidden


def test_breakdown_cross_table_suppresses_a_small_region(survey):
    for i in range(20):
        respond(survey, typical_answers(i), region="Solna")
    for i in range(12):
        respond(survey, typical_answers(i), region="Botkyrka")
    for i in range(2):
        respond(survey, typical_answers(i), region="Nacka")
    report = build_report(campaign_ids=[survey.pk], language="sv", breakdown="region")
    table = _table(report, "storlek")
    assert table.columns == ["Botkyrka", "Nacka", "Solna", "Total"]
    total = _row(table, "Total")
    assert total.cells[1].hidden  # Nacka: 2 respondents
    assert total.cells[0].hidden  # and the smallest other region, or Nacka = 34 - 20 - 12
    assert total.cells[3].value == 34
    nacka = [row.cells[1] for row in table.rows]
    assert all(cell.hidden for cell in nacka)
    # Means by region: Nacka's mean is hidden and so is a second region's.
    current = _table(report, "kompetens-current")
    cells = _row(current, "Jämställdhet").cells
    assert cells[1].hidden and sum(cell.hidden for cell in cells[:3]) == 2 and cells[3].value == 2.0


def test_unknown_breakdown_is_refused(survey):
    with pytest.raises(ValueError):
        selectors.answer_counts(campaign_ids=[survey.pk], breakdown="email")


def test_across_campaigns_pools_by_key(reference_data):
    first, second = campaign(name="2025"), campaign(name="2026")
    for i in range(3):
        respond(first, typical_answers(i))
        respond(second, typical_answers(i))
    alone = build_report(campaign_ids=[first.pk], language="sv")
    pooled = build_report(campaign_ids=[first.pk, second.pk], language="sv")
    assert alone.respondents.hidden
    assert pooled.respondents.value == 6
    assert _values(_row(_table(pooled, "kompetens"), "Tillgänglighet"))[:2] == [6, 3.0]


def test_unknown_keys_in_the_answers_are_reported_under_their_key(survey):
    for i in range(5):
        respond(survey, [*typical_answers(i), {"question_key": "gammal", "option_key": "ja"}])
    report = build_report(campaign_ids=[survey.pk], language="sv")
    assert _values(_row(_table(report, "gammal"), "ja"))[0] == 5


def test_response_rates_by_organisation(survey):
    invite(survey, "a@solna.example", responded=True)
    invite(survey, "b@solna.example")
    invite(survey, "c@nacka.example", organisation="Nacka kommun", responded=True)
    rows = selectors.response_rates(campaign_ids=[survey.pk])
    assert rows == [
        {"organisation": "Nacka kommun", "invited": 1, "responded": 1},
        {"organisation": "Solna stad", "invited": 2, "responded": 1},
    ]


def test_identified_rows_link_answers_to_invitations(reference_data):
    identified = campaign(mode=CampaignMode.IDENTIFIED)
    invitation = invite(identified, "a@solna.example", responded=True)
    respond(identified, [{"question_key": "storlek", "option_key": "liten"}], invitation=invitation)
    rows = list(selectors.identified_rows(campaign_id=identified.pk))
    assert rows[0][0] == "a@solna.example" and rows[0][3] == "storlek"


def _queries(campaign_ids, breakdown=""):
    with CaptureQueriesContext(connection) as context:
        build_report(campaign_ids=campaign_ids, language="sv", breakdown=breakdown)
    return len(context.captured_queries)


@pytest.mark.parametrize("breakdown", ["", "region", "organisation_type", "language"])
def test_query_count_does_not_grow_with_responses(survey, breakdown, django_assert_max_num_queries):
    for i in range(12):
        respond(survey, typical_answers(i), region=f"Kommun {i % 3}")
    small = _queries([survey.pk], breakdown)
    for i in range(60):
        respond(survey, typical_answers(i), region=f"Kommun {i % 6}")
    with django_assert_max_num_queries(small):
        build_report(campaign_ids=[survey.pk], language="sv", breakdown=breakdown)
    assert small <= 8


def test_labels_follow_the_readers_language_with_the_source_as_fallback(survey):
    english = survey.versions.get(language="en")
    body = english.content["body"]
    body[0]["value"]["questions"][1]["value"]["prompt"] = "How large is the organisation?"
    english.content = {**english.content, "body": body}
    english.save()
    for i in range(5):
        respond(survey, typical_answers(i))
    titles = {
        language: _table(build_report(campaign_ids=[survey.pk], language=language), "storlek").title
        for language in ("en", "sv", "de")
    }
    assert titles == {
        "en": "How large is the organisation?",
        "sv": "Hur stor är organisationen?",
        "de": "Hur stor är organisationen?",
    }
