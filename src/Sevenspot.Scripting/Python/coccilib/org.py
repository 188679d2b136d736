"""Org mode: findings as emacs org-mode TODO items and links.

A TODO item starts a finding and a link adds a place to it (print_main then print_sec or
print_secs), kept as data for sevenspot's machine-readable outputs as well as printed.
"""

from . import report


def build_link(p, msg, color):
    return "[[view:{0}::face={1}::linb={2}::colb={3}::cole={4}][{5}]]".format(
        p.file, color, p.line, p.column, p.column_end, msg)


def _safe(msg):
    # Square brackets would end the org link early.
    return msg.replace("[", "@(").replace("]", ")")


def _todo(p, msg, color, finding_msg):
    line = "* TODO " + build_link(p, msg, color)
    report._record(finding_msg, p)
    print(line)


def _link(p, msg, color):
    line = build_link(p, msg, color)
    report._record_secondary(msg, p)
    print(line)


def print_todo(p, msg="", color="ovl-face1"):
    _todo(p, msg, color, msg)


def print_link(p, msg="", color="ovl-face1"):
    _link(p, msg, color)


def print_safe_todo(p, msg="", color="ovl-face1"):
    print_todo(p, _safe(msg), color)


def print_safe_link(p, msg="", color="ovl-face1"):
    print_link(p, _safe(msg), color)


def print_main(msg, p, color="ovl-face1"):
    first = p[0]
    _todo(first, "{0} {1}::{2}".format(msg, first.file, first.line), color, msg)


def print_sec(msg, p, color="ovl-face2"):
    _link(p[0], msg, color)


def print_secs(msg, ps, color="ovl-face2"):
    for p in ps:
        _link(p, msg, color)
