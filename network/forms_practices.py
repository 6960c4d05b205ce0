"""The public form for submitting a good practice. Every text is plain text: the service turns it
into paragraphs, escaped, so no submitted HTML ever reaches a page."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from heart_site.core.models import Theme

from .models import Organisation


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def _text(label, *, max_length, required=True, rows=6, help_text=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class PracticeSubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = _text(
        _("Summary"), max_length=600, rows=3, help_text=_("Two or three sentences: what you did and why.")
    )
    organisation = OrganisationChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Not in the list"),
        help_text=_("Choose it if it is in the partner directory; otherwise type its name below."),
    )
    organisation_name = forms.CharField(
        label=_("Name of your organisation, if it is not in the list"),
        max_length=95,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = _text(_("The method"), max_length=10000, help_text=_("How did you do it, step by step?"))
    what_worked = _text(_("What worked"), max_length=5000)
    lessons_learned = _text(_("What we would do differently"), max_length=5000, required=False)
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=100,
        help_text=_("Published with the practice, so others can ask about it."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Contact email"),
        max_length=254,
        help_text=_("Not published: moderators use it if they have questions."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        # Themes are offered in the page's language; the service links the source themes.
        self.fields["themes"].queryset = Theme.objects.in_locale_code(language)
        # Coordinators enter organisations in the default language: those rows are the ones to link.
        self.fields["organisation"].queryset = Organisation.objects.public().filter(
            locale__language_code=settings.LANGUAGE_CODE
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("organisation_name", "").strip():
            self.add_error("organisation", _("Choose your organisation, or type its name below."))
        return cleaned

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
