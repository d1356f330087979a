"""Evaluation: metrics on a hand-computed example, gold-file errors, the evaluate CLI and its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.align.evaluate import (
    compute_metrics,
    rank_tfidf_baseline,
    rank_token_set_baseline,
    read_gold,
    with_guidance,
)
from criteria_compare.cli import main
from criteria_compare.errors import GoldFileError
from criteria_compare.model import Criterion

METRIC_KEYS = {"top1", "hit@3", "hit@5", "recall@5", "mrr", "n", "seconds"}


def test_metrics_on_a_hand_computed_example() -> None:
    """Three sources: gold at rank 1, at rank 4 (two targets, one found), and not ranked at all."""
    rankings = {
        "a": ["x", "y", "z"],
        "b": ["y", "z", "w", "x", "v"],
        "c": ["x", "y"],
        "d": ["x"],  # no gold: not counted
    }
    gold = {"a": frozenset({"x"}), "b": frozenset({"x", "q"}), "c": frozenset({"q"})}
    m = compute_metrics(rankings, gold, seconds=1.5)
    assert m.n == 3
    assert m.top1 == pytest.approx(1 / 3)
    assert m.hit3 == pytest.approx(1 / 3)
    assert m.hit5 == pytest.approx(2 / 3)
    assert m.recall5 == pytest.approx((1 + 0.5 + 0) / 3)
    assert m.mrr == pytest.approx((1 + 1 / 4 + 0) / 3)
    assert m.to_dict()["seconds"] == 1.5


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def eval_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A tiny source/target/gold crosswalk in the evaluation CSV format."""
    source = _write(
        tmp_path / "source.csv",
        "id,section,text\n"
        "S1,Seals,Seals on loaded containers are checked against the papers.\n"
        "S2,Access,Visitors show photo identification and are escorted.\n"
        "S3,IT,Company computers need strong passwords.\n",
    )
    target = _write(
        tmp_path / "target.csv",
        "id,section,text\n"
        "T1,Premises,Guests are escorted and present photo identification.\n"
        "T2,Cargo,Each container seal is verified against the papers.\n"
        "T3,IT,Strong password rules for company computers.\n"
        "T4,Customs,Declarations are filed on time.\n",
    )
    gold = _write(
        tmp_path / "gold.csv",
        "source_id,target_id,relationship\nS1,T2,equal\nS2,T1,equal\nS3,T3,equal\n",
    )
    return source, target, gold


def test_evaluate_json_shape(eval_files, capsys) -> None:
    """--json --baselines prints exactly one object with the aligner and both baselines."""
    source, target, gold = eval_files
    status = main(
        ["evaluate", str(source), str(target), str(gold), "--json", "--baselines", "--no-embedding"]
    )
    out, _err = capsys.readouterr()
    assert status == 0
    data = json.loads(out)
    assert set(data) == {"aligner", "baselines"}
    assert set(data["baselines"]) == {"tfidf", "token_set"}
    for metrics in (data["aligner"], *data["baselines"].values()):
        assert set(metrics) == METRIC_KEYS
        assert metrics["n"] == 3
    assert data["aligner"]["top1"] == 1.0


def test_evaluate_without_baselines_has_only_the_aligner(eval_files, capsys) -> None:
    """Without --baselines the object holds the aligner's metrics only."""
    source, target, gold = eval_files
    assert main(["evaluate", str(source), str(target), str(gold), "--json", "--no-embedding"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"aligner"}


def test_evaluate_text_output_is_a_table(eval_files, capsys) -> None:
    """Without --json a small table names each ranker and metric."""
    source, target, gold = eval_files
    assert (
        main(["evaluate", str(source), str(target), str(gold), "--no-embedding", "--baselines"])
        == 0
    )
    out = capsys.readouterr().out
    assert "aligner" in out
    assert "tfidf" in out
    assert "token_set" in out
    assert "mrr" in out


def test_encoder_notice_goes_to_stderr_not_into_the_json(
    broken_encoder, eval_files, capsys
) -> None:
    """With the encoder unavailable stdout still holds only JSON; the notice is on stderr."""
    source, target, gold = eval_files
    assert main(["evaluate", str(source), str(target), str(gold), "--json"]) == 0
    out, err = capsys.readouterr()
    json.loads(out)
    assert err.count("sentence encoder unavailable") == 1


def test_gold_with_unknown_ids_is_a_clear_error(eval_files, tmp_path, capsys) -> None:
    """Ids missing from SOURCE/TARGET give exit status 2 and one sentence listing them."""
    source, target, _ = eval_files
    bad = _write(tmp_path / "bad.csv", "source_id,target_id\nS9,T1\nS1,T8\n")
    assert main(["evaluate", str(source), str(target), str(bad), "--no-embedding"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "'S9'" in err
    assert "'T8'" in err
    assert "bad.csv" in err
    assert "Traceback" not in err


def test_gold_without_header_or_pairs_is_refused(tmp_path) -> None:
    """A gold file lacking the id columns, or any pairs, raises GoldFileError."""
    crit = (Criterion("S1", "x"),)
    with pytest.raises(GoldFileError, match="source_id"):
        read_gold(_write(tmp_path / "g1.csv", "a,b\nS1,T1\n"), crit, crit)
    with pytest.raises(GoldFileError, match="no pairs"):
        read_gold(_write(tmp_path / "g2.csv", "source_id,target_id\n"), crit, crit)


def test_many_missing_ids_are_summarised(tmp_path) -> None:
    """Only a few missing ids are listed, with a count of the rest."""
    crit = (Criterion("S1", "x"),)
    rows = "".join(f"S{i},S1\n" for i in range(2, 12))
    with pytest.raises(GoldFileError, match="and 5 more"):
        read_gold(_write(tmp_path / "g.csv", "source_id,target_id\n" + rows), crit, crit)


def test_baselines_rank_the_obvious_match_first() -> None:
    """Both baselines find an identical text; they use the text alone."""
    source = (Criterion("s", "Fence lighting at night", section="zzz"),)
    target = (Criterion("a", "zzz payroll"), Criterion("b", "Fence lighting at night"))
    assert rank_tfidf_baseline(source, target, 10)["s"][0] == "b"
    assert rank_token_set_baseline(source, target, 10)["s"][0] == "b"


def test_bad_k_is_refused(eval_files, capsys) -> None:
    """--k 0 is a usage error with one sentence."""
    source, target, gold = eval_files
    assert main(["evaluate", str(source), str(target), str(gold), "--k", "0"]) == 2
    assert "--k must be at least 1" in capsys.readouterr().err


def test_guidance_file_gives_target_criteria_their_guidance(eval_files, tmp_path, capsys) -> None:
    """--guidance merges a *_guidance.csv into TARGET's criteria (ids it does not name keep
    theirs); the merged file evaluates like any other."""
    source, target, gold = eval_files
    guidance = _write(
        tmp_path / "target_guidance.csv",
        "id,guidance\nT2,Compare the seal number with the bill of lading.\nT1,\n",
    )
    criteria = (Criterion("T1", "a", guidance="old"), Criterion("T2", "b"), Criterion("T3", "c"))
    merged = with_guidance(guidance, criteria)
    assert [c.guidance for c in merged] == [
        "",
        "Compare the seal number with the bill of lading.",
        "",
    ]
    args = ["evaluate", str(source), str(target), str(gold), "--json", "--no-embedding"]
    assert main([*args, "--guidance", str(guidance)]) == 0
    assert json.loads(capsys.readouterr().out)["aligner"]["top1"] == 1.0


def test_guidance_file_with_unknown_ids_or_no_header_is_one_sentence(
    eval_files, tmp_path, capsys
) -> None:
    """A guidance file naming ids TARGET lacks, or without id/guidance columns, is refused."""
    source, target, gold = eval_files
    for name, text, words in (
        ("g1.csv", "id,guidance\nT9,Some notes.\n", "'T9'"),
        ("g2.csv", "ref,notes\nT1,Some notes.\n", "'id' and 'guidance'"),
    ):
        bad = _write(tmp_path / name, text)
        args = ["evaluate", str(source), str(target), str(gold), "--no-embedding"]
        assert main([*args, "--guidance", str(bad)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1
        assert words in err
        assert name in err
    missing = tmp_path / "none.csv"
    assert main([*args, "--source-guidance", str(missing)]) == 2
    assert "cannot be read" in capsys.readouterr().err
