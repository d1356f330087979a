"""The aligner's one documented fixed setting: channel and field weights, bands, limits.

The defaults are the setting the product ships with, chosen by the mean over
all development crosswalks (five English pairs and English against French and
Spanish), never by one of them: equal lexical weights, the secondary fields at
half weight, and the sentence encoder weighted by how little the two programs'
vocabularies overlap (``align.overlap``). A project stores its copy as JSON (``to_dict``) and may
re-fit it from the links its reviewers confirmed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from criteria_compare.align.overlap import embedding_scale
from criteria_compare.errors import InvalidValue

__all__ = ["CHANNEL_LABELS", "CHANNEL_WEIGHTS", "SETTINGS_VERSION", "AlignerSettings"]

#: The settings that weigh the channels (what re-fitting from confirmed links may change).
CHANNEL_WEIGHTS = (
    "weight_tfidf",
    "weight_bm25",
    "weight_char",
    "weight_embedding",
    "weight_embedding_cross_language",
    "weight_affinity",
    "weight_token_set",
)

#: How each channel (a key of ``Evidence.channels``) is named to reviewers.
CHANNEL_LABELS = {
    "tfidf": "Word TF-IDF",
    "bm25": "BM25 (stems)",
    "char": "Character n-grams",
    "embedding": "Sentence encoder",
    "affinity": "Section affinity",
    "token_set": "Token-set similarity",
}

#: Bumped when a field changes meaning; ``from_dict`` accepts older versions.
SETTINGS_VERSION = 3
#: Defaults of fields in older versions whose meaning or default changed: a stored old default
#: means "the default" (version 3 weighs the encoder by vocabulary overlap, with multipliers of 1).
_V2_DEFAULTS = {"weight_embedding": 0.5, "weight_embedding_cross_language": 3.0}
_OLD_DEFAULTS = {1: {"full_pairs_limit": 250_000, **_V2_DEFAULTS}, 2: _V2_DEFAULTS}

_LANGUAGES = ("auto", "english", "spanish", "french", "german", "portuguese", "italian", "dutch")


@dataclass(frozen=True)
class AlignerSettings:
    """How the aligner scores, fuses and bands candidate pairs.

    Channels (each min-max normalised per source row, then averaged with these
    weights into one score in [0, 1]):

    - ``weight_tfidf``: cosine of word TF-IDF vectors (casefolded words, stop words removed).
    - ``weight_bm25``: BM25 (``bm25_k1``, ``bm25_b``) over Snowball stems, stop words removed.
    - ``weight_char``: cosine of character 3-5-gram TF-IDF vectors (n-grams within words).
    - ``weight_embedding``: cosine of multilingual sentence-encoder embeddings
      (only when ``use_embedding`` and the encoder loads). The encoder is given
      the criterion's section heading and text (``embedding.encoder_input``).
      With ``embedding_by_overlap`` its weight is ``weight_embedding`` times
      ``align.overlap.embedding_scale`` of the programs' vocabulary overlap
      (1.5 for programs sharing their wording, up to 7 when they share almost
      no words, as under paraphrase or across languages); when the two programs
      are in different languages ``weight_embedding_cross_language`` takes the
      place of ``weight_embedding``. Without ``embedding_by_overlap`` the two
      weights are used as they are.
    - ``weight_token_set``: rapidfuzz token_set_ratio, an optional low-weight channel (off).
    - ``weight_affinity``: section affinity learned from the project's confirmed links
      (see ``align.affinity``): a smoothed estimate of how often criteria of the
      source's section were linked to criteria of the candidate's section. Off (0)
      in the shipped setting; only used when ``align`` is given confirmed links,
      and never part of the confidence below. Where it says nothing (the
      source's section has no link yet) a row's score is the weighted mean of
      the other channels, so its scores and bands do not drop. ``align.refit``
      may turn it on for a project when held-out confirmed links show it helps.

    Fields: the criterion text counts fully; its section heading and guidance
    are added to each lexical channel at ``weight_section`` / ``weight_guidance``.

    Text: NFKC, casefold, numbering and punctuation stripped, stop words and
    Snowball stems of each side's language (``reference_language`` /
    ``partner_language``, "auto" = detected from stop words), and the concepts
    of the synonym table (resources/synonyms.tsv plus the user's file at
    ``synonyms_path``). Inverse document frequencies count both programs.

    Score and band: the ranking score of a pair is the fused score above,
    multiplied by the confidence of its source row (how strongly its best
    candidate overlaps in absolute terms: mean cosine of the lexical and
    semantic channels over ``confidence_saturation``, capped at 1), so a
    criterion with no real counterpart does not show a top score. A suggestion
    is banded by its calibrated probability of being right (``align.calibration``:
    High = right at least 9 times in 10 on the development crosswalks, Low =
    fewer than 4 in 10); with ``calibrated_bands`` off, High at ``band_high``
    or above, Medium at ``band_medium`` or above, else Low.

    Parents: where a partner ref names a parent criterion of the same program
    (AC-2 for AC-2(1), 1.2 for 1.2.3), the parent's score in every channel is
    raised to at least ``parent_lift`` times its best sub-item's, so it ranks
    just below that sub-item (``align.hierarchy``; 0 = off). Measured on the
    development crosswalks: SP 800-66r2 -> SP 800-53r5 top-1 0.28 -> 0.34,
    hit@5 0.62 -> 0.71, the other sets unchanged. Applied when every pair is
    scored (the shortlist path below leaves it out).

    Consensus: where every pair is scored, the first candidates of a criterion's
    siblings (the other criteria of its section) pull up its candidates in the
    partner sections they point to, at ``section_consensus`` (the score becomes
    ``(fused + weight * affinity) / (1 + weight)``; rows whose siblings say
    nothing keep their score), and among a row's first candidates each one is
    lowered by ``section_spread`` per better-placed candidate of the same
    partner section, so the first five are not five siblings of one section
    (``align.consensus``, 0 = off). Measured on the development crosswalks:
    mean hit@5 of the five English sets 0.884 -> 0.905, mean top-1 0.641 -> 0.661,
    no set lower.

    Scale: up to ``full_pairs_limit`` pairs, every pair is scored (BLAS over
    frequent terms, postings over rare ones). Larger inputs are processed with a
    shortlist: the ``shortlist`` best candidates by BM25 (over terms in at most
    ``shortlist_max_df`` of the other side's criteria), fused with the encoder
    at its weight when available, plus the encoder's own best ``shortlist // 5``,
    re-scored with every channel. Rows are processed ``block_size``
    at a time, with a progress report and a cancel check between blocks.
    """

    k: int = 5
    weight_tfidf: float = 1.0
    weight_bm25: float = 1.0
    weight_char: float = 1.0
    weight_embedding: float = 1.0
    weight_embedding_cross_language: float = 1.0
    embedding_by_overlap: bool = True
    weight_token_set: float = 0.0
    weight_affinity: float = 0.0
    weight_text: float = 1.0
    weight_section: float = 0.5
    weight_guidance: float = 0.5
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    char_ngram_min: int = 3
    char_ngram_max: int = 5
    band_high: float = 0.6
    band_medium: float = 0.35
    calibrated_bands: bool = True
    parent_lift: float = 0.98
    section_consensus: float = 0.1
    section_spread: float = 0.02
    confidence_saturation: float = 0.45
    use_embedding: bool = True
    reference_language: str = "auto"
    partner_language: str = "auto"
    synonyms_path: str = ""
    shortlist: int = 50
    shortlist_max_df: float = 0.05
    full_pairs_limit: int = 8_000_000
    block_size: int = 256

    def __post_init__(self) -> None:
        problems = []
        if self.k < 1:
            problems.append("k must be at least 1")
        negative = [
            name
            for name in (
                "weight_tfidf",
                "weight_bm25",
                "weight_char",
                "weight_embedding",
                "weight_embedding_cross_language",
                "weight_token_set",
                "weight_affinity",
                "weight_text",
                "weight_section",
                "weight_guidance",
                "section_consensus",
                "section_spread",
            )
            if getattr(self, name) < 0
        ]
        problems += [f"{name} must not be negative" for name in negative]
        if not 1 <= self.char_ngram_min <= self.char_ngram_max <= 10:
            problems.append("char n-gram sizes must satisfy 1 <= min <= max <= 10")
        if not 0 <= self.band_medium <= self.band_high <= 1:
            problems.append("bands must satisfy 0 <= band_medium <= band_high <= 1")
        if not 0 <= self.parent_lift < 1:
            problems.append("parent_lift must be at least 0 and below 1")
        if self.confidence_saturation <= 0:
            problems.append("confidence_saturation must be positive")
        if self.shortlist < 1 or self.block_size < 1:
            problems.append("shortlist and block_size must be at least 1")
        problems += [
            f"{name} must be one of {', '.join(_LANGUAGES)}"
            for name in ("reference_language", "partner_language")
            if getattr(self, name) not in _LANGUAGES
        ]
        if problems:
            raise InvalidValue(f"Invalid aligner settings: {'; '.join(problems)}.")

    def weights_for(
        self, *, cross_language: bool, embedding_scale: float = 1.0
    ) -> dict[str, float]:
        """Channel name -> weight when the two programs do (not) share a language.

        ``embedding_scale`` multiplies the encoder's weight: the aligner passes
        ``align.overlap.embedding_scale`` of the programs' vocabulary overlap when
        ``embedding_by_overlap`` is on (see ``embedding_weight_scale``).
        """
        embedding = (
            self.weight_embedding_cross_language if cross_language else self.weight_embedding
        ) * embedding_scale
        return {
            "tfidf": self.weight_tfidf,
            "bm25": self.weight_bm25,
            "char": self.weight_char,
            "embedding": embedding if self.use_embedding else 0.0,
            "token_set": self.weight_token_set,
            "affinity": self.weight_affinity,
        }

    def embedding_weight_scale(self, overlap: float) -> float:
        """The factor ``weights_for`` gets at this vocabulary overlap (1 without
        ``embedding_by_overlap``)."""
        return embedding_scale(overlap) if self.embedding_by_overlap else 1.0

    def with_shipped_weights(self) -> AlignerSettings:
        """A copy with every channel weight back at the shipped fixed setting."""
        shipped = AlignerSettings()
        return self.replace(**{name: getattr(shipped, name) for name in CHANNEL_WEIGHTS})

    def replace(self, **changes: Any) -> AlignerSettings:
        """A copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict, with a ``version`` key."""
        data: dict[str, Any] = {"version": SETTINGS_VERSION}
        data.update(dataclasses.asdict(self))
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AlignerSettings:
        """Rebuild settings stored by ``to_dict``; unknown keys are ignored, missing ones default."""
        if not isinstance(data, Mapping):
            raise InvalidValue(
                "Stored aligner settings are not a JSON object; re-save the settings."
            )
        version = data.get("version", SETTINGS_VERSION)
        if not isinstance(version, int) or version > SETTINGS_VERSION:
            raise InvalidValue(
                f"Aligner settings version {version!r} is newer than this program understands; "
                "update criteria-compare."
            )
        kwargs: dict[str, Any] = {}
        old_defaults = _OLD_DEFAULTS.get(version, {})
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in old_defaults and value == old_defaults[f.name]:
                continue
            default = f.default
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool)
            elif isinstance(default, float):
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
                value = float(value) if ok else value
            else:
                ok = isinstance(value, str)
            if not ok:
                raise InvalidValue(
                    f"Aligner setting {f.name!r} has the wrong type ({type(value).__name__}); "
                    "fix or remove it."
                )
            kwargs[f.name] = value
        return cls(**kwargs)
