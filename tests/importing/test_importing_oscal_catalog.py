"""OSCAL catalogs import as programs: controls, enhancements, groups, parts, params, withdrawn."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from criteria_compare.cli import main
from criteria_compare.errors import ImportFailed
from criteria_compare.importing import ImportLimits, read_criteria

SAMPLES = Path(__file__).resolve().parents[2] / "sample_criteria"
CATALOG = SAMPLES / "port_security_catalog.oscal.json"
NIST_LOW = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "oscal"
    / "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json"
)


def _write(tmp_path: Path, document: Any, name: str = "catalog.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_controls_and_enhancements_become_criteria_with_their_group_as_section() -> None:
    """Each control and enhancement is a criterion; the label is the ref; groups nest as sections."""
    result = read_criteria(CATALOG)
    refs = [c.ref for c in result.criteria]
    assert refs == ["GOV-1", "GOV-1(1)", "GOV-2", "PHY-1", "PHY-2"]
    by_ref = {c.ref: c for c in result.criteria}
    assert by_ref["GOV-1(1)"].section == "Governance"
    assert by_ref["PHY-1"].section == "Premises › Perimeter"
    assert (
        by_ref["PHY-1"].guidance
        == "Record each inspection and repair breaches before the next shift."
    )
    assert result.proposed_name == "Meridia Port Operator Security Catalog"
    assert result.proposed_version == "2.1"


def test_statement_items_and_parameters_read_as_nist_prints_them() -> None:
    """Sub-parts follow the statement with their labels; a parameter reads [Assignment: label]."""
    text = {c.ref: c.text for c in read_criteria(CATALOG).criteria}["GOV-2"]
    assert text.startswith(
        "The security plan is reviewed at least every [Assignment: review interval]"
    )
    assert "\na. the review is recorded" in text
    assert "\nb. changes to the plan" in text


def test_withdrawn_controls_are_skipped_with_a_warning() -> None:
    """GOV-3 is withdrawn: not imported, and one warning names it."""
    result = read_criteria(CATALOG)
    assert "GOV-3" not in {c.ref for c in result.criteria}
    assert [w.message for w in result.warnings] == [
        "control GOV-3 is withdrawn from the catalog; it was not imported."
    ]


def test_many_withdrawn_controls_are_one_warning(tmp_path: Path) -> None:
    """Seven withdrawn controls: one warning naming five and counting the rest."""
    controls = [
        {"id": f"x-{n}", "title": "Old", "props": [{"name": "status", "value": "withdrawn"}]}
        for n in range(7)
    ]
    controls.append(
        {"id": "x-9", "title": "Kept", "parts": [{"name": "statement", "prose": "Kept."}]}
    )
    path = _write(
        tmp_path, {"catalog": {"uuid": "u", "metadata": {"title": "T"}, "controls": controls}}
    )
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["x-9"]
    assert result.warnings[0].message.startswith("7 controls are withdrawn from the catalog (x-0,")
    assert "and 2 more" in result.warnings[0].message


def test_a_control_without_statement_takes_its_title_and_values_fill_parameters(
    tmp_path: Path,
) -> None:
    """No statement: the title is the text; a parameter with values shows them; selections list choices."""
    catalog = {
        "uuid": "u",
        "metadata": {"title": "Tiny"},
        "controls": [
            {"id": "a-1", "title": "Lock the gate"},
            {
                "id": "a-2",
                "title": "Doors",
                "params": [
                    {"id": "p1", "values": ["30 days"]},
                    {"id": "p2", "select": {"how-many": "one-or-more", "choice": ["badge", "key"]}},
                ],
                "parts": [
                    {
                        "name": "statement",
                        "prose": "Check {{ insert: param, p1 }} by {{ insert: param, p2 }}; {{ insert: param, nope }}.",
                    }
                ],
            },
        ],
    }
    path = _write(tmp_path, {"catalog": catalog})
    texts = {c.ref: c.text for c in read_criteria(path).criteria}
    assert texts["a-1"] == "Lock the gate"
    assert (
        texts["a-2"]
        == "Check 30 days by [Selection (one or more): badge; key]; [Assignment: nope]."
    )


@pytest.mark.skipif(
    not NIST_LOW.is_file(), reason="the shared NIST sample is not beside the checkout"
)
def test_the_nist_low_baseline_imports_every_control() -> None:
    """NIST SP 800-53 rev5 LOW (resolved): 149 controls in 18 families, AC-1 first."""
    result = read_criteria(NIST_LOW)
    assert len(result.criteria) == 149
    assert result.criteria[0].ref == "AC-1"
    assert len(result.sections) == 18
    assert "[Assignment: organization-defined personnel or roles]" in result.criteria[0].text


def test_inspect_json_reads_a_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    """`inspect --json` on a catalog: criteria, sections and the withdrawn warning."""
    assert main(["inspect", str(CATALOG), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["criteria"] == 5
    assert data["sections"] == {"Governance": 3, "Premises › Perimeter": 2}
    assert len(data["warnings"]) == 1


def test_an_oscal_catalog_in_yaml_imports_too(tmp_path: Path) -> None:
    """The same catalog saved as YAML gives the same criteria."""
    import yaml

    document = json.loads(CATALOG.read_text(encoding="utf-8"))
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    assert [c.text for c in read_criteria(path).criteria] == [
        c.text for c in read_criteria(CATALOG).criteria
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"catalog": {"uuid": ', "is not valid JSON (line 1, column"),
        ('{"profile": {"uuid": "x"}}', "is an OSCAL profile; resolve it into a catalog"),
        ('{"mapping-collection": {}}', "is an OSCAL mapping, not a catalog"),
        ('{"hello": "world"}', "is JSON but neither an OSCAL catalog"),
        ("[1, 2, 3]", "is JSON but neither an OSCAL catalog"),
        ('{"catalog": {"uuid": "u", "metadata": {}}}', "is an OSCAL catalog with no controls"),
        ("[" * 5000 + "]" * 5000, "nests more than 64 levels deep"),
    ],
)
def test_bad_or_wrong_json_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    """Bad JSON, another OSCAL model, another schema: exit 2 and one line naming the file."""
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["inspect", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.json" in err
    assert expected in err
    assert "Traceback" not in err


def test_an_oversize_catalog_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """Over the size limit: refused with the importer's size sentence."""
    path = _write(tmp_path, {"catalog": {"uuid": "u", "pad": "x" * 3000}})
    with pytest.raises(ImportFailed, match="over the import limit of"):
        read_criteria(path, limits=ImportLimits(max_bytes=1000))


def test_a_catalog_with_more_controls_than_the_row_limit_is_refused(tmp_path: Path) -> None:
    """More controls than max_rows: one sentence, nothing imported."""
    controls = [{"id": f"c-{n}", "title": "t"} for n in range(30)]
    path = _write(tmp_path, {"catalog": {"uuid": "u", "controls": controls}})
    with pytest.raises(ImportFailed, match="more than 20 controls, over the import limit"):
        read_criteria(path, limits=ImportLimits(max_rows=20))


def test_binary_bytes_named_json_are_refused(tmp_path: Path) -> None:
    """A binary file named .json: one sentence."""
    path = tmp_path / "x.json"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportFailed, match="holds binary data, not JSON or YAML text"):
        read_criteria(path)
