"""Pieces the email and schedule admin views share."""

from cron_descriptor import (
    ExpressionDescriptor,
    FormatException,
    MissingFieldException,
    Options,
    WrongArgumentException,
)
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask
from wagtail.admin.views import generic

# Describing schedules in the admin's language -------------------------------------------

INTERVAL_TEXT = {
    IntervalSchedule.DAYS: ngettext_lazy("every day", "every %(count)d days", "count"),
    IntervalSchedule.HOURS: ngettext_lazy("every hour", "every %(count)d hours", "count"),
    IntervalSchedule.MINUTES: ngettext_lazy("every minute", "every %(count)d minutes", "count"),
    IntervalSchedule.SECONDS: ngettext_lazy("every second", "every %(count)d seconds", "count"),
}
CRON_LOCALES = {"sv": "sv_SE", "en": "en_US"}


def describe_interval(interval: IntervalSchedule) -> str:
    text = INTERVAL_TEXT.get(interval.period)
    return text % {"count": interval.every} if text else str(interval)


def describe_crontab(crontab: CrontabSchedule) -> str:
    parts = [crontab.minute, crontab.hour, crontab.day_of_month, crontab.month_of_year, crontab.day_of_week]
    expression = " ".join(str(part).replace(" ", "") or "*" for part in parts)
    options = Options()
    options.locale_code = CRON_LOCALES.get((get_language() or "")[:2], "en_US")
    options.use_24hour_time_format = True
    try:
        text = ExpressionDescriptor(expression, options).get_description()
    except (FormatException, MissingFieldException, WrongArgumentException, ValueError):
        text = expression
    return f"{text} ({crontab.timezone})"


def describe_schedule(task: PeriodicTask) -> str:
    if task.interval_id:
        return describe_interval(task.interval)
    if task.crontab_id:
        return describe_crontab(task.crontab)
    return str(task.scheduler) if task.scheduler else str(_("No schedule"))


# Shared pieces -----------------------------------------------------------------------------


class ServedViewsMixin:
    """A ModelViewSet serving only the views named in ``served_views`` (besides the index);
    links and buttons to the others are never offered, and their URLs do not exist."""

    served_views = ()
    copy_view_enabled = False
    add_to_reference_index = False
    OPTIONAL_VIEWS = ("add", "edit", "delete", "history", "usage", "copy", "inspect")

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in self.OPTIONAL_VIEWS:
            if name not in self.served_views:
                view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        pk = f"<{self.pk_path_converter}:pk>"
        routes = {
            "index": ("", lambda: self.index_view),
            "index_results": ("results/", lambda: self.index_results_view),
            "add": ("new/", lambda: self.add_view),
            "edit": (f"edit/{pk}/", lambda: self.edit_view),
            "delete": (f"delete/{pk}/", lambda: self.delete_view),
            "history": (f"history/{pk}/", lambda: self.history_view),
            "history_results": (f"history-results/{pk}/", lambda: self.history_results_view),
            "inspect": (f"inspect/{pk}/", lambda: self.inspect_view),
        }
        served = {"index", "index_results", *self.served_views}
        if "history" in served:
            served.add("history_results")
        return [path(route, view(), name=name) for name, (route, view) in routes.items() if name in served]


class TitledIndexView(generic.IndexView):
    """An index whose linked first column gets our own label and value (django-celery-beat's
    models have English-only names), with the related rows its columns need in one query."""

    title_label = None
    title_accessor = None
    select_related = ()
    prefetch_related = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset

    @cached_property
    def columns(self):
        columns = super().columns
        if self.title_label:
            columns[0].label = self.title_label
        if self.title_accessor:
            columns[0].accessor = self.title_accessor
        return columns


def post_button_attrs(url):
    """Wagtail's action controller turns a click into a POST with the CSRF token and ``next``."""
    return {"data-controller": "w-action", "data-action": "w-action#post", "data-w-action-url-value": url}
