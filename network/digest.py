"""Upcoming events for the email digest: events published in the period that have not started,
in the subscriber's language where a translation is live, otherwise in the original."""

from django.utils import timezone

from heart_site.core.selectors import public

from .models import EventPage


def collect_events(query):
    from wagtail.models import Locale

    from heart_site.notifications.digest_sections import DigestItem

    upcoming = public(
        EventPage.objects.live().filter(
            first_published_at__gt=query.since,
            first_published_at__lte=query.until,
            starts_at__gt=max(query.until, timezone.now()),
        )
    )
    if query.theme_keys:
        upcoming = upcoming.filter(themes__translation_key__in=query.theme_keys)
    keys = set(upcoming.values_list("translation_key", flat=True))
    if not keys:
        return []
    wanted = Locale.objects.filter(language_code=query.language).first()
    versions = {}
    for page in public(EventPage.objects.live().filter(translation_key__in=keys)).select_related("locale"):
        current = versions.get(page.translation_key)
        if current is None or (wanted and page.locale_id == wanted.pk):
            versions[page.translation_key] = page
    return [
        DigestItem(
            title=page.title,
            url=page.get_full_url(),
            summary=page.summary,
            date=timezone.localtime(page.starts_at, page.tz).date(),
            language=page.locale.language_code,
        )
        for page in sorted(versions.values(), key=lambda p: (p.starts_at, p.pk))
    ]
