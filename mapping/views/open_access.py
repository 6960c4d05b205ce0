"""Campaigns open to anyone: answered on the questionnaire page's own address (step by step,
the draft in the session) or in an inline frame on a partner's site (one page, no session).

No token protects them, so a honeypot field and a rate limit per address keep bots out, and
the answers are anonymous with the language as their only attribute.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from ..answers import InvalidAnswers
from ..errors import MappingError
from ..questionnaire import Section, questionnaire_of
from ..selectors.open_campaigns import open_campaign, open_campaign_for_page
from ..services import responding
from .respond_flow import HONEYPOT, Flow, personal, render_page, render_questionnaire, run
from .respond_form import answers_from_post, condition_hints, present

# Submissions per address: a shared office network may hold several respondents.
SUBMIT_RATE = "20/h"
SESSION_OPEN = "mapping_open"


class RateLimited(MappingError):
    status = 429
    code = "rate_limited"


def _check_rate(request):
    if is_ratelimited(
        request, group="mapping-open-submit", key="ip", rate=SUBMIT_RATE, method="POST", increment=True
    ):
        raise RateLimited(
            gettext("Too many answers have been sent from your network. Please try again later.")
        )


class OpenFlow(Flow):
    honeypot = True

    @property
    def saved_message(self):
        return gettext("Your answers are saved in this browser. Come back to this page to continue.")

    def __init__(self, request, *, campaign, page):
        self.page = page
        version = responding.version_for(
            campaign=campaign, language=translation.get_language(), fallback=page.locale.language_code
        )
        super().__init__(request, campaign=campaign, version=version)

    def _state(self):
        return self.request.session.get(SESSION_OPEN, {}).get(str(self.campaign.pk), {})

    def _store(self, **changes):
        drafts = self.request.session.get(SESSION_OPEN, {})
        drafts[str(self.campaign.pk)] = {**self._state(), **changes}
        self.request.session[SESSION_OPEN] = drafts

    def answers(self):
        return dict(self._state().get("answers", {}))

    def save(self, answers):
        cleaned = responding.draft_clean(version=self.version, answers=answers)
        self._store(answers=cleaned)
        return cleaned

    def submit(self, answers):
        _check_rate(self.request)
        responding.open_submit(campaign=self.campaign, version=self.version, answers=answers)
        drafts = self.request.session.get(SESSION_OPEN, {})
        drafts.pop(str(self.campaign.pk), None)
        self.request.session[SESSION_OPEN] = drafts

    def get_step(self):
        return self._state().get("step", 0)

    def set_step(self, index):
        self._store(step=index)

    def url(self):
        return self.page.get_url(self.request)

    def thanks_url(self):
        return f"{self.url()}?answered=1"

    def render(self, context, *, status=200):
        return render_questionnaire(
            self.request, {**context, "campaign": self.campaign}, page=self.page, status=status
        )


def questionnaire_page(request, page):
    """A questionnaire page: its introduction, and the questionnaire itself while an
    open-access campaign runs on it."""
    campaign = open_campaign_for_page(page)
    if request.GET.get("answered") == "1" or campaign is None:
        context = {"answered": request.GET.get("answered") == "1", "campaign": campaign}
        return personal(render_page(request, page, "mapping/questionnaire_page.html", context))
    try:
        flow = OpenFlow(request, campaign=campaign, page=page)
    except MappingError as error:
        context = {"problem": error.message}
        return personal(
            render_page(request, page, "mapping/questionnaire_page.html", context, status=error.status)
        )
    return run(flow)


def _frame_ancestors():
    return ["'self'", *getattr(settings, "MAPPING_EMBED_ORIGINS", [])]


def _framable(response):
    """Partners named in MAPPING_EMBED_ORIGINS (and this site) may frame the embed address; every
    other page keeps the site's X-Frame-Options and frame-ancestors."""
    from csp.decorators import csp_update

    return csp_update({"frame-ancestors": _frame_ancestors()})(lambda: response)()


@xframe_options_exempt
@csrf_exempt  # no session, no account, nothing to forge: the honeypot and rate limit guard it
def embed(request, campaign_id):
    campaign = open_campaign(campaign_id)
    context = {"campaign": campaign, "honeypot": HONEYPOT, "errors": {}, "problem": ""}
    status = 200
    if campaign is None:
        context["problem"] = gettext("This questionnaire is not open for answers at the moment.")
        return _framable(personal(render(request, "mapping/respond/embed.html", context, status=404)))
    version = responding.version_for(campaign=campaign, language=translation.get_language(), fallback="-")
    questionnaire = questionnaire_of(version)
    answers = {}
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            return _framable(personal(HttpResponseRedirect(_embed_thanks(campaign))))
        answers = answers_from_post(questionnaire.questions, request.POST)
        try:
            _check_rate(request)
            responding.open_submit(campaign=campaign, version=version, answers=answers)
        except InvalidAnswers as error:
            context["errors"], context["problem"], status = error.errors, error.message, 400
        except MappingError as error:
            context["problem"], status = error.message, error.status
        else:
            return _framable(personal(HttpResponseRedirect(_embed_thanks(campaign))))
    context["answered"] = request.GET.get("answered") == "1"
    context["questionnaire"] = questionnaire
    everything = Section(index=0, title="", intro="", condition=None, questions=questionnaire.questions)
    hints = condition_hints(questionnaire, everything)
    context["sections"] = [
        {
            "section": section,
            "hint": _section_hint(questionnaire, section),
            "fields": present(section.questions, answers, context["errors"], hints=hints),
        }
        for section in questionnaire.sections
    ]
    return _framable(personal(render(request, "mapping/respond/embed.html", context, status=status)))


def _section_hint(questionnaire, section):
    condition = section.condition
    target = questionnaire.question(condition.question_key) if condition else None
    if target is None:
        return ""
    return gettext("Answer this part only if you chose “%(option)s” in question %(number)s.") % {
        "option": dict(target.options).get(condition.option_key, condition.option_key),
        "number": target.number,
    }


def _embed_thanks(campaign):
    return reverse("mapping:embed", kwargs={"campaign_id": campaign.pk}) + "?answered=1"
