from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from heart_site.core.models import BasePage, Theme

from ..blocks import LessonContentBlocks, QuizBlocks, ScoreBandBlock
from ..quiz import answer_key, band_feedback, questions_from_stream, score_bands_from_stream
from .audiences import Audience

# A module's StreamFields: listings and grading leave them unread (``.defer()``); grading takes
# the quiz from the attempt's pinned version instead.
MODULE_STREAM_FIELDS = ("objectives", "quiz", "score_bands")


class CourseIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = ["intro"]
    subpage_types = ["learning.TrainingModulePage"]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    @path("")
    def catalogue(self, request):
        from ..views.catalogue import catalogue

        return catalogue(request, self)

    @property
    def intro_text(self):
        return self.intro


class TrainingModulePage(RoutablePageMixin, BasePage):
    class FeedbackTiming(models.TextChoices):
        EACH_ATTEMPT = "each", _("After each attempt")
        LAST_ATTEMPT = "last", _("Only after the last attempt (or a pass)")

    summary = models.TextField(_("summary"), max_length=600)
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=300))],
        verbose_name=_("learning objectives"),
        blank=True,
        help_text=_("What participants can do after the module, one per line, for example “Recognise …”."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), default=30, validators=[MaxValueValidator(6000)]
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    audiences = ParentalManyToManyField(Audience, verbose_name=_("audiences"), blank=True, related_name="+")
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisite modules"),
        blank=True,
        symmetrical=False,
        related_name="+",
        help_text=_("Modules a participant must complete before enrolling in this one."),
    )
    quiz = StreamField(QuizBlocks(), verbose_name=_("quiz"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        default=0,
        help_text=_("0 means unlimited."),
        validators=[MaxValueValidator(100)],
    )
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    feedback_timing = models.CharField(
        _("show feedback"), max_length=10, choices=FeedbackTiming.choices, default=FeedbackTiming.EACH_ATTEMPT
    )
    score_bands = StreamField(
        [("band", ScoreBandBlock())],
        verbose_name=_("feedback by score"),
        blank=True,
        help_text=_(
            "Overall feedback: the band with the highest starting score at or below the result applies."
        ),
    )
    issues_certificate = models.BooleanField(_("issues a certificate"), default=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("themes"),
                FieldPanel("audiences"),
                FieldPanel("prerequisites"),
            ],
            heading=_("About the module"),
        ),
        FieldPanel("quiz"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("shuffle_options"),
                FieldPanel("feedback_timing"),
                FieldPanel("score_bands"),
                FieldPanel("issues_certificate"),
            ],
            heading=_("Quiz rules and completion"),
        ),
    ]
    # The answer key and the rules must not differ between languages; translators see only text.
    override_translatable_fields = [
        SynchronizedField("pass_mark", overridable=False),
        SynchronizedField("max_attempts", overridable=False),
        SynchronizedField("shuffle_options", overridable=False),
        SynchronizedField("feedback_timing", overridable=False),
        SynchronizedField("issues_certificate", overridable=False),
        SynchronizedField("estimated_minutes", overridable=False),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("objectives")]
    # The quiz is deliberately not an API field: it holds the answer key.
    api_fields = [
        "summary",
        "objectives",
        "estimated_minutes",
        "themes",
        "audiences",
        "pass_mark",
        "max_attempts",
    ]
    parent_page_types = ["learning.CourseIndexPage"]
    subpage_types = ["learning.LessonPage"]

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    def clean(self):
        super().clean()
        self._check_answer_key_matches_source()

    def _check_answer_key_matches_source(self):
        """A translation is graded by its own revision, so it must carry the source's key.
        wagtail-localize never offers the key for translation; this stops a manual edit."""
        default_locale = Locale.get_default()
        if not self.translation_key or self.locale_id in (None, default_locale.pk):
            return
        source = (
            TrainingModulePage.objects.filter(translation_key=self.translation_key, locale=default_locale)
            .exclude(pk=self.pk)
            .first()
        )
        if source is None:
            return
        source = source.get_latest_revision_as_object()
        if answer_key(questions_from_stream(self.quiz)) != answer_key(questions_from_stream(source.quiz)):
            raise ValidationError(
                {
                    "quiz": _(
                        "The questions, correct answers and points must be the same as in the %(language)s "
                        "original; only the wording can be translated. Change the original and sync the "
                        "translation instead."
                    )
                    % {"language": get_language_info(default_locale.language_code)["name_translated"]}
                }
            )

    @property
    def intro_text(self):
        return self.summary

    @property
    def has_quiz(self):
        return len(self.quiz) > 0

    def score_band_feedback(self, percent):
        return band_feedback(score_bands_from_stream(self.score_bands), percent)

    @path("")
    def overview(self, request):
        from ..views.module import module_overview

        return module_overview(request, self)

    @path("enrol/")
    def enrol(self, request):
        from ..views.module import module_enrol

        return module_enrol(request, self)

    @path("quiz/")
    def quiz_start(self, request):
        from ..views.quiz import quiz_start

        return quiz_start(request, self)

    @re_path(r"^quiz/(?P<attempt_id>\d+)/$")
    def quiz_attempt(self, request, attempt_id):
        from ..views.quiz import quiz_attempt

        return quiz_attempt(request, self, int(attempt_id))

    @re_path(r"^quiz/(?P<attempt_id>\d+)/result/$")
    def quiz_result(self, request, attempt_id):
        from ..views.quiz import quiz_result

        return quiz_result(request, self, int(attempt_id))

    @path("certificate/")
    def certificate(self, request):
        from ..views.certificates import module_certificate

        return module_certificate(request, self)


class LessonPage(RoutablePageMixin, BasePage):
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    body = StreamField(LessonContentBlocks(), verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    override_translatable_fields = [SynchronizedField("estimated_minutes", overridable=False)]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = ["summary", "estimated_minutes", "body"]
    parent_page_types = ["learning.TrainingModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def intro_text(self):
        return self.summary

    def reflection_block_ids(self):
        return {str(block.id) for block in self.body if block.block_type == "reflection"}

    @path("")
    def lesson(self, request):
        from ..views.lesson import lesson_view

        return lesson_view(request, self)

    @path("done/")
    def done(self, request):
        from ..views.lesson import lesson_done

        return lesson_done(request, self)

    @re_path(r"^reflection/(?P<block_id>[0-9a-f-]{36})/$")
    def reflection(self, request, block_id):
        from ..views.lesson import reflection_save

        return reflection_save(request, self, block_id)
