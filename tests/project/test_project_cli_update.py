"""`criteria-compare update`: the JSON contract, --dry-run writing nothing, --match, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.project import Project
from criteria_compare.workflow import update
from tests.workflow.edition_standin import StandIn
from tests.workflow.update_fixtures import partner_rows, reviewed_project, write_edition

CONTRACT = {"side", "edition", "matched", "removed", "added", "ambiguous", "carried", "suspect"}


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    reviewed_project(tmp_path / "review.ccproj").close()
    return tmp_path / "review.ccproj"


@pytest.fixture
def standin(monkeypatch) -> StandIn:
    """The update's matcher replaced by the exact stand-in (the real one is tested in align/)."""
    matcher = StandIn(unclear={"P-4": ["P-4a", "P-4b"]})
    monkeypatch.setattr(update, "_default_matcher", lambda: matcher)
    return matcher


def _new_edition(tmp_path: Path) -> Path:
    rows = partner_rows()
    rows["P-20"] = rows.pop("P-2")
    del rows["P-4"]
    rows["P-4a"] = ("Cargo", "Containers are sealed.")
    rows["P-4b"] = ("Cargo", "Seal numbers are logged.")
    return write_edition(tmp_path / "meridia-v4.csv", rows)


def test_dry_run_prints_the_contract_and_writes_nothing(
    project_path, tmp_path, standin, capsys
) -> None:
    """--dry-run --json: one object with the contract's keys; the project file's bytes are unchanged."""
    before = project_path.read_bytes()
    argv = [
        "update",
        str(project_path),
        "--partner",
        str(_new_edition(tmp_path)),
        "--dry-run",
        "--json",
    ]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= CONTRACT
    assert data["side"] == "partner"
    assert {"old": "P-2", "new": "P-20", "change": "renumbered"} in data["matched"]
    assert data["ambiguous"] == [{"old": "P-4", "candidates": ["P-4a", "P-4b"]}]
    assert set(data["carried"]) == {"links", "assessments", "rejections"}
    assert isinstance(data["suspect"], int)
    assert data["dry_run"] is True
    assert project_path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_unsettled_match_exits_2_then_match_settles_it(
    project_path, tmp_path, standin, capsys
) -> None:
    """Without --match: exit 2, one sentence naming P-4 and --match, nothing written; with it, applied."""
    new = str(_new_edition(tmp_path))
    before = project_path.read_bytes()
    assert main(["update", str(project_path), "--partner", new]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert "Old criterion P-4 could be any of P-4a, P-4b" in err
    assert "--match P-4=NEW" in err
    assert project_path.read_bytes() == before
    argv = [
        "update",
        str(project_path),
        "--partner",
        new,
        "--match",
        "P-4=P-4a",
        "--edition",
        "v4",
        "--json",
        "--reviewer",
        "bob",
    ]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert {
        "old": "P-4",
        "new": "P-4a",
        "change": "reworded" if False else data["matched"][3]["change"],
    } in data["matched"]
    assert data["edition"]["label"] == "v4"
    assert Path(data["backup"]).exists()
    with Project.open(project_path) as project:
        assert [lk.partner_ref for lk in project.links("6.1")] == ["P-4a"]
        assert project.editions("partner")[-1].imported_by == "bob"
    assert main(["status", str(project_path), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert [e["label"] for e in status["partner"]["editions"]][-1] == "v4"


def test_match_removed_settles_as_removed(project_path, tmp_path, standin, capsys) -> None:
    """--match P-4= says the old criterion was removed; its link is listed as dropped on stderr."""
    argv = [
        "update",
        str(project_path),
        "--partner",
        str(_new_edition(tmp_path)),
        "--match",
        "P-4=",
        "--json",
    ]
    assert main(argv) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert "P-4" in data["removed"]
    assert "decision on a removed criterion: 6.1 -> P-4" in captured.err


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--match", "P-4"], "--match 'P-4' is not OLD=NEW"),
        (["--match", "P-4=P-4a", "--match", "P-4=P-4b"], "two answers for P-4"),
        (["--match", "P-9=P-4a"], "P-9"),
        (["--columns", "[1]"], "--columns must be a JSON object"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    project_path, tmp_path, standin, capsys, extra, expected
) -> None:
    """Each bad option value: exit 2, one sentence, the project unchanged."""
    new = str(_new_edition(tmp_path))
    if extra == ["--match", "P-9=P-4a"]:
        standin.unclear = {}

        def strict(old, new_, *, settled=None, **kw):
            from criteria_compare.errors import UnknownRef

            if settled and "P-9" in settled:
                raise UnknownRef("There is no old criterion 'P-9'; check --match.")
            return StandIn()(old, new_, settled=settled, **kw)

        update_matcher = strict
        import criteria_compare.workflow.update as mod

        mod._default_matcher = lambda: update_matcher  # restored by the standin fixture
    before = project_path.read_bytes()
    assert main(["update", str(project_path), "--partner", new, *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert expected in err
    assert project_path.read_bytes() == before


def test_hostile_and_mismatched_files_are_refused(project_path, tmp_path, standin, capsys) -> None:
    """A file that is not a spreadsheet, an empty CSV, and the project itself: exit 2, one line each."""
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook")
    empty = tmp_path / "empty.csv"
    empty.write_text("Ref,Requirement\n", encoding="utf-8")
    before = project_path.read_bytes()
    for source in (junk, empty, project_path):
        assert main(["update", str(project_path), "--partner", str(source)]) == 2
        err = capsys.readouterr().err.strip()
        assert err.splitlines() == [err], source
    assert project_path.read_bytes() == before


def test_reference_file_as_partner_is_refused(project_path, tmp_path, standin, capsys) -> None:
    """The other program's file given as the new partner edition: refused, --force named."""
    from tests.workflow.update_fixtures import reference_rows

    standin.unclear = {}
    path = write_edition(tmp_path / "msc.csv", reference_rows())
    assert main(["update", str(project_path), "--partner", str(path), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "matches only 0 of the 6 criteria" in err
    assert "--force" in err


def test_text_output_names_counts(project_path, tmp_path, standin, capsys) -> None:
    """Without --json the preview is a short table and says nothing was written."""
    argv = ["update", str(project_path), "--partner", str(_new_edition(tmp_path)), "--dry-run"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Would update the partner program of review.ccproj to edition 2" in out
    assert "renumbered" in out
    assert "unclear: P-4 -> one of P-4a, P-4b" in out
    assert "carried: 3 links, 4 verdicts, 1 rejection; 0 reference criteria to look" in out
    assert "Nothing was written (--dry-run)." in out


def test_update_with_the_real_matcher_end_to_end(project_path, tmp_path, capsys) -> None:
    """With align.editions' own matcher: reworded, renumbered, removed and added are found, the
    decisions follow, the report's appendix is written and a second update works too."""
    rows = partner_rows()
    rows["P-1"] = (
        "Organisation",
        "A named security officer coordinates and reviews protective measures.",
    )
    rows["P-20"] = rows.pop("P-2")
    del rows["P-3"]
    rows["P-7"] = ("Crisis", "The operator keeps a plan for recovering from incidents.")
    new = write_edition(tmp_path / "meridia-v4.csv", rows)
    assert main(["update", str(project_path), "--partner", str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {(m["old"], m["new"], m["change"]) for m in data["matched"]} >= {
        ("P-1", "P-1", "reworded"),
        ("P-2", "P-20", "renumbered"),
    }
    assert data["removed"] == ["P-3"]
    assert data["added"] == ["P-7"]
    assert data["suspect"] == 1
    rows["P-200"] = rows.pop("P-20")
    again = write_edition(tmp_path / "meridia-v5.csv", rows)
    assert main(["update", str(project_path), "--partner", str(again), "--edition", "v5"]) == 0
    capsys.readouterr()
    with Project.open(project_path) as project:
        assert [e.label for e in project.editions("partner")] == ["v3", "meridia-v4", "v5"]
        assert [lk.partner_ref for lk in project.links("2.1")] == ["P-200"]
    assert main(["report", str(project_path), "-o", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").stat().st_size > 5_000


def test_status_gives_the_latest_updates_counts_and_the_suspect_decisions(
    project_path, tmp_path, capsys
) -> None:
    """After a split and other changes, status --json has the same counts as the update printed,
    for the updated side's edition only, and the number of decisions to look at again."""
    matcher = StandIn({"P-4": [("P-4a", "split"), ("P-4b", "split")]})
    rows = partner_rows()
    rows["P-1"] = ("Organisation", "A named officer coordinates and reviews protective measures.")
    rows["P-20"] = rows.pop("P-2")
    del rows["P-3"], rows["P-4"]
    rows["P-4a"] = ("Cargo", "Containers are sealed.")
    rows["P-4b"] = ("Cargo", "Seal numbers are logged.")
    rows["P-7"] = ("Crisis", "The operator keeps a recovery plan.")
    new = write_edition(tmp_path / "meridia-v4.csv", rows)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(update, "_default_matcher", lambda: matcher)
        assert main(["update", str(project_path), "--partner", str(new), "--json"]) == 0
    applied = json.loads(capsys.readouterr().out)
    assert main(["status", str(project_path), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    latest = status["partner"]["editions"][-1]["changes"]
    assert latest == {
        "unchanged": 2,  # P-5, P-6
        "reworded": 1,
        "renumbered": 1,
        "renumbered_reworded": 0,
        "split": 2,
        "merged": 0,
        "removed": 1,
        "added": 1,
    }
    assert {k: v for k, v in applied["counts"].items() if k != "ambiguous"} == latest
    assert status["partner"]["editions"][0]["changes"] is None  # the first import
    assert [e["changes"] for e in status["reference"]["editions"]] == [None]
    assert status["suspect"] == applied["suspect"] == 2  # 1.1 (P-1 reworded), 6.1 (P-4 split)
    assert main(["status", str(project_path)]) == 0
    out = capsys.readouterr().out
    assert "changes: 2 unchanged, 1 reworded, 1 renumbered, 2 split, 1 removed, 1 added" in out


def test_dry_run_names_decisions_on_unclear_criteria_as_at_stake(
    project_path, tmp_path, standin, capsys
) -> None:
    """Before --match settles P-4 (6.1's link), its decisions are at stake, not on a removed
    criterion; with P-4 settled as removed they are."""
    new = str(_new_edition(tmp_path))
    assert main(["update", str(project_path), "--partner", new, "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "decision on a removed criterion: 6.1" not in err
    assert (
        "decision at stake on unclear criterion P-4 (settle it with --match P-4=NEW): "
        "6.1 -> P-4: link to P-4 (equal)"
    ) in err
    assert "decision at stake until the unclear criteria are settled: 6.1: " in err
    argv = ["update", str(project_path), "--partner", new, "--dry-run", "--match", "P-4="]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "decision on a removed criterion: 6.1 -> P-4: link to P-4 (equal)" in err
    assert "unclear" not in err
