"""CISO Assistant framework libraries (YAML) import as programs; hostile YAML is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.errors import ImportFailed
from criteria_compare.importing import read_criteria

SAMPLES = Path(__file__).resolve().parents[2] / "sample_criteria"
LIBRARY = SAMPLES / "port_security_framework.ciso.yaml"

_MINIMAL = """\
urn: urn:x:risk:library:mini
locale: en
name: Mini
objects:
  framework:
    urn: urn:x:risk:framework:mini
    name: Mini
    requirement_nodes:
{nodes}
"""


def _library(tmp_path: Path, nodes: str, name: str = "mini.yaml") -> Path:
    path = tmp_path / name
    path.write_text(_MINIMAL.format(nodes=nodes), encoding="utf-8")
    return path


def test_assessable_nodes_are_criteria_and_their_parents_sections() -> None:
    """Assessable nodes become criteria under their parent's ref and name; metadata gives the title."""
    result = read_criteria(LIBRARY)
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "5.1", "5.2"]
    by_ref = {c.ref: c for c in result.criteria}
    assert by_ref["1.1"].section == "I General provisions"
    assert by_ref["1.1"].guidance == "Keep the signed nomination on file."
    assert by_ref["5.1"].text == "Fences surround every area where cargo is stored."
    assert result.proposed_name == "Harbour Security Framework"
    assert result.proposed_version == "version 3"
    assert result.languages == ("en", "fr")


def test_translations_are_kept_as_a_choice_of_language() -> None:
    """language='fr' reads the French name, text, guidance and sections."""
    result = read_criteria(LIBRARY, language="fr")
    by_ref = {c.ref: c for c in result.criteria}
    assert result.language == "fr"
    assert by_ref["1.1"].guidance == "Conserver la nomination signée."
    assert by_ref["5.2"].section == "II Locaux"
    assert result.proposed_name == "Référentiel de sûreté portuaire"


def test_a_node_without_depth_or_assessable_mark_is_placed_by_its_parent(tmp_path: Path) -> None:
    """No depth: the parent's plus one; no assessable mark: a leaf is a criterion."""
    nodes = """\
      - {urn: "urn:x:n:a", ref_id: A, name: Area}
      - {urn: "urn:x:n:a1", parent_urn: "urn:x:n:a", ref_id: A.1, description: Gates are locked.}
      - {urn: "urn:x:n:a2", parent_urn: "urn:x:n:a", ref_id: A.2, description: Keys are counted.}
"""
    result = read_criteria(_library(tmp_path, nodes))
    assert [(c.ref, c.section) for c in result.criteria] == [("A.1", "A Area"), ("A.2", "A Area")]


def test_inspect_reads_a_library(capsys: pytest.CaptureFixture[str]) -> None:
    """`inspect --json` on the sample library: four criteria, the content sheet, two languages."""
    assert main(["inspect", str(LIBRARY), "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["criteria"] == 4
    assert data["sheet"] == "framework_content"
    assert data["languages"] == ["en", "fr"]


_BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
"""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (_BOMB, "more than 10 YAML aliases or anchors"),
        ("a: [1, 2\nb: 3\n", "is not valid YAML (line"),
        ("!!python/object/apply:os.system ['echo hi']\n", "is not valid YAML"),
        ("- " * 200 + "x\n", "nests more than 64 levels deep"),
        ("urn: x\nobjects:\n  threats: []\n", "is a CISO Assistant library without a framework"),
        ("objects:\n  framework:\n    name: Empty\n", "framework has no requirement_nodes"),
        ("just a line of text\n", "is YAML but neither an OSCAL catalog"),
    ],
)
def test_hostile_or_wrong_yaml_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    """Alias bombs, code tags, bad syntax, deep nesting, other libraries: exit 2 and one line."""
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    assert main(["inspect", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.yaml" in err
    assert expected in err


def test_yaml_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """A Latin-1 YAML file: one sentence asking for UTF-8."""
    path = tmp_path / "latin.yml"
    path.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ImportFailed, match="is not UTF-8 text; save it again as UTF-8"):
        read_criteria(path)


def test_more_nodes_than_the_row_limit_are_refused(tmp_path: Path) -> None:
    """More requirement nodes than max_rows: refused before any row is built."""
    from criteria_compare.importing import ImportLimits

    nodes = "".join(f"      - {{urn: 'u{n}', ref_id: 'R{n}', description: t}}\n" for n in range(30))
    with pytest.raises(ImportFailed, match="more than 20 requirement nodes"):
        read_criteria(_library(tmp_path, nodes), limits=ImportLimits(max_rows=20))
