"""Forms of the SWOT board page. They check shape and length for a clear message next to the
field; the services check everything again (membership, closed boards, the item's board)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.swot import MAX_COMMENT_LENGTH, MAX_ITEM_LENGTH, Quadrant

TOO_LONG = _("Keep it to %(limit_value)d characters; this text has %(show_value)d.")


class ItemForm(forms.Form):
    quadrant = forms.ChoiceField(choices=Quadrant.choices)
    text = forms.CharField(
        max_length=MAX_ITEM_LENGTH,
        strip=True,
        error_messages={"required": _("Write the item before adding it."), "max_length": TOO_LONG},
    )


class CommentForm(forms.Form):
    item = forms.IntegerField()
    text = forms.CharField(
        max_length=MAX_COMMENT_LENGTH,
        strip=True,
        error_messages={"required": _("Write the comment before sending it."), "max_length": TOO_LONG},
    )


class VoteForm(forms.Form):
    item = forms.IntegerField()
    # The wanted state, not "toggle": a double click or a resent form does not undo the vote.
    vote = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")


class ItemActionForm(forms.Form):
    item = forms.IntegerField()
    hidden = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1", required=False, empty_value=True
    )


class MergeForm(forms.Form):
    item = forms.IntegerField()
    into = forms.IntegerField(error_messages={"required": _("Choose the item to merge it into.")})


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("Email addresses"),
        max_length=5000,
        help_text=_("One address per line. Each person gets a personal link that works once."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Give at least one email address.")},
    )
