"""Subscribe, confirm, preferences and unsubscribe: thin views over the subscription services.

Links in emails carry a signed token and work without logging in. Pages that act on them
ask for a POST (mail scanners follow GET links), are never cached, and answer a forged,
expired or replayed link with a clear message and a 4xx.
"""

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from .forms import PreferencesForm, SubscribeForm
from .services import subscriptions as services
from .services.errors import NotificationError
from .tokens import MANAGE, read_token


def _problem(request, error: NotificationError, status=400):
    return render(request, "notifications/pages/problem.html", {"problem": error.message}, status=status)


def _done(request, title, text, status=200):
    return render(request, "notifications/pages/done.html", {"title": title, "text": text}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="10/h", method="POST", block=False)
def subscribe(request):
    language = get_language()
    form = SubscribeForm(request.POST or None, language=language)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(
                request, "notifications/pages/subscribe.html", {"form": form, "limited": True}, status=429
            )
        if not form.is_valid():
            return render(request, "notifications/pages/subscribe.html", {"form": form}, status=400)
        if not form.is_spam():
            outcome = services.subscription_request(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                frequency=form.cleaned_data["frequency"],
                themes=form.cleaned_data["themes"],
                user=request.user,
            )
            if outcome.confirmed_by_account:
                return _done(
                    request, _("You are subscribed"), _("The digest will come to your verified address.")
                )
        # The same answer whether or not the address was new, so nobody learns who subscribes.
        return _done(
            request,
            _("Check your inbox"),
            _("We have sent an email to the address you gave. Follow the link in it to confirm."),
        )
    return render(request, "notifications/pages/subscribe.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "GET":
        return render(request, "notifications/pages/confirm.html", {})
    try:
        services.subscription_confirm(token=token)
    except NotificationError as error:
        return _problem(request, error, status=409 if error.code == "already_confirmed" else 400)
    return _done(
        request, _("Subscription confirmed"), _("Thank you. Your first digest comes with the next period.")
    )


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscription = read_token(token, MANAGE)
    except NotificationError as error:
        return _problem(request, error)
    if subscription.unsubscribed_at is not None:
        return _problem(request, NotificationError("unsubscribed"), status=410)
    initial = {
        "frequency": subscription.frequency,
        "language": subscription.language,
        "themes": subscription.themes.all(),
    }
    language = get_language()
    form = PreferencesForm(request.POST or None, initial=initial, language=language)
    if request.method == "POST":
        if not form.is_valid():
            context = {"form": form, "subscription": subscription, "token": token}
            return render(request, "notifications/pages/preferences.html", context, status=400)
        services.subscription_update(subscription=subscription, **form.cleaned_data)
        return _done(request, _("Preferences saved"), _("Your next digest follows your new choices."))
    return render(
        request,
        "notifications/pages/preferences.html",
        {"form": form, "subscription": subscription, "token": token},
    )


@csrf_exempt  # RFC 8058: mail providers POST here without a session; the signed token is the proof
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscription = read_token(token, MANAGE)
    except NotificationError as error:
        return _problem(request, error)
    if request.method == "GET":
        return render(request, "notifications/pages/unsubscribe.html", {"subscription": subscription})
    services.subscription_unsubscribe(subscription=subscription)
    return _done(request, _("You are unsubscribed"), _("You will get no more digests from us."))
