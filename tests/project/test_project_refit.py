"""workflow.realign.refit_project and `criteria-compare refit`: re-fitting from the project's confirmed links."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from criteria_compare.align import AlignerSettings
from criteria_compare.cli import main
from criteria_compare.model import Criterion, Program
from criteria_compare.project import Decision, Project
from criteria_compare.workflow.realign import aligner_settings, realign, refit_project

# Lexical only (fast, no model), and no section field, so copies of one text tie exactly.
SETTINGS = AlignerSettings(use_embedding=False, weight_section=0.0)
SYLLABLES = ("ka", "lo", "mi", "nu", "pe", "ri", "su", "ta", "vo", "xe", "bo", "de")


def _text(topic: int) -> str:
    pairs = list(itertools.permutations(SYLLABLES, 2))
    return " ".join(
        a + b + a for a, b in (pairs[(topic * 7 + i * 31) % len(pairs)] for i in range(4))
    )


def _programs() -> tuple[Program, Program, list[tuple[str, str]]]:
    """30 reference criteria in 6 sections; each text three times on the partner side, the
    right copy always in the partner section that matches the reference section."""
    reference, partner, links = [], [], []
    for topic in range(30):
        section = topic % 6
        reference.append(Criterion(f"R{topic}", _text(topic), f"Reference area {section}"))
        homes = [(section + shift) % 6 for shift in range(3)]
        homes = homes[topic % 3 :] + homes[: topic % 3]
        for copy, home in enumerate(homes):
            partner.append(Criterion(f"P{topic}-{copy}", _text(topic), f"Partner area {home}"))
            if home == section:
                links.append((f"R{topic}", f"P{topic}-{copy}"))
    return (
        Program("Reference", tuple(reference)),
        Program("Partner", tuple(partner)),
        links,
    )


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, list[tuple[str, str]]]:
    """A closed project whose reviewers confirmed every right copy, and its links."""
    reference, partner, links = _programs()
    path = tmp_path / "review.ccproj"
    with Project.create(path, reference, partner, settings=SETTINGS, reviewer="alice") as project:
        realign(project)
        project.apply([Decision(r, status="aligned", link=((p, "equal"),)) for r, p in links])
    return path, links


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_project_refit_reads_links_and_writes_nothing(linked) -> None:
    path, _ = linked
    with Project.open(path) as project:
        history = len(project.history())
        result = refit_project(project)
        assert result.adopted
        assert result.n_links == 30
        assert result.settings.weight_affinity > 0
        assert aligner_settings(project) == SETTINGS
        assert len(project.history()) == history


def test_project_refit_works_on_a_read_only_project(linked) -> None:
    path, _ = linked
    with Project.open(path, read_only=True) as project:
        result = refit_project(project)
    assert result.adopted


def test_project_refit_leaves_rejected_pairs_out(linked) -> None:
    """Rejecting every wrong copy puts each link first with the current weights: nothing to win."""
    path, links = linked
    with Project.open(path) as project:
        project.apply(
            [
                Decision(r, reject=tuple(f"{p[:-1]}{c}" for c in "012" if f"{p[:-1]}{c}" != p))
                for r, p in links
            ]
        )
        result = refit_project(project)
    assert result.before is not None
    assert result.before.mrr == 1.0
    assert not result.adopted


def test_realign_feeds_confirmed_links_to_the_affinity_channel(linked) -> None:
    path, _ = linked
    with Project.open(path) as project:
        realign(project, settings=SETTINGS.replace(weight_affinity=1.0))
        top = project.suggestions("R0")[0]
        assert top.evidence.channels["affinity"] == 1.0
        assert project.partner_suggestions("P0-0")[0].evidence.channels.get("affinity") is not None


def test_cli_refit_json_shape_and_no_write(capsys, linked) -> None:
    path, _ = linked
    status, out, _err = run(capsys, "refit", str(path), "--json")
    assert status == 0
    data = json.loads(out)
    assert set(data) == {
        "project",
        "adopted",
        "applied",
        "message",
        "n_links",
        "n_rows",
        "before",
        "after",
        "weights_before",
        "weights_after",
        "channels",
        "notices",
        "settings",
    }
    assert data["adopted"] is True
    assert data["applied"] is False
    assert set(data["before"]) == {"top1", "mrr", "n"}
    assert data["after"]["mrr"] > data["before"]["mrr"]
    assert data["weights_after"]["affinity"] > 0 == data["weights_before"]["affinity"]
    assert data["settings"]["weight_affinity"] == data["weights_after"]["affinity"]
    with Project.open(path) as project:
        assert aligner_settings(project) == SETTINGS


def test_cli_refit_text_says_what_to_do(capsys, linked) -> None:
    path, _ = linked
    status, out, _ = run(capsys, "refit", str(path))
    assert status == 0
    assert out.startswith("Of the ")
    assert "would have put" in out
    assert "first place" in out
    for jargon in ("MRR", "top-1", "Top-1", "held-out", "channel weight"):
        assert jargon not in out
    assert "--apply" in out


def test_cli_refit_apply_stores_settings_and_realigns(capsys, linked) -> None:
    path, _ = linked
    with Project.open(path) as project:
        before = project.alignment_info()["timestamp"]
    status, out, _ = run(capsys, "refit", str(path), "--apply", "--reviewer", "bob", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["adopted"]
    assert data["applied"]
    with Project.open(path) as project:
        assert aligner_settings(project).weight_affinity == data["weights_after"]["affinity"] > 0
        entry = next(e for e in project.history() if e.action == "settings")
        assert entry.reviewer == "bob"
        assert json.loads(entry.new_value)["weight_affinity"] > 0
        assert project.alignment_info()["timestamp"] >= before
        assert "affinity" in project.suggestions("R1")[0].evidence.channels


def test_cli_refit_apply_on_a_read_only_project_fails_in_one_sentence(
    capsys, linked, monkeypatch
) -> None:
    from criteria_compare.project import store

    path, _ = linked
    monkeypatch.setattr(store, "writable", lambda _path: False)
    status, out, err = run(capsys, "refit", str(path), "--json")
    assert status == 0
    assert json.loads(out)["applied"] is False
    status, out, err = run(capsys, "refit", str(path), "--apply")
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "--apply" in err
    assert "without --apply" in err
    monkeypatch.undo()
    with Project.open(path) as project:
        assert aligner_settings(project) == SETTINGS


def test_cli_refit_with_too_few_links_says_so(capsys, tmp_path) -> None:
    reference, partner, links = _programs()
    path = tmp_path / "few.ccproj"
    with Project.create(path, reference, partner, settings=SETTINGS) as project:
        project.apply([Decision(r, link=((p, "equal"),)) for r, p in links[:5]])
    status, out, _ = run(capsys, "refit", str(path), "--apply")
    assert status == 0
    assert out.splitlines()[0] == "Only 5 confirmed links; confirm at least 20 before re-fitting."
    assert "Nothing was changed." in out


def test_cli_refit_unknown_project_exits_2(capsys, tmp_path) -> None:
    status, out, err = run(capsys, "refit", str(tmp_path / "missing.ccproj"))
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
