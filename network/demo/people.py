"""The network coordinator's demo login, and a demo participant registered for the seminar
through the registration service, as their click on "Register" would do it."""

from django.contrib.auth import get_user_model

from heart_site.core.management.commands.load_demo import create_users

from ..errors import NetworkError
from ..models import Registration
from ..reference_data import COORDINATORS
from ..services import events as services

COORDINATOR = {
    "username": "networkcoordinator",
    "email": "networkcoordinator@heart.example",
    "password": "heart-demo-network",
    "full_name": "Nora Nätverk",
    "organisation_name": "HEART",
    "preferred_language": "sv",
    "is_staff": True,
    "is_superuser": False,
    "group": COORDINATORS,
    "role": "Network coordinator",
}
PARTICIPANT = "participant"  # the core demo's participant


def add_coordinator(*, result):
    (user,) = create_users(result, [COORDINATOR])
    result.logins.append(COORDINATOR)
    return user


def register_participant(*, event, result):
    user = get_user_model().objects.filter(username=PARTICIPANT).first()
    if user is None:
        result.notes.append(f"no user {PARTICIPANT!r}; nobody was registered for “{event.title}”")
        return None
    existing = Registration.objects.filter(event=event, user=user).first()
    if existing is not None:
        result.existing.append(existing)
        return existing
    try:
        registration = services.registration_for_account(event=event, user=user, needs="Hörslinga")
    except NetworkError as error:
        # An editor closed the registration or filled the event: the rest of the demo still loads.
        result.notes.append(f"{user.username} was not registered for “{event.title}”: {error}")
        return None
    result.created.append(f"registration of {user.username} for “{event.title}” ({registration.status})")
    return registration
