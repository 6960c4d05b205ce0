"""Reads behind the coordinators' dashboard: the brief's goal of places reached, open
follow-ups and contacts due for review. Each costs a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Q, Value, When
from django.utils import timezone

from ..models import Contact, Interaction, NetworkSettings, Partnership, Place
from ..models.places import SWEDEN

REACHED = Partnership.Status.ESTABLISHED


@dataclass
class PlaceStatus:
    place: Place
    status: int  # the furthest any partnership at the place has come
    organisation_count: int

    @property
    def status_label(self):
        return Partnership.Status(self.status).label

    @property
    def reached(self):
        return self.status >= REACHED


@dataclass
class GoalProgress:
    goal: int
    in_sweden: int
    abroad: int
    reached: list[PlaceStatus] = field(default_factory=list)
    under_way: list[PlaceStatus] = field(default_factory=list)

    @property
    def total(self):
        return self.in_sweden + self.abroad

    @property
    def met(self):
        return self.total >= self.goal


def place_goal_progress(*, goal: int | None = None) -> GoalProgress:
    """Distinct places with a partnership at Established or beyond, however many organisations
    there are partners, split Sweden / rest of Europe, against the target set in the admin;
    with the places behind the number and those still under way."""
    if goal is None:
        goal = NetworkSettings.load().place_goal
    reached_places = Place.objects.filter(partnerships__status__gte=REACHED).values("pk")
    counts = Place.objects.filter(pk__in=reached_places).aggregate(
        in_sweden=Count("pk", filter=Q(country=SWEDEN)),
        abroad=Count("pk", filter=~Q(country=SWEDEN)),
    )
    rows = (
        Place.objects.filter(partnerships__isnull=False)
        .annotate(
            best_status=Max("partnerships__status"),
            organisation_count=Count("partnerships__organisation", distinct=True),
            abroad_first=Case(
                When(country=SWEDEN, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .order_by("-best_status", "abroad_first", "country", "name")
    )
    progress = GoalProgress(goal=goal, in_sweden=counts["in_sweden"], abroad=counts["abroad"])
    for place in rows:
        status = PlaceStatus(
            place=place, status=place.best_status, organisation_count=place.organisation_count
        )
        (progress.reached if status.reached else progress.under_way).append(status)
    return progress


@dataclass
class FollowUp:
    interaction: Interaction
    overdue: bool
    due_today: bool


@dataclass
class FollowUps:
    mine: list[FollowUp]
    others: list[FollowUp]
    total: int
    overdue: int

    @property
    def shown(self):
        return len(self.mine) + len(self.others)


def open_follow_ups(*, user, today: datetime.date | None = None, limit: int = 20) -> FollowUps:
    """Open follow-ups, the user's own first, each group by date; at most ``limit`` rows."""
    today = today or timezone.localdate()
    base = Interaction.objects.follow_ups_open()
    totals = base.aggregate(total=Count("pk"), overdue=Count("pk", filter=Q(follow_up_on__lt=today)))
    rows = (
        base.select_related("organisation", "follow_up_owner")
        .annotate(
            mine=Case(
                When(follow_up_owner=user, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("mine", "follow_up_on", "pk")[:limit]
    )
    mine, others = [], []
    for interaction in rows:
        item = FollowUp(
            interaction=interaction,
            overdue=interaction.follow_up_on < today,
            due_today=interaction.follow_up_on == today,
        )
        (mine if interaction.mine == 0 else others).append(item)
    return FollowUps(mine=mine, others=others, total=totals["total"], overdue=totals["overdue"])


def contacts_due_for_review(*, today: datetime.date | None = None):
    return Contact.objects.due_for_review(today=today)


def contacts_due_for_review_count(*, today: datetime.date | None = None) -> int:
    return contacts_due_for_review(today=today).count()


def with_review_flag(queryset, *, today: datetime.date | None = None):
    """Annotate ``due_for_review`` on each contact with the same rule as the review list, in the
    listing's one query."""
    due = contacts_due_for_review(today=today).filter(pk=OuterRef("pk"))
    return queryset.annotate(due_for_review=Exists(due))
