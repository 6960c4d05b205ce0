"""Good practices on /api/v3/network/: the published library, searchable and filterable by theme,
and one practice. Public fields only: never the contact email or who submitted it; a draft
awaiting moderation does not exist here."""

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from ninja import Query, Router, Schema
from wagtail.rich_text import expand_db_html

from .errors import NotFound
from .selectors import practices as selectors

router = Router(tags=["network: practices"])

MAX_LIMIT = 100


class OrganisationRefOut(Schema):
    id: int
    name: str
    slug: str


class PracticeOut(Schema):
    id: int
    title: str
    url: str
    language: str
    summary: str
    themes: list[str]
    organisation: OrganisationRefOut | None
    contact_name: str
    published_at: datetime.datetime | None


class PracticeDetailOut(PracticeOut):
    description: str
    what_worked: str
    lessons_learned: str


class PracticeListOut(Schema):
    count: int
    items: list[PracticeOut]


class PracticeFilters(Schema):
    language: str = ""
    theme: str = ""
    q: str = ""
    limit: int = 30
    offset: int = 0


def _out(request, page):
    organisation = page.organisation if page.organisation and page.organisation.is_public else None
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request=request),
        "language": page.locale.language_code,
        "summary": page.summary,
        "themes": page.theme_slugs,
        "organisation": (
            {"id": organisation.pk, "name": organisation.name, "slug": organisation.slug}
            if organisation
            else None
        ),
        "contact_name": page.contact_name,
        "published_at": page.first_published_at,
    }


@router.get(
    "/practices",
    response=PracticeListOut,
    auth=None,
    summary="Published good practices, in the language asked for where translated",
)
def practice_list(request, filters: Query[PracticeFilters]):
    language = filters.language
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language_from_request(request, check_path=False)
    theme = selectors.theme_in(language, filters.theme)
    if filters.theme and theme is None:
        return {"count": 0, "items": []}
    results = selectors.practices(
        language_code=language,
        theme_key=theme.translation_key if theme else None,
        query=filters.q.strip()[:200],
    )
    offset = max(filters.offset, 0)
    limit = min(max(filters.limit, 1), MAX_LIMIT)
    pages = selectors.with_theme_names(list(results[offset : offset + limit]), language)
    return {"count": results.count(), "items": [_out(request, page) for page in pages]}


@router.get(
    "/practices/{practice_id}", response=PracticeDetailOut, auth=None, summary="One published practice"
)
def practice_detail(request, practice_id: int):
    page = selectors.live_practice(practice_id)
    if page is None:
        raise NotFound(gettext("This good practice is not available."))
    selectors.with_theme_names([page], page.locale.language_code)
    return {
        **_out(request, page),
        "description": expand_db_html(page.description),
        "what_worked": expand_db_html(page.what_worked),
        "lessons_learned": expand_db_html(page.lessons_learned),
    }
