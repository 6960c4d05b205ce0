"""Accessible StreamField blocks shared by every page type and plugin.

Each block makes the accessible choice the only one: headings carry a level so the outline
stays correct, images need alt text (or an explicit decorative flag), videos need captions
and a transcript, and document links say what the file is and how large.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Level 1 is the page title. Do not skip levels."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "core/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page of this site or to an external address, one of the two."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address, not both."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=80,
        help_text=_("Say where the link goes, for example “Read the training plan”, not “Click here”."),
    )
    target = LinkTargetBlock(label=_("Link target"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "core/blocks/call_to_action.html"


class VideoBlock(blocks.StructBlock):
    """A self-hosted video: no third-party player, captions and a transcript are required."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(label=_("Captions (WebVTT)"))
    captions_language = blocks.ChoiceBlock(
        label=_("Captions language"), choices=[("sv", _("Swedish")), ("en", _("English"))], default="sv"
    )
    transcript = LinkTargetBlock(label=_("Transcript"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "core/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video, captions = value.get("video"), value.get("captions")
        if video and video.file_extension.lower() not in ("mp4", "webm"):
            errors["video"] = ValidationError(_("The video must be an MP4 or WebM file."))
        if captions and captions.file_extension.lower() != "vtt":
            errors["captions"] = ValidationError(_("Captions must be a WebVTT (.vtt) file."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=150, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "core/blocks/document_link.html"


class EmbeddedPageBlock(blocks.StructBlock):
    """Another page placed in this one, such as an open questionnaire of the mapping plugin.

    A page type offers how it appears embedded with ``embedded_block_template`` and
    ``embedded_block_context(request)`` (the core never imports a plugin); any other page, or
    one whose plugin is not installed, appears as a titled link. An embed that has nothing to
    show at the moment (a questionnaire not open to answers) renders nothing."""

    page = blocks.PageChooserBlock(label=_("Page"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the page's title."),
    )

    class Meta:
        icon = "doc-empty-inverse"
        label = _("Embedded page")
        template = "core/blocks/embedded_page.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        specific = page.specific if page is not None and page.live else None
        embed = getattr(specific, "embedded_block_context", None)
        context["embedded_page"] = specific
        context["embedded_template"] = getattr(specific, "embedded_block_template", None) if embed else None
        request = (parent_context or {}).get("request")
        context["embedded"] = embed(request) if embed else None
        return context


class BaseContentBlocks(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="core/blocks/paragraph.html",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    embedded_page = EmbeddedPageBlock()

    class Meta:
        label = _("Content")
