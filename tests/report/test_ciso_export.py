"""The CISO Assistant mapping library and framework libraries: shape, URNs that resolve, round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from criteria_compare.cli import main
from criteria_compare.importing import read_criteria
from criteria_compare.report.atomic import ReportWriteError
from criteria_compare.report.ciso_assistant import (
    framework_library,
    mapping_library,
    write_ciso_mapping,
)
from criteria_compare.report.interop import FilesInTheWay
from tests.report.interop_fixtures import small_crosswalk


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def test_the_mapping_set_holds_one_mapping_per_link() -> None:
    """Relations, rationale, strengths and notes as CISO Assistant reads them."""
    library = mapping_library(small_crosswalk())
    assert library["urn"] == "urn:criteria-compare:risk:library:mapping-harbour-rules-to-port-code"
    assert library["dependencies"] == [
        "urn:criteria-compare:risk:library:harbour-rules",
        "urn:criteria-compare:risk:library:port-code",
    ]
    (mapping_set,) = library["objects"]["requirement_mapping_sets"]
    assert (
        mapping_set["source_framework_urn"] == "urn:criteria-compare:risk:framework:harbour-rules"
    )
    mappings = mapping_set["requirement_mappings"]
    assert [(m["relationship"], m.get("strength_of_relationship")) for m in mappings] == [
        ("equal", 10),
        ("subset", 5),
        ("intersect", 10),
        ("intersect", 0),
    ]
    assert {m["rationale"] for m in mappings} == {"semantic"}
    assert mappings[0]["source_requirement_urn"] == (
        "urn:criteria-compare:risk:req_node:harbour-rules:1.1"
    )
    assert mappings[3]["annotation"] == "The partner keeps the gates open at night."


def test_every_mapping_urn_resolves_in_the_framework_libraries(tmp_path: Path) -> None:
    """The requirement URNs of the mapping are nodes of the two framework libraries written beside it."""
    crosswalk = small_crosswalk()
    path, frameworks = write_ciso_mapping(crosswalk, tmp_path / "m.yaml", frameworks=tmp_path)
    mapping_set = _load(path)["objects"]["requirement_mapping_sets"][0]
    source, target = (_load(f)["objects"]["framework"] for f in frameworks)
    assert mapping_set["source_framework_urn"] == source["urn"]
    assert mapping_set["target_framework_urn"] == target["urn"]
    source_nodes = {n["urn"] for n in source["requirement_nodes"]}
    target_nodes = {n["urn"] for n in target["requirement_nodes"]}
    for mapping in mapping_set["requirement_mappings"]:
        assert mapping["source_requirement_urn"] in source_nodes
        assert mapping["target_requirement_urn"] in target_nodes


def test_framework_libraries_import_back_as_the_same_program(tmp_path: Path) -> None:
    """Written and re-imported, a framework library gives the same refs, text, sections, guidance."""
    crosswalk = small_crosswalk()
    _, frameworks = write_ciso_mapping(crosswalk, tmp_path / "m.yaml", frameworks=tmp_path)
    for path, criteria in zip(frameworks, (crosswalk.reference, crosswalk.partner), strict=True):
        back = read_criteria(path).criteria
        assert [(c.ref, c.text, c.section, c.guidance) for c in back] == [
            (c.ref, c.text, c.section, c.guidance) for c in criteria
        ]


def test_exports_are_stable_and_hold_no_aliases(tmp_path: Path) -> None:
    """Two writes give the same bytes; the YAML has no anchors (our own importer would count them)."""
    first = write_ciso_mapping(small_crosswalk(), tmp_path / "a.yaml")[0].read_bytes()
    second = write_ciso_mapping(small_crosswalk(), tmp_path / "b.yaml")[0].read_bytes()
    assert first == second
    text = yaml.safe_dump(framework_library(small_crosswalk(), "reference"))
    assert "&id" not in text
    assert "*id" not in text


def test_a_comparison_without_links_is_refused() -> None:
    """No confirmed link: one sentence, nothing written."""
    with pytest.raises(ReportWriteError, match="CISO Assistant mapping needs at least one"):
        mapping_library(small_crosswalk(links=False))


def test_cli_exports_the_sample_as_a_ciso_assistant_mapping(
    sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export --ciso-assistant --ciso-frameworks` on the sample: 99 mappings, two frameworks."""
    out = tmp_path / "mapping.yaml"
    argv = ["export", str(sample_project), "--ciso-assistant", str(out)]
    assert main([*argv, "--ciso-frameworks", str(tmp_path / "fw"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    mappings = _load(out)["objects"]["requirement_mapping_sets"][0]["requirement_mappings"]
    assert len(mappings) == 99
    assert [Path(p).name for p in result["ciso_frameworks"]] == [
        "ctpat-msc-importers.yaml",
        "meridia-aeo-s.yaml",
    ]
    assert len(read_criteria(result["ciso_frameworks"][0]).criteria) == 106


def test_a_ref_shaped_like_a_section_node_gets_its_own_urn() -> None:
    """A criterion whose ref is "Section-1" does not share the first section node's URN."""
    from dataclasses import replace

    from criteria_compare.model import Criterion

    crosswalk = small_crosswalk()
    extra = Criterion("Section-1", "Odd ref.", "1. Governance")
    crosswalk = replace(crosswalk, reference=(*crosswalk.reference, extra))
    nodes = framework_library(crosswalk, "reference")["objects"]["framework"]["requirement_nodes"]
    urns = [n["urn"] for n in nodes]
    assert len(urns) == len(set(urns))


def test_a_framework_file_of_another_program_is_kept_unless_replace(tmp_path: Path) -> None:
    """Our earlier export of the program is replaced silently; a file of the same name whose
    library URN is another (longer) one is someone else's: refused, nothing written."""
    crosswalk = small_crosswalk()
    path, (reference, partner) = write_ciso_mapping(
        crosswalk, tmp_path / "m.yaml", frameworks=tmp_path
    )
    assert write_ciso_mapping(crosswalk, path, frameworks=tmp_path)[1] == (reference, partner)
    first = reference.read_text(encoding="utf-8").splitlines()[0]
    reference.write_text(f"{first}-importers\nname: another program\n", encoding="utf-8")
    path.unlink()
    with pytest.raises(FilesInTheWay) as caught:
        write_ciso_mapping(crosswalk, path, frameworks=tmp_path)
    assert caught.value.paths == (reference,)
    assert not path.exists()
    write_ciso_mapping(crosswalk, path, frameworks=tmp_path, replace=True)
    assert _load(reference)["objects"]["framework"]["requirement_nodes"]
