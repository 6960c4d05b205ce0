"""The events front end: the list (upcoming and past), an event with its registration form,
the iCalendar file and feed, the emailed confirmation and cancellation links, and "My events".
Thin: the rules are in ``network.services.events``.

Emailed links are read on GET and acted on only by the button the page shows (a POST), so mail
scanners that follow links never confirm or cancel anyone. Pages about one person's
registration are never stored by a cache and never pass their address on as a referrer.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from .. import tokens
from ..calendar import calendar_response
from ..conf import setting
from ..errors import Conflict, NetworkError, NotFound
from ..forms import AccountRegistrationForm, RegistrationForm
from ..models import Registration
from ..selectors import events as selectors
from ..services import events as services

# --- Shared --------------------------------------------------------------------------------


def personal(response):
    """One person's registrations: no shared cache may keep them."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def private_link(response):
    """A page reached by a link with a token: never stored, and the token never leaves as a
    referrer to other sites."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["Referrer-Policy"] = "no-referrer"
    return response


def problem(request, error: NetworkError, *, page=None, back_url=None):
    response = render(
        request,
        "network/registration_problem.html",
        {"message": error.message, "page": page, "back_url": back_url},
        status=error.status,
    )
    return personal(response)


def places_text(places, *, is_open: bool) -> str:
    if not is_open:
        return _("Registration closed")
    if places.unlimited:
        return _("Open for registration")
    if places.is_full:
        return _("Full – waiting list")
    return ngettext("%(count)s place left", "%(count)s places left", places.free) % {"count": places.free}


def _registration_open(source) -> bool:
    return source.live and source.registration_open and source.starts_at > timezone.now()


# --- The list and the feed -----------------------------------------------------------------


def event_list(request, index):
    past = request.GET.get("when") == "past"
    cards = selectors.event_cards(language_code=translation.get_language(), index=index, past=past)
    page_obj = Paginator(cards, setting("NETWORK_PAGE_SIZE")).get_page(request.GET.get("page"))
    for card in page_obj.object_list:
        card.places_text = places_text(card.places, is_open=card.registration_open)
    return index.render(
        request,
        context_overrides={
            "past": past,
            "cards": page_obj.object_list,
            "page_obj": page_obj,
            "filter_query": "when=past" if past else "",
        },
    )


def event_feed(request, index):
    language = translation.get_language()
    cards = selectors.event_cards(language_code=language, index=index)
    return calendar_response(
        [card.page for card in cards],
        name=index.title,
        language=language,
        filename="events.ics",
        request=request,
    )


def event_ics(request, event):
    return calendar_response(
        [event],
        name=event.title,
        language=event.locale.language_code,
        filename=f"{event.slug}.ics",
        request=request,
        download=True,
    )


# --- One event -------------------------------------------------------------------------------


def _render_event(request, event, *, form=None, status=200, limited=False):
    source = selectors.source_event(event)
    places = selectors.places_for(event, source=source)
    registration = selectors.registration_for(user=request.user, event=event, source=source)
    is_open = _registration_open(source)
    if form is None:
        form = AccountRegistrationForm() if request.user.is_authenticated else RegistrationForm()
    position = None
    if registration is not None and registration.status == Registration.Status.WAITLISTED:
        position = selectors.waitlist_position(registration)
    response = event.render(
        request,
        context_overrides={
            "places": places,
            "places_text": places_text(places, is_open=is_open),
            "registration_open": is_open,
            "registration": registration,
            "waitlist_position": position,
            "can_cancel": registration is not None and source.starts_at > timezone.now(),
            "form": form,
            "limited": limited,
            "my_registrations_url": reverse("network:my_registrations"),
        },
    )
    response.status_code = status
    if request.user.is_authenticated or status != 200:
        return personal(response)
    return response


def event_detail(request, event):
    return _render_event(request, event)


@require_http_methods(["GET", "POST"])
def event_register(request, event):
    if request.method == "GET":
        return redirect(event.url + "#registration")
    if request.user.is_authenticated:
        return _register_account(request, event)
    return _register_by_email(request, event)


def _register_by_email(request, event):
    if is_ratelimited(
        request,
        group="network-registration",
        key="ip",
        rate=setting("NETWORK_REGISTRATION_RATE"),
        method="POST",
        increment=True,
    ):
        return _render_event(request, event, form=RegistrationForm(request.POST), status=429, limited=True)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return _render_event(request, event, form=form, status=400)
    if not form.is_spam():
        try:
            services.registration_create(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation_name=form.cleaned_data["organisation_name"],
                needs=form.cleaned_data["needs"],
                language=event.locale.language_code,
            )
        except NotFound as error:
            return problem(request, error)
        except NetworkError as error:
            form.add_error(None, error.message)
            return _render_event(request, event, form=form, status=error.status)
    return personal(
        render(
            request,
            "network/registration_pending.html",
            {"page": event, "email": form.cleaned_data["email"]},
        )
    )


def _register_account(request, event):
    form = AccountRegistrationForm(request.POST)
    if not form.is_valid():
        return _render_event(request, event, form=form, status=400)
    try:
        registration = services.registration_for_account(
            event=event, user=request.user, needs=form.cleaned_data["needs"]
        )
    except Conflict as error:
        # A second click, or a second tab: the page shows the registration they already have.
        messages.info(request, error.message)
        return redirect(event.url + "#registration")
    except NetworkError as error:
        return problem(request, error, page=event, back_url=event.url)
    if registration.status == Registration.Status.PENDING:
        return personal(
            render(request, "network/registration_pending.html", {"page": event, "email": registration.email})
        )
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered. We have sent a confirmation to your email address."))
    else:
        messages.info(
            request, _("The event is full, so you are on the waiting list. We email you if a place frees up.")
        )
    return redirect(event.url + "#registration")


# --- Emailed links ---------------------------------------------------------------------------


def _read(action, token):
    max_age = None
    if action == tokens.CONFIRM:
        max_age = setting("NETWORK_CONFIRMATION_MAX_AGE_DAYS") * 24 * 3600
    return tokens.read_token(token, action, max_age=max_age)


@require_http_methods(["GET", "POST"])
def registration_link(request, page, action, token):
    try:
        registration = Registration.objects.filter(pk=_read(action, token)).select_related("event").first()
        if registration is None or registration.event.translation_key != page.translation_key:
            raise tokens.InvalidLink(_("We could not find this registration. It may have been removed."))
    except NetworkError as error:
        return private_link(problem(request, error, page=page, back_url=page.url))
    context = {"page": page, "action": action, "registration": registration}
    if request.method == "GET":
        return private_link(render(request, "network/registration_action.html", context))
    try:
        if action == tokens.CONFIRM:
            outcome = services.registration_confirm(token=token)
        else:
            outcome = services.registration_cancel(token=token)
    except NetworkError as error:
        return private_link(problem(request, error, page=page, back_url=page.url))
    context.update(registration=outcome.registration, changed=outcome.changed)
    if outcome.registration.status == Registration.Status.WAITLISTED:
        context["waitlist_position"] = selectors.waitlist_position(outcome.registration)
    return private_link(render(request, "network/registration_result.html", context))


# --- My events -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def my_registrations(request):
    if request.method == "POST":
        return _cancel_own(request)
    rows = selectors.user_registrations(user=request.user, language_code=translation.get_language())
    return personal(render(request, "network/my_registrations.html", {"rows": rows}))


def _cancel_own(request):
    back = reverse("network:my_registrations")
    try:
        registration_id = int(request.POST.get("registration", ""))
    except ValueError:
        return problem(request, NetworkError(_("Choose a registration to cancel.")), back_url=back)
    registration = Registration.objects.filter(pk=registration_id).select_related("event").first()
    try:
        if registration is None:
            raise NotFound(_("No such registration."))
        outcome = services.registration_cancel(registration=registration, user=request.user)
    except NetworkError as error:
        return problem(request, error, back_url=back)
    if outcome.changed:
        messages.success(
            request,
            _("Your registration for “%(title)s” is cancelled.")
            % {"title": selectors.event_in_language(registration.event, translation.get_language()).title},
        )
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(back)
