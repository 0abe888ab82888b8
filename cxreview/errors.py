"""The one error hierarchy: every user-facing error carries its cause and its fix."""

from __future__ import annotations


class CxReviewError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""

    exit_code = 1

    def __init__(self, cause: str, fix: str = "") -> None:
        super().__init__(f"{cause}; {fix}" if fix else cause)
        self.cause = cause
        self.fix = fix

    def one_line(self) -> str:
        """Cause and fix on a single line, the way the CLI prints it."""
        return f"{self.cause}; {self.fix}" if self.fix else self.cause


class UsageError(CxReviewError):
    """A bad option or combination of options."""

    exit_code = 2


class DatabaseError(CxReviewError):
    """The database is missing, not a cxreview database, too new or locked."""


class DatabaseLockedError(DatabaseError):
    """Another process held the write lock for longer than the busy timeout."""


class InputError(CxReviewError):
    """An input file cannot be read or is not valid; ``problems`` lists every mistake."""

    def __init__(self, cause: str, fix: str = "", problems: list[str] | None = None) -> None:
        super().__init__(cause, fix)
        self.problems = problems or []


class RubricError(InputError):
    """A rubric file is not valid."""


class NotFoundError(CxReviewError):
    """A named thing (session, conversation, review, rubric) does not exist."""


class ConflictError(CxReviewError):
    """The requested change clashes with what is stored (a name in use, a changed rubric)."""


class OutputError(CxReviewError):
    """An output file cannot be written (or would overwrite the database); nothing was changed."""
