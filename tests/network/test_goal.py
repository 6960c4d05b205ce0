"""The brief's goal: distinct cities or regions with an established contact, split Sweden / rest
of Europe, against the target set in the admin; counted in SQL, each place once."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from network.models import NetworkSettings, Partnership, Place
from network.reference_data import COORDINATORS
from network.selectors.network import place_goal_progress
from tests.factories.network import OrganisationFactory, PlaceFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

S = Partnership.Status


def partnership(place, status, organisation=None):
    return Partnership.objects.create(place=place, organisation=organisation, status=status)


@pytest.fixture
def world(reference_data):
    umea = PlaceFactory(name="Umeå", country="SE")
    stockholm = PlaceFactory(name="Stockholm", country="SE")
    bologna = PlaceFactory(name="Bologna", country="IT", kind=Place.Kind.CITY)
    pisa = PlaceFactory(name="Pisa", country="IT", kind=Place.Kind.CITY)
    dublin = PlaceFactory(name="Dublin", country="IE", kind=Place.Kind.CITY)
    PlaceFactory(name="Lund", country="SE")  # no partnership at all
    # Three organisations in Umeå, two of them established or beyond: Umeå counts once.
    for status in (S.ESTABLISHED, S.COLLABORATING, S.CONTACTED):
        partnership(umea, status, OrganisationFactory(place=umea))
    partnership(stockholm, S.ESTABLISHED)  # a place-level partnership, no organisation
    partnership(bologna, S.COLLABORATING, OrganisationFactory(place=bologna))
    partnership(pisa, S.CONTACTED, OrganisationFactory(place=pisa))
    partnership(dublin, S.IDENTIFIED)
    return {"umea": umea, "stockholm": stockholm, "bologna": bologna, "pisa": pisa, "dublin": dublin}


def test_places_are_counted_once_split_by_country_and_only_from_established(world):
    progress = place_goal_progress()
    assert (progress.in_sweden, progress.abroad, progress.total) == (2, 1, 3)
    # Furthest first, Sweden before the rest of Europe.
    assert [row.place.name for row in progress.reached] == ["Umeå", "Bologna", "Stockholm"]
    reached = {row.place.name: row for row in progress.reached}
    assert reached["Umeå"].status == S.COLLABORATING  # the furthest of its organisations
    assert reached["Umeå"].organisation_count == 3
    assert reached["Stockholm"].organisation_count == 0
    assert [(row.place.name, row.status) for row in progress.under_way] == [
        ("Pisa", S.CONTACTED),
        ("Dublin", S.IDENTIFIED),
    ]
    assert "Lund" not in {row.place.name for row in progress.reached + progress.under_way}


def test_the_goal_comes_from_the_settings_and_is_met_at_the_target(world):
    assert NetworkSettings.load().place_goal == 3
    assert place_goal_progress().met
    settings = NetworkSettings.load()
    settings.place_goal = 4
    settings.save()
    progress = place_goal_progress()
    assert (progress.goal, progress.met) == (4, False)
    # Pisa moves on to Established: the fourth place, abroad.
    Partnership.objects.filter(place=world["pisa"]).update(status=S.ESTABLISHED)
    progress = place_goal_progress()
    assert (progress.in_sweden, progress.abroad, progress.met) == (2, 2, True)


def test_a_place_that_falls_back_stops_counting(world):
    Partnership.objects.filter(place=world["bologna"]).update(status=S.CONTACTED)
    progress = place_goal_progress()
    assert (progress.in_sweden, progress.abroad) == (2, 0)
    assert "Bologna" in {row.place.name for row in progress.under_way}


def test_no_partnerships_at_all(reference_data):
    progress = place_goal_progress()
    assert (progress.total, progress.reached, progress.under_way, progress.met) == (0, [], [], False)


def test_the_count_costs_the_same_queries_with_more_places(world, django_assert_num_queries):
    NetworkSettings.load()  # the first load creates the row
    with django_assert_num_queries(3):  # the goal setting, the counts, the list
        place_goal_progress()
    for n in range(15):
        place = PlaceFactory(country="DE" if n % 2 else "SE")
        for _ in range(2):
            partnership(place, S.ESTABLISHED, OrganisationFactory(place=place))
    with django_assert_num_queries(3):
        progress = place_goal_progress()
    assert progress.total == 3 + 15


def test_coordinators_see_the_goal_panel_and_editors_do_not(client, world):
    coordinator = UserFactory()
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    client.force_login(coordinator)
    response = client.get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="network-goal' in content
    assert "Bologna" in content and "Dublin" in content
    assert reverse("wagtailsettings:edit", args=["network", "networksettings"]) in content

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="network-goal' not in content
    assert "Bologna" not in content
