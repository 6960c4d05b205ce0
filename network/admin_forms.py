"""Admin forms and listing filters of the coordinators' snippets: links go to an organisation's
source row, and choosers offer what makes sense (the organisation's own people, coordinators as
follow-up owners)."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import BooleanRadioSelect

from .models import Contact, Interaction, Organisation, Partnership, Place
from .selectors.network import contacts_due_for_review


def source_organisation(organisation):
    """Contacts, interactions and partnerships point at the source row; a coordinator who picked
    a translation in the chooser means the same organisation."""
    if organisation is None or organisation.locale.language_code == settings.LANGUAGE_CODE:
        return organisation
    source = Organisation.objects.filter(
        translation_key=organisation.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return source or organisation


class SourceOrganisationForm(WagtailAdminModelForm):
    def clean_organisation(self):
        return source_organisation(self.cleaned_data.get("organisation"))


def contact_label(contact):
    # The organisation is read in the same query as the people (select_related below).
    return f"{contact.full_name} ({contact.organisation.name})"


def coordinators(*, also=None):
    """Who may own a follow-up: active people who can change interactions (and ``also``, the
    current owner, whoever that is now)."""
    permissions = Permission.objects.filter(codename="change_interaction", content_type__app_label="network")
    User = get_user_model()
    allowed = User.objects.filter(
        Q(is_superuser=True) | Q(groups__permissions__in=permissions) | Q(user_permissions__in=permissions),
        is_active=True,
    ).values("pk")
    wanted = Q(pk__in=allowed)
    if also is not None:
        wanted |= Q(pk=also)
    return User.objects.filter(wanted).order_by("full_name", "email")


class InteractionForm(SourceOrganisationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        contacts = Contact.objects.select_related("organisation").order_by("organisation__name", "full_name")
        if self.instance.organisation_id:
            contacts = contacts.filter(organisation_id=self.instance.organisation_id)
        self.fields["contacts"].queryset = contacts
        self.fields["contacts"].label_from_instance = contact_label
        self.fields["follow_up_owner"].queryset = coordinators(also=self.instance.follow_up_owner_id)
        self.fields["follow_up_owner"].label_from_instance = lambda user: user.get_full_name()
        if not self.instance.pk and self.for_user is not None:
            self.fields["follow_up_owner"].initial = self.for_user.pk

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        contacts = cleaned.get("contacts")
        if organisation is not None and contacts:
            strangers = [c for c in contacts if c.organisation_id != organisation.pk]
            if strangers:
                self.add_error(
                    "contacts",
                    _("Choose people of %(organisation)s only: %(names)s work elsewhere.")
                    % {"organisation": organisation.name, "names": ", ".join(c.full_name for c in strangers)},
                )
        if cleaned.get("follow_up_on") is None and cleaned.get("follow_up_owner") is not None:
            self.add_error("follow_up_on", _("Give the date of the follow-up, or remove who does it."))
        return cleaned


# --- Listing filters -----------------------------------------------------------------------


def countries_in_use():
    """Only the countries the network has places in: a list of 250 would hide them."""
    from django_countries import countries

    codes = Place.objects.order_by().values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda choice: choice[1])


class CountryFilterMixin:
    country_field = "country"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["country"] = django_filters.ChoiceFilter(
            field_name=self.country_field,
            label=_("Country"),
            choices=countries_in_use(),
            empty_label=_("All"),
            widget=forms.RadioSelect,
        )


class OrganisationFilterSet(CountryFilterMixin, WagtailFilterSet):
    country_field = "place__country"

    class Meta:
        model = Organisation
        fields = ["kind", "is_programme_partner", "is_inclusive_employer", "is_public"]


class PlaceFilterSet(CountryFilterMixin, WagtailFilterSet):
    class Meta:
        model = Place
        fields = ["kind"]


class PartnershipFilterSet(CountryFilterMixin, WagtailFilterSet):
    country_field = "place__country"

    class Meta:
        model = Partnership
        fields = ["status"]


class ContactFilterSet(WagtailFilterSet):
    due_for_review = django_filters.BooleanFilter(
        label=_("Due for review"), method="filter_due_for_review", widget=BooleanRadioSelect
    )

    class Meta:
        model = Contact
        fields = ["lawful_basis", "opted_out"]

    def filter_due_for_review(self, queryset, name, value):
        if value is None:
            return queryset
        due = contacts_due_for_review().values("pk")
        return queryset.filter(pk__in=due) if value else queryset.exclude(pk__in=due)


class InteractionFilterSet(WagtailFilterSet):
    class Meta:
        model = Interaction
        fields = ["kind", "follow_up_done"]
