"""Request bodies of the JSON API. Anything malformed gets a 422 that names the field and the fix."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from ..models import FINDING_KINDS

__all__ = [
    "TextPage",
    "HtmlPage",
    "UrlPage",
    "CheckRequest",
    "AskRequest",
    "FeedbackRequest",
    "MAX_PAGES",
    "MAX_URLS",
]

MAX_PAGES = 20
"""Pages per request. A batch a reviewer can read; more belongs in the CLI."""

MAX_URLS = 5
"""Pages given by URL per request, so one request cannot make the server fetch a crawl's worth."""

MAX_QUESTION = 500
MAX_NOTE = 2000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextPage(_Strict):
    """A page as plain text; ``title`` defaults to its first line."""

    text: str = Field(min_length=1, description="The page's text.")
    title: str | None = Field(None, max_length=300)


class HtmlPage(_Strict):
    """A page as HTML; its main text, title, author and date are extracted."""

    html: str = Field(min_length=1, description="The page's HTML source.")


class UrlPage(_Strict):
    """A page to fetch: http(s) to a public address only, at most 5 MB."""

    url: str = Field(
        min_length=1, max_length=2048, examples=["https://www.example.org/health/page.html"]
    )


def _page_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return next((k for k in ("text", "html", "url") if k in value), None)
    kinds: dict[type, str] = {TextPage: "text", HtmlPage: "html", UrlPage: "url"}
    return kinds.get(type(value))


PageIn = Annotated[
    Annotated[TextPage, Tag("text")]
    | Annotated[HtmlPage, Tag("html")]
    | Annotated[UrlPage, Tag("url")],
    Discriminator(
        _page_kind,
        custom_error_type="page_kind",
        custom_error_message="each page needs one of the fields text, html or url",
    ),
]


def _question(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


class CheckRequest(_Strict):
    question: str | None = Field(
        None,
        max_length=MAX_QUESTION,
        examples=["Is FPIES an autoimmune disease?"],
        description="The reader's question. Default: the first page title that is a question.",
    )
    pages: list[PageIn] = Field(min_length=1, max_length=MAX_PAGES)

    @field_validator("question")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return _question(v)

    @model_validator(mode="after")
    def _few_urls(self) -> CheckRequest:
        urls = sum(isinstance(p, UrlPage) for p in self.pages)
        if urls > MAX_URLS:
            raise ValueError(
                f"{urls} pages are URLs; at most {MAX_URLS} may be fetched per request"
            )
        return self


class AskRequest(_Strict):
    question: str = Field(
        min_length=1, max_length=MAX_QUESTION, examples=["Is FPIES an autoimmune disease?"]
    )

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError(
                'the question is blank: write it out, e.g. "Is FPIES an autoimmune disease?"'
            )
        return v.strip()


class FeedbackRequest(_Strict):
    """A reviewer's note that a finding is wrong (a false positive)."""

    page_fingerprint: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="The page's `fingerprint` from /api/check (SHA-256 of its text).",
    )
    # Literal over a tuple: Literal["a", "b"] at run time, which pydantic validates against
    kind: Literal[FINDING_KINDS] = Field(description="The finding's kind.")  # type: ignore[valid-type]
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    note: str = Field(min_length=1, max_length=MAX_NOTE, description="Why the finding is wrong.")
    sentence: str = Field(
        "", max_length=MAX_NOTE, description="The finding's sentence, to remind later readers."
    )

    @field_validator("note")
    @classmethod
    def _note_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("the note is blank: say why the finding is wrong")
        return v.strip()

    @model_validator(mode="after")
    def _ordered(self) -> FeedbackRequest:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end, or neither")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        return self
