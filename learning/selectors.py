"""Reads of the learning plugin. Listings fetch what they show in a fixed number of queries,
whatever the number of modules, lessons or enrolments."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import CharField, Count, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat

from heart_site.core.selectors import choose_versions, default_language_code, public

from .models import (
    Audience,
    Certificate,
    Enrollment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    TrainingModulePage,
)
from .models.pages import MODULE_STREAM_FIELDS


def _children_q(pages, model):
    """Live lessons under any of ``pages``, as one OR of path prefixes."""
    q = Q()
    for page in pages:
        q |= Q(path__startswith=page.path, depth=page.depth + 1)
    return q


def _lessons_under(modules):
    """Live public lessons of any of ``modules`` (a non-empty list)."""
    return public(LessonPage.objects.live().filter(_children_q(modules, LessonPage)))


def lessons_of(modules) -> dict[str, list[LessonPage]]:
    """Live public lessons of each module, in editor order, keyed by the module's path."""
    modules = list(modules)
    if not modules:
        return {}
    lessons = (
        _lessons_under(modules)
        .order_by("path")
        .only(
            "id",
            "title",
            "slug",
            "path",
            "depth",
            "url_path",
            "translation_key",
            "locale_id",
            "estimated_minutes",
        )
    )
    by_parent = defaultdict(list)
    for lesson in lessons:
        by_parent[lesson.path[: -LessonPage.steplen]].append(lesson)
    return by_parent


def required_lessons(module):
    """The lessons a participant must do: those live in any language of the module, so an
    untranslated lesson still counts and a lesson removed everywhere stops counting."""
    versions = list(
        TrainingModulePage.objects.filter(translation_key=module.translation_key).only("path", "depth")
    )
    return _lessons_under(versions) if versions else LessonPage.objects.none()


def requirements_met(*, enrollment, module, quiz_passed=False) -> bool:
    """``quiz_passed``: the caller knows a passing attempt exists (it has just graded one)."""
    done = LessonCompletion.objects.filter(enrollment=enrollment).values("lesson_key")
    if required_lessons(module).exclude(translation_key__in=done).exists():
        return False
    if not quiz_passed and module.has_quiz:
        return enrollment.attempts.filter(passed=True).exists()
    return True


def missing_prerequisites(*, user, module) -> list[TrainingModulePage]:
    prerequisites = list(module.prerequisites.all())
    if not prerequisites:
        return []
    completed = set(
        Enrollment.objects.filter(
            user=user, module_key__in=[p.translation_key for p in prerequisites], completed_at__isnull=False
        ).values_list("module_key", flat=True)
    )
    return [p for p in prerequisites if p.translation_key not in completed]


def localized_versions(keys, language_code, model=TrainingModulePage):
    """For each translation key, the live public page in ``language_code``, else in the default
    language, else any live one; with the languages it is available in."""
    pages = public(model.objects.live().filter(translation_key__in=list(keys))).select_related("locale")
    return choose_versions(pages, language_code)


# --- The catalogue -----------------------------------------------------------------------


@dataclass
class ModuleCard:
    page: TrainingModulePage
    languages: list[str]
    lesson_count: int
    status: str = ""  # "", "enrolled", "completed"
    lessons_done: int = 0
    due_date: object = None
    theme_keys: set = field(default_factory=set)
    audience_keys: set = field(default_factory=set)


def catalogue(
    *, language_code, theme_key=None, audience_key=None, available_in=None, user=None
) -> list[ModuleCard]:
    """Every live module once, in the visitor's language where it exists, filtered by theme,
    audience and the languages it is available in, with the visitor's progress.

    The module rows are read once, every language at a time, with their lesson counts; the
    StreamFields, which a listing never shows, stay unread."""
    modules = list(
        public(TrainingModulePage.objects.live())
        .select_related("locale")
        .defer(*MODULE_STREAM_FIELDS)
        .annotate(lesson_count=_live_lesson_count())
        .order_by("path")
    )
    chosen, languages = choose_versions(modules, language_code)
    pages = sorted(chosen.values(), key=_source_order(modules, chosen))
    tags = _tag_keys([page.pk for page in pages])
    cards = []
    for page in pages:
        card = ModuleCard(
            page=page,
            languages=sorted(languages[page.translation_key]),
            lesson_count=page.lesson_count,
            theme_keys=tags[page.pk]["theme"],
            audience_keys=tags[page.pk]["audience"],
        )
        if theme_key and theme_key not in card.theme_keys:
            continue
        if audience_key and audience_key not in card.audience_keys:
            continue
        if available_in and available_in not in card.languages:
            continue
        cards.append(card)
    if user is not None and user.is_authenticated:
        enrollments = Enrollment.objects.filter(
            user=user, module_key__in=[c.page.translation_key for c in cards]
        ).annotate(done=Count("lesson_completions"))
        by_key = {e.module_key: e for e in enrollments}
        for card in cards:
            enrollment = by_key.get(card.page.translation_key)
            if enrollment is not None:
                card.status = "completed" if enrollment.completed_at else "enrolled"
                card.lessons_done = enrollment.done
                card.due_date = enrollment.due_date
    return cards


# The greatest step a child's path can add to its parent's (treebeard's alphabet, steplen 4).
_LAST_STEP = LessonPage.alphabet[-1] * LessonPage.steplen


def _live_lesson_count():
    """The number of live public lessons under each module, as a subquery."""
    # A range rather than LIKE, so that PostgreSQL finds the children with the path index
    # instead of scanning every page once per module.
    children = (OuterRef("path"), Concat(OuterRef("path"), Value(_LAST_STEP)))
    lessons = public(LessonPage.objects.live()).filter(path__range=children, depth=OuterRef("depth") + 1)
    counted = lessons.order_by().values("depth").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted), 0)


def _source_order(modules, chosen):
    """The sort key of a chosen page. Editors order modules in the source-language tree; a
    module shown in another language (or only in the source) takes its source's place, so both
    trees interleave as edited."""
    default_code = default_language_code()
    source_paths = {
        page.translation_key: page.path for page in modules if page.locale.language_code == default_code
    }
    # A source that is not listed (unpublished, restricted) still places its translations.
    unlisted = chosen.keys() - source_paths.keys()
    if unlisted:
        source_paths.update(
            TrainingModulePage.objects.filter(
                translation_key__in=unlisted, locale__language_code=default_code
            ).values_list("translation_key", "path")
        )
    return lambda page: (source_paths.get(page.translation_key, "~" + page.path), page.path)


def _tag_keys(page_ids) -> dict:
    """{page id: {"theme": {translation keys}, "audience": {translation keys}}}, in one query."""
    tags = defaultdict(lambda: {"theme": set(), "audience": set()})
    if not page_ids:
        return tags
    kind = Value("theme", output_field=CharField())
    themes = TrainingModulePage.themes.through.objects.filter(trainingmodulepage_id__in=page_ids).values_list(
        "trainingmodulepage_id", kind, "theme__translation_key"
    )
    kind = Value("audience", output_field=CharField())
    audiences = TrainingModulePage.audiences.through.objects.filter(
        trainingmodulepage_id__in=page_ids
    ).values_list("trainingmodulepage_id", kind, "audience__translation_key")
    for page_id, name, key in themes.union(audiences, all=True):
        tags[page_id][name].add(key)
    return tags


def audiences_in(language_code):
    return Audience.objects.filter(locale__language_code=language_code).order_by("sort_order", "name")


# --- One module, for one participant -------------------------------------------------------


@dataclass
class LessonState:
    page: LessonPage
    done: bool


@dataclass
class ModuleProgress:
    enrollment: Enrollment | None
    lessons: list[LessonState]
    attempts: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    attempts_remaining: int | None  # None: unlimited
    best_percent: object
    passed: bool
    certificate: Certificate | None
    missing_prerequisites: list

    @property
    def lessons_done(self):
        return sum(1 for lesson in self.lessons if lesson.done)

    @property
    def next_lesson(self):
        return next((lesson.page for lesson in self.lessons if not lesson.done), None)

    @property
    def can_attempt(self):
        return self.attempts_remaining is None or self.attempts_remaining > 0 or self.open_attempt is not None


def module_progress(*, user, module) -> ModuleProgress:
    lessons = lessons_of([module]).get(module.path, [])
    enrollment = None
    done = set()
    attempts = []
    certificate = None
    if user.is_authenticated:
        enrollment = Enrollment.objects.filter(user=user, module_key=module.translation_key).first()
        if enrollment is not None:
            done = set(enrollment.lesson_completions.values_list("lesson_key", flat=True))
            attempts = list(enrollment.attempts.order_by("number"))
            certificate = Certificate.objects.filter(user=user, module_key=module.translation_key).first()
    submitted = [a for a in attempts if a.is_submitted]
    remaining = None
    if module.max_attempts:
        remaining = max(0, module.max_attempts - len(submitted))
    return ModuleProgress(
        enrollment=enrollment,
        lessons=[LessonState(page=lesson, done=lesson.translation_key in done) for lesson in lessons],
        attempts=submitted,
        open_attempt=next((a for a in attempts if not a.is_submitted), None),
        attempts_remaining=remaining,
        best_percent=max((a.percent for a in submitted), default=None),
        passed=any(a.passed for a in submitted),
        certificate=certificate,
        missing_prerequisites=missing_prerequisites(user=user, module=module)
        if user.is_authenticated and enrollment is None
        else [],
    )


# --- The participant's dashboard -----------------------------------------------------------


@dataclass
class DashboardEntry:
    enrollment: Enrollment
    module: TrainingModulePage
    lesson_count: int
    lessons_done: int
    continue_page: object  # a LessonPage, or the module when only the quiz is left
    best_percent: object


@dataclass
class Dashboard:
    in_progress: list[DashboardEntry]
    completed: list[DashboardEntry]
    certificates: list[Certificate]


def dashboard(*, user, language_code) -> Dashboard:
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("module", "last_lesson")
        .annotate(best=Max("attempts__percent", filter=Q(attempts__submitted_at__isnull=False)))
        .order_by("due_date", "-last_activity_at", "-enrolled_at")
    )
    chosen, _languages = localized_versions({e.module_key for e in enrollments}, language_code)
    lessons = lessons_of(chosen.values())
    done = defaultdict(set)
    for enrollment_id, key in LessonCompletion.objects.filter(enrollment__in=enrollments).values_list(
        "enrollment_id", "lesson_key"
    ):
        done[enrollment_id].add(key)
    in_progress, completed = [], []
    for enrollment in enrollments:
        module = chosen.get(enrollment.module_key)
        if module is None:
            continue  # unpublished since: nothing to continue
        module_lessons = lessons.get(module.path, [])
        entry = DashboardEntry(
            enrollment=enrollment,
            module=module,
            lesson_count=len(module_lessons),
            lessons_done=sum(1 for lesson in module_lessons if lesson.translation_key in done[enrollment.pk]),
            continue_page=_continue_page(enrollment, module, module_lessons, done[enrollment.pk]),
            best_percent=enrollment.best,
        )
        (completed if enrollment.completed_at else in_progress).append(entry)
    certificates = list(Certificate.objects.filter(user=user).order_by("-issued_at"))
    return Dashboard(in_progress=in_progress, completed=completed, certificates=certificates)


def _continue_page(enrollment, module, lessons, done_keys):
    """The lesson last opened if it is not done, else the next lesson not done after it, else
    the first not done, else the module (whose page leads to the quiz)."""
    last_key = enrollment.last_lesson.translation_key if enrollment.last_lesson else None
    keys = [lesson.translation_key for lesson in lessons]
    start = keys.index(last_key) if last_key in keys else 0
    for lesson in lessons[start:] + lessons[:start]:
        if lesson.translation_key not in done_keys:
            return lesson
    return module


# --- Small lookups ---------------------------------------------------------------------------


def theme_key_from_slug(slug):
    from heart_site.core.models import Theme

    return Theme.objects.filter(slug=slug).values_list("translation_key", flat=True).first()


def audience_key_from_slug(slug):
    return Audience.objects.filter(slug=slug).values_list("translation_key", flat=True).first()


def slugs_by_key():
    """Theme and audience slugs by translation key (slugs are equal in every language)."""
    from heart_site.core.models import Theme

    return (
        dict(Theme.objects.values_list("translation_key", "slug")),
        dict(Audience.objects.values_list("translation_key", "slug")),
    )


def completed_module_keys(*, user, keys):
    if not user.is_authenticated or not keys:
        return set()
    return set(
        Enrollment.objects.filter(user=user, module_key__in=keys, completed_at__isnull=False).values_list(
            "module_key", flat=True
        )
    )


def open_attempt_id(*, user, module):
    return (
        QuizAttempt.objects.filter(
            enrollment__user=user, enrollment__module_key=module.translation_key, submitted_at__isnull=True
        )
        .values_list("pk", flat=True)
        .first()
    )
