from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    """Registration by email, for visitors who are not logged in; the service checks again."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name.")},
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send a link to this address; your registration counts once you follow it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    needs = forms.CharField(
        label=_("Access needs"),
        max_length=1000,
        required=False,
        help_text=_("For example interpretation, a hearing loop, step-free seating or dietary needs."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class AccountRegistrationForm(forms.Form):
    """Registration for someone logged in: the account gives name and address."""

    needs = forms.CharField(
        label=_("Access needs (optional)"),
        max_length=1000,
        required=False,
        help_text=_("For example interpretation, a hearing loop, step-free seating or dietary needs."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
