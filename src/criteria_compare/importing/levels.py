"""Must/Should levels: the many ways people write them, mapped to Level."""

from __future__ import annotations

from functools import lru_cache

from criteria_compare.importing.headers import normalise_header
from criteria_compare.model import Level

__all__ = ["LEVEL_WORDS", "parse_level"]

LEVEL_WORDS: dict[str, Level] = {
    **dict.fromkeys(
        (
            "must", "m", "mandatory", "required", "requirement", "shall", "obligatory",
            "compulsory", "obligatorio", "obligatoria", "debe", "obligatoire", "essential",
            "must have",
        ),
        Level.MUST,
    ),
    **dict.fromkeys(
        (
            "should", "s", "recommended", "recommendation", "optional", "recomendado",
            "recomendada", "recomendable", "opcional", "deberia", "recommande", "facultatif",
            "best practice", "advisory", "should have", "may",
        ),
        Level.SHOULD,
    ),
}  # fmt: skip


#: Must/Should in Japanese, Korean and Chinese (normalised like the header names).
LEVEL_WORDS.update(
    {
        normalise_header(word): level
        for words, level in (
            (("必須", "必要", "필수", "의무", "必须", "必須要件"), Level.MUST),
            (("推奨", "任意", "권고", "권장", "선택", "建议", "建議", "推荐"), Level.SHOULD),
        )
        for word in words
    }
)


@lru_cache(maxsize=256)
def parse_level(text: str) -> tuple[Level | None, bool]:
    """``(level, understood)``: blank gives ``(None, True)``, an unknown word ``(None, False)``."""
    norm = normalise_header(text)
    if not norm:
        return None, True
    level = LEVEL_WORDS.get(norm)
    if level is None:
        # "Must (M)", "Should - recommended": the first word decides
        level = LEVEL_WORDS.get(norm.split(" ", 1)[0])
    return level, level is not None
