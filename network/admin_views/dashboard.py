"""The coordinators' panels on the Wagtail dashboard: the brief's goal of places reached, open
follow-ups and contacts due for review. Each is added only for users who may see what it lists."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..models import NetworkSettings
from ..selectors import network as selectors


class GoalPanel(Component):
    name = "network_goal"
    template_name = "network/admin/goal_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        can_edit_goal = request.user.has_perm("network.change_networksettings")
        return {
            "progress": selectors.place_goal_progress(),
            "partnerships_url": reverse("wagtailsnippets_network_partnership:list"),
            "settings_url": (
                reverse("wagtailsettings:edit", args=["network", NetworkSettings._meta.model_name])
                if can_edit_goal
                else None
            ),
        }


class FollowUpsPanel(Component):
    name = "network_follow_ups"
    template_name = "network/admin/follow_ups_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        follow_ups = selectors.open_follow_ups(user=request.user)
        return {
            "follow_ups": follow_ups,
            "list_url": reverse("wagtailsnippets_network_interaction:list") + "?follow_up_done=false",
            "edit_url_name": "wagtailsnippets_network_interaction:edit",
        }


class ContactsForReviewPanel(Component):
    name = "network_contacts_for_review"
    template_name = "network/admin/contacts_review_panel.html"
    order = 170

    def get_context_data(self, parent_context):
        from ..conf import setting

        return {
            "count": selectors.contacts_due_for_review_count(),
            "years": setting("NETWORK_CONTACT_REVIEW_YEARS"),
            "list_url": reverse("wagtailsnippets_network_contact:list") + "?due_for_review=true",
        }


def panels_for(user) -> list[Component]:
    panels = []
    if user.has_perm("network.view_partnership"):
        panels.append(GoalPanel())
    if user.has_perm("network.view_interaction"):
        panels.append(FollowUpsPanel())
    if user.has_perm("network.view_contact"):
        panels.append(ContactsForReviewPanel())
    return panels
