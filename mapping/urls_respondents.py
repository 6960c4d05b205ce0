"""Respondents' addresses under /<language>/mapping/: the emailed link (exchanged at once for a
session), the questionnaire without the token, the thank-you page and the embeddable form."""

from django.urls import path

from .views import open_access, respond

urlpatterns = [
    path("t/<str:token>/", respond.token_exchange, name="token_exchange"),
    path("respond/", respond.respond, name="respond"),
    path("respond/thanks/", respond.thanks, name="respond_thanks"),
    path("embed/<int:campaign_id>/", open_access.embed, name="embed"),
]
