"""Factories for the learning plugin: a catalogue, modules with lessons and a quiz of every
question type, published as an editor publishes them."""

import uuid

import factory
import wagtail_factories

from learning.models import CourseIndexPage, LessonPage, TrainingModulePage


def item(value, item_id=None):
    return {"type": "item", "id": item_id or str(uuid.uuid4()), "value": value}


def option(text, correct=False, feedback=""):
    return item({"text": text, "correct": correct, "feedback": feedback})


def question(kind, prompt, points=1, **value):
    base = {
        "prompt": prompt,
        "points": points,
        "feedback_correct": value.pop("feedback_correct", "Rätt!"),
        "feedback_incorrect": value.pop("feedback_incorrect", "Fel."),
        "general_feedback": value.pop("general_feedback", ""),
    }
    base.update(value)
    return {"type": kind, "id": str(uuid.uuid4()), "value": base}


def every_kind_of_question():
    """One question of each type; the first option, "true", the listed order and the listed
    pairs are the right answers."""
    return [
        question(
            "single_choice",
            "Vilken lag förbjuder diskriminering?",
            options=[
                option("Diskrimineringslagen", True, "Ja, sedan 2009."),
                option("Plan- och bygglagen", False, "Nej, den gäller byggande."),
                option("Trafikförordningen"),
            ],
        ),
        question(
            "multiple_choice",
            "Vilka är diskrimineringsgrunder?",
            points=2,
            scoring="partial",
            options=[
                option("Ålder", True),
                option("Funktionsnedsättning", True),
                option("Hårfärg"),
                option("Yrke"),
            ],
        ),
        question("true_false", "Det finns sju diskrimineringsgrunder.", correct_answer="true"),
        question(
            "short_answer",
            "Vad heter myndigheten som utövar tillsyn över diskrimineringslagen? (förkortning)",
            accepted_answers=[item("DO"), item("Diskrimineringsombudsmannen")],
        ),
        question(
            "ordering",
            "Ordna stegen i det aktiva arbetet.",
            scoring="partial",
            items=[item("Undersöka"), item("Analysera"), item("Åtgärda"), item("Följa upp")],
        ),
        question(
            "matching",
            "Para ihop begrepp och betydelse.",
            scoring="partial",
            pairs=[
                item({"prompt": "Direkt diskriminering", "answer": "Sämre behandling"}),
                item({"prompt": "Indirekt diskriminering", "answer": "Neutral regel som missgynnar"}),
                item({"prompt": "Trakasserier", "answer": "Kränkning kopplad till en grund"}),
            ],
        ),
    ]


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Utbildningar"
    slug = "utbildningar"

    class Meta:
        model = CourseIndexPage


class TrainingModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Modul {n}")
    summary = factory.Sequence(lambda n: f"Sammanfattning av modul {n}.")
    estimated_minutes = 30
    pass_mark = 60
    max_attempts = 0
    shuffle_options = True
    quiz = factory.LazyFunction(every_kind_of_question)

    class Meta:
        model = TrainingModulePage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and obj.live and extracted is not False:
            obj.save_revision().publish()
            obj.refresh_from_db()


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lektion {n}")
    summary = "En lektion."
    body = factory.LazyFunction(
        lambda: [
            {"type": "paragraph", "id": str(uuid.uuid4()), "value": "<p>Text om likabehandling.</p>"},
            {
                "type": "reflection",
                "id": str(uuid.uuid4()),
                "value": {"question": "Hur arbetar ni med detta?", "help_text": ""},
            },
        ]
    )

    class Meta:
        model = LessonPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and obj.live and extracted is not False:
            obj.save_revision().publish()
            obj.refresh_from_db()


def build_module(parent, *, lessons=2, **fields):
    module = TrainingModulePageFactory(parent=parent, **fields)
    for _ in range(lessons):
        LessonPageFactory(parent=module)
    return module


def correct_answers(module, attempt=None):
    """The answers that score full points, in the API's shape, for the module's live quiz."""
    from learning.quiz import matching_token, questions_from_stream

    seed = attempt.seed if attempt is not None else 0
    answers = {}
    for q in questions_from_stream(module.quiz):
        if q.kind == "single_choice":
            answers[q.id] = next(c.id for c in q.options if c.correct)
        elif q.kind == "multiple_choice":
            answers[q.id] = [c.id for c in q.options if c.correct]
        elif q.kind == "true_false":
            answers[q.id] = "true" if q.correct_answer else "false"
        elif q.kind == "short_answer":
            answers[q.id] = q.accepted_answers[0]
        elif q.kind == "ordering":
            answers[q.id] = [c.id for c in q.items]
        elif q.kind == "matching":
            answers[q.id] = {p.id: matching_token(seed, p.id) for p in q.pairs}
    return answers
