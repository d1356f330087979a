"""Word documents written in code for the importer tests (python-docx, plus raw XML for lists)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

HEADER = ("ID", "Criteria", "Implementation Guidance", "Must/Should")

#: A two-level decimal list, "%1." then "%1.%2", the way Word numbers a criteria list.
DECIMAL_LIST = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
"""


def new_document() -> Any:
    """An empty document from python-docx's default template."""
    return docx.Document()


def add_table(document: Any, rows: Sequence[Sequence[str]]) -> Any:
    """A table whose cells hold the given texts (a line break starts a new paragraph)."""
    table = document.add_table(rows=0, cols=max(len(r) for r in rows))
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=False):
            lines = value.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    return table


def add_list(document: Any, abstract_xml: str = DECIMAL_LIST, start: int | None = None) -> str:
    """Add a list definition to the numbering part; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(abstract_xml)
    abstract_id = abstract.get(qn("w:abstractNumId"))
    numbering.insert(0, abstract)
    num_id = str(100 + len(numbering.findall(qn("w:num"))))
    override = (
        f'<w:lvlOverride w:ilvl="1"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        if start is not None
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{override}</w:num>"
        )
    )
    return num_id


def number_paragraph(paragraph: Any, num_id: str, level: int) -> None:
    """Put a paragraph in a list at a level (Word draws its number; the text has none)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
            "</w:numPr>"
        )
    )


def save(document: Any, path: Path) -> Path:
    """Write the document and return its path."""
    document.save(str(path))
    return path
