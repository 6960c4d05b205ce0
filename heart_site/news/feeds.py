"""RSS and Atom feeds of one news index, in that index's language."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from . import selectors

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"HEART · {self.index_page.title}"

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        return selectors.news_for_index(self.index_page)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.slug for theme in item.themes.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
