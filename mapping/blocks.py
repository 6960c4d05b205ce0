"""StreamField blocks of the mapping plugin: the questions of a questionnaire, its sections, and
a block that places an open questionnaire in another page.

Every question, option, matrix statement and competence theme has a *key*: a short code that
answers are stored under, so that Swedish and English answers pool into one dataset. Keys are
``KeyBlock``s, a ``RegexBlock`` and not a ``CharBlock``, so wagtail-localize never offers them
for translation; ``QuestionnairePage.clean()`` also refuses a translation whose keys differ from
its source. Scale steps have no key of their own: their key is their position ("1", "2", …),
which translation cannot change either.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"


class KeyBlock(blocks.RegexBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Key"))
        kwargs.setdefault(
            "help_text",
            _(
                "A short code that answers are stored under, the same in every language: lower-case "
                "letters, digits, - and _. Do not change it once answers have come in."
            ),
        )
        super().__init__(
            regex=KEY_PATTERN,
            max_length=64,
            error_messages={"invalid": _("Use lower-case letters, digits, - and _ (up to 64).")},
            **kwargs,
        )


class ConditionBlock(blocks.StructBlock):
    """Show a question (or section) only when an earlier question's answer has this option."""

    question_key = KeyBlock(
        label=_("Show only when the question with key"),
        required=False,
        help_text=_("The key of an earlier single choice, multiple choice or Likert question."),
    )
    option_key = KeyBlock(
        label=_("has the answer with key"),
        required=False,
        help_text=_("An option key of that question (for a Likert question: 1–5)."),
    )

    class Meta:
        label = _("Condition (optional)")
        collapsed = True


class KeyedTextBlock(blocks.StructBlock):
    key = KeyBlock()
    label = blocks.CharBlock(label=_("Text"), max_length=300)


class QuestionBlock(blocks.StructBlock):
    """What every question has."""

    key = KeyBlock()
    prompt = blocks.TextBlock(label=_("Question"), max_length=1000)
    help_text = blocks.CharBlock(label=_("Help text"), max_length=500, required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=False)
    allow_not_applicable = blocks.BooleanBlock(
        label=_("Offer “Don’t know / not applicable”"), required=False, default=False
    )
    condition = ConditionBlock()

    class Meta:
        icon = "help"


class LikertQuestionBlock(QuestionBlock):
    label_1 = blocks.CharBlock(label=_("Label of 1"), max_length=100, required=False)
    label_2 = blocks.CharBlock(label=_("Label of 2"), max_length=100, required=False)
    label_3 = blocks.CharBlock(label=_("Label of 3"), max_length=100, required=False)
    label_4 = blocks.CharBlock(label=_("Label of 4"), max_length=100, required=False)
    label_5 = blocks.CharBlock(label=_("Label of 5"), max_length=100, required=False)

    class Meta:
        label = _("Likert scale (1–5)")
        icon = "list-ol"
        help_text = _("Labels left empty read “Strongly disagree” … “Strongly agree”.")


class SingleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(KeyedTextBlock(), label=_("Options"), min_num=2, max_num=30)

    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class MultipleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(KeyedTextBlock(), label=_("Options"), min_num=2, max_num=30)

    class Meta:
        label = _("Multiple choice")
        icon = "tasks"


class ShortTextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class LongTextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Long text")
        icon = "doc-full"


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.FloatBlock(label=_("Smallest allowed"), required=False)
    max_value = blocks.FloatBlock(label=_("Largest allowed"), required=False)
    whole_number = blocks.BooleanBlock(label=_("Whole numbers only"), required=False, default=True)

    class Meta:
        label = _("Number")
        icon = "order"


def scale_block():
    return blocks.ListBlock(
        blocks.CharBlock(label=_("Step"), max_length=100),
        label=_("Scale, lowest first"),
        min_num=2,
        max_num=10,
        help_text=_("Stored as 1, 2, 3 … in this order, so averages can be computed."),
    )


class MatrixQuestionBlock(QuestionBlock):
    statements = blocks.ListBlock(KeyedTextBlock(), label=_("Statements"), min_num=1, max_num=30)
    scale = scale_block()

    class Meta:
        label = _("Matrix (statements × scale)")
        icon = "table"


class CompetenceQuestionBlock(QuestionBlock):
    themes = blocks.ListBlock(KeyedTextBlock(), label=_("Themes"), min_num=1, max_num=30)
    scale = scale_block()
    current_label = blocks.CharBlock(label=_("Heading of the current level"), max_length=100, required=False)
    importance_label = blocks.CharBlock(label=_("Heading of the importance"), max_length=100, required=False)

    class Meta:
        label = _("Competence self-assessment")
        icon = "user"
        help_text = _(
            "For each theme the respondent rates the current level and the importance on the same "
            "scale; reports show the gap (importance − current)."
        )


class QuestionBlocks(blocks.StreamBlock):
    likert = LikertQuestionBlock()
    single = SingleChoiceQuestionBlock()
    multiple = MultipleChoiceQuestionBlock()
    short_text = ShortTextQuestionBlock()
    long_text = LongTextQuestionBlock()
    number = NumberQuestionBlock()
    matrix = MatrixQuestionBlock()
    competence = CompetenceQuestionBlock()

    class Meta:
        label = _("Questions")
        max_num = 100


class SectionBlock(blocks.StructBlock):
    """One step of the questionnaire."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=2000)
    condition = ConditionBlock()
    questions = QuestionBlocks()

    class Meta:
        label = _("Section")
        icon = "form"


class QuestionnaireBodyBlocks(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        label = _("Sections")
        max_num = 30
