"""Registrations for events: register, confirm by email, cancel, the waiting list, attendance and
the day-before reminders.

Every registration points at the event's source-language page, so the Swedish and the English
page share one capacity. Every change that can take or free a place locks that page's row
first (always the event before any registration, so two services never wait on each other in
opposite order) and counts the confirmed registrations under the lock: concurrent
registrations and cancellations can never put an event over capacity, and the waiting list
is promoted strictly in order. Emails are queued in the outbox in the same transaction.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heart_site.core.page_cache import invalidate_page_cache
from heart_site.notifications.services.reminders import reminder_queue

from .. import tokens
from ..conf import setting
from ..errors import Conflict, NetworkError, NotFound
from ..models import EventPage, Registration
from ..selectors.events import event_in_language, owned_q, source_event, verified_emails, waitlist_position

Status = Registration.Status


@dataclass(frozen=True)
class Outcome:
    registration: Registration
    changed: bool
    promoted: tuple = ()


# --- Checks -----------------------------------------------------------------------------------


def normalize_email(email: str) -> str:
    return BaseUserManager.normalize_email((email or "").strip()).lower()


def ensure_available(event: EventPage) -> None:
    """Unpublished or restricted events do not exist as far as visitors are concerned."""
    if not event.live or event.get_view_restrictions().exists():
        raise NotFound(_("This event is not available."))


def _ensure_open(source: EventPage, *, now) -> None:
    if not source.live:
        raise NotFound(_("This event is not available."))
    if source.starts_at <= now:
        raise NetworkError(_("This event has already started, so registration is closed."))
    if not source.registration_open:
        raise NetworkError(_("Registration for this event is closed."))


def _clean(*, name, email, organisation_name, needs, language):
    name, organisation_name, needs = (name or "").strip(), (organisation_name or "").strip(), needs or ""
    email = normalize_email(email)
    if not name:
        raise NetworkError(_("Enter your name."))
    if len(name) > 200 or len(organisation_name) > 200:
        raise NetworkError(_("Names and organisations can be at most 200 characters."))
    if len(needs) > 1000:
        raise NetworkError(_("Describe your access needs in at most 1000 characters."))
    try:
        validate_email(email)
    except ValidationError as error:
        raise NetworkError(_("Enter an email address like name@example.org.")) from error
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return {
        "name": name,
        "email": email,
        "organisation_name": organisation_name,
        "needs": needs.strip(),
        "language": language,
    }


def _lock_event(event_id) -> EventPage:
    """The event's row, locked until the transaction ends (only the event table's row, so
    editors can still work on the page tree meanwhile)."""
    event = (
        EventPage.objects.select_for_update(of=("self",)).select_related("locale").filter(pk=event_id).first()
    )
    if event is None:
        raise NotFound(_("This event is not available."))
    return event


def _already_registered(existing: Registration):
    messages = {
        Status.PENDING: _(
            "This address is already registered and waiting for confirmation. Follow the link in the "
            "email we sent to confirm."
        ),
        Status.CONFIRMED: _("This address already has a place at this event."),
        Status.WAITLISTED: _("This address is already on the waiting list for this event."),
    }
    return Conflict(messages[existing.status])


def _confirmation_expired(registration: Registration, *, now) -> bool:
    max_age = datetime.timedelta(days=setting("NETWORK_CONFIRMATION_MAX_AGE_DAYS"))
    return registration.status == Status.PENDING and registration.created_at < now - max_age


# --- Emails -----------------------------------------------------------------------------------


def _absolute(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def registration_link(registration: Registration, purpose: str, *, page: EventPage | None = None) -> str:
    """The full address of a confirmation or cancellation link, on the event's page in the
    language the person registered in."""
    page = page or event_in_language(registration.event, registration.language)
    token = tokens.make_token(registration, purpose)
    base = _absolute(page.get_full_url() or page.url or "/")
    if not base.endswith("/"):
        base += "/"
    return base + page.reverse_subpage("registration_link", kwargs={"action": purpose, "token": token})


def _email_context(registration: Registration, *, event: EventPage, with_online_link=False):
    page = event_in_language(event, registration.language)
    context = {
        "name": registration.name,
        "event_title": page.title,
        "event_url": _absolute(page.get_full_url() or page.url or "/"),
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "time_zone": event.time_zone,
        "venue": page.venue,
        "address": page.address,
        "online_url": event.online_url if with_online_link else "",
        "is_online": bool(event.online_url),
        "status": registration.status,
    }
    if registration.status in (Status.CONFIRMED, Status.WAITLISTED):
        context["cancel_url"] = registration_link(registration, tokens.CANCEL, page=page)
    return context


# Only people with a place get the online link; it is not public.
_WITH_ONLINE_LINK = {"confirmed", "promoted"}


def _queue(registration: Registration, *, what: str, event: EventPage, **extra):
    context = {
        **_email_context(registration, event=event, with_online_link=what in _WITH_ONLINE_LINK),
        **extra,
    }
    reminder_queue(
        dedupe_key=f"network:registration:{registration.pk}:{what}",
        to=registration.email,
        language=registration.language,
        template=f"network/email/registration_{what}",
        context=context,
        kind=f"network_registration_{what}",
    )


def _places_changed():
    # Free places show on the event list and pages; the anonymous page cache must not keep
    # an old count (registrations are rare next to page views, so retiring it is cheap).
    transaction.on_commit(invalidate_page_cache)


# --- Placing and promoting (callers hold the event's lock) -----------------------------------


def _confirmed_count(event: EventPage) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def _fill_places(event: EventPage, *, now) -> list[Registration]:
    """Give free places to the waiting list, first come first served. Nothing moves once the
    event has started."""
    if event.starts_at <= now:
        return []
    waiting = Registration.objects.filter(event=event).waitlisted()
    if event.capacity:
        free = event.capacity - _confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        _queue(registration, what="promoted", event=event)
    if promoted:
        _places_changed()
    return promoted


def _place(registration: Registration, event: EventPage, *, now) -> tuple:
    """Confirm the registration if a place is free, else put it on the waiting list; email the
    outcome. Anyone already waiting is placed first, so the list keeps its order even after
    an editor raises the capacity."""
    promoted = _fill_places(event, now=now)
    if not event.capacity or _confirmed_count(event) < event.capacity:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        _places_changed()
    else:
        registration.status = Status.WAITLISTED
        registration.waitlisted_at = now
    registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
    if registration.status == Status.CONFIRMED:
        _queue(registration, what="confirmed", event=event)
    else:
        _queue(registration, what="waitlisted", event=event, position=waitlist_position(registration))
    return tuple(promoted)


# --- Register, confirm, cancel ---------------------------------------------------------------


def registration_create(
    *,
    event: EventPage,
    user=None,
    name: str,
    email: str,
    organisation_name: str = "",
    language: str,
    needs="",
) -> Registration:
    """Register for ``event`` (any of its languages). Someone logged in with a verified address
    is placed at once (a place or the waiting list); anyone else gets an email with a link to
    confirm, and is placed when they follow it. One live registration per address and event."""
    data = _clean(name=name, email=email, organisation_name=organisation_name, needs=needs, language=language)
    ensure_available(event)
    if user is not None and not user.is_authenticated:
        user = None
    verified = user is not None and data["email"] in verified_emails(user)
    with transaction.atomic():
        source = _lock_event(source_event(event).pk)
        # Read after the lock, so waiting-list times follow the order people were placed in.
        now = timezone.now()
        _ensure_open(source, now=now)
        same_person = Q(email=data["email"]) | Q(user=user) if user is not None else Q(email=data["email"])
        existing = (
            Registration.objects.filter(event=source).exclude(status=Status.CANCELLED).filter(same_person)
        )
        for previous in existing:
            if not _confirmation_expired(previous, now=now):
                raise _already_registered(previous)
            # Its link has expired; the new registration replaces it.
            Registration.objects.filter(pk=previous.pk).update(status=Status.CANCELLED, cancelled_at=now)
        registration = Registration(event=source, user=user, **data)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:
            # Only without row locks (SQLite): a double submit that got past the check above.
            raise Conflict(_("This address is already registered for this event.")) from error
        if verified:
            _place(registration, source, now=now)
        else:
            _queue(
                registration,
                what="confirm_request",
                event=source,
                confirm_url=registration_link(registration, tokens.CONFIRM),
                max_age_days=setting("NETWORK_CONFIRMATION_MAX_AGE_DAYS"),
            )
    return registration


def _load(registration_id, *, missing) -> Registration:
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None:
        raise missing
    return registration


def registration_for_account(*, event: EventPage, user, needs="") -> Registration:
    """Register a logged-in person with what their account says: name, address and
    organisation; the event's language for the emails."""
    return registration_create(
        event=event,
        user=user,
        name=user.get_full_name() or user.get_username(),
        email=user.email,
        organisation_name=getattr(user, "organisation_name", ""),
        needs=needs,
        language=event.locale.language_code,
    )


def registration_confirm(*, token: str) -> Outcome:
    """Follow the emailed confirmation link. Using it again changes nothing."""
    registration_id = tokens.read_token(
        token, tokens.CONFIRM, max_age=datetime.timedelta(days=setting("NETWORK_CONFIRMATION_MAX_AGE_DAYS"))
    )
    gone = tokens.InvalidLink(_("We could not find this registration. It may have been removed."))
    registration = _load(registration_id, missing=gone)
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        now = timezone.now()
        registration = Registration.objects.select_for_update().filter(pk=registration_id).first()
        if registration is None:
            raise gone
        if registration.status == Status.CANCELLED:
            raise Conflict(_("This registration was cancelled. Register again if you want a place."))
        if registration.status != Status.PENDING:
            return Outcome(registration, changed=False)
        _ensure_open(event, now=now)
        promoted = _place(registration, event, now=now)
    return Outcome(registration, changed=True, promoted=promoted)


def registration_cancel(*, registration: Registration | None = None, token: str = "", user=None) -> Outcome:
    """Cancel a registration: the person's own (``user``), or the one an emailed cancellation
    link names. A place it held goes to the first on the waiting list. Cancelling again changes
    nothing."""
    if (registration is None) == (not token):
        raise TypeError("Pass either a registration or a token.")
    if token:
        registration_id = tokens.read_token(token, tokens.CANCEL)
        missing = tokens.InvalidLink(_("We could not find this registration. It may have been removed."))
    else:
        if user is None or not user.is_authenticated:
            raise NotFound(_("No such registration."))
        registration_id = registration.pk
        missing = NotFound(_("No such registration."))
        if not Registration.objects.filter(owned_q(user), pk=registration_id).exists():
            raise missing
    registration = _load(registration_id, missing=missing)
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        now = timezone.now()
        registration = Registration.objects.select_for_update().filter(pk=registration_id).first()
        if registration is None:
            raise missing
        if registration.status == Status.CANCELLED:
            return Outcome(registration, changed=False)
        if event.starts_at <= now:
            raise NetworkError(
                _("This event has already started, so the registration can no longer be cancelled.")
            )
        previous = registration.status
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        # An unconfirmed address may not be the registrant's: nothing is sent to it.
        if previous != Status.PENDING:
            _queue(registration, what="cancelled", event=event)
        promoted = ()
        if previous == Status.CONFIRMED:
            _places_changed()
            promoted = tuple(_fill_places(event, now=now))
    return Outcome(registration, changed=True, promoted=promoted)


def event_fill_places(*, event: EventPage) -> list[Registration]:
    """Promote the waiting list into places an editor added by raising the capacity."""
    with transaction.atomic():
        source = _lock_event(source_event(event).pk)
        return _fill_places(source, now=timezone.now())


# --- Attendance ------------------------------------------------------------------------------


def registration_attendance_set(*, event: EventPage, attended: dict) -> int:
    """Record who came: ``attended`` maps registration ids to True, False or None (not known).
    Only confirmed registrations of this event are touched. Returns how many changed."""
    source = source_event(event)
    changed = 0
    with transaction.atomic():
        rows = Registration.objects.select_for_update().filter(
            event=source, status=Status.CONFIRMED, pk__in=list(attended)
        )
        for registration in rows:
            value = attended[registration.pk]
            if registration.attended != value:
                registration.attended = value
                registration.save(update_fields=["attended"])
                changed += 1
    return changed


# --- Reminders -------------------------------------------------------------------------------


def event_reminders_queue(*, now=None) -> int:
    """Queue one reminder per confirmed registration of each live event starting within
    NETWORK_EVENT_REMINDER_HOURS. The conditional update of ``reminder_queued_at`` and the
    outbox's dedupe key (registration and start time) make it once only, even when two beats
    run it together; an event moved to a later day is reminded again for its new date."""
    now = now or timezone.now()
    window = datetime.timedelta(hours=setting("NETWORK_EVENT_REMINDER_HOURS"))
    not_reminded = Q(reminder_queued_at__isnull=True) | Q(
        reminder_queued_at__lt=F("event__starts_at") - window
    )
    due = (
        Registration.objects.filter(
            not_reminded,
            status=Status.CONFIRMED,
            event__live=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + window,
        )
        .select_related("event", "event__locale")
        .order_by("pk")
    )
    queued = 0
    for registration in due:
        event = registration.event
        with transaction.atomic():
            claimed = (
                Registration.objects.filter(pk=registration.pk, status=Status.CONFIRMED)
                .filter(not_reminded)
                .update(reminder_queued_at=now)
            )
            if not claimed:
                continue
            _message, created = reminder_queue(
                dedupe_key=f"network:event-reminder:{registration.pk}:{event.starts_at.isoformat()}",
                to=registration.email,
                language=registration.language,
                template="network/email/registration_reminder",
                context=_email_context(registration, event=event, with_online_link=True),
                kind="network_event_reminder",
            )
            queued += int(created)
    return queued
