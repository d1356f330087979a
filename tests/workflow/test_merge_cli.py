"""`criteria-compare merge BASE OURS THEIRS -o OUT [--json]`: the JSON contract, exit statuses, one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.project import Project
from tests.workflow.merge_fixtures import make_copies


def _args(copies, *extra: str) -> list[str]:
    return ["merge", str(copies.base), str(copies.ours), str(copies.theirs), "-o", str(copies.out), *extra]  # fmt: skip


def test_json_is_exactly_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with taken_ours, taken_theirs, same, the conflicts and the changes
    not taken, nothing else."""
    copies = make_copies(
        tmp_path,
        lambda p: p.decide("6.1", link=(("P-4", "equal"),)),
        lambda p: (p.decide("7.10", note="Ours."), p.set_relation("6.1", "P-4", "subset_of")),
        lambda p: (
            p.decide("7.10", note="Theirs."),
            p.set_relation("6.1", "P-4", "superset_of"),
            p.decide("1.1", discussion=True),
            p.reject("3.1", "P-5"),
        ),
    )
    assert main([*_args(copies), "--json", "--reviewer", "dana"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data == {
        "taken_ours": 0,
        "taken_theirs": 2,
        "same": 0,
        "conflicts": [
            {
                "ref": "6.1",
                "field": "link",
                "partner": "P-4",
                "base": "equal",
                "ours": "subset_of",
                "theirs": "superset_of",
            },
            {"ref": "7.10", "field": "note", "base": "", "ours": "Ours.", "theirs": "Theirs."},
        ],
        "not_taken": [],
    }
    assert "2 conflicts" in captured.err
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.history()[0].reviewer == "dana"
        assert len(merged.merge_conflicts()) == 2


def test_text_output_lists_the_conflicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --json one summary line and one line per conflict."""
    copies = make_copies(
        tmp_path, None, lambda p: p.decide("7.10", note="Ours."), lambda p: p.decide("7.10", note="Theirs.")
    )  # fmt: skip
    assert main(_args(copies)) == 0
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert out[0].startswith("Merged into merged.ccproj: 0 changes taken from theirs")
    assert "1 conflict kept ours, to be resolved." in out[0]
    assert captured.err.startswith(
        "criteria-compare: 1 conflict keeps our value in merged.ccproj; resolve it"
    )
    assert out[1].split() == ["7.10", "note", "base", "(none),", "ours", '"Ours.",', "theirs", '"Theirs."']  # fmt: skip


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing", "does not exist"),
        ("not-a-project", "not a criteria-compare project"),
        ("out-is-ours", "never overwritten"),
        ("other-comparison", "created separately"),
        ("out-folder-missing", "does not exist; create it first"),
    ],
)
def test_bad_input_is_exit_2_and_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, expected: str) -> None:  # fmt: skip
    """Each user-fixable problem exits 2 with one line on stderr, nothing on stdout, no OUT."""
    copies = make_copies(tmp_path / "a", None, lambda p: p.decide("7.10", note="A."), None)
    args = _args(copies, "--json")
    if case == "missing":
        args[3] = str(tmp_path / "nope.ccproj")
    elif case == "not-a-project":
        (tmp_path / "notes.ccproj").write_text("just some notes", encoding="utf-8")
        args[3] = str(tmp_path / "notes.ccproj")
    elif case == "out-is-ours":
        args[5] = str(copies.ours)
    elif case == "other-comparison":
        args[3] = str(make_copies(tmp_path / "b").theirs)
    else:
        args[5] = str(tmp_path / "no-such-folder" / "m.ccproj")
    before = copies.ours.read_bytes()
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert expected in captured.err
    assert "Traceback" not in captured.err
    assert not copies.out.exists()
    assert copies.ours.read_bytes() == before


def test_missing_output_option_is_a_usage_error(tmp_path: Path) -> None:
    """-o OUT is required."""
    copies = make_copies(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["merge", str(copies.base), str(copies.ours), str(copies.theirs)])
    assert exc.value.code == 2


def test_status_counts_the_unresolved_conflicts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """`status` says how many merge conflicts are left ("merge_conflicts" in --json)."""
    copies = make_copies(
        tmp_path, None, lambda p: p.decide("7.10", note="Ours."), lambda p: p.decide("7.10", note="Theirs.")
    )  # fmt: skip
    assert main(_args(copies)) == 0
    capsys.readouterr()
    assert main(["status", str(copies.out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["merge_conflicts"] == 1
    assert main(["status", str(copies.out)]) == 0
    assert "merge conflicts 1" in capsys.readouterr().out
    assert main(["status", str(copies.ours), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["merge_conflicts"] == 0
