"""The operating-system user's name, the default reviewer wherever none was given."""

from __future__ import annotations

import getpass

__all__ = ["FALLBACK_REVIEWER", "os_user"]

#: The name used when the system has none to give (containers, services, some Windows set-ups).
FALLBACK_REVIEWER = "reviewer"


def os_user() -> str:
    """The login name from the environment or the account database, else ``FALLBACK_REVIEWER``."""
    try:
        name = getpass.getuser()  # LOGNAME, USER, LNAME, USERNAME, then the password database
    except (OSError, KeyError, ImportError):  # no variable, no account entry (varies by OS/version)
        name = ""
    return name.strip() or FALLBACK_REVIEWER
