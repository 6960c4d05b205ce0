"""Domain errors of the mapping plugin; views and the API turn them into translated 4xx."""

from heart_site.core.errors import DomainError


class MappingError(DomainError):
    status = 400
    code = "mapping_error"


class NotAllowed(MappingError):
    status = 403
    code = "not_allowed"


class NotFound(MappingError):
    status = 404
    code = "not_found"


class Conflict(MappingError):
    status = 409
    code = "conflict"
