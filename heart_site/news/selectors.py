"""Reads of news articles, shaped so that a listing costs the same queries at any length."""

from django.db.models import Prefetch

from heart_site.core.models import Theme
from heart_site.core.selectors import public


def news_queryset():
    from .models import NewsPage

    return (
        public(NewsPage.objects.live())
        # What cards and feeds show: no image, no body, none of Wagtail's editing columns.
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "translation_key",
            "locale",
            "live",
            "first_published_at",
            "last_published_at",
            "date",
            "summary",
            "content_type",
        )
        .select_related("locale")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.all()))
        .order_by("-date", "-pk")
    )


def news_for_index(index_page, *, theme=None):
    articles = news_queryset().child_of(index_page)
    if theme is not None:
        articles = articles.filter(themes__translation_key=theme.translation_key).distinct()
    return articles


def latest_news(*, locale, limit):
    return list(news_queryset().filter(locale=locale)[:limit])


def theme_from_slug(slug, *, locale):
    if not slug:
        return None
    return Theme.objects.filter(locale=locale, slug=slug).first()
