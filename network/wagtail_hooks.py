"""The network in the Wagtail admin: the coordinators' snippets under one "Network" menu, their
dashboard panels, the import and attendee views. Seen only with the network model permissions
(the "Network coordinators" group); editors and participants never see contacts or notes."""

from django.urls import include, path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, LocaleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_forms
from .admin_views import dashboard, events, imports
from .models import Contact, EventPage, Interaction, Organisation, Partnership, Place
from .selectors.network import with_review_flag
from .services.follow_ups import interaction_recorded


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = [
        "name",
        Column("kind", label=_("type"), accessor="get_kind_display"),
        "place",
        BooleanColumn("is_programme_partner", label=_("programme partner")),
        BooleanColumn("is_inclusive_employer", label=_("inclusive employer")),
        BooleanColumn("is_public", label=_("in the directory")),
        LocaleColumn(label=_("language")),
    ]
    filterset_class = admin_forms.OrganisationFilterSet
    # No search_fields: the model's search index is used, and naming fields breaks search on
    # Wagtail's SQLite backend ("no such column").
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("sector")]),
            FieldPanel("place"),
            FieldPanel("website"),
            MultiFieldPanel(
                [
                    FieldPanel("is_programme_partner"),
                    FieldPanel("is_inclusive_employer"),
                    FieldPanel("is_public"),
                ],
                heading=_("Flags"),
            ),
            FieldPanel("public_description"),
            MultiFieldPanel(
                [
                    FieldPanel("step_free_entrance"),
                    FieldPanel("accessible_toilet"),
                    FieldPanel("hearing_loop"),
                    FieldPanel("quiet_room"),
                    FieldPanel("clear_signage"),
                    FieldPanel("accessible_parking"),
                    FieldPanel("lift"),
                    FieldPanel("accessibility_notes"),
                ],
                heading=_("Accessibility of the premises"),
            ),
            FieldPanel("internal_notes"),
        ]
    )

    def get_queryset(self, request):
        return Organisation.objects.select_related("place", "locale")


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "globe"
    menu_label = _("Places")
    list_display = ["name", Column("kind", label=_("kind"), accessor="get_kind_display"), "country"]
    filterset_class = admin_forms.PlaceFilterSet
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Coordinates")),
        ]
    )


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "user"
    menu_label = _("Contacts")
    list_display = [
        "full_name",
        "organisation",
        "role",
        "email",
        Column("lawful_basis", label=_("lawful basis"), accessor="get_lawful_basis_display"),
        BooleanColumn("due_for_review", label=_("due for review")),
    ]
    filterset_class = admin_forms.ContactFilterSet
    search_fields = ["full_name", "email", "role"]
    edit_handler = ObjectList(
        [
            FieldPanel("full_name"),
            FieldPanel("organisation"),
            FieldPanel("role"),
            FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            FieldPanel("preferred_language"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("lawful_basis"), FieldPanel("consent_date")]),
                    FieldPanel("opted_out"),
                ],
                heading=_("Personal data"),
            ),
            FieldPanel("last_contacted_on"),
        ],
        base_form_class=admin_forms.SourceOrganisationForm,
    )

    def get_queryset(self, request):
        return with_review_flag(Contact.objects.select_related("organisation"))


class InteractionViewSet(SnippetViewSet):
    model = Interaction
    icon = "comment"
    menu_label = _("Interactions")
    list_display = [
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "date",
        "organisation",
        "follow_up_on",
        "follow_up_owner",
        BooleanColumn("follow_up_done", label=_("follow-up done")),
    ]
    filterset_class = admin_forms.InteractionFilterSet
    search_fields = ["summary", "organisation__name"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
            FieldPanel("organisation"),
            FieldPanel("contacts"),
            FieldPanel("summary"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("follow_up_on"), FieldPanel("follow_up_owner")]),
                    FieldPanel("follow_up_done"),
                ],
                heading=_("Follow-up"),
            ),
        ],
        base_form_class=admin_forms.InteractionForm,
    )

    def get_queryset(self, request):
        return Interaction.objects.select_related("organisation", "follow_up_owner")


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "link"
    menu_label = _("Partnerships")
    list_display = [
        "place",
        "organisation",
        Column("status", label=_("status"), accessor="get_status_display"),
        "updated_at",
    ]
    filterset_class = admin_forms.PartnershipFilterSet
    edit_handler = ObjectList(
        [FieldPanel("place"), FieldPanel("organisation"), FieldPanel("status"), FieldPanel("note")],
        base_form_class=admin_forms.SourceOrganisationForm,
    )

    def get_queryset(self, request):
        return Partnership.objects.select_related("place", "organisation")


class NetworkGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PlaceViewSet, ContactViewSet, InteractionViewSet, PartnershipViewSet)
    menu_icon = "globe"
    menu_label = _("Network")
    menu_name = "network"
    menu_order = 320
    submenu_hook = "register_network_menu_item"


register_snippet(NetworkGroup)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_network_menu_item")
def import_organisations_menu_item():
    return PermissionMenuItem(
        _("Import organisations (CSV)"),
        reverse_lazy("network_import_organisations"),
        icon_name="upload",
        order=900,
        permission="network.add_organisation",
    )


@hooks.register("register_network_menu_item")
def import_contacts_menu_item():
    return PermissionMenuItem(
        _("Import contacts (CSV)"),
        reverse_lazy("network_import_contacts"),
        icon_name="upload",
        order=901,
        permission="network.add_contact",
    )


@hooks.register("register_admin_urls")
def register_network_admin_urls():
    return [
        path("network/import/", include(imports.urlpatterns)),
        path("network/events/", include(events.urlpatterns)),
    ]


@hooks.register("register_page_header_buttons")
def attendees_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and user.has_perm("network.manage_registrations"):
        yield Button(
            _("Attendees"),
            url=reverse("network_event_attendees", args=[page.pk]),
            icon_name="group",
            priority=70,
        )


@hooks.register("construct_homepage_panels")
def network_dashboard_panels(request, panels):
    panels.extend(dashboard.panels_for(request.user))


@hooks.register("after_create_snippet")
def interaction_created(request, instance):
    if isinstance(instance, Interaction):
        interaction_recorded(interaction=instance, user=request.user, created=True)


@hooks.register("after_edit_snippet")
def interaction_edited(request, instance):
    if isinstance(instance, Interaction):
        interaction_recorded(interaction=instance, user=request.user)
