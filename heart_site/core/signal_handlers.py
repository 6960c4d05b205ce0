"""Signal wiring that crosses apps: any change to published content retires the page cache,
and the per-request copy of view restrictions follows the request and every change."""

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import Theme
from .page_cache import invalidate_page_cache
from .selectors import begin_request_reads, end_request_reads, forget_view_restrictions

for _signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    _signal.connect(invalidate_page_cache, dispatch_uid=f"heart-page-cache-{_signal!r}")
post_save.connect(invalidate_page_cache, sender=Theme, dispatch_uid="heart-page-cache-theme-save")
post_delete.connect(invalidate_page_cache, sender=Theme, dispatch_uid="heart-page-cache-theme-delete")

request_started.connect(begin_request_reads, dispatch_uid="heart-request-reads-begin")
request_finished.connect(end_request_reads, dispatch_uid="heart-request-reads-end")
for _signal in (post_save, post_delete):
    _signal.connect(
        forget_view_restrictions, sender=PageViewRestriction, dispatch_uid=f"heart-restrictions-{_signal!r}"
    )
