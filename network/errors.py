"""Domain errors of the network plugin; views and the API turn them into translated 4xx."""

from heart_site.core.errors import DomainError


class NetworkError(DomainError):
    status = 400
    code = "network_error"


class NotAllowed(NetworkError):
    status = 403
    code = "not_allowed"


class NotFound(NetworkError):
    status = 404
    code = "not_found"


class Conflict(NetworkError):
    status = 409
    code = "conflict"
