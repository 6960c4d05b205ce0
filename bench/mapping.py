#!/usr/bin/env python
"""Mapping reports on 100,000 responses × 20 questions, beside a raw SQL GROUP BY.

    .venv/bin/python bench/mapping.py [--responses 100000] [--rounds 5] [--help]

In one run: prepare a PostgreSQL database (``migrate``), build one closed campaign whose
questionnaire has 20 questions (12 Likert, 3 single choice, 2 multiple choice, a matrix of 3
statements, a competence self-assessment of 3 themes, a free text) and --responses responses
across six municipalities, a few small places, five organisation types and two languages,
written with COPY (about 28 answer rows a response), then, in interleaved rounds:

  1. raw: one SQL GROUP BY of the campaign's answers (question, item, aspect, option, not
     applicable) with count(*), fetched: the least any report of those distributions costs;
  2. full report: ``mapping.reports.report.build_report`` -- every distribution, the theme
     means and gaps, the number means, the free texts, the response rates and the respondent
     count, with suppression -- the tables the admin page, the exports and the API serve;
  3. raw, segmented: the same GROUP BY with the response's region as one more column;
  4. segmented, suppressed report: ``build_report(breakdown="region")``: every question as a
     cross table answers × region with primary and secondary suppression, the means per region.

Each figure is the median over the rounds, each ratio the median of the ratios within a round.

Goals (figures are compared, never asserted):

  * full report <= 1.5 x the raw GROUP BY
  * segmented, suppressed report <= 2 s

Exit status: 0 whatever the figures; 1 on an error (PostgreSQL unreachable); 130 when
interrupted.

Environment: BENCH_MAPPING_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/heart_bench_mapping). It is not DATABASE_URL on purpose: the
benchmark deletes and rewrites its campaign's responses in that database.
"""

import argparse
import io
import os
import platform
import random
import secrets
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))

from bench.pages import SCRUBBED_ENV, cpu_model, ensure_database, redact, run  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/heart_bench_mapping"
SETTINGS_MODULE = "bench.settings"
CAMPAIGN_NAME = "bench-mapping"
GOAL_FULL_RATIO = 1.5  # full report / raw GROUP BY
GOAL_SEGMENTED_SECONDS = 2.0
REGIONS = ["Botkyrka", "Haninge", "Huddinge", "Nacka", "Solna", "Södertälje"]
SMALL_PLACES = ["Ekerö", "Nykvarn", "Vaxholm"]  # a handful of responses each: suppressed
ORGANISATION_TYPES = ["municipality", "region", "employer", "civil_society", "university"]
SCALE = ["Ingen", "Grundläggande", "God", "Mycket god"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=100_000, help="responses [100000]")
    parser.add_argument("--rounds", type=int, default=5, help="measured rounds [5]")
    parser.add_argument("--seed", type=int, default=20261130, help="random seed of the responses")
    parser.add_argument(
        "--skip-setup", action="store_true", help="reuse the campaign if it has --responses responses"
    )
    args = parser.parse_args()
    if args.responses < 1 or args.rounds < 1:
        parser.error("--responses and --rounds must be at least 1")
    return args


# ------------------------------------------------------------------------------ setup


def setup_django(database_url):
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=database_url,
        HEART_PLUGINS="learning,network,mapping",
        SECRET_KEY=f"bench-{secrets.token_urlsafe(48)}",
        CELERY_BROKER_URL="memory://",
        LOG_LEVEL="WARNING",
    )
    os.environ.clear()
    os.environ.update(env)
    import django
    from django.core.management import call_command

    django.setup()

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"Schema ready (migrate) in {time.monotonic() - started:.0f} s.")


def _question(kind, key, prompt, **value):
    return {"type": kind, "value": {"key": key, "prompt": prompt, "allow_not_applicable": True, **value}}


def questionnaire_body():
    options = [{"key": f"val{n}", "label": f"Alternativ {n}"} for n in range(1, 5)]
    channels = [{"key": f"kanal{n}", "label": f"Kanal {n}"} for n in range(1, 6)]
    questions = [_question("likert", f"likert{n:02d}", f"Påstående {n}") for n in range(1, 13)]
    questions += [_question("single", f"val{n}", f"Val {n}", options=options) for n in range(1, 4)]
    questions += [_question("multiple", f"flerval{n}", f"Flerval {n}", options=channels) for n in range(1, 3)]
    questions.append(
        _question(
            "matrix",
            "matris",
            "Hur väl stämmer det?",
            statements=[{"key": f"stmt{n}", "label": f"Påstående {n}"} for n in range(1, 4)],
            scale=SCALE,
        )
    )
    questions.append(
        _question(
            "competence",
            "kompetens",
            "Kompetens",
            themes=[
                {"key": "jamstalldhet", "label": "Jämställdhet"},
                {"key": "tillganglighet", "label": "Tillgänglighet"},
                {"key": "csr", "label": "CSR"},
            ],
            scale=SCALE,
        )
    )
    questions.append(_question("long_text", "ovrigt", "Något mer?"))
    return [{"type": "section", "value": {"title": "Behov", "questions": questions}}]


def campaign_with_responses(count, seed, skip_setup):
    from django.utils import timezone
    from wagtail.models import Page

    from mapping.models import Campaign, CampaignState, QuestionnairePage, QuestionnaireVersion, Response

    campaign = Campaign.objects.filter(name=CAMPAIGN_NAME).first()
    if campaign and skip_setup and Response.objects.filter(campaign=campaign).count() == count:
        print(f"Reusing campaign {campaign.pk} with {count:,} responses.")
        return campaign
    if campaign:
        remove_campaign(campaign.pk)
    body = questionnaire_body()
    page = QuestionnairePage.objects.filter(slug="bench-behov").first()
    if page is None:
        page = QuestionnairePage(title="Bench behov", slug="bench-behov", body=body)
        Page.get_first_root_node().add_child(instance=page)
    opens = timezone.now() - timedelta(days=30)
    campaign = Campaign.objects.create(
        name=CAMPAIGN_NAME,
        questionnaire=page,
        state=CampaignState.CLOSED,
        breakdowns=["organisation_type", "region", "language"],
        opens_at=opens,
        closes_at=opens + timedelta(days=14),
    )
    versions = {
        language: QuestionnaireVersion.objects.create(
            campaign=campaign, language=language, content={"title": "Behov", "intro": "", "body": body}
        ).pk
        for language in ("sv", "en")
    }
    started = time.monotonic()
    answers = write_responses(campaign.pk, versions, count, random.Random(seed))
    print(
        f"Wrote {count:,} responses and {answers:,} answers with COPY in {time.monotonic() - started:.0f} s."
    )
    return campaign


def remove_campaign(campaign_id):
    """The previous run's campaign, in three statements (the ORM would load every response)."""
    from django.db import connection, transaction

    from mapping.models import Answer, Campaign, Response

    answers, responses = Answer._meta.db_table, Response._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {answers} WHERE response_id IN (SELECT id FROM {responses} WHERE campaign_id = %s)",
            [campaign_id],
        )
        cursor.execute(f"DELETE FROM {responses} WHERE campaign_id = %s", [campaign_id])
        Campaign.objects.filter(pk=campaign_id).delete()


def _answer_rows(rng, response_id):
    """Tab-separated rows of mapping_answer: response, question, item, aspect, option, number,
    text, not applicable."""
    rows = []

    def add(question, item="", aspect="", option="", number=None, text="", na=False):
        number_text = "\\N" if number is None else str(number)
        fields = (response_id, question, item, aspect, option, number_text, text, "t" if na else "f")
        rows.append("\t".join(map(str, fields)))

    for n in range(1, 13):
        if rng.random() < 0.03:
            add(f"likert{n:02d}", na=True)
        else:
            step = min(5, max(1, round(rng.gauss(3.4, 1.1))))
            add(f"likert{n:02d}", option=str(step), number=step)
    for n in range(1, 4):
        add(f"val{n}", option=f"val{rng.choice((1, 1, 2, 2, 3, 4))}")
    for n in range(1, 3):
        for channel in rng.sample(range(1, 6), rng.randint(1, 3)):
            add(f"flerval{n}", option=f"kanal{channel}")
    for n in range(1, 4):
        step = rng.randint(1, 4)
        add("matris", item=f"stmt{n}", option=str(step), number=step)
    for theme, (now, need) in {
        "jamstalldhet": (2.1, 3.5),
        "tillganglighet": (2.4, 3.2),
        "csr": (2.8, 2.9),
    }.items():
        for aspect, centre in (("current", now), ("importance", need)):
            step = min(4, max(1, round(rng.gauss(centre, 0.8))))
            add("kompetens", item=theme, aspect=aspect, option=str(step), number=step)
    if rng.random() < 0.1:
        add("ovrigt", text=f"Kommentar {rng.randint(1, 10**6)}")
    return rows


def write_responses(campaign_id, versions, count, rng):
    from django.db import connection

    from mapping.models import Answer, Response

    places = REGIONS * 50 + SMALL_PLACES
    today = date.today()
    responses, answers = io.StringIO(), io.StringIO()
    answer_count = 0
    small_left = dict.fromkeys(SMALL_PLACES, 3)
    for _ in range(count):
        response_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        place = rng.choice(places)
        if place in small_left:
            if small_left[place] == 0:
                place = rng.choice(REGIONS)
            else:
                small_left[place] -= 1
        language = "sv" if rng.random() < 0.8 else "en"
        submitted = today - timedelta(days=rng.randint(0, 13))
        fields = (response_id, campaign_id, versions[language], submitted, rng.choice(ORGANISATION_TYPES))
        responses.write("\t".join(map(str, (*fields, place, language))) + "\n")
        rows = _answer_rows(rng, response_id)
        answer_count += len(rows)
        answers.write("\n".join(rows) + "\n")
    response_table, answer_table = Response._meta.db_table, Answer._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg 3's COPY
        with raw.copy(
            f"COPY {response_table} (id, campaign_id, version_id, submitted_on, organisation_type, region, "
            "language) FROM STDIN"
        ) as copy:
            copy.write(responses.getvalue())
        with raw.copy(
            f"COPY {answer_table} (response_id, question_key, item_key, aspect, option_key, number, text, "
            "not_applicable) FROM STDIN"
        ) as copy:
            copy.write(answers.getvalue())
        cursor.execute(f"ANALYZE {response_table}")
        cursor.execute(f"ANALYZE {answer_table}")
    return answer_count


# ------------------------------------------------------------------------------ measuring


RAW_SQL = """
SELECT a.question_key, a.item_key, a.aspect, a.option_key, a.not_applicable{extra}, count(*)
FROM {answers} a JOIN {responses} r ON r.id = a.response_id
WHERE r.campaign_id = %s
GROUP BY a.question_key, a.item_key, a.aspect, a.option_key, a.not_applicable{extra}
"""


def raw_group_by(campaign_id, segmented):
    from django.db import connection

    from mapping.models import Answer, Response

    sql = RAW_SQL.format(
        extra=", r.region" if segmented else "",
        answers=Answer._meta.db_table,
        responses=Response._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [campaign_id])
        return len(cursor.fetchall())


def report(campaign_id, breakdown):
    from mapping.reports.report import build_report

    return build_report(campaign_ids=[campaign_id], language="sv", breakdown=breakdown)


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def measure(campaign_id, rounds):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    names = ("raw", "full report", "raw, by region", "segmented report")
    jobs = (
        (raw_group_by, campaign_id, False),
        (report, campaign_id, ""),
        (raw_group_by, campaign_id, True),
        (report, campaign_id, "region"),
    )
    for function, *args in jobs:  # warm the caches once
        function(*args)
    times = {name: [] for name in names}
    ratios = {"full": [], "segmented": []}
    results = {}
    for round_number in range(rounds):
        order = list(zip(names, jobs, strict=True))
        if round_number % 2:
            order.reverse()
        this_round = {}
        for name, (function, *args) in order:
            seconds, results[name] = timed(function, *args)
            this_round[name] = seconds
            times[name].append(seconds)
        ratios["full"].append(this_round["full report"] / this_round["raw"])
        ratios["segmented"].append(this_round["segmented report"] / this_round["raw, by region"])
    queries = {}
    for name, (function, *args) in zip(names, jobs, strict=True):
        with CaptureQueriesContext(connection) as context:
            function(*args)
        queries[name] = len(context.captured_queries)
    return times, ratios, queries, results


def print_results(args, times, ratios, queries, results, answers):
    print()
    print(f"{'measure':<20} {'median s':>9} {'min s':>7} {'queries':>8}")
    for name, values in times.items():
        print(f"{name:<20} {statistics.median(values):>9.3f} {min(values):>7.3f} {queries[name]:>8}")
    full = statistics.median(ratios["full"])
    segmented_ratio = statistics.median(ratios["segmented"])
    segmented_seconds = statistics.median(times["segmented report"])
    print()
    print(
        f"full report / raw GROUP BY:          {full:5.2f}x  (goal <= {GOAL_FULL_RATIO}x: "
        f"{'PASS' if full <= GOAL_FULL_RATIO else 'ABOVE'})"
    )
    print(f"segmented report / raw by region:    {segmented_ratio:5.2f}x  (reported, no goal)")
    segmented_mark = "PASS" if segmented_seconds <= GOAL_SEGMENTED_SECONDS else "ABOVE"
    print(
        f"segmented, suppressed report:        {segmented_seconds:5.2f} s "
        f"(goal <= {GOAL_SEGMENTED_SECONDS} s: {segmented_mark})"
    )
    segmented = results["segmented report"]
    print(
        f"\nSegmented report: {len(segmented.tables)} tables, {segmented.hidden_cells} hidden cells "
        f"(k = {segmented.k}); full report: {len(results['full report'].tables)} tables, "
        f"{results['full report'].hidden_cells} hidden."
    )
    print(f"{args.responses:,} responses, {answers:,} answers, {args.rounds} rounds.")


def answer_total(campaign_id):
    from mapping.models import Answer

    return Answer.objects.filter(response__campaign_id=campaign_id).count()


def main():
    args = parse_args()
    database_url = os.environ.get("BENCH_MAPPING_DATABASE_URL", DEFAULT_DATABASE_URL)
    pg_version = ensure_database(database_url, "BENCH_MAPPING_DATABASE_URL")
    print(f"bench/mapping.py on {platform.node()}: {cpu_model()}, {os.cpu_count()} CPUs")
    print(f"PostgreSQL {pg_version} at {redact(database_url)}; Python {platform.python_version()}")
    setup_django(database_url)
    campaign = campaign_with_responses(args.responses, args.seed, args.skip_setup)
    answers = answer_total(campaign.pk)
    times, ratios, queries, results = measure(campaign.pk, args.rounds)
    print_results(args, times, ratios, queries, results, answers)
    return 0


if __name__ == "__main__":
    run(main, name="bench/mapping.py", interrupted="nothing to clean up.")
