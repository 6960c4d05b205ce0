"""Factories for the network plugin: places, organisations (Swedish source rows), contacts and
the public pages (directory, events, practice library), published as editors publish them."""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from network.models import (
    Contact,
    EventIndexPage,
    EventPage,
    Organisation,
    PartnerDirectoryPage,
    Place,
    PracticeLibraryPage,
    PracticePage,
)


class PlaceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ort {n}")
    kind = Place.Kind.MUNICIPALITY
    country = "SE"
    latitude = factory.Sequence(lambda n: 59 + (n % 10) / 10)
    longitude = factory.Sequence(lambda n: 17 + (n % 10) / 10)

    class Meta:
        model = Place


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.MUNICIPALITY
    place = factory.SubFactory(PlaceFactory)
    public_description = "En offentlig beskrivning."
    internal_notes = "Intern anteckning som aldrig visas."
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="sv"))
    translation_key = factory.LazyFunction(uuid.uuid4)

    class Meta:
        model = Organisation


class ContactFactory(factory.django.DjangoModelFactory):
    full_name = factory.Faker("name")
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Samordnare"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    lawful_basis = Contact.LawfulBasis.LEGITIMATE_INTEREST

    class Meta:
        model = Contact


def _publish(obj, create, extracted):
    if create and obj.live and extracted is not False:
        obj.save_revision().publish()
        obj.refresh_from_db()


class PartnerDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Partner"
    slug = "partner"

    class Meta:
        model = PartnerDirectoryPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Evenemang"
    slug = "evenemang"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seminarium {n}")
    summary = "Ett seminarium om likabehandling."
    kind = EventPage.Kind.SEMINAR
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    venue = "Kommunhuset"
    accessibility = "Entré utan trappsteg, hörslinga i salen."
    capacity = 2

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        _publish(obj, create, extracted)


class PracticeLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Goda exempel"
    slug = "goda-exempel"

    class Meta:
        model = PracticeLibraryPage


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Metod {n}")
    summary = "En metod som fungerade."
    description = "<p>Så gjorde vi.</p>"
    what_worked = "<p>Det här fungerade.</p>"

    class Meta:
        model = PracticePage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        _publish(obj, create, extracted)
