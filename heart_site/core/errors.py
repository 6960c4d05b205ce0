"""The base of the errors that services raise for a person to read. The API and the views turn
one into its translated ``message`` with its HTTP ``status``; plugins subclass it."""


class DomainError(Exception):
    status = 400
    code = "error"

    def __init__(self, message):
        super().__init__(message)
        self.message = message
