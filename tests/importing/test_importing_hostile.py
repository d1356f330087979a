"""Wrong and hostile files are refused with one clear sentence, never a traceback."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from criteria_compare.errors import ImportFailed
from criteria_compare.importing import ImportLimits, read_criteria
from tests.importing.hostile_corpus import OLE_MAGIC, ole_file
from tests.importing.import_fixtures import WorkbookFactory

DATA = Path(__file__).resolve().parent / "data"


def _refused(path: Path, limits: ImportLimits | None = None) -> str:
    with pytest.raises(ImportFailed) as err:
        read_criteria(path, limits=limits)
    message = str(err.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    """A path that does not exist says so."""
    assert "was not found" in _refused(tmp_path / "nope.xlsx")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    """A folder is not a file."""
    assert "is a folder" in _refused(tmp_path)


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    """A zero-byte file is called empty."""
    path = tmp_path / name
    path.write_bytes(b"")
    assert "is empty" in _refused(path)


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    """Random bytes with an .xlsx name are not a workbook."""
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(4096))
    assert "not a valid Excel workbook" in _refused(path)


def test_old_binary_xls_says_save_as_xlsx(tmp_path: Path) -> None:
    """An Excel 97-2003 file is recognised by its OLE signature and the fix is named."""
    message = _refused(ole_file(tmp_path / "old.xls", ["Workbook", "SummaryInformation"]))
    assert "old binary Excel (.xls)" in message
    assert "save it as" in message
    assert ".xlsx" in message


def test_password_protected_workbook_is_told_apart_from_xls(tmp_path: Path) -> None:
    """An encrypted .xlsx is an OLE file too; its EncryptedPackage stream gives it away."""
    path = ole_file(tmp_path / "locked.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    message = _refused(path)
    assert "password-protected" in message
    assert "remove the" in message
    assert "password" in message


def test_real_excel_97_file(tmp_path: Path) -> None:
    """A genuine .xls written by xlwt (see data/make_office_fixtures.py) is recognised."""
    assert "old binary Excel (.xls)" in _refused(DATA / "legacy_criteria.xls")


def test_real_password_protected_workbook() -> None:
    """A genuine workbook encrypted by msoffcrypto-tool is recognised as password-protected."""
    message = _refused(DATA / "locked_criteria.xlsx")
    assert message.startswith("locked_criteria.xlsx is a password-protected workbook")


def test_file_over_the_size_limit(make_workbook: WorkbookFactory) -> None:
    """The size limit is configurable and its message names both sizes."""
    message = _refused(make_workbook(), ImportLimits(max_bytes=1000))
    assert "over the import limit" in message


def test_sheet_over_the_row_limit(make_workbook: WorkbookFactory) -> None:
    """A sheet with more rows than allowed is refused, naming the sheet."""
    rows = [[f"1.{i}", f"Rule number {i}.", "", "Must"] for i in range(1, 30)]
    message = _refused(make_workbook(rows), ImportLimits(max_rows=10))
    assert "sheet 'Criteria' has more than 10 rows with data" in message


def test_sheet_over_the_column_limit(make_workbook: WorkbookFactory) -> None:
    """A row wider than the column limit is refused, naming the row."""
    rows = [["1.1", "Rule.", "", "Must", *["x"] * 20]]
    message = _refused(make_workbook(rows), ImportLimits(max_columns=8))
    assert "row 2 has data in column I, beyond the import limit of 8 columns" in message


def test_formatted_empty_cells_beyond_the_column_limit_are_fine(tmp_path: Path) -> None:
    """Styled but empty cells far to the right (a formatted whole row) do not count as columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Criteria"])
    ws.append(["1.1", "Gates lock."])
    ws.cell(2, 300).number_format = "0.00"
    path = tmp_path / "wide_format.xlsx"
    wb.save(path)
    result = read_criteria(path, limits=ImportLimits(max_columns=20))
    assert [c.ref for c in result.criteria] == ["1.1"]


def test_csv_with_data_beyond_the_column_limit(tmp_path: Path) -> None:
    """A CSV record with data past the column limit is refused, naming row and column."""
    path = tmp_path / "wide.csv"
    path.write_text("ID,Criteria" + ",x" * 10 + "\n1.1,Gates lock.\n")
    assert "row 1 has data in column F" in _refused(path, ImportLimits(max_columns=5))


def test_blank_rows_do_not_count_against_the_row_limit(tmp_path: Path) -> None:
    """Only rows with data count: a table far down a sheet still imports."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.cell(500, 1).value = "ID"
    ws.cell(500, 2).value = "Criteria"
    ws.cell(501, 1).value = "1.1"
    ws.cell(501, 2).value = "Gates lock."
    path = tmp_path / "far_down.xlsx"
    wb.save(path)
    result = read_criteria(path, limits=ImportLimits(max_rows=10))
    assert result.header_row == 500


def test_csv_over_the_row_limit(tmp_path: Path) -> None:
    """CSV files obey the row limit too."""
    path = tmp_path / "long.csv"
    path.write_text("ID,Criteria\n" + "".join(f"{i},Rule {i}.\n" for i in range(50)))
    assert "more than 20 rows" in _refused(path, ImportLimits(max_rows=20))


def _zip_with(path: Path, big_name: str, big_size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr(big_name, b"\x00" * big_size)
    return path


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    """A package that inflates more than 200 to 1 (past 32 MiB) is refused from the zip
    directory alone."""
    path = _zip_with(tmp_path / "bomb.xlsx", "xl/sharedStrings.xml", 40 * 1024 * 1024)
    assert path.stat().st_size < 100_000
    message = _refused(path)
    assert "zip bomb" in message
    assert "xl/sharedStrings.xml" in message


def test_declared_uncompressed_size_over_limit(make_workbook: WorkbookFactory) -> None:
    """The total unpacked size is checked against the configured limit."""
    message = _refused(make_workbook(), ImportLimits(max_uncompressed_bytes=2000))
    assert "would unpack to" in message


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    """A plain zip archive named .xlsx is not a workbook."""
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "zip file but not an Excel workbook" in _refused(path)


def test_opendocument_spreadsheet_named_xlsx(tmp_path: Path) -> None:
    """An .ods saved under an .xlsx name is recognised and the fix named."""
    path = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in _refused(path)


def test_binary_workbook_xlsb(tmp_path: Path) -> None:
    """An .xlsb workbook (zip of binary parts) is named and the fix given."""
    path = tmp_path / "criteria.xlsb"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert "Excel Binary Workbook (.xlsb)" in _refused(path)


def test_damaged_workbook_parts(make_workbook: WorkbookFactory, tmp_path: Path) -> None:
    """A workbook whose sheet XML is truncated is refused without a traceback."""
    good = make_workbook()
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert "could not be read as an Excel workbook" in _refused(broken)


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    """CSV text saved with an .xlsx name gets a hint to rename it."""
    path = tmp_path / "export.xlsx"
    path.write_text("ID,Criteria\n1.1,Gates lock.\n")
    assert "rename it to .csv" in _refused(path)


def test_binary_data_named_csv(tmp_path: Path) -> None:
    """Binary bytes named .csv are refused as not text."""
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 8)
    assert "binary data" in _refused(path)


def test_unsupported_extension(tmp_path: Path) -> None:
    """A rich-text file is none of the formats read; the message says what to save it as."""
    path = tmp_path / "criteria.rtf"
    path.write_bytes(b"{\\rtf1\\ansi " + b"x" * 100 + b"}")
    assert "unsupported file type .rtf" in _refused(path)


def test_workbook_named_csv_is_read_as_workbook(
    make_workbook: WorkbookFactory, tmp_path: Path
) -> None:
    """Content wins over the name: a real workbook saved as .csv is still read."""
    renamed = tmp_path / "really_a_workbook.csv"
    renamed.write_bytes(make_workbook().read_bytes())
    assert len(read_criteria(renamed).criteria) == 3


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&d;</t></si></sst>'
)


SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _with_part(good: Path, hostile: Path, part: str, payload: bytes) -> Path:
    """Copy a workbook, replacing (or adding, with its content type) one XML part."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        for name in names:
            data = src.read(name)
            if name == "[Content_Types].xml" and part not in names:
                override = f'<Override PartName="/{part}" ContentType="{SST_TYPE}"/></Types>'
                data = data.replace(b"</Types>", override.encode())
            if name == part:
                data = payload
            dst.writestr(name, data)
        if part not in names:
            dst.writestr(part, payload)
    return hostile


def test_entity_expansion_in_shared_strings_is_refused(
    make_workbook: WorkbookFactory, tmp_path: Path
) -> None:
    """An XML entity-expansion payload in sharedStrings is refused, never expanded."""
    hostile = _with_part(
        make_workbook(), tmp_path / "laughs.xlsx", "xl/sharedStrings.xml", BILLION_LAUGHS.encode()
    )
    assert zipfile.ZipFile(hostile).read("xl/sharedStrings.xml").count(b"ENTITY") == 4
    message = _refused(hostile)
    assert "entity" in message


def test_entity_expansion_in_sheet_xml_is_refused(
    make_workbook: WorkbookFactory, tmp_path: Path
) -> None:
    """The same kind of payload in a worksheet is refused too."""
    good = make_workbook()
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml").decode()
    dtd = '<!DOCTYPE worksheet [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    if sheet.startswith("<?xml"):
        head, _, rest = sheet.partition("?>")
        sheet = head + "?>" + dtd + rest
    else:
        sheet = dtd + sheet
    sheet = sheet.replace("1.1</t>", "&b;</t>", 1)
    hostile = _with_part(
        good, tmp_path / "laughs_sheet.xlsx", "xl/worksheets/sheet1.xml", sheet.encode()
    )
    assert "entity" in _refused(hostile)


def test_refusal_happens_before_any_library_reads_the_bytes(tmp_path: Path) -> None:
    """The OLE check needs only the signature; a huge fake body is never parsed."""
    path = tmp_path / "old.xls"
    path.write_bytes(OLE_MAGIC + io.BytesIO(b"\x00" * 2_000_000).read())
    assert ".xls" in _refused(path)


def test_chartsheet_only_workbook(tmp_path: Path) -> None:
    """A workbook with no worksheet is refused in plain words, not with library internals."""
    wb = openpyxl.Workbook()
    wb.create_chartsheet("Chart")
    wb.remove(wb.active)
    path = tmp_path / "chart_only.xlsx"
    wb.save(path)
    message = _refused(path)
    assert "object has no attribute" not in message
    assert message.startswith("chart_only.xlsx")
