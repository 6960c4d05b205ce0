from .base import BasePage
from .pages import AccessibilityStatementPage, HomePage, StandardPage
from .scheduler import SchedulerHeartbeat
from .site_settings import SiteSettings
from .themes import Theme

__all__ = [
    "AccessibilityStatementPage",
    "BasePage",
    "HomePage",
    "SchedulerHeartbeat",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
