"""The good-practice library (routes of ``PracticeLibraryPage``): the searchable list, and the
form through which logged-in participants submit a practice for moderation."""

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_cache_control
from django_ratelimit.core import is_ratelimited

from heart_site.core.models import Theme

from ..conf import setting
from ..errors import NetworkError
from ..forms_practices import PracticeSubmissionForm
from ..selectors import practices as selectors
from ..services.practices import practice_submit as submit_practice

# Submissions per account: enough for an organisation sharing a few methods, not for a flood.
SUBMIT_RATE = "5/h"


def practice_library(request, library):
    language = translation.get_language()
    query = request.GET.get("q", "").strip()[:200]
    theme = selectors.theme_in(language, request.GET.get("theme", ""))
    results = selectors.practices(
        language_code=language,
        theme_key=theme.translation_key if theme else None,
        query=query,
        library=library,
    )
    page_obj = Paginator(results, setting("NETWORK_PAGE_SIZE")).get_page(request.GET.get("page"))
    practices = selectors.with_theme_names(list(page_obj.object_list), language)
    response = library.render(
        request,
        context_overrides={
            "page_obj": page_obj,
            "practices": practices,
            "themes": list(Theme.objects.in_locale_code(language)),
            "selected_theme": theme,
            "query": query,
            "filter_query": urlencode(
                [(k, v) for k, v in (("q", query), ("theme", theme and theme.slug)) if v]
            ),
            "submit_url": library.get_url(request) + library.reverse_subpage("submit"),
        },
    )
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    else:
        request.heart_page_cacheable = True
    return response


def _personal(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def practice_submit(request, library):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    language = translation.get_language()
    context = {"library_url": library.get_url(request), "sent": request.GET.get("sent") == "1"}
    form = PracticeSubmissionForm(request.POST or None, language=language, initial=_initial(request.user))
    status = 200
    if request.method == "POST":
        if is_ratelimited(
            request,
            group="network-practice-submit",
            key="user",
            rate=SUBMIT_RATE,
            method="POST",
            increment=True,
        ):
            context["limited"] = True
            status = 429
        elif form.is_valid():
            if form.is_spam():
                return _sent(request, library)
            try:
                submit_practice(library=library, user=request.user, **_fields(form.cleaned_data))
            except NetworkError as error:
                context["problem"] = error.message
                status = error.status
            else:
                return _sent(request, library)
        else:
            status = 400
    context["form"] = form
    response = library.render(request, template="network/practice_submit.html", context_overrides=context)
    response.status_code = status
    return _personal(response)


def _sent(request, library):
    # After a POST, a redirect: reloading the thanks page must not submit the practice again.
    url = library.get_url(request) + library.reverse_subpage("submit") + "?sent=1"
    return _personal(HttpResponseRedirect(url))


def _initial(user):
    return {"contact_name": user.get_full_name() if user.full_name else "", "contact_email": user.email}


def _fields(data):
    return {
        name: data[name]
        for name in (
            "title",
            "summary",
            "organisation",
            "organisation_name",
            "themes",
            "description",
            "what_worked",
            "lessons_learned",
            "contact_name",
            "contact_email",
        )
    }
