#!/usr/bin/env python3
# validate-json.py SCHEMA FILE…: checks each FILE against the JSON Schema
# (draft 2020-12) with an independent validator, python3-jsonschema.
import json
import sys

import jsonschema

schema_path, *paths = sys.argv[1:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failed = 0
for path in paths:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        where = "/".join(str(p) for p in error.path) or "(root)"
        print(f"{path}: {where}: {error.message}")
    failed += bool(errors)
    if not errors:
        print(f"{path}: valid")

sys.exit(1 if failed else 0)
