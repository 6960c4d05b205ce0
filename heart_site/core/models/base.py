from wagtail.models import Page


class BasePage(Page):
    """Behaviour every public page of the site shares.

    ``serve`` marks the response as safe for the anonymous page cache; previews go through
    ``serve_preview`` and are therefore never cached.
    """

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        request.heart_page_cacheable = True
        return response

    @property
    def intro_text(self):
        """Text for listings and search results; page types override it."""
        return self.search_description
