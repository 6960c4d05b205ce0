"""The English locale beside the Swedish source, and the Theme taxonomy in both languages.

Themes are the vocabulary every plugin tags with, so they exist from the first migrate, not
only in demo content. Slugs are English and identical in both locales.
"""

from django.db import migrations

from heart_site.core.reference_data import ensure_locales_and_themes


def create(apps, schema_editor):
    ensure_locales_and_themes(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
