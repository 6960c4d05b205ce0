"""SWOT boards in the Wagtail admin: a "SWOT boards" menu item where facilitators create boards
and edit their title, topic, organisations and description. Inviting, closing, hiding and
merging happen on the board's own page on the site (linked from the listing), where the
facilitator sees what participants see.

Every view needs ``mapping.facilitate_swot`` (the "SWOT facilitators" group); a facilitator
lists and edits only the boards they facilitate (a superuser, all). Boards are never deleted
here: they are the record of a workshop.
"""

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import SwotBoard
from ..selectors.swot import is_facilitator
from ..services.swot import swot_facilitator_add


class SwotBoardPermissionPolicy(ModelPermissionPolicy):
    def _get_permission_codename(self, action):
        return "facilitate_swot"

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or is_facilitator(user=user, board=instance)


register_permission_policy(SwotBoard, SwotBoardPermissionPolicy(SwotBoard))


def facilitated_by(user):
    boards = SwotBoard.objects.select_related("topic")
    return (
        boards
        if user.is_superuser
        else boards.filter(memberships__user=user, memberships__role="facilitator")
    )


class SwotBoardIndexView(generic.IndexView):
    def get_base_queryset(self):
        return facilitated_by(self.request.user)


class SwotBoardCreateView(generic.CreateView):
    def save_instance(self):
        board = self.form.save(commit=False)
        board.created_by = self.request.user
        board.save()
        swot_facilitator_add(board=board, user=self.request.user)
        return board

    def get_success_url(self):
        return reverse("mapping:swot_board", args=[self.object.pk])


class SwotBoardEditView(generic.EditView):
    def get_object(self, queryset=None):
        return super().get_object(queryset=facilitated_by(self.request.user))


class SwotBoardViewSet(ModelViewSet):
    model = SwotBoard
    name = "mapping_swot"
    url_prefix = "mapping/swot"
    icon = "table"
    menu_label = _("SWOT boards")
    menu_order = 331
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = SwotBoardIndexView
    add_view_class = SwotBoardCreateView
    edit_view_class = SwotBoardEditView
    form_fields = ["title", "topic", "organisations", "description"]
    list_display = [
        Column("name", label=_("board"), accessor="__str__"),
        "organisations",
        "created_at",
        "closed_at",
        TitleColumn(
            "site",
            label=_("on the site"),
            accessor=lambda board: _("Open the board"),
            get_url=lambda board: reverse("mapping:swot_board", args=[board.pk]),
        ),
    ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(content_type__app_label="mapping", codename="facilitate_swot")


@hooks.register("register_admin_viewset")
def register_swot():
    return SwotBoardViewSet()
