"""Quiz questions in Moodle's GIFT format, in and out.

What is read (https://docs.moodle.org/en/GIFT_format):

- questions separated by blank lines, possibly spanning several lines; ``// comment`` lines,
  ``$CATEGORY:`` lines and ``::title::`` are read and ignored (our questions have no title);
- the escapes ``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n`` (a line break), plus ``\\>``, which our
  export writes for ``->`` in matching prompts (GIFT has no escape for it);
- ``[html]``, ``[moodle]``, ``[plain]`` and ``[markdown]`` in front of a text; the question's
  marker also applies to its answers and feedback, as in Moodle. HTML is reduced to plain text;
  the other formats are kept as written;
- single choice ``{=right ~wrong}``: exactly one ``=`` answer; weights only as ``=%100%`` and
  ``~%0%``;
- multiple choice ``{~%50%a ~%50%b ~%-100%c}``: only ``~`` answers, at least one with a positive
  weight; positive means correct, zero or negative means wrong. Our scoring gives every correct
  option an equal share, so unequal weights are reduced to right and wrong;
- true/false ``{T}``, ``{TRUE}``, ``{F}``, ``{FALSE}``, optionally ``{T#feedback when wrong#feedback
  when right}`` (Moodle's order), which fills the question's feedback_incorrect/feedback_correct;
- short answer ``{=a =b}``: only ``=`` answers, without partial weights or per-answer feedback
  (our short answers have neither);
- matching ``{=prompt -> answer ...}``, without Moodle's distractor answers (``= -> extra``);
- missing word: text after the answer block makes a prompt with ``_____`` where the block was;
- per-option feedback ``#...`` and general feedback ``####...`` inside the braces.

Anything else, essays ``{}``, numerical ``{#...}``, descriptions (no braces), several answer
blocks in one question, is an error, never skipped: an import is all or nothing.

GIFT has no points, no choice of scoring and (apart from true/false) no question-level
feedback, so they travel in a comment line directly before the question::

    // heart: points=2 scoring=all_or_nothing feedback_correct="Well done." feedback_incorrect="See lesson 2."

Values are bare words or double-quoted JSON strings. Defaults: points 1; scoring "partial" for
multiple choice and matching, which is how Moodle grades them and the blocks' own default;
single choice, true/false and short answer have no scoring choice. ``scoring`` is refused on
other kinds, and ``feedback_*`` on true/false (that lives in its braces). A plain Moodle file,
without these comments, imports with those defaults.

Ordering questions have no GIFT form: ``export_gift`` returns them separately so that the
caller can say so.
"""

import functools
import html
import json
import re
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import ListBlockValidationError, StructBlockValidationError

from .conf import setting
from .errors import LearningError
from .quiz import Choice, Pair, Question, question_to_block_data


def _format(template, params):
    return str(template) % params


# Messages are formatted when shown, so they follow the language of whoever reads them.
_lazy_format = lazy(_format, str)


class GiftError(LearningError):
    status = 400
    code = "gift_invalid"

    def __init__(self, problem, *, line=None):
        self.line = line
        self.problem = problem
        if line is not None:
            problem = _lazy_format(_("Line %(line)s: %(problem)s"), {"line": line, "problem": problem})
        super().__init__(problem)


SCORED_KINDS = ("multiple_choice", "matching")
DEFAULT_SCORING = "partial"
SCORING_VALUES = ("partial", "all_or_nothing")
MAX_QUESTIONS = 100  # QuizBlocks.Meta.max_num
BLANK = "_____"

# Escaped characters are swapped for private-use characters while the structure is read, so
# that an escaped ``=`` or ``}`` is never taken for syntax; they are put back in each text.
_ESCAPES = {"\\": "\ue000", "~": "\ue001", "=": "\ue002", "#": "\ue003", "{": "\ue004", "}": "\ue005"}
_ESCAPES |= {":": "\ue006", "n": "\ue007", ">": "\ue008"}
_RESTORE = {placeholder: ("\n" if char == "n" else char) for char, placeholder in _ESCAPES.items()}
_RESERVED = re.compile("[\ue000-\ue008\x00]")
_ESCAPE = re.compile(r"\\(.)")
_FORMAT = re.compile(r"\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = re.compile(r"(TRUE|T|FALSE|F)\s*(#.*)?", re.IGNORECASE | re.DOTALL)
_HEART = re.compile(r"//\s*heart:(.*)", re.IGNORECASE)
_HEART_PAIR = re.compile(r'\s*([A-Za-z_]+)=("(?:[^"\\]|\\.)*"|[^\s"]+)')
_HEART_KEYS = ("points", "scoring", "feedback_correct", "feedback_incorrect")


# --- Reading ------------------------------------------------------------------------------


def decode_upload(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without a byte order mark), within the size
    limit, with ``\\n`` line ends."""
    limit = setting("LEARNING_GIFT_MAX_BYTES")
    if len(data) > limit:
        raise GiftError(
            _lazy_format(_("The file is larger than %(limit)s."), {"limit": filesizeformat(limit)})
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GiftError(
            _("The file is not UTF-8 text. Save it with the UTF-8 encoding and try again."),
            line=data[: error.start].count(b"\n") + 1,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class _Chunk:
    """One question's lines, comments apart, escapes replaced by placeholders."""

    comments: list[tuple[int, str]] = field(default_factory=list)
    lines: list[tuple[int, str]] = field(default_factory=list)

    @functools.cached_property
    def text(self):
        return "\n".join(line for _number, line in self.lines)

    def line_at(self, offset):
        return self.lines[self.text.count("\n", 0, offset)][0]

    @property
    def first_line(self):
        return self.lines[0][0]


def _chunks(text):
    chunks, current = [], _Chunk()
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            chunks.append(current)
            current = _Chunk()
        elif stripped.startswith("//"):
            current.comments.append((number, stripped))
        elif stripped.startswith("$CATEGORY:") and not current.lines:
            continue
        else:
            if _RESERVED.search(line):
                raise GiftError(_("The line contains a character that is not allowed."), line=number)
            current.lines.append((number, _ESCAPE.sub(_hide_escape, line)))
    chunks.append(current)
    return [chunk for chunk in chunks if chunk.lines or chunk.comments]


def _hide_escape(match):
    return _ESCAPES.get(match.group(1), match.group(0))


def _html_to_text(value):
    value = re.sub(r"(?i)<br\s*/?>|</p\s*>|</li\s*>|</div\s*>|</h\d\s*>", "\n", value)
    value = html.unescape(strip_tags(value))
    lines = (" ".join(line.split()) for line in value.split("\n"))
    return "\n".join(line for line in lines if line)


def _text(raw, text_format):
    """A text as stored: marker removed, line breaks tidied, escapes resolved."""
    raw = raw.strip()
    marker = _FORMAT.match(raw)
    if marker:
        text_format, raw = marker.group(1), raw[marker.end() :]
    # Literal line breaks are how long texts are wrapped in a file; escaped ones (\n) are
    # still placeholders here and survive untouched.
    raw = "\n".join(line.strip() for line in raw.strip().split("\n"))
    value = "".join(_RESTORE.get(char, char) for char in raw)
    if text_format == "html":
        value = _html_to_text(value)
    return value


@dataclass
class _Answer:
    marker: str  # "=" or "~"
    raw: str
    offset: int
    weight: float | None = None
    feedback: str | None = None


def _split_answers(chunk, body, offset):
    """``=``/``~`` answers of an answer block, with weight and feedback taken apart."""
    parts = re.split(r"([=~])", body)
    if parts[0].strip():
        raise GiftError(
            _("Text before the first answer: each answer starts with = or ~."),
            line=chunk.line_at(offset + len(parts[0]) - len(parts[0].lstrip())),
        )
    answers = []
    position = offset + len(parts[0])
    for marker, raw in zip(parts[1::2], parts[2::2], strict=True):
        answers.append(_Answer(marker=marker, raw=raw, offset=position))
        position += 1 + len(raw)
    return answers


def _take_weight(answer, chunk):
    raw = answer.raw.strip()
    match = _WEIGHT.match(raw)
    if match:
        weight = float(match.group(1))
        if not -100 <= weight <= 100:
            raise GiftError(
                _lazy_format(
                    _("The weight %(weight)s is outside %(range)s."),
                    {"weight": match.group(0), "range": "%-100% … %100%"},
                ),
                line=chunk.line_at(answer.offset),
            )
        answer.weight = weight
        raw = raw[match.end() :]
    answer.raw = raw


def _take_feedback(answer):
    if "#" in answer.raw:
        answer.raw, answer.feedback = answer.raw.split("#", 1)


def _parse_heart_comment(chunk):
    found = [(number, _HEART.match(text)) for number, text in chunk.comments]
    found = [(number, match) for number, match in found if match]
    if not found:
        return {}, None
    if len(found) > 1:
        raise GiftError(_("A question can have only one “// heart:” comment."), line=found[1][0])
    number, match = found[0]
    rest, values = match.group(1), {}
    while rest.strip():
        pair = _HEART_PAIR.match(rest)
        if pair is None:
            raise GiftError(
                _lazy_format(_("Cannot read “%(text)s” in the “// heart:” comment."), {"text": rest.strip()}),
                line=number,
            )
        key, value = pair.group(1).lower(), pair.group(2)
        if key not in _HEART_KEYS:
            raise GiftError(
                _lazy_format(
                    _("Unknown setting “%(key)s” in the “// heart:” comment; known are %(known)s."),
                    {"key": key, "known": ", ".join(_HEART_KEYS)},
                ),
                line=number,
            )
        if key in values:
            raise GiftError(
                _lazy_format(_("“%(key)s” is given twice in the “// heart:” comment."), {"key": key}),
                line=number,
            )
        if value.startswith('"'):
            try:
                value = json.loads(value)
            except ValueError:
                raise GiftError(
                    _lazy_format(_("Cannot read the quoted value of “%(key)s”."), {"key": key}), line=number
                ) from None
        values[key] = value
        rest = rest[pair.end() :]
    if "points" in values:
        if not re.fullmatch(r"\d+", values["points"]) or int(values["points"]) < 1:
            raise GiftError(_("Points must be a whole number of at least 1."), line=number)
        values["points"] = int(values["points"])
    if "scoring" in values and values["scoring"] not in SCORING_VALUES:
        raise GiftError(
            _lazy_format(_("Scoring must be one of %(values)s."), {"values": ", ".join(SCORING_VALUES)}),
            line=number,
        )
    return values, number


def _apply_heart_comment(question, values, line):
    if "scoring" in values and question.kind not in SCORED_KINDS:
        raise GiftError(_("Only multiple choice and matching questions have a choice of scoring."), line=line)
    if question.kind == "true_false" and ({"feedback_correct", "feedback_incorrect"} & values.keys()):
        raise GiftError(
            _("A true/false question carries its feedback in the braces: {T#when wrong#when right}."),
            line=line,
        )
    question.points = values.get("points", question.points)
    question.scoring = values.get("scoring", question.scoring)
    question.feedback_correct = values.get("feedback_correct", question.feedback_correct)
    question.feedback_incorrect = values.get("feedback_incorrect", question.feedback_incorrect)


def _new_id():
    return str(uuid.uuid4())


def _parse_question(chunk):
    """A Question from one chunk, or None for a chunk of comments only."""
    heart, heart_line = _parse_heart_comment(chunk)
    if not chunk.lines:
        if heart_line is not None:
            raise GiftError(
                _("A “// heart:” comment must come directly before its question, without a blank line."),
                line=heart_line,
            )
        return None
    text = chunk.text
    start = len(text) - len(text.lstrip())
    if text.startswith("::", start):
        end = text.find("::", start + 2)
        if end < 0:
            raise GiftError(_("The question title is not closed with ::."), line=chunk.line_at(start))
        start = end + 2
    rest = text[start:].lstrip()
    start = len(text) - len(rest)
    # The question's marker sets the format of its answers and feedback too; _text removes it
    # from the prompt.
    marker = _FORMAT.match(rest)
    text_format = marker.group(1) if marker else "moodle"

    opening = text.find("{", start)
    stray = text.find("}", start)
    if opening < 0:
        if stray >= 0:
            raise GiftError(
                _("A } without a { before it; write \\} for a brace in the text."), line=chunk.line_at(stray)
            )
        raise GiftError(
            _("This question has no answers in braces {…}; descriptions are not supported."),
            line=chunk.first_line,
        )
    if 0 <= stray < opening:
        raise GiftError(
            _("A } without a { before it; write \\} for a brace in the text."), line=chunk.line_at(stray)
        )
    closing = text.find("}", opening)
    nested = text.find("{", opening + 1)
    if closing < 0 or 0 <= nested < closing:
        raise GiftError(_("The answer block opened here is not closed with }."), line=chunk.line_at(opening))
    after = text[closing + 1 :]
    for char in "{}":
        if char in after:
            raise GiftError(
                _("Only one answer block {…} per question is supported."),
                line=chunk.line_at(closing + 1 + after.index(char)),
            )

    before = text[start:opening]
    prompt_raw = before + BLANK + after if after.strip() else before
    question = Question(id=_new_id(), kind="", prompt=_text(prompt_raw, text_format))
    body_offset = opening + 1
    body = text[body_offset:closing]
    if "####" in body:
        body, general = body.split("####", 1)
        question.general_feedback = _text(general, text_format)
    _fill_answers(question, chunk, body, body_offset, text_format)
    if question.kind in SCORED_KINDS:
        question.scoring = DEFAULT_SCORING
    _apply_heart_comment(question, heart, heart_line)
    _validate(question, chunk.first_line)
    return question


def _fill_answers(question, chunk, body, offset, text_format):
    line = chunk.line_at(offset)
    stripped = body.strip()
    if not stripped:
        raise GiftError(_("Essay questions ({}) are not supported."), line=line)
    if stripped.startswith("#"):
        raise GiftError(_("Numerical questions ({#…}) are not supported."), line=line)
    true_false = _TRUE_FALSE.fullmatch(stripped)
    if true_false:
        question.kind = "true_false"
        question.correct_answer = true_false.group(1).upper().startswith("T")
        feedback = (true_false.group(2) or "")[1:]
        if feedback:
            parts = feedback.split("#")
            if len(parts) > 2:
                raise GiftError(
                    _("A true/false question takes at most two feedbacks: {T#when wrong#when right}."),
                    line=line,
                )
            question.feedback_incorrect = _text(parts[0], text_format)
            if len(parts) == 2:
                question.feedback_correct = _text(parts[1], text_format)
        return
    if "=" not in stripped and "~" not in stripped:
        raise GiftError(
            _("Unknown kind of question: answers start with = or ~, or the answer is T or F."), line=line
        )

    answers = _split_answers(chunk, body, offset)
    right = [a for a in answers if a.marker == "="]
    wrong = [a for a in answers if a.marker == "~"]
    if right and "->" in stripped:
        _fill_matching(question, chunk, answers, text_format)
    elif right and wrong:
        _fill_single_choice(question, chunk, answers, right, text_format)
    elif wrong:
        _fill_multiple_choice(question, chunk, answers, text_format)
    else:
        _fill_short_answer(question, chunk, answers, text_format)


def _fill_matching(question, chunk, answers, text_format):
    question.kind = "matching"
    for answer in answers:
        line = chunk.line_at(answer.offset)
        if answer.marker == "~":
            raise GiftError(_("A matching question takes only =prompt -> answer pairs, no ~."), line=line)
        if "#" in answer.raw:
            raise GiftError(
                _("Matching pairs cannot have feedback (#); escape a # in the text as \\#."), line=line
            )
        if "->" not in answer.raw:
            raise GiftError(_("Each pair of a matching question is written =prompt -> answer."), line=line)
        prompt, matched = answer.raw.split("->", 1)
        if not prompt.strip():
            raise GiftError(_("Extra answers without a prompt (= -> answer) are not supported."), line=line)
        question.pairs.append(
            Pair(id=_new_id(), prompt=_text(prompt, text_format), answer=_text(matched, text_format))
        )


def _choices(answers, chunk, text_format):
    for answer in answers:
        _take_feedback(answer)
        _take_weight(answer, chunk)
    return [
        Choice(
            id=_new_id(),
            text=_text(answer.raw, text_format),
            correct=answer.marker == "=" or (answer.weight or 0) > 0,
            feedback=_text(answer.feedback, text_format) if answer.feedback is not None else "",
        )
        for answer in answers
    ]


def _fill_single_choice(question, chunk, answers, right, text_format):
    if len(right) > 1:
        raise GiftError(
            _lazy_format(
                _(
                    "%(count)s answers are marked right with = and there are ~ answers. A single-choice "
                    "question has exactly one = answer; a short-answer question has only = answers, no ~."
                ),
                {"count": len(right)},
            ),
            line=chunk.line_at(right[1].offset),
        )
    question.kind = "single_choice"
    question.options = _choices(answers, chunk, text_format)
    for answer in answers:
        if answer.weight is not None and answer.weight != (100 if answer.marker == "=" else 0):
            raise GiftError(
                _lazy_format(
                    _(
                        "Partial credit weights such as %(example)s are not supported in single choice; "
                        "mark every answer with ~ and a weight for a multiple-choice question."
                    ),
                    {"example": "%50%"},
                ),
                line=chunk.line_at(answer.offset),
            )


def _fill_multiple_choice(question, chunk, answers, text_format):
    question.kind = "multiple_choice"
    question.options = _choices(answers, chunk, text_format)
    if not any(option.correct for option in question.options):
        raise GiftError(
            _lazy_format(
                _(
                    "No answer is marked right: mark the right answer with = (single choice) or give "
                    "the right answers a positive weight such as %(example)s (multiple choice)."
                ),
                {"example": "~%50%"},
            ),
            line=chunk.line_at(answers[0].offset),
        )


def _fill_short_answer(question, chunk, answers, text_format):
    question.kind = "short_answer"
    for answer in answers:
        line = chunk.line_at(answer.offset)
        _take_feedback(answer)
        _take_weight(answer, chunk)
        if answer.weight is not None and answer.weight != 100:
            raise GiftError(
                _("Short answers cannot give partial credit; every = answer is fully right."), line=line
            )
        # Moodle's export writes an empty "#" after every answer; only real feedback is lost.
        if answer.feedback is not None and _text(answer.feedback, text_format).strip():
            raise GiftError(
                _("Short answers cannot have feedback per answer; use general feedback (####) instead."),
                line=line,
            )
        question.accepted_answers.append(_text(answer.raw, text_format))


@functools.cache
def _quiz_blocks():
    from .blocks import QuizBlocks

    return QuizBlocks()


def _validate(question, line):
    """The block's own rules (lengths, counts, points), so that an import never stores a
    question the editor would refuse."""
    block = _quiz_blocks().child_blocks[question.kind]
    try:
        block.clean(block.to_python(question_to_block_data(question)["value"]))
    except ValidationError as error:
        problems = "; ".join(_describe(error, block, []))
        raise GiftError(problems, line=line) from None


def _describe(error, block, path):
    def located(message):
        return ": ".join([*[str(part) for part in path], str(message)])

    if isinstance(error, StructBlockValidationError):
        for item in error.non_block_errors.as_data():
            yield from (located(m) for m in item.messages)
        for name, child_error in error.block_errors.items():
            child = block.child_blocks[name]
            yield from _describe(child_error, child, [*path, child.label])
    elif isinstance(error, ListBlockValidationError):
        for item in error.non_block_errors.as_data():
            yield from (located(m) for m in item.messages)
        for index, child_error in sorted(error.block_errors.items()):
            label = _lazy_format(_("number %(number)s"), {"number": index + 1})
            yield from _describe(child_error, block.child_block, [*path, label])
    else:
        yield from (located(m) for m in error.messages)


def parse_gift(text: str) -> list[Question]:
    """Every question of a GIFT text, or GiftError naming the first problem's line."""
    questions = []
    for chunk in _chunks(text.replace("\r\n", "\n").replace("\r", "\n")):
        question = _parse_question(chunk)
        if question is None:
            continue
        if len(questions) == MAX_QUESTIONS:
            raise GiftError(
                _lazy_format(_("A quiz holds at most %(max)s questions."), {"max": MAX_QUESTIONS}),
                line=chunk.first_line,
            )
        questions.append(question)
    if not questions:
        raise GiftError(_("The file contains no questions."))
    return questions


# --- Writing ------------------------------------------------------------------------------

_EXPORT_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "~": "\\~",
        "=": "\\=",
        "#": "\\#",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)


def _escape(text, *, in_braces=False):
    text = text.strip().translate(_EXPORT_ESCAPES)
    if in_braces:
        # An unescaped -> in an answer block makes a matching question.
        text = text.replace("->", "-\\>")
    if _FORMAT.match(text) or text.startswith("//"):
        # Would be read as a format marker or a comment line; an explicit marker shields it.
        text = "[plain]" + text
    return text


def _weight(value):
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _weighted(text, weight):
    """An answer with the weight spelled out only where the text itself looks like one."""
    escaped = _escape(text, in_braces=True)
    if _WEIGHT.match(escaped):
        return f"%{_weight(weight)}%{escaped}"
    return escaped


def _feedback(text):
    return f"#{_escape(text, in_braces=True)}" if text.strip() else ""


def _heart_comment(question):
    values = []
    if question.points != 1:
        values.append(f"points={question.points}")
    if question.kind in SCORED_KINDS and question.scoring != DEFAULT_SCORING:
        values.append(f"scoring={question.scoring}")
    if question.kind != "true_false":
        for name in ("feedback_correct", "feedback_incorrect"):
            if getattr(question, name).strip():
                values.append(f"{name}={json.dumps(getattr(question, name).strip(), ensure_ascii=False)}")
    return f"// heart: {' '.join(values)}\n" if values else ""


def _answer_lines(question):
    if question.kind == "single_choice":
        return [
            ("=" if c.correct else "~") + _weighted(c.text, 100 if c.correct else 0) + _feedback(c.feedback)
            for c in question.options
        ]
    if question.kind == "multiple_choice":
        share = 100 / max(1, sum(1 for c in question.options if c.correct))
        lines = []
        for c in question.options:
            weight = _weight(share if c.correct else -share)
            lines.append(f"~%{weight}%{_escape(c.text, in_braces=True)}{_feedback(c.feedback)}")
        return lines
    if question.kind == "short_answer":
        return ["=" + _weighted(text, 100) for text in question.accepted_answers]
    if question.kind == "matching":
        return [
            f"={_escape(p.prompt, in_braces=True)} -> {_escape(p.answer, in_braces=True)}"
            for p in question.pairs
        ]
    raise ValueError(question.kind)


def _export_question(question):
    prompt = _escape(question.prompt)
    general = f"####{_escape(question.general_feedback)}" if question.general_feedback.strip() else ""
    if question.kind == "true_false":
        feedback = ""
        if question.feedback_incorrect.strip() or question.feedback_correct.strip():
            feedback = f"#{_escape(question.feedback_incorrect)}"
            if question.feedback_correct.strip():
                feedback += f"#{_escape(question.feedback_correct)}"
        answer = "TRUE" if question.correct_answer else "FALSE"
        return f"{_heart_comment(question)}{prompt} {{{answer}{feedback}{general}}}\n"
    lines = [f"{_heart_comment(question)}{prompt} {{"]
    lines += _answer_lines(question)
    if general:
        lines.append(general)
    lines.append("}")
    return "\n".join(lines) + "\n"


def export_gift(questions: list[Question]) -> tuple[str, list[Question]]:
    """GIFT text for the questions GIFT can express, and the questions it cannot (ordering)."""
    blocks, skipped = [], []
    for question in questions:
        if question.kind == "ordering":
            skipped.append(question)
        else:
            blocks.append(_export_question(question))
    return "\n".join(blocks), skipped
