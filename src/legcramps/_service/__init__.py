"""The legcramps service: REST, FHIR and CDS Hooks 2.0 over HTTP (the ``service`` extra).

Nothing here is imported by ``import legcramps``: ``legcramps serve`` loads it, and with
it Starlette, uvicorn and PyJWT. Its parts, each a module:

- :mod:`~legcramps._service.config`: the service's settings, checked (no Starlette);
- :mod:`~legcramps._service.cds`: the CDS Hooks services, discovery, cards and feedback,
  as plain functions of parsed JSON (no Starlette);
- :mod:`~legcramps._service.openapi`: the OpenAPI document, made from the JSON Schemas;
- :mod:`~legcramps._service.auth`: the check of a CDS Client's JWT (PyJWT);
- :mod:`~legcramps._service.app`: the Starlette application that puts them on routes.

The service keeps no state between requests, and logs nothing that identifies a person
unless its access log is switched on.
"""
