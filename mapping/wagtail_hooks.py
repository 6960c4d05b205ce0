from .admin import campaigns, reports, swot  # noqa: F401  (importing registers their hooks)
