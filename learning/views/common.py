"""What the learning pages share: turning a domain error into a page, and the headers of pages
that belong to one person."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from ..errors import LearningError


def personal(response):
    """Progress, attempts and certificates are one person's: no shared cache may keep them."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def error_page(request, error: LearningError, *, back_url=None, back_label=None):
    response = render(
        request,
        "learning/error.html",
        {"message": error.message, "back_url": back_url, "back_label": back_label},
        status=error.status,
    )
    return personal(response)


def login_first(request):
    return redirect_to_login(request.get_full_path())
