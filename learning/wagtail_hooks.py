from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import services
from .admin_views import gift, reports
from .models import Assignment, Audience, TrainingModulePage


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class AssignmentViewSet(SnippetViewSet):
    model = Assignment
    icon = "date"
    menu_label = _("Assignments")
    list_display = ["module", "group", "organisation_name", "due_date", "reminder_days_before"]
    list_filter = ["due_date"]


class LearningGroup(SnippetViewSetGroup):
    items = (AssignmentViewSet, AudienceViewSet)
    menu_icon = "tasks"
    menu_label = _("Learning")
    menu_name = "learning"
    menu_order = 310


register_snippet(LearningGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def apply_assignment(request, instance):
    """Enrol the group or organisation as soon as the assignment is saved."""
    if isinstance(instance, Assignment):
        services.assignment_apply(assignment=instance)


@hooks.register("register_admin_urls")
def register_learning_admin_urls():
    return [
        path("learning/", include(gift.urlpatterns)),
        path("learning/reports/", include(reports.urlpatterns)),
    ]


for report_menu_hook in reports.report_menu_hooks:
    hooks.register("register_reports_menu_item", report_menu_hook)


@hooks.register("register_page_header_buttons")
def gift_buttons(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, TrainingModulePage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Export questions (GIFT)"),
        url=reverse("learning_gift_export", args=[page.pk]),
        icon_name="download",
        priority=80,
    )
    yield Button(
        _("Import questions (GIFT)"),
        url=reverse("learning_gift_import", args=[page.pk]),
        icon_name="upload",
        priority=81,
    )
