from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside i18n_patterns. Django would answer a 404 under them with a redirect to the
# language-prefixed path, which Wagtail's catch-all always "matches": an API client asking
# for something missing would get a 302 to an HTML page instead of its JSON 404.
UNLOCALIZED_PREFIXES = ("/api/", "/admin/", "/documents/", "/media/", "/static/", "/healthz", "/sitemap.xml")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNLOCALIZED_PREFIXES):
            return response
        return super().process_response(request, response)
