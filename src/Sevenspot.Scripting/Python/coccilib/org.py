"""Org mode: findings as emacs org-mode TODO items and links."""


def build_link(p, msg, color):
    return "[[view:{0}::face={1}::linb={2}::colb={3}::cole={4}][{5}]]".format(
        p.file, color, p.line, p.column, p.column_end, msg)


def _safe(msg):
    # Square brackets would end the org link early.
    return msg.replace("[", "@(").replace("]", ")")


def print_todo(p, msg="", color="ovl-face1"):
    print("* TODO " + build_link(p, msg, color))


def print_link(p, msg="", color="ovl-face1"):
    print(build_link(p, msg, color))


def print_safe_todo(p, msg="", color="ovl-face1"):
    print_todo(p, _safe(msg), color)


def print_safe_link(p, msg="", color="ovl-face1"):
    print_link(p, _safe(msg), color)


def print_main(msg, p, color="ovl-face1"):
    first = p[0]
    print_todo(first, "{0} {1}::{2}".format(msg, first.file, first.line), color)


def print_sec(msg, p, color="ovl-face2"):
    print_link(p[0], msg, color)


def print_secs(msg, ps, color="ovl-face2"):
    for p in ps:
        print_link(p, msg, color)
