"""JSON Schema validation of data files, with messages an office editor can act on.

The schemas in `schemas/` are the single description of every data file: VS Code's YAML extension uses
them to complete and check fields while an editor types, and this module uses the same files for
`make check` and the build. jsonschema reports errors in English for programmers; `_message` rewrites
each into Vietnamese with the field, what was expected and a valid example.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource
from referencing._core import Resolver
from referencing.exceptions import Unresolvable

from thidua.source.problems import PER_FILE, Problem
from thidua.source.yamlsource import Source, field_name, walk

SCHEMA_DIR = Path(__file__).parent / "schemas"

# YAML 1.1 words that PyYAML (and many tutorials) read as booleans; we read them as text.
YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE", "Yes", "No"}

TYPE_NAMES = {
    "string": "một chuỗi chữ",
    "integer": "một số nguyên",
    "boolean": "true hoặc false",
    "object": "một bảng các trường dạng 'tên: giá trị'",
    "array": "một danh sách (mỗi phần tử một dòng bắt đầu bằng '- ')",
}


@cache
def _registry() -> Registry:
    registry: Registry = Registry()
    for name in _schema_ids():
        contents = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        registry = registry.with_resource(contents["$id"], Resource.from_contents(contents))
    return registry


def _schema_ids() -> list[str]:
    """The schema files' names, which are also their `$id`s."""
    return sorted(path.name for path in SCHEMA_DIR.glob("*.schema.json"))


@cache
def _validator(kind: str) -> Draft202012Validator:
    schema = _registry()[f"{kind}.schema.json"].contents
    return Draft202012Validator(schema, registry=_registry())


def _resolve(schema: dict, resolver: Resolver) -> tuple[dict, Resolver]:
    while "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        merged = {k: v for k, v in schema.items() if k != "$ref"}
        schema, resolver = {**resolved.contents, **merged}, resolved.resolver
    return schema, resolver


_INTEGER = re.compile(r"[+-]?[0-9]+")


class _Coercer:
    """Gives scalars (all read as text) the type the schema asks for, where the text is unambiguous.

    Compiled once per schema node (`_coercer`), so coercing a record does no `$ref` lookups."""

    __slots__ = ("integer", "boolean", "properties", "extra", "items")

    def __call__(self, value: Any) -> Any:
        if isinstance(value, str):
            if self.integer and _INTEGER.fullmatch(value.strip()):
                return int(value)
            if self.boolean and value in ("true", "false"):
                return value == "true"
            return value
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                sub = self.properties.get(key, self.extra)
                out[key] = sub(item) if sub else item
            return out
        if isinstance(value, list) and self.items:
            return [self.items(item) for item in value]
        return value


def _coercer(schema: dict, resolver: Resolver, compiled: dict[int, _Coercer]) -> _Coercer:
    # Keyed by the schema node itself: a node always sits in the same document, so its `$ref`s resolve
    # the same way. Registered before its children, so recursive schemas (body nodes) terminate.
    key = id(schema)
    if key in compiled:
        return compiled[key]
    coercer = compiled[key] = _Coercer()
    schema, resolver = _resolve(schema, resolver)
    coercer.integer = schema.get("type") == "integer"
    coercer.boolean = schema.get("type") == "boolean" or schema.get("const") is True
    props = schema.get("properties", {})
    coercer.properties = {name: _coercer(sub, resolver, compiled) for name, sub in props.items() if sub}
    extra = schema.get("additionalProperties")
    coercer.extra = _coercer(extra, resolver, compiled) if isinstance(extra, dict) and extra else None
    items = schema.get("items")
    coercer.items = _coercer(items, resolver, compiled) if isinstance(items, dict) else None
    return coercer


@cache
def _root_coercer(kind: str) -> _Coercer:
    root = _registry().resolver().lookup(f"{kind}.schema.json")
    return _coercer(root.contents, root.resolver, {})


def coerce(kind: str, value: Any) -> Any:
    """`value` (a record of `kind` read as text) with integers and booleans where its schema asks for them."""
    return _root_coercer(kind)(value)


@cache
def _fast_validator(kind: str) -> Any:
    """The same schemas compiled by jsonschema-rs: about a hundred times faster than `jsonschema`, so it
    decides whether a record is valid; `jsonschema` explains what is wrong only when it is not, because
    its errors carry the schema paths and keywords `_problems` turns into Vietnamese messages."""
    base = "https://thidua.invalid/schemas/"  # any absolute base: the schemas' own $ids are relative
    resources = [(base + uri, _registry()[uri].contents) for uri in _schema_ids()]
    registry = jsonschema_rs.Registry(resources)
    return jsonschema_rs.Draft202012Validator({"$ref": f"{base}{kind}.schema.json"}, registry=registry)


def fields(kind: str) -> set[str]:
    """The top-level fields a record of `kind` may have."""
    return set(field_order(kind))


def field_order(kind: str, definition: str | None = None) -> list[str]:
    """The fields of a record of `kind` (or of one of its schema's `$defs`) in the schema's order."""
    schema = _registry()[f"{kind}.schema.json"].contents
    if definition is not None:
        schema = schema["$defs"][definition]
    return list(schema.get("properties", {}))


def validate(kind: str, source: Source) -> tuple[Any, list[Problem]]:
    """Coerce and validate `source.data` against `<kind>.schema.json`; return typed data and problems."""
    data = coerce(kind, source.data)
    problems: list[Problem] = []
    for path, value in walk(data):
        if isinstance(value, str) and value in NULLS:
            problems.append(
                source.problem(
                    path, f'giá trị "{value}" trong YAML nghĩa là để trống; nếu không có giá trị, hãy xóa cả dòng.'
                )
            )
    if source.comments:
        problems.extend(comment_problems(kind, source))
    if _fast_validator(kind).is_valid(data):
        return data, problems
    root = _registry().resolver().lookup(f"{kind}.schema.json")
    for error in _validator(kind).iter_errors(data):
        problems.extend(_problems(error, source, root.contents, root.resolver))
        if len(problems) > PER_FILE:  # the rest is counted, not explained: see problems.capped
            break
    return data, problems


def comment_problems(kind: str, source: Source) -> list[Problem]:
    """A comment right after an unquoted free-text value: YAML dropped everything from ` #` on, which in a
    text is more likely the editor's words ("kế hoạch #2") than a note. After a controlled value (an id, a
    number, a choice from a list, as in the files `make new-*` writes: `level: tinh  # CẦN ĐIỀN`) a comment
    is what it looks like, and is left alone."""
    root = _registry().resolver().lookup(f"{kind}.schema.json")
    problems = []
    for path, (line, column, comment) in sorted(source.comments.items(), key=lambda item: item[1]):
        schema = _schema_at(root.contents, path, root.resolver)
        if schema is not None and not _free_text(schema):
            continue
        value = _value_at(source.data, path)
        start = source.where(path)
        typed = source.line(line)[start[1] - 1 :].strip() if start[0] == line else f"{value} {comment}"
        key = f"{path[-1]}: " if path and isinstance(path[-1], str) else "- "
        fixed = json.dumps(typed, ensure_ascii=False)
        message = (
            f'dấu # sau dấu cách bắt đầu một chú thích của YAML, nên phần "{comment}" bị bỏ khỏi giá trị. Nếu đó '
            f"là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép: {key}{fixed}"
        )
        problems.append(Problem(source.file, line, column, message, field_name(path)))
        if len(problems) > PER_FILE:
            break
    return problems


def _free_text(schema: dict) -> bool:
    """A text field (as opposed to an id, a date, a number, a yes/no or a choice from a list)."""
    if any(k in schema for k in ("enum", "const", "pattern")):
        return False
    return schema.get("type") in ("string", None)


def _schema_at(root: dict, path: tuple, resolver: Resolver) -> dict | None:
    """The resolved schema of the value at `path`, or None where the schema does not describe it."""
    schema, resolver = _resolve(root, resolver)
    for part in path:
        if isinstance(part, int):
            sub = schema.get("items")
        else:
            sub = schema.get("properties", {}).get(part)
            if sub is None and isinstance(schema.get("additionalProperties"), dict):
                sub = schema["additionalProperties"]
        if not isinstance(sub, dict):
            return None
        schema, resolver = _resolve(sub, resolver)
    return schema


NULLS = {"~", "null", "Null", "NULL"}  # YAML's words for "nothing": read as text here, never what an editor meant


def _example(key: str | int | None, schema: dict) -> str:
    examples = schema.get("examples")
    if not examples:
        return ""
    value = _yaml_value(examples[0])
    return f" Ví dụ: {key}: {value}" if isinstance(key, str) else f" Ví dụ: - {value}"


_GLUED_DASH = re.compile(r"^-[^\s\d-]")


def _shape(key: str | int | None, schema: dict, resolver: Resolver | None = None) -> str:
    """An example of the right shape for an object or a list, built from the schema's own examples:
    " Ví dụ: consent: {given: true, date: "2023-04-27"}"."""
    value = _sample(schema, resolver or _registry().resolver(), depth=0)
    if value is None:
        return ""
    shown = _flow(value)
    return f" Ví dụ: {key}: {shown}" if isinstance(key, str) else f" Ví dụ: - {shown}"


def _of_objects(schema: dict) -> bool:
    items = schema.get("items", {})
    return isinstance(items, dict) and items.get("type") == "object"


def _sample(schema: dict, resolver: Resolver, depth: int) -> Any:
    try:
        schema, resolver = _resolve(schema, resolver)
    except Unresolvable:  # a reference local to common.schema.json, reached from a record's schema
        schema, resolver = _resolve(schema, resolver.lookup("common.schema.json").resolver)
    if schema.get("examples"):
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "boolean":
        return True
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "string":
        return "..."
    if depth > 2:
        return None
    if kind == "array":
        item = _sample(schema.get("items", {}), resolver, depth + 1)
        return [] if item is None else [item]
    if kind == "object":
        props = schema.get("properties", {})
        required = list(schema.get("required", []))
        optional = [n for n in props if n not in required][: max(0, 2 - len(required))]
        names = [n for n in props if n in required or n in optional]
        out = {}
        for name in names:
            item = _sample(props.get(name, {}), resolver, depth + 1)
            if item is not None:
                out[name] = item
        return out or None
    return None


def _flow(value: Any) -> str:
    """`value` in YAML's one-line (flow) form."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, str) and value != "..." and re.search(r"[,\[\]{}#:;()]", value):
        return json.dumps(value, ensure_ascii=False)
    return _yaml_value(value)


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, str) and (
        value == "" or re.match(r"^[-+*0-9.\[{&!|>'\"%@`#]", value) or ": " in value or value in YAML11_BOOLEANS
    ):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _property(root: dict, path: tuple, name: str, resolver: Resolver) -> dict:
    """The schema of field `name` of the object at `path`, found from the root (an if/then branch that
    makes a field required does not describe it)."""
    schema, resolver = _resolve(root, resolver)
    for part in path:
        key = "items" if isinstance(part, int) else None
        schema = schema.get("items", {}) if key else schema.get("properties", {}).get(part, {})
        schema, resolver = _resolve(schema, resolver)
    found, _ = _resolve(schema.get("properties", {}).get(name, {}), resolver)
    return found


def _problems(error: ValidationError, source: Source, root: dict, resolver: Resolver) -> list[Problem]:
    path = tuple(error.absolute_path)
    schema, _ = _resolve(error.schema if isinstance(error.schema, dict) else {}, resolver)
    key = path[-1] if path else None
    if isinstance(key, str):
        # A field's own description and example, not those of the shared type it refers to; a format error
        # keeps the type's description too, since that is where the format is explained.
        own = _property(root, path[:-1], key, resolver)
        described = {k: own[k] for k in ("description", "examples") if k in own}
        if error.validator == "pattern" and own.get("description") and schema.get("description") != own["description"]:
            described["description"] = f"{own['description'].rstrip('.')}; {schema.get('description', '')}"
        schema = {**schema, **described}
    if "propertyNames" in error.relative_schema_path:
        name = error.instance
        msg = f'tên "{name}" không hợp lệ ở đây; chú thích được đánh số: "1", "2", ...'
        return [source.problem(path + (name,), msg, key=True)]
    if error.validator == "uniqueItems":
        return _duplicates(error.instance, path, source)
    if error.validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        out = []
        for extra in sorted(set(error.instance) - set(allowed)):
            owner = _owner(error.instance, extra, path, root, resolver)
            if owner:
                out.append(_dedented(source, path, extra, owner))
                continue
            guess = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            hint = f" Có phải ý bạn là '{guess[0]}'?" if guess else ""
            msg = f"không có trường '{extra}' ở đây (gõ nhầm tên?).{hint} Các trường hợp lệ: {', '.join(allowed)}."
            out.append(source.problem(path + (extra,), msg, key=True))
        return out
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else str(error.validator_value)
        parent = _value_at(source.data, path[:-1]) if path else None
        if isinstance(parent, dict) and _owner(parent, name, path[:-1], root, resolver) == path[-1]:
            return []  # the field is there, dedented out of this object: told where it stands
        sub = _property(root, path, name, resolver)
        desc = f" ({sub['description'].rstrip('.')})" if sub.get("description") else ""
        if "enum" in sub and "examples" not in sub:
            sub = {**sub, "examples": sub["enum"][:1]}
        problem = source.problem(path, f"thiếu trường bắt buộc '{name}'{desc}.{_example(name, sub)}")
        return [Problem(problem.file, problem.line, problem.column, problem.message, _join(problem.field, name))]
    return [source.problem(path, _message(error, schema, key))]


def _owner(instance: dict, name: str, path: tuple, root: dict, resolver: Resolver) -> str | None:
    """The field written just before `name` in `instance`, if `name` is one of its own fields: `name` was then
    meant to be inside it and lost one level of indentation."""
    keys = list(instance)
    if name not in keys:
        return None
    index = keys.index(name)
    if index == 0:
        return None
    previous = keys[index - 1]
    schema = _property(root, path, previous, resolver)
    if isinstance(instance[previous], dict) and name in schema.get("properties", {}):
        return previous
    return None


def _dedented(source: Source, path: tuple, name: str, owner: str) -> Problem:
    line = source.where(path + (owner,), key=True)[0]
    inner = source.where(path + (owner,))
    message = (
        f"trường '{name}' thuộc phần '{owner}' (dòng {line}) nhưng thụt lề ít hơn các trường của '{owner}', nên bị "
        f"đọc là nằm ngoài. Hãy thụt lề dòng này vào thẳng cột với các trường khác của '{owner}' "
        f"(cột {inner[1]})."
    )
    return source.problem(path + (name,), message, key=True)


def _value_at(data: Any, path: tuple) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _duplicates(items: list, path: tuple, source: Source) -> list[Problem]:
    """Each repeated item, at its own line, naming the item it repeats."""
    first: dict[str, int] = {}
    out = []
    for index, item in enumerate(items):
        token = json.dumps(item, ensure_ascii=False, sort_keys=True)
        if token in first:
            shown = item if isinstance(item, str) else token
            where = field_name(path + (first[token],))
            out.append(source.problem(path + (index,), f"mục '{shown}' trùng với {where}; hãy xóa mục trùng."))
        first.setdefault(token, index)
    return out


def _join(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _message(error: ValidationError, schema: dict, key: str | int | None) -> str:
    value = error.instance
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, (dict, list)) else ""
    desc = schema.get("description", "").rstrip(".")
    need = f" Cần: {desc}." if desc else ""
    example = _example(key, schema)
    validator = error.validator
    if validator == "type" or (validator == "const" and schema.get("const") is True):
        expected = schema.get("type", "boolean")
        if expected == "boolean" and isinstance(value, str) and value in YAML11_BOOLEANS:
            return (
                f"giá trị {shown} không rõ nghĩa: một số chương trình hiểu '{value}' là true/false, "
                f"số khác hiểu là chữ. Hãy viết đúng true hoặc false.{example}"
            )
        got = f", nhưng giá trị là {shown}" if shown else ""
        hint = ""
        if expected == "array" and isinstance(value, str) and _GLUED_DASH.match(value):
            hint = ' Mỗi mục của danh sách viết "- " (dấu gạch và một dấu cách) rồi đến nội dung, ví dụ: - Nội dung.'
        if not example and (expected == "object" or (expected == "array" and _of_objects(schema))):
            example = _shape(key, schema)
        return f"phải là {TYPE_NAMES.get(expected, expected)}{got}.{need}{hint}{example}"
    if validator == "pattern":
        return f"giá trị {shown} không đúng dạng.{need}{example}"
    if validator == "enum":
        allowed = ", ".join(json.dumps(v, ensure_ascii=False) for v in schema["enum"])
        return f"giá trị {shown} không hợp lệ; chỉ nhận một trong: {allowed}.{need}"
    if validator == "minLength":
        if isinstance(value, str) and value.strip():
            return f"giá trị quá ngắn (ít nhất {schema['minLength']} ký tự).{need}{example}"
        return f"không được để trống.{need}{example}"
    if validator == "minItems":
        return f"cần ít nhất {schema['minItems']} mục.{need}"
    if validator == "uniqueItems":
        return "danh sách có mục bị ghi trùng; hãy xóa mục trùng."
    if validator in ("minimum", "maximum"):
        return f"giá trị {shown} nằm ngoài khoảng cho phép ({schema.get('minimum')}–{schema.get('maximum')}).{need}"
    if validator == "anyOf" and all("required" in s for s in schema.get("anyOf", [])):
        names = " hoặc ".join(s["required"][0] for s in schema["anyOf"])
        return f"mục này trống: cần có {names}."
    if validator == "oneOf" and all("required" in s for s in schema.get("oneOf", [])):
        names = " hoặc ".join(s["required"][0] for s in schema["oneOf"])
        return f"cần đúng một trong hai trường: {names} (không ghi cả hai)."
    if validator == "propertyNames":
        return f'tên {shown} không hợp lệ ở đây; chú thích được đánh số: "1", "2", ...'
    return f"giá trị không hợp lệ ({error.message})."
