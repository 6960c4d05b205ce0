"""What a digest is made of. Each app registers a section; the digest asks every section for
what was published in a period, in the subscriber's language and themes.

News registers here; the learning plugin adds new and updated modules and the network plugin
upcoming events from their own AppConfig.ready().
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DigestQuery:
    language: str
    since: datetime.datetime
    until: datetime.datetime
    theme_keys: frozenset = field(default_factory=frozenset)  # Theme translation keys; empty = all


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    summary: str = ""
    date: datetime.date | None = None
    # The language the item is written in; differs from the subscriber's when no translation
    # exists yet, and the email says so.
    language: str = ""


@dataclass(frozen=True)
class DigestSection:
    key: str
    title: str | Promise
    collect: Callable[[DigestQuery], list[DigestItem]]
    order: int = 100


_sections: dict[str, DigestSection] = {}


def register(section: DigestSection) -> None:
    _sections[section.key] = section


def sections() -> list[DigestSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def register_builtin_sections():
    if apps.is_installed("heart_site.news"):
        from heart_site.news.digest import collect_news

        register(DigestSection(key="news", title=_("News"), collect=collect_news, order=10))
