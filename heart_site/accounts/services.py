from django.db import transaction

from heart_site import privacy


@transaction.atomic
def user_profile_update(*, user, full_name: str, organisation_name: str, preferred_language: str):
    user.full_name = full_name
    user.organisation_name = organisation_name
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=["full_name", "organisation_name", "preferred_language"])
    return user


def user_account_delete(*, user):
    """Erase everything every app holds about ``user``, then the account itself."""
    privacy.user_data_erase(user=user)
