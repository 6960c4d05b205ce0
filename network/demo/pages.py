"""The demo's public pages: the partner directory, the event list with two events and the
good-practice library with two methods, created in Swedish and published, then translated as a
translator does (copy the source, replace its wording, publish). A page is found by its type
under its home (the index pages, one per home) or by its slug under its parent, and left as it
is when it exists."""

import datetime
import zoneinfo

from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.coreutils import find_available_slug

from heart_site.core.models import Theme

from .page_texts import DIRECTORY, EVENT_INDEX, EVENTS, PRACTICE_LIBRARY, PRACTICES

SOURCE, TRANSLATION = "sv", "en"


def build_pages(*, home_sv, home_en, organisations, result):
    """Return ``{language: {key: page}}`` for the three index pages and their children."""
    pages = {SOURCE: {}, TRANSLATION: {}}
    for key, spec in (("directory", DIRECTORY), ("events", EVENT_INDEX), ("practices", PRACTICE_LIBRARY)):
        source = ensure_index(home_sv, spec, result)
        pages[SOURCE][key] = source
        pages[TRANSLATION][key] = ensure_translation(source, spec, home_en.locale, result)
    for index_key, specs in (("events", EVENTS), ("practices", PRACTICES)):
        for spec in specs:
            fields = child_fields(spec, organisations)
            source = ensure_child(pages[SOURCE][index_key], spec, fields, result)
            pages[SOURCE][spec["key"]] = source
            pages[TRANSLATION][spec["key"]] = ensure_translation(source, spec, home_en.locale, result)
    return pages


def ensure_index(home, spec, result):
    model = spec["model"]
    existing = model.objects.child_of(home).first()
    if existing is not None:
        result.existing.append(existing)
        return existing
    return create(home, spec, {"show_in_menus": True}, result)


def ensure_child(parent, spec, fields, result):
    model = spec["model"]
    existing = parent.get_children().filter(slug=spec[SOURCE]["slug"]).first()
    if existing is None:
        return create(parent, spec, fields, result)
    if not isinstance(existing.specific, model):
        raise CommandError(
            f"{existing.url_path} exists but is a {existing.specific_class.__name__}, not a "
            f"{model.__name__}; move or rename it and run the command again."
        )
    result.existing.append(existing)
    return existing.specific


def child_fields(spec, organisations):
    """The fields every language shares: times, capacity, organisation, themes, contact."""
    fields = dict(spec["shared"])
    for name in ("organiser", "organisation"):
        if name in fields:
            fields[name] = organisations[fields[name]]
    slugs = fields.pop("themes")
    themes = list(Theme.objects.filter(slug__in=slugs, locale__language_code=SOURCE))
    if len(themes) != len(slugs):
        raise CommandError(f"Themes missing among {', '.join(slugs)}; run the migrations.")
    fields["themes"] = themes
    if "starts_in_days" in spec:
        zone = zoneinfo.ZoneInfo(fields["time_zone"])
        day = timezone.localdate() + datetime.timedelta(days=spec["starts_in_days"])
        starts = datetime.datetime.combine(day, datetime.time(spec["start_hour"]), tzinfo=zone)
        fields["starts_at"] = starts
        fields["ends_at"] = starts + datetime.timedelta(hours=spec["hours"])
    return fields


def create(parent, spec, fields, result):
    model = spec["model"]
    themes = fields.pop("themes", [])
    page = model(locale=parent.locale, live=False, **fields, **spec[SOURCE])
    page.draft_title = page.title
    if themes:
        page.themes.set(themes)
    parent.add_child(instance=page)
    page.save_revision().publish()
    result.created.append(f"{model._meta.verbose_name} “{page.title}” ({SOURCE})")
    return model.objects.get(pk=page.pk)


def ensure_translation(source, spec, locale, result):
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        result.existing.append(existing)
        return existing.specific
    model = type(source)
    page = source.copy_for_translation(locale, copy_parents=True, alias=False).specific
    texts = dict(spec[TRANSLATION])
    slug = texts.pop("slug")
    for name, value in texts.items():
        setattr(page, name, value)
    page.draft_title = page.title
    page.slug = find_available_slug(page.get_parent(), slug, ignore_page_id=page.pk)
    page.save()
    page.save_revision().publish()
    result.created.append(f"{model._meta.verbose_name} “{page.title}” ({TRANSLATION})")
    return model.objects.get(pk=page.pk)
