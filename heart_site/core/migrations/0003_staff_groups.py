"""Staff groups: Wagtail's Editors and Moderators, and a Translators group for
wagtail-localize, each with the permissions its work needs."""

from django.db import migrations

from heart_site.core.reference_data import ensure_staff_groups


def create_groups(apps, schema_editor):
    ensure_staff_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_locales_and_themes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
