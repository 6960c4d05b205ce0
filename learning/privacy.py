"""What "download my data" and "delete my account" do with a participant's training records."""

from .models import Certificate, Enrollment, ReflectionAnswer


def export_learning_data(user):
    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("module")
        .prefetch_related("lesson_completions", "attempts")
    )
    return {
        "enrolments": [
            {
                "module": e.module.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
                "due_date": e.due_date.isoformat() if e.due_date else None,
                "lessons_done": [str(c.lesson_key) for c in e.lesson_completions.all()],
                "quiz_attempts": [
                    {
                        "number": a.number,
                        "started_at": a.started_at.isoformat(),
                        "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
                        "answers": a.answers,
                        "score": str(a.score) if a.score is not None else None,
                        "max_score": a.max_score,
                        "passed": a.passed,
                    }
                    for a in e.attempts.all()
                ],
            }
            for e in enrollments
        ],
        "reflections": [
            {
                "lesson": str(r.lesson_key),
                "question": r.block_id,
                "answer": r.text,
                "updated_at": r.updated_at.isoformat(),
            }
            for r in ReflectionAnswer.objects.filter(user=user)
        ],
        "certificates": [
            {
                "module": c.module_title,
                "name": c.participant_name,
                "issued_at": c.issued_at.isoformat(),
                "code": c.code,
            }
            for c in Certificate.objects.filter(user=user)
        ],
    }


def erase_learning_data(user):
    Certificate.objects.filter(user=user).delete()
    ReflectionAnswer.objects.filter(user=user).delete()
    Enrollment.objects.filter(user=user).delete()
