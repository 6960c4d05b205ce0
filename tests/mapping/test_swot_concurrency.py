"""Votes and invitations at the same moment, in real concurrent transactions on PostgreSQL: a
double submit makes one vote, and one invitation link accepted by two people at once makes one
member. (SQLite runs one writer at a time, so it cannot show the race; these tests fail in CI
without PostgreSQL and are skipped elsewhere.)"""

import re
import time

import pytest
from django.db import connection

from heart_site.notifications.models import OutboxMessage
from mapping.errors import Conflict
from mapping.models import SwotMembership, SwotVote
from mapping.services import swot as services
from tests.concurrency import run_together
from tests.conftest import missing_service
from tests.factories.users import UserFactory

from .swot_setup import join, make_board, make_facilitator

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def require_postgresql(reference_data):
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL is needed for real concurrent transactions (set DATABASE_URL)")


@pytest.fixture
def setup():
    facilitator = make_facilitator()
    board = make_board(facilitator)
    voter = join(board, UserFactory())
    item = services.swot_item_add(board=board, user=voter, quadrant="strength", text="Engagerade chefer")
    return facilitator, board, voter, item


def test_a_double_submitted_vote_counts_once(setup, monkeypatch):
    _facilitator, _board, voter, item = setup
    # Widen the window: both requests find no vote before either inserts one.
    original = SwotVote.objects.get_or_create

    def slow_get_or_create(**kwargs):
        time.sleep(0.05)
        return original(**kwargs)

    monkeypatch.setattr(SwotVote.objects, "get_or_create", slow_get_or_create)
    outcomes = run_together(*[lambda: services.swot_vote_set(item=item, user=voter, voted=True)] * 4)
    assert outcomes == [True] * 4
    assert SwotVote.objects.filter(item=item, user=voter).count() == 1


def test_one_invitation_accepted_twice_at_once_makes_one_member(setup):
    facilitator, board, _voter, _item = setup
    services.swot_invite(board=board, user=facilitator, emails="ada@example.org", language="sv")
    token = re.search(r"/swot/invitations/([^/\s]+)/", OutboxMessage.objects.get().body_text).group(1)
    ada, eve = UserFactory(), UserFactory()
    outcomes = run_together(
        lambda: services.swot_invitation_accept(token=token, user=ada),
        lambda: services.swot_invitation_accept(token=token, user=eve),
    )
    assert sorted(type(outcome).__name__ for outcome in outcomes) == sorted(["SwotBoard", Conflict.__name__])
    members = SwotMembership.objects.filter(board=board, user__in=[ada, eve]).count()
    assert members == 1
