"""Compile the site's gettext catalogues without GNU gettext, and check they are complete.

``compilemessages`` needs msgfmt, which a fresh machine may lack; polib does the same job in
Python. ``--check`` fails when any entry is untranslated or fuzzy in any language, or when a
committed .mo file is out of date with its .po file.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# UI strings are written in English, so the English catalogue is their identity: compiling fills
# it, and only the Swedish one needs a translator.
SOURCE_TEXT_LANGUAGE = "en"


def fill_with_source_text(po):
    """The source language's catalogue is the source text itself. msgmerge's fuzzy guesses
    (another string's text for a changed msgid) are wrong by definition there, so they go."""
    for entry in po:
        fuzzy = "fuzzy" in entry.flags
        if fuzzy:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        if entry.msgid_plural and (fuzzy or not all(entry.msgstr_plural.values())):
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        elif not entry.msgid_plural and (fuzzy or not entry.msgstr):
            entry.msgstr = entry.msgid


def catalogues():
    for locale_dir in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))


def problems_in(po):
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            yield f"fuzzy: {entry.msgid!r}"
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                yield f"untranslated plural: {entry.msgid!r}"
        elif not entry.msgstr:
            yield f"untranslated: {entry.msgid!r}"


class Command(BaseCommand):
    help = "Compile locale/*.po into .mo files; with --check, fail on missing or stale translations."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only check; change no file.")

    def handle(self, *args, check=False, **options):
        found = list(catalogues())
        if not found:
            raise CommandError("No catalogues found in LOCALE_PATHS.")
        failures = []
        for po_path in found:
            po = polib.pofile(str(po_path))
            if not check and po_path.parts[-3] == SOURCE_TEXT_LANGUAGE:
                fill_with_source_text(po)
                po.save()
            mo_path = po_path.with_suffix(".mo")
            failures += [f"{po_path}: {problem}" for problem in problems_in(po)]
            if check:
                if not mo_path.exists() or polib.mofile(str(mo_path)).to_binary() != po.to_binary():
                    failures.append(f"{mo_path}: out of date; run `make messages` or compile_translations")
            else:
                po.save_as_mofile(str(mo_path))
                self.stdout.write(f"compiled {mo_path} ({po.percent_translated()}% translated)")
        if failures:
            raise CommandError("Translations are incomplete:\n  " + "\n  ".join(failures))
        if check:
            self.stdout.write(self.style.SUCCESS(f"{len(found)} catalogues complete and compiled."))
