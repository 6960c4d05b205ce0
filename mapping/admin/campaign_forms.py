"""Forms of the campaign admin. The rules they show (what may change when) live in
``mapping.services``; a disabled field ignores whatever a tampered request posts for it."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import Breakdown, Campaign, CampaignMessage, CampaignState, QuestionnairePage
from ..services.campaigns import locked_fields
from ..services.messages import BODY_MAX, SUBJECT_MAX

ANONYMITY_HELP = _(
    "Anonymous campaigns are anonymous by construction: a response is stored without any link "
    "to its invitation, email address, user, IP address or exact time, with only the breakdown "
    "attributes chosen below. The invitation records only that its invitee has responded, so "
    "that reminders stop. In an identified campaign each response is linked to its invitation."
)
MAX_REMINDER_DAY = 365


class CampaignForm(WagtailAdminModelForm):
    breakdowns = forms.MultipleChoiceField(
        label=_("Breakdowns"),
        choices=Breakdown.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The only attributes kept with each response, so that reports can be broken down by "
            "them. Small groups are hidden in reports."
        ),
    )
    reminder_days = forms.CharField(
        label=_("Reminders (days before closing)"),
        required=False,
        max_length=100,
        help_text=_(
            "Whole days, separated by commas, such as “7, 2”. Reminders go only to invitees who "
            "have not responded, each once."
        ),
    )

    class Meta:
        model = Campaign
        fields = [
            "name",
            "questionnaire",
            "mode",
            "access",
            "breakdowns",
            "opens_at",
            "closes_at",
            "reminder_days",
        ]
        help_texts = {"mode": ANONYMITY_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questionnaire"].queryset = QuestionnairePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title")
        self.fields["mode"].help_text = ANONYMITY_HELP
        self.initial["reminder_days"] = ", ".join(str(day) for day in self.instance.reminder_days or [])
        for name in locked_fields(self.instance):
            field = self.fields[name]
            field.disabled = True
            field.help_text = _("Fixed: the campaign has opened.")

    def clean_reminder_days(self):
        value = self.cleaned_data.get("reminder_days") or ""
        days = set()
        for part in value.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit() or not 1 <= int(part) <= MAX_REMINDER_DAY:
                raise forms.ValidationError(
                    _("Write whole numbers of days from 1 to %(max)s, separated by commas.")
                    % {"max": MAX_REMINDER_DAY}
                )
            days.add(int(part))
        return sorted(days, reverse=True)

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The closing time must be after the opening time."))
        live = self.instance.state in (CampaignState.SCHEDULED, CampaignState.OPEN)
        if live and "closes_at" not in self.errors and closes_at and closes_at <= timezone.now():
            # A scheduled campaign would never open; to end an open one, use "Close now".
            self.add_error("closes_at", _("The closing time must be in the future."))
        return cleaned


class AudienceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, with commas or semicolons between the cells and the column names in the first row."
        ),
    )


class NetworkAudienceForm(forms.Form):
    organisation_types = forms.MultipleChoiceField(
        label=_("Organisation types"), required=False, widget=forms.CheckboxSelectMultiple
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"), required=False, widget=forms.CheckboxSelectMultiple
    )
    places = forms.MultipleChoiceField(
        label=_("Municipalities, cities and regions"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_types"].choices = choices["types"]
        self.fields["countries"].choices = choices["countries"]
        self.fields["places"].choices = choices["places"]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("organisation_types", "countries", "places")):
            raise forms.ValidationError(_("Choose at least one organisation type, country or place."))
        return cleaned


class MessagesForm(forms.Form):
    """A subject and a body per kind of text and site language."""

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        existing = {(m.kind, m.language): m for m in campaign.messages.all()}
        self.groups = []
        for kind, kind_label in CampaignMessage.Kind.choices:
            for language, language_name in settings.LANGUAGES:
                message = existing.get((kind, language))
                prefix = f"{kind}-{language}"
                self.fields[f"{prefix}-subject"] = forms.CharField(
                    label=_("Subject"), max_length=SUBJECT_MAX, initial=message.subject if message else ""
                )
                self.fields[f"{prefix}-body"] = forms.CharField(
                    label=_("Text"),
                    max_length=BODY_MAX,
                    widget=forms.Textarea(attrs={"rows": 8}),
                    initial=message.body if message else "",
                    help_text=_(
                        "Plain text. The personal link, the closing time and, in anonymous "
                        "campaigns, the promise of anonymity are added below it."
                    ),
                )
                self.groups.append(
                    {
                        "legend": f"{kind_label} – {language_name}",
                        "fields": [self[f"{prefix}-subject"], self[f"{prefix}-body"]],
                        "key": (kind, language),
                    }
                )

    def texts(self):
        return {
            group["key"]: (
                self.cleaned_data[f"{group['key'][0]}-{group['key'][1]}-subject"],
                self.cleaned_data[f"{group['key'][0]}-{group['key'][1]}-body"],
            )
            for group in self.groups
        }
