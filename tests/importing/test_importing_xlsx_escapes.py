"""Excel's escaped characters in cell text (``_x000D_`` for a carriage return) are decoded."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook

from criteria_compare.importing import read_criteria

_SST = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t xml:space="preserve">Seal every container_x000D_\n'
    "and log the number_x0009_daily</t></si></sst>"
)


def _workbook_with_shared_string(tmp_path: Path) -> Path:
    """A workbook whose criterion text is a shared string written the way Excel writes a
    pasted Windows line break (CR as _x000D_) and a tab (_x0009_)."""
    plain = tmp_path / "plain.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Criteria"])
    ws.append(["1.1", "PLACEHOLDER"])
    wb.save(plain)
    out = tmp_path / "excel_escapes.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<c r="B2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>',
                    b'<c r="B2" t="s"><v>0</v></c>',
                )
                assert b'<c r="B2" t="s">' in data
            if name == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>',
                )
            z.writestr(name, data)
        z.writestr("xl/sharedStrings.xml", _SST)
    return out


def test_escaped_carriage_return_and_tab_are_decoded(tmp_path: Path) -> None:
    """``_x000D_`` before a line break leaves one clean line break; ``_x0009_`` is a tab."""
    result = read_criteria(_workbook_with_shared_string(tmp_path))
    (criterion,) = result.criteria
    assert criterion.text == "Seal every container\nand log the number\tdaily"
    assert "_x00" not in criterion.text
