"""Wagtail admin registrations, one module per area; wagtail_hooks.py imports them."""
