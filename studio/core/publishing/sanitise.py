"""Sanitising HTML for a posting site: nh3 (the Rust ammonia sanitiser) with the site's allowlist.

Every HTML a site profile produces goes through ``HtmlAllowlist.clean`` last, so a tag or an
attribute the site would refuse (or strip in its own way) never reaches the clipboard: a tag not
in the list is dropped with its text kept; ``script`` and ``style`` are dropped with their
content; comments go; only the listed attributes stay, on any tag.
"""

from __future__ import annotations

from dataclasses import dataclass

import nh3

DROPPED_WITH_CONTENT = frozenset({"script", "style"})


@dataclass(frozen=True)
class HtmlAllowlist:
    """The tags a site keeps, and the attributes it keeps on any of them."""

    tags: frozenset[str]
    attributes: frozenset[str] = frozenset()

    def clean(self, html: str) -> str:
        """Return ``html`` with everything outside the allowlist removed (text kept)."""
        return nh3.clean(
            html,
            tags=set(self.tags),
            clean_content_tags=set(DROPPED_WITH_CONTENT - self.tags),
            attributes={"*": set(self.attributes)},
            link_rel=None,
            strip_comments=True,
        )


BASIC_TAGS = frozenset({"p", "br", "em", "strong", "i", "b", "u", "s", "hr"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Archive of Our Own: its HTML allowlist (a subset: what prose needs); only align, class, title.
AO3_HTML = HtmlAllowlist(
    BASIC_TAGS
    | HEADINGS
    | {"blockquote", "div", "span", "del", "ins", "sub", "sup", "small", "big", "cite", "q", "center"},
    frozenset({"align", "class", "title"}),
)
# FanFiction.net's document manager: simple formatting, no links, no alignment needed.
FFN_HTML = HtmlAllowlist(BASIC_TAGS)
# Royal Road: clean paragraphs; its editor re-styles everything else.
ROYAL_ROAD_HTML = HtmlAllowlist(BASIC_TAGS)
# Wattpad's editor keeps paragraphs, emphasis and centred lines from a rich paste.
WATTPAD_HTML = HtmlAllowlist(BASIC_TAGS, frozenset({"align"}))
# A newsletter or blog editor: headings and quotes too.
NEWSLETTER_HTML = HtmlAllowlist(BASIC_TAGS | HEADINGS | {"blockquote"}, frozenset({"align"}))
