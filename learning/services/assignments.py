import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ..errors import LearningError
from ..models import Assignment, Enrollment


def assignment_members(assignment: Assignment):
    users = get_user_model().objects.filter(is_active=True)
    if assignment.group_id:
        return users.filter(groups=assignment.group_id)
    return users.filter(organisation_name__iexact=assignment.organisation_name)


@transaction.atomic
def assignment_apply(*, assignment: Assignment) -> int:
    """Enrol every current member who is not yet enrolled, with the assignment's due date, and
    bring the enrolments it made before up to its current due date. Returns how many
    enrolments were created or given the due date. Safe to repeat."""
    from .enrollment import _set_due_date, enrollment_create

    module = assignment.module
    if not module.live:
        return 0
    already = set(
        Enrollment.objects.filter(module_key=module.translation_key, assignment=assignment).values_list(
            "user_id", flat=True
        )
    )
    changed = 0
    # Saving an edited assignment moves the dates of those it enrolled before.
    remind_on = assignment.due_date - datetime.timedelta(days=assignment.reminder_days_before)
    stale = Enrollment.objects.filter(assignment=assignment, completed_at__isnull=True).exclude(
        due_date=assignment.due_date, remind_on=remind_on
    )
    for enrollment in stale:
        _set_due_date(enrollment, assignment=assignment, due_date=None)
        enrollment.save(update_fields=["due_date", "remind_on", "reminder_queued_at"])
        changed += 1
    for user in assignment_members(assignment).exclude(pk__in=already):
        try:
            enrollment_create(user=user, module=module, assignment=assignment)
        except LearningError:
            continue  # the module became unavailable meanwhile; the next run tries again
        changed += 1
    return changed


def assignments_apply_open(*, today=None) -> int:
    """Apply every assignment whose due date has not passed, for people who joined since."""
    today = today or timezone.localdate()
    return sum(
        assignment_apply(assignment=assignment)
        for assignment in Assignment.objects.filter(due_date__gte=today).select_related("module")
    )
