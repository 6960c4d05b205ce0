"""Learning reports in the Wagtail admin: completion per module, organisation and theme, quiz
attempts with scores, and question statistics, each with filters and CSV/XLSX export.

The figures come from ``learning.report_selectors``. The filter forms only collect arguments for
those functions, so the views never filter a queryset themselves. Every report needs the
``learning.view_learning_reports`` permission; without it the view answers 403 here, because
Wagtail's admin wrapper would turn ``PermissionDenied`` into a redirect to the dashboard.
"""

import django_filters
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from .. import report_selectors as selectors
from ..models import Enrollment, QuizAttempt

PERMISSION = "learning.view_learning_reports"
# Organisation keys are lower-cased by the database, so an upper-case value can never be one.
NO_ORGANISATION = "NONE"


def can_view_reports(user):
    return user.has_perm(PERMISSION)


def _yes_no(value):
    return str(_("Yes") if value else _("No"))


class StatColumn(Column):
    """A figure; "–" where there is nothing to compute it from (a rate of no enrolments)."""

    empty_value_display = "–"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context["raw_value"] is None:
            context["value"] = self.empty_value_display
        return context


# --- Filters --------------------------------------------------------------------------------


def _choice(label, empty_label):
    return django_filters.ChoiceFilter(label=label, empty_label=empty_label, choices=[])


def _date_range(label):
    return django_filters.DateFromToRangeFilter(label=label, widget=DateRangePickerWidget)


class ReportFilterSet(WagtailFilterSet):
    """Choices come from the database once per request, named in the admin's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_code = selectors.content_language(translation.get_language())
        loaders = {
            "module": lambda: selectors.module_choices(language_code=language_code),
            "theme": lambda: selectors.theme_choices(language_code=language_code),
            "organisation": lambda: [
                (key or NO_ORGANISATION, name or str(_("No organisation")))
                for key, name in selectors.organisation_choices()
            ],
        }
        for name, load in loaders.items():
            if name in self.filters:
                self.filters[name].extra["choices"] = load()

    def arguments(self):
        """The valid filter values as keyword arguments of the selectors."""
        self.is_valid()
        data = self.form.cleaned_data
        arguments = {}
        if data.get("module"):
            arguments["module_key"] = data["module"]
        if data.get("theme"):
            arguments["theme_key"] = data["theme"]
        if data.get("organisation"):
            arguments["organisation"] = (
                "" if data["organisation"] == NO_ORGANISATION else data["organisation"]
            )
        if data.get("passed"):
            arguments["passed"] = data["passed"] == "yes"
        for name in ("enrolled", "submitted"):
            if data.get(name):
                arguments[f"{name}_from"], arguments[f"{name}_to"] = data[name].start, data[name].stop
        return arguments


class ModuleCompletionFilterSet(ReportFilterSet):
    theme = _choice(_("Theme"), _("All themes"))
    organisation = _choice(_("Organisation"), _("All organisations"))
    enrolled = _date_range(_("Enrolled"))

    class Meta:
        model = Enrollment
        fields = []


class OrganisationCompletionFilterSet(ReportFilterSet):
    module = _choice(_("Module"), _("All modules"))
    theme = _choice(_("Theme"), _("All themes"))

    class Meta:
        model = Enrollment
        fields = []


class ThemeCompletionFilterSet(ReportFilterSet):
    organisation = _choice(_("Organisation"), _("All organisations"))

    class Meta:
        model = Enrollment
        fields = []


class AttemptFilterSet(ReportFilterSet):
    module = _choice(_("Module"), _("All modules"))
    organisation = _choice(_("Organisation"), _("All organisations"))
    passed = django_filters.ChoiceFilter(
        label=_("Passed"),
        empty_label=_("Passed or not"),
        choices=[("yes", _("Passed")), ("no", _("Not passed"))],
    )
    submitted = _date_range(_("Submitted"))

    class Meta:
        model = QuizAttempt
        fields = []


class QuestionFilterSet(ReportFilterSet):
    module = _choice(_("Module"), _("Choose a module"))

    class Meta:
        model = QuizAttempt
        fields = []


# --- Views ----------------------------------------------------------------------------------


class LearningReportView(ReportView):
    results_template_name = "learning/admin/reports/results.html"
    header_icon = "tasks"
    slug = ""  # names the URLs and the downloaded files
    description = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Inside Wagtail's override of language and time zone; a CSV streams after it has ended.
        self.ui_language = translation.get_language()
        self.time_zone = timezone.get_current_timezone()

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            return TemplateResponse(
                request,
                "learning/admin/reports/forbidden.html",
                {
                    "header_title": self.page_title,
                    "header_icon": "warning",
                    "breadcrumbs_items": self.breadcrumbs_items,
                },
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    @property
    def index_url_name(self):
        return f"learning_report_{self.slug}"

    @property
    def index_results_url_name(self):
        return f"learning_report_{self.slug}_results"

    @cached_property
    def language_code(self):
        return selectors.content_language(self.ui_language)

    @cached_property
    def arguments(self):
        return self.filters.arguments() if self.filters else {}

    def get_queryset(self):
        return self.get_rows(**self.arguments)

    def get_rows(self, **arguments):
        raise NotImplementedError

    def filter_queryset(self, queryset):
        # The selectors have applied the filters already.
        return queryset

    def get_filename(self):
        return f"learning-{self.slug}-{timezone.localdate().isoformat()}"

    def stream_csv(self, queryset):
        with translation.override(self.ui_language), timezone.override(self.time_zone):
            yield from super().stream_csv(queryset)

    def get_context_data(self, *args, **kwargs):
        return super().get_context_data(*args, description=self.description, **kwargs)


def _rate_columns():
    return [
        StatColumn("completed", label=_("Completed")),
        StatColumn("completion_rate", label=_("Completion rate (%)")),
    ]


class ModuleCompletionView(LearningReportView):
    page_title = _("Completion per module")
    slug = "modules"
    description = _(
        "Each module once, whatever the languages participants took it in. Passed quiz counts "
        "participants with at least one passing attempt; the average best score is over "
        "participants who submitted an attempt."
    )
    filterset_class = ModuleCompletionFilterSet
    paginate_by = None
    list_export = [
        "title",
        "enrolled",
        "completed",
        "completion_rate",
        "passed_quiz",
        "average_best_percent",
    ]
    export_headings = {
        "title": _("Module"),
        "enrolled": _("Enrolled"),
        "completed": _("Completed"),
        "completion_rate": _("Completion rate (%)"),
        "passed_quiz": _("Passed quiz"),
        "average_best_percent": _("Average best score (%)"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Module"),
                get_url=lambda row: reverse("learning_report_questions") + f"?module={row.module_key}",
            ),
            StatColumn("enrolled", label=_("Enrolled")),
            *_rate_columns(),
            StatColumn("passed_quiz", label=_("Passed quiz")),
            StatColumn("average_best_percent", label=_("Average best score (%)")),
        ]

    def get_rows(self, **arguments):
        return selectors.completion_by_module(language_code=self.language_code, **arguments)


class OrganisationCompletionView(LearningReportView):
    page_title = _("Completion per organisation")
    header_icon = "group"
    slug = "organisations"
    description = _(
        "Organisations as participants name them in their profiles, ignoring upper and lower case."
    )
    filterset_class = OrganisationCompletionFilterSet
    paginate_by = None
    list_export = ["display_name", "participants", "enrollments", "completed", "completion_rate"]
    export_headings = {
        "display_name": _("Organisation"),
        "participants": _("Participants"),
        "enrollments": _("Enrolments"),
        "completed": _("Completed"),
        "completion_rate": _("Completion rate (%)"),
    }
    columns = [
        Column("display_name", label=_("Organisation")),
        StatColumn("participants", label=_("Participants")),
        StatColumn("enrollments", label=_("Enrolments")),
        *_rate_columns(),
    ]

    def get_rows(self, **arguments):
        return selectors.completion_by_organisation(**arguments)


class ThemeCompletionView(LearningReportView):
    page_title = _("Completion per theme")
    header_icon = "tag"
    slug = "themes"
    description = _("A module with several themes counts under each of them.")
    filterset_class = ThemeCompletionFilterSet
    paginate_by = None
    list_export = ["name", "modules", "enrollments", "completed", "completion_rate"]
    export_headings = {
        "name": _("Theme"),
        "modules": _("Modules"),
        "enrollments": _("Enrolments"),
        "completed": _("Completed"),
        "completion_rate": _("Completion rate (%)"),
    }
    columns = [
        Column("name", label=_("Theme")),
        StatColumn("modules", label=_("Modules")),
        StatColumn("enrollments", label=_("Enrolments")),
        *_rate_columns(),
    ]

    def get_rows(self, **arguments):
        return selectors.completion_by_theme(language_code=self.language_code, **arguments)


class AttemptsView(LearningReportView):
    page_title = _("Quiz attempts")
    header_icon = "list-ul"
    slug = "attempts"
    filterset_class = AttemptFilterSet
    list_export = [
        "enrollment.user.get_full_name",
        "enrollment.user.email",
        "enrollment.user.organisation_name",
        "module_title",
        "number",
        "submitted_at",
        "score",
        "max_score",
        "percent",
        "passed",
    ]
    export_headings = {
        "enrollment.user.get_full_name": _("Participant"),
        "enrollment.user.email": _("Email"),
        "enrollment.user.organisation_name": _("Organisation"),
        "module_title": _("Module"),
        "number": _("Attempt"),
        "submitted_at": _("Submitted"),
        "score": _("Score"),
        "max_score": _("Maximum"),
        "percent": _("Percent"),
        "passed": _("Passed"),
    }
    custom_field_preprocess = {
        "passed": {ReportView.FORMAT_CSV: _yes_no},
        "submitted_at": {
            ReportView.FORMAT_CSV: lambda value: timezone.localtime(value).isoformat(timespec="seconds")
        },
    }
    columns = [
        Column("participant", label=_("Participant"), accessor="enrollment.user.get_full_name"),
        Column("email", label=_("Email"), accessor="enrollment.user.email"),
        Column("organisation", label=_("Organisation"), accessor="enrollment.user.organisation_name"),
        Column("module_title", label=_("Module")),
        StatColumn("number", label=_("Attempt")),
        Column(
            "submitted_at",
            label=_("Submitted"),
            accessor=lambda attempt: date_format(
                timezone.localtime(attempt.submitted_at), "SHORT_DATETIME_FORMAT"
            ),
        ),
        StatColumn("score", label=_("Score")),
        StatColumn("max_score", label=_("Maximum")),
        StatColumn("percent", label=_("Percent")),
        Column("passed", label=_("Passed"), accessor=lambda attempt: _yes_no(attempt.passed)),
    ]

    def get_rows(self, **arguments):
        return selectors.scored_attempts(language_code=self.language_code, **arguments)


class QuestionStatisticsView(LearningReportView):
    page_title = _("Question statistics")
    header_icon = "help"
    slug = "questions"
    results_template_name = "learning/admin/reports/question_results.html"
    filterset_class = QuestionFilterSet
    paginate_by = None
    list_export = [
        "number",
        "prompt",
        "kind",
        "attempts",
        "answered",
        "correct",
        "facility_index",
        "mean_score_percent",
    ]
    export_headings = {
        "number": _("Number"),
        "prompt": _("Question"),
        "kind": _("Type"),
        "attempts": _("Attempts"),
        "answered": _("Answered"),
        "correct": _("Correct"),
        "facility_index": _("Facility index (%)"),
        "mean_score_percent": _("Mean score (%)"),
    }
    columns = [
        StatColumn("number", label=_("Number")),
        Column("prompt", label=_("Question"), accessor=lambda row: Truncator(row.prompt).chars(120)),
        Column("kind", label=_("Type")),
        StatColumn("attempts", label=_("Attempts")),
        StatColumn("answered", label=_("Answered")),
        StatColumn("correct", label=_("Correct")),
        StatColumn("facility_index", label=_("Facility index (%)")),
        StatColumn("mean_score_percent", label=_("Mean score (%)")),
    ]

    @cached_property
    def statistics(self):
        module_key = self.arguments.get("module_key")
        if not module_key:
            return None
        return selectors.question_statistics(module_key=module_key, language_code=self.language_code)

    @cached_property
    def show_export_buttons(self):
        return self.statistics is not None

    def get_rows(self, **arguments):
        return self.statistics.questions if self.statistics else []

    def get_context_data(self, *args, **kwargs):
        return super().get_context_data(*args, statistics=self.statistics, **kwargs)

    def get_filename(self):
        slug = self.statistics.module.slug if self.statistics and self.statistics.module else "module"
        return f"learning-questions-{slug}-{timezone.localdate().isoformat()}"


REPORTS = [
    # view, label in the Reports menu, icon
    (ModuleCompletionView, _("Learning: completion per module"), "tasks"),
    (OrganisationCompletionView, _("Learning: completion per organisation"), "group"),
    (ThemeCompletionView, _("Learning: completion per theme"), "tag"),
    (AttemptsView, _("Learning: quiz attempts"), "list-ul"),
    (QuestionStatisticsView, _("Learning: question statistics"), "help"),
]

urlpatterns = [
    pattern
    for view, _label, _icon in REPORTS
    for pattern in (
        path(f"{view.slug}/", view.as_view(), name=f"learning_report_{view.slug}"),
        path(
            f"{view.slug}/results/",
            view.as_view(results_only=True),
            name=f"learning_report_{view.slug}_results",
        ),
    )
]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


def _menu_hook(view, label, icon, order):
    def register_menu_item():
        return ReportMenuItem(
            label,
            reverse(f"learning_report_{view.slug}"),
            name=f"learning-{view.slug}",
            icon_name=icon,
            order=order,
        )

    return register_menu_item


report_menu_hooks = [
    _menu_hook(view, label, icon, order) for order, (view, label, icon) in enumerate(REPORTS, start=900)
]
