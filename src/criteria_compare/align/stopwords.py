"""Stop words per language and a cheap language detector that counts them."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["STOP_WORDS", "detect_language"]

_EN = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either etc few
for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just least less may me might more most must my myself no nor not of
off on once only or other ought our ours ourselves out over own per same shall she should so
some such than that the their theirs them themselves then there these they this those
through thus to too under until up upon us very via was we were what when where whether
which while who whom whose why will with within without would yet you your yours yourself
e.g i.e
"""

_ES = """
a al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde
durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este
esto estos fue fueron ha han hasta hay la las le les lo los mas me mi mientras mismo muy
nada ni no nos o otra otras otro otros para pero por porque que quien quienes se sea sean
segun ser si sin sino sobre su sus tal tambien tanto te todo todos tras u un una unas uno
unos y ya él más también según debe deben debera deberan deberá deberán
"""

_FR = """
a au aux avec ce ces cet cette dans de des du elle elles en entre est et etre eux il ils
je la le les leur leurs lui ma mais me meme mes moi mon ne ni nos notre nous on ou par pas
pour qu que qui sa se ses si son sont sur ta te tes toi ton tous tout toute toutes tu un une
vos votre vous y à où être même afin ainsi doit doivent selon sans sous lors été
"""

_DE = """
aber als am an auch auf aus bei bin bis das dass dem den der des die doch du durch ein eine
einem einen einer eines er es für hat hatte ich ihr im in ist ja kein mit muss müssen nach
nicht noch nur oder sein sich sie sind so über um und uns unter vom von vor war wie wir wird
werden zu zum zur
"""

_PT = """
a ao aos as com como da das de do dos e ela elas ele eles em entre era essa esse esta este
foi isso mais mas na nas no nos o os ou para pela pelo por que se sem ser seu sua são também
um uma à às é deve devem
"""

_IT = """
a al alla alle agli con da dal dalla dei del della delle deve devono di e gli ha i il in la
le lo ma nel nella non o per più se si sono su tra un una uno è
"""

_NL = """
aan als bij dat de den der des die dit door een en er heeft het hij in is met moet moeten
naar niet of om onder op over te tot uit van voor wat wordt worden zijn
"""

STOP_WORDS: dict[str, frozenset[str]] = {
    "english": frozenset(_EN.split()),
    "spanish": frozenset(_ES.split()),
    "french": frozenset(_FR.split()),
    "german": frozenset(_DE.split()),
    "portuguese": frozenset(_PT.split()),
    "italian": frozenset(_IT.split()),
    "dutch": frozenset(_NL.split()),
}

# Words that are stop words in several languages say little about which one it is.
_SHARED = frozenset(
    w
    for lang, words in STOP_WORDS.items()
    for w in words
    if sum(w in other for other in STOP_WORDS.values()) > 1
)
_DISTINCTIVE = {lang: words - _SHARED for lang, words in STOP_WORDS.items()}
_LANGUAGE_OF = {w: lang for lang, words in _DISTINCTIVE.items() for w in words}


def detect_language(words: Iterable[str], default: str = "english") -> str:
    """The language whose distinctive stop words occur most often among casefolded ``words``."""
    counts = dict.fromkeys(_DISTINCTIVE, 0)
    for word in words:
        lang = _LANGUAGE_OF.get(word)
        if lang is not None:
            counts[lang] += 1
    best = max(counts.items(), key=lambda item: (item[1], item[0] == default))
    return best[0] if best[1] > 0 else default
