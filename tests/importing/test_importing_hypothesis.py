"""Properties of header normalisation and of numeric refs rendered through number formats."""

from __future__ import annotations

import csv
import io
import string
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from criteria_compare.importing import match_header, normalise_header
from criteria_compare.importing.cells import column_letter, format_number
from criteria_compare.importing.columns import column_index
from criteria_compare.importing.csv_reader import sniff_delimiter
from criteria_compare.importing.headers import HEADER_SYNONYMS

KNOWN = [(role, name) for role, names in HEADER_SYNONYMS.items() for name in names]
DECORATION = st.sampled_from(["", " ", ".", ":", "  ", " *", "\n", "\t", "(", ")"])


@given(st.text(max_size=60))
def test_normalise_is_idempotent_and_clean(text: str) -> None:
    """Normalising twice changes nothing; the result is lower-case words split by single spaces."""
    once = normalise_header(text)
    assert normalise_header(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert once == once.casefold()


@given(st.sampled_from(KNOWN), DECORATION, DECORATION, st.booleans())
def test_known_headers_survive_case_and_punctuation(
    known: tuple[str, str], before: str, after: str, upper: bool
) -> None:
    """A known header keeps its role whatever the case, padding and trailing punctuation."""
    role, name = known
    shown = name.upper() if upper else name.title()
    match = match_header(f"{before}{shown}{after}")
    assert match is not None
    assert match.role == role
    assert match.score == 100.0


@given(st.text(alphabet=string.punctuation + " \t", max_size=10))
def test_punctuation_only_names_no_role_except_number_signs(text: str) -> None:
    """Cells of punctuation alone never name a role, except the number signs # and №."""
    match = match_header(text)
    assert match is None or text.strip() in {"#"}


@given(
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=1, max_value=4),
)
def test_fixed_decimals_show_trailing_zeros(whole: int, frac: int, places: int) -> None:
    """With 0.00-style formats a number shows exactly that many decimals, as Excel does."""
    frac = frac % (10**places)
    text = f"{whole}.{frac:0{places}d}"
    shown = format_number(float(text), "0." + "0" * places)
    assert shown == text
    assert Decimal(shown) == Decimal(text)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_never_gain_a_decimal_point(n: int) -> None:
    """Whole numbers in General format read as integers: 3, not 3.0."""
    assert format_number(n, "General") == str(n)
    assert format_number(float(n), "General") == str(n)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(lambda x: x != 0))
def test_general_format_round_trips(value: float) -> None:
    """General shows a float so that reading the text back gives (nearly) the same number."""
    shown = format_number(value, "General")
    assert abs(float(shown) - value) <= abs(value) * 1e-14


@given(st.integers(min_value=1, max_value=18278))
def test_column_letters_round_trip(n: int) -> None:
    """Column numbers and letters convert both ways (A..ZZZ)."""
    letters = column_letter(n)
    assert letters.isalpha()
    assert letters.isupper()
    assert column_index(letters) == n - 1


HEADER_WORD = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=12).filter(
    lambda s: s.strip()
)
CELL_TEXT = st.text(alphabet=string.ascii_letters + " .,;|\t\"'-\n", max_size=30)


@given(
    st.sampled_from([",", ";", "\t", "|"]),
    st.integers(min_value=2, max_value=6),
    st.data(),
)
def test_delimiter_sniffing_finds_the_writer_delimiter(
    delimiter: str, width: int, data: st.DataObject
) -> None:
    """A table written by the csv module with any of , ; tab | is split with that delimiter."""
    header = data.draw(st.lists(HEADER_WORD, min_size=width, max_size=width))
    rows = data.draw(
        st.lists(st.lists(CELL_TEXT, min_size=width, max_size=width), min_size=1, max_size=8)
    )
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    assert sniff_delimiter(buffer.getvalue()) == delimiter
