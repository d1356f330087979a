"""The domain synonym table: data in resources/synonyms.tsv that users can extend with their own file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from criteria_compare.align.normalize import tokenize
from criteria_compare.errors import InvalidValue
from criteria_compare.resources import resource_path

__all__ = ["SYNONYMS_FILE", "SynonymTable", "load_synonyms", "parse_synonyms"]

SYNONYMS_FILE = "synonyms.tsv"


@dataclass(frozen=True)
class SynonymTable:
    """Groups of phrases that mean one concept: ``concept`` -> its phrases as normalised word tuples."""

    groups: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()

    def __len__(self) -> int:
        return len(self.groups)

    def phrases(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        """Every (concept, phrase words) pair, the concept's own name included."""
        for concept, phrases in self.groups:
            for phrase in phrases:
                yield concept, phrase


def _words(text: str) -> tuple[str, ...]:
    # Normalised like criterion text (accents kept): the analyzer stems these exactly as it stems
    # a criterion's words, folding accents after stemming.
    return tuple(t.word for t in tokenize(text))


def parse_synonyms(lines: Iterable[str], source: str = "synonym table") -> SynonymTable:
    """Read ``canonical<TAB>synonym`` lines (``#`` comments, an optional header) into a table."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        cells = [c.strip() for c in line.rstrip("\r\n").split("\t")]
        cells = [c for c in cells if c]
        if cells[:2] == ["canonical", "synonym"]:
            continue
        if len(cells) < 2:
            raise InvalidValue(
                f"{source}, line {number}: expected 'canonical<TAB>synonym' but found "
                f"{stripped[:40]!r}; separate the two phrases with a tab."
            )
        canonical = _words(cells[0])
        if not canonical:
            continue
        concept = " ".join(canonical)
        phrases = groups.setdefault(concept, [canonical])
        for cell in cells[1:]:
            words = _words(cell)
            if words and words not in phrases:
                phrases.append(words)
    return SynonymTable(tuple((c, tuple(p)) for c, p in groups.items()))


def _merge(tables: Iterable[SynonymTable]) -> SynonymTable:
    merged: dict[str, list[tuple[str, ...]]] = {}
    for table in tables:
        for concept, phrases in table.groups:
            known = merged.setdefault(concept, [])
            known.extend(p for p in phrases if p not in known)
    return SynonymTable(tuple((c, tuple(p)) for c, p in merged.items()))


def _read(path: Path) -> SynonymTable:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidValue(
            f"Synonym file {path.name} is not UTF-8 text; save it as UTF-8 and try again."
        ) from None
    except OSError as exc:
        raise InvalidValue(
            f"Synonym file {path} cannot be read ({exc.strerror or exc}); check the path in the settings."
        ) from None
    return parse_synonyms(text.splitlines(), source=path.name)


def load_synonyms(user_path: str | Path | None = None) -> SynonymTable:
    """The bundled table, merged with the user's table at ``user_path`` if given."""
    tables = []
    bundled = resource_path(SYNONYMS_FILE)
    if bundled.is_file():
        tables.append(_cached_bundled(str(bundled), bundled.stat().st_mtime_ns))
    if user_path:
        tables.append(_read(Path(user_path)))
    return _merge(tables)


_BUNDLED_CACHE: dict[tuple[str, int], SynonymTable] = {}


def _cached_bundled(path: str, mtime: int) -> SynonymTable:
    key = (path, mtime)
    if key not in _BUNDLED_CACHE:
        _BUNDLED_CACHE[key] = _read(Path(path))
    return _BUNDLED_CACHE[key]
