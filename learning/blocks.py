"""StreamField blocks of the learning plugin: lesson content and quiz questions.

Question blocks keep the answer key in fields that wagtail-localize does not offer for
translation (booleans, choices, numbers, and the order and ids of list items), so a translated
module is graded exactly like its source. Only the wording is translatable.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from heart_site.core.blocks import BaseContentBlocks, DocumentLinkBlock


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Case"), features=["bold", "italic", "ol", "ul", "link"])
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question"), max_length=300),
        label=_("Questions to discuss"),
        required=False,
        min_num=0,
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Case study")
        template = "learning/blocks/case_study.html"


class ReflectionBlock(blocks.StructBlock):
    """A question the participant answers for themselves; the answer is private to them."""

    question = blocks.CharBlock(label=_("Reflection question"), max_length=300)
    help_text = blocks.CharBlock(label=_("Guidance"), max_length=300, required=False)

    class Meta:
        icon = "help"
        label = _("Reflection question")
        template = "learning/blocks/reflection.html"


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=100, required=False)
    points = blocks.ListBlock(
        blocks.CharBlock(label=_("Point"), max_length=300), label=_("Key points"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "learning/blocks/key_points.html"


class LessonContentBlocks(BaseContentBlocks):
    case_study = CaseStudyBlock()
    reflection = ReflectionBlock()
    key_points = KeyPointsBlock()
    worksheet = DocumentLinkBlock(label=_("Worksheet or tool"), icon="download")

    class Meta:
        label = _("Lesson content")


# --- Quiz questions ------------------------------------------------------------------------

SCORING_CHOICES = [
    ("all_or_nothing", _("All or nothing")),
    ("partial", _("Partial credit")),
]


class QuestionBlock(blocks.StructBlock):
    """What every question has: its wording, its worth and the feedback after grading."""

    prompt = blocks.TextBlock(label=_("Question"), max_length=1000)
    points = blocks.IntegerBlock(label=_("Points"), min_value=1, max_value=100, default=1)
    feedback_correct = blocks.TextBlock(label=_("Feedback when right"), required=False, max_length=1000)
    feedback_incorrect = blocks.TextBlock(label=_("Feedback when wrong"), required=False, max_length=1000)
    general_feedback = blocks.TextBlock(
        label=_("General feedback"),
        required=False,
        max_length=2000,
        help_text=_("Shown after grading whatever the answer, for example why the right answer is right."),
    )

    class Meta:
        icon = "help"


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Option"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(label=_("Feedback when chosen"), required=False, max_length=500)


def _options_error(message):
    return blocks.StructBlockValidationError(block_errors={"options": ValidationError(message)})


class SingleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=2, max_num=12)

    class Meta:
        label = _("Single choice")
        icon = "radio-full"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            raise _options_error(_("Mark exactly one option as correct."))
        return value


class MultipleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=2, max_num=12)
    scoring = blocks.ChoiceBlock(
        label=_("Scoring"),
        choices=SCORING_CHOICES,
        default="partial",
        help_text=_(
            "Partial credit: each correct option chosen earns an equal share of the points and each "
            "wrong option chosen takes one share away, never below zero. All or nothing: full points "
            "only for exactly the correct options."
        ),
    )

    class Meta:
        label = _("Multiple choice")
        icon = "tasks"

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise _options_error(_("Mark at least one option as correct."))
        return value


class TrueFalseQuestionBlock(QuestionBlock):
    correct_answer = blocks.ChoiceBlock(
        label=_("Correct answer"), choices=[("true", _("True")), ("false", _("False"))], default="true"
    )

    class Meta:
        label = _("True or false")
        icon = "tick"


class ShortAnswerQuestionBlock(QuestionBlock):
    accepted_answers = blocks.ListBlock(
        blocks.CharBlock(label=_("Accepted answer"), max_length=200),
        label=_("Accepted answers"),
        min_num=1,
        max_num=20,
        help_text=_(
            "Answers are compared without regard to upper or lower case and extra spaces. "
            "Translators translate each accepted answer."
        ),
    )

    class Meta:
        label = _("Short answer")
        icon = "pilcrow"


class OrderingQuestionBlock(QuestionBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items in the right order"),
        min_num=2,
        max_num=12,
        help_text=_("Participants see the items shuffled."),
    )
    scoring = blocks.ChoiceBlock(
        label=_("Scoring"),
        choices=SCORING_CHOICES,
        default="partial",
        help_text=_("Partial credit: an equal share of the points for each item in its right place."),
    )

    class Meta:
        label = _("Ordering")
        icon = "list-ol"


class MatchingPairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Prompt"), max_length=300)
    answer = blocks.CharBlock(label=_("Matching answer"), max_length=300)


class MatchingQuestionBlock(QuestionBlock):
    pairs = blocks.ListBlock(MatchingPairBlock(), label=_("Pairs"), min_num=2, max_num=12)
    scoring = blocks.ChoiceBlock(
        label=_("Scoring"),
        choices=SCORING_CHOICES,
        default="partial",
        help_text=_("Partial credit: an equal share of the points for each pair matched right."),
    )

    class Meta:
        label = _("Matching")
        icon = "resubmit"


class QuizBlocks(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    short_answer = ShortAnswerQuestionBlock()
    ordering = OrderingQuestionBlock()
    matching = MatchingQuestionBlock()

    class Meta:
        label = _("Quiz questions")
        max_num = 100


class ScoreBandBlock(blocks.StructBlock):
    min_percent = blocks.IntegerBlock(label=_("From score (%)"), min_value=0, max_value=100)
    feedback = blocks.TextBlock(label=_("Feedback"), max_length=1000)

    class Meta:
        icon = "success"
        label = _("Score band")
