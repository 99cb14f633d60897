"""Site profiles: one part, or some scenes, rendered ready to post on a given site.

A ``SiteProfile`` is a small declared object over the existing exporters and ``ExportOptions``:
which markup the site takes, how it shows a scene break, which HTML it keeps (an
``HtmlAllowlist``, applied with nh3 to every HTML it produces), and whether the chapter's
title, summary and notes go in separate fields of the posting form or in the text itself.
``SITES`` lists them by key; ``render_for_site`` returns a ``SiteRender``::

    render = render_for_site(project, "ao3", part_id=part.id)
    render.html          # the chapter text for the site's editor (None for BBCode/Markdown sites)
    render.plain         # the same text without markup (the plain half of a rich clipboard)
    render.title, render.summary, render.notes_begin, render.notes_end   # for separate fields

The writer's saved export options (separator, quotes, dashes, part heading) are used; the
profile overrides only what the site needs (no header, no wrapping, ``\\n`` line endings).
Notes: on sites with note fields (``notes_apart``) they are only given apart, in the site's
markup; elsewhere they are also put in the text, set off by a rule, when the writer's
``part_notes`` option is ``include``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Literal

from studio.core.emphasis import Style
from studio.core.errors import StudioError
from studio.core.publishing.exporting import (
    ExportDocument,
    Exporter,
    ExportScope,
    MarkdownExporter,
    PlainTextExporter,
    gather,
    paragraphs_of,
    scene_ids_in_order,
)
from studio.core.publishing.options import ExportOptions
from studio.core.publishing.sanitise import (
    AO3_HTML,
    FFN_HTML,
    NEWSLETTER_HTML,
    ROYAL_ROAD_HTML,
    WATTPAD_HTML,
    HtmlAllowlist,
)
from studio.core.publishing.site_formats import BBCodeExporter, SceneBreak, SiteHtmlExporter

if TYPE_CHECKING:
    from studio.core.project import Project

Markup = Literal["html", "bbcode", "markdown"]


@dataclass(frozen=True)
class SiteProfile:
    """How one site takes a chapter: its markup, scene break, HTML allowlist and form fields."""

    key: str  # the command-line name: ``studio export --site KEY``
    name: str
    markup: Markup
    produces: str  # what the writer gets, for the README table and the dialog
    why: str
    allowlist: HtmlAllowlist | None = None  # for HTML sites: what survives sanitising
    scene_break: SceneBreak = "centred"
    notes_apart: bool = False  # title, summary and notes go in separate fields of the form
    heading_in_body: bool = False  # the part heading (from the export options) starts the text
    plain_emphasis: Style = "strip"  # how the plain text shows italics and bold
    file_format: str = "html"  # what ``studio export --site`` writes: html, docx, txt, md


SITES: dict[str, SiteProfile] = {
    p.key: p
    for p in (
        SiteProfile(
            "ao3",
            "Archive of Our Own",
            "html",
            "HTML within the Archive's allowed tags (align, class, title only)",
            "the Archive's editor takes HTML and strips anything else; a centred separator survives",
            AO3_HTML,
            notes_apart=True,
        ),
        SiteProfile(
            "ffn",
            "FanFiction.net",
            "html",
            ".docx (or simple HTML) with rules for scene breaks, no links",
            "the document manager takes .docx; it deletes lines of symbols and links",
            FFN_HTML,
            scene_break="rule",
            file_format="docx",
        ),
        SiteProfile(
            "royalroad",
            "Royal Road",
            "html",
            "clean <p> HTML; author's notes apart",
            "the chapter form has its own fields for the notes before and after",
            ROYAL_ROAD_HTML,
            scene_break="rule",
            notes_apart=True,
        ),
        SiteProfile(
            "wattpad",
            "Wattpad",
            "html",
            "rich paste (HTML + plain), no indents",
            "the editor keeps paragraphs, emphasis and centred lines from the clipboard",
            WATTPAD_HTML,
        ),
        SiteProfile(
            "bbcode",
            "Forums (SpaceBattles, Sufficient Velocity, Questionable Questing)",
            "bbcode",
            "BBCode: [i], [b], [hr][/hr] or [center]separator[/center]",
            "XenForo forums read BBCode typed into the post box",
            heading_in_body=True,
            file_format="txt",
        ),
        SiteProfile(
            "markdown",
            "Reddit, Discord",
            "markdown",
            "Markdown: *italic*, **bold**, the separator on its own line",
            "both read Markdown as typed",
            heading_in_body=True,
            plain_emphasis="asterisks",
            file_format="md",
        ),
        SiteProfile(
            "newsletter",
            "Newsletter, blog",
            "html",
            "rich clipboard: HTML + plain text",
            "email and blog editors take a rich paste; the plain half is for text-only readers",
            NEWSLETTER_HTML,
            heading_in_body=True,
            plain_emphasis="asterisks",
        ),
    )
}


@dataclass(frozen=True)
class SiteRender:
    """A chapter ready to post: the text in each form the site takes, and the form's other fields.

    ``html`` is set for HTML sites (sanitised), ``bbcode`` and ``markdown`` for those sites;
    ``plain`` always. ``summary``, ``notes_begin`` and ``notes_end`` are in the site's markup.
    """

    site: str
    title: str
    summary: str
    notes_begin: str
    notes_end: str
    plain: str
    html: str | None = None
    bbcode: str | None = None
    markdown: str | None = None

    @property
    def body(self) -> str:
        """The text to paste into the site's chapter box."""
        return next(t for t in (self.html, self.bbcode, self.markdown, self.plain) if t is not None)

    def digest(self) -> str:
        """A SHA-256 of everything rendered: equal digests mean the site would get the same post."""
        payload = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(payload).hexdigest()


def site_profile(site: str | SiteProfile) -> SiteProfile:
    """Return the profile for a site key; an unknown key is a one-line error naming the valid ones."""
    if isinstance(site, SiteProfile):
        return site
    if site not in SITES:
        raise StudioError(f"unknown site {site!r}; choose one of {', '.join(SITES)}")
    return SITES[site]


def site_options(project: Project, profile: SiteProfile) -> ExportOptions:
    """The writer's saved export options, with what the site needs changed."""
    saved = ExportOptions.from_settings(project.settings.get("export"))
    return replace(
        saved,
        header="",
        part_heading=saved.part_heading if profile.heading_in_body else "",
        paragraphs="blank",
        wrap=0,
        line_endings="lf",
        part_notes="omit",  # put in by render_for_site, where the site wants them
        emphasis=profile.plain_emphasis,
    )


def site_document(
    project: Project,
    site: str | SiteProfile,
    part_id: str | None = None,
    scene_ids: list[str] | tuple[str, ...] | None = None,
) -> tuple[ExportDocument, ExportOptions]:
    """Gather one part, or the given scenes, with the site's options (for a file exporter too)."""
    profile = site_profile(site)
    options = site_options(project, profile)
    if scene_ids:
        scope = ExportScope("scenes", scene_ids=scene_ids_in_order(project, scene_ids))
        if not scope.scene_ids:
            raise StudioError("none of the chosen scenes is in the manuscript")
    elif part_id:
        scope = ExportScope("part", part_id)
    else:
        raise StudioError("choose a part or some scenes to post")
    return gather(project, scope, options), options


def render_for_site(
    project: Project,
    site: str | SiteProfile,
    part_id: str | None = None,
    scene_ids: list[str] | tuple[str, ...] | None = None,
) -> SiteRender:
    """Render one part (or the chosen scenes) for ``site``: see the module's docstring."""
    profile = site_profile(site)
    document, options = site_document(project, profile, part_id, scene_ids)
    if scene_ids:
        part = project.part_of(scene_ids_in_order(project, scene_ids)[0])  # it gives title and notes
    else:
        part = project.part(str(part_id))
    saved = ExportOptions.from_settings(project.settings.get("export"))
    notes_in_text = not profile.notes_apart and saved.part_notes == "include"
    main = _markup_exporter(profile, options)
    plain = PlainTextExporter(options)
    fields = {key: _notes_block(main, getattr(part, key)) for key in ("summary", "notes_begin", "notes_end")}

    def text(exporter: Exporter, rule: str) -> str:
        body = exporter.render(document).rstrip("\n")
        if notes_in_text:
            begin = _notes_block(exporter, part.notes_begin)
            end = _notes_block(exporter, part.notes_end)
            body = "\n\n".join(b for b in (begin, begin and rule, body, end and rule, end) if b)
        return body + "\n" if body else ""

    rendered = text(main, _RULES[profile.markup])
    if profile.allowlist is not None:
        rendered = profile.allowlist.clean(rendered.replace("\n\n", "\n"))
        fields = {key: profile.allowlist.clean(value) for key, value in fields.items()}
    return SiteRender(
        site=profile.key,
        title=part.title,
        summary=fields["summary"],
        notes_begin=fields["notes_begin"],
        notes_end=fields["notes_end"],
        plain=text(plain, "* * *"),
        html=rendered if profile.markup == "html" else None,
        bbcode=rendered if profile.markup == "bbcode" else None,
        markdown=rendered if profile.markup == "markdown" else None,
    )


_RULES: dict[Markup, str] = {"html": "<hr />", "bbcode": "[hr][/hr]", "markdown": "* * *"}


def _markup_exporter(profile: SiteProfile, options: ExportOptions) -> Exporter:
    if profile.markup == "bbcode":
        return BBCodeExporter(options)
    if profile.markup == "markdown":
        return MarkdownExporter(options)
    return SiteHtmlExporter(options, profile.scene_break)


def _notes_block(exporter: Exporter, text: str) -> str:
    """Notes or a summary in the exporter's markup, emphasis included."""
    paragraphs = paragraphs_of(exporter.transform(text))
    return exporter.paragraph_block([exporter.scene_paragraph(p) for p in paragraphs]) if paragraphs else ""
