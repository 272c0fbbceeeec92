"""The exit codes of `redact`, documented in one place.

====  ======================================================================
code  meaning
====  ======================================================================
0     success (check mode: nothing to report)
1     check mode: findings or unused pragmas were reported;
      `--restore --strict`: something was left unrestored (the text is still written)
2     usage, configuration or input error (bad flag, bad config or policy,
      unreadable file, invalid UTF-8, broken rule pack, missing model), or a
      vault that cannot be used (no key, wrong key, damaged or missing vault)
3     internal error (a bug): output stopped, nothing more was written
130   interrupted (Ctrl-C), as other Unix tools
141   the reader of stdout went away (broken pipe), as other Unix filters
====  ======================================================================

In every case other than 0 and 1, output stops where the error happened and nothing
unredacted is written: text reaches stdout only once the text it covers is redacted.
"""

from __future__ import annotations

import enum

__all__ = ["ExitCode"]


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3
    INTERRUPTED = 130
    BROKEN_PIPE = 141
