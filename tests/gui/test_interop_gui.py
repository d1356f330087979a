"""File → Export as OSCAL / CISO Assistant mapping, and OSCAL catalogs in the import wizard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from PySide6.QtWidgets import QFileDialog
from trestle.oscal.mapping import Model as MappingModel

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.views.import_wizard import NewComparisonWizard
from tests.gui.review_fixtures import make_project, open_in

WAIT_MS = 30_000
SAMPLES = Path(__file__).resolve().parents[2] / "sample_criteria"


def _linked_project(tmp_path: Path) -> Path:
    path = tmp_path / "review.ccproj"
    with make_project(path) as project:
        project.decide("6.1", link=[("M-5", "equal")], status="aligned")
    return path


def _export(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, name: str, target: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action = window.actions_by_name[name]
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: window.jobs.active_worker is None, timeout=WAIT_MS)


def test_file_menu_writes_a_valid_oscal_mapping_with_its_catalogs(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mapping (suffix added) and both catalogs land in the chosen folder; the status bar says so."""
    open_in(qtbot, window, _linked_project(tmp_path))
    out = tmp_path / "out"
    out.mkdir()
    _export(qtbot, window, monkeypatch, "export_oscal", out / "for the GRC tool")
    mapping = out / "for the GRC tool.json"
    document = json.loads(mapping.read_text(encoding="utf-8"))
    MappingModel.model_validate(document)
    hrefs = [
        document["mapping-collection"]["mappings"][0][key]["href"]
        for key in ("source-resource", "target-resource")
    ]
    assert all((out / href).is_file() for href in hrefs)
    assert window.interop_menu.last_message.startswith(
        "Wrote for the GRC tool.json and, beside it,"
    )
    window.close_project()


def test_file_menu_writes_a_ciso_assistant_mapping(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CISO Assistant library holds the one confirmed link; both frameworks are beside it."""
    open_in(qtbot, window, _linked_project(tmp_path))
    _export(qtbot, window, monkeypatch, "export_ciso", tmp_path / "mapping.yaml")
    library = yaml.safe_load((tmp_path / "mapping.yaml").read_text(encoding="utf-8"))
    (mapping_set,) = library["objects"]["requirement_mapping_sets"]
    assert [m["relationship"] for m in mapping_set["requirement_mappings"]] == ["equal"]
    assert len(list(tmp_path.glob("*.yaml"))) == 3
    window.close_project()


@pytest.mark.parametrize("answer", ["Cancel", "Replace"])
def test_a_foreign_file_beside_the_mapping_is_replaced_only_when_the_user_says_so(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    """A catalog file of the same name that is not our export: a warning names it; Cancel writes
    nothing and keeps it, Replace writes the mapping and both catalogs."""
    open_in(qtbot, window, _linked_project(tmp_path))
    out = tmp_path / "out"
    out.mkdir()
    _export(qtbot, window, monkeypatch, "export_oscal", out / "mapping.json")
    (catalog,) = out.glob("partner-*.catalog.json")
    for path in out.iterdir():
        if path != catalog:
            path.unlink()
    catalog.write_text("kept by the user\n", encoding="utf-8")
    window.interop_menu.last_message = ""
    _export(qtbot, window, monkeypatch, "export_oscal", out / "mapping.json")
    box = window.interop_menu.last_box
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    assert catalog.name in box.text()
    assert "Replace" in box.text()
    assert sorted(p.name for p in out.iterdir()) == [catalog.name]
    button = next(b for b in box.buttons() if b.text() == answer)
    button.click()
    qtbot.waitUntil(lambda: window.jobs.active_worker is None, timeout=WAIT_MS)
    if answer == "Cancel":
        assert sorted(p.name for p in out.iterdir()) == [catalog.name]
        assert catalog.read_text(encoding="utf-8") == "kept by the user\n"
        assert "nothing was written" in window.statusBar().currentMessage()
    else:
        qtbot.waitUntil(lambda: bool(window.interop_menu.last_message), timeout=WAIT_MS)
        assert len(list(out.iterdir())) == 3
        assert json.loads(catalog.read_text(encoding="utf-8"))["catalog"]["uuid"]
    window.close_project()


def test_export_without_links_says_so_before_asking_for_a_file(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No confirmed link: a message says what to do; no file dialog, no file."""
    path = tmp_path / "empty.ccproj"
    make_project(path).close()
    open_in(qtbot, window, path)
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    for name, what in (("export_oscal", "an OSCAL mapping"), ("export_ciso", "a CISO Assistant")):
        window.actions_by_name[name].trigger()
        box = window.interop_menu.last_box
        assert box is not None
        assert box.isVisible()
        assert f"no confirmed link yet, and {what}" in box.text()
        box.close()
    assert asked == []
    assert list(tmp_path.glob("*.json")) == []
    window.close_project()


def test_the_wizard_reads_an_oscal_catalog_as_the_partner(qtbot, tmp_path: Path) -> None:
    """Choosing a catalog: five criteria, its title proposed, the withdrawn warning shown."""
    catalog = tmp_path / "catalog.json"
    catalog.write_bytes((SAMPLES / "port_security_catalog.oscal.json").read_bytes())
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.reference_page
    page.sample_button.click()  # nothing is pre-filled
    qtbot.waitUntil(lambda: page.check is not None and page.check.result is not None, timeout=20000)
    wizard.next()
    page = wizard.partner_page
    page.set_path(catalog)
    qtbot.waitUntil(
        lambda: (
            page.check is not None
            and page.check.result is not None
            and page.check.path.suffix == ".json"
        ),
        timeout=20000,
    )
    qtbot.waitUntil(
        lambda: page.name_edit.text() == "Meridia Port Operator Security Catalog", timeout=20000
    )
    assert len(page.check.result.criteria) == 5
    assert any(
        "withdrawn" in page.warnings_list.item(i).text() for i in range(page.warnings_list.count())
    )
