"""Make the two binary fixtures beside this file; run once in a scratch venv with xlwt and msoffcrypto-tool.

Usage: python make_office_fixtures.py tests/importing/data
legacy_criteria.xls is a real Excel 97-2003 file; locked_criteria.xlsx a real workbook encrypted with
the password "criteria" (an OLE file holding an EncryptedPackage stream). Neither tool is a project
dependency: the importer only needs to recognise these files, never to open them.
"""

import io
import sys
from pathlib import Path

import openpyxl
import xlwt
from msoffcrypto.format.ooxml import OOXMLFile

out = sys.argv[1]
rows = [
    ["ID", "Criteria", "Must/Should"],
    ["1.1", "Gates are locked outside working hours.", "Must"],
    ["1.2", "Visitors sign in at reception.", "Should"],
]
book = xlwt.Workbook()
sh = book.add_sheet("Criteria")
for r, row in enumerate(rows):
    for c, v in enumerate(row):
        sh.write(r, c, v)
book.save(f"{out}/legacy_criteria.xls")
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Criteria"
for row in rows:
    ws.append(row)
buf = io.BytesIO()
wb.save(buf)
buf.seek(0)
with Path(f"{out}/locked_criteria.xlsx").open("wb") as fh:
    OOXMLFile(buf).encrypt("criteria", fh)
