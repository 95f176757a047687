"""Reviewer feedback: "this finding is wrong", with a note, kept in a database.

A note is keyed by the page's fingerprint (SHA-256 of its text), the finding's kind and its
offsets into that text, so a later check of the same page finds it again. Any SQLAlchemy URL
works; the default is an SQLite file (see ``settings.default_db_url``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    DateTime,
    Integer,
    String,
    Text,
    bindparam,
    create_engine,
    func,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool

from ..errors import HealthlensError

__all__ = [
    "FeedbackNote",
    "FeedbackStore",
    "FeedbackError",
    "FeedbackFull",
    "page_fingerprint",
    "MAX_NOTES_PER_PAGE",
]

MAX_NOTES_PER_PAGE = 200
"""Notes kept and returned per page. A page has at most a few dozen findings and reviewers write
a note or two on each; without a cap, one page flooded with notes made every check of it return
a response of tens of megabytes (issue 14). Further notes on a full page are refused (409); a database filled by other
means returns only the oldest ``MAX_NOTES_PER_PAGE``."""


class FeedbackError(HealthlensError):
    """The feedback database cannot be opened or written."""


class FeedbackFull(FeedbackError):
    """The page already carries ``MAX_NOTES_PER_PAGE`` notes."""


def page_fingerprint(text: str) -> str:
    """A stable id for a page's text: the hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Base(DeclarativeBase):
    pass


class _FeedbackRow(_Base):
    __tablename__ = "finding_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    page_fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sentence: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True, slots=True)
class FeedbackNote:
    id: int
    page_fingerprint: str
    kind: str
    start: int | None
    end: int | None
    sentence: str
    note: str
    created_at: str  # ISO 8601, UTC

    @property
    def key(self) -> tuple[str, int | None, int | None]:
        """What a finding must match to carry this note: kind and offsets."""
        return (self.kind, self.start, self.end)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "page_fingerprint": self.page_fingerprint,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "note": self.note,
            "created_at": self.created_at,
        }


_TABLE = _FeedbackRow.__table__
_BY_PAGE = (
    select(_TABLE)
    .where(_TABLE.c.page_fingerprint == bindparam("fingerprint"))
    .order_by(_TABLE.c.id)
    .limit(bindparam("cap"))
)
_COUNT = select(func.count()).where(_TABLE.c.page_fingerprint == bindparam("fingerprint"))


def _note(row) -> FeedbackNote:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.UTC)
    return FeedbackNote(
        row.id,
        row.page_fingerprint,
        row.kind,
        row.start,
        row.end,
        row.sentence,
        row.note,
        created.isoformat(timespec="seconds"),
    )


class FeedbackStore:
    """Notes on findings, in the database at ``url`` (tables are created if missing)."""

    def __init__(self, url: str, max_notes_per_page: int = MAX_NOTES_PER_PAGE):
        self.max_notes_per_page = max_notes_per_page
        try:
            parsed = make_url(url)
            sqlite = parsed.get_backend_name() == "sqlite"
            in_memory = sqlite and parsed.database in (None, "", ":memory:")
            if sqlite and not in_memory and parsed.database:
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            if (
                in_memory
            ):  # one shared connection, or each worker thread would see its own empty database
                self._engine = create_engine(
                    parsed, poolclass=StaticPool, connect_args={"check_same_thread": False}
                )
            else:  # a server database may drop idle connections: ping before use; a local file needs no ping
                self._engine = create_engine(parsed, pool_pre_ping=not sqlite)
            _Base.metadata.create_all(self._engine)
        except ArgumentError as exc:
            raise FeedbackError(
                f"--db {url!r}: not a database URL ({exc}); use e.g. sqlite:///feedback.sqlite"
            ) from exc
        except (SQLAlchemyError, OSError, ImportError) as exc:
            raise FeedbackError(
                f"--db {url!r}: the feedback database cannot be opened ({exc})"
            ) from exc

    def add(
        self,
        page_fingerprint: str,
        kind: str,
        start: int | None,
        end: int | None,
        note: str,
        sentence: str = "",
    ) -> FeedbackNote:
        row = _FeedbackRow(
            page_fingerprint=page_fingerprint,
            kind=kind,
            start=start,
            end=end,
            sentence=sentence,
            note=note,
            created_at=dt.datetime.now(dt.UTC),
        )
        try:
            with Session(self._engine) as session, session.begin():
                session.add(row)
                session.flush()  # inserted first, counted after: concurrent posts cannot all slip in
                count = session.execute(_COUNT, {"fingerprint": page_fingerprint}).scalar_one()
                if count > self.max_notes_per_page:
                    raise FeedbackFull(
                        f"this page already has {self.max_notes_per_page} notes, the most one page "
                        "can carry; the note was not saved"
                    )
                return _note(row)
        except SQLAlchemyError as exc:
            raise FeedbackError(f"the note could not be saved ({exc})") from exc

    def for_pages(self, fingerprints: list[str]) -> dict[str, list[FeedbackNote]]:
        """The notes on each page, oldest first, at most ``max_notes_per_page`` each; pages
        without notes are absent."""
        out: dict[str, list[FeedbackNote]] = {}
        if not fingerprints:
            return out
        try:
            with (
                self._engine.connect() as conn
            ):  # Core, not an ORM session: this runs on every check
                for fp in sorted(set(fingerprints)):  # one indexed query per page, each capped
                    for row in conn.execute(
                        _BY_PAGE, {"fingerprint": fp, "cap": self.max_notes_per_page}
                    ):
                        out.setdefault(row.page_fingerprint, []).append(_note(row))
        except SQLAlchemyError as exc:
            raise FeedbackError(f"the notes could not be read ({exc})") from exc
        return out

    def for_page(self, fingerprint: str) -> list[FeedbackNote]:
        return self.for_pages([fingerprint]).get(fingerprint, [])

    def close(self) -> None:
        self._engine.dispose()
