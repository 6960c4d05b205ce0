from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=200,
        strip=True,
        error_messages={
            "required": _("Type what you are looking for."),
            "max_length": _("Keep the search under %(limit_value)d characters."),
        },
    )
