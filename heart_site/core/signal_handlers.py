"""Signal wiring that crosses apps: any change to published content retires the page cache."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import Theme
from .page_cache import invalidate_page_cache

for _signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    _signal.connect(invalidate_page_cache, dispatch_uid=f"heart-page-cache-{_signal!r}")
post_save.connect(invalidate_page_cache, sender=Theme, dispatch_uid="heart-page-cache-theme-save")
post_delete.connect(invalidate_page_cache, sender=Theme, dispatch_uid="heart-page-cache-theme-delete")
