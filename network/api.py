"""The network plugin's endpoints on the site's /api/v3/network/: one router made of the
routers of its parts. Errors are ``DomainError``s, turned into translated 4xx by heart_site/api.py."""

from ninja import Router

from .api_directory import router as directory_router
from .api_events import router as events_router
from .api_practices import router as practices_router

router = Router(tags=["network"])
router.add_router("", directory_router)
router.add_router("", events_router)
router.add_router("", practices_router)
