"""Domain errors of the learning plugin. Services raise them; views and the API turn them into
the translated message with the status given here."""

from heart_site.core.errors import DomainError


class LearningError(DomainError):
    status = 400
    code = "learning_error"


class NotAllowed(LearningError):
    status = 403
    code = "not_allowed"


class NotFound(LearningError):
    status = 404
    code = "not_found"


class Conflict(LearningError):
    status = 409
    code = "conflict"
