"""What of a page search sees: its title, its key facts and its text, read from the page's HTML.

Read with selectolax (the Lexbor HTML5 parser, in C): the Python HTML parser MkDocs' search plugin uses
took most of the time that plugin added to a build at the ministry scale (README, "Tìm kiếm tiếng Việt").
Left out: whatever a template marks `data-search-exclude` (profile cards repeated on listings, the filter
form) and the permalink signs of headings.
"""

from __future__ import annotations

import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser

from .search_index import SearchDoc

_LEFT_OUT = "[data-search-exclude], .headerlink, script, style, template"
_LEAD = ".tdkt-summary"  # the block of key facts on a detail page (dates, unit, number, level)
_SPACES = re.compile(r"\s+")


def _text(node) -> str:
    if node is None:
        return ""
    return unicodedata.normalize("NFC", _SPACES.sub(" ", node.text(deep=True, separator="")).strip())


def page_doc(url: str, title: str, html: str, keys: str = "") -> SearchDoc:
    """A page for the index, from the HTML of its content (`url` from the site root, "" for the home page);
    `keys`: the names it is known by besides its title (front matter `search: keys:`)."""
    tree = LexborHTMLParser(html)
    for node in tree.css(_LEFT_OUT):
        node.decompose()
    root = tree.body
    lead = _text(tree.css_first(_LEAD))
    return SearchDoc(url=url, title=title, lead=lead, text=_text(root), keys=unicodedata.normalize("NFC", keys))
