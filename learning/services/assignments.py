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
    """Enrol every current member who is not yet enrolled, with the assignment's due date.
    Returns how many enrolments were created or given the due date. Safe to repeat."""
    from .enrollment import enrollment_create

    module = assignment.module
    if not module.live:
        return 0
    already = set(
        Enrollment.objects.filter(module_key=module.translation_key, assignment=assignment).values_list(
            "user_id", flat=True
        )
    )
    changed = 0
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
