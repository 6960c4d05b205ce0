from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """``mapping[key]``, or "" when there is none: re-filling a quiz form after an error."""
    if isinstance(mapping, dict):
        return mapping.get(key, "")
    return ""


@register.filter
def positions(items):
    return range(1, len(items) + 1)
