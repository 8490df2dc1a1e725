"""Defence in depth against markup typed into data fields, with nh3 (the Ammonia allow-list sanitiser).

Templates already HTML-escape every value from the data; Markdown inside text fields could still produce a
link to `javascript:` or `data:`. Every page's HTML is therefore passed through an allow-list: only the tags
and attributes the site itself uses, only http(s), mailto and relative URLs. Texts that leave the site as
data (feeds, the JSON export) are reduced to plain text.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = nh3.ALLOWED_TAGS | {
    "picture",
    "source",
    "section",
    "form",
    "label",
    "select",
    "option",
    "button",
    "figure",
    "figcaption",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "role", "tabindex", "hidden"},
    "a": {"href", "download"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"type", "srcset", "sizes"},
    "th": {"scope", "rowspan", "colspan"},
    "td": {"rowspan", "colspan"},
    "ol": {"start"},
    "select": {"name"},
    "option": {"value", "selected"},
    "button": {"type"},
    "time": {"datetime"},
}
SCHEMES = {"http", "https", "mailto"}
_UNSAFE_MARKDOWN_LINK = re.compile(r"\]\(\s*(?:javascript|data|vbscript):(?:[^()]|\([^()]*\))*\)", re.IGNORECASE)


def clean_html(html: str) -> str:
    """The page's HTML with anything outside the allow-list removed (scripts, event handlers, iframes...)."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def plain_text(value: str) -> str:
    """A data field as plain text for feeds and exports: no tags, no script links in its Markdown."""
    text = _strip_tags(value) if "<" in value or "&" in value else value  # no tag or entity: skip nh3
    return _UNSAFE_MARKDOWN_LINK.sub("](#)", text)


def _strip_tags(value: str) -> str:
    text = value
    for _ in range(3):  # "&lt;script&gt;" typed as text must not come back as a tag once unescaped
        cleaned = html.unescape(nh3.clean(text, tags=set(), strip_comments=True))
        if cleaned == text:
            break
        text = cleaned
    return text
