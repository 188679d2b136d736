"""Sevenspot's implementation of the python API that Coccinelle's script rules use.

Script rules see three names: ``coccilib`` (this package), ``cocci`` (a Cocci object: include_match,
make_ident, print_main, ...) and ``coccinelle`` (where a rule stores its output metavariables).
"""

from . import elems, iteration, org, report  # noqa: F401
from .elems import Location, TermList  # noqa: F401


class MadeValue(str):
    """A value built by cocci.make_*: a string that remembers which kind of metavariable it is."""

    kind = "expression"

    def __new__(cls, text, kind):
        value = str.__new__(cls, text)
        value.kind = kind
        return value


class ExitRequested(Exception):
    """Raised by cocci.exit(): stop the run after the current file."""


class Outputs:
    """The ``coccinelle`` object: a rule's output metavariables are attributes set on it."""

    def _reset(self):
        self.__dict__.clear()


class Cocci:
    """The ``cocci`` object."""

    def __init__(self):
        self._include = True
        self._pending = []

    # -- environments -------------------------------------------------------------------------
    def include_match(self, keep):
        """include_match(False) drops the current environment: later rules do not see it."""
        self._include = bool(keep)

    def exit(self):
        raise ExitRequested()

    # -- values for output metavariables ------------------------------------------------------
    def make_ident(self, text):
        return MadeValue(str(text), "identifier")

    def make_expr(self, text):
        return MadeValue(str(text), "expression")

    def make_type(self, text):
        return MadeValue(str(text), "type")

    def make_stmt(self, text):
        return MadeValue(str(text), "statement")

    def make_stmt_with_env(self, env, text):
        return MadeValue(str(text), "statement")

    def make_listlen(self, n):
        return MadeValue(str(int(n)), "listlen")

    def make_position(self, fl, fn, startl, startc, endl, endc):
        return (Location(fl, fn, str(startl), str(startc), str(endl), str(endc)),)

    # -- org-mode output kept on the cocci object for older rules -----------------------------
    def print_main(self, msg, p, color="ovl-face1"):
        org.print_main(msg, p, color)

    def print_sec(self, msg, p, color="ovl-face2"):
        org.print_sec(msg, p, color)

    def print_secs(self, msg, ps, color="ovl-face2"):
        org.print_secs(msg, ps, color)

    def add_pending_instance(self, files, virtual_rules, virtual_identifiers, extend_virtual_ids=False):
        """Asks for one more run of the semantic patch, after this one, on files (None: the same files)."""
        self._pending.append({
            "files": None if files is None else [str(f) for f in files],
            "virtuals": [str(v) for v in virtual_rules],
            "ids": [[str(k), str(v)] for (k, v) in virtual_identifiers],
            "extend": bool(extend_virtual_ids),
        })
