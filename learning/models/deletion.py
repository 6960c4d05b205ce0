"""What happens to progress when a page of a module is deleted."""

from collections import defaultdict

from django.db.models import CASCADE
from wagtail.models import Locale, Page


def move_to_another_language(collector, field, sub_objs, using):
    """``on_delete`` for rows that point at a module page: progress belongs to the module in
    every language, so deleting one language version moves the rows to a version that stays;
    only deleting the last version deletes them."""
    from .pages import TrainingModulePage

    deleted = {obj.pk for model, objs in collector.data.items() if issubclass(model, Page) for obj in objs}
    module_ids = {getattr(obj, field.attname) for obj in sub_objs}
    keys = dict(TrainingModulePage.objects.filter(pk__in=module_ids).values_list("pk", "translation_key"))
    survivors = {}
    default_locale_id = Locale.get_default().pk
    for page in TrainingModulePage.objects.filter(translation_key__in=set(keys.values())).exclude(
        pk__in=deleted
    ):
        current = survivors.get(page.translation_key)
        if current is None or page.locale_id == default_locale_id:
            survivors[page.translation_key] = page
    moving, going = defaultdict(list), []
    for obj in sub_objs:
        survivor = survivors.get(keys.get(getattr(obj, field.attname)))
        if survivor is None:
            going.append(obj)
        else:
            moving[survivor].append(obj)
    for survivor, objs in moving.items():
        collector.add_field_update(field, survivor.pk, objs)
    if going:
        CASCADE(collector, field, going, using)
