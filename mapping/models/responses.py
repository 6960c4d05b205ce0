"""Responses and their answers.

Anonymous by construction: a ``Response`` has no invitation, email, user, IP address or exact
time; only its campaign, its language version, the date it was submitted and the breakdown
attributes its campaign declared. Its primary key is random, so not even the order of rows
says who answered when. In an identified campaign (and only there) ``IdentifiedResponse``
links a response to its invitation; that table is the one path from answers to a person.
"""

import uuid

from django.db import models


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    campaign = models.ForeignKey("mapping.Campaign", on_delete=models.CASCADE, related_name="responses")
    version = models.ForeignKey(
        "mapping.QuestionnaireVersion", on_delete=models.PROTECT, related_name="responses"
    )
    submitted_on = models.DateField()
    # Breakdown attributes: blank unless the campaign declared them.
    organisation_type = models.CharField(max_length=64, blank=True)
    region = models.CharField(max_length=255, blank=True)
    language = models.CharField(max_length=10, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "organisation_type"]),
            models.Index(fields=["campaign", "region"]),
        ]

    def __str__(self):
        return str(self.id)


class Answer(models.Model):
    """One value of one response. A question is named by its language-independent key; a
    matrix statement or a competence theme by ``item_key``; the competence self-assessment's
    two values by ``aspect`` ("current" and "importance")."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_key = models.CharField(max_length=64)
    item_key = models.CharField(max_length=64, blank=True, default="")
    aspect = models.CharField(max_length=20, blank=True, default="")
    option_key = models.CharField(max_length=64, blank=True, default="")  # a choice or a scale step
    number = models.FloatField(null=True, blank=True)  # number questions, Likert and levels
    text = models.TextField(blank=True, default="")  # free text
    not_applicable = models.BooleanField(default=False)  # "don't know / not applicable"

    class Meta:
        indexes = [models.Index(fields=["question_key", "item_key", "aspect", "option_key"])]

    def __str__(self):
        return f"{self.question_key}/{self.item_key}/{self.aspect}"


class IdentifiedResponse(models.Model):
    """Written only in identified campaigns."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="identity")
    invitation = models.OneToOneField(
        "mapping.Invitation", on_delete=models.CASCADE, related_name="identified_response"
    )

    def __str__(self):
        return str(self.response_id)
