"""The mapping plugin's endpoints on the site's /api/v3/mapping/: one router made of the
routers of its parts. Errors are ``DomainError``s, turned into translated 4xx by heart_site/api.py."""

from ninja import Router

from .api_reports import router as reports_router
from .api_respondents import router as respondents_router
from .api_swot import router as swot_router

router = Router(tags=["mapping"])
router.add_router("", respondents_router)
router.add_router("", swot_router)
router.add_router("", reports_router)
