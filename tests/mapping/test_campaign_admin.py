"""The campaign admin: only ``mapping.manage_campaigns`` opens it; forms and actions go through
the services, so tampered ids, double clicks and posted values for locked fields change
nothing; the response rate is one SQL query whatever the audience's size."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from heart_site.notifications.models import OutboxMessage
from mapping.admin.campaigns import CampaignViewSet
from mapping.models import Campaign, CampaignMessage, CampaignMode, CampaignState, Invitation
from mapping.selectors.campaigns import response_rate_by_organisation
from mapping.services import audience as audience_services
from mapping.services import campaigns as services
from tests.factories.users import UserFactory

from .campaign_setup import campaign, campaign_administrator, invite, questionnaire

pytestmark = pytest.mark.django_db

# Without the network plugin the network audience's pages answer 404 (checked by the menu test
# and test_the_network_audience_page_is_gone_without_the_network); these check its form.
needs_network = pytest.mark.skipif(not apps.is_installed("network"), reason="needs the network plugin")


def url(name, *args):
    return reverse(f"mapping_campaigns:{name}", args=args)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def admin_user(reference_data):
    return campaign_administrator(full_name="Karin Berg")


@pytest.fixture
def editor(reference_data):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def page(site_tree):
    home_sv, _home_en = site_tree
    return questionnaire(home_sv)


@pytest.fixture
def draft(page):
    made = campaign(page)
    invite(made, "anna@solna.example")
    invite(
        made,
        "ben@pisa.example",
        language="en",
        organisation="Università di Pisa",
        organisation_type="university",
    )
    return made


def form_data(page, **overrides):
    data = {
        "name": "Kartläggning hösten",
        "questionnaire": page.pk,
        "mode": "anonymous",
        "access": "invitation",
        "breakdowns": ["organisation_type", "region"],
        "opens_at": local(timezone.now() + datetime.timedelta(days=1)),
        "closes_at": local(timezone.now() + datetime.timedelta(days=15)),
        "reminder_days": "2, 7",
    }
    data.update(overrides)
    return data


# --- Who gets in ------------------------------------------------------------------------


def test_campaign_administrators_see_the_menu_item_and_the_pages(client, admin_user, draft):
    client.force_login(admin_user)
    home = client.get(reverse("wagtailadmin_home"))
    assert url("index") in home.content.decode()
    assert client.get(url("index")).status_code == 200
    assert client.get(url("add")).status_code == 200
    for name in ("detail", "edit", "audience", "messages"):
        assert client.get(url(name, draft.pk)).status_code == 200, name
    # The network audience exists only beside the network plugin.
    expected = 200 if apps.is_installed("network") else 404
    assert client.get(url("network_audience", draft.pk)).status_code == expected


def test_editors_do_not_see_campaigns(client, editor, draft):
    client.force_login(editor)
    assert url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(url("index")).status_code == 302  # Wagtail's "no permission" redirect
    assert client.get(url("edit", draft.pk)).status_code == 302
    for name in ("detail", "audience", "messages"):
        assert client.get(url(name, draft.pk)).status_code == 403, name
    response = client.post(url("action", draft.pk), {"action": "schedule"})
    assert response.status_code == 403
    assert Campaign.objects.get(pk=draft.pk).state == CampaignState.DRAFT


def test_anonymous_visitors_are_sent_to_the_login(client, draft):
    response = client.get(url("detail", draft.pk))
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_unknown_campaign_is_a_404(client, admin_user, draft):
    client.force_login(admin_user)
    assert client.get(url("detail", draft.pk + 999)).status_code == 404
    assert client.post(url("action", draft.pk + 999), {"action": "schedule"}).status_code == 404


def test_the_group_editor_offers_only_the_campaign_permissions():
    codenames = set(CampaignViewSet().get_permissions_to_register().values_list("codename", flat=True))
    assert codenames == {"manage_campaigns", "view_campaign_reports", "view_identified_responses"}


# --- Create and edit --------------------------------------------------------------------


def test_creating_a_campaign_prefills_its_texts_and_shows_its_page(client, admin_user, page):
    client.force_login(admin_user)
    response = client.post(url("add"), form_data(page))
    made = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", made.pk)
    assert made.reminder_days == [7, 2]
    assert made.breakdowns == ["organisation_type", "region"]
    assert made.state == CampaignState.DRAFT
    assert CampaignMessage.objects.filter(campaign=made).count() == 4
    assert CampaignMessage.objects.get(campaign=made, kind="invitation", language="en").subject.startswith(
        "Questionnaire"
    )


def test_bad_values_are_refused_with_field_errors(client, admin_user, page):
    client.force_login(admin_user)
    opens = timezone.now() + datetime.timedelta(days=3)
    response = client.post(
        url("add"),
        form_data(
            page,
            closes_at=local(opens - datetime.timedelta(days=1)),
            opens_at=local(opens),
            reminder_days="x",
        ),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "closes_at" in form.errors and "reminder_days" in form.errors
    assert not Campaign.objects.exists()


def test_the_mode_field_explains_anonymity(client, admin_user, page):
    client.force_login(admin_user)
    content = client.get(url("add")).content.decode()
    assert "anonyma i sin uppbyggnad" in content  # the admin speaks the site's language, Swedish


def test_an_open_campaign_keeps_its_questionnaire_mode_and_breakdowns(client, admin_user, draft, site_tree):
    services.campaign_open(campaign=draft)
    other = questionnaire(site_tree[0], slug="annan", with_translation=False)
    client.force_login(admin_user)
    response = client.post(
        url("edit", draft.pk),
        form_data(
            other,
            name="Nytt namn",
            mode=CampaignMode.IDENTIFIED,
            breakdowns=["language"],
            closes_at=local(draft.closes_at + datetime.timedelta(days=2)),
        ),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.name == "Nytt namn"
    assert draft.mode == CampaignMode.ANONYMOUS
    assert draft.breakdowns == []
    assert draft.questionnaire_id != other.pk


def test_only_a_draft_can_be_deleted(client, admin_user, draft):
    client.force_login(admin_user)
    services.campaign_open(campaign=draft)
    response = client.post(url("delete", draft.pk))
    assert response.status_code == 302 and response["Location"] == url("detail", draft.pk)
    assert Campaign.objects.filter(pk=draft.pk).exists()


def test_a_draft_can_be_deleted(client, admin_user, draft):
    client.force_login(admin_user)
    client.post(url("delete", draft.pk))
    assert not Campaign.objects.filter(pk=draft.pk).exists()


# --- Actions ----------------------------------------------------------------------------


def test_schedule_open_and_close_from_the_campaign_page(client, admin_user, draft):
    client.force_login(admin_user)
    assert client.post(url("action", draft.pk), {"action": "schedule"}).status_code == 302
    assert Campaign.objects.get(pk=draft.pk).state == CampaignState.SCHEDULED
    assert client.post(url("action", draft.pk), {"action": "open"}).status_code == 302
    assert OutboxMessage.objects.filter(kind="mapping_invitation").count() == 2
    assert client.post(url("action", draft.pk), {"action": "close"}).status_code == 302
    assert Campaign.objects.get(pk=draft.pk).state == CampaignState.CLOSED


def test_a_double_click_opens_once_and_explains_the_second(client, admin_user, draft):
    client.force_login(admin_user)
    client.post(url("action", draft.pk), {"action": "open"})
    second = client.post(url("action", draft.pk), {"action": "open"}, HTTP_ACCEPT_LANGUAGE="en")
    assert second.status_code == 409
    assert "Only a draft or scheduled campaign can be opened." in second.content.decode()
    assert OutboxMessage.objects.filter(kind="mapping_invitation").count() == 2


def test_an_unready_campaign_shows_why(client, admin_user, page):
    empty = campaign(page)
    client.force_login(admin_user)
    response = client.post(url("action", empty.pk), {"action": "schedule"})
    assert response.status_code == 400
    assert "Kampanjen har ingen målgrupp" in response.content.decode()
    assert Campaign.objects.get(pk=empty.pk).state == CampaignState.DRAFT


def test_an_unknown_action_is_a_400_and_get_is_refused(client, admin_user, draft):
    client.force_login(admin_user)
    assert client.post(url("action", draft.pk), {"action": "delete_everything"}).status_code == 400
    assert client.get(url("action", draft.pk)).status_code == 405
    assert Campaign.objects.get(pk=draft.pk).state == CampaignState.DRAFT


def test_the_campaign_page_explains_anonymity_and_shows_the_response_rate(client, admin_user, draft):
    services.campaign_open(campaign=draft)
    Invitation.objects.filter(email="anna@solna.example").update(responded=True)
    invite(draft, "cecilia@solna.example")
    client.force_login(admin_user)
    response = client.get(url("detail", draft.pk))
    content = response.content.decode()
    assert "anonym i sin uppbyggnad" in content
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    rows = {row["organisation"]: row for row in response.context["rates"]}
    assert (
        rows["Solna stad"]["invited"],
        rows["Solna stad"]["responded_count"],
        rows["Solna stad"]["rate"],
    ) == (
        2,
        1,
        50.0,
    )
    assert rows["Università di Pisa"]["rate"] == 0.0
    assert response.context["total"] == {"invited": 3, "responded_count": 1, "rate": 33.3}


@pytest.mark.parametrize("size", [3, 30])
def test_the_response_rate_is_one_query_whatever_the_size(django_assert_num_queries, draft, size):
    for number in range(size):
        invite(draft, f"person{number}@example.org", organisation=f"Organisation {number % 7}")
    with django_assert_num_queries(1):
        rows = response_rate_by_organisation(draft)
    assert sum(row["invited"] for row in rows) == size + 2


# --- Audience and texts -----------------------------------------------------------------


def test_uploading_a_bad_file_lists_the_problems_and_adds_nobody(client, admin_user, page):
    empty = campaign(page)
    client.force_login(admin_user)
    data = b"email,organisation,language\nnot-an-email,Solna stad,sv\n"
    response = client.post(
        url("audience", empty.pk), {"file": SimpleUploadedFile("a.csv", data)}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "is not an email address" in response.content.decode()
    assert not Invitation.objects.filter(campaign=empty).exists()


def test_uploading_a_good_file_adds_the_people(client, admin_user, page):
    empty = campaign(page)
    client.force_login(admin_user)
    data = b"email;organisation;language\nanna@solna.example;Solna stad;sv\n"
    response = client.post(url("audience", empty.pk), {"file": SimpleUploadedFile("a.csv", data)})
    assert response.status_code == 302
    assert Invitation.objects.filter(campaign=empty).count() == 1


def test_uploading_to_a_closed_campaign_is_refused(client, admin_user, draft):
    services.campaign_open(campaign=draft)
    services.campaign_close(campaign=draft)
    client.force_login(admin_user)
    data = b"email,organisation,language\nnew@solna.example,Solna stad,sv\n"
    response = client.post(url("audience", draft.pk), {"file": SimpleUploadedFile("a.csv", data)})
    assert response.status_code == 409
    assert not Invitation.objects.filter(email="new@solna.example").exists()


def test_the_network_audience_page_is_gone_without_the_network(client, admin_user, draft, monkeypatch):
    monkeypatch.setattr(audience_services, "network_available", lambda: False)
    client.force_login(admin_user)
    assert client.get(url("network_audience", draft.pk)).status_code == 404
    assert (
        client.post(url("network_audience", draft.pk), {"organisation_types": ["company"]}).status_code == 404
    )
    assert url("network_audience", draft.pk) not in client.get(url("detail", draft.pk)).content.decode()


@needs_network
def test_the_network_audience_needs_a_choice(client, admin_user, draft):
    client.force_login(admin_user)
    response = client.post(url("network_audience", draft.pk), {})
    assert response.status_code == 400
    response = client.post(url("network_audience", draft.pk), {"organisation_types": ["not-a-type"]})
    assert response.status_code == 400


def _texts(campaign, **changes):
    data = {}
    for message in CampaignMessage.objects.filter(campaign=campaign):
        data[f"{message.kind}-{message.language}-subject"] = message.subject
        data[f"{message.kind}-{message.language}-body"] = message.body
    data.update(changes)
    return data


def test_texts_are_edited_per_kind_and_language(client, admin_user, draft):
    client.force_login(admin_user)
    response = client.post(url("messages", draft.pk), _texts(draft, **{"reminder-en-subject": "Last chance"}))
    assert response.status_code == 302
    assert (
        CampaignMessage.objects.get(campaign=draft, kind="reminder", language="en").subject == "Last chance"
    )


def test_an_empty_text_is_refused_and_nothing_changes(client, admin_user, draft):
    client.force_login(admin_user)
    before = CampaignMessage.objects.get(campaign=draft, kind="invitation", language="sv").body
    response = client.post(
        url("messages", draft.pk),
        _texts(draft, **{"invitation-sv-body": "", "reminder-en-subject": "Changed"}),
    )
    assert response.status_code == 400
    assert CampaignMessage.objects.get(campaign=draft, kind="invitation", language="sv").body == before
    assert CampaignMessage.objects.get(campaign=draft, kind="reminder", language="en").subject != "Changed"


def test_the_texts_of_a_closed_campaign_cannot_change(client, admin_user, draft):
    services.campaign_open(campaign=draft)
    services.campaign_close(campaign=draft)
    client.force_login(admin_user)
    response = client.post(url("messages", draft.pk), _texts(draft, **{"reminder-en-subject": "Too late"}))
    assert response.status_code == 409
    assert CampaignMessage.objects.get(campaign=draft, kind="reminder", language="en").subject != "Too late"


def test_an_oversized_or_non_utf8_upload_is_a_400_and_adds_nobody(client, admin_user, page, settings):
    empty = campaign(page)
    client.force_login(admin_user)
    settings.MAPPING_AUDIENCE_MAX_BYTES = 50
    big = b"email,organisation,language\n" + b"anna@solna.example,Solna stad,sv\n" * 10
    response = client.post(
        url("audience", empty.pk), {"file": SimpleUploadedFile("a.csv", big)}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    settings.MAPPING_AUDIENCE_MAX_BYTES = 10_000
    latin = "email,organisation,language\nanna@solna.example,Järfälla,sv\n".encode("latin-1")
    response = client.post(url("audience", empty.pk), {"file": SimpleUploadedFile("a.csv", latin)})
    assert response.status_code == 400
    assert not Invitation.objects.filter(campaign=empty).exists()


@needs_network
def test_a_tampered_place_or_type_in_the_network_form_is_a_400(client, admin_user, draft):
    client.force_login(admin_user)
    before = Invitation.objects.count()
    for data in ({"places": ["999999"]}, {"countries": ["XX"]}, {"organisation_types": ["'; DROP TABLE"]}):
        assert client.post(url("network_audience", draft.pk), data).status_code == 400
    assert Invitation.objects.count() == before


def test_there_is_no_copy_view_a_copy_would_carry_the_state_and_dates():
    with pytest.raises(NoReverseMatch):
        reverse("mapping_campaigns:copy", args=[1])


def test_a_scheduled_campaign_cannot_be_given_a_closing_time_in_the_past(client, admin_user, draft, page):
    services.campaign_schedule(campaign=draft)
    client.force_login(admin_user)
    past = timezone.now() - datetime.timedelta(hours=1)
    response = client.post(
        url("edit", draft.pk),
        form_data(page, opens_at=local(past - datetime.timedelta(days=1)), closes_at=local(past)),
    )
    assert response.status_code == 200
    assert "closes_at" in response.context["form"].errors
    assert Campaign.objects.get(pk=draft.pk).closes_at == draft.closes_at
