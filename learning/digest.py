"""Training modules for the email digest: modules published for the first time, or published
again with changes, in the period."""

from heart_site.core.selectors import public

from .models import TrainingModulePage
from .selectors import localized_versions


def collect_modules(query):
    from heart_site.notifications.digest_sections import DigestItem

    published = public(
        TrainingModulePage.objects.live().filter(
            last_published_at__gt=query.since, last_published_at__lte=query.until
        )
    )
    if query.theme_keys:
        published = published.filter(themes__translation_key__in=query.theme_keys)
    keys = set(published.values_list("translation_key", flat=True))
    if not keys:
        return []
    chosen, _languages = localized_versions(keys, query.language)
    pages = sorted(chosen.values(), key=lambda p: (p.last_published_at, p.pk), reverse=True)
    return [
        DigestItem(
            title=page.title,
            url=page.get_full_url(),
            summary=page.summary,
            date=page.last_published_at.date(),
            language=page.locale.language_code,
        )
        for page in pages
    ]
