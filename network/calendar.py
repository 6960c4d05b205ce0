"""iCalendar (RFC 5545) for events, written with the ``icalendar`` library: one file per event
and a feed of upcoming events. Times carry the event's own time zone (TZID, with its VTIMEZONE),
and the UID is the event's translation key, so the Swedish and English files describe one
event and a calendar that imported one updates it rather than adding a second."""

import datetime
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from .models import EventPage


def event_uid(event: EventPage) -> str:
    host = urlparse(settings.WAGTAILADMIN_BASE_URL).hostname or "heart"
    return f"event-{event.translation_key}@{host}"


def _location(event: EventPage) -> str:
    parts = [part for part in (event.venue, event.address) if part]
    if not parts and event.online_url:
        parts = [_("Online")]
    return ", ".join(parts)


def _description(event: EventPage, url: str) -> str:
    parts = [event.summary]
    if event.accessibility:
        parts.append(f"{_('Accessibility')}: {event.accessibility}")
    if url:
        parts.append(url)
    return "\n\n".join(part for part in parts if part)


def event_component(event: EventPage, *, request=None) -> icalendar.Event:
    tz = event.tz
    url = event.get_full_url(request=request) or ""
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", timezone.localtime(event.starts_at, tz))
    component.add("dtend", timezone.localtime(event.ends_at, tz))
    component.add("summary", event.title)
    location = _location(event)
    if location:
        component.add("location", location)
    component.add("description", _description(event, url))
    if url:
        component.add("url", url)
    return component


def calendar_bytes(events, *, name: str, language: str, request=None) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//HEART//Events//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    events = list(events)
    for event in events:
        calendar.add_component(event_component(event, request=request))
    if events:
        # Only the rules of the years the events fall in, not every transition since 1970.
        first = min(e.starts_at for e in events).date() - datetime.timedelta(days=366)
        last = max(e.ends_at for e in events).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def calendar_response(events, *, name: str, language: str, filename: str, request=None, download=False):
    response = HttpResponse(
        calendar_bytes(events, name=name, language=language, request=request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(as_attachment=download, filename=filename)
    return response
