"""The privacy registry: every app says how to export and how to erase a person's data.

Apps register a handler in ``AppConfig.ready()``. "Download my data" collects every
handler's export into one JSON document; "delete my account" runs every handler's eraser and
then deletes the user, all in one transaction, so a failure leaves everything as it was.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction


@dataclass(frozen=True)
class PrivacyHandler:
    key: str
    label: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None]


_handlers: dict[str, PrivacyHandler] = {}


def register(key: str, *, label, export: Callable[[Any], Any], erase: Callable[[Any], None]) -> None:
    if key in _handlers and _handlers[key].export is not export:
        raise ValueError(f"A privacy handler named {key!r} is already registered.")
    _handlers[key] = PrivacyHandler(key=key, label=label, export=export, erase=erase)


def handlers() -> list[PrivacyHandler]:
    return list(_handlers.values())


def user_data_export(*, user) -> dict[str, Any]:
    return {handler.key: handler.export(user) for handler in handlers()}


@transaction.atomic
def user_data_erase(*, user) -> None:
    for handler in handlers():
        handler.erase(user)
    user.delete()
