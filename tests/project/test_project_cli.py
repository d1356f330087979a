"""The headless pipeline from the command line: new -> decide -> status --json -> history."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.project import Project

REFERENCE_CSV = """id,section,text,must/should
1.1,Security Vision,A named manager answers for the supply chain security programme.,Must
2.1,Risk Assessment,Threats along the supply chain are assessed every year in writing.,Must
6.1,Seal Security,Every loaded container gets a high security seal whose number is recorded.,Must
7.10,Procedural Security,Shortages and overages of cargo are reported to a supervisor the same day.,Should
"""
PARTNER_CSV = """ref,category,requirement
A-1,Organisation,The operator appoints a security officer who answers for protective measures.
A-2,Risk,Risks to the logistics chain are assessed at least once a year.
A-3,Cargo,Containers are sealed after loading and seal numbers are kept in a log.
A-4,Records,Commercial records are kept for five years.
"""


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    """Two small CSV files written in tmp_path."""
    ref = tmp_path / "reference.csv"
    partner = tmp_path / "partner.csv"
    ref.write_text(REFERENCE_CSV, encoding="utf-8")
    partner.write_text(PARTNER_CSV, encoding="utf-8")
    return ref, partner


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process and return (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _new(capsys, tmp_path: Path, inputs: tuple[Path, Path], *extra: str) -> Path:
    project = tmp_path / "review.ccproj"
    status, _, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(inputs[0]),
        "--partner",
        str(inputs[1]),
        "--reference-name",
        "CTPAT MSC",
        "--partner-name",
        "Meridia",
        "--no-embedding",
        *extra,
    )
    assert status == 0, err
    return project


def test_pipeline_new_decide_status_history(capsys, tmp_path: Path, inputs) -> None:
    """A project made from two CSV files takes decisions, reports counts and shows its history."""
    project = tmp_path / "review.ccproj"
    status, out, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(inputs[0]),
        "--partner",
        str(inputs[1]),
        "--reference-name",
        "CTPAT MSC",
        "--partner-name",
        "Meridia",
        "--no-embedding",
    )
    assert status == 0, err
    assert "CTPAT MSC: 4 criteria" in out
    assert "Meridia: 4 criteria" in out
    assert "suggestions" in out

    status, out, err = run(
        capsys,
        "decide",
        str(project),
        "6.1",
        "--status",
        "aligned",
        "--link",
        "A-3",
        "--relation",
        "equal",
        "--reviewer",
        "Dana",
    )
    assert (status, err) == (0, "")
    assert out.startswith("6.1: Aligned; links: A-3 (equal)")
    assert (
        run(
            capsys,
            "decide",
            str(project),
            "2.1",
            "--status",
            "partial",
            "--link",
            "A-2",
            "--relation",
            "superset_of",
            "--note",
            "Reference asks for a written record.",
            "--discussion",
        )[0]
        == 0
    )
    assert run(capsys, "decide", str(project), "7.10", "--status", "gap")[0] == 0

    status, out, err = run(capsys, "status", str(project), "--json")
    assert status == 0
    assert err == ""
    data = json.loads(out)  # exactly one JSON object and nothing else
    assert {
        k: data["reference"][k]
        for k in ("total", "unreviewed", "aligned", "partial", "gap", "conflict", "not_applicable")
    } == {
        "total": 4,
        "unreviewed": 1,
        "aligned": 1,
        "partial": 1,
        "gap": 1,
        "conflict": 0,
        "not_applicable": 0,
    }
    assert (data["links"], data["rejected"], data["partner_only"], data["discussion_points"]) == (
        2,
        0,
        2,
        1,
    )

    status, out, _ = run(capsys, "history", str(project), "--ref", "6.1", "--json")
    entries = json.loads(out)["entries"]
    assert [(e["action"], e["new_value"], e["reviewer"]) for e in entries] == [
        ("status", "aligned", "Dana"),
        ("link", "equal", "Dana"),
    ]
    status, out, _ = run(capsys, "history", str(project))
    lines = out.splitlines()
    assert "gap" in lines[0]
    assert "7.10" in lines[0]
    assert "create" in lines[-1]

    status, out, _ = run(capsys, "status", str(project))
    assert "Aligned" in out
    assert "partner-only" in out


def test_new_refuses_to_overwrite(capsys, tmp_path: Path, inputs) -> None:
    """`new` on an existing project exits 2 with a sentence and keeps the old file; --force replaces it."""
    project = _new(capsys, tmp_path, inputs)
    run(capsys, "decide", str(project), "7.10", "--status", "gap")
    before = project.read_bytes()
    status, out, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(inputs[0]),
        "--partner",
        str(inputs[1]),
        "--no-embedding",
    )
    assert status == 2
    assert out == ""
    assert "already exists" in err
    assert "--force" in err
    assert len(err.splitlines()) == 1
    assert project.read_bytes() == before
    _new(capsys, tmp_path, inputs, "--force")
    with Project.open(project) as p:
        assert p.assessment("7.10").status.value == "unreviewed"
    assert sorted(x.name for x in tmp_path.iterdir()) == [
        "partner.csv",
        "reference.csv",
        "review.ccproj",
    ]


def test_new_with_bad_input_leaves_no_file(capsys, tmp_path: Path, inputs) -> None:
    """A missing input or bad --columns JSON gives exit 2 and writes nothing."""
    project = tmp_path / "x.ccproj"
    status, _, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(tmp_path / "nope.csv"),
        "--partner",
        str(inputs[1]),
        "--no-embedding",
    )
    assert status == 2
    assert "nope.csv" in err
    status, _, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(inputs[0]),
        "--partner",
        str(inputs[1]),
        "--reference-columns",
        "{ref: ID}",
    )
    assert status == 2
    assert "--reference-columns is not valid JSON" in err
    status, _, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(inputs[0]),
        "--partner",
        str(inputs[1]),
        "--partner-columns",
        '{"colour": "A"}',
    )
    assert status == 2
    assert "unknown column role 'colour'" in err
    assert not project.exists()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["partner.csv", "reference.csv"]


def test_column_mapping_options_are_used(capsys, tmp_path: Path) -> None:
    """--reference-columns picks the columns when headers are not recognised."""
    ref = tmp_path / "r.csv"
    ref.write_text(
        "Code,Wording\nX-1,Seals are checked at the gate.\nX-2,Visitors wear badges.\n",
        encoding="utf-8",
    )
    partner = tmp_path / "p.csv"
    partner.write_text(PARTNER_CSV, encoding="utf-8")
    project = tmp_path / "c.ccproj"
    status, _, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(ref),
        "--partner",
        str(partner),
        "--reference-columns",
        '{"ref": "Code", "text": "Wording"}',
        "--no-embedding",
        "--json",
    )
    assert status == 0, err
    with Project.open(project) as p:
        assert [c.ref for c in p.reference.criteria] == ["X-1", "X-2"]
        assert p.import_settings("reference")["columns"]["text"] == "Wording"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["9.99", "--status", "gap"], "no reference criterion '9.99'"),
        (["6.1", "--status", "maybe"], "Unknown status 'maybe'"),
        (["6.1", "--link", "A-3", "--relation", "same"], "Unknown relation 'same'"),
        (["6.1", "--link", "Z-9"], "no partner criterion 'Z-9'"),
        (["6.1", "--status", "aligned"], "(e.g. --link PARTNER_REF --relation equal)"),
        (["6.1", "--status", "conflict"], "incompatible with --note '...'"),
        (["6.1", "--status", "partial", "--link", "A-1"], "stricter with --note '...'"),
        (
            [
                "6.1",
                "--link",
                "A-1",
                "--link",
                "A-2",
                "--relation",
                "equal",
                "--relation",
                "equal",
                "--relation",
                "equal",
            ],
            "one per link",
        ),
        (["6.1"], "Nothing to record"),
        (["6.1", "--status", "gap", "--reviewer", " "], "reviewer name is empty"),
    ],
)
def test_decide_errors_exit_2_and_change_nothing(capsys, tmp_path, inputs, argv, message) -> None:
    """Unknown refs or values and broken verdict rules: one sentence on stderr, exit 2, no change."""
    project = _new(capsys, tmp_path, inputs)
    before = run(capsys, "history", str(project), "--json")[1]
    status, out, err = run(capsys, "decide", str(project), *argv)
    assert status == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert run(capsys, "history", str(project), "--json")[1] == before


def test_decide_several_links_and_json(capsys, tmp_path, inputs) -> None:
    """--link can be repeated with one relation each; --json prints the resulting state."""
    project = _new(capsys, tmp_path, inputs)
    status, out, _ = run(
        capsys,
        "decide",
        str(project),
        "1.1",
        "--status",
        "partial",
        "--note",
        "Only half covered.",
        "--link",
        "A-1",
        "--relation",
        "subset_of",
        "--link",
        "A-2",
        "--relation",
        "intersects_with",
        "--reject",
        "A-4",
        "--json",
    )
    assert status == 0
    data = json.loads(out)
    assert data["links"] == [
        {"partner_ref": "A-1", "relation": "subset_of"},
        {"partner_ref": "A-2", "relation": "intersects_with"},
    ]
    assert data["rejected"] == ["A-4"]
    assert data["status"] == "partial"


def test_decide_unlinking_the_last_link_resets_the_verdict_and_says_so(
    capsys, tmp_path, inputs
) -> None:
    """As in the review screen, --unlink of an aligned criterion's only link makes it Unreviewed, with a notice."""
    project = _new(capsys, tmp_path, inputs)
    run(capsys, "decide", str(project), "6.1", "--status", "aligned", "--link", "A-3")
    status, out, err = run(capsys, "decide", str(project), "6.1", "--unlink", "A-3", "--json")
    assert status == 0
    message = "6.1 has no link left, so its verdict went back to Unreviewed."
    assert err.strip() == f"criteria-compare: {message}"
    data = json.loads(out)
    assert data["status"] == "unreviewed"
    assert data["links"] == []
    assert data["resets"] == [
        {
            "ref": "6.1",
            "previous": "aligned",
            "status": "unreviewed",
            "reason": "last_link_removed",
            "message": message,
        }
    ]


def test_align_keeps_decisions(capsys, tmp_path, inputs) -> None:
    """`align` replaces suggestions only; links, rejections and verdicts stay."""
    project = _new(capsys, tmp_path, inputs)
    run(capsys, "decide", str(project), "6.1", "--status", "aligned", "--link", "A-3")
    run(capsys, "decide", str(project), "1.1", "--reject", "A-1")
    status, out, err = run(capsys, "align", str(project), "--json")
    assert status == 0, err
    data = json.loads(out)
    assert (data["links"], data["rejected"], data["reviewed"]) == (1, 1, 1)
    with Project.open(project) as p:
        assert "A-1" not in [s.target_ref for s in p.suggestions("1.1")]
        assert p.assessment("6.1").status.value == "aligned"


def test_locked_project_exits_2_with_in_use(capsys, tmp_path, inputs, monkeypatch) -> None:
    """While another program writes the project, `decide` says it is in use (exit 2)."""
    import sqlite3

    import criteria_compare.project.connection as connection

    project = _new(capsys, tmp_path, inputs)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.1)
    other = sqlite3.connect(project, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        status, _, err = run(capsys, "decide", str(project), "7.10", "--status", "gap")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert status == 2
    assert "in use by another program" in err


def test_status_of_a_non_project(capsys, tmp_path) -> None:
    """`status` on a file that is not a project exits 2 with a sentence."""
    bogus = tmp_path / "bogus.ccproj"
    bogus.write_text("hello", encoding="utf-8")
    status, out, err = run(capsys, "status", str(bogus), "--json")
    assert status == 2
    assert out == ""
    assert "not a criteria-compare project" in err


@pytest.mark.slow
def test_pipeline_on_bundled_samples(tmp_path: Path, samples_dir: Path) -> None:
    """The installed command runs new -> decide -> status -> history on the bundled samples."""
    project = tmp_path / "samples.ccproj"
    exe = [sys.executable, "-m", "criteria_compare"]

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*exe, *argv], capture_output=True, text=True, timeout=300)

    done = cli(
        "new",
        str(project),
        "--reference",
        str(samples_dir / "ctpat_msc_importer.xlsx"),
        "--partner",
        str(samples_dir / "partner_aeo_meridia.xlsx"),
        "--reference-name",
        "CTPAT MSC",
        "--partner-name",
        "Meridia AEO-S",
    )
    assert done.returncode == 0, done.stderr
    assert "106 criteria" in done.stdout
    assert "93 criteria" in done.stdout
    gold = (samples_dir / "reference_mapping.csv").read_text(encoding="utf-8").splitlines()[1]
    ref, pref, relation = gold.split(",")
    done = cli(
        "decide",
        str(project),
        ref,
        "--status",
        "aligned",
        "--link",
        pref,
        "--relation",
        relation,
        "--reviewer",
        "sample-check",
    )
    assert done.returncode == 0, done.stderr
    done = cli("status", str(project), "--json")
    assert done.returncode == 0
    assert done.stderr == ""
    data = json.loads(done.stdout)
    assert data["reference"]["total"] == 106
    assert data["reference"]["aligned"] == 1
    assert data["partner_only"] == 92
    assert data["suggestions"] > 0
    done = cli("history", str(project), "--ref", ref)
    assert done.returncode == 0
    assert "sample-check" in done.stdout.splitlines()[0]


def test_undecodable_note_is_refused(capsys, tmp_path, inputs) -> None:
    """A note holding bytes that are not UTF-8 (surrogate-escaped argv) gets exit 2, not a crash."""
    project = _new(capsys, tmp_path, inputs)
    status, _, err = run(capsys, "decide", str(project), "7.10", "--note", "bad \udcff byte")
    assert status == 2
    assert "not valid UTF-8" in err


def test_history_of_unknown_ref_and_limit(capsys, tmp_path, inputs) -> None:
    """`history --ref` with a ref that never existed exits 2; --limit caps the entries."""
    project = _new(capsys, tmp_path, inputs)
    status, _, err = run(capsys, "history", str(project), "--ref", "42.42")
    assert status == 2
    assert "no reference criterion '42.42'" in err
    run(capsys, "decide", str(project), "7.10", "--status", "gap")
    status, out, _ = run(capsys, "history", str(project), "--limit", "1", "--json")
    assert status == 0
    assert [e["action"] for e in json.loads(out)["entries"]] == ["status"]


def test_pipeline_with_spanish_csv_partner(capsys, tmp_path: Path, samples_dir: Path) -> None:
    """The bundled Spanish partner CSV (legacy encoding) goes through new -> decide -> status."""
    project = tmp_path / "es.ccproj"
    status, out, err = run(
        capsys, "new", str(project),
        "--reference", str(samples_dir / "ctpat_msc_importer.xlsx"),
        "--partner", str(samples_dir / "partner_oea_es.csv"),
        "--partner-name", "OEA Valdoria", "--no-embedding", "--json",
    )  # fmt: skip
    assert status == 0, err
    data = json.loads(out)
    assert data["partner"]["criteria"] > 0
    assert data["partner"]["name"] == "OEA Valdoria"
    with Project.open(project) as p:
        first = p.partner.criteria[0]
        assert "ó" in "".join(c.text for c in p.partner.criteria)  # decoded, not mojibake
    status, _, err = run(
        capsys, "decide", str(project), "1.1", "--status", "partial",
        "--link", first.ref, "--relation", "intersects_with",
        "--note", "El socio exige menos; CTPAT es más estricto.",
    )  # fmt: skip
    assert status == 0, err
    summary = json.loads(run(capsys, "status", str(project), "--json")[1])
    assert summary["reference"]["partial"] == 1
    assert summary["links"] == 1


def test_decide_echoes_a_long_note_on_one_short_line_and_stores_it_whole(
    capsys, tmp_path, inputs
) -> None:
    """A pasted 5,000-character note is confirmed in one line of at most 300 characters; the
    project keeps every character."""
    project = _new(capsys, tmp_path, inputs)
    note = "The partner checks seals at every stop and records the number. " * 80
    status, out, _ = run(capsys, "decide", str(project), "7.10", "--status", "gap", "--note", note)
    assert status == 0
    [line] = [ln for ln in out.splitlines() if ln.startswith("  note: ")]
    assert len(line) <= len("  note: ") + 300
    assert line.endswith("…")
    from criteria_compare.project import Project

    with Project.open(project, read_only=True) as opened:
        assert opened.assessment("7.10").note == note
