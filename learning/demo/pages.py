"""The demo catalogue, modules and lessons: created in Swedish and published as an editor
publishes them, then translated as a translator does, by copying the source page and replacing
its wording. The copy keeps the ids of every question, option and item, so the English quiz is
graded by the same key as the Swedish one (``TrainingModulePage.clean`` checks it on save).

A page is found by its slug under its parent (the catalogue by its type, since there is one per
home) and left as it is when it exists; only missing pages are created.
"""

from django.core.management.base import CommandError
from wagtail.coreutils import find_available_slug

from heart_site.core.models import Theme

from ..models import Audience, CourseIndexPage, LessonPage, TrainingModulePage
from .modules import CATALOGUE, MODULES
from .spec import overlay, to_raw

SOURCE, TRANSLATION = "sv", "en"
# Per page type: the plain fields translated, the StreamFields translated, and the fields the
# translation inherits from its source.
TEXT_FIELDS = {
    CourseIndexPage: ("title", "intro"),
    TrainingModulePage: ("title", "summary"),
    LessonPage: ("title", "summary"),
}
STREAM_FIELDS = {
    CourseIndexPage: (),
    TrainingModulePage: ("objectives", "quiz", "score_bands"),
    LessonPage: ("body",),
}
SHARED_FIELDS = {
    CourseIndexPage: (),
    TrainingModulePage: ("estimated_minutes", "pass_mark", "max_attempts", "feedback_timing"),
    LessonPage: ("estimated_minutes",),
}


def build_pages(*, home_sv, home_en, result):
    """Return ``{language: {"catalogue": page, <module key>: module}}`` with both languages."""
    pages = {SOURCE: {}, TRANSLATION: {}}
    catalogue = CourseIndexPage.objects.child_of(home_sv).first()
    if catalogue is None:
        catalogue = create_source(home_sv, CourseIndexPage, CATALOGUE, result, show_in_menus=True)
    else:
        result.existing.append(catalogue)
    pages[SOURCE]["catalogue"] = catalogue
    pages[TRANSLATION]["catalogue"] = ensure_translation(catalogue, CATALOGUE, home_en.locale, result)

    for spec in MODULES:
        module = ensure_source(
            catalogue, TrainingModulePage, module_spec(spec), result, **module_relations(spec, pages)
        )
        pages[SOURCE][spec["key"]] = module
        translation = ensure_translation(module, module_spec(spec), home_en.locale, result)
        pages[TRANSLATION][spec["key"]] = translation
        for lesson_spec in spec["lessons"]:
            lesson = ensure_source(module, LessonPage, lesson_spec, result)
            ensure_translation(lesson, lesson_spec, home_en.locale, result)
    return pages


def module_spec(spec):
    """A module's spec with its objectives as StreamField data."""
    return {**spec, "objectives": [{"type": "objective", "value": text} for text in spec["objectives"]]}


def module_relations(spec, pages):
    themes = list(Theme.objects.filter(slug__in=spec["themes"], locale__language_code=SOURCE))
    audiences = list(Audience.objects.filter(slug__in=spec["audiences"], locale__language_code=SOURCE))
    missing = set(spec["themes"]) - {t.slug for t in themes} | set(spec["audiences"]) - {
        a.slug for a in audiences
    }
    if missing:
        raise CommandError(f"Themes or audiences missing: {', '.join(sorted(missing))}; run the migrations.")
    prerequisites = [pages[SOURCE][key] for key in spec["prerequisites"]]
    return {"themes": themes, "audiences": audiences, "prerequisites": prerequisites}


def ensure_source(parent, model, spec, result, **relations):
    existing = parent.get_children().filter(slug=spec["slug"].sv).first()
    if existing is None:
        return create_source(parent, model, spec, result, **relations)
    if not isinstance(existing.specific, model):
        raise CommandError(
            f"{existing.url_path} exists but is a {existing.specific_class.__name__}, not a "
            f"{model.__name__}; move or rename it and run the command again."
        )
    result.existing.append(existing)
    return existing.specific


def create_source(parent, model, spec, result, *, themes=(), audiences=(), prerequisites=(), **fields):
    page = model(locale=parent.locale, live=False, slug=spec["slug"].sv, **fields)
    for name in TEXT_FIELDS[model]:
        setattr(page, name, spec[name].sv)
    for name in SHARED_FIELDS[model]:
        setattr(page, name, spec[name])
    for name in STREAM_FIELDS[model]:
        setattr(page, name, to_raw(spec[name], SOURCE))
    page.draft_title = page.title
    if model is TrainingModulePage:
        page.themes.set(themes)
        page.audiences.set(audiences)
        page.prerequisites.set(prerequisites)
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
    for name in TEXT_FIELDS[model]:
        setattr(page, name, spec[name].en)
    page.draft_title = page.title
    page.slug = find_available_slug(page.get_parent(), spec["slug"].en, ignore_page_id=page.pk)
    for name in STREAM_FIELDS[model]:
        setattr(page, name, translate_stream(page, name, spec[name]))
    if model is TrainingModulePage:
        # The copy links the Swedish prerequisites; the English page should lead to English ones.
        page.prerequisites.set([p.get_translation_or_none(locale) or p for p in page.prerequisites.all()])
    page.save()
    page.save_revision().publish()
    result.created.append(f"{model._meta.verbose_name} “{page.title}” ({TRANSLATION})")
    return model.objects.get(pk=page.pk)


def translate_stream(page, name, spec):
    """The copied StreamField's data with the English wording put in, its ids and key kept."""
    stream_block = page._meta.get_field(name).stream_block
    copied = getattr(page, name).get_prep_value()
    wording = stream_block.get_prep_value(stream_block.to_python(to_raw(spec, TRANSLATION)))
    return overlay(copied, wording)
