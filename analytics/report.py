"""What a run over input files did: the counts and messages that ingest and batch extraction share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_MESSAGES = 200  # warnings kept word for word; the rest are only counted


@dataclass
class RunReport:
    """Counts and one-line "PATH: reason" messages of a run; subclasses add their own counts."""

    files_failed: int = 0
    documents: int = 0
    duplicates: int = 0
    entries: int = 0
    figures: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    n_warnings: int = 0

    @property
    def ok(self) -> bool:
        return self.files_failed == 0

    def warn(self, messages: Iterable[str], count: int | None = None) -> None:
        """Keep the first MAX_MESSAGES warnings; count them all (`count` when some were dropped)."""
        messages = list(messages)
        room = MAX_MESSAGES - len(self.warnings)
        self.warnings.extend(messages[: max(room, 0)])
        self.n_warnings += len(messages) if count is None else count
