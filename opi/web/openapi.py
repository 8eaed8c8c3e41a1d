"""The OpenAPI description: FastAPI's, plus the bodies it cannot infer (a streamed
multipart upload, a deal description in JSON or YAML) and the report's schema."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi


@cache
def report_schema() -> dict[str, Any]:
    """checkers/data/report.schema.json without its $schema and $id."""
    path = resources.files("checkers") / "data" / "report.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in schema.items() if k not in ("$schema", "$id")}


def upload_body() -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "The agreement: .docx, .pdf, .txt or .md",
                        }
                    },
                }
            }
        },
    }


def spec_body() -> dict[str, Any]:
    ref = {"$ref": "#/components/schemas/Spec"}
    return {
        "required": True,
        "description": "The deal description (assembler/spec.schema.json)",
        "content": {
            "application/json": {"schema": ref},
            "application/yaml": {"schema": ref},
        },
    }


def openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description plus the deal description's schema as components."""
    if app.openapi_schema:
        return app.openapi_schema
    from assembler.spec import Spec

    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    spec = Spec.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(spec.pop("$defs", {}))
    components["Spec"] = spec
    app.openapi_schema = schema
    return schema
