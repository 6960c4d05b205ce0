"""Build the bilingual demo site: pages in Swedish and English, theme descriptions, site
settings and one login per role.

The command only creates what is missing and never overwrites what is there, so it can run
any number of times: a second run finds everything and says so. The texts live in
``heart_site.core.demo_content``.

Plugins add their own demo after the core content: an installed app whose AppConfig has a
``demo_content`` attribute (the dotted path of a function) is called with the keyword
arguments ``home_sv``, ``home_en`` (the two home pages) and ``result``, to which it adds what
it created or found (``created``, ``existing``, ``notes``) and the accounts it made
(``logins``: dicts shaped like ``demo_content.USERS``, which the login table prints). Removing
the app removes its demo; the core never imports a plugin.
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from heart_site.core import demo_content
from heart_site.core.models import AccessibilityStatementPage, HomePage, SiteSettings, StandardPage, Theme
from heart_site.news.models import NewsIndexPage, NewsPage

PAGE_TYPES = {
    "home": HomePage,
    "standard": StandardPage,
    "accessibility": AccessibilityStatementPage,
    "news_index": NewsIndexPage,
    "news": NewsPage,
}
STREAM_FIELDS = ("body",)
SOURCE, TRANSLATION = "sv", "en"


@dataclass
class Result:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    untranslated: list = field(default_factory=list)
    logins: list = field(default_factory=list)  # plugins' demo accounts, shaped like demo_content.USERS


class Command(BaseCommand):
    help = "Load the bilingual demo content and demo users. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            result = load_demo()
        self.report(result)

    def report(self, result):
        write, style = self.stdout.write, self.style
        if result.created:
            write(style.SUCCESS(f"Created {len(result.created)} demo objects:"))
            for line in result.created:
                write(f"  + {line}")
        else:
            write(style.SUCCESS("The demo content already exists; nothing new was created."))
        if result.existing:
            write(f"{len(result.existing)} demo objects were already there and were left as they are.")
        for note in result.notes:
            write(style.WARNING(f"Note: {note}"))
        for page in result.untranslated:
            write(
                f'Left untranslated on purpose: "{page.title}" ({page.get_url()}). Switch it to '
                "English to see the “not translated yet” notice."
            )
        write("")
        write(f"Site:  {demo_content.SITE_URL}  (Swedish under /sv/, English under /en/)")
        write(f"Admin: {demo_content.ADMIN_URL}")
        write("")
        write("Demo logins (a password is set only when its account is created):")
        rows = [("Role", "Username", "Email", "Password")] + [
            (u["role"], u["username"], u["email"], u["password"]) for u in demo_content.USERS + result.logins
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for index, row in enumerate(rows):
            write(
                "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            )
            if index == 0:
                write("  " + "  ".join("-" * width for width in widths))


def load_demo():
    """Build everything; the caller provides the transaction."""
    result = Result()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    if not {SOURCE, TRANSLATION} <= set(locales) or Page.get_first_root_node() is None:
        raise CommandError("The locales or Wagtail's root page are missing; run `manage.py migrate` first.")
    describe_themes(result)
    pages = {SOURCE: {}, TRANSLATION: {}}
    build_source_pages(locales[SOURCE], pages, result)
    site = attach_default_site(pages[SOURCE]["home"], result)
    # Before translating: the English home goes beside the Swedish one, where the
    # placeholder page would otherwise hold the slug "home".
    remove_welcome_page(site, result)
    build_translations(locales[TRANSLATION], pages, result)
    configure_site_settings(site, result)
    create_users(result)
    load_plugin_demos(pages, result)
    return result


def load_plugin_demos(pages, result):
    """Call each installed app's ``demo_content`` function (see the module docstring)."""
    for config in apps.get_app_configs():
        path = getattr(config, "demo_content", None)
        if path:
            import_string(path)(
                home_sv=reload(pages[SOURCE]["home"]),
                home_en=reload(pages[TRANSLATION]["home"]),
                result=result,
            )


# ---------------------------------------------------------------------------- themes


def describe_themes(result):
    """Fill in the descriptions of the themes that have none."""
    described = 0
    for slug, texts in demo_content.THEME_DESCRIPTIONS.items():
        for code, description in texts.items():
            theme = Theme.objects.filter(slug=slug, locale__language_code=code).first()
            if theme is None:
                result.notes.append(f"theme {slug!r} ({code}) is missing; run the migrations")
            elif not theme.description:
                theme.description = description
                theme.save(update_fields=["description"])
                described += 1
    if described:
        result.created.append(f"descriptions of {described} themes (Swedish and English)")


def source_themes(slugs):
    themes = {t.slug: t for t in Theme.objects.filter(slug__in=slugs, locale__language_code=SOURCE)}
    missing = set(slugs) - set(themes)
    if missing:
        raise CommandError(f"Swedish themes missing: {', '.join(sorted(missing))}; run the migrations.")
    return [themes[slug] for slug in slugs]


# ----------------------------------------------------------------------------- pages


def build_source_pages(locale, pages, result):
    """Create the missing Swedish pages.

    Pages are first saved as drafts with their plain fields, so that every page exists before
    any StreamField is filled in (calls to action link to other demo pages by id). Only the
    pages created in this run are then given their bodies and published.
    """
    created = []
    for spec in demo_content.PAGES:
        page, is_new = ensure_source_page(spec, pages[SOURCE], locale)
        pages[SOURCE][spec["key"]] = page
        (created if is_new else result.existing).append((spec, SOURCE, page))
    publish_created(created, pages, SOURCE, result)


def build_translations(locale, pages, result):
    """Create the missing English translations, in the same two steps as the sources."""
    created = []
    for spec in demo_content.PAGES:
        source = reload(pages[SOURCE][spec["key"]])
        if spec[TRANSLATION] is None:
            if source.get_translation_or_none(locale) is None:
                result.untranslated.append(source)
            continue
        page, is_new = ensure_translation(spec, source, locale)
        pages[TRANSLATION][spec["key"]] = page
        (created if is_new else result.existing).append((spec, TRANSLATION, page))
    publish_created(created, pages, TRANSLATION, result)


def ensure_source_page(spec, source_pages, locale):
    model = PAGE_TYPES[spec["type"]]
    texts = spec[SOURCE]
    if spec["parent"] is None:
        existing = model.objects.filter(depth=2, locale=locale).first()
        parent = Page.get_first_root_node()
    else:
        parent = reload(source_pages[spec["parent"]])
        existing = parent.get_children().filter(slug=texts["slug"]).first()
        if existing is not None and not isinstance(existing.specific, model):
            raise CommandError(
                f"{existing.url_path} exists but is a {existing.specific_class.__name__}, "
                f"not a {model.__name__}; move or rename it and run the command again."
            )
    if existing is not None:
        return existing.specific, False

    page = model(locale=locale, live=False, **spec["fields"])
    set_texts(page, texts)
    if spec.get("themes"):
        page.themes.set(source_themes(spec["themes"]))
    parent.add_child(instance=page)
    return page, True


def ensure_translation(spec, source, locale):
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    page = source.copy_for_translation(locale, copy_parents=True, alias=False).specific
    texts = spec[TRANSLATION]
    set_texts(page, texts)
    page.slug = find_available_slug(page.get_parent(), texts["slug"], ignore_page_id=page.pk)
    page.save()
    return page, True


def set_texts(page, texts):
    """Set a page's plain fields (everything but its StreamFields) from ``texts``."""
    for name, value in texts.items():
        if name in STREAM_FIELDS:
            continue
        if name == "tags":
            page.tags.clear()
            page.tags.add(*value)
        else:
            setattr(page, name, value)
    page.draft_title = page.title


def publish_created(created, pages, language, result):
    for spec, code, page in created:
        page = reload(page)
        texts = spec[code]
        for name in STREAM_FIELDS:
            if name in texts:
                setattr(page, name, to_stream(texts[name], pages, language))
        page.save_revision().publish()
        result.created.append(f"{page.specific_class._meta.verbose_name} “{page.title}” ({code})")


def to_stream(blocks, pages, language):
    """Turn the compact block tuples of ``demo_content`` into raw StreamField data."""
    data = []
    for kind, *args in blocks:
        if kind in ("h2", "h3", "h4"):
            data.append({"type": "heading", "value": {"text": args[0], "level": kind}})
        elif kind == "p":
            data.append({"type": "paragraph", "value": args[0]})
        elif kind == "quote":
            data.append({"type": "quote", "value": {"text": args[0], "attribution": args[1]}})
        elif kind == "cta":
            cta = dict(args[0])
            key = cta.pop("page")
            target = pages[language].get(key) or pages[SOURCE][key]
            data.append(
                {"type": "call_to_action", "value": {**cta, "target": {"page": target.pk, "url": ""}}}
            )
        else:
            raise CommandError(f"Unknown block kind {kind!r} in demo_content.")
    return data


def reload(page):
    return Page.objects.get(pk=page.pk).specific


# ------------------------------------------------------------------- site and settings


def attach_default_site(home, result):
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {"hostname": "localhost", "port": 80, "site_name": "HEART", "root_page_id": home.pk}
    if site.pk and all(getattr(site, name) == value for name, value in wanted.items()):
        result.existing.append(site)
        return site
    for name, value in wanted.items():
        setattr(site, name, value)
    site.save()
    result.created.append(f"default site {site.hostname}:{site.port} with root “{home.title}”")
    return site


def remove_welcome_page(site, result):
    """Delete the placeholder page Wagtail's migrations create, once nothing relies on it."""
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain_page):
        if page.sites_rooted_here.exists() or page.numchild:
            result.notes.append(f"left the plain page {page.url_path} in place: it has children or a site")
            continue
        title = page.title
        page.delete()
        result.created.append(f"removal of Wagtail's placeholder page “{title}”")


def configure_site_settings(site, result):
    settings = SiteSettings.for_site(site)
    changed = [name for name, value in demo_content.SITE_SETTINGS.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, demo_content.SITE_SETTINGS[name])
    if changed:
        settings.save()
        result.created.append(f"site settings: {', '.join(changed)}")
    else:
        result.existing.append(settings)


# ----------------------------------------------------------------------------- users


def create_users(result, specs=None):
    """Create the accounts of ``specs`` (default: ``demo_content.USERS``) that are missing;
    plugins call it with their own. Returns the users, in the order of ``specs``."""
    User = get_user_model()
    users = []
    for spec in demo_content.USERS if specs is None else specs:
        user = (
            User.objects.filter(username=spec["username"]).first()
            or User.objects.filter(email__iexact=spec["email"]).first()
        )
        if user is None:
            user = User.objects.create_user(
                username=spec["username"],
                email=spec["email"],
                password=spec["password"],
                full_name=spec["full_name"],
                organisation_name=spec["organisation_name"],
                preferred_language=spec["preferred_language"],
                is_staff=spec["is_staff"],
                is_superuser=spec["is_superuser"],
            )
            result.created.append(f"user {user.username} <{user.email}>")
        else:
            result.existing.append(user)
            if spec["is_staff"] and not user.is_staff or spec["is_superuser"] and not user.is_superuser:
                user.is_staff = user.is_staff or spec["is_staff"]
                user.is_superuser = user.is_superuser or spec["is_superuser"]
                user.save(update_fields=["is_staff", "is_superuser"])
        if spec["group"]:
            group, group_created = Group.objects.get_or_create(name=spec["group"])
            if group_created:
                result.notes.append(f"group {group.name!r} did not exist and has no permissions yet")
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
                result.created.append(f"membership of {user.username} in {group.name}")
        ensure_verified_email(user, result)
        users.append(user)
    return users


def ensure_verified_email(user, result):
    """Give the user a verified primary address, which mandatory verification requires."""
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is not None and address.verified and address.primary:
        return
    if EmailAddress.objects.filter(email__iexact=user.email).exclude(user=user).exists():
        result.notes.append(f"{user.email} is registered to another account; not verified for {user}")
        return
    EmailAddress.objects.filter(user=user, primary=True).exclude(pk=getattr(address, "pk", None)).update(
        primary=False
    )
    if address is None:
        address = EmailAddress(user=user, email=user.email)
    address.verified = address.primary = True
    address.save()
    result.created.append(f"verified email address {user.email}")
