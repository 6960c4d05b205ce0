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

    def get_view_restrictions(self):
        """Wagtail checks a page's restrictions (two queries) before serving it; with none on
        the whole site there is nothing to check."""
        from wagtail.models import PageViewRestriction

        from ..selectors import view_restrictions

        if not view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def intro_text(self):
        """Text for listings and search results; page types override it."""
        return self.search_description
