"""django-celery-beat's schedules in the admin: change the timing, pause."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask
from wagtail.admin import messages
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .common import ServedViewsMixin, TitledIndexView, describe_crontab, describe_interval, describe_schedule

# Schedules (django-celery-beat) ------------------------------------------------------------


class ScheduleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return describe_interval(obj) if isinstance(obj, IntervalSchedule) else describe_crontab(obj)


class PeriodicTaskForm(WagtailAdminModelForm):
    """Timing and pausing. Exactly one of interval and crontab; the one chosen here replaces a
    solar or clocked schedule set elsewhere, so that beat's own check on save holds."""

    interval = ScheduleChoiceField(
        queryset=IntervalSchedule.objects.all(),
        required=False,
        label=_("Interval"),
        help_text=_("Run at a fixed interval. Choose an interval or a crontab, not both."),
    )
    crontab = ScheduleChoiceField(
        queryset=CrontabSchedule.objects.all(),
        required=False,
        label=_("Crontab"),
        help_text=_("Run at set times, such as Mondays at 07:00. Choose an interval or a crontab, not both."),
    )

    class Meta:
        model = PeriodicTask
        fields = ["enabled", "interval", "crontab", "description"]
        labels = {"enabled": _("Enabled"), "description": _("Description")}
        help_texts = {
            "enabled": _("Uncheck to pause this schedule."),
            "description": _("What this schedule does, for other administrators."),
        }

    def clean(self):
        cleaned_data = super().clean()
        chosen = [name for name in ("interval", "crontab") if cleaned_data.get(name)]
        if len(chosen) == 2:
            raise ValidationError(
                _("Choose either an interval or a crontab, not both."), code="two_schedules"
            )
        if not chosen and not self.has_error("interval") and not self.has_error("crontab"):
            raise ValidationError(_("Choose an interval or a crontab."), code="no_schedule")
        self.instance.solar = None
        self.instance.clocked = None
        return cleaned_data

    def validate_unique(self):
        """Nothing unique is editable here (the name is read-only), and PeriodicTask's own
        validate_unique would repeat clean()'s schedule check in English only."""


class PeriodicTaskIndexView(TitledIndexView):
    title_label = _("Name")
    select_related = ("interval", "crontab")


class PeriodicTaskEditView(generic.EditView):
    success_message = _("Schedule '%(object)s' saved.")

    def get_page_subtitle(self):
        return self.object.name

    def get_success_message(self):
        return self.success_message % {"object": self.object.name}


class PeriodicTaskViewSet(ServedViewsMixin, ModelViewSet):
    """Tasks come from data migrations (ours and the plugins'); administrators change their
    timing or pause them. Names are read-only: the migrations find their task by name."""

    model = PeriodicTask
    name = "schedules"
    icon = "time"
    menu_label = _("Schedules")
    menu_name = "schedules"
    served_views = ("edit", "history")
    index_view_class = PeriodicTaskIndexView
    edit_view_class = PeriodicTaskEditView
    ordering = "name"
    list_display = [
        "name",
        Column("task", label=_("Task"), sort_key="task"),
        Column("schedule", label=_("Schedule"), accessor=describe_schedule),
        StatusTagColumn(
            "enabled",
            label=_("Enabled"),
            accessor=lambda task: _("Active") if task.enabled else _("Paused"),
            sort_key="enabled",
            primary=lambda task: task.enabled,
        ),
        DateColumn("last_run_at", label=_("Last run"), sort_key="last_run_at"),
        Column("total_run_count", label=_("Runs"), sort_key="total_run_count"),
    ]
    list_filter = ["enabled"]
    search_fields = ["name", "task", "description"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel(
                "name",
                read_only=True,
                heading=_("Name"),
                help_text=_("Fixed: the site finds its schedules by name."),
            ),
            FieldPanel(
                "task",
                read_only=True,
                heading=_("Task"),
                help_text=_("The background task this schedule runs."),
            ),
            FieldPanel("enabled"),
            FieldPanel("interval"),
            FieldPanel("crontab"),
            FieldPanel("description"),
        ],
        base_form_class=PeriodicTaskForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=_("Schedules"), **kwargs)


class IntervalScheduleForm(WagtailAdminModelForm):
    period = forms.ChoiceField(
        label=_("Unit"),
        choices=[
            (IntervalSchedule.MINUTES, _("Minutes")),
            (IntervalSchedule.HOURS, _("Hours")),
            (IntervalSchedule.DAYS, _("Days")),
            (IntervalSchedule.SECONDS, _("Seconds")),
        ],
    )

    class Meta:
        model = IntervalSchedule
        fields = ["every", "period"]
        labels = {"every": _("Every")}
        help_texts = {"every": _("How many units between two runs.")}

    def clean(self):
        cleaned_data = super().clean()
        same = IntervalSchedule.objects.filter(
            every=cleaned_data.get("every"), period=cleaned_data.get("period")
        )
        if same.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("This interval already exists."), code="duplicate")
        return cleaned_data


CRON_FIELDS = ["minute", "hour", "day_of_week", "day_of_month", "month_of_year", "timezone"]


class CrontabScheduleForm(WagtailAdminModelForm):
    class Meta:
        model = CrontabSchedule
        fields = CRON_FIELDS
        labels = {
            "minute": _("Minutes"),
            "hour": _("Hours"),
            "day_of_week": _("Days of the week"),
            "day_of_month": _("Days of the month"),
            "month_of_year": _("Months"),
            "timezone": _("Time zone"),
        }
        help_texts = {
            "minute": _("0–59. Example: 0 for on the hour, 0,30 for every half hour, * for every minute."),
            "hour": _("0–23. Example: 7, or 8,20, or * for every hour."),
            "day_of_week": _(
                "0 or 7 is Sunday, 1 Monday. Example: 1 for Mondays, 1-5 for weekdays, * for every day."
            ),
            "day_of_month": _("1–31. Example: 1 for the first of the month, * for every day."),
            "month_of_year": _("1–12. Example: * for every month."),
            "timezone": _("The times above are in this time zone."),
        }

    def clean(self):
        cleaned_data = super().clean()
        if all(name in cleaned_data for name in CRON_FIELDS):
            same = CrontabSchedule.objects.filter(**{name: cleaned_data[name] for name in CRON_FIELDS})
            if same.exclude(pk=self.instance.pk).exists():
                raise ValidationError(_("This crontab already exists."), code="duplicate")
        return cleaned_data


def _task_names(schedule):
    return ", ".join(sorted(task.name for task in schedule.periodictask_set.all())) or "—"


class ScheduleDeleteView(generic.DeleteView):
    """Deleting a timing would delete the tasks that use it (a cascade in django-celery-beat),
    so only unused timings can be deleted."""

    def get(self, request, *args, **kwargs):
        return self.refuse_if_used() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refuse_if_used() or super().post(request, *args, **kwargs)

    def refuse_if_used(self):
        if not self.object.periodictask_set.exists():
            return None
        messages.error(
            self.request,
            _("This timing is used by: %(tasks)s. Give those schedules another timing before deleting it.")
            % {"tasks": _task_names(self.object)},
        )
        return redirect(self.index_url_name)


class TimingViewSet(ServedViewsMixin, ModelViewSet):
    """What the interval and the crontab viewsets share: add, edit, delete (refused while a
    schedule uses the timing) and the schedules that use each one."""

    served_views = ("add", "edit", "delete", "history")
    delete_view_class = ScheduleDeleteView
    list_display = ["__str__", Column("used_by", label=_("Used by"), accessor=_task_names)]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=self.menu_label, **kwargs)


class IntervalIndexView(TitledIndexView):
    title_label = _("Interval")
    title_accessor = staticmethod(describe_interval)
    prefetch_related = ("periodictask_set",)


class IntervalScheduleViewSet(TimingViewSet):
    model = IntervalSchedule
    name = "schedule_intervals"
    url_prefix = "schedule-intervals"
    icon = "history"
    menu_label = _("Intervals")
    menu_name = "schedule-intervals"
    index_view_class = IntervalIndexView
    edit_handler = ObjectList(
        [FieldPanel("every"), FieldPanel("period")], base_form_class=IntervalScheduleForm
    )


class CrontabIndexView(TitledIndexView):
    title_label = _("Crontab")
    title_accessor = staticmethod(describe_crontab)
    prefetch_related = ("periodictask_set",)


class CrontabScheduleViewSet(TimingViewSet):
    model = CrontabSchedule
    name = "schedule_crontabs"
    url_prefix = "schedule-crontabs"
    icon = "date"
    menu_label = _("Crontabs")
    menu_name = "schedule-crontabs"
    index_view_class = CrontabIndexView
    edit_handler = ObjectList([FieldPanel(name) for name in CRON_FIELDS], base_form_class=CrontabScheduleForm)
