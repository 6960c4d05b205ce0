"""The questionnaire shown one section per step, the same for invitees and for campaigns open
to anyone; a *flow* says where the draft and the current step live and how to submit.

Each POST saves the step's answers (checked) and redirects, so reloading never resubmits; the
step is kept as the section's index in the session, so switching language stays on it.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from ..answers import InvalidAnswers, clean_answers
from ..errors import MappingError
from ..questionnaire import questionnaire_of, visible_keys, visible_sections
from .respond_form import answers_from_post, condition_hints, present

HONEYPOT = "website"


def personal(response):
    """Answers are personal: never cached, and the address not sent to other sites. (Not
    "no-referrer": browsers then send "Origin: null" with the form, which fails CSRF checks.)"""
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "same-origin"
    return response


class Flow:
    """Subclasses: where answers and the step are kept, and what submitting does."""

    honeypot = False
    saved_message = ""

    def __init__(self, request, *, campaign, version):
        self.request = request
        self.campaign = campaign
        self.version = version

    def answers(self) -> dict:
        raise NotImplementedError

    def save(self, answers) -> dict:
        raise NotImplementedError

    def submit(self, answers):
        raise NotImplementedError

    def get_step(self) -> int:
        raise NotImplementedError

    def set_step(self, index: int):
        raise NotImplementedError

    def url(self) -> str:
        raise NotImplementedError

    def thanks_url(self) -> str:
        raise NotImplementedError

    def render(self, context, *, status=200):
        raise NotImplementedError


def _current(steps, wanted):
    """The step to show: the section with index ``wanted`` or, if it is now hidden, the next
    shown one (or the last)."""
    for position, section in enumerate(steps):
        if section.index >= wanted:
            return position
    return len(steps) - 1


def _step_questions(section, answers, questionnaire):
    """The section's questions shown now: those whose condition is met, and those whose
    condition depends on this same step (shown with a note, decided on submission)."""
    shown = visible_keys(questionnaire, answers)
    here = {q.key for q in section.questions}
    return [
        q for q in section.questions if q.key in shown or (q.condition and q.condition.question_key in here)
    ]


def run(flow: Flow):
    request = flow.request
    questionnaire = questionnaire_of(flow.version)
    answers = flow.answers()
    if request.method == "GET" and request.GET.get("step", "").isdigit():
        flow.set_step(int(request.GET["step"]))
    steps = visible_sections(questionnaire, answers)
    if not steps:
        return flow.render({"problem": gettext("This questionnaire has no questions.")}, status=404)
    position = _current(steps, flow.get_step())
    section = steps[position]
    errors, problem, status = {}, "", 200
    if request.method == "POST":
        if flow.honeypot and request.POST.get(HONEYPOT):
            return personal(HttpResponseRedirect(flow.thanks_url()))  # a bot: tell it nothing
        action = request.POST.get("action", "next")
        posted = answers_from_post(_step_questions(section, answers, questionnaire), request.POST)
        answers = {**answers, **posted}
        try:
            if action == "submit":
                flow.submit(answers)
                return personal(HttpResponseRedirect(flow.thanks_url()))
            check = {q.key for q in section.questions} if action == "next" else set()
            clean_answers(questionnaire, answers, check_required=check)
            answers = flow.save(answers)
        except InvalidAnswers as error:
            errors, problem, status = error.errors, error.message, 400
        except MappingError as error:
            problem, status = error.message, error.status
        else:
            steps = visible_sections(questionnaire, answers)
            position = _current(steps, section.index)
            if action == "next":
                position = min(position + 1, len(steps) - 1)
            elif action == "back":
                position = max(position - 1, 0)
            flow.set_step(steps[position].index)
            if action == "save":
                request.session["mapping_saved"] = True
            return personal(HttpResponseRedirect(flow.url()))
    context = {
        "questionnaire": questionnaire,
        "section": section,
        "fields": present(
            _step_questions(section, answers, questionnaire),
            answers,
            errors,
            hints=condition_hints(questionnaire, section),
        ),
        "position": position + 1,
        "step_count": len(steps),
        "is_first": position == 0,
        "is_last": position == len(steps) - 1,
        "problem": problem,
        "other_errors": _other_errors(questionnaire, steps, section, errors),
        "saved": request.session.pop("mapping_saved", False) if hasattr(request, "session") else False,
        "saved_message": flow.saved_message,
        "honeypot": HONEYPOT if flow.honeypot else "",
        "action_url": flow.url(),
    }
    return flow.render(context, status=status)


def _other_errors(questionnaire, steps, section, errors):
    """Errors of questions on other steps (found on submission), with a link to their step."""
    others = []
    for position, step in enumerate(steps):
        if step.index == section.index:
            continue
        for q in step.questions:
            if q.key in errors:
                others.append(
                    {"question": q, "message": errors[q.key], "step": step.index, "position": position + 1}
                )
    return others


def render_page(request, page, template, context, *, status=200):
    """A page's template context (``page``, ``self``) with ours on top."""
    return render(request, template, {**page.get_context(request), **context}, status=status)


def render_questionnaire(
    request, context, *, page=None, template="mapping/respond/questionnaire.html", status=200
):
    if page is not None:
        return personal(render_page(request, page, template, context, status=status))
    return personal(render(request, template, context, status=status))
