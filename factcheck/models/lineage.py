"""The lineage of a story's versions: which source most likely follows which, and the families of sources that
share readings against the rest (also when their common parent is not in the batch)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceLineage:
    """What the lineage says of one source.

    Attributes:
        source: the source's id.
        follows: the source it most likely descends from, or None (an original, or independent reporting).
        shared_readings: readings it shares with the version it follows where another source words them otherwise
            (with no version followed: the most it shares with any one other source).
        carried_share: share of its claims that the version it follows also carries.
        verbatim_share: share of the statements both carry that the two word alike.
        changes: ids of the findings that say what it changed against the version it follows.
    """

    source: str
    follows: str | None
    shared_readings: int = 0
    carried_share: float = 0.0
    verbatim_share: float = 0.0
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lineage:
    """Who follows whom in one story.

    Attributes:
        fullest: the source that holds most of what the others say (None with fewer than two sources).
        families: groups of sources that share readings against the rest (each sorted; in id order).
        sources: one entry per source, in id order.
    """

    fullest: str | None
    families: tuple[tuple[str, ...], ...]
    sources: tuple[SourceLineage, ...]

    def of(self, source: str) -> SourceLineage | None:
        return next((s for s in self.sources if s.source == source), None)

    def follows(self, source: str) -> str | None:
        entry = self.of(source)
        return entry.follows if entry else None

    def descends(self, source: str, ancestor: str) -> bool:
        """Whether ``source`` follows ``ancestor``, directly or through versions in between."""
        seen: set[str] = set()
        at = self.follows(source)
        while at is not None and at not in seen:
            if at == ancestor:
                return True
            seen.add(at)
            at = self.follows(at)
        return False

    def made_by(self, sources: tuple[str, ...], source: str) -> bool:
        """Whether ``source`` made a difference between ``sources``: not when every other one follows it (they
        changed its words, it did not)."""
        others = [s for s in sources if s != source]
        return source in sources and not (others and all(self.descends(s, source) for s in others))

    @property
    def independent(self) -> bool:
        """No version follows another and no family shares readings: independent reporting of one event."""
        return len(self.sources) >= 2 and not self.families and all(s.follows is None for s in self.sources)
