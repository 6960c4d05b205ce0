"""Anonymous by construction: the schema offers no path from a response to the one person who
gave it, except the identified campaigns' own table, which an anonymous campaign never fills."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from mapping.models import Answer, Campaign, IdentifiedResponse, Invitation, QuestionnaireVersion, Response

pytestmark = pytest.mark.django_db


def rows_of_a_response(*, skip=()):
    """The models whose rows belong to one response: the response and, transitively, whatever
    refers to it (its answers, ...)."""
    found, frontier = {Response}, [Response]
    while frontier:
        model = frontier.pop()
        for field in model._meta.get_fields():
            if field.auto_created and not field.concrete and field.related_model not in found | set(skip):
                found.add(field.related_model)
                frontier.append(field.related_model)
    return found


def points_at(model):
    return {f.related_model for f in model._meta.get_fields() if f.concrete and f.is_relation}


def test_a_response_points_only_at_rows_it_shares_with_every_response_of_its_campaign():
    assert points_at(Response) == {Campaign, QuestionnaireVersion}


def test_no_row_of_a_response_points_at_an_invitation_or_a_person():
    person = apps.get_model(settings.AUTH_USER_MODEL)
    own_rows = rows_of_a_response(skip={IdentifiedResponse})
    assert Answer in own_rows
    for model in own_rows - {Response}:
        assert not points_at(model) & {Invitation, person}, model


def test_the_identified_table_is_the_only_way_and_it_does_lead_there():
    # The guard above would pass for the wrong reason if the walk could not find such a link.
    assert IdentifiedResponse in rows_of_a_response()
    assert Invitation in points_at(IdentifiedResponse)


def test_a_response_row_holds_no_time_of_day_and_no_address():
    kinds = {type(field) for field in Response._meta.concrete_fields}
    assert models.DateTimeField not in kinds and models.GenericIPAddressField not in kinds
    names = {field.name for field in Response._meta.concrete_fields}
    assert names == {"id", "campaign", "version", "submitted_on", "organisation_type", "region", "language"}
    assert isinstance(Response._meta.pk, models.UUIDField)  # random: row order says nothing
