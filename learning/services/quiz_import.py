from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..errors import Conflict, LearningError
from ..gift import MAX_QUESTIONS
from ..quiz import question_to_block_data


@transaction.atomic
def quiz_import_questions(*, page_id, questions, replace, user):
    """Add (or put in place of the quiz) ``questions`` in a new draft revision of the module.

    Each question was checked against its block when parsed; the rest of the draft is what its
    editor saved, so it is not validated again (Wagtail's own draft save does not either, and a
    draft may lack required fields until it is published)."""
    from ..models import TrainingModulePage

    # Locked so that two imports at once both land, one after the other.
    page = TrainingModulePage.objects.select_for_update().get(pk=page_id)
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise Conflict(_("The module is locked; unlock it or ask whoever locked it."))
    draft = page.get_latest_revision_as_object()
    kept = [] if replace else list(draft.quiz.raw_data)
    total = len(kept) + len(questions)
    if total > MAX_QUESTIONS:
        raise LearningError(
            _("The quiz would have %(total)s questions; it holds at most %(max)s.")
            % {"total": total, "max": MAX_QUESTIONS}
        )
    draft.quiz = kept + [question_to_block_data(question) for question in questions]
    return draft.save_revision(user=user, log_action=True, clean=False)
