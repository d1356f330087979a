"""The default reviewer is the account's full name, else the login name, else "reviewer"."""

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


class _Account:
    def __init__(self, gecos: str) -> None:
        self.pw_gecos = gecos


@pytest.mark.parametrize(
    ("gecos", "expected"),
    [
        ("Dana Scully,Room 4,555-0100,", "Dana Scully"),
        ("  Dana   Scully ", "Dana Scully"),
        ("", "dana"),
        (",,,", "dana"),
        ("Dana\x07Scully", "dana"),
        ("x" * 200, "dana"),
    ],
)
def test_the_account_full_name_is_offered_before_the_login(
    monkeypatch: pytest.MonkeyPatch, gecos: str, expected: str
) -> None:
    """The history and the report then say "Dana Scully", not "dana"; an empty, odd or
    overlong name field falls back to the login name."""
    pwd = pytest.importorskip("pwd")
    monkeypatch.setattr(getpass, "getuser", lambda: "dana")
    monkeypatch.setattr(pwd, "getpwnam", lambda login: _Account(gecos))
    assert osuser.os_user() == expected


def test_an_unknown_account_gives_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    """A login the account database does not list (set only in the environment) is used as is."""
    pwd = pytest.importorskip("pwd")

    def unknown(login: str) -> _Account:
        raise KeyError(login)

    monkeypatch.setattr(getpass, "getuser", lambda: "dana")
    monkeypatch.setattr(pwd, "getpwnam", unknown)
    assert osuser.os_user() == "dana"


def test_without_the_windows_name_service_the_login_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the display name cannot be asked for (no secur32 here), the login name is used."""
    monkeypatch.setattr(osuser.sys, "platform", "win32")
    monkeypatch.setattr(getpass, "getuser", lambda: "dana")
    assert osuser.os_user() == "dana"
