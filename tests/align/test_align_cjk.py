"""Japanese, Chinese and Korean text: CJK runs become character pairs, evidence points into the text,
and the Japanese sample crosswalk aligns with the lexical channels alone."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.align import AlignerSettings, align, tokenize
from criteria_compare.align.evaluate import evaluate, read_gold
from criteria_compare.align.normalize import cjk_pieces
from criteria_compare.importing import read_criteria
from criteria_compare.model import Criterion

SAMPLE = Path(__file__).parent / "eval" / "ja-trusted-trader"
LEXICAL = AlignerSettings(use_embedding=False)


def test_cjk_runs_become_overlapping_pairs_with_their_spans() -> None:
    text = "封印番号を確認 seal 검사"
    words = [(t.word, text[t.start : t.end]) for t in tokenize(text)]
    assert words[:6] == [
        ("封印", "封印"),
        ("印番", "印番"),
        ("番号", "番号"),
        ("号を", "号を"),
        ("を確", "を確"),
        ("確認", "確認"),
    ]
    assert ("seal", "seal") in words
    assert ("검사", "검사") in words
    assert cjk_pieces("鍵", 4) == [("鍵", (4, 5))]
    assert cjk_pieces("ISO2701認証", 0) == [("ISO2701", (0, 7)), ("認証", (7, 9))]
    assert cjk_pieces("container", 3) == [("container", (3, 12))]


def test_japanese_sample_aligns_lexically() -> None:
    """Without the encoder, 10 of 12 first suggestions are right and every right one is in the top 5."""
    source = read_criteria(SAMPLE / "source.csv").criteria
    target = read_criteria(SAMPLE / "target.csv").criteria
    gold = read_gold(SAMPLE / "gold.csv", source, target)
    metrics = evaluate(source, target, gold, LEXICAL).aligner
    assert metrics.n == 12
    assert metrics.top1 >= 10 / 12
    assert metrics.hit5 == 1.0


def test_evidence_highlights_shared_characters_in_both_texts() -> None:
    ref = [Criterion("A", "封印番号を記録すること。")]
    par = [Criterion("B", "封印の番号を控えること。"), Criterion("C", "来訪者は記帳する。")]
    (top, *_rest) = align(ref, par, LEXICAL).forward["A"]
    assert top.target_ref == "B"
    ev = top.evidence
    assert "封印" in ev.shared_terms
    assert ev.source_spans
    assert ev.target_spans
    shown = {par[0].text[a:b] for a, b in ev.target_spans}
    assert "封印" in shown or any("封印" in s for s in shown)
