"""The demo's needs questionnaire: what partner organisations and employers know today and need
to learn about equal treatment, the discrimination grounds, CSR and accessibility, in Swedish
and English. Competence themes and matrix statements are the site's themes, keyed by their
slug (the same in every language). Created and published once; left as it is when it exists.
"""

import uuid

from django.core.management.base import CommandError
from wagtail.coreutils import find_available_slug

from heart_site.core.models import Theme

SOURCE, TRANSLATION = "sv", "en"
SLUGS = {SOURCE: "kartlaggning-kompetensbehov", TRANSLATION: "competence-needs-survey"}
TITLES = {SOURCE: "Kartläggning av kompetensbehov", TRANSLATION: "Survey of competence needs"}
INTROS = {
    SOURCE: (
        "Hjälp oss planera programmets utbildningar. Frågorna handlar om vad er organisation redan "
        "kan om likabehandling, diskrimineringsgrunderna, CSR och tillgänglighet, och vad ni vill "
        "lära er mer om. Det tar ungefär tio minuter."
    ),
    TRANSLATION: (
        "Help us plan the programme's training. The questions ask what your organisation already "
        "knows about equal treatment, the grounds of discrimination, CSR and accessibility, and "
        "what you would like to learn more about. It takes about ten minutes."
    ),
}
THANK_YOU = {
    SOURCE: "Tack! Vi sammanställer svaren utan att någon enskild organisation kan urskiljas.",
    TRANSLATION: "Thank you! We compile the answers so that no single organisation can be recognised.",
}
COMPETENCE_THEMES = (
    "equal-treatment",
    "anti-discrimination",
    "gender-mainstreaming",
    "accessibility",
    "accessibility-mainstreaming",
    "csr",
)
GROUNDS = (
    "sex",
    "transgender-identity",
    "ethnicity",
    "religion-or-belief",
    "disability",
    "sexual-orientation",
    "age",
)

LEVELS = {
    SOURCE: ["Mycket låg", "Låg", "Medel", "Hög", "Mycket hög"],
    TRANSLATION: ["Very low", "Low", "Moderate", "High", "Very high"],
}
CONFIDENCE = {
    SOURCE: ["Inte alls säkra", "Lite säkra", "Ganska säkra", "Säkra", "Mycket säkra"],
    TRANSLATION: [
        "Not at all confident",
        "Slightly confident",
        "Fairly confident",
        "Confident",
        "Very confident",
    ],
}
YES_NO = [("yes", "Ja", "Yes"), ("no", "Nej", "No")]


def _q(kind, key, prompt, **extra):
    return {"type": kind, "key": key, "prompt": prompt, **extra}


def _sections(themes):
    """The questionnaire, each text as (Swedish, English)."""
    return [
        {
            "title": ("Om er organisation", "About your organisation"),
            "intro": (
                "Några frågor om er för att kunna jämföra grupper.",
                "A few questions so groups can be compared.",
            ),
            "questions": [
                _q(
                    "single",
                    "org_size",
                    ("Hur många arbetar i er organisation?", "How many people work in your organisation?"),
                    required=True,
                    options=[
                        ("micro", "1–9", "1–9"),
                        ("small", "10–49", "10–49"),
                        ("medium", "50–249", "50–249"),
                        ("large", "250 eller fler", "250 or more"),
                    ],
                ),
                _q(
                    "single",
                    "equality_plan",
                    (
                        "Har ni en aktuell plan eller rutin för aktiva åtgärder mot diskriminering?",
                        "Do you have a current plan or routine for active measures against discrimination?",
                    ),
                    required=True,
                    allow_not_applicable=True,
                    options=[
                        ("yes", "Ja", "Yes"),
                        ("in_progress", "Den håller på att tas fram", "It is being drawn up"),
                        ("no", "Nej", "No"),
                    ],
                ),
            ],
        },
        {
            "title": ("Kompetens i dag och behov", "Competence today and needs"),
            "intro": (
                "Bedöm för varje område hur stor kunskapen är i dag och hur viktigt det är för er.",
                "For each area, rate how much you know today and how important it is to you.",
            ),
            "questions": [
                _q(
                    "competence",
                    "competence",
                    ("Kunskap och betydelse per område", "Knowledge and importance per area"),
                    required=True,
                    allow_not_applicable=True,
                    themes=[(slug, *themes[slug]) for slug in COMPETENCE_THEMES],
                    scale=LEVELS,
                    labels=(("Kunskap i dag", "Knowledge today"), ("Betydelse för oss", "Importance to us")),
                ),
            ],
        },
        {
            "title": ("Diskrimineringsgrunderna", "The grounds of discrimination"),
            "intro": ("", ""),
            "questions": [
                _q(
                    "matrix",
                    "grounds_confidence",
                    (
                        "Hur säkra är ni på att förebygga diskriminering som har samband med …",
                        "How confident are you in preventing discrimination related to …",
                    ),
                    allow_not_applicable=True,
                    statements=[(slug, *themes[slug]) for slug in GROUNDS],
                    scale=CONFIDENCE,
                ),
                _q(
                    "likert",
                    "leadership_support",
                    (
                        "Ledningen ger arbetet med likabehandling tid och resurser.",
                        "Management gives the work on equal treatment time and resources.",
                    ),
                    required=True,
                ),
            ],
        },
        {
            "title": ("Tillgänglighet och CSR", "Accessibility and CSR"),
            "intro": ("", ""),
            "questions": [
                _q(
                    "multiple",
                    "accessibility_measures",
                    ("Vilket av följande gör ni redan?", "Which of the following do you already do?"),
                    options=[
                        (
                            "accessible_web",
                            "Tillgänglighetsgranskar vår webb",
                            "Audit our website for accessibility",
                        ),
                        (
                            "accessible_premises",
                            "Ser över lokalernas tillgänglighet",
                            "Review the accessibility of our premises",
                        ),
                        (
                            "easy_read",
                            "Tar fram information på lättläst svenska",
                            "Produce information in easy-to-read language",
                        ),
                        (
                            "procurement",
                            "Ställer tillgänglighetskrav vid upphandling",
                            "Set accessibility requirements in procurement",
                        ),
                    ],
                ),
                _q(
                    "likert",
                    "csr_strategy",
                    (
                        "Socialt ansvar (CSR) är en del av vår strategi.",
                        "Social responsibility (CSR) is part of our strategy.",
                    ),
                    allow_not_applicable=True,
                ),
                _q(
                    "number",
                    "staff_trained",
                    (
                        "Hur många medarbetare har fått utbildning i likabehandling under det senaste året?",
                        "How many staff have been trained in equal treatment during the past year?",
                    ),
                    min_value=0,
                    max_value=100000,
                    whole_number=True,
                    allow_not_applicable=True,
                ),
            ],
        },
        {
            "title": ("Utbildning och stöd", "Training and support"),
            "intro": ("", ""),
            "questions": [
                _q(
                    "single",
                    "preferred_format",
                    ("Hur vill ni helst utbildas?", "How would you prefer to be trained?"),
                    options=[
                        ("online", "Digitalt i egen takt", "Online at our own pace"),
                        ("classroom", "På plats tillsammans", "In person together"),
                        ("mixed", "En blandning", "A mix of both"),
                    ],
                ),
                _q(
                    "single",
                    "wants_support",
                    (
                        "Vill ni ha stöd från programmet i ert eget arbete?",
                        "Would you like support from the programme in your own work?",
                    ),
                    options=YES_NO,
                ),
                _q(
                    "long_text",
                    "support_needs",
                    ("Beskriv vilket stöd ni skulle behöva.", "Describe the support you would need."),
                    condition=("wants_support", "yes"),
                ),
                _q(
                    "long_text",
                    "comments",
                    ("Något annat ni vill berätta?", "Anything else you would like to tell us?"),
                ),
            ],
        },
    ]


def _item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _keyed(entries, index):
    return [_item({"key": entry[0], "label": entry[index]}) for entry in entries]


def body_data(sections, language, *, ids=None):
    """StreamField data for ``sections`` in ``language``; ``ids`` (from the source) keeps block
    ids equal across languages."""
    index = 1 if language == SOURCE else 2
    pick = 0 if language == SOURCE else 1
    body = []
    for number, section in enumerate(sections):
        questions = []
        for position, spec in enumerate(section["questions"]):
            value = {
                "key": spec["key"],
                "prompt": spec["prompt"][pick],
                "help_text": "",
                "required": spec.get("required", False),
                "allow_not_applicable": spec.get("allow_not_applicable", False),
                "condition": dict(
                    zip(("question_key", "option_key"), spec.get("condition", ("", "")), strict=True)
                ),
            }
            if spec["type"] == "likert":
                value.update({f"label_{step}": "" for step in range(1, 6)})
            if "options" in spec:
                value["options"] = _keyed(spec["options"], index)
            if "statements" in spec:
                value["statements"] = _keyed(spec["statements"], index)
            if "themes" in spec:
                value["themes"] = _keyed(spec["themes"], index)
                value["current_label"], value["importance_label"] = (pair[pick] for pair in spec["labels"])
            if "scale" in spec:
                value["scale"] = [_item(label) for label in spec["scale"][language]]
            for name in ("min_value", "max_value", "whole_number"):
                if name in spec:
                    value[name] = spec[name]
            block_id = ids[number][1][position] if ids else str(uuid.uuid4())
            questions.append({"type": spec["type"], "value": value, "id": block_id})
        value = {
            "title": section["title"][pick],
            "intro": section["intro"][pick],
            "condition": dict(
                zip(("question_key", "option_key"), section.get("condition", ("", "")), strict=True)
            ),
            "questions": questions,
        }
        body.append({"type": "section", "value": value, "id": ids[number][0] if ids else str(uuid.uuid4())})
    return body


def _theme_names():
    names = {}
    for theme in Theme.objects.filter(slug__in=COMPETENCE_THEMES + GROUNDS).select_related("locale"):
        names.setdefault(theme.slug, {})[theme.locale.language_code] = theme.name
    missing = set(COMPETENCE_THEMES + GROUNDS) - set(names)
    if missing:
        raise CommandError(f"Themes missing among {', '.join(sorted(missing))}; run the migrations.")
    return {
        slug: (langs.get(SOURCE, slug), langs.get(TRANSLATION, langs.get(SOURCE, slug)))
        for slug, langs in names.items()
    }


def load(*, home_sv, home_en, result):
    """Return the Swedish questionnaire page (the campaigns' source)."""
    from ..models import QuestionnairePage

    existing = QuestionnairePage.objects.child_of(home_sv).filter(slug=SLUGS[SOURCE]).first()
    sections = _sections(_theme_names())
    if existing is not None:
        result.existing.append(existing)
        source = existing
    else:
        source = QuestionnairePage(
            title=TITLES[SOURCE],
            slug=SLUGS[SOURCE],
            intro=INTROS[SOURCE],
            thank_you=THANK_YOU[SOURCE],
            body=body_data(sections, SOURCE),
            locale=home_sv.locale,
            live=False,
        )
        home_sv.add_child(instance=source)
        source.save_revision().publish()
        source = QuestionnairePage.objects.get(pk=source.pk)
        result.created.append(f"questionnaire “{source.title}” ({SOURCE})")
    if source.get_translation_or_none(home_en.locale) is None:
        _translate(source, sections, home_en, result)
    else:
        result.existing.append(source.get_translation(home_en.locale))
    return source


def _translate(source, sections, home_en, result):
    page = source.copy_for_translation(home_en.locale, copy_parents=True, alias=False).specific
    ids = [(block["id"], [q["id"] for q in block["value"]["questions"]]) for block in source.body.raw_data]
    page.title = page.draft_title = TITLES[TRANSLATION]
    page.intro = INTROS[TRANSLATION]
    page.thank_you = THANK_YOU[TRANSLATION]
    page.body = body_data(sections, TRANSLATION, ids=ids)
    page.slug = find_available_slug(page.get_parent(), SLUGS[TRANSLATION], ignore_page_id=page.pk)
    page.save()
    page.save_revision().publish()
    result.created.append(f"questionnaire “{page.title}” ({TRANSLATION})")
