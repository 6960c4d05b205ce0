"""The public partner directory, its map and the organisation profiles: public fields only, in
the visitor's language, each organisation once, filters, and a query count that does not grow
with the number of organisations."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from network.map import DATA, build_map, europe, to_svg
from network.models import Interaction, Partnership
from network.selectors import directory as selectors
from tests.factories.network import (
    ContactFactory,
    OrganisationFactory,
    PartnerDirectoryPageFactory,
    PlaceFactory,
)
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

NOTE = "Hemlig intern anteckning om budgeten"


@pytest.fixture
def directory(site_tree):
    home_sv, _home_en = site_tree
    page = PartnerDirectoryPageFactory(parent=home_sv, intro="Organisationer i nätverket.")
    english = translate(page, "en", title="Partners", slug="partners", intro="Organisations in the network.")
    return page, english


def translate_organisation(organisation, **fields):
    translated = organisation.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def html_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def listed_names(soup):
    return [a.get_text(strip=True) for a in soup.select("ul.directory-list h3 a")]


@pytest.fixture
def stockholm():
    return PlaceFactory(name="Stockholm", country="SE", latitude=59.33, longitude=18.07)


@pytest.fixture
def bologna():
    return PlaceFactory(name="Bologna", country="IT", latitude=44.49, longitude=11.34)


# --- Listing --------------------------------------------------------------------------------


def test_each_organisation_once_in_the_visitors_language(client, directory, stockholm):
    _sv, en = directory
    translated = OrganisationFactory(
        name="Alfa kommun", place=stockholm, public_description="Svensk text.", sector="Offentlig sektor"
    )
    translate_organisation(translated, public_description="English text.", sector="Public sector")
    untranslated = OrganisationFactory(name="Beta AB", place=stockholm, public_description="Bara svenska.")
    OrganisationFactory(name="Gamma dold", is_public=False)

    soup = html_of(client.get(en.url))

    assert listed_names(soup) == ["Alfa kommun", "Beta AB"]
    assert soup.find("p", attrs={"role": "status"}).get_text(strip=True) == "2 organisations"
    text = soup.get_text()
    assert "English text." in text and "Svensk text." not in text
    assert "Public sector" in text and "Offentlig sektor" not in text
    # The untranslated description is marked as Swedish for screen readers.
    assert soup.find("p", string="Bara svenska.")["lang"] == "sv"
    assert untranslated.name in text


def test_swedish_visitors_get_the_swedish_text(client, directory):
    sv, _en = directory
    organisation = OrganisationFactory(public_description="Svensk text.")
    translate_organisation(organisation, public_description="English text.")

    soup = html_of(client.get(sv.url))

    assert "Svensk text." in soup.get_text()
    assert "English text." not in soup.get_text()
    assert soup.find("p", attrs={"role": "status"}).get_text(strip=True) == "1 organisation"


def test_a_hidden_source_hides_its_stale_public_translation(client, directory):
    _sv, en = directory
    organisation = OrganisationFactory(name="Dold förening")
    translate_organisation(organisation, public_description="Still public in English.")
    organisation.is_public = False
    organisation.save()

    soup = html_of(client.get(en.url))

    assert listed_names(soup) == []
    assert "Still public in English." not in soup.get_text()
    assert client.get(f"{en.url}{organisation.slug}/").status_code == 404


def test_nothing_internal_reaches_the_directory_or_a_profile(client, directory, stockholm):
    sv, en = directory
    organisation = OrganisationFactory(place=stockholm, internal_notes=NOTE)
    translate_organisation(organisation, internal_notes=NOTE)
    contact = ContactFactory(organisation=organisation, full_name="Kim Kontaktsson", email="kim@example.org")
    interaction = Interaction.objects.create(
        kind=Interaction.Kind.MEETING,
        date="2026-01-10",
        organisation=organisation,
        summary="Samtal om lönenivåer",
    )
    interaction.contacts.set([contact])
    participant = UserFactory()

    for user in (None, participant):
        if user:
            client.force_login(user)
        for url in (sv.url, en.url, f"{sv.url}{organisation.slug}/", f"{en.url}{organisation.slug}/"):
            response = client.get(url)
            body = response.content.decode()
            assert response.status_code == 200
            assert organisation.name in body
            for secret in (NOTE, "Kim Kontaktsson", "kim@example.org", "Samtal om lönenivåer", "Samordnare"):
                assert secret not in body, (url, secret)


def test_filters_by_type_and_country_with_translated_country_names(client, directory, stockholm, bologna):
    sv, en = directory
    OrganisationFactory(name="Stockholms stad", kind="municipality", place=stockholm)
    OrganisationFactory(name="Centro di formazione", kind="training_centre", place=bologna)
    OrganisationFactory(name="Università di Bologna", kind="university", place=bologna)

    assert listed_names(html_of(client.get(en.url, {"country": "IT"}))) == [
        "Centro di formazione",
        "Università di Bologna",
    ]
    assert listed_names(html_of(client.get(en.url, {"country": "it", "type": "university"}))) == [
        "Università di Bologna"
    ]
    assert listed_names(html_of(client.get(en.url, {"type": "municipality"}))) == ["Stockholms stad"]
    # Values that are not choices are ignored rather than failing.
    assert len(listed_names(html_of(client.get(en.url, {"type": "<script>", "country": "ZZ"})))) == 3

    sv_options = [o.get_text() for o in html_of(client.get(sv.url)).select("#country-filter option")]
    en_options = [o.get_text() for o in html_of(client.get(en.url)).select("#country-filter option")]
    assert sv_options[1:] == ["Italien", "Sverige"]
    assert en_options[1:] == ["Italy", "Sweden"]
    type_options = html_of(client.get(sv.url)).select("#type-filter option")
    assert "Kommun" in [o.get_text() for o in type_options] or "Municipality" in [
        o.get_text() for o in type_options
    ]


def test_flags_are_shown_as_text(client, directory):
    _sv, en = directory
    OrganisationFactory(name="Partnern", is_programme_partner=True, is_inclusive_employer=True)
    OrganisationFactory(name="Vanlig")

    cards = html_of(client.get(en.url)).select("ul.directory-list > li")

    flags = {card.h3.get_text(strip=True): [t.get_text() for t in card.select(".tag")] for card in cards}
    assert flags == {"Partnern": ["Programme partner", "Employer committed to inclusion"], "Vanlig": []}


def test_pages_of_organisations_keep_the_filters(client, directory, settings, stockholm):
    _sv, en = directory
    settings.NETWORK_PAGE_SIZE = 2
    for number in range(3):
        OrganisationFactory(name=f"Kommun {number}", kind="municipality", place=stockholm)
    OrganisationFactory(name="Företaget", kind="company", place=stockholm)

    first = html_of(client.get(en.url, {"type": "municipality"}))
    second = html_of(client.get(en.url, {"type": "municipality", "page": "2"}))
    beyond = html_of(client.get(en.url, {"type": "municipality", "page": "99"}))

    assert listed_names(first) == ["Kommun 0", "Kommun 1"]
    assert listed_names(second) == ["Kommun 2"]
    assert listed_names(beyond) == ["Kommun 2"]
    assert first.find("p", attrs={"role": "status"}).get_text(strip=True) == "3 organisations"
    assert first.select_one("a[rel=next]")["href"] == "?type=municipality&page=2"


def test_anonymous_responses_may_be_cached_and_logged_in_ones_not(client, directory):
    sv, _en = directory
    organisation = OrganisationFactory()

    for url in (sv.url, f"{sv.url}{organisation.slug}/"):
        assert client.get(url).wsgi_request.heart_page_cacheable is True
    client.force_login(UserFactory())
    for url in (sv.url, f"{sv.url}{organisation.slug}/"):
        assert getattr(client.get(url).wsgi_request, "heart_page_cacheable", False) is False


# --- Query counts ---------------------------------------------------------------------------

SMALL, LARGE = 2, 12
MAX_QUERIES = 20


def add_organisations(count, start):
    """Organisations as the real directory has them: each at its own place (half abroad), every
    other one translated, some with partnerships and contacts."""
    for number in range(start, start + count):
        place = PlaceFactory(
            name=f"Stad {number}",
            country="SE" if number % 2 else "DE",
            latitude=50 + number % 8,
            longitude=10,
        )
        organisation = OrganisationFactory(name=f"Org {number:03}", place=place, is_programme_partner=True)
        if number % 2 == 0:
            translate_organisation(organisation, public_description=f"Text {number}")
        if number % 3 == 0:
            Partnership.objects.create(place=place, organisation=organisation, status=3)
            ContactFactory(organisation=organisation)


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site roots, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_directory_query_count_does_not_grow(client, directory, language, django_assert_max_num_queries):
    page = directory[0] if language == "sv" else directory[1]
    add_organisations(SMALL, 0)
    small, response = count_queries(client, page.url)
    assert len(listed_names(html_of(response))) == SMALL
    add_organisations(LARGE - SMALL, SMALL)
    with django_assert_max_num_queries(small):
        response = client.get(page.url)
    soup = html_of(response)
    assert len(listed_names(soup)) == LARGE
    assert len(soup.select("circle[data-place]")) == LARGE
    assert small <= MAX_QUERIES
    print(f"directory ({language}): {small} queries with {SMALL} organisations and {LARGE}")


def test_a_profile_query_count_is_small(client, directory, django_assert_max_num_queries):
    _sv, en = directory
    organisation = OrganisationFactory()
    translate_organisation(organisation, public_description="In English.")
    url = f"{en.url}{organisation.slug}/"
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert "In English." in client.get(url).content.decode()


# --- Profiles -------------------------------------------------------------------------------


def test_a_profile_shows_public_fields_and_accessibility_facts(client, directory, bologna):
    _sv, en = directory
    organisation = OrganisationFactory(
        name="Centro Ricerca",
        slug="centro-ricerca",
        kind="training_centre",
        sector="Vocational training",
        place=bologna,
        website="https://centro.example.it/",
        is_programme_partner=True,
        step_free_entrance=True,
        hearing_loop=False,
        accessibility_notes="Ingång från gården.",
    )
    translate_organisation(
        organisation, public_description="A training centre.", accessibility_notes="Entrance from the yard."
    )

    soup = html_of(client.get(f"{en.url}centro-ricerca/"))

    assert soup.h1.get_text() == "Centro Ricerca"
    assert soup.title.get_text().startswith("Centro Ricerca · Partners")
    text = soup.get_text(" ", strip=True)
    assert "A training centre." in text and "Entrance from the yard." in text
    assert "Ingång från gården." not in text
    assert "Bologna, Italy" in text
    assert soup.find("a", href="https://centro.example.it/")
    facts = soup.select_one("dl.accessibility-facts")
    answers = dict(
        zip(
            [dt.get_text() for dt in facts.find_all("dt")],
            [dd.get_text() for dd in facts.find_all("dd")],
            strict=True,
        )
    )
    assert answers["Step-free entrance"] == "Yes"
    assert answers["Hearing loop"] == "No"
    assert answers["Quiet room"] == "Not known"
    assert len(answers) == 7


def test_a_profile_falls_back_to_the_swedish_text_marked_as_swedish(client, directory):
    _sv, en = directory
    organisation = OrganisationFactory(public_description="Bara på svenska.")

    soup = html_of(client.get(f"{en.url}{organisation.slug}/"))

    assert soup.find("p", class_="lead")["lang"] == "sv"


def test_the_language_switch_of_a_profile_leads_to_the_same_profile(client, directory):
    sv, en = directory
    organisation = OrganisationFactory(slug="centro-ricerca")

    soup = html_of(client.get(f"{sv.url}{organisation.slug}/"))

    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates["en"].endswith(f"{en.url}centro-ricerca/")
    assert client.get(f"{en.url}centro-ricerca/").status_code == 200


@pytest.mark.parametrize("slug", ["does-not-exist", "hidden-org"])
def test_unknown_or_hidden_profiles_are_404(client, directory, slug):
    sv, _en = directory
    OrganisationFactory(slug="hidden-org", is_public=False, name="Hemlig organisation")

    response = client.get(f"{sv.url}{slug}/")

    assert response.status_code == 404
    assert "Hemlig organisation" not in response.content.decode()


# --- The map --------------------------------------------------------------------------------


def test_the_map_marks_and_lists_every_place_with_public_organisations(client, directory, stockholm, bologna):
    _sv, en = directory
    OrganisationFactory(place=stockholm)
    OrganisationFactory(place=stockholm)
    OrganisationFactory(place=bologna)
    hidden_only = PlaceFactory(name="Gömd ort", country="SE", latitude=63.8, longitude=20.3)
    OrganisationFactory(place=hidden_only, is_public=False)
    pisa = PlaceFactory(name="Pisa", country="IT", latitude=43.72, longitude=10.4)
    Partnership.objects.create(place=pisa, status=Partnership.Status.CONTACTED)
    PlaceFactory(name="Oanvänd", country="SE")
    far = PlaceFactory(name="Las Palmas", country="ES", latitude=28.1, longitude=-15.4)
    OrganisationFactory(place=far)

    soup = html_of(client.get(en.url))

    svg = soup.find("svg", class_="network-map__svg")
    assert svg["role"] == "img"
    assert svg.title.get_text() and svg["aria-labelledby"] == svg.title["id"]
    markers = {int(c["data-place"]): c for c in svg.select("circle[data-place]")}
    assert set(markers) == {stockholm.pk, bologna.pk, pisa.pk}
    assert "network-map__marker--organisations" in markers[stockholm.pk]["class"]
    assert "network-map__marker--partnership" in markers[pisa.pk]["class"]
    assert markers[stockholm.pk].title.get_text() == "Stockholm, Sweden: 2 organisations"
    desc = svg.find("desc").get_text()
    for name in ("Stockholm (Sweden)", "Bologna (Italy)", "Pisa (Italy)"):
        assert name in desc
    assert "Las Palmas" not in desc  # outside the frame: listed, not marked

    items = {li["id"]: " ".join(li.get_text().split()) for li in soup.select("ul.place-list > li")}
    assert set(items) == {f"place-{p.pk}" for p in (stockholm, bologna, pisa, far)}
    assert items[f"place-{stockholm.pk}"].startswith("Stockholm, Sweden: 2 organisations in the directory")
    assert "partnership: Contacted" in items[f"place-{pisa.pk}"]
    assert "outside the map" in items[f"place-{far.pk}"]
    assert "Gömd ort" not in soup.get_text()
    assert "style=" not in response_text(client, en.url)  # the CSP forbids inline styles


def response_text(client, url):
    return client.get(url).content.decode()


def test_the_map_follows_the_filters(client, directory, stockholm, bologna):
    _sv, en = directory
    OrganisationFactory(place=stockholm, kind="municipality")
    OrganisationFactory(place=bologna, kind="university")
    Partnership.objects.create(place=stockholm, status=Partnership.Status.ESTABLISHED)

    soup = html_of(client.get(en.url, {"type": "university"}))

    assert [int(c["data-place"]) for c in soup.select("circle[data-place]")] == [bologna.pk]
    listed = [p["class"] for p in soup.select("path.network-map__country")]
    assert sum("network-map__country--listed" in classes for classes in listed) == 1


def test_markers_land_inside_their_country():
    """The markers use the projection the outlines were built with: Stockholm falls inside the
    bounding box of Sweden's outline and Bologna inside Italy's."""
    data = europe()

    def box(code):
        outline = next(c["d"] for c in data["countries"] if c["code"] == code)
        xs, ys = [], []
        for ring in re.findall(r"M([^z]+)z", outline):
            start, _sep, moves = ring.partition("l")
            x, y = (int(v) for v in re.findall(r"-?\d+", start))
            xs.append(x)
            ys.append(y)
            numbers = [int(v) for v in re.findall(r"-?\d+", moves)]
            for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
                x, y = x + dx, y + dy
                xs.append(x)
                ys.append(y)
        return min(xs), max(xs), min(ys), max(ys)

    for code, lon, lat in (("SE", 18.07, 59.33), ("IT", 11.34, 44.49), ("IE", -6.26, 53.35)):
        x, y = to_svg(lon, lat, data)
        x_min, x_max, y_min, y_max = box(code)
        assert x_min < x < x_max and y_min < y < y_max, code


def test_the_map_data_is_small_and_says_where_it_comes_from():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert DATA.stat().st_size < 150_000
    assert "Natural Earth" in data["source"]
    codes = {c["code"] for c in data["countries"]}
    assert {"SE", "IT", "IE", "IS", "PT", "FI", "CY", "GR"} <= codes


def test_build_map_keeps_places_outside_the_frame_for_the_list(stockholm):
    far = PlaceFactory(name="New York", country="US", latitude=40.7, longitude=-74.0)
    summaries = [
        selectors.PlaceSummary(place=stockholm, organisation_count=1, partnership_status=None),
        selectors.PlaceSummary(place=far, organisation_count=1, partnership_status=None),
    ]

    view = build_map(summaries)

    assert [m.place for m in view.markers] == [stockholm]
    assert [s.place for s in view.off_map] == [far]
    assert all(0 < m.x < view.width and 0 < m.y < view.height for m in view.markers)


def test_the_generator_decodes_topojson_and_keeps_only_europe():
    """A square around Stockholm, as world-atlas encodes it (quantized, delta-encoded arcs, one
    of them used reversed), comes out as Sweden's outline where the markers put Stockholm; a
    country on the other side of the world is left out."""
    from network.tools.build_europe_map import build

    step = 0.01
    topology = {
        "type": "Topology",
        "transform": {"scale": [step, step], "translate": [0, 0]},
        "arcs": [
            [[1700, 5900], [200, 0], [0, 100]],  # (17, 59) → (19, 59) → (19, 60)
            [[1700, 5900], [0, 100], [200, 0]],  # (17, 59) → (17, 60) → (19, 60), used reversed
            [[15000, -3000], [100, 0], [0, 100], [-100, 0], [0, -100]],  # near Sydney
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "752", "arcs": [[0, ~1]], "properties": {"name": "Sweden"}},
                    {"type": "Polygon", "id": "036", "arcs": [[2]], "properties": {"name": "Australia"}},
                ],
            }
        },
    }

    data = build(topology)

    assert [c["code"] for c in data["countries"]] == ["SE"]
    numbers = [int(n) for n in re.findall(r"-?\d+", data["countries"][0]["d"])]
    xs, ys = [numbers[0]], [numbers[1]]
    for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
        xs.append(xs[-1] + dx)
        ys.append(ys[-1] + dy)
    x, y = to_svg(18.0, 59.5, data)
    assert min(xs) < x < max(xs) and min(ys) < y < max(ys)
    assert len(xs) == 4  # the corners, nothing else


@pytest.mark.django_db
def test_saving_an_organisation_place_or_partnership_retires_the_page_cache():
    from django.core.cache import cache

    from heart_site.core.page_cache import GENERATION_KEY
    from network.models import Partnership

    def generation():
        return cache.get(GENERATION_KEY, 0)

    before = generation()
    organisation = OrganisationFactory()
    after_organisation = generation()
    Partnership.objects.create(place=organisation.place, status=Partnership.Status.ESTABLISHED)
    after_partnership = generation()
    organisation.delete()
    assert before < after_organisation < after_partnership < generation()
