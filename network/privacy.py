"""What "download my data" and "delete my account" do with network data: contacts whose email
is the person's verified address, and their event registrations."""

from .models import Contact, Registration


def _contacts(user):
    return Contact.objects.filter(email__iexact=user.email) if user.email else Contact.objects.none()


def _registrations(user):
    from django.db.models import Q

    q = Q(user=user)
    if user.email:
        q |= Q(email__iexact=user.email)
    return Registration.objects.filter(q).select_related("event")


def export_network_data(user):
    return {
        "contacts": [
            {
                "name": c.full_name,
                "organisation": c.organisation.name,
                "role": c.role,
                "email": c.email,
                "phone": c.phone,
                "preferred_language": c.preferred_language,
                "lawful_basis": c.lawful_basis,
                "consent_date": c.consent_date.isoformat() if c.consent_date else None,
                "opted_out": c.opted_out,
            }
            for c in _contacts(user).select_related("organisation")
        ],
        "event_registrations": [
            {
                "event": r.event.title,
                "name": r.name,
                "email": r.email,
                "status": r.status,
                "needs": r.needs,
                "registered_at": r.created_at.isoformat(),
                "attended": r.attended,
            }
            for r in _registrations(user)
        ],
    }


def erase_network_data(user):
    from .services.events import event_fill_places

    _contacts(user).delete()
    registrations = list(_registrations(user))
    events = {r.event for r in registrations}
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).delete()
    # A place the person held goes to the first on the waiting list, as a cancellation would.
    for event in events:
        event_fill_places(event=event)
