"""`criteria-compare exclude`: a footer row out of the project and back, from the command line."""

from __future__ import annotations

import json

from criteria_compare.cli import main
from criteria_compare.project import Project


def _closed(new_project) -> str:
    project = new_project()
    path = str(project.path)
    project.close()
    return path


def test_exclude_and_restore_with_json(new_project, capsys) -> None:
    """--json prints one object naming what is excluded now; status counts it; --restore undoes it."""
    path = _closed(new_project)
    assert main(["exclude", path, "--partner", "P-6", "--reason", "footer row", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["excluded"] is True
    assert [(e["side"], e["ref"], e["reason"]) for e in data["excluded_now"]] == [
        ("partner", "P-6", "footer row")
    ]
    assert main(["status", path, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["partner"]["total"] == 5
    assert status["partner"]["excluded"] == 1
    assert main(["exclude", path, "--partner", "P-6", "--restore"]) == 0
    captured = capsys.readouterr()
    assert "Restored partner criterion P-6." in captured.out
    assert "next alignment" in captured.err
    with Project.open(path) as project:
        assert len(project.partner.criteria) == 6


def test_exclude_refusals_exit_2_with_one_sentence(new_project, capsys) -> None:
    """An unknown ref or a criterion with a verdict: exit 2, one line, nothing changed."""
    path = _closed(new_project)
    assert main(["decide", path, "7.10", "--status", "gap"]) == 0
    capsys.readouterr()
    for argv, expected in (
        (["exclude", path, "--reference", "9.9"], "no reference criterion '9.9'"),
        (["exclude", path, "--reference", "7.10"], "carries reviewer decisions (the verdict gap)"),
        (["exclude", path, "--partner", "P-1", "--restore"], "P-1 is not excluded"),
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.splitlines() == [err]
        assert expected in err
    with Project.open(path) as project:
        assert project.excluded() == ()
