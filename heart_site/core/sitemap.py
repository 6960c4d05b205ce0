from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Every language tree of the site, each URL listing its translations as alternates.

    Wagtail's own sitemap walks only the default site root, which is the Swedish tree; the
    English pages hang from the English home beside it.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).only("path")
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_any_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
            .select_related("locale")
        )

    def _urls(self, page, protocol, domain):
        entries = []
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item, url_info))

        alternates = defaultdict(list)
        for item, url_info in entries:
            alternates[item.translation_key].append(
                {"lang_code": item.locale.language_code, "location": url_info["location"]}
            )
        urls = []
        for item, url_info in entries:
            siblings = alternates[item.translation_key]
            urls.append({**url_info, "alternates": siblings if len(siblings) > 1 else []})
        lastmods = {u.get("lastmod") for u in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
