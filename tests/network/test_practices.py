"""The good-practice library: participants submit through a form, the submission waits in
Wagtail's moderation workflow (invisible on the site and in both APIs) until a moderator approves
it; the published library is searchable and filterable by theme, in the visitor's language."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from heart_site.core.models import Theme
from network.errors import NetworkError
from network.models import PracticePage
from network.services.practices import plain_text_to_html, practice_submit
from tests.factories.network import OrganisationFactory, PracticeLibraryPageFactory, PracticePageFactory
from tests.factories.pages import translate
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflow(site_tree):
    """Wagtail's default "Moderators approval" workflow on the root, and the moderators' right to
    publish, as a freshly migrated database has them (a flushed one has lost them)."""
    moderators = Group.objects.get(name="Moderators")
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval", defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for codename in ("change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=moderators, page=root, permission=permission)
    return workflow


@pytest.fixture
def library(site_tree, workflow):
    home_sv, _home_en = site_tree
    library_sv = PracticeLibraryPageFactory(parent=home_sv)
    library_en = translate(library_sv, "en", title="Good practices", slug="good-practices")
    return library_sv, library_en


@pytest.fixture
def participant(db):
    return UserFactory(full_name="Sara Svensson")


def theme(slug, language="sv"):
    return Theme.objects.get(slug=slug, locale__language_code=language)


def published(library, title, *, themes=(), **fields):
    page = PracticePageFactory(parent=library, title=title, publish=False, **fields)
    page.themes = list(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def submit_url(library):
    return library.url + "submit/"


def form_data(**overrides):
    data = {
        "title": "Mentorskap för nyanställda",
        "summary": "Varje nyanställd får en mentor i sex månader.",
        "organisation": "",
        "organisation_name": "Umeå kommun",
        "themes": [theme("disability").pk],
        "description": "Vi matchar <b>mentor</b> och adept.\nVi ses varje vecka.\n\n"
        "<script>alert(1)</script>",
        "what_worked": "Täta möten.",
        "lessons_learned": "",
        "contact_name": "Sara Svensson",
        "contact_email": "sara@example.org",
        "website": "",
    }
    data.update(overrides)
    return data


def approve(page, moderator):
    """As a moderator does it: the "Approve" action in the admin."""
    from django.test import Client

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    admin = Client()
    admin.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    return admin.post(url, {"comment": ""})


# --- Submitting -------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, library):
    library_sv, _ = library
    response = client.get(submit_url(library_sv))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    response = client.post(submit_url(library_sv), form_data())
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not PracticePage.objects.exists()


def test_a_submission_becomes_a_draft_in_moderation_with_escaped_text(client, library, participant):
    library_sv, _ = library
    client.force_login(participant)
    form = client.get(submit_url(library_sv))
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]

    response = client.post(submit_url(library_sv), form_data())
    assert response.status_code == 302
    assert response["Location"].endswith("submit/?sent=1")
    thanks = client.get(response["Location"])
    assert thanks.context["sent"] is True
    assert 'name="description"' not in thanks.content.decode()  # the thanks, not the form again

    page = PracticePage.objects.get()
    assert (page.live, page.has_unpublished_changes) == (False, True)
    assert page.get_parent().pk == library_sv.pk
    assert page.locale.language_code == "sv"
    assert page.submitted_by == participant
    assert page.contact_name == "Sara Svensson"
    assert page.organisation_name == "Umeå kommun" and page.organisation is None
    assert page.contact_email == "sara@example.org"
    assert page.description == (
        "<p>Vi matchar &lt;b&gt;mentor&lt;/b&gt; och adept.<br/>Vi ses varje vecka.</p>"
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert page.lessons_learned == ""
    assert [t.pk for t in page.themes.all()] == [theme("disability").pk]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == participant
    assert page.get_latest_revision() is not None


def test_a_submitted_practice_is_hidden_until_approved_then_published(client, library, participant):
    library_sv, _ = library
    client.force_login(participant)
    client.post(submit_url(library_sv), form_data())
    page = PracticePage.objects.get()
    client.logout()

    def visible():
        listed = "Mentorskap för nyanställda" in client.get(library_sv.url).content.decode()
        api_list = client.get("/api/v3/network/practices", {"language": "sv"}).json()
        in_api = any(item["id"] == page.pk for item in api_list["items"])
        detail = client.get(f"/api/v3/network/practices/{page.pk}").status_code
        pages_api = client.get("/api/v3/pages/", {"type": "network.PracticePage"}).json()
        in_pages_api = any(item["id"] == page.pk for item in pages_api["items"])
        return listed, in_api, detail, in_pages_api

    assert client.get(f"{library_sv.url}{page.slug}/").status_code == 404
    assert visible() == (False, False, 404, False)

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    approve(page, editor)  # not a moderator: refused
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    assert visible() == (False, False, 404, False)

    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name="Moderators"))
    assert approve(page, moderator).status_code == 302

    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_APPROVED
    assert client.get(page.url).status_code == 200
    assert visible() == (True, True, 200, True)


def test_a_submission_in_the_english_library_is_english_and_links_the_source_themes(
    client, library, participant
):
    _, library_en = library
    client.force_login(participant)
    response = client.post(submit_url(library_en), form_data(themes=[theme("disability", "en").pk]))
    assert response.status_code == 302
    page = PracticePage.objects.get()
    assert page.locale.language_code == "en"
    assert page.get_parent().pk == library_en.pk
    assert [t.pk for t in page.themes.all()] == [theme("disability", "sv").pk]


def test_an_organisation_from_the_directory_is_linked(client, library, participant):
    library_sv, _ = library
    organisation = OrganisationFactory(name="Region Västerbotten")
    client.force_login(participant)
    response = client.post(
        submit_url(library_sv), form_data(organisation=organisation.pk, organisation_name="")
    )
    assert response.status_code == 302
    page = PracticePage.objects.get()
    assert page.organisation == organisation
    assert page.contact_name == "Sara Svensson"


def test_a_hidden_organisation_cannot_be_chosen(client, library, participant):
    library_sv, _ = library
    hidden = OrganisationFactory(is_public=False)
    client.force_login(participant)
    response = client.post(submit_url(library_sv), form_data(organisation=hidden.pk, organisation_name=""))
    assert response.status_code == 400
    assert not PracticePage.objects.exists()


def test_an_invalid_form_says_what_is_wrong_and_creates_nothing(client, library, participant):
    library_sv, _ = library
    client.force_login(participant)
    response = client.post(
        submit_url(library_sv), form_data(title="", organisation_name="", contact_email="not-an-address")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"title", "organisation", "contact_email"} <= set(errors)
    assert 'class="error-summary"' in response.content.decode()
    assert not PracticePage.objects.exists()
    assert not WorkflowState.objects.exists()


def test_the_honeypot_thanks_a_bot_and_creates_nothing(client, library, participant):
    library_sv, _ = library
    client.force_login(participant)
    response = client.post(submit_url(library_sv), form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not PracticePage.objects.exists()


def test_submissions_are_rate_limited_per_account(client, library, participant):
    library_sv, _ = library
    client.force_login(participant)
    for n in range(5):
        assert client.post(submit_url(library_sv), form_data(title=f"Metod {n}")).status_code == 302
    response = client.post(submit_url(library_sv), form_data(title="Metod 6"))
    assert response.status_code == 429
    assert PracticePage.objects.count() == 5
    # Another account is not held back by the first one's submissions.
    client.force_login(UserFactory())
    assert client.post(submit_url(library_sv), form_data(title="Metod 7")).status_code == 302


def test_without_a_workflow_submissions_are_refused_and_nothing_is_created(client, library, participant):
    library_sv, _ = library
    WorkflowPage.objects.all().delete()
    client.force_login(participant)
    response = client.post(submit_url(library_sv), form_data())
    assert response.status_code == 400
    assert response.context["problem"]
    assert 'class="error-summary"' in response.content.decode()
    assert not PracticePage.objects.exists()


def test_the_service_refuses_anonymous_and_empty_texts(library, participant):
    from django.contrib.auth.models import AnonymousUser

    library_sv, _ = library
    fields = {
        "title": "Metod",
        "summary": "Kort.",
        "description": "Så här.",
        "what_worked": "Det.",
        "contact_name": "Sara",
        "contact_email": "sara@example.org",
    }
    with pytest.raises(NetworkError):
        practice_submit(library=library_sv, user=AnonymousUser(), **fields)
    with pytest.raises(NetworkError):
        practice_submit(library=library_sv, user=participant, **{**fields, "description": " \n\n "})
    page = practice_submit(library=library_sv, user=participant, **fields)
    again = practice_submit(library=library_sv, user=participant, **fields)
    assert (page.slug, again.slug) == ("metod", "metod-2")
    assert PracticePage.objects.count() == 2


def test_plain_text_becomes_escaped_paragraphs():
    assert plain_text_to_html("Ett\r\ntvå\r\n\r\n\r\n<i>tre</i> & fyra") == (
        "<p>Ett<br/>två</p><p>&lt;i&gt;tre&lt;/i&gt; &amp; fyra</p>"
    )
    assert plain_text_to_html("  \n\n ") == ""


# --- The library ------------------------------------------------------------------------


def test_the_library_lists_each_practice_once_in_the_visitors_language(client, library):
    library_sv, library_en = library
    both = published(library_sv, "Mentorskap", summary="Mentorer för alla.")
    translate(both, "en", title="Mentoring", summary="Mentors for all.", slug="mentoring")
    published(library_sv, "Bara på svenska", summary="Endast svensk text.")

    swedish = client.get(library_sv.url).content.decode()
    assert "Mentorskap" in swedish and "Mentoring" not in swedish and "Bara på svenska" in swedish
    english = client.get(library_en.url)
    content = english.content.decode()
    assert "Mentoring" in content and "Mentorskap" not in content
    # Not yet translated: shown in Swedish, marked as such for screen readers.
    assert "Bara på svenska" in content and 'lang="sv"' in content
    assert english.context["page_obj"].paginator.count == 2


def test_the_library_filters_by_theme_and_searches(client, library):
    library_sv, library_en = library
    published(
        library_sv,
        "Tillgänglig rekrytering",
        summary="Rekrytering utan hinder.",
        themes=[theme("disability")],
    )
    published(
        library_sv, "Jämställd lönesättning", summary="Lönekartläggning varje år.", themes=[theme("sex")]
    )

    def titles(page, **params):
        return [p.title for p in client.get(page.url, params).context["practices"]]

    assert titles(library_sv, theme="disability") == ["Tillgänglig rekrytering"]
    assert titles(library_en, theme="sex") == ["Jämställd lönesättning"]
    assert titles(library_sv, q="lönekartläggning") == ["Jämställd lönesättning"]
    assert titles(library_sv, q="lönekartläggning", theme="disability") == []
    response = client.get(library_sv.url, {"q": "zzzyxq"})
    assert response.context["practices"] == []
    assert "zzzyxq" in response.content.decode()


def test_an_unknown_theme_shows_everything(client, library):
    library_sv, _ = library
    published(library_sv, "Metod A", themes=[theme("disability")])
    published(library_sv, "Metod B")
    response = client.get(library_sv.url, {"theme": "no-such-theme"})
    assert {p.title for p in response.context["practices"]} == {"Metod A", "Metod B"}


def test_anonymous_library_pages_may_be_cached_and_logged_in_ones_not(client, library, participant):
    library_sv, _ = library
    response = client.get(library_sv.url)
    assert response.wsgi_request.heart_page_cacheable is True
    assert submit_url(library_sv) not in response.content.decode().replace("%2F", "/").split("next=")[0]
    client.force_login(participant)
    response = client.get(library_sv.url)
    assert not getattr(response.wsgi_request, "heart_page_cacheable", False)
    assert "private" in response["Cache-Control"]
    assert submit_url(library_sv) in response.content.decode()


def test_the_library_costs_the_same_queries_with_more_practices(client, library):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    library_sv, _ = library
    published(library_sv, "Första", themes=[theme("disability"), theme("age")])
    client.get(library_sv.url)

    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(library_sv.url, params).status_code == 200
        return len(queries)

    few, few_search = count(), count(q="metod")
    organisation = OrganisationFactory()
    for n in range(8):
        published(
            library_sv, f"Metod {n}", themes=[theme("disability"), theme("sex")], organisation=organisation
        )
    assert count() == few
    assert count(q="metod") == few_search


def test_the_practice_page_shows_public_fields_only(client, library):
    library_sv, _ = library
    hidden = OrganisationFactory(name="Dold organisation", is_public=False)
    page = published(
        library_sv,
        "Metod",
        contact_name="Sara Svensson",
        contact_email="sara@example.org",
        organisation=hidden,
        themes=[theme("disability")],
    )
    content = client.get(page.url).content.decode()
    assert "Sara Svensson" in content and "Funktionsnedsättning" in content
    assert "sara@example.org" not in content
    assert "Dold organisation" not in content


# --- The API ----------------------------------------------------------------------------


def test_the_api_lists_published_practices_with_public_fields_only(client, library, participant):
    library_sv, library_en = library
    organisation = OrganisationFactory(name="Region Västerbotten", slug="region-vasterbotten")
    page = published(
        library_sv,
        "Mentorskap",
        summary="Mentorer för alla.",
        organisation=organisation,
        contact_name="Sara Svensson",
        contact_email="sara@example.org",
        themes=[theme("disability")],
        submitted_by=participant,
    )
    english = translate(page, "en", title="Mentoring", slug="mentoring")
    published(library_sv, "Lönekartläggning", summary="Varje år.", themes=[theme("sex")])

    body = client.get("/api/v3/network/practices", {"language": "en", "theme": "disability"}).json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert item["id"] == english.pk and item["language"] == "en" and item["title"] == "Mentoring"
    assert item["themes"] == ["disability"]
    assert item["organisation"] == {
        "id": organisation.pk,
        "name": "Region Västerbotten",
        "slug": "region-vasterbotten",
    }

    search = client.get("/api/v3/network/practices", {"language": "sv", "q": "lönekartläggning"}).json()
    assert [i["title"] for i in search["items"]] == ["Lönekartläggning"]
    assert client.get("/api/v3/network/practices", {"theme": "nope"}).json() == {"count": 0, "items": []}
    paged = client.get("/api/v3/network/practices", {"language": "sv", "limit": 1, "offset": 1}).json()
    assert paged["count"] == 2 and len(paged["items"]) == 1

    detail = client.get(f"/api/v3/network/practices/{page.pk}")
    assert detail.status_code == 200
    data = detail.json()
    assert data["description"] == "<p>Så gjorde vi.</p>"
    raw = detail.content.decode()
    assert "sara@example.org" not in raw and "submitted_by" not in raw and "contact_email" not in raw
    assert participant.email not in raw


def test_the_api_hides_non_public_organisations_and_unknown_practices(client, library):
    library_sv, _ = library
    page = published(library_sv, "Metod", organisation=OrganisationFactory(is_public=False))
    assert client.get(f"/api/v3/network/practices/{page.pk}").json()["organisation"] is None
    missing = client.get("/api/v3/network/practices/999999")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


def test_the_practice_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/network/practices" in paths
    assert "/api/v3/network/practices/{practice_id}" in paths


def test_a_slug_taken_in_the_meantime_gets_a_suffix(library, participant, monkeypatch):
    from network.services import practices as service

    library_sv, _ = library
    fields = {
        "title": "Metod",
        "summary": "Kort.",
        "description": "Så här.",
        "what_worked": "Det.",
        "contact_name": "Sara",
        "contact_email": "sara@example.org",
    }
    first = practice_submit(library=library_sv, user=participant, **fields)
    monkeypatch.setattr(service, "_unique_slug", lambda library, title: "metod")  # as if read before
    second = practice_submit(library=library_sv, user=participant, **fields)
    assert first.slug == "metod" and second.slug.startswith("metod-") and second.slug != "metod"
    library_sv.refresh_from_db()
    assert library_sv.numchild == 2 == library_sv.get_children().count()
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 2
