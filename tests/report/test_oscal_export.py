"""The OSCAL mapping and catalogs: valid for trestle's OSCAL 1.2 models, stable, and faithful."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from trestle.oscal.catalog import Model as CatalogModel
from trestle.oscal.mapping import Model as MappingModel

from criteria_compare.cli import main
from criteria_compare.importing import read_criteria
from criteria_compare.report.atomic import ReportWriteError
from criteria_compare.report.interop import FilesInTheWay
from criteria_compare.report.oscal_catalog import catalog_document
from criteria_compare.report.oscal_mapping import mapping_document, write_oscal_mapping
from tests.report.interop_fixtures import small_crosswalk


def _validated_mapping(document: dict[str, Any]) -> dict[str, Any]:
    """Validate with trestle, and check the model writes the same JSON back (round trip)."""
    model = MappingModel.model_validate(document)
    again = model.model_dump(by_alias=True, exclude_none=True, mode="json")
    assert MappingModel.model_validate(again) == model
    # trestle writes the same time without its milliseconds; everything else comes back as is
    stamp = again["mapping-collection"]["metadata"].pop("last-modified")
    theirs = json.loads(json.dumps(document))
    assert stamp[:19] == theirs["mapping-collection"]["metadata"].pop("last-modified")[:19]
    assert again == theirs
    return document["mapping-collection"]


def _maps_by_source(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["sources"][0]["id-ref"]: m for m in collection["mappings"][0]["maps"]}


def test_the_mapping_is_valid_oscal_and_round_trips() -> None:
    """trestle's mapping-collection model accepts the export and writes it back unchanged."""
    collection = _validated_mapping(mapping_document(small_crosswalk(), marking="TLP:AMBER"))
    assert collection["metadata"]["props"] == [{"name": "marking", "value": "TLP:AMBER"}]
    assert collection["metadata"]["oscal-version"].startswith("1.2")
    assert collection["metadata"]["last-modified"] == "2026-12-01T09:30:00.000+00:00"
    assert {p["name"] for p in collection["metadata"]["parties"]} == {"A. Rivera", "B. Okafor"}


def test_each_link_is_one_map_with_its_relation_note_and_qualifier() -> None:
    """Relations become OSCAL relationships; partial and conflict carry qualifiers and remarks."""
    maps = _maps_by_source(_validated_mapping(mapping_document(small_crosswalk())))
    assert {k: m["relationship"] for k, m in maps.items()} == {
        "c-1.1": "equal-to",
        "c-1.2": "subset-of",
        "c-2.1": "intersects-with",
        "c-2.2": "intersects-with",
    }
    assert maps["c-1.1"]["targets"] == [{"type": "control", "id-ref": "A-1"}]
    assert "qualifiers" not in maps["c-1.1"]
    partial = maps["c-1.2"]["qualifiers"][0]
    assert partial["predicate"] == "has-requirement"
    assert partial["subject"] == "target"  # subset_of: the partner is stricter
    assert partial["description"] == "The partner also asks for a review after every incident."
    conflict = maps["c-2.2"]["qualifiers"][0]
    assert (conflict["predicate"], conflict["category"]) == ("has-incompatibility", "blocked")
    assert maps["c-2.2"]["remarks"] == "The partner keeps the gates open at night."


def test_gaps_and_partner_only_criteria_are_the_gap_summaries() -> None:
    """The gap is the source gap summary; the unlinked partner criterion the target one."""
    mapping = _validated_mapping(mapping_document(small_crosswalk()))["mappings"][0]
    assert mapping["source-gap-summary"]["unmapped-controls"] == [{"with-ids": ["c-3-a"]}]
    assert mapping["target-gap-summary"]["unmapped-controls"] == [{"with-ids": ["C-1"]}]


def test_provenance_is_draft_while_criteria_are_unreviewed() -> None:
    """method human, rationale semantic; draft with an unreviewed criterion, complete without."""
    draft = _validated_mapping(mapping_document(small_crosswalk(unreviewed=True)))
    done = _validated_mapping(mapping_document(small_crosswalk()))
    assert draft["provenance"]["status"] == "draft"
    assert done["provenance"]["status"] == "complete"
    assert (done["provenance"]["method"], done["provenance"]["matching-rationale"]) == (
        "human",
        "semantic",
    )
    assert (
        "3 of the 4 links were proposed by criteria-compare's aligner"
        in done["provenance"]["remarks"]
    )
    assert "reviewer; 1 was made by hand." in done["provenance"]["remarks"]


def test_uuids_are_derived_so_a_re_export_is_identical() -> None:
    """Two exports of the same comparison are equal; every UUID is version 5 and unique."""
    first, second = mapping_document(small_crosswalk()), mapping_document(small_crosswalk())
    assert first == second
    text = json.dumps(first)
    collection = first["mapping-collection"]
    uuids = [collection["uuid"], *(m["uuid"] for m in collection["mappings"][0]["maps"])]
    assert len(set(uuids)) == len(uuids)
    assert all(u[14] == "5" for u in uuids)
    assert text.count(collection["uuid"]) == 1


def test_a_comparison_without_links_is_refused_in_one_sentence() -> None:
    """No confirmed link: OSCAL needs one map at least; one sentence says what to do."""
    with pytest.raises(ReportWriteError, match=r"no confirmed link yet.*confirm links"):
        mapping_document(small_crosswalk(links=False))


def test_catalogs_are_valid_and_import_back_as_the_same_program(tmp_path: Path) -> None:
    """Both catalogs validate; re-imported, they give the same refs, text, sections, guidance, levels."""
    crosswalk = small_crosswalk()
    mapping, catalogs = write_oscal_mapping(crosswalk, tmp_path / "m.json", catalogs=tmp_path)
    for path, criteria in zip(catalogs, (crosswalk.reference, crosswalk.partner), strict=True):
        CatalogModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
        back = read_criteria(path).criteria
        # criteria without a section sit in the catalog itself, so they come back first
        assert sorted((c.ref, c.text, c.section, c.guidance, c.level) for c in back) == sorted(
            (c.ref, c.text, c.section, c.guidance, c.level) for c in criteria
        )
    resources = json.loads(mapping.read_text(encoding="utf-8"))["mapping-collection"]["mappings"][0]
    assert resources["source-resource"]["href"] == catalogs[0].name
    controls = {
        c["id"]
        for g in catalog_document(crosswalk, "partner")["catalog"]["groups"]
        for c in g["controls"]
    }
    assert {m["targets"][0]["id-ref"] for m in resources["maps"]} <= controls


def test_cli_export_writes_a_valid_mapping_of_the_sample(
    sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export --oscal --oscal-catalogs --json` on the reviewed sample: valid, resolving, complete."""
    out, folder = tmp_path / "mapping.json", tmp_path / "catalogs"
    args = ["export", str(sample_project), "--oscal", str(out), "--oscal-catalogs", str(folder)]
    assert main([*args, "--marking", "FOR OFFICIAL USE ONLY", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "complete"
    assert len(result["oscal_catalogs"]) == 2
    collection = _validated_mapping(json.loads(out.read_text(encoding="utf-8")))
    mapping = collection["mappings"][0]
    assert len(mapping["maps"]) == result["links"] == 99
    assert mapping["source-resource"]["href"].startswith("catalogs/reference-")
    for name in result["oscal_catalogs"]:
        CatalogModel.model_validate(json.loads(Path(name).read_text(encoding="utf-8")))


def test_cli_export_refusals_are_one_sentence(
    sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing asked, a missing folder, the project file itself: exit 2, one line, nothing written."""
    cases = [
        (["export", str(sample_project)], "Nothing to export"),
        (
            ["export", str(sample_project), "--oscal", str(sample_project)],
            "is the project file itself",
        ),
        (
            ["export", str(sample_project), "--oscal", str(tmp_path / "no" / "m.json")],
            "does not exist",
        ),
        (
            [
                "export",
                str(sample_project),
                "--oscal-catalogs",
                str(tmp_path),
                "--ciso-assistant",
                str(tmp_path / "m.yaml"),
            ],
            "--oscal-catalogs goes with --oscal",
        ),
    ]
    for argv, expected in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert expected in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_ref_shaped_like_a_group_id_gets_its_own_control_id() -> None:
    """A criterion whose ref is "g-1" does not take the id of the catalog's first group."""
    from dataclasses import replace

    from criteria_compare.model import Criterion

    crosswalk = small_crosswalk()
    crosswalk = replace(crosswalk, partner=(*crosswalk.partner, Criterion("g-1", "Odd ref.", "C")))
    document = catalog_document(crosswalk, "partner")
    CatalogModel.model_validate(document)
    groups = document["catalog"]["groups"]
    ids = [g["id"] for g in groups] + [c["id"] for g in groups for c in g["controls"]]
    assert len(ids) == len(set(ids))
    assert "g-1-2" in ids


def test_catalog_files_someone_else_wrote_are_kept_unless_replace(tmp_path: Path) -> None:
    """A file of a catalog's name that is not our earlier export of that program stops the
    export before anything is written; our own earlier export is replaced without asking."""
    crosswalk = small_crosswalk()
    mapping, (reference, partner) = write_oscal_mapping(
        crosswalk, tmp_path / "m.json", catalogs=tmp_path
    )
    again = write_oscal_mapping(crosswalk, tmp_path / "m.json", catalogs=tmp_path)
    assert again == (mapping, (reference, partner))
    partner.write_text('{"catalog": {"uuid": "someone else\'s"}}', encoding="utf-8")
    mapping.unlink()
    with pytest.raises(
        FilesInTheWay, match=rf"{partner.name} already exists .* nothing was written"
    ) as caught:
        write_oscal_mapping(crosswalk, tmp_path / "m.json", catalogs=tmp_path)
    assert caught.value.paths == (partner,)
    assert not mapping.exists()
    assert "someone else" in partner.read_text(encoding="utf-8")
    write_oscal_mapping(crosswalk, tmp_path / "m.json", catalogs=tmp_path, replace=True)
    CatalogModel.model_validate(json.loads(partner.read_text(encoding="utf-8")))


def test_cli_export_refuses_to_replace_a_foreign_catalog_without_force(
    sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 and one sentence naming the file and --force; nothing written, not even the
    CISO Assistant export asked for in the same run; --force replaces it."""
    folder = tmp_path / "catalogs"
    args = ["export", str(sample_project), "--oscal", str(tmp_path / "m.json"), "--oscal-catalogs", str(folder)]  # fmt: skip
    assert main(args) == 0
    (reference,) = folder.glob("reference-*.catalog.json")
    reference.write_text("my own notes\n", encoding="utf-8")
    capsys.readouterr()
    both = [*args, "--ciso-assistant", str(tmp_path / "m.yaml")]
    assert main(both) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert reference.name in err
    assert "--force" in err
    assert reference.read_text(encoding="utf-8") == "my own notes\n"
    assert not (tmp_path / "m.yaml").exists()
    assert main([*both, "--force"]) == 0
    CatalogModel.model_validate(json.loads(reference.read_text(encoding="utf-8")))
