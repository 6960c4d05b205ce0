"""Rows the site cannot work without, created by data migrations and re-created by tests.

Each function takes an app registry (the historical one inside a migration, the live one in
tests whose database was flushed) and is idempotent.
"""

import uuid

from django.contrib.auth.management import create_permissions

THEMES = [
    # slug, kind, Swedish, English
    ("equal-treatment", "topic", "Likabehandling", "Equal treatment"),
    ("anti-discrimination", "topic", "Antidiskriminering", "Anti-discrimination"),
    ("sex", "ground", "Kön", "Sex"),
    (
        "transgender-identity",
        "ground",
        "Könsöverskridande identitet eller uttryck",
        "Transgender identity or expression",
    ),
    ("ethnicity", "ground", "Etnisk tillhörighet", "Ethnic origin"),
    ("religion-or-belief", "ground", "Religion eller annan trosuppfattning", "Religion or other belief"),
    ("disability", "ground", "Funktionsnedsättning", "Disability"),
    ("sexual-orientation", "ground", "Sexuell läggning", "Sexual orientation"),
    ("age", "ground", "Ålder", "Age"),
    ("csr", "topic", "CSR – företagens samhällsansvar", "CSR – corporate social responsibility"),
    ("social-responsibility", "topic", "Socialt ansvar", "Social responsibility"),
    ("accessibility", "topic", "Tillgänglighet", "Accessibility"),
    ("gender-mainstreaming", "topic", "Jämställdhetsintegrering", "Gender mainstreaming"),
    ("accessibility-mainstreaming", "topic", "Tillgänglighetsintegrering", "Accessibility mainstreaming"),
]


def ensure_locales_and_themes(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("core", "Theme")
    sv, _ = Locale.objects.get_or_create(language_code="sv")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for order, (slug, kind, name_sv, name_en) in enumerate(THEMES):
        source = Theme.objects.filter(locale=sv, slug=slug).first()
        if source is None:
            source = Theme.objects.create(
                locale=sv, slug=slug, kind=kind, name=name_sv, sort_order=order, translation_key=uuid.uuid4()
            )
        Theme.objects.get_or_create(
            locale=en,
            translation_key=source.translation_key,
            defaults={"slug": slug, "kind": kind, "name": name_en, "sort_order": order},
        )


GROUP_PERMISSIONS = {
    "Editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("core", "theme", "view_theme"),
        ("wagtail_localize", "translation", "submit_translation"),
    ],
    "Moderators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("core", "theme", "view_theme"),
        ("core", "theme", "add_theme"),
        ("core", "theme", "change_theme"),
        ("core", "theme", "delete_theme"),
        ("wagtail_localize", "translation", "submit_translation"),
    ],
    "Translators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("core", "theme", "view_theme"),
        ("core", "theme", "change_theme"),
        ("wagtail_localize", "translation", "submit_translation"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}
# Translators edit existing pages (their translations) but neither create nor publish in the
# source language; moderators publish.
TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "view_page"]


def create_model_permissions(apps):
    """Model permissions are normally created after all migrations ran; create them now so
    that a fresh database gets complete groups in one migrate. A historical app registry has
    no models_module, which create_permissions takes to mean "no models"."""
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original


def ensure_group(apps, name, permissions):
    """The group ``name`` with at least ``permissions`` ((app_label, codename) pairs); a
    permission whose app is not installed is left out."""
    create_model_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=name)
    for app_label, codename in permissions:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)
    return group


def ensure_staff_groups(apps):
    create_model_permissions(apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # wagtail-localize hangs its "submit translations" permission off a content type of its
    # own making (its migration 0006); a flushed test database has lost both.
    translation_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=translation_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    for name, perms in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, codename in perms:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            ).first()
            if permission is None:
                continue
            if app_label in ("wagtailimages", "wagtaildocs"):
                root_collection = Collection.objects.filter(depth=1).first()
                if root_collection:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
            else:
                group.permissions.add(permission)

    translators = Group.objects.get(name="Translators")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in TRANSLATOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=translators, page=root, permission=permission)


TASK = "heart_site.core.record_scheduler_heartbeat"


def ensure_heartbeat_task(apps):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    PeriodicTask.objects.get_or_create(
        name="Scheduler heartbeat",
        defaults={"task": TASK, "interval": every_minute, "enabled": True},
    )


def remove_heartbeat_task(apps):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


def ensure(apps):
    ensure_locales_and_themes(apps)
    ensure_staff_groups(apps)
    ensure_heartbeat_task(apps)
