"""The JSON API of ``watcher serve`` under ``/api/v1``: FastAPI, mounted beside the review UI.

``models`` holds the request and response models (the OpenAPI document at ``/api/v1/openapi.json``
is generated from them and the routes' type hints, never written by hand), ``cursor`` the opaque
page positions of the alert list, ``app`` the routes. Who may call it is the review UI's guard
(:mod:`watcher.report.security`): the same Host allow-list, token and same-origin check.
"""

PREFIX = "/api/v1"

__all__ = ["PREFIX"]
