"""The one NinjaAPI of the site: Wagtail's v3 API plus a router per installed plugin.

A plugin app declares ``api_router = "dotted.path.to.router"`` and ``api_prefix`` on its
AppConfig; removing the plugin from INSTALLED_APPS removes its endpoints. Routers must be
added before ``api.urls`` is first read, which is why urls.py imports ``api`` from here.
"""

from django.apps import apps
from django.core.exceptions import RequestDataTooBig
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError
from wagtail.api.v3.urls import api

from heart_site.core.errors import DomainError


def _add_plugin_routers():
    registered = {prefix for prefix, _router in api._routers}
    for config in apps.get_app_configs():
        router_path = getattr(config, "api_router", None)
        if not router_path:
            continue
        prefix = getattr(config, "api_prefix", f"/{config.label}/")
        if prefix not in registered:
            api.add_router(prefix, import_string(router_path))


# Ninja's own error texts are English and terse; a client (and the person behind it) gets the
# site's translated messages instead, with the details a developer needs kept alongside.


def _domain_error(request, exc):
    return api.create_response(request, {"detail": str(exc.message), "code": exc.code}, status=exc.status)


def _validation_error(request, exc):
    detail = _("The request is not valid. Check the fields listed in “errors”.")
    return api.create_response(
        request, {"detail": detail, "code": "invalid", "errors": exc.errors}, status=422
    )


def _authentication_error(request, exc):
    return api.create_response(request, {"detail": _("Log in first."), "code": "unauthenticated"}, status=401)


def _http_error(request, exc):
    if exc.status_code == 403 and "CSRF" in str(exc):
        detail = _("The request lacks a valid CSRF token. Reload the page and try again.")
        return api.create_response(request, {"detail": detail, "code": "csrf"}, status=403)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


def _too_big(request, exc):
    return api.create_response(
        request, {"detail": _("The request is too large."), "code": "too_large"}, status=413
    )


api.add_exception_handler(DomainError, _domain_error)
api.add_exception_handler(ValidationError, _validation_error)
api.add_exception_handler(AuthenticationError, _authentication_error)
api.add_exception_handler(HttpError, _http_error)
api.add_exception_handler(RequestDataTooBig, _too_big)
_add_plugin_routers()

__all__ = ["api"]
