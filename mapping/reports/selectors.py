"""The figures of the reports, counted by the database.

Every function is a fixed number of GROUP BY queries, whatever the number of responses: the
answers are never loaded one by one. One query (``answer_counts``) gives every distribution,
the sums behind every mean and the number of free-text answers, with an optional breakdown as
one more grouping column, so the full report costs about what a bare GROUP BY of the answers
costs. Suppression is not applied here: ``tables.py`` does it on these counts.
"""

from django.db.models import Count, F, Q, Sum, Window
from django.db.models.functions import RowNumber

from ..models import Answer, Breakdown, Campaign, IdentifiedResponse, Invitation, Response

BREAKDOWNS = tuple(Breakdown.values)


def campaigns(campaign_ids):
    return list(Campaign.objects.filter(pk__in=campaign_ids).order_by("-opens_at", "pk"))


def _answers(campaign_ids):
    return Answer.objects.filter(response__campaign_id__in=campaign_ids)


def answer_counts(*, campaign_ids, breakdown=None):
    """One row per (question, item, aspect, option, not applicable[, breakdown value]):
    ``n`` answers, ``total`` the sum of their numbers (for means) and ``texts`` the number of
    non-empty free texts. A breakdown groups by the response's attribute as well (``group``)."""
    fields = ["question_key", "item_key", "aspect", "option_key", "not_applicable"]
    queryset = _answers(campaign_ids)
    if breakdown:
        if breakdown not in BREAKDOWNS:
            raise ValueError(breakdown)
        queryset = queryset.annotate(group=F(f"response__{breakdown}"))
        fields.append("group")
    return list(
        queryset.values(*fields)
        .annotate(n=Count("id"), total=Sum("number"), texts=Count("id", filter=~Q(text="")))
        .order_by()
    )


def respondents(*, campaign_ids, breakdown=None):
    """Responses in all (and per breakdown value): {group or None: count}."""
    queryset = Response.objects.filter(campaign_id__in=campaign_ids)
    if not breakdown:
        return {None: queryset.count()}
    rows = queryset.values(breakdown).annotate(n=Count("id")).order_by()
    return {row[breakdown]: row["n"] for row in rows}


def response_rates(*, campaign_ids):
    """Invited and responded per organisation, from the invitations (never from responses,
    which do not know their organisation)."""
    return list(
        Invitation.objects.filter(campaign_id__in=campaign_ids)
        .values("organisation")
        .annotate(invited=Count("id"), responded=Count("id", filter=Q(responded=True)))
        .order_by("organisation")
    )


def free_texts(*, campaign_ids, question_keys, limit):
    """At most ``limit`` free-text answers per question, in alphabetical order: neither the
    order nor the selection says who answered when. One query for all the questions."""
    if not question_keys:
        return {}
    ranked = (
        _answers(campaign_ids)
        .filter(question_key__in=question_keys)
        .exclude(text="")
        .annotate(rank=Window(RowNumber(), partition_by=[F("question_key")], order_by=[F("text").asc()]))
        .filter(rank__lte=limit)
        .values_list("question_key", "text")
    )
    texts = {}
    for key, text in ranked:
        texts.setdefault(key, []).append(text)
    for values in texts.values():
        values.sort()
    return texts


def identified_rows(*, campaign_id):
    """The raw answers of an identified campaign with the invitation they came from. Callers
    check the permission and the campaign's mode; anonymous campaigns have no such rows."""
    return (
        IdentifiedResponse.objects.filter(response__campaign_id=campaign_id)
        .values_list(
            "invitation__email",
            "invitation__organisation",
            "response__submitted_on",
            "response__answers__question_key",
            "response__answers__item_key",
            "response__answers__aspect",
            "response__answers__option_key",
            "response__answers__number",
            "response__answers__text",
            "response__answers__not_applicable",
        )
        .order_by("invitation__email", "response__answers__question_key", "response__answers__item_key")
    )
