"""The mapping plugin's part of ``manage.py load_demo``. ``MappingConfig.demo_content`` points
the command here; like the rest of the command it only creates what is missing."""


def load(*, home_sv, home_en, result):
    from .campaigns import load as load_campaigns
    from .questionnaires import load as load_questionnaires
    from .swot import load as load_swot

    load_questionnaires(home_sv=home_sv, home_en=home_en, result=result)
    load_campaigns(home_sv=home_sv, home_en=home_en, result=result)  # uses the questionnaire
    load_swot(home_sv=home_sv, home_en=home_en, result=result)
