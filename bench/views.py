"""Reference views for bench/pages.py; only bench/urls.py routes to them."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation

from heart_site.news.models import NewsPage


def plain(request):
    """The latest news in the site's base template: one query of its own, no page routing.

    The base template's own tags (site root, menu, language links, accessibility statement,
    site settings) still run and query as they do on every page; bench/pages.py reports the
    total it measures.
    """
    news = list(
        NewsPage.objects.live()
        .filter(locale__language_code=translation.get_language())
        .order_by("-date", "-pk")
        .values("title", "date", "summary")[:10]
    )
    return render(request, "bench/plain.html", {"news": news})


def hello(request):
    return HttpResponse("hello")
