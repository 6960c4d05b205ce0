"""News for the email digest: articles first published in a period, in the subscriber's
language where a translation is live, otherwise in the default language's (or any) version."""

from heart_site.core.selectors import choose_versions

from .models import NewsPage


def collect_news(query):
    from heart_site.notifications.digest_sections import DigestItem

    published = (
        NewsPage.objects.live()
        .public()
        .filter(first_published_at__gt=query.since, first_published_at__lte=query.until)
        .select_related("locale")
    )
    if query.theme_keys:
        published = published.filter(themes__translation_key__in=query.theme_keys)
    keys = set(published.values_list("translation_key", flat=True))
    # An old article whose translation appeared in the period is not news.
    keys -= set(
        NewsPage.objects.filter(translation_key__in=keys, first_published_at__lte=query.since).values_list(
            "translation_key", flat=True
        )
    )
    if not keys:
        return []
    # One query for every live version of these articles; the subscriber's language first.
    versions, _languages = choose_versions(
        NewsPage.objects.live().public().filter(translation_key__in=keys).select_related("locale"),
        query.language,
    )
    pages = sorted(versions.values(), key=lambda p: (p.date, p.pk), reverse=True)
    return [
        DigestItem(
            title=page.title,
            url=page.get_full_url(),
            summary=page.summary,
            date=page.date,
            language=page.locale.language_code,
        )
        for page in pages
    ]
