"""The default reviewer is the OS user, or "reviewer" where the system gives no name."""

from __future__ import annotations

import getpass

import pytest

from criteria_compare import osuser


def test_the_login_name_is_the_default_reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The name the system reports is used as it is, without surrounding blanks."""
    monkeypatch.setattr(getpass, "getuser", lambda: " dana \n")
    assert osuser.os_user() == "dana"


@pytest.mark.parametrize("error", [OSError("no login name"), KeyError("uid 1234")])
def test_no_name_from_the_system_gives_reviewer(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    """A container or service without a login name records "reviewer", not an error."""

    def fail() -> str:
        raise error

    monkeypatch.setattr(getpass, "getuser", fail)
    assert osuser.os_user() == "reviewer"


def test_a_blank_name_gives_reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty or blank login name is no name."""
    monkeypatch.setattr(getpass, "getuser", lambda: "  ")
    assert osuser.os_user() == "reviewer"
