"""Campaigns in the Wagtail admin: a "Campaigns" menu item, the listing, create and edit forms,
and the campaign page with its actions (see ``campaign_views``).

Every view needs ``mapping.manage_campaigns`` (the "Campaign administrators" group), not the
model's add/change/delete permissions: a permission policy maps every action to it, so
editors and participants never see the menu item or the pages. Only a draft can be deleted.
"""

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import Campaign
from ..selectors.campaigns import campaigns_with_counts
from ..services.campaigns import campaign_delete_allowed
from ..services.messages import messages_prefill
from . import campaign_views as views
from .campaign_forms import CampaignForm


class CampaignPermissionPolicy(ModelPermissionPolicy):
    """One permission for everything a campaign administrator does."""

    def _get_permission_codename(self, action):
        return "manage_campaigns"

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and not campaign_delete_allowed(instance):
            return False
        return self.user_has_permission(user, action)


register_permission_policy(Campaign, CampaignPermissionPolicy(Campaign))


class CampaignIndexView(generic.IndexView):
    def get_base_queryset(self):
        return campaigns_with_counts()

    def get_edit_url(self, instance):
        # The name leads to the campaign page, where state, audience and actions are.
        if self.user_has_permission("change"):
            return reverse("mapping_campaigns:detail", args=[instance.pk])


class CampaignCreateView(generic.CreateView):
    def save_instance(self):
        campaign = super().save_instance()
        messages_prefill(campaign=campaign)
        return campaign

    def get_success_url(self):
        return reverse("mapping_campaigns:detail", args=[self.object.pk])


class CampaignEditView(generic.EditView):
    def get_success_url(self):
        return reverse("mapping_campaigns:detail", args=[self.object.pk])


class CampaignDeleteView(generic.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not campaign_delete_allowed(self.object):
            messages.error(request, _("Only a draft campaign can be deleted; archive it instead."))
            return redirect("mapping_campaigns:detail", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class CampaignViewSet(ModelViewSet):
    model = Campaign
    name = "mapping_campaigns"
    url_prefix = "mapping/campaigns"
    icon = "form"
    menu_label = _("Campaigns")
    menu_order = 330
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = CampaignIndexView
    add_view_class = CampaignCreateView
    edit_view_class = CampaignEditView
    delete_view_class = CampaignDeleteView
    list_display = [
        "name",
        Column("state", label=_("state"), accessor="get_state_display"),
        Column("mode", label=_("mode"), accessor="get_mode_display"),
        "opens_at",
        "closes_at",
        Column("audience_size", label=_("invited")),
        Column("respondent_count", label=_("responded")),
    ]
    list_filter = ["state", "mode"]

    def get_form_class(self, for_update=False):
        return CampaignForm

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="mapping",
            codename__in=["manage_campaigns", "view_campaign_reports", "view_identified_responses"],
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/", views.CampaignDetailView.as_view(), name="detail"),
            path("<int:pk>/action/", views.CampaignActionView.as_view(), name="action"),
            path("<int:pk>/audience/", views.AudienceUploadView.as_view(), name="audience"),
            path("<int:pk>/audience/network/", views.NetworkAudienceView.as_view(), name="network_audience"),
            path("<int:pk>/texts/", views.MessagesView.as_view(), name="messages"),
        ]


@hooks.register("register_admin_viewset")
def register_campaigns():
    return CampaignViewSet()
