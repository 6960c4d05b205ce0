"""Staff groups: Wagtail's Editors and Moderators, and a Translators group for
wagtail-localize, each with the permissions its work needs.

Model permissions are normally created after migrations run; they are created here first so
that a fresh database gets the groups complete in one migrate.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
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


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_locales_and_themes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
