"""Upcoming events for the email digest: events published in the period that have not started,
in the subscriber's language where a translation is live, otherwise in the default language's (or
any) version."""

from django.utils import timezone

from heart_site.core.selectors import choose_versions, public

from .models import EventPage


def collect_events(query):
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
    versions, _languages = choose_versions(
        public(EventPage.objects.live().filter(translation_key__in=keys)).select_related("locale"),
        query.language,
    )
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
