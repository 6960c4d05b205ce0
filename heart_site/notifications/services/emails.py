"""Rendering an email from templates, in the recipient's language, with the headers every
bulk message carries (RFC 8058 one-click unsubscribe)."""

from django.conf import settings
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation

from .outbox import Email


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subscription_urls(subscription, language):
    from ..tokens import MANAGE, make_token

    token = make_token(subscription, MANAGE)
    with translation.override(language):
        return {
            "preferences_url": absolute_url(reverse("notifications:preferences", args=[token])),
            "unsubscribe_url": absolute_url(reverse("notifications:unsubscribe", args=[token])),
        }


def _render_plain_text(name, context):
    """Subjects and text bodies are not HTML: "H&M" must arrive as "H&M", not "H&amp;M"."""
    return get_template(name).template.render(Context(context, autoescape=False))


def render_email(
    template: str, *, to: str, language: str, context: dict, list_unsubscribe: str = ""
) -> Email:
    """Render ``<template>_subject.txt``, ``_body.txt`` and ``_body.html`` in ``language``."""
    with translation.override(language):
        context = {**context, "language": language, "site_url": absolute_url(f"/{language}/")}
        subject = _render_plain_text(f"{template}_subject.txt", context).strip()
        text = _render_plain_text(f"{template}_body.txt", context)
        html = render_to_string(f"{template}_body.html", context)
    headers = {}
    if list_unsubscribe:
        headers = {
            "List-Unsubscribe": f"<{list_unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    return Email(to=to, subject=subject, text=text, html=html, headers=headers)
