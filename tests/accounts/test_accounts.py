"""Participant accounts: sign-up with email verification, login, reset, profile, privacy."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories.users import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_sign_up_verify_email_and_log_in(client, site_tree, language):
    response = client.post(
        f"/{language}/accounts/signup/",
        {
            "full_name": "Amina Yusuf",
            "email": "amina@example.org",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/confirm-email/"
    user = User.objects.get(email="amina@example.org")
    assert user.full_name == "Amina Yusuf"
    assert user.preferred_language == language
    assert not EmailAddress.objects.get(user=user).verified

    # Not verified yet: logging in sends a new verification mail instead of logging in.
    client.logout()
    login = client.post(
        f"/{language}/accounts/login/", {"login": "amina@example.org", "password": "a-long-enough-passphrase"}
    )
    assert "_auth_user_id" not in client.session
    assert login.status_code == 302

    assert len(mail.outbox) >= 1
    confirm_path = link_in(mail.outbox[0])
    assert client.get(confirm_path).status_code == 200
    confirmed = client.post(confirm_path)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_rejects_bad_input_and_changes_nothing(client, site_tree):
    UserFactory(email="taken@example.org")
    before = User.objects.count()
    response = client.post(
        "/en/accounts/signup/",
        {"full_name": "", "email": "not-an-email", "password1": "short", "password2": "other"},
    )
    assert response.status_code == 200  # allauth re-renders the form
    summary = BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    assert summary is not None and summary.find("a")["href"].startswith("#id_")
    assert User.objects.count() == before
    assert mail.outbox == []


def test_sign_up_with_a_taken_email_reveals_nothing_and_creates_nothing(client, site_tree):
    UserFactory(email="taken@example.org")
    before = User.objects.count()
    response = client.post(
        "/en/accounts/signup/",
        {
            "full_name": "X",
            "email": "taken@example.org",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    # The same answer as for a new address, so nobody can probe who has an account; the owner
    # of the address is told by email instead.
    assert response.status_code == 302
    assert User.objects.count() == before
    assert [m.to for m in mail.outbox] == [["taken@example.org"]]


def test_error_messages_are_translated(client, site_tree):
    response = client.post(
        "/sv/accounts/signup/", {"full_name": "", "email": "", "password1": "", "password2": ""}
    )
    text = BeautifulSoup(response.content, "html.parser").find(class_="error-summary").get_text()
    assert "Det finns ett problem" in text
    assert "Det här fältet är obligatoriskt" in text


def test_login_and_logout(client, site_tree):
    user = UserFactory(email="p@example.org")
    response = client.post("/en/accounts/login/", {"login": "p@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_refused(client, site_tree):
    UserFactory(email="p@example.org")
    response = client.post("/en/accounts/login/", {"login": "p@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_reset(client, site_tree):
    user = UserFactory(email="forgot@example.org")
    response = client.post("/en/accounts/password/reset/", {"email": "forgot@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_path = link_in(mail.outbox[0])
    form_page = client.get(reset_path, follow=True)
    assert form_page.status_code == 200
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path,
        {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"},
    )
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


def test_password_reset_for_unknown_email_reveals_nothing(client, site_tree):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302  # same answer as for a known address


def test_profile_requires_login(client, site_tree):
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_profile_update(client, site_tree):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/en/accounts/profile/",
        {"full_name": "New Name", "organisation_name": "Solna stad", "preferred_language": "en"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.organisation_name, user.preferred_language) == (
        "New Name",
        "Solna stad",
        "en",
    )


@pytest.mark.parametrize(
    "data",
    [
        {"full_name": "X", "organisation_name": "", "preferred_language": "xx"},
        {"full_name": "X" * 151, "organisation_name": "", "preferred_language": "sv"},
        {"full_name": "X", "organisation_name": "Y" * 201, "preferred_language": "sv"},
    ],
)
def test_profile_rejects_bad_input_and_changes_nothing(client, site_tree, data):
    user = UserFactory(full_name="Old", organisation_name="Org")
    client.force_login(user)
    response = client.post("/en/accounts/profile/", data)
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    user.refresh_from_db()
    assert (user.full_name, user.organisation_name) == ("Old", "Org")


def test_personal_pages_are_not_cached(client, site_tree):
    client.force_login(UserFactory())
    assert "no-store" in client.get("/en/accounts/profile/")["Cache-Control"]


def test_download_my_data(client, site_tree):
    user = UserFactory(email="me@example.org", full_name="Me", organisation_name="Järfälla kommun")
    client.force_login(user)
    response = client.get("/en/accounts/profile/my-data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    document = json.loads(response.content)
    account = document["data"]["account"]
    assert account["email"] == "me@example.org"
    assert account["organisation"] == "Järfälla kommun"
    assert account["email_addresses"] == [{"email": "me@example.org", "verified": True, "primary": True}]


def test_delete_account_erases_through_the_registry(client, site_tree):
    from heart_site import privacy

    erased = []
    privacy.register(
        "test-app", label="Test", export=lambda user: {}, erase=lambda user: erased.append(user.pk)
    )
    try:
        user = UserFactory()
        client.force_login(user)
        response = client.post("/en/accounts/profile/delete/", {"password": PASSWORD})
        assert response.status_code == 302
        assert erased == [user.pk]
        assert not User.objects.filter(pk=user.pk).exists()
        assert not EmailAddress.objects.filter(user_id=user.pk).exists()
        assert "_auth_user_id" not in client.session
    finally:
        privacy._handlers.pop("test-app")


def test_delete_account_with_wrong_password_changes_nothing(client, site_tree):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/en/accounts/profile/delete/", {"password": "not-it"})
    assert response.status_code == 400
    assert "Nothing was deleted" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_failed_eraser_rolls_everything_back(client, site_tree):
    from heart_site import privacy

    def broken(user):
        raise RuntimeError("eraser failed")

    privacy.register("broken", label="Broken", export=lambda user: {}, erase=broken)
    try:
        user = UserFactory()
        with pytest.raises(RuntimeError):
            privacy.user_data_erase(user=user)
        assert User.objects.filter(pk=user.pk).exists()
    finally:
        privacy._handlers.pop("broken")


def test_delete_needs_post_and_login(client, site_tree):
    assert client.post("/en/accounts/profile/delete/", {"password": "x"}).status_code == 302
    client.force_login(UserFactory())
    assert client.put("/en/accounts/profile/delete/").status_code == 405


def test_swedish_login_page_invites_to_sign_up(client, site_tree):
    """allauth's own Swedish says "Already have an account? Then log in." on the login page,
    above a link to sign-up; our catalogue corrects it."""
    html = BeautifulSoup(client.get("/sv/accounts/login/").content, "html.parser")
    link = html.find("a", href="/sv/accounts/signup/", string="Skapa ett konto")
    assert link is not None
    assert "Har du inget konto än?" in link.parent.get_text()
