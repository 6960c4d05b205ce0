"""The learning plugin's endpoints on the site's /api/v3/. Thin: parse, call a service or a
selector, serialise. Errors are ``DomainError``s, which heart_site/api.py turns into translated
4xx answers."""

import datetime
from typing import Any

from django.utils import translation
from ninja import Router, Schema, Status
from ninja.security import SessionAuth

from . import selectors, services
from .errors import LearningError, NotFound
from .models import Certificate, LessonPage, TrainingModulePage
from .quiz import present
from .results import attempt_feedback
from .verification import certificate_for_code

router = Router(tags=["learning"])
session = SessionAuth()


class ProgressOut(Schema):
    status: str
    lessons_done: int
    due_date: datetime.date | None


class ModuleOut(Schema):
    id: int
    title: str
    url: str
    language: str
    languages: list[str]
    summary: str
    estimated_minutes: int
    themes: list[str]
    audiences: list[str]
    lesson_count: int
    progress: ProgressOut | None


class LessonOut(Schema):
    id: int
    title: str
    url: str
    done: bool


class PrerequisiteOut(Schema):
    id: int
    title: str
    completed: bool


class QuizInfoOut(Schema):
    question_count: int
    pass_mark: int
    max_attempts: int
    attempts_used: int
    attempts_remaining: int | None
    best_percent: float | None
    passed: bool
    open_attempt_id: int | None


class ModuleDetailOut(Schema):
    id: int
    title: str
    url: str
    language: str
    summary: str
    objectives: list[str]
    estimated_minutes: int
    enrolled: bool
    completed: bool
    lessons: list[LessonOut]
    prerequisites: list[PrerequisiteOut]
    quiz: QuizInfoOut
    certificate_code: str | None


class EnrollmentOut(Schema):
    module_id: int
    enrolled_at: datetime.datetime
    completed: bool
    due_date: datetime.date | None


class LessonDoneOut(Schema):
    lesson_id: int
    module_completed: bool


class PresentedQuestionOut(Schema):
    id: str
    kind: str
    number: int
    prompt: str
    points: int
    options: list[dict[str, str]]
    items: list[dict[str, str]]
    prompts: list[dict[str, str]]
    answers: list[dict[str, str]]


class AttemptOut(Schema):
    id: int
    number: int
    module_id: int
    questions: list[PresentedQuestionOut]


class SubmitIn(Schema):
    answers: dict[str, Any]


class QuestionResultOut(Schema):
    question_id: str
    score: float
    max_score: int
    outcome: str
    feedback: list[str]
    correct_answer: Any = None


class ResultOut(Schema):
    attempt_id: int
    score: float
    max_score: int
    percent: float
    passed: bool
    feedback: str
    module_completed: bool
    certificate_code: str | None
    attempts_remaining: int | None
    questions: list[QuestionResultOut] | None


class DashboardEntryOut(Schema):
    module_id: int
    title: str
    url: str
    continue_url: str
    lessons_done: int
    lesson_count: int
    due_date: datetime.date | None
    completed_at: datetime.datetime | None
    best_percent: float | None


class DashboardOut(Schema):
    in_progress: list[DashboardEntryOut]
    completed: list[DashboardEntryOut]
    certificates: list["CertificateOut"]


class CertificateOut(Schema):
    code: str
    module: str
    name: str
    issued_on: datetime.date
    pdf_url: str


class VerificationOut(Schema):
    name: str
    module: str
    issued_on: datetime.date


DashboardOut.model_rebuild()


def _language(request):
    return translation.get_language_from_request(request, check_path=False)


def _module(module_id) -> TrainingModulePage:
    module = TrainingModulePage.objects.filter(pk=module_id).select_related("locale").first()
    if module is None:
        raise NotFound(_not_available())
    services.ensure_available(module)
    return module


def _not_available():
    from django.utils.translation import gettext

    return gettext("This training module is not available.")


@router.get(
    "/modules", response=list[ModuleOut], auth=None, summary="The catalogue, with the caller's progress"
)
def module_list(request, language: str = "", theme: str = "", audience: str = "", available_in: str = ""):
    language = language or _language(request)
    theme_key = selectors.theme_key_from_slug(theme) if theme else None
    audience_key = selectors.audience_key_from_slug(audience) if audience else None
    if (theme and theme_key is None) or (audience and audience_key is None):
        return []
    cards = selectors.catalogue(
        language_code=language,
        theme_key=theme_key,
        audience_key=audience_key,
        available_in=available_in or None,
        user=request.user,
    )
    theme_slugs, audience_slugs = selectors.slugs_by_key()
    return [
        {
            "id": card.page.pk,
            "title": card.page.title,
            "url": card.page.get_url(request=request),
            "language": card.page.locale.language_code,
            "languages": card.languages,
            "summary": card.page.summary,
            "estimated_minutes": card.page.estimated_minutes,
            "themes": sorted(theme_slugs.get(key, "") for key in card.theme_keys),
            "audiences": sorted(audience_slugs.get(key, "") for key in card.audience_keys),
            "lesson_count": card.lesson_count,
            "progress": {"status": card.status, "lessons_done": card.lessons_done, "due_date": card.due_date}
            if card.status
            else None,
        }
        for card in cards
    ]


@router.get(
    "/modules/{module_id}",
    response=ModuleDetailOut,
    auth=None,
    summary="One module, with the caller's progress",
)
def module_detail(request, module_id: int):
    module = _module(module_id)
    progress = selectors.module_progress(user=request.user, module=module)
    prerequisites = list(module.prerequisites.all())
    completed_keys = selectors.completed_module_keys(
        user=request.user, keys=[p.translation_key for p in prerequisites]
    )
    return {
        "id": module.pk,
        "title": module.title,
        "url": module.get_url(request=request),
        "language": module.locale.language_code,
        "summary": module.summary,
        "objectives": [block.value for block in module.objectives],
        "estimated_minutes": module.estimated_minutes,
        "enrolled": progress.enrollment is not None,
        "completed": bool(progress.enrollment and progress.enrollment.completed_at),
        "lessons": [
            {"id": s.page.pk, "title": s.page.title, "url": s.page.get_url(request=request), "done": s.done}
            for s in progress.lessons
        ],
        "prerequisites": [
            {"id": p.pk, "title": p.title, "completed": p.translation_key in completed_keys}
            for p in prerequisites
        ],
        "quiz": {
            "question_count": len(module.quiz),
            "pass_mark": module.pass_mark,
            "max_attempts": module.max_attempts,
            "attempts_used": len(progress.attempts),
            "attempts_remaining": progress.attempts_remaining,
            "best_percent": float(progress.best_percent) if progress.best_percent is not None else None,
            "passed": progress.passed,
            "open_attempt_id": progress.open_attempt.pk if progress.open_attempt else None,
        },
        "certificate_code": progress.certificate.code if progress.certificate else None,
    }


@router.post("/modules/{module_id}/enrol", response={200: EnrollmentOut, 201: EnrollmentOut}, auth=session)
def module_enrol(request, module_id: int):
    enrollment, created = services.enrollment_create(user=request.user, module=_module(module_id))
    return Status(
        201 if created else 200,
        {
            "module_id": module_id,
            "enrolled_at": enrollment.enrolled_at,
            "completed": enrollment.completed_at is not None,
            "due_date": enrollment.due_date,
        },
    )


@router.post("/lessons/{lesson_id}/done", response=LessonDoneOut, auth=session)
def lesson_done(request, lesson_id: int):
    lesson = LessonPage.objects.filter(pk=lesson_id).first()
    if lesson is None:
        raise NotFound(_not_available())
    enrollment = services.lesson_complete(user=request.user, lesson=lesson)
    return {"lesson_id": lesson.pk, "module_completed": enrollment.completed_at is not None}


def _attempt_out(attempt):
    quiz = attempt.quiz_version.quiz()
    shown = present(quiz.questions, seed=attempt.seed, shuffle_options=quiz.shuffle_options)
    return {
        "id": attempt.pk,
        "number": attempt.number,
        "module_id": attempt.module_id,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "number": q.number,
                "prompt": q.prompt,
                "points": q.points,
                "options": [{"id": i, "text": t} for i, t in q.options],
                "items": [{"id": i, "text": t} for i, t in q.items],
                "prompts": [{"id": i, "text": t} for i, t in q.prompts],
                "answers": [{"id": i, "text": t} for i, t in q.answers],
            }
            for q in shown
        ],
    }


@router.post(
    "/modules/{module_id}/attempts",
    response={200: AttemptOut, 201: AttemptOut},
    auth=session,
    summary="Start a quiz attempt (or resume the open one); questions come without answers",
)
def attempt_start(request, module_id: int):
    module = _module(module_id)
    open_before = selectors.open_attempt_id(user=request.user, module=module)
    attempt = services.quiz_attempt_start(user=request.user, module=module)
    return Status(200 if open_before == attempt.pk else 201, _attempt_out(attempt))


@router.get(
    "/attempts/{attempt_id}", response=AttemptOut, auth=session, summary="An open attempt's questions"
)
def attempt_detail(request, attempt_id: int):
    attempt = services.attempt_for_user(user=request.user, attempt_id=attempt_id)
    if attempt.is_submitted:
        raise LearningError(_already_submitted())
    return _attempt_out(attempt)


def _already_submitted():
    from django.utils.translation import gettext

    return gettext("This attempt has already been submitted.")


@router.post(
    "/attempts/{attempt_id}/submit", response=ResultOut, auth=session, summary="Submit answers for grading"
)
def attempt_submit(request, attempt_id: int, payload: SubmitIn):
    attempt = services.quiz_attempt_submit(user=request.user, attempt_id=attempt_id, answers=payload.answers)
    feedback = attempt_feedback(attempt=attempt)
    return {
        "attempt_id": attempt.pk,
        "score": float(attempt.score),
        "max_score": attempt.max_score,
        "percent": float(attempt.percent),
        "passed": attempt.passed,
        "feedback": feedback.band_feedback,
        "module_completed": feedback.module_completed,
        "certificate_code": feedback.certificate.code if feedback.certificate else None,
        "attempts_remaining": feedback.attempts_remaining,
        "questions": [
            {
                "question_id": q.id,
                "score": q.score,
                "max_score": q.max_score,
                "outcome": q.outcome,
                "feedback": q.feedback,
                "correct_answer": q.correct_answer_data,
            }
            for q in feedback.questions
        ]
        if feedback.details_visible
        else None,
    }


def _entry(request, entry):
    return {
        "module_id": entry.module.pk,
        "title": entry.module.title,
        "url": entry.module.get_url(request=request),
        "continue_url": entry.continue_page.get_url(request=request),
        "lessons_done": entry.lessons_done,
        "lesson_count": entry.lesson_count,
        "due_date": entry.enrollment.due_date,
        "completed_at": entry.enrollment.completed_at,
        "best_percent": float(entry.best_percent) if entry.best_percent is not None else None,
    }


def _certificate(request, certificate):
    from django.urls import reverse

    return {
        "code": certificate.code,
        "module": certificate.module_title,
        "name": certificate.participant_name,
        "issued_on": certificate.issued_at.date(),
        "pdf_url": reverse("learning:certificate_pdf", kwargs={"code": certificate.code}),
    }


@router.get("/me/dashboard", response=DashboardOut, auth=session)
def my_dashboard(request):
    board = selectors.dashboard(user=request.user, language_code=_language(request))
    return {
        "in_progress": [_entry(request, e) for e in board.in_progress],
        "completed": [_entry(request, e) for e in board.completed],
        "certificates": [_certificate(request, c) for c in board.certificates],
    }


@router.get("/me/certificates", response=list[CertificateOut], auth=session)
def my_certificates(request):
    return [
        _certificate(request, c) for c in Certificate.objects.filter(user=request.user).order_by("-issued_at")
    ]


@router.get(
    "/certificates/{code}",
    response=VerificationOut,
    auth=None,
    summary="Verify a certificate: only the name, the module and the date",
)
def certificate_verify(request, code: str):
    certificate = certificate_for_code(request, code)
    return {
        "name": certificate.participant_name,
        "module": certificate.module_title,
        "issued_on": certificate.issued_at.date(),
    }
