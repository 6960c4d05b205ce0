from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from heart_site.core.models import Theme

from .models import Subscription


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class PreferencesForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        widget=forms.RadioSelect,
        initial="weekly",
    )
    language = forms.ChoiceField(
        label=_("Language of the email"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to get everything."),
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        # Themes are offered in the page's language; the service maps them to the source.
        self.fields["themes"].queryset = Theme.objects.in_locale_code(language)
        self.fields["language"].initial = language


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    field_order = ["email", "frequency", "language", "themes", "website"]

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
