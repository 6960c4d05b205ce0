"""The learning plugin's part of ``manage.py load_demo``: a bilingual catalogue of four
training modules, demo participants with progress, and a learning coordinator.

``LearningConfig.demo_content`` points the command here; like the rest of the command it only
creates what is missing.
"""


def load(*, home_sv, home_en, result):
    from .pages import build_pages
    from .people import add_people

    pages = build_pages(home_sv=home_sv, home_en=home_en, result=result)
    add_people(pages=pages, result=result)
