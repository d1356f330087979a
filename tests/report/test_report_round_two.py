"""The report a delegation reads: draft-aware words, key findings, internals in an annex only,
the partner's guidance, tidied text, locale paper, running header cut by rule, embedded fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.model import Criterion, HistoryEntry, Status
from criteria_compare.project import Decision, Project
from criteria_compare.report import ReportOptions, collect, default_author, render_pdf
from criteria_compare.report.escape import tidy_text
from criteria_compare.report.i18n import translator
from criteria_compare.report.options import default_page_size
from criteria_compare.report.pdf_annex import net_changes
from criteria_compare.report.pdf_template import shortened, shortened_names
from criteria_compare.report.synthetic import reviewed_sample_project, synthetic_report_data
from tests.report.report_helpers import pdf_pages

OS_ACCOUNT = "svc-build7"
#: Words of the engine's settings table that must stay out of the main text.
ENGINE_WORDS = ("bm25", "shortlist max df", "full pairs limit", "block size", "status=unreviewed")


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


@pytest.fixture(scope="module")
def half_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, created by an OS account and aligned, half reviewed by A. Rivera, with a
    verdict set and set back (undo churn)."""
    path = tmp_path_factory.mktemp("half") / "half.ccproj"
    reviewed_sample_project(path, unreviewed=53, creator=OS_ACCOUNT)
    with Project.open(path) as project:
        gap = next(a for a in project.assessments().values() if a.status is Status.GAP)
        project.apply(
            [Decision(gap.reference_ref, status=Status.NOT_APPLICABLE, note="x")],
            reviewer="A. Rivera",
        )
        project.apply(
            [Decision(gap.reference_ref, status=Status.GAP, note=gap.note)], reviewer="A. Rivera"
        )
        settings = project.settings_dict()
        project.set_settings({**settings, "bm25_k1": 1.2, "block_size": 256})
    return path


@pytest.fixture(scope="module")
def half_pdf(half_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("half-pdf") / "half.pdf"
    assert main(["report", str(half_project), "-o", str(out)]) == 0
    return out


def test_partial_review_says_not_yet_reviewed_and_shares_over_reviewed(half_pdf: Path) -> None:
    """With 53 of 106 unreviewed the report says so, gives shares of the 53 reviewed, and never
    calls an unreviewed criterion's possible counterpart 'no counterpart'."""
    text = _flat(pdf_pages(half_pdf))
    assert "DRAFT — 53 of 106 criteria not yet reviewed" in text
    assert "53 of 106 reference criteria have been reviewed; 53 remain" in text
    assert "Share of reviewed" in text
    with Project.open(next(half_pdf.parents[1].glob("half*/half.ccproj")), read_only=True) as p:
        data = collect(p)
    aligned = data.counts.count(Status.ALIGNED)
    share = 100 * aligned / 53
    assert re.search(rf"Aligned [^%]*? {aligned} {share:.1f} %", text)
    assert f"{aligned} aligned ({share:.1f} %)" in text  # the key findings page
    unreviewed_rows = [r for r in data.rows if r.status is Status.UNREVIEWED]
    assert "No linked partner criterion" not in " ".join(
        p for p in pdf_pages(half_pdf) if unreviewed_rows[0].ref in p and "Side-by-side" in p
    )
    assert "Not yet linked" in text


def test_partner_only_only_when_no_unreviewed_criterion_may_claim_it() -> None:
    """In a draft, an unlinked partner criterion among an unreviewed criterion's candidates is
    'not yet linked'; without known candidates every unlinked one is; complete, none is."""
    base = synthetic_report_data(30, 40, reviewed=0.5)
    assert base.is_draft
    assert base.partner_only
    assert base.confirmed_partner_only == ()
    assert base.not_yet_linked == base.partner_only
    pending = frozenset({base.partner_only[0].ref})
    known = replace(base, partner_candidates=pending)
    assert [c.ref for c in known.not_yet_linked] == [base.partner_only[0].ref]
    assert len(known.confirmed_partner_only) == len(base.partner_only) - 1
    complete = synthetic_report_data(30, 40)
    assert complete.confirmed_partner_only == complete.partner_only
    assert complete.not_yet_linked == ()


def test_a_draft_never_aligned_calls_nothing_partner_only(half_project: Path) -> None:
    """Without suggestions nobody knows what the 53 unreviewed criteria may claim: no partner
    criterion is called 'no counterpart', and the partner-only page says why."""
    with Project.open(half_project, read_only=True) as project:
        assert not project.alignment_info()
        data = collect(project)
    assert data.partner_candidates is None
    assert data.confirmed_partner_only == ()
    text = _flat(pdf_pages(render_pdf(data, half_project.with_suffix(".unaligned.pdf"))))
    assert "have no counterpart" not in text
    assert "No partner criterion is known to be partner-only yet." in text
    n = len(data.not_yet_linked)
    assert f"{n} partner criteria are not yet linked: reference criteria still to be" in text
    assert "more partner criteria" not in text  # the key findings list none before them
    assert f"{n} criteria of Meridia AEO-S are not yet linked. No suggestions have been" in text


def test_the_summary_never_counts_zero_more(tmp_path: Path) -> None:
    """A draft whose unlinked partner criteria are all partner-only says nothing of '0 more'."""
    base = synthetic_report_data(30, 40, reviewed=0.5)
    data = replace(base, partner_candidates=frozenset())
    text = _flat(pdf_pages(render_pdf(data, tmp_path / "z.pdf")))
    assert f"{len(base.partner_only)} partner criteria have no counterpart" in text
    assert "0 more" not in text


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_category_table_starts_under_the_level_table(
    half_project: Path, tmp_path: Path, language: str
) -> None:
    """In Spanish and French the half-reviewed sample's 12-row category table once moved whole
    to page 5 and left half of page 4 empty; it now starts on the page of the level table and
    runs on with its header repeated, at least 3 categories on each page."""
    out = tmp_path / f"{language}.pdf"
    assert main(["report", str(half_project), "-o", str(out), "--language", language]) == 0
    with Project.open(half_project, read_only=True) as project:
        sections = collect(project).sections()
    t = translator(language)
    pages = [_flat([p]) for p in pdf_pages(out)]
    heading = f"{t('summary.by_category')} {t('summary.category')}"  # not the contents line
    start = next(i for i, p in enumerate(pages) if heading in p)
    assert t("summary.by_level") in pages[start]
    # The table's part of each page: from its heading (or the page's top), up to the chart.
    parts = [
        pages[start].split(heading, 1)[1],
        pages[start + 1].split(t("summary.chart"), 1)[0],
    ]
    shown = [[name for name in sections if name in part] for part in parts]
    assert [name for names in shown for name in names] == list(sections)
    assert all(len(names) >= 3 for names in shown)
    for part, names in zip(parts, shown, strict=True):
        assert part.index(t("summary.total")) < part.index(names[0])  # the header row first


def test_draft_wording_in_the_pdf_of_a_draft(tmp_path: Path) -> None:
    """The draft's summary counts partner-only and not-yet-linked criteria apart."""
    base = synthetic_report_data(30, 40, reviewed=0.5)
    data = replace(base, partner_candidates=frozenset({base.partner_only[0].ref}))
    text = _flat(pdf_pages(render_pdf(data, tmp_path / "d.pdf")))
    n = len(data.confirmed_partner_only)
    assert f"{n} partner criteria have no counterpart in the reference program" in text
    assert "1 more is not yet linked: a reference criterion still to be reviewed may cover it" in (
        text
    )
    assert "Not yet linked (1)" in text
    assert "not among the 5 best candidates" in text  # the rule, on the method page


def test_key_findings_page_follows_the_cover(tmp_path: Path) -> None:
    """Page 2 is the key findings: Must shares, Must gaps by name, discussion points."""
    data = synthetic_report_data(60, 40)
    pages = pdf_pages(render_pdf(data, tmp_path / "k.pdf"))
    page = " ".join(pages[1].split())
    assert page.count("Key findings") == 1
    assert "Of the" in page
    assert "mandatory (Must) criteria reviewed" in page
    must_gaps = [r for r in data.rows if r.level == "Must" and r.status in (Status.GAP,)]
    assert must_gaps
    assert f"{must_gaps[0].ref} — " in page
    assert "Open discussion points" in page
    assert "Contents" in pages[2]


def test_no_engine_setting_or_os_account_in_the_main_text(
    half_project: Path, half_pdf: Path, tmp_path: Path
) -> None:
    """Without --annex the PDF names no engine setting, no raw history row and not the account
    that only created the project; with --annex the annex has all three, as net changes."""
    main_text = _flat(pdf_pages(half_pdf)).lower()
    for word in ENGINE_WORDS:
        assert word not in main_text
    assert OS_ACCOUNT.lower() not in main_text
    assert "a. rivera" in main_text
    annexed = tmp_path / "annex.pdf"
    assert main(["report", str(half_project), "-o", str(annexed), "--annex"]) == 0
    pages = pdf_pages(annexed)
    start = next(i for i, p in enumerate(pages) if "Technical annex" in p and i > 2)
    annex = _flat(pages[start:])
    assert "bm25 k1" in annex
    assert "block size" in annex
    assert OS_ACCOUNT in annex
    assert "net changes, newest first" in annex
    assert OS_ACCOUNT not in _flat(pages[:start])


def test_net_changes_leave_out_what_was_undone() -> None:
    """A verdict set and set back, and a link made and removed, leave no net change."""

    def entry(i: int, action: str, old: str, new: str, pref: str | None = None) -> HistoryEntry:
        return HistoryEntry(i, f"2026-01-01T10:00:0{i}Z", "a", action, "1.1", pref, old, new)

    history = (
        entry(1, "status", "unreviewed", "gap"),
        entry(2, "status", "gap", "unreviewed"),
        entry(3, "link", "", "equal", "P-1"),
        entry(4, "unlink", "equal", "", "P-1"),
        entry(5, "note", "", "checked"),
    )
    changes = net_changes(history)
    assert [(c.action, c.new_value) for c in changes] == [("note", "checked")]


def test_default_author_is_never_an_account_that_assessed_nothing(half_project: Path) -> None:
    """The cover's 'Prepared by' defaults to the reviewers who assessed, not the OS account."""
    with Project.open(half_project, read_only=True) as project:
        data = collect(project)
        assert project.reviewer == OS_ACCOUNT
        assert default_author(data, project.reviewer) == "A. Rivera"


def test_default_author_counts_every_decision_but_not_setup() -> None:
    """A reviewer who only linked or noted is named; the account that created, aligned and
    changed settings is not, nor the partner administration; nobody decided: empty."""
    from criteria_compare.model import PARTNER_ADMINISTRATION
    from criteria_compare.report import ReviewerActivity

    def entry(i: int, who: str, action: str) -> HistoryEntry:
        return HistoryEntry(i, f"2026-01-01T10:00:{i:02d}Z", who, action, "1.1", None, "", "x")

    setup = tuple(entry(i, OS_ACCOUNT, a) for i, a in enumerate(("create", "align", "settings")))
    decisions = (
        entry(10, "A. Rivera", "status"),
        entry(11, "A. Rivera", "status"),
        entry(12, "A. Rivera", "status"),
        entry(13, "B. Okafor", "link"),
        entry(14, "B. Okafor", "note"),
        entry(15, PARTNER_ADMINISTRATION, "position"),
    )
    accounts = tuple(ReviewerActivity(n, 0, "", "") for n in (OS_ACCOUNT, "B. Okafor"))
    base = replace(synthetic_report_data(6, 4, reviewed=0.0), reviewers=accounts)
    data = replace(base, history=setup + decisions)
    assert default_author(data, OS_ACCOUNT) == "A. Rivera, B. Okafor"
    assert default_author(data, "B. Okafor") == "B. Okafor"
    assert default_author(replace(base, history=setup), OS_ACCOUNT) == ""


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Prepared by not stated"),
        ("es", "Elaborado por no indicado"),
        ("fr", "Établi par non indiqué"),
    ],
)
def test_cover_says_not_stated_when_nobody_is_named(
    language: str, words: str, tmp_path: Path
) -> None:
    """With no author the cover says so in the report's language (agreeing with 'author')."""
    data = synthetic_report_data(12, 6)
    out = render_pdf(data, tmp_path / "a.pdf", ReportOptions(language=language))
    assert words in _flat(pdf_pages(out)[:1])


def test_partner_guidance_printed_and_optional(tmp_path: Path) -> None:
    """The partner's explanatory notes print under its criteria, and can be left out."""
    base = synthetic_report_data(12, 30)
    guided = tuple(
        replace(c, guidance=f"Explanatory note for {c.ref}: keep the evidence.")
        for c in base.partner_only
    )
    rows = tuple(
        replace(
            r,
            links=tuple(
                replace(lk, criterion=replace(lk.criterion, guidance="Linked guidance words."))
                for lk in r.links
            ),
        )
        for r in base.rows
    )
    data = replace(base, partner_only=guided, rows=rows)
    text = _flat(pdf_pages(render_pdf(data, tmp_path / "g.pdf")))
    assert f"Partner's guidance: Explanatory note for {guided[0].ref}: keep the evidence." in text
    assert "Linked guidance words." in text
    plain = render_pdf(data, tmp_path / "n.pdf", ReportOptions(guidance=False))
    assert "Explanatory note for" not in _flat(pdf_pages(plain))


def test_line_breaks_inside_sentences_are_joined() -> None:
    """Wrapped cells are joined; list items, sentence ends and paragraph breaks are kept."""
    assert tidy_text("The operator shall\nkeep records\nfor five years.") == (
        "The operator shall keep records for five years."
    )
    assert tidy_text("Inspect:\n1. front wall\n2. floor") == "Inspect:\n1. front wall\n2. floor"
    assert tidy_text("One.\n\nTwo\nlines.") == "One.\n\nTwo lines."
    assert tidy_text("V – look;\nV – compare") == "V – look;\nV – compare"


def test_wrapped_text_prints_as_one_sentence(tmp_path: Path) -> None:
    base = synthetic_report_data(12, 6)
    row = replace(base.rows[0], note="The partner asks\nfor less than\nthe reference.")
    data = replace(base, rows=(row, *base.rows[1:]))
    text = _flat(pdf_pages(render_pdf(data, tmp_path / "w.pdf")))
    assert "The partner asks for less than the reference." in text


def test_letter_where_the_locale_uses_it() -> None:
    """US, Canada and Mexico get Letter; Spain, France, a C locale and no locale get A4."""
    assert default_page_size({"LANG": "en_US.UTF-8"}) == "letter"
    assert default_page_size({"LANG": "fr_CA.UTF-8"}) == "letter"
    assert default_page_size({"LC_PAPER": "es_MX.UTF-8", "LANG": "en_GB.UTF-8"}) == "letter"
    assert default_page_size({"LANG": "es_ES.UTF-8"}) == "A4"
    assert default_page_size({"LANG": "C.UTF-8"}) == "A4"
    assert default_page_size({}) == "A4"


def test_cli_page_size_follows_the_locale(
    sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdf

    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    out = tmp_path / "us.pdf"
    assert main(["report", str(sample_project), "-o", str(out)]) == 0
    assert round(float(pypdf.PdfReader(str(out)).pages[0].mediabox.width)) == 612


def test_running_header_is_shortened_by_rule_never_mid_word() -> None:
    """Too long a title loses its asides, then its subtitle, then whole words; names stay whole."""

    def fits(n: int) -> Callable[[str], bool]:
        return lambda text: len(text) <= n

    title = "CTPAT Minimum Security Criteria (importers) and Atlantis AEO: compatibility report"
    assert shortened(title, fits(200)) == title
    assert shortened(title, fits(70)) == (
        "CTPAT Minimum Security Criteria and Atlantis AEO: compatibility report"
    )
    assert shortened(title, fits(50)) == "CTPAT Minimum Security Criteria and Atlantis AEO"
    short = shortened(title, fits(30))
    assert short.endswith("…")
    assert all(word in title for word in short.rstrip("…").split())
    line = shortened_names(
        "2026 · ", ("CTPAT Minimum Security Criteria – Importers", "Atlantis AEO"), fits(40)
    )
    assert line.endswith("/ Atlantis AEO")
    assert len(line) <= 40
    assert "Importers" not in line


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler's pdffonts")
def test_every_font_is_embedded_and_mixed_scripts_extract(tmp_path: Path) -> None:
    """Japanese, Chinese, Korean, emoji and Latin in one report: pdffonts lists only embedded
    fonts (no Helvetica, no CID font), and the text layer holds every character."""
    base = synthetic_report_data(12, 30)
    texts = (
        "事業者は貨物の積込み前にコンテナを点検すること。",
        "企业应当对集装箱进行检查并保存记录，确保货物安全。",
        "화물 적재 전에 컨테이너를 점검한다.",
        "Seals ✅ checked 🚢📦 before loading.",
    )
    partner_only = tuple(
        replace(c, text=texts[i % len(texts)]) for i, c in enumerate(base.partner_only)
    )
    data = replace(base, partner_only=partner_only)
    warnings: list[str] = []
    out = render_pdf(
        data, tmp_path / "mixed.pdf", ReportOptions(marking="取扱注意"), warnings=warnings
    )
    assert warnings == []
    text = "".join(pdf_pages(out)).replace("\n", "")
    for sample in texts:
        assert sample.replace(" ", "") in text.replace(" ", ""), sample
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert rows
    assert all(re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row) for row in rows), rows
    assert not any("Helvetica" in row for row in rows)
    names = " ".join(rows)
    for font in ("DejaVuSans", "DroidSansFallback", "NanumGothic", "Symbola"):
        assert font in names


def test_a_character_no_font_has_prints_a_placeholder_and_warns_once(tmp_path: Path) -> None:
    base = synthetic_report_data(12, 6)
    odd = "\U000e0100\U0001fae8"  # no shipped font has these
    rows = (replace(base.rows[0], note=f"Odd {odd} here; again {odd}."), *base.rows[1:])
    warnings: list[str] = []
    out = render_pdf(replace(base, rows=rows), tmp_path / "odd.pdf", warnings=warnings)
    assert len(warnings) == 1
    assert "U+1FAE8" in warnings[0]
    assert "Odd \ufffd" in _flat(pdf_pages(out))


def test_criterion_dataclass_has_guidance() -> None:
    assert Criterion("1", "t", guidance="g").guidance == "g"


def test_cli_language_and_pdf_metadata(sample_project: Path, tmp_path: Path) -> None:
    """--language es writes a Spanish report whose metadata carry title, author, subject and
    language."""
    import pypdf

    out = tmp_path / "es.pdf"
    assert main(["report", str(sample_project), "-o", str(out), "--language", "es"]) == 0
    reader = pypdf.PdfReader(str(out))
    meta = reader.metadata
    assert meta is not None
    assert meta.title is not None
    assert meta.title.endswith(": informe de compatibilidad")
    assert meta.author == "A. Rivera"
    assert meta.subject is not None
    assert meta.subject.startswith("Comparación de ")
    assert reader.trailer["/Root"].get("/Lang") == "es"
    text = _flat(pdf_pages(out))
    assert "Conclusiones principales" in text
    assert "Página 1 de" in text


def test_security_relevance_is_about_security_not_customs_paperwork() -> None:
    """Seals, premises, access control and IT security count; customs records, declarations
    training and solvency do not (words inside others, like 'investigate', never match)."""
    from criteria_compare.report.pdf_findings import is_security_relevant

    def crit(text: str, section: str = "") -> Criterion:
        return Criterion("1", text, section=section)

    assert is_security_relevant(crit("High-security seals are stored in a locked cabinet."))
    assert is_security_relevant(crit("Visitors show a badge at the gate."))
    assert is_security_relevant(crit("Passwords are changed every 90 days.", "IT"))
    assert is_security_relevant(crit("Los precintos se verifican antes de la salida."))
    assert is_security_relevant(crit("Les locaux sont protégés par une clôture."))
    assert not is_security_relevant(crit("The operator gives access to its customs records."))
    assert not is_security_relevant(crit("Staff who prepare declarations receive training."))
    assert not is_security_relevant(crit("Irregularities are investigated within a week."))
    assert not is_security_relevant(crit("The applicant shows it can pay its debts."))


@pytest.mark.parametrize(("language", "word"), [("es", "Sin sección"), ("fr", "Sans section")])
def test_criteria_without_a_section_are_grouped_under_the_reports_word(
    language: str, word: str, tmp_path: Path
) -> None:
    """Programs imported without sections: the PDF's tables, headings and chart and the
    workbook's sheets name the group in the report's language, never 'Unsectioned'."""
    import openpyxl

    from criteria_compare.report import render_workbook

    base = synthetic_report_data(20, 15, reviewed=0.6)
    rows = tuple(replace(r, criterion=replace(r.criterion, section="")) for r in base.rows)
    partner_only = tuple(replace(c, section="") for c in base.partner_only)
    data = replace(base, rows=rows, partner_only=partner_only, partner_candidates=frozenset())
    options = ReportOptions(language=language)
    text = _flat(pdf_pages(render_pdf(data, tmp_path / "s.pdf", options)))
    assert "Unsectioned" not in text
    assert text.count(word) >= 3  # summary table, side-by-side heading, partner-only heading
    cells = [
        str(cell.value)
        for ws in openpyxl.load_workbook(render_workbook(data, tmp_path / "s.xlsx", options))
        for line in ws.iter_rows()
        for cell in line
        if cell.value is not None
    ]
    assert "Unsectioned" not in cells
    assert word in cells


@pytest.mark.parametrize(
    ("manual", "language", "words"),
    [
        (0, "en", "All were confirmed from ranked suggestions."),
        ("all", "fr", "Tous ont été établis manuellement."),
        (1, "en", "were confirmed from ranked suggestions and 1 was made by hand."),
        (1, "es", "se confirmaron a partir de sugerencias ordenadas y 1 se estableció a mano."),
        (1, "fr", "ont été confirmés à partir des suggestions classées et 1 a été établi"),
    ],
)
def test_method_page_counts_links_in_the_right_number(
    manual: int | str, language: str, words: str, tmp_path: Path
) -> None:
    """'1 was made by hand', not '1 were'; no '0 were confirmed from suggestions' when every
    link was made by hand (or the other way round)."""
    base = synthetic_report_data(20, 15)
    count = base.link_count if manual == "all" else int(manual)
    seen = 0
    rows = []
    for row in base.rows:
        links = []
        for link in row.links:
            links.append(replace(link, manual=seen < count))
            seen += 1
        rows.append(replace(row, links=tuple(links)))
    data = replace(base, rows=tuple(rows))
    assert data.manual_link_count == count
    text = _flat(pdf_pages(render_pdf(data, tmp_path / "m.pdf", ReportOptions(language=language))))
    assert words in text
    assert not re.search(r"\b0 (were|ont|se) ", text)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "1 remains."),
        ("es", "queda 1."),
        ("fr", "PROJET — 1 critère sur 20 non encore examiné "),
    ],
)
def test_one_criterion_left_reads_in_the_singular(
    language: str, words: str, tmp_path: Path
) -> None:
    """With a single criterion left to review the draft notices use the singular."""
    base = synthetic_report_data(20, 15)
    rows = (*base.rows[:-1], replace(base.rows[-1], status=Status.UNREVIEWED, links=()))
    data = replace(base, rows=rows, partner_candidates=frozenset())
    assert data.unreviewed == 1
    text = _flat(pdf_pages(render_pdf(data, tmp_path / "o.pdf", ReportOptions(language=language))))
    assert words in text + " "
