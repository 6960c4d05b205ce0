"""Boards, members and facilitators for the SWOT tests. A test module imports the fixtures
(``*_fixture``) it uses; they are named without the suffix."""

import pytest
from django.contrib.auth.models import Group

from heart_site.core.models import Theme
from mapping.models import SwotMembership
from mapping.reference_data import SWOT_FACILITATORS
from mapping.services import swot as services
from tests.factories.users import UserFactory


def topic(slug="accessibility-mainstreaming"):
    return Theme.objects.get(slug=slug, locale__language_code="sv")


def make_facilitator(**kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=SWOT_FACILITATORS))
    return user


def make_board(facilitator, *, slug="accessibility-mainstreaming", organisations="Järfälla kommun", **kwargs):
    return services.swot_board_create(
        user=facilitator, topic=topic(slug), organisations=organisations, **kwargs
    )


def join(board, user, role=SwotMembership.Role.PARTICIPANT):
    SwotMembership.objects.get_or_create(board=board, user=user, defaults={"role": role})
    return user


@pytest.fixture(name="facilitator")
def facilitator_fixture(reference_data):
    return make_facilitator(full_name="Fanny Facilitator")


@pytest.fixture(name="board")
def board_fixture(facilitator):
    return make_board(facilitator)


@pytest.fixture(name="participant")
def participant_fixture(board):
    return join(board, UserFactory(full_name="Per Participant"))


@pytest.fixture(name="outsider")
def outsider_fixture(reference_data):
    return UserFactory(full_name="Olle Outsider")
