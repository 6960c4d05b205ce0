"""Reads for events: which page registrations count against, free places, the listings in the
visitor's language and a person's registrations. Listings cost a fixed number of queries,
whatever the number of events, translations or registrations."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Locale

from heart_site.core.selectors import public

from ..models import EventIndexPage, EventPage, Registration

# --- The page registrations point at ----------------------------------------------------------


def source_event(event: EventPage) -> EventPage:
    """The event's page in the default language, which every registration points at so that
    all languages share one capacity. An event that exists only in another language is its own
    source (the oldest translation, so the choice never moves)."""
    default = Locale.get_default()
    if event.locale_id == default.pk:
        return event
    versions = EventPage.objects.filter(translation_key=event.translation_key)
    source = versions.filter(locale=default).first()
    return source or versions.order_by("pk").first()


def event_in_language(event: EventPage, language_code: str) -> EventPage:
    """The live translation of ``event`` in ``language_code``, else ``event`` itself: emails
    link to the page in the language the person registered in."""
    if event.locale.language_code == language_code:
        return event
    translated = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=language_code)
        .select_related("locale")
        .first()
    )
    return translated or event


# --- Places -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Places:
    capacity: int  # 0: no limit
    confirmed: int
    waitlisted: int

    @property
    def unlimited(self):
        return self.capacity == 0

    @property
    def free(self) -> int | None:
        """Places left; None when there is no limit."""
        return None if self.unlimited else max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return not self.unlimited and self.confirmed >= self.capacity


def _counts_by_key(keys) -> dict:
    rows = (
        Registration.objects.filter(event__translation_key__in=list(keys))
        .values("event__translation_key")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        )
    )
    return {row["event__translation_key"]: (row["confirmed"], row["waitlisted"]) for row in rows}


def places_for(event: EventPage, *, source: EventPage | None = None) -> Places:
    source = source or source_event(event)
    counts = Registration.objects.filter(event=source).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    return Places(capacity=source.capacity, confirmed=counts["confirmed"], waitlisted=counts["waitlisted"])


def waitlist_position(registration: Registration) -> int:
    """1 for the first on the waiting list."""
    ahead = (
        Registration.objects.filter(event_id=registration.event_id, status=Registration.Status.WAITLISTED)
        .filter(
            Q(waitlisted_at__lt=registration.waitlisted_at)
            | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


# --- When ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventTimes:
    """The start and end in the event's own time zone, which the page names."""

    starts: datetime.datetime
    ends: datetime.datetime
    zone: str

    @property
    def same_day(self):
        return self.starts.date() == self.ends.date()

    @property
    def zone_abbreviation(self):
        return self.starts.tzname() or ""


def event_times(event: EventPage) -> EventTimes:
    tz = event.tz
    return EventTimes(
        starts=timezone.localtime(event.starts_at, tz),
        ends=timezone.localtime(event.ends_at, tz),
        zone=event.time_zone,
    )


# --- Listings ---------------------------------------------------------------------------------


@dataclass
class EventCard:
    page: EventPage
    places: Places
    languages: list[str]
    source_id: int

    @property
    def times(self):
        return event_times(self.page)

    @property
    def registration_open(self):
        return self.page.registration_open and self.page.starts_at > timezone.now()


def _under_q(indexes):
    q = Q()
    for index in indexes:
        q |= Q(path__startswith=index.path, depth=index.depth + 1)
    return q


def event_cards(*, language_code, index=None, past=False, now=None) -> list[EventCard]:
    """Every live public event once, in ``language_code`` where it is translated, else in the
    default language, else in any language it is live in. Upcoming events (not yet ended)
    soonest first; ``past`` ones most recent first. ``index`` limits them to the events under
    that list page or its translations."""
    now = now or timezone.now()
    events = public(EventPage.objects.live()).select_related("locale")
    if index is not None:
        indexes = EventIndexPage.objects.filter(translation_key=index.translation_key).only("path", "depth")
        events = events.filter(_under_q(indexes))
    events = events.filter(ends_at__lte=now) if past else events.filter(ends_at__gt=now)
    default_code = Locale.get_default().language_code
    rank = {language_code: 0, default_code: 1}
    chosen, sources, languages = {}, {}, defaultdict(set)
    for page in events:
        key = page.translation_key
        code = page.locale.language_code
        languages[key].add(code)
        if code == default_code:
            sources[key] = page
        current = chosen.get(key)
        if current is None or rank.get(code, 2) < rank.get(current.locale.language_code, 2):
            chosen[key] = page
    counts = _counts_by_key(chosen.keys()) if chosen else {}
    cards = []
    for key, page in chosen.items():
        source = sources.get(key, page)
        confirmed, waitlisted = counts.get(key, (0, 0))
        cards.append(
            EventCard(
                page=page,
                places=Places(capacity=source.capacity, confirmed=confirmed, waitlisted=waitlisted),
                languages=sorted(languages[key]),
                source_id=source.pk,
            )
        )
    cards.sort(key=lambda c: (c.page.starts_at, c.page.pk), reverse=past)
    return cards


# --- One person's registrations ------------------------------------------------------------


def verified_emails(user) -> list[str]:
    from allauth.account.models import EmailAddress

    return [
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    ]


def owned_q(user, emails=None) -> Q:
    """A person's registrations: those made while logged in, and those made by email with an
    address their account has verified."""
    emails = verified_emails(user) if emails is None else emails
    q = Q(user=user)
    if emails:
        q |= Q(user__isnull=True, email__in=emails)
    return q


def owned_by(user):
    if user is None or not user.is_authenticated:
        return Registration.objects.none()
    return Registration.objects.filter(owned_q(user))


def registration_for(*, user, event: EventPage, source: EventPage | None = None) -> Registration | None:
    """The person's live (not cancelled) registration for the event, in any language."""
    if user is None or not user.is_authenticated:
        return None
    source = source or source_event(event)
    return (
        owned_by(user)
        .filter(event=source)
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("-created_at")
        .first()
    )


@dataclass
class RegistrationRow:
    registration: Registration
    page: EventPage  # in the person's language where it is live
    position: int | None = None  # on the waiting list

    @property
    def times(self):
        return event_times(self.page)

    @property
    def upcoming(self):
        return self.page.starts_at > timezone.now()

    @property
    def can_cancel(self):
        return self.upcoming and self.registration.status != Registration.Status.CANCELLED


def user_registrations(*, user, language_code) -> list[RegistrationRow]:
    """The person's registrations, upcoming events first (soonest first), then past ones."""
    registrations = list(owned_by(user).select_related("event", "event__locale"))
    keys = {r.event.translation_key for r in registrations}
    localized = {}
    if keys:
        for page in (
            EventPage.objects.live()
            .filter(translation_key__in=keys, locale__language_code=language_code)
            .select_related("locale")
        ):
            localized[page.translation_key] = page
    rows = [RegistrationRow(r, localized.get(r.event.translation_key, r.event)) for r in registrations]
    waiting = {r.event_id for r in registrations if r.status == Registration.Status.WAITLISTED}
    if waiting:
        queues = defaultdict(list)
        for pk, event_id in (
            Registration.objects.filter(event_id__in=waiting).waitlisted().values_list("pk", "event_id")
        ):
            queues[event_id].append(pk)
        for row in rows:
            if row.registration.status == Registration.Status.WAITLISTED:
                row.position = queues[row.registration.event_id].index(row.registration.pk) + 1
    now = timezone.now()
    upcoming = sorted((r for r in rows if r.page.ends_at > now), key=lambda r: r.page.starts_at)
    past = sorted((r for r in rows if r.page.ends_at <= now), key=lambda r: r.page.starts_at, reverse=True)
    return upcoming + past


# --- For coordinators ----------------------------------------------------------------------

STATUS_ORDER = [
    Registration.Status.CONFIRMED,
    Registration.Status.WAITLISTED,
    Registration.Status.PENDING,
    Registration.Status.CANCELLED,
]


def attendees(event: EventPage) -> list[Registration]:
    """Everyone who registered for the event (any language), confirmed first, the waiting list
    in its order, then unconfirmed and cancelled registrations."""
    source = source_event(event)
    rows = list(Registration.objects.filter(event=source).order_by("created_at", "pk"))
    order = {status: position for position, status in enumerate(STATUS_ORDER)}

    def sort_key(r):
        when = r.waitlisted_at if r.status == Registration.Status.WAITLISTED else r.created_at
        return (order[r.status], when or r.created_at, r.pk)

    return sorted(rows, key=sort_key)
