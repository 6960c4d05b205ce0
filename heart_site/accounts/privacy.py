def export_account(user):
    from allauth.account.models import EmailAddress

    return {
        "username": user.username,
        "email": user.email,
        "full_name": user.full_name,
        "organisation": user.organisation_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
    }


def erase_account(user):
    """Nothing to do before the user row goes: email addresses cascade with it, and any
    other session of the user stops authenticating once the user no longer exists."""
