"""The network plugin's part of ``manage.py load_demo``: the brief's partners and contacts in
Sweden and Europe with a goal panel that shows a real state, a network coordinator, bilingual
directory, events and good-practice pages, and one participant registered for the seminar.

``NetworkConfig.demo_content`` points the command here; like the rest of the command it only
creates what is missing.
"""


def load(*, home_sv, home_en, result):
    from .pages import build_pages
    from .people import add_coordinator, register_participant
    from .records import build_records

    coordinator = add_coordinator(result=result)
    records = build_records(coordinator=coordinator, result=result)
    pages = build_pages(
        home_sv=home_sv, home_en=home_en, organisations=records["organisations"], result=result
    )
    register_participant(event=pages["sv"]["seminar"], result=result)
