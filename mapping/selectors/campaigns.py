"""Reads about campaigns for the admin: response rates and audience counts, aggregated in SQL.

The response rate comes from ``Invitation.responded`` only: in an anonymous campaign that flag
is all that is known about who answered, and no figure here touches a response row.
"""

from django.db.models import Case, Count, F, FloatField, Q, Value, When
from django.db.models.functions import Cast

from ..models import Campaign, Invitation


def response_rate_by_organisation(campaign) -> list[dict]:
    """One row per organisation (name and type as invited): invited, responded and the rate in
    per cent, computed by the database in one ``GROUP BY`` query."""
    return list(
        Invitation.objects.filter(campaign=campaign)
        .values("organisation", "organisation_type")
        .annotate(
            invited=Count("pk"),
            responded_count=Count("pk", filter=Q(responded=True)),
        )
        .annotate(
            # Unrounded (the template rounds): ROUND(double, n) does not exist on PostgreSQL.
            rate=Case(
                When(invited=0, then=Value(0.0)),
                default=Cast(F("responded_count"), FloatField()) * 100.0 / Cast(F("invited"), FloatField()),
                output_field=FloatField(),
            )
        )
        .order_by("organisation", "organisation_type")
    )


def response_rate_total(rows) -> dict:
    """The whole campaign's figures from the per-organisation rows (no further query)."""
    invited = sum(row["invited"] for row in rows)
    responded = sum(row["responded_count"] for row in rows)
    return {
        "invited": invited,
        "responded_count": responded,
        "rate": round(responded * 100.0 / invited, 1) if invited else 0.0,
    }


def audience_summary(campaign) -> dict:
    """Counts for the campaign page, in one query."""
    return Invitation.objects.filter(campaign=campaign).aggregate(
        total=Count("pk"),
        invited=Count("pk", filter=Q(invited_at__isnull=False)),
        responded=Count("pk", filter=Q(responded=True)),
    )


def campaigns_with_counts():
    """The listing's queryset: each campaign with its audience size and respondents."""
    return Campaign.objects.select_related("questionnaire").annotate(
        audience_size=Count("invitations"),
        respondent_count=Count("invitations", filter=Q(invitations__responded=True)),
    )
