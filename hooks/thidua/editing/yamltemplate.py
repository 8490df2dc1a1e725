"""Data files written for editors (a calendar draft, a new record's skeleton): YAML rendered from
`skeletons/*.yml.j2`, created without ever overwriting a file."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from thidua.render.templating import yaml_str

SKELETONS = Path(__file__).parent / "skeletons"


@cache
def _environment() -> jinja2.Environment:
    # YAML, not HTML: no HTML escaping; values that need quoting go through `yaml_str`.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SKELETONS),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml_str"] = yaml_str
    return env


def render_yaml(template: str, **context: Any) -> str:
    """The YAML text of `skeletons/<template>` rendered with `context`."""
    return _environment().get_template(template).render(**context)


def create_file(path: Path, text: str) -> None:
    """Write a new file; raise `FileExistsError` rather than overwrite one, even in a race (mode "x")."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
