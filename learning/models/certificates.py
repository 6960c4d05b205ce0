import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_certificate_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_certificate_code(text):
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[: CODE_LENGTH + 8]


class Certificate(models.Model):
    """Proof of completion. Name, module title and date are copied at issue, so the certificate
    still verifies after the module is renamed or deleted (but not after the person erases
    their account: then it is gone)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_certificates"
    )
    module = models.ForeignKey(
        "learning.TrainingModulePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    module_key = models.UUIDField()
    module_title = models.CharField(max_length=255)
    participant_name = models.CharField(max_length=255)
    language = models.CharField(max_length=10)
    issued_at = models.DateTimeField(auto_now_add=True)
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_certificate_code)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="one_certificate_per_module")
        ]

    def __str__(self):
        return f"{self.participant_name} – {self.module_title}"

    @property
    def display_code(self):
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))
