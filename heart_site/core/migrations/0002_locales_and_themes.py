"""The English locale beside the Swedish source, and the Theme taxonomy in both languages.

Themes are the vocabulary every plugin tags with, so they exist from the first migrate, not
only in demo content. Slugs are English and identical in both locales.
"""

import uuid

from django.db import migrations

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


def create(apps, schema_editor):
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


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
