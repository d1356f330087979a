"""The operating-system user's name, the default reviewer wherever none was given."""

from __future__ import annotations

import getpass
import sys
import unicodedata

__all__ = ["FALLBACK_REVIEWER", "os_user"]

#: The name used when the system has none to give (containers, services, some Windows set-ups).
FALLBACK_REVIEWER = "reviewer"
#: Longest full name taken from the system; a longer one is not a person's name.
_MAX_FULL_NAME = 80


def os_user() -> str:
    """The person's full name as the account gives it ("Ana Ruiz": the account database's
    name field on Linux and macOS, the display name on Windows), else the login name from
    the environment or the account database, else ``FALLBACK_REVIEWER``.

    The history and the report name reviewers, so a full name reads better than a login.
    """
    try:
        login = getpass.getuser()  # LOGNAME, USER, LNAME, USERNAME, then the password database
    except (OSError, KeyError, ImportError):  # no variable, no account entry (varies by OS/version)
        login = ""
    login = login.strip()
    return _full_name(login) or login or FALLBACK_REVIEWER


def _full_name(login: str) -> str:
    """The account's full name when it has a usable one, else ""."""
    name = _windows_display_name() if sys.platform == "win32" else _unix_full_name(login)
    name = " ".join(name.split())
    if len(name) > _MAX_FULL_NAME or any(unicodedata.category(ch) == "Cc" for ch in name):
        return ""
    return name


def _unix_full_name(login: str) -> str:
    if not login:
        return ""
    try:
        import pwd

        gecos = pwd.getpwnam(login).pw_gecos
    except (ImportError, KeyError, OSError):
        return ""
    # "Full Name,Room,Work phone,Home phone,Other": the name is the first field.
    return gecos.split(",", 1)[0]


def _windows_display_name() -> str:
    """The signed-in user's display name (GetUserNameExW, NameDisplay); "" when the account
    has none, as local accounts often do."""
    try:
        import ctypes

        secur32 = ctypes.WinDLL("secur32")  # type: ignore[attr-defined,unused-ignore]
        size = ctypes.c_ulong(0)
        name_display = 3
        secur32.GetUserNameExW(name_display, None, ctypes.byref(size))
        if not 0 < size.value <= 1024:
            return ""
        buffer = ctypes.create_unicode_buffer(size.value)
        if not secur32.GetUserNameExW(name_display, buffer, ctypes.byref(size)):
            return ""
        return str(buffer.value)
    except (AttributeError, OSError, ValueError):
        return ""
