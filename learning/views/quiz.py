from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .. import selectors, services
from ..errors import LearningError
from ..grading import InvalidAnswer
from ..quiz import present
from ..results import attempt_feedback
from .common import error_page, login_first, personal


def quiz_start(request, module):
    """GET: what the quiz is and how many attempts are left. POST: start or resume an attempt."""
    if not request.user.is_authenticated:
        return login_first(request)
    if request.method == "POST":
        try:
            attempt = services.quiz_attempt_start(user=request.user, module=module)
        except LearningError as error:
            return error_page(request, error, back_url=module.url)
        return redirect(
            module.url + module.reverse_subpage("quiz_attempt", kwargs={"attempt_id": attempt.pk})
        )
    progress = selectors.module_progress(user=request.user, module=module)
    if not module.has_quiz:
        return redirect(module.url)
    return personal(
        module.render(
            request,
            template="learning/quiz_start.html",
            context_overrides={"progress": progress, "question_count": len(module.quiz)},
        )
    )


def selection_from_post(questions, post):
    """What the participant had chosen, per question, to fill the form in again after an error."""
    selected = {}
    for q in questions:
        name = f"q-{q.id}"
        if q.kind == "multiple_choice":
            selected[q.id] = post.getlist(name)
        elif q.kind == "ordering":
            selected[q.id] = {item_id: post.get(f"{name}-{item_id}", "") for item_id, _text in q.items}
        elif q.kind == "matching":
            selected[q.id] = {pair_id: post.get(f"{name}-{pair_id}", "") for pair_id, _text in q.prompts}
        else:
            selected[q.id] = post.get(name, "")
    return selected


def answers_from_post(questions, post):
    """The submitted form as the answers mapping the service takes (the API's shape)."""
    answers = {}
    for q in questions:
        name = f"q-{q.id}"
        if q.kind == "multiple_choice":
            answers[q.id] = post.getlist(name)
        elif q.kind == "ordering":
            positions = {item_id: post.get(f"{name}-{item_id}", "") for item_id, _text in q.items}
            if not any(positions.values()):
                continue
            try:
                ranked = sorted(positions, key=lambda item_id: int(positions[item_id]))
            except ValueError as exc:
                raise InvalidAnswer(
                    _("Question %(number)s: give every item a position.") % {"number": q.number},
                    question_id=q.id,
                ) from exc
            if sorted(int(p) for p in positions.values()) != list(range(1, len(positions) + 1)):
                raise InvalidAnswer(
                    _("Question %(number)s: use each position exactly once.") % {"number": q.number},
                    question_id=q.id,
                )
            answers[q.id] = ranked
        elif q.kind == "matching":
            answers[q.id] = {pair_id: post.get(f"{name}-{pair_id}", "") for pair_id, _text in q.prompts}
            answers[q.id] = {k: v for k, v in answers[q.id].items() if v}
        else:
            answers[q.id] = post.get(name, "")
    return answers


def quiz_attempt(request, module, attempt_id):
    if not request.user.is_authenticated:
        return login_first(request)
    try:
        attempt = services.attempt_for_user(user=request.user, attempt_id=attempt_id, module=module)
    except LearningError as error:
        return error_page(request, error, back_url=module.url)
    result_url = module.url + module.reverse_subpage("quiz_result", kwargs={"attempt_id": attempt.pk})
    if attempt.is_submitted and request.method != "POST":
        return redirect(result_url)
    quiz = attempt.quiz_version.quiz()
    shown = present(quiz.questions, seed=attempt.seed, shuffle_options=quiz.shuffle_options)
    error = None
    selected = {}
    if request.method == "POST":
        selected = selection_from_post(shown, request.POST)
        try:
            answers = answers_from_post(shown, request.POST)
            services.quiz_attempt_submit(user=request.user, attempt_id=attempt.pk, answers=answers)
        except LearningError as exc:
            if attempt.is_submitted or getattr(exc, "code", "") == "already_submitted":
                return error_page(request, exc, back_url=result_url, back_label=_("See your result"))
            error = exc
        else:
            return redirect(result_url)
    response = module.render(
        request,
        template="learning/quiz_attempt.html",
        context_overrides={"attempt": attempt, "questions": shown, "error": error, "selected": selected},
    )
    if error is not None:
        response.status_code = error.status
    return personal(response)


def quiz_result(request, module, attempt_id):
    if not request.user.is_authenticated:
        return login_first(request)
    try:
        attempt = services.attempt_for_user(user=request.user, attempt_id=attempt_id, module=module)
    except LearningError as error:
        return error_page(request, error, back_url=module.url)
    if not attempt.is_submitted:
        return redirect(
            module.url + module.reverse_subpage("quiz_attempt", kwargs={"attempt_id": attempt.pk})
        )
    feedback = attempt_feedback(attempt=attempt)
    return personal(
        module.render(
            request,
            template="learning/quiz_result.html",
            context_overrides={"attempt": attempt, "feedback": feedback},
        )
    )
