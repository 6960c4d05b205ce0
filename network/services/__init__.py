"""Writes of the network plugin that have rules; one module per concept (events, imports,
follow-ups, practices). Views, the API, tasks and commands call them; they take keyword
arguments, never a request, and raise ``network.errors`` errors."""
