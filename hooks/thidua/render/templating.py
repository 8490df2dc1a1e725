"""The page templates (`templates/*.md.j2`) and the one Jinja environment that renders them.

Python decides what a page shows (the `*_views` modules); the templates only loop and print.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from thidua.derive import dates
from thidua.records import urls
from thidua.render import labels

TEMPLATES = Path(__file__).parent / "templates"


def front_matter(value: object) -> markupsafe.Markup:
    """A page title or description for the front matter. MkDocs themes print page.title as HTML, so markup
    typed into a data field is escaped here, before it can reach a page header."""
    return yaml_str(html.escape(str(value), quote=False))


def yaml_str(value: object) -> markupsafe.Markup:
    """A YAML string value: JSON strings are valid YAML, and Vietnamese stays readable (no \\u escapes)."""
    return markupsafe.Markup(json.dumps(str(value), ensure_ascii=False))


@lru_cache(maxsize=1)
def environment(version: tuple = ()) -> jinja2.Environment:
    """The templates' environment for one `templates_version()`: a new one when a template is edited, so
    that Jinja need not check every template's file each time a page includes it (`auto_reload`)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        auto_reload=False,
        autoescape=True,  # text from YAML is escaped; Markdown then renders only its own syntax
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["front_matter"] = front_matter
    env.filters["md_label"] = lambda s: str(s).replace("*", "\\*")
    env.filters["short_date"] = dates.short
    env.filters["day_month"] = lambda c: dates.day_month(c.day, c.month)
    env.filters["md_cell"] = lambda s: str(s).replace("|", "\\|")
    env.globals.update(LEVELS=labels.LEVELS, SCOPES=labels.SCOPES)
    return env


def templates_version() -> tuple:
    """Changes when a template is edited (while `make serve` runs), so that no page is reused from before."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in TEMPLATES.iterdir()))


def render(template: str, here: str, version: tuple = (), **context: Any) -> str:
    return (
        environment(version)
        .get_template(template)
        .render(
            here=here,
            link=lambda target: urls.relative(here, target),
            asset=lambda target: urls.asset(here, target),
            urls=urls,
            **context,
        )
    )
