"""Typed errors of the data layer. Each says, in words, what is wrong and where."""

from __future__ import annotations

from pathlib import Path


class AlineaError(Exception):
    """Base of every error the data layer raises on purpose."""


class WorkspaceFileError(AlineaError):
    """The workspace file cannot be used as it is; it is never overwritten in this state."""

    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {reason}")


class UnreadableFile(WorkspaceFileError):
    """The file is not valid JSON (or not a JSON object of tables)."""


class DuplicateKeys(UnreadableFile):
    """A key stands twice in one object (e.g. a record kept from both sides of a git conflict).

    ``repairable``: the copies are whole records or fields of one, so ``store.repair`` can
    merge them like a sync would.
    """

    def __init__(self, path: Path, reason: str, line: int | None = None, *, repairable: bool = False) -> None:
        super().__init__(path, reason, line)
        self.repairable = repairable


class UnsafeFile(WorkspaceFileError):
    """The workspace file is a symbolic link or not a regular file: it is never read or written."""


class SaveFailed(AlineaError):
    """The operating system refused a save (disk full, no permission); the file is as it was."""


class ConflictMarkers(WorkspaceFileError):
    """The file holds git conflict markers from an unfinished merge."""


class NewerSchema(WorkspaceFileError):
    """The file was written by a newer alinea."""


class InvalidRecord(WorkspaceFileError):
    """A record in the file fails validation."""


class NotAWorkspace(AlineaError):
    """The folder holds no alinea workspace."""


class ReadOnlyWorkspace(AlineaError):
    """The workspace is open read-only (bad file, or another instance holds it)."""


class WorkspaceBusy(AlineaError):
    """Another alinea held the save lock too long (a slow sync); nothing was saved."""


class InvalidInput(AlineaError):
    """A value from a person (form, CLI) is refused; nothing was written."""


class UnknownTable(InvalidInput):
    pass


class UnknownField(InvalidInput):
    pass


class RecordNotFound(InvalidInput):
    pass


class AmbiguousId(InvalidInput):
    pass
