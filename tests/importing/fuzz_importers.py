"""Fuzz targets for the importers: whatever file arrives, a result or one sentence.

Three hypothesis targets: workbooks built from random sheet XML (cells of every type, odd
column and row numbers, hidden flags, formulas without values), bytes of seed files with
random edits, and delimited text in every supported encoding. Each steers its search with
``hypothesis.target`` toward inputs that reach more of the importer (more rows, warnings
and refusals of different kinds). Failing inputs are kept in hypothesis' example database
(``.hypothesis/``) and replayed first on the next run.

``make fuzz`` (``python -m tests.importing.fuzz_importers``) runs them for a bounded time (FUZZ_SECONDS, default 300);
test_importing_fuzz_smoke.py runs a few examples of each in CI.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_corpus

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.importing import ImportLimits, read_criteria

LIMITS = ImportLimits(max_bytes=2 * 1024 * 1024, max_rows=2_000, max_columns=60)
"""Small limits, so every example is quick and the limits themselves get exercised."""

_FOLDER = Path(tempfile.mkdtemp(prefix="cc-fuzz-"))
_KINDS: set[str] = set()
_DIGITS = re.compile(r"\d+")


def import_or_refuse(data: bytes, name: str) -> None:
    """The property: read_criteria returns, or raises CriteriaCompareError with one line."""
    path = _FOLDER / name
    path.write_bytes(data)
    try:
        result = read_criteria(path, limits=LIMITS)
    except CriteriaCompareError as exc:
        message = str(exc)
        assert message, repr(message)
        assert "\n" not in message, repr(message)
        kind = " ".join(_DIGITS.sub("#", message).split()[1:6])
        _KINDS.add(kind)
        target(float(len(_KINDS)), label="kinds of refusal")
    else:
        assert all(c.ref for c in result.criteria)
        target(float(len(result.criteria)), label="criteria")
        target(float(len(result.warnings)), label="warnings")


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_XML_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",), blacklist_characters="<&\x00", max_codepoint=0x2FFF
    ),
    max_size=30,
)
_COLUMN = st.one_of(st.sampled_from(["A", "B", "C", "D", "Z", "AA", "BH", "XFD"]), st.just(""))


@st.composite
def _cell(draw: st.DrawFn, row: int) -> str:
    column = draw(_COLUMN)
    ref = f' r="{column}{row}"' if column else ""
    kind = draw(
        st.sampled_from(["inline", "number", "shared", "formula", "empty", "bool", "error"])
    )
    if kind == "inline":
        return f'<c{ref} t="inlineStr"><is><t>{draw(_XML_TEXT)}</t></is></c>'
    if kind == "number":
        value = draw(st.one_of(st.integers(-(10**20), 10**20), st.floats(allow_nan=False)))
        return f'<c{ref} s="{draw(st.integers(0, 3))}"><v>{value}</v></c>'
    if kind == "shared":
        return f'<c{ref} t="s"><v>{draw(st.integers(-1, 5))}</v></c>'
    if kind == "formula":
        return f"<c{ref}><f>SUM(A1:A3)</f></c>"
    if kind == "bool":
        return f'<c{ref} t="b"><v>{draw(st.sampled_from(["0", "1", "x"]))}</v></c>'
    if kind == "error":
        return f'<c{ref} t="e"><v>#REF!</v></c>'
    return f"<c{ref}/>"


@st.composite
def sheet_xml(draw: st.DrawFn) -> str:
    """A worksheet's <sheetData> body: a header, then rows of random cells and attributes."""
    rows = [hostile_corpus.header_row()]
    numbers = draw(st.lists(st.integers(2, 1_100_000), max_size=12))
    for number in numbers:
        hidden = draw(st.sampled_from(["", ' hidden="1"', ' hidden="true"', ' hidden="0"']))
        ref = draw(st.sampled_from([f' r="{number}"', ""]))
        cells = "".join(draw(st.lists(_cell(number), max_size=6)))
        rows.append(f"<row{ref}{hidden}>{cells}</row>")
    return "".join(rows)


def _seeds() -> list[bytes]:
    folder = Path(tempfile.mkdtemp(prefix="cc-fuzz-seeds-"))
    return [
        hostile_corpus.good_workbook(folder / "good.xlsx").read_bytes(),
        b'ID,Criteria,Level\n1.1,Gates lock.,Must\n1.2,"Seals, checked",Should\n',
        hostile_corpus.utf16_without_bom(folder / "u16.csv").read_bytes(),
        hostile_corpus.write_xlsx(
            folder / "sst.xlsx",
            hostile_corpus.header_row() + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
            shared_strings=(
                f'<sst xmlns="{hostile_corpus.MAIN_NS}"><si><t>1.1</t></si></sst>'.encode()
            ),
        ).read_bytes(),
    ]


SEEDS = _seeds()
_EDIT = st.tuples(
    st.sampled_from(["set", "insert", "delete"]), st.integers(0), st.binary(max_size=4)
)


def _edited(seed: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for op, at, piece in edits:
        at %= max(len(data), 1)
        if op == "set":
            data[at : at + len(piece)] = piece
        elif op == "insert":
            data[at:at] = piece
        else:
            del data[at : at + 1 + len(piece)]
    return bytes(data)


def xlsx_from_sheet_xml(body: str) -> None:
    """Target: a workbook whose sheet XML is random but well formed."""
    path = hostile_corpus.write_xlsx(_FOLDER / "built.xlsx", body)
    import_or_refuse(path.read_bytes(), "built.xlsx")


def edited_seed(index: int, edits: list[tuple[str, int, bytes]], suffix: str) -> None:
    """Target: a good file (workbook or CSV) with random bytes set, inserted or deleted."""
    import_or_refuse(_edited(SEEDS[index % len(SEEDS)], edits), f"edited{suffix}")


def delimited_text(rows: list[list[str]], delimiter: str, encoding: str, quote: bool) -> None:
    """Target: any table of text, quoted or not, in any encoding the reader knows."""
    lines = [delimiter.join(f'"{c}"' if quote else c for c in cells) for cells in rows]
    text = "\n".join(["ID,Criteria".replace(",", delimiter), *lines])
    import_or_refuse(text.encode(encoding, errors="replace"), "fuzz.csv")


TARGETS: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[object], ...]]] = {
    "xlsx_from_sheet_xml": (xlsx_from_sheet_xml, (sheet_xml(),)),
    "edited_seed": (
        edited_seed,
        (
            st.integers(0, 100),
            st.lists(_EDIT, min_size=1, max_size=6),
            st.sampled_from([".xlsx", ".csv"]),
        ),
    ),
    "delimited_text": (
        delimited_text,
        (
            st.lists(st.lists(_TEXT, max_size=6), max_size=12),
            st.sampled_from([",", ";", "\t", "|"]),
            st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]),
            st.booleans(),
        ),
    ),
}


def run_target(name: str, max_examples: int, *, derandomize: bool = False) -> None:
    """Run one target for ``max_examples`` examples (hypothesis raises on a failing input)."""
    function, strategies = TARGETS[name]
    test = settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=derandomize,
        database=None if derandomize else settings.default.database,
        suppress_health_check=list(HealthCheck),
    )(given(*strategies)(function))
    test()


def main() -> int:
    """Run every target in turn until FUZZ_SECONDS (default 300) have passed."""
    budget = float(os.environ.get("FUZZ_SECONDS", "300"))
    end = time.monotonic() + budget
    rounds = 0
    while time.monotonic() < end:
        for name in TARGETS:
            run_target(name, 200)
            print(f"{name}: 200 examples passed", flush=True)
        rounds += 1
    print(f"fuzz: {rounds} rounds of {len(TARGETS)} targets, no failure; refusals seen:")
    for kind in sorted(_KINDS):
        print(f"  {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
