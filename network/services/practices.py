"""Good practices submitted from the site: each becomes a draft page under the library, in the
library's language, and enters the moderation workflow; a moderator's approval publishes it."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from heart_site.core.models import Theme

from ..errors import NetworkError, NotAllowed
from ..models import Organisation, PracticeLibraryPage, PracticePage


def plain_text_to_html(text: str) -> str:
    """Paragraphs from blank-line-separated plain text, every character escaped: submitted
    HTML is shown as text, never interpreted."""
    paragraphs = []
    for block in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n"):
        lines = [escape(line.strip()) for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(paragraphs)


def _unique_slug(library, title):
    base = slugify(title, allow_unicode=False)[:70].strip("-") or "practice"
    taken = set(library.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _source_themes(themes):
    keys = [theme.translation_key for theme in themes]
    return list(Theme.objects.filter(translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE))


@transaction.atomic
def practice_submit(
    *,
    library: PracticeLibraryPage,
    user,
    title: str,
    summary: str,
    description: str,
    what_worked: str,
    contact_name: str,
    contact_email: str,
    lessons_learned: str = "",
    organisation: Organisation | None = None,
    organisation_name: str = "",
    themes=(),
) -> PracticePage:
    """Create the practice as a draft child of ``library`` and start the library's moderation
    workflow on it. Texts are plain text. Refused when no workflow covers the library: without
    one, nobody would ever be asked to review the submission."""
    if user is None or not user.is_authenticated:
        raise NotAllowed(_("Log in to submit a good practice."))
    workflow = library.get_workflow()
    if workflow is None:
        raise NetworkError(_("Submissions are closed at the moment. Please try again later."))
    texts = {
        "title": title.strip(),
        "summary": summary.strip(),
        "description": plain_text_to_html(description),
        "what_worked": plain_text_to_html(what_worked),
    }
    if not all(texts.values()):
        raise NetworkError(_("Give the title, the summary, the method and what worked."))
    if organisation is not None and not organisation.is_public:
        organisation = None
    contact = contact_name.strip()
    page = PracticePage(
        **texts,
        slug=_unique_slug(library, title),
        locale=library.locale,
        live=False,
        organisation=organisation,
        organisation_name="" if organisation is not None else organisation_name.strip()[:200],
        lessons_learned=plain_text_to_html(lessons_learned),
        contact_name=contact[:200],
        contact_email=contact_email.strip(),
        submitted_by=user,
    )
    page.themes = _source_themes(themes)
    try:
        with transaction.atomic():
            library.add_child(instance=page)
    except ValidationError as error:
        # Someone took the slug since it was chosen: a suffix nobody will guess the same.
        if "slug" not in getattr(error, "error_dict", {}):
            raise
        page.slug = f"{page.slug[:60]}-{secrets.token_hex(3)}"
        page.path = page.depth = None
        library.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    workflow.start(page, user)
    return page
