#!/usr/bin/env python3
"""Replaces AnnotationTarget in the generated dashboard schema by a datasource query (refId plus plugin fields).

@grafana/schema types AnnotationQuery.target as the built-in "grafana" datasource's four fields (limit, matchAny,
tags, type) and says in the type itself "TODO: this should be a regular DataQuery". Grafana stores the query of a
datasource annotation (here the ClickHouse plugin's rawSql) in that field, so the strict type would reject every
SQL annotation. The replacement is what Panel.targets items are in the same schema: an object of plugin fields,
with refId required. Everything else stays strict.
"""
import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    schema = json.load(f)
grafana_fields = schema["definitions"]["AnnotationTarget"]["properties"]
schema["definitions"]["AnnotationTarget"] = {
    "description": "A datasource query (refId plus the plugin's fields), as Panel.targets items; the grafana "
                   "datasource's own fields keep their types. Patched by scripts/patch-annotation-target.py.",
    "type": "object",
    "properties": {"refId": {"type": "string"}, **grafana_fields},
    "required": ["refId"],
    "additionalProperties": {},
}
with open(path, "w", encoding="utf-8") as f:
    json.dump(schema, f, indent=2)
    f.write("\n")
print("patched AnnotationTarget in", path)
