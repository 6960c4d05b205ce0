from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from heart_site.core.blocks import BaseContentBlocks
from heart_site.core.models import BasePage, Theme

from . import selectors


class NewsIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = ["intro"]
    subpage_types = ["news.NewsPage"]
    parent_page_types = ["core.HomePage"]

    class Meta:
        verbose_name = _("news index")

    @path("")
    def index_route(self, request):
        from django.conf import settings

        theme = selectors.theme_from_slug(request.GET.get("theme", ""), locale=self.locale_id)
        articles = selectors.news_for_index(self, theme=theme)
        paginator = Paginator(articles, settings.HEART_NEWS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(
                1 if not str(request.GET.get("page", "")).isdigit() else paginator.num_pages
            )
        # RoutablePageMixin.serve calls the route, not BasePage.serve, so mark it here.
        request.heart_page_cacheable = True
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "articles": page_obj.object_list,
                "themes": Theme.objects.in_locale(self.locale_id),
                "selected_theme": theme,
            },
        )

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        request.heart_page_cacheable = True
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        request.heart_page_cacheable = True
        return NewsAtomFeed(self)(request)

    @property
    def intro_text(self):
        return self.intro


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(BasePage):
    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it. Required with an image."),
    )
    body = StreamField(BaseContentBlocks(), verbose_name=_("body"))
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("summary")], heading=_("Article")),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("tags")], heading=_("Themes and tags")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = ["date", "summary", "image", "image_alt", "body", "themes", "tags"]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image, so that everyone gets its meaning.")})

    @property
    def intro_text(self):
        return self.summary
