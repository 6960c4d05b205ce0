"""Reads behind the learning reports in the Wagtail admin.

Each report costs a fixed number of queries whatever the number of modules, participants or
attempts: the database does the counting (GROUP BY, or COUNT subqueries correlated to a theme);
Python only picks the titles to show and turns counts into rates.

Progress is keyed by a module's translation key, so a module is one row across its languages.
An organisation is the free-text ``organisation_name`` of participants, compared trimmed and
without regard to case, as assignments compare it; its key is that normalised form, computed by
the database so that filtering by a key always matches the rows it was computed from.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import connections
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, Trim
from django.db.models.lookups import Exact
from django.utils.translation import gettext
from wagtail.coreutils import get_supported_content_language_variant

from heart_site.core.models import Theme

from .blocks import QuizBlocks
from .models import Enrollment, QuizAttempt, TrainingModulePage
from .quiz import questions_from_stream


def content_language(language_code):
    """The content language closest to ``language_code`` (the admin's interface language)."""
    try:
        return get_supported_content_language_variant(language_code)
    except LookupError:
        return default_language()


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def rate(part, whole):
    """``part`` as a percentage of ``whole`` with one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


def _one_decimal(value):
    return None if value is None else round(float(value), 1)


# --- Names ----------------------------------------------------------------------------------


def _language_rank(language_code):
    rank = {default_language(): 1, language_code: 0}
    return lambda code: rank.get(code, 2)


def module_titles(*, language_code, pages=None) -> dict[uuid.UUID, tuple[str, bool]]:
    """For each module (translation key) of ``pages`` (default: every module page), its title in
    ``language_code``, else in the default language, else in any language; and whether it is
    live in some language. One query."""
    pages = TrainingModulePage.objects.all() if pages is None else pages
    rows = pages.order_by().values_list("translation_key", "locale__language_code", "title", "live")
    rank = _language_rank(language_code)
    best, live = {}, set()
    for key, code, title, is_live in rows:
        if is_live:
            live.add(key)
        if key not in best or rank(code) < best[key][0]:
            best[key] = (rank(code), title)
    return {key: (title, key in live) for key, (_rank, title) in best.items()}


def module_choices(*, language_code) -> list[tuple[str, str]]:
    titles = module_titles(language_code=language_code)
    return sorted(
        ((str(key), title) for key, (title, _live) in titles.items()), key=lambda c: c[1].casefold()
    )


def module_title_expression(key_field, *, language_code):
    """A module's title for each row of a query whose ``key_field`` holds a module key, chosen as
    ``module_titles`` chooses it, inside the same query."""
    pages = TrainingModulePage.objects.filter(translation_key=OuterRef(key_field)).order_by("pk")
    return Coalesce(
        Subquery(pages.filter(locale__language_code=language_code).values("title")[:1]),
        Subquery(pages.filter(locale__language_code=default_language()).values("title")[:1]),
        Subquery(pages.values("title")[:1]),
    )


def themes_named(*, language_code):
    """One row per theme (its source in the default language), with ``shown_name`` in
    ``language_code`` where a translation exists."""
    translated = Theme.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language_code
    )
    return (
        Theme.objects.filter(locale__language_code=default_language())
        .annotate(shown_name=Coalesce(Subquery(translated.values("name")[:1]), F("name")))
        .order_by("sort_order", "name")
    )


def theme_choices(*, language_code) -> list[tuple[str, str]]:
    return [
        (str(key), name)
        for key, name in themes_named(language_code=language_code).values_list(
            "translation_key", "shown_name"
        )
    ]


def organisation_key(field):
    return Lower(Trim(field))


def organisation_choices() -> list[tuple[str, str]]:
    """(key, a spelling of the name) of each organisation with enrolments, "" for participants
    who named none."""
    rows = (
        Enrollment.objects.annotate(organisation=organisation_key("user__organisation_name"))
        .values("organisation")
        .annotate(name=Min("user__organisation_name"))
        .order_by("organisation")
    )
    return [(row["organisation"], row["name"].strip()) for row in rows]


# --- Filters shared by the reports ------------------------------------------------------------


def _modules_with_theme(theme_key):
    """Keys of modules tagged with the theme in any of their languages."""
    return TrainingModulePage.objects.filter(themes__translation_key=theme_key).values("translation_key")


def filter_enrollments(
    enrollments,
    *,
    prefix="",
    module_key=None,
    theme_key=None,
    organisation=None,
    enrolled_from=None,
    enrolled_to=None,
):
    """Narrow enrolments (or rows reaching them through ``prefix``, such as "enrollment__").
    ``organisation`` is an organisation key; "" means participants who named none."""
    if module_key:
        enrollments = enrollments.filter(**{f"{prefix}module_key": module_key})
    if theme_key:
        enrollments = enrollments.filter(**{f"{prefix}module_key__in": _modules_with_theme(theme_key)})
    if organisation is not None:
        enrollments = enrollments.filter(
            Exact(organisation_key(f"{prefix}user__organisation_name"), Value(organisation))
        )
    if enrolled_from:
        enrollments = enrollments.filter(**{f"{prefix}enrolled_at__date__gte": enrolled_from})
    if enrolled_to:
        enrollments = enrollments.filter(**{f"{prefix}enrolled_at__date__lte": enrolled_to})
    return enrollments


# --- Completion per module ------------------------------------------------------------------


@dataclass
class ModuleCompletion:
    module_key: uuid.UUID
    title: str
    enrolled: int = 0
    completed: int = 0
    passed_quiz: int = 0
    average_best_percent: float | None = None  # over participants with a submitted attempt

    @property
    def completion_rate(self):
        return rate(self.completed, self.enrolled)


def completion_by_module(
    *, language_code, theme_key=None, organisation=None, enrolled_from=None, enrolled_to=None
) -> list[ModuleCompletion]:
    """Every live module (and any other with enrolments that match), by title. Two queries."""
    enrollments = filter_enrollments(
        Enrollment.objects.all(),
        theme_key=theme_key,
        organisation=organisation,
        enrolled_from=enrolled_from,
        enrolled_to=enrolled_to,
    )
    submitted = QuizAttempt.objects.filter(enrollment=OuterRef("pk"), submitted_at__isnull=False)
    stats = {
        row["module_key"]: row
        for row in enrollments.order_by()
        .alias(
            best=Subquery(submitted.order_by("-percent").values("percent")[:1]),
            passed_quiz=Exists(submitted.filter(passed=True)),
        )
        .values("module_key")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            passed=Count("pk", filter=Q(passed_quiz=True)),
            average_best=Avg("best"),
        )
    }
    pages = TrainingModulePage.objects.all()
    if theme_key:
        pages = pages.filter(translation_key__in=_modules_with_theme(theme_key))
    titles = module_titles(language_code=language_code, pages=pages)
    rows = []
    for key, (title, live) in titles.items():
        row = stats.get(key)
        if row is None:
            if live:
                rows.append(ModuleCompletion(module_key=key, title=title))
            continue
        rows.append(
            ModuleCompletion(
                module_key=key,
                title=title,
                enrolled=row["enrolled"],
                completed=row["completed"],
                passed_quiz=row["passed"],
                average_best_percent=_one_decimal(row["average_best"]),
            )
        )
    return sorted(rows, key=lambda row: row.title.casefold())


# --- Completion per organisation --------------------------------------------------------------


@dataclass
class OrganisationCompletion:
    key: str
    name: str  # "" for participants who named no organisation
    participants: int
    enrollments: int
    completed: int

    @property
    def display_name(self):
        return self.name or gettext("No organisation")

    @property
    def completion_rate(self):
        return rate(self.completed, self.enrollments)


def completion_by_organisation(*, module_key=None, theme_key=None) -> list[OrganisationCompletion]:
    """One row per organisation with enrolments, alphabetically, participants without one last.
    One query."""
    enrollments = filter_enrollments(Enrollment.objects.all(), module_key=module_key, theme_key=theme_key)
    rows = (
        enrollments.annotate(organisation=organisation_key("user__organisation_name"))
        .values("organisation")
        .annotate(
            name=Min("user__organisation_name"),
            participants=Count("user", distinct=True),
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            unnamed=Case(When(organisation="", then=Value(1)), default=Value(0), output_field=IntegerField()),
        )
        .order_by("unnamed", "organisation")
    )
    return [
        OrganisationCompletion(
            key=row["organisation"],
            name=row["name"].strip(),
            participants=row["participants"],
            enrollments=row["enrolled"],
            completed=row["completed"],
        )
        for row in rows
    ]


# --- Completion per theme ---------------------------------------------------------------------


class _Count(Func):
    """COUNT as a plain function, so a subquery counts its rows without a GROUP BY."""

    function = "COUNT"
    output_field = IntegerField()


class _CountDistinct(_Count):
    template = "%(function)s(DISTINCT %(expressions)s)"


def _counted(queryset, expression):
    return Coalesce(Subquery(queryset.order_by().annotate(n=expression).values("n")[:1]), 0)


@dataclass
class ThemeCompletion:
    theme_key: uuid.UUID
    name: str
    modules: int
    enrollments: int
    completed: int

    @property
    def completion_rate(self):
        return rate(self.completed, self.enrollments)


def completion_by_theme(*, language_code, organisation=None) -> list[ThemeCompletion]:
    """Each theme that has live modules or enrolments. A module counts under each of its themes
    (tagged in any language), so the rows do not add up to the total. One query."""
    theme_pages = TrainingModulePage.objects.filter(themes__translation_key=OuterRef("translation_key"))
    enrollments = filter_enrollments(
        Enrollment.objects.filter(
            module_key__in=TrainingModulePage.objects.filter(
                themes__translation_key=OuterRef(OuterRef("translation_key"))
            ).values("translation_key")
        ),
        organisation=organisation,
    )
    themes = themes_named(language_code=language_code).annotate(
        module_count=_counted(theme_pages.filter(live=True), _CountDistinct("translation_key")),
        enrollment_count=_counted(enrollments, _Count("pk")),
        completed_count=_counted(enrollments.filter(completed_at__isnull=False), _Count("pk")),
    )
    # Unused themes are dropped here rather than in a WHERE, which would repeat the subqueries;
    # there are a few dozen themes at most.
    return [
        ThemeCompletion(
            theme_key=theme.translation_key,
            name=theme.shown_name,
            modules=theme.module_count,
            enrollments=theme.enrollment_count,
            completed=theme.completed_count,
        )
        for theme in themes
        if theme.module_count or theme.enrollment_count
    ]


# --- Attempts ---------------------------------------------------------------------------------


def scored_attempts(
    *, language_code, module_key=None, organisation=None, passed=None, submitted_from=None, submitted_to=None
):
    """Submitted attempts, newest first, with ``module_title``; a queryset, for pagination."""
    attempts = filter_enrollments(
        QuizAttempt.objects.filter(submitted_at__isnull=False),
        prefix="enrollment__",
        module_key=module_key,
        organisation=organisation,
    )
    if passed is not None:
        attempts = attempts.filter(passed=passed)
    if submitted_from:
        attempts = attempts.filter(submitted_at__date__gte=submitted_from)
    if submitted_to:
        attempts = attempts.filter(submitted_at__date__lte=submitted_to)
    return (
        attempts.select_related("enrollment__user")
        # The answers and results stay out of a listing; so does the password hash.
        .only(
            "number",
            "submitted_at",
            "score",
            "max_score",
            "percent",
            "passed",
            "enrollment__module_key",
            "enrollment__user__full_name",
            "enrollment__user__first_name",
            "enrollment__user__last_name",
            "enrollment__user__email",
            "enrollment__user__organisation_name",
        )
        .annotate(module_title=module_title_expression("enrollment__module_key", language_code=language_code))
        .order_by("-submitted_at", "-pk")
    )


# --- Question statistics ----------------------------------------------------------------------


@dataclass
class QuestionCounts:
    attempts: int = 0  # submitted attempts whose quiz had the question
    answered: int = 0
    correct: int = 0
    mean_fraction: float | None = None  # mean of score / max score, partial credit included


@dataclass
class QuestionStatistic:
    number: int
    question_id: str
    prompt: str
    kind: str
    counts: QuestionCounts

    @property
    def attempts(self):
        return self.counts.attempts

    @property
    def answered(self):
        return self.counts.answered

    @property
    def correct(self):
        return self.counts.correct

    @property
    def facility_index(self):
        """Share of the attempts that met the question whose answer was fully right, in %."""
        return rate(self.counts.correct, self.counts.attempts)

    @property
    def mean_score_percent(self):
        fraction = self.counts.mean_fraction
        return None if fraction is None else round(100 * fraction, 1)


@dataclass
class QuestionStatistics:
    module: TrainingModulePage | None  # the live page whose questions are listed
    attempts: int
    questions: list[QuestionStatistic]


# The JSON of ``QuizAttempt.results`` is a list of {question_id, score, max_score, outcome}.
# SQLite and PostgreSQL spell "one row per list element" differently, so the FROM clause and the
# field access come per vendor; the grouping is the same SQL.
_RESULT_ROWS = {
    "postgresql": (
        "{table} a CROSS JOIN LATERAL jsonb_array_elements(a.results) r(value)",
        "jsonb_typeof(a.results) = 'array'",
        {
            "question_id": "r.value ->> 'question_id'",
            "outcome": "r.value ->> 'outcome'",
            "score": "(r.value ->> 'score')::numeric",
            "max_score": "(r.value ->> 'max_score')::numeric",
        },
    ),
    "sqlite": (
        "{table} a, json_each(a.results) r",
        "json_type(a.results) = 'array'",
        {
            "question_id": "json_extract(r.value, '$.question_id')",
            "outcome": "json_extract(r.value, '$.outcome')",
            "score": "CAST(json_extract(r.value, '$.score') AS REAL)",
            "max_score": "CAST(json_extract(r.value, '$.max_score') AS REAL)",
        },
    ),
}


def question_counts(attempts) -> dict[str, QuestionCounts]:
    """Per question id, over the results of ``attempts`` (a QuizAttempt queryset). One query."""
    connection = connections[attempts.db]
    spelling = _RESULT_ROWS.get(connection.vendor)
    if spelling is None:
        return question_counts_in_python(attempts)
    source, is_list, field = spelling
    ids_sql, params = attempts.order_by().values("pk").query.sql_with_params()
    sql = f"""
        SELECT question_id,
               COUNT(*),
               SUM(CASE WHEN outcome <> 'unanswered' THEN 1 ELSE 0 END),
               SUM(CASE WHEN outcome = 'correct' THEN 1 ELSE 0 END),
               AVG(CASE WHEN max_score > 0 THEN score / max_score END)
        FROM (
            SELECT {field["question_id"]} AS question_id, {field["outcome"]} AS outcome,
                   {field["score"]} AS score, {field["max_score"]} AS max_score
            FROM {source.format(table=connection.ops.quote_name(QuizAttempt._meta.db_table))}
            WHERE {is_list} AND a.id IN ({ids_sql})
        ) results
        GROUP BY question_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            question_id: QuestionCounts(
                attempts=seen,
                answered=answered,
                correct=correct,
                mean_fraction=None if mean is None else float(mean),
            )
            for question_id, seen, answered, correct, mean in cursor.fetchall()
        }


def question_counts_in_python(attempts) -> dict[str, QuestionCounts]:
    """The same counts for a database without a spelling above: one query, summed in Python."""
    counts, fractions = {}, {}
    for results in attempts.values_list("results", flat=True).iterator():
        for result in results if isinstance(results, list) else []:
            question = counts.setdefault(result["question_id"], QuestionCounts())
            question.attempts += 1
            question.answered += result["outcome"] != "unanswered"
            question.correct += result["outcome"] == "correct"
            if result["max_score"]:
                fractions.setdefault(result["question_id"], []).append(result["score"] / result["max_score"])
    for question_id, values in fractions.items():
        counts[question_id].mean_fraction = sum(values) / len(values)
    return counts


def _live_module(module_key, language_code):
    rank = _language_rank(language_code)
    pages = TrainingModulePage.objects.live().filter(translation_key=module_key).select_related("locale")
    return min(pages, key=lambda page: rank(page.locale.language_code), default=None)


def question_statistics(*, module_key, language_code) -> QuestionStatistics:
    """The questions of the module's live quiz (in the admin's language where it exists) with
    counts over every submitted attempt in every language. Attempts pinned to earlier revisions
    count for the questions they share with the live quiz (questions keep their block id when
    edited or translated). Three queries."""
    module = _live_module(module_key, language_code)
    attempts = QuizAttempt.objects.filter(enrollment__module_key=module_key, submitted_at__isnull=False)
    if module is None:
        return QuestionStatistics(module=None, attempts=0, questions=[])
    counts = question_counts(attempts)
    labels = {name: block.label for name, block in QuizBlocks().child_blocks.items()}
    questions = [
        QuestionStatistic(
            number=number,
            question_id=question.id,
            prompt=question.prompt,
            kind=str(labels.get(question.kind, question.kind)),
            counts=counts.get(question.id, QuestionCounts()),
        )
        for number, question in enumerate(questions_from_stream(module.quiz), start=1)
    ]
    return QuestionStatistics(module=module, attempts=attempts.count(), questions=questions)
