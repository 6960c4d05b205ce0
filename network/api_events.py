"""Events on /api/v3/network/: upcoming events with their free places, one event, and the
caller's own registrations (register, cancel, list). Thin: the rules are in
``network.services.events``. Writes need a session and its CSRF token; a registration that is
not the caller's does not exist for them (404)."""

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext
from ninja import Router, Schema, Status
from ninja.security import SessionAuth

from .errors import NotFound
from .models import EventPage, Registration
from .selectors import events as selectors
from .services import events as services

router = Router(tags=["network: events"])
session = SessionAuth()


class EventOut(Schema):
    id: int
    title: str
    url: str
    language: str
    languages: list[str]
    kind: str
    summary: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    venue: str
    address: str
    online: bool
    capacity: int | None  # None: no limit
    free_places: int | None  # None: no limit
    full: bool
    registration_open: bool
    ics_url: str


class EventDetailOut(EventOut):
    accessibility: str
    my_registration: "RegistrationOut | None"


class RegistrationIn(Schema):
    needs: str = ""


class RegistrationOut(Schema):
    id: int
    event_id: int
    event_title: str
    event_url: str
    starts_at: datetime.datetime
    status: str
    waitlist_position: int | None
    created_at: datetime.datetime
    can_cancel: bool


EventDetailOut.model_rebuild()


def _language(request, language=""):
    return language or translation.get_language_from_request(request, check_path=False)


def _event_out(request, page, *, places, languages, is_open):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request=request) or "",
        "language": page.locale.language_code,
        "languages": languages,
        "kind": page.kind,
        "summary": page.summary,
        "starts_at": page.starts_at,
        "ends_at": page.ends_at,
        "time_zone": page.time_zone,
        "venue": page.venue,
        "address": page.address,
        "online": bool(page.online_url),
        "capacity": places.capacity or None,
        "free_places": places.free,
        "full": places.is_full,
        "registration_open": is_open,
        "ics_url": (page.get_url(request=request) or "") + page.reverse_subpage("ics"),
    }


def _registration_out(request, registration, *, page=None, position=None):
    page = page or selectors.event_in_language(registration.event, registration.language)
    if registration.status == Registration.Status.WAITLISTED and position is None:
        position = selectors.waitlist_position(registration)
    return {
        "id": registration.pk,
        "event_id": page.pk,
        "event_title": page.title,
        "event_url": page.get_url(request=request) or "",
        "starts_at": page.starts_at,
        "status": registration.status,
        "waitlist_position": position,
        "created_at": registration.created_at,
        "can_cancel": registration.status != Registration.Status.CANCELLED
        and page.starts_at > timezone.now(),
    }


def _event(event_id) -> EventPage:
    event = EventPage.objects.filter(pk=event_id).select_related("locale").first()
    if event is None:
        raise NotFound(gettext("This event is not available."))
    services.ensure_available(event)
    return event


@router.get("/events", response=list[EventOut], auth=None, summary="Upcoming events, with free places")
def event_list(request, language: str = ""):
    cards = selectors.event_cards(language_code=_language(request, language))
    return [
        _event_out(
            request, card.page, places=card.places, languages=card.languages, is_open=card.registration_open
        )
        for card in cards
    ]


@router.get("/events/{event_id}", response=EventDetailOut, auth=None, summary="One event")
def event_detail(request, event_id: int):
    event = _event(event_id)
    source = selectors.source_event(event)
    places = selectors.places_for(event, source=source)
    languages = sorted(
        EventPage.objects.live()
        .filter(translation_key=event.translation_key)
        .values_list("locale__language_code", flat=True)
    )
    mine = selectors.registration_for(user=request.user, event=event, source=source)
    return {
        **_event_out(
            request,
            event,
            places=places,
            languages=languages,
            is_open=source.live and source.registration_open and source.starts_at > timezone.now(),
        ),
        "accessibility": event.accessibility,
        "my_registration": _registration_out(request, mine, page=event) if mine else None,
    }


@router.post(
    "/events/{event_id}/registrations",
    response={201: RegistrationOut},
    auth=session,
    summary="Register the caller (a place, or the waiting list when the event is full)",
)
def registration_create(request, event_id: int, payload: RegistrationIn | None = None):
    event = _event(event_id)
    registration = services.registration_for_account(
        event=event, user=request.user, needs=payload.needs if payload else ""
    )
    return Status(201, _registration_out(request, registration, page=event))


def _cancel(request, registration_id):
    registration = Registration.objects.filter(pk=registration_id).select_related("event").first()
    if registration is None:
        raise NotFound(gettext("No such registration."))
    outcome = services.registration_cancel(registration=registration, user=request.user)
    return _registration_out(request, outcome.registration)


@router.post(
    "/registrations/{registration_id}/cancel",
    response=RegistrationOut,
    auth=session,
    summary="Cancel one of the caller's registrations; a freed place goes to the waiting list",
)
def registration_cancel(request, registration_id: int):
    return _cancel(request, registration_id)


@router.delete(
    "/registrations/{registration_id}",
    response=RegistrationOut,
    auth=session,
    summary="Cancel one of the caller's registrations (same as POST …/cancel)",
)
def registration_delete(request, registration_id: int):
    return _cancel(request, registration_id)


@router.get(
    "/me/registrations", response=list[RegistrationOut], auth=session, summary="The caller's registrations"
)
def my_registrations(request, language: str = ""):
    rows = selectors.user_registrations(user=request.user, language_code=_language(request, language))
    return [
        _registration_out(request, row.registration, page=row.page, position=row.position) for row in rows
    ]
